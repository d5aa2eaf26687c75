import type { PathSeg } from '../../yaml/types';
import type { Finding } from '../types';
import type { Rule } from '../types';
import { firstPresent, nodeList, placementOf } from '../helpers/placement';
import { t } from '../../l10n';

export const pendingPods: Rule = {
  meta: {
    id: 'pending-pods',
    category: 'placement',
    defaultSeverity: 'warning',
    title: 'Pods that would stay Pending',
    description:
      'The controller creates a pod for the node, but kube-scheduler cannot bind it: the node lacks free CPU, memory or pods for its requests (NodeResourcesFit), or another pod already holds its host port (NodePorts). The pod stays Pending with FailedScheduling. A higher priority (`priorityClassName: system-node-critical`) lets the scheduler preempt other pods when the shortage is resolvable.',
    bad: 'resources:\n  requests:\n    cpu: "4"   # more than a small node has free',
    good: 'resources:\n  requests:\n    cpu: 100m',
  },
  check(ctx) {
    const p = placementOf(ctx);
    if (!p) return [];
    const groups = new Map<string, string[]>();
    for (const n of p.result.nodes) {
      if (n.verdict !== 'pending') continue;
      for (const r of n.reasons) {
        const list = groups.get(`${r.predicate}\u0000${r.message}`) ?? [];
        list.push(n.name);
        groups.set(`${r.predicate}\u0000${r.message}`, list);
      }
    }
    const out: Finding[] = [];
    const containers: any[] = Array.isArray(ctx.value?.spec?.template?.spec?.containers) ? ctx.value.spec.template.spec.containers : [];
    for (const [key, nodes] of groups) {
      const [predicate, message] = key.split('\u0000');
      let path: PathSeg[];
      if (predicate === 'NodePorts') {
        const i = containers.findIndex((c) => Array.isArray(c?.ports) && c.ports.some((port: any) => port?.hostPort));
        const j = i >= 0 ? containers[i].ports.findIndex((port: any) => port?.hostPort) : -1;
        path = i >= 0 ? ['spec', 'template', 'spec', 'containers', i, 'ports', j, 'hostPort'] : ['spec', 'template', 'spec'];
      } else if (predicate === 'NodeResourcesFit') {
        const i = containers.findIndex((c) => c?.resources?.requests || c?.resources?.limits);
        path =
          i >= 0
            ? firstPresent(ctx.value, [
                ['spec', 'template', 'spec', 'containers', i, 'resources', 'requests'],
                ['spec', 'template', 'spec', 'containers', i, 'resources'],
              ])
            : ['spec', 'template', 'spec'];
      } else path = ['spec', 'template', 'spec'];
      out.push({
        rule: 'pending-pods',
        path,
        target: 'key',
        message: t('{0} pod(s) would stay Pending on {1} ({2}): {3}.', nodes.length, p.where, `${predicate}: ${message}`, nodeList(nodes)),
      });
    }
    return out;
  },
};
