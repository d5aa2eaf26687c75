import type { PathSeg } from '../../yaml/types';
import type { Finding } from '../types';
import type { Rule } from '../types';
import type { PlacementReason } from '../../placement/types';
import { reasonRange } from '../helpers/reason-path';
import { nodeList, placementOf, remedyFixes } from '../helpers/placement';
import { t } from '../../l10n';

const PENDING_REMEDIES = new Set(['lower-request', 'priority-class', 'free-host-port', 'drop-max-surge', 'remove-field'] as const);

export const pendingPods: Rule = {
  meta: {
    id: 'pending-pods',
    category: 'placement',
    defaultSeverity: 'warning',
    title: 'Pods that would stay Pending',
    description:
      'The controller creates a pod for the node, but kube-scheduler cannot bind it: the node lacks free CPU, memory or pods for its requests (NodeResourcesFit), another pod already holds its host port (NodePorts), inter-pod anti-affinity forbids it, scheduling gates hold it, or no scheduler of that name exists. The pod stays Pending with FailedScheduling. A higher priority (`priorityClassName: system-node-critical`) lets the scheduler preempt other pods when the shortage is resolvable.',
    bad: 'resources:\n  requests:\n    cpu: "4"   # more than a small node has free',
    good: 'resources:\n  requests:\n    cpu: 100m',
    fix: 'The placement engine proposes the smallest edits that make the nodes run (lower the request to what is free, a free host port, maxSurge 0, a priority that preempts) and offers each only after re-checking the edited manifest.',
  },
  check(ctx) {
    const p = placementOf(ctx);
    if (!p) return [];
    const groups = new Map<string, { reason: PlacementReason; nodes: string[] }>();
    for (const n of p.result.nodes) {
      if (n.verdict !== 'pending') continue;
      for (const r of n.reasons) {
        const key = `${r.predicate}\u0000${r.message}`;
        const g = groups.get(key) ?? { reason: r, nodes: [] };
        g.nodes.push(n.name);
        groups.set(key, g);
      }
    }
    const out: Finding[] = [];
    for (const { reason, nodes } of groups.values()) {
      const path: PathSeg[] = reasonRange(ctx.value, reason);
      // The numbers of the first node, as `kubectl describe pod` would make you look them up.
      const detail = reason.detail ? ' ' + t('On {0}: {1}.', nodes[0], reason.detail) : '';
      out.push({
        rule: 'pending-pods',
        path,
        target: 'key',
        message:
          t('{0} pod(s) would stay Pending on {1} ({2}): {3}.', nodes.length, p.where, `${reason.predicate}: ${reason.message}`, nodeList(nodes)) + detail,
        lazyFixes: remedyFixes(ctx, nodes, PENDING_REMEDIES),
      });
    }
    return out;
  },
};
