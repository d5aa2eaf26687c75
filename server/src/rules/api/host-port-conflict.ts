/** Host ports: no two ports on the same protocol/IP/port; with hostNetwork, hostPort = containerPort. */
import { apiRule, fix } from '../helpers/api-rule';
import { t } from '../../l10n';

export const hostPortConflict = apiRule({
  meta: {
    id: 'host-port-conflict',
    title: 'Host port used twice, or unlike its containerPort with hostNetwork',
    description:
      'A `hostPort` binds a port on the node: two ports of the pod with the same protocol, `hostIP` and `hostPort` are rejected as `Duplicate value` (the same number with another protocol or host IP is fine). With `hostNetwork: true` the container listens on the node directly, so a `hostPort` must equal its `containerPort`.',
    bad: 'hostNetwork: true\ncontainers:\n  - name: agent\n    ports:\n      - containerPort: 9100\n        hostPort: 19100',
    good: 'hostNetwork: true\ncontainers:\n  - name: agent\n    ports:\n      - containerPort: 9100\n        hostPort: 9100',
    fix: 'With hostNetwork, set `hostPort` to the `containerPort`.',
  },
  explain(e) {
    if (/hostNetwork/.test(e.error.detail)) return t('With hostNetwork the container listens on the node itself, so the host port is the container port');
    return t('Two ports of the pod bind the same protocol, host IP and host port, so the pod could never start');
  },
  fixes(e, ctx) {
    if (!/hostNetwork/.test(e.error.detail)) return undefined;
    const port = e.field.slice(0, -1);
    const parent = port.slice(0, -1);
    let cur: any = ctx.value;
    for (const s of [...parent, port[port.length - 1]]) cur = cur?.[s as any];
    const cp = cur?.containerPort;
    if (typeof cp !== 'number') return undefined;
    return fix(t('Set hostPort to {0}', cp), ctx.edits.setPath(e.field, String(cp)), true);
  },
});
