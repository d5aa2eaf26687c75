/** maxSurge > 0 with a host port: the surge pod can never be scheduled beside the old one. */
import type { TextEdit } from '../../yaml/types';
import type { Rule } from '../types';
import { t } from '../../l10n';
import { parseIntOrPercent } from '../../k8s/intstr';
import { containers, isObject, podSpec } from '../helpers/pod';

const RU = ['spec', 'updateStrategy', 'rollingUpdate'];

/** The first port that occupies a host port: `hostPort > 0`, or any port of a hostNetwork pod (defaulting sets hostPort = containerPort). */
export function firstHostPort(spec: Record<string, any> | undefined): { container: string; port: number; viaHostNetwork: boolean } | undefined {
  for (const ref of containers(spec, 'long-running')) {
    if (!Array.isArray(ref.c.ports)) continue;
    for (const p of ref.c.ports) {
      if (!isObject(p)) continue;
      if (typeof p.hostPort === 'number' && p.hostPort > 0) return { container: ref.name, port: p.hostPort, viaHostNetwork: false };
      if (spec?.hostNetwork === true && typeof p.containerPort === 'number' && p.containerPort > 0)
        return { container: ref.name, port: p.containerPort, viaHostNetwork: true };
    }
  }
  return undefined;
}

export const surgeWithHostPort: Rule = {
  meta: {
    id: 'surge-with-host-port',
    category: 'practice',
    defaultSeverity: 'warning',
    title: '`maxSurge` together with a host port',
    description:
      'With `maxSurge` > 0 the DaemonSet controller starts the new pod on a node while the old one still runs there. If the pod uses a host port (a `hostPort`, or any container port of a `hostNetwork` pod, where defaulting sets `hostPort` to `containerPort`), the scheduler\'s NodePorts filter rejects the new pod ("node(s) didn\'t have free ports for the requested pod ports") because the old pod holds the port. The new pod stays Pending, the old pod is never replaced, and the rollout hangs on the first node.',
    severityNote: 'Warning: the API accepts it, but every rolling update stalls.',
    bad: 'updateStrategy:\n  rollingUpdate:\n    maxSurge: 1\n    maxUnavailable: 0\n...\nports:\n  - containerPort: 9100\n    hostPort: 9100',
    good: 'updateStrategy:\n  rollingUpdate:\n    maxUnavailable: 1',
    fix: 'Removes `maxSurge` and sets `maxUnavailable: 1` (the old pod is stopped before the new one starts).',
  },
  check(ctx) {
    const ds = ctx.value;
    const strategy = ds?.spec?.updateStrategy;
    if (!isObject(strategy) || (strategy.type !== undefined && strategy.type !== 'RollingUpdate')) return [];
    const surge = parseIntOrPercent(strategy.rollingUpdate?.maxSurge);
    if (!surge || surge.n === 0) return [];
    const hp = firstHostPort(podSpec(ds));
    if (!hp) return [];
    const edits: TextEdit[] = [];
    const remove = ctx.edits.removeKey([...RU, 'maxSurge']);
    if (remove) edits.push(remove);
    const mu = strategy.rollingUpdate?.maxUnavailable;
    if (mu !== undefined) {
      const set = ctx.edits.setPath([...RU, 'maxUnavailable'], '1');
      if (set) edits.push(...set);
      else edits.length = 0;
    }
    const port = hp.viaHostNetwork ? t('port {0} (a host port, because the pod uses hostNetwork)', hp.port) : `hostPort ${hp.port}`;
    return [
      {
        rule: 'surge-with-host-port',
        path: [...RU, 'maxSurge'],
        message: t(
          "maxSurge starts the new pod on a node while the old one still runs, but container `{0}` uses {1}: the scheduler rejects the new pod (node(s) didn't have free ports for the requested pod ports), it stays Pending and the rollout hangs on the first node. Use maxUnavailable instead of maxSurge.",
          hp.container,
          port,
        ),
        fixes: edits.length ? [{ title: t('Use maxUnavailable: 1 instead of maxSurge'), isPreferred: true, edits }] : undefined,
      },
    ];
  },
};
