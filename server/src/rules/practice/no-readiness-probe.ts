/** A rolling update without readiness probes advances on "started", not on "works". */
import type { Fix } from '../types';
import type { Rule } from '../types';
import { t } from '../../l10n';
import { containers, POD, podSpec } from '../helpers/pod';

/** A minReadySeconds at least this long already catches agents that start and then crash. */
export const MIN_READY_SECONDS = 10;

export const noReadinessProbe: Rule = {
  meta: {
    id: 'no-readiness-probe',
    category: 'practice',
    defaultSeverity: 'information',
    title: 'No container has a readiness probe',
    description:
      'A DaemonSet rolling update moves to the next node when the new pod is available: Ready for `minReadySeconds`. Without a readiness (or startup) probe a pod is Ready as soon as its containers start, so a broken version that starts and then fails still rolls across every node. A readiness probe on the main container makes the rollout stop at the first node where the new version does not work.',
    severityNote:
      'Information, reported once per DaemonSet, only with the RollingUpdate strategy and without a `minReadySeconds` of 10 s or more (which catches agents that crash right after starting): many agents (CSI registrars, device plugins) have no endpoint to probe, and one probed container is enough to gate the rollout.',
    bad: 'containers:\n  - name: agent\n    livenessProbe:\n      httpGet: {path: /healthz, port: 9808}',
    good: 'containers:\n  - name: agent\n    livenessProbe:\n      httpGet: {path: /healthz, port: 9808}\n    readinessProbe:\n      httpGet: {path: /healthz, port: 9808}',
    fix: 'When a container has a livenessProbe, copies it as its readinessProbe (check that the endpoint also means "ready").',
  },
  check(ctx) {
    // A kustomize patch leaves out what the base already sets.
    if (ctx.partial) return [];
    const ds = ctx.value;
    const type = ds?.spec?.updateStrategy?.type;
    if (type !== undefined && type !== 'RollingUpdate') return [];
    // minReadySeconds makes a pod that crashes soon after starting count as unavailable.
    if (typeof ds?.spec?.minReadySeconds === 'number' && ds.spec.minReadySeconds >= MIN_READY_SECONDS) return [];
    const refs = containers(podSpec(ds), 'long-running');
    if (!refs.length || refs.some((r) => r.c.readinessProbe != null || r.c.startupProbe != null)) return [];
    const fixes: Fix[] = [];
    const live = refs.find((r) => r.c.livenessProbe != null);
    if (live) {
      const edit = ctx.edits.copyValueAs([...live.path, 'livenessProbe'], live.path, 'readinessProbe');
      if (edit) fixes.push({ title: t('Use the livenessProbe of `{0}` as its readinessProbe', live.name), edits: [edit] });
    }
    const hint = live ? ' ' + t('`{0}` has a livenessProbe that could serve.', live.name) : '';
    return [
      {
        rule: 'no-readiness-probe',
        path: [...POD, 'containers'],
        target: 'key',
        message:
          t(
            'No container has a readinessProbe, so a new pod counts as available as soon as it starts and a rolling update moves on to the next node even when the new version does not work. Add a readinessProbe to the main container.',
          ) + hint,
        fixes: fixes.length ? fixes : undefined,
      },
    ];
  },
};
