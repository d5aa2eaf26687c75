/** Node-critical agents without a priority class cannot preempt their way onto a full node. */
import type { Finding } from '../types';
import type { Rule } from '../types';
import { t } from '../../l10n';
import { POD, podSpec, toleratesAll } from '../helpers/pod';
import { nodeList, placementOf } from '../helpers/placement';
import type { RuleContext } from '../types';
import type { RemedyKind } from '../../remedy';

const PRIORITY_ONLY: ReadonlySet<RemedyKind> = new Set(['priority-class']);

/**
 * What the engine shows on the inventory: the nodes where the pod stays Pending and the
 * priority class makes it run (proven by re-placing the edited manifest), with the pods it
 * would preempt there.
 */
function priorityFacts(ctx: RuleContext): string | undefined {
  const p = placementOf(ctx);
  if (!p || p.result.counts.pending === 0) return undefined;
  const cured: string[] = [];
  const victims = new Set<string>();
  const pendingNodes = new Set(p.result.nodes.filter((n) => n.verdict === 'pending').map((n) => n.name));
  // Only the priority remedy, on the Pending nodes: one re-placement, not the full search.
  for (const [node, r] of ctx.remedies({ nodes: pendingNodes, kinds: PRIORITY_ONLY })) {
    const fix = r.fixes.find((f) => f.kind === 'priority-class');
    if (!fix) continue;
    cured.push(node);
    for (const v of fix.preempts ?? []) victims.add(`${v.namespace}/${v.name}`);
  }
  const pending = p.result.nodes.filter((n) => n.verdict === 'pending').map((n) => n.name);
  if (cured.length === 0) return t('On {0} its pod stays Pending on {1}, and no priority would help there.', p.where, nodeList(pending, 3));
  return victims.size > 0
    ? t(
        'On {0} its pod stays Pending on {1}; with system-node-critical it runs on {2}, preempting {3}.',
        p.where,
        nodeList(pending, 3),
        nodeList(cured, 3),
        nodeList([...victims], 3),
      )
    : t('On {0} its pod stays Pending on {1}; with system-node-critical it runs on {2}.', p.where, nodeList(pending, 3), nodeList(cured, 3));
}

/** Why the DaemonSet looks node-critical, or undefined. */
export function nodeCriticalSignal(ds: any): string | undefined {
  const spec = podSpec(ds);
  if (!spec) return undefined;
  if (ds?.metadata?.namespace === 'kube-system') return t('it lives in kube-system');
  if (toleratesAll(spec, 'NoSchedule') && toleratesAll(spec, 'NoExecute')) return t('it tolerates every taint, i.e. it must run on every node');
  return undefined;
}

export const missingPriorityClass: Rule = {
  meta: {
    id: 'missing-priority-class',
    category: 'practice',
    defaultSeverity: 'warning',
    title: 'Node-critical DaemonSet without a priorityClassName',
    description:
      'Daemon pods are scheduled like any other pod. When a node is already full (a new node filled by pending pods, or after an upgrade), a daemon pod with the default priority 0 stays Pending with `Insufficient cpu`/`memory` and cannot preempt anything, so the node runs without its CNI, CSI or log agent. `priorityClassName: system-node-critical` (the highest built-in class) lets it preempt other pods, and the kubelet evicts it last. The rule fires when the DaemonSet looks node-critical: it is in `kube-system`, or it tolerates every taint (an empty-key `operator: Exists` toleration for both NoSchedule and NoExecute), which is how authors say "this must run on every node".',
    severityNote:
      'Warning: the failure (a node without its agent) is silent and happens exactly when the cluster is under pressure. DaemonSets that give no sign of being node-critical are not reported.',
    bad: 'metadata:\n  namespace: kube-system\nspec:\n  template:\n    spec:\n      containers: [...]',
    good: 'metadata:\n  namespace: kube-system\nspec:\n  template:\n    spec:\n      priorityClassName: system-node-critical\n      containers: [...]',
    fix: 'Sets `priorityClassName: system-node-critical`. Outside kube-system some clusters (GKE, OpenShift, clusters with the priority-class quota admission config) only admit the system classes with a ResourceQuota scoped to them; there the fix is offered but not preferred.',
  },
  check(ctx) {
    // A kustomize patch leaves out what the base already sets.
    if (ctx.partial) return [];
    const spec = podSpec(ctx.value);
    if (!spec || spec.priorityClassName != null || spec.priority != null) return [];
    const signal = nodeCriticalSignal(ctx.value);
    if (!signal) return [];
    const inKubeSystem = ctx.value?.metadata?.namespace === 'kube-system';
    const edit = ctx.edits.setPath([...POD, 'priorityClassName'], 'system-node-critical');
    const quota = inKubeSystem
      ? ''
      : ' ' +
        t('Outside kube-system, some clusters only admit the system-* classes with a ResourceQuota scoped to them; a PriorityClass of your own works too.');
    const facts = priorityFacts(ctx);
    const f: Finding = {
      rule: 'missing-priority-class',
      path: [...POD],
      target: 'key',
      message:
        t(
          'This DaemonSet looks node-critical ({0}) but has no priorityClassName. On a node that is already full its pod stays Pending (Insufficient cpu/memory) and cannot preempt anything, leaving the node without the agent. Set priorityClassName: system-node-critical.',
          signal,
        ) +
        quota +
        (facts ? ' ' + facts : ''),
      fixes: edit ? [{ title: t('Set priorityClassName: system-node-critical'), isPreferred: inKubeSystem, edits: edit }] : undefined,
    };
    return [f];
  },
};
