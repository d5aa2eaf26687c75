/** maxUnavailable 1 (the default): a rollout replaces one node's pod at a time. */
import type { PathSeg } from '../../yaml/types';
import type { Rule } from '../types';
import { t } from '../../l10n';
import { parseIntOrPercent } from '../../k8s/intstr';
import { isObject } from '../helpers/pod';

/** Below this many nodes a one-at-a-time rollout is quick enough not to mention. */
export const LARGE_CLUSTER_NODES = 10;

export const maxUnavailableOne: Rule = {
  meta: {
    id: 'max-unavailable-one',
    category: 'practice',
    defaultSeverity: 'information',
    title: 'Rolling update one node at a time',
    description:
      'A RollingUpdate with `maxUnavailable: 1` (the default when omitted) and no `maxSurge` replaces the daemon pod on one node, waits for it to become available, then moves on. On a 300-node cluster with a 30 s start that is over two hours per rollout. A percentage (`maxUnavailable: 10%`) scales with the cluster while still limiting how many nodes are without the agent at once.',
    severityNote:
      'Information when an inventory file or live cluster with at least 10 nodes is loaded (the slowness is then real). Without one, only a hint, and only when `maxUnavailable` is omitted (an explicit 1 is a decision, and small clusters are fine with it).',
    bad: 'updateStrategy:\n  type: RollingUpdate',
    good: 'updateStrategy:\n  type: RollingUpdate\n  rollingUpdate:\n    maxUnavailable: 10%',
    fix: 'Sets `maxUnavailable: 10%` (not preferred: pick what the agent tolerates).',
  },
  check(ctx) {
    // A kustomize patch leaves out what the base already sets.
    if (ctx.partial) return [];
    const spec = ctx.value?.spec;
    if (!isObject(spec)) return [];
    const strategy = spec.updateStrategy;
    if (strategy != null && !isObject(strategy)) return [];
    if (strategy?.type !== undefined && strategy.type !== 'RollingUpdate') return [];
    const ru = strategy?.rollingUpdate;
    if (ru != null && !isObject(ru)) return [];
    const surge = ru?.maxSurge === undefined ? { n: 0, percent: false } : parseIntOrPercent(ru.maxSurge);
    if (!surge || surge.n !== 0) return [];
    const mu = ru?.maxUnavailable === undefined ? { n: 1, percent: false } : parseIntOrPercent(ru.maxUnavailable);
    if (!mu || mu.n !== 1 || mu.percent) return [];
    // The bundled sample inventory says nothing about the user's cluster.
    const nodes = ctx.inventory && ctx.inventory.source !== 'sample' ? ctx.inventory.nodes.length : 0;
    const large = nodes >= LARGE_CLUSTER_NODES;
    // An explicit 1 is a decision; without a real cluster size there is nothing to add to it.
    if (!large && ru?.maxUnavailable !== undefined) return [];
    let path: PathSeg[];
    let target: 'key' | 'value' = 'key';
    if (ru?.maxUnavailable !== undefined) [path, target] = [['spec', 'updateStrategy', 'rollingUpdate', 'maxUnavailable'], 'value'];
    else if (ru != null) path = ['spec', 'updateStrategy', 'rollingUpdate'];
    else if (strategy != null) path = ['spec', 'updateStrategy'];
    else path = ['spec'];
    const edit = ctx.edits.setPath(['spec', 'updateStrategy', 'rollingUpdate', 'maxUnavailable'], '10%');
    const how = ru?.maxUnavailable === undefined ? t('maxUnavailable defaults to 1') : t('maxUnavailable is 1');
    return [
      {
        rule: 'max-unavailable-one',
        path,
        target,
        severity: large ? undefined : 'hint',
        message: large
          ? t(
              '{0}, so a rollout replaces the pod on one node at a time: on the {1} nodes of {2} that is {1} pod restarts in sequence. On large clusters consider a percentage such as maxUnavailable: 10%.',
              how,
              nodes,
              ctx.inventory!.name,
            )
          : t('{0}, so a rollout replaces the pod on one node at a time. On large clusters consider a percentage such as maxUnavailable: 10%.', how),
        fixes: edit ? [{ title: t('Set maxUnavailable: 10%'), edits: edit }] : undefined,
      },
    ];
  },
};
