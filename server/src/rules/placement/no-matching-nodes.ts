import type { Rule } from '../types';
import { firstPresent, placementOf, remedyFixes } from '../helpers/placement';
import { t } from '../../l10n';

export const noMatchingNodes: Rule = {
  meta: {
    id: 'no-matching-nodes',
    category: 'placement',
    defaultSeverity: 'warning',
    title: 'The DaemonSet runs on no node of the inventory',
    description:
      'Judged against the inventory in use (the bundled sample cluster, an inventory file or your cluster): no node passes the node selector, the required node affinity and the taints, so `kubectl get ds` would show DESIRED 0. Usually a label typo, a selector for nodes that do not exist yet, or a missing toleration.',
    bad: 'nodeSelector:\n  kubernetes.io/arch: amd65',
    good: 'nodeSelector:\n  kubernetes.io/arch: amd64',
    fix: 'The placement engine proposes the edits that make the most nodes run (select a value the nodes have, relax the failing affinity expression, tolerate the taint) and offers each only after re-checking the edited manifest.',
  },
  check(ctx) {
    const p = placementOf(ctx);
    if (!p || p.result.desired > 0 || p.result.nodes.length === 0) return [];
    const byAffinity = p.result.nodes.filter((n) => n.reasons.some((r) => r.predicate === 'NodeAffinity' || r.predicate === 'NodeName')).length;
    const byTaint = p.result.nodes.filter((n) => n.reasons.length > 0 && n.reasons.every((r) => r.predicate === 'TaintToleration')).length;
    const parts = [];
    if (byAffinity) parts.push(t('{0} by the node selector or affinity', byAffinity));
    if (byTaint) parts.push(t('{0} only by untolerated taints', byTaint));
    const path = byAffinity
      ? firstPresent(ctx.value, [
          ['spec', 'template', 'spec', 'nodeSelector'],
          ['spec', 'template', 'spec', 'affinity', 'nodeAffinity'],
          ['spec', 'template', 'spec', 'nodeName'],
          ['spec', 'template', 'spec'],
        ])
      : firstPresent(ctx.value, [
          ['spec', 'template', 'spec', 'tolerations'],
          ['spec', 'template', 'spec'],
        ]);
    return [
      {
        rule: 'no-matching-nodes',
        path,
        target: 'key',
        message: t('This DaemonSet runs on none of the {0} nodes of {1} (DESIRED 0): excluded {2}.', p.result.nodes.length, p.where, parts.join(', ')),
        // The proven edits that make the most nodes run, first.
        lazyFixes: remedyFixes(
          ctx,
          p.result.nodes.map((n) => n.name),
        ),
      },
    ];
  },
};
