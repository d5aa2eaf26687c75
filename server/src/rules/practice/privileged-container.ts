/** Privileged containers: node-level access, often needed by node agents, suspicious otherwise. */
import type { Finding } from '../types';
import type { Rule } from '../types';
import { t } from '../../l10n';
import { containers, describe, hostAccessReason, isPrivileged, podSpec } from '../helpers/pod';

export const privilegedContainer: Rule = {
  meta: {
    id: 'privileged-container',
    category: 'practice',
    defaultSeverity: 'warning',
    title: 'Privileged container',
    description:
      'A privileged container has every Linux capability, sees all host devices and is not confined by seccomp or AppArmor: whoever controls it controls the node, and a DaemonSet puts it on every node. Node agents often need this (CNI plugins programming the host network, CSI node plugins with Bidirectional mounts, device plugins, kernel-module loaders), so this is only a warning when the container touches nothing of the host that would justify it; otherwise it is reported for information, so reviewers see where the node-level access is.',
    severityNote:
      'Warning when the container has no hostPath mount, Bidirectional propagation, host network or host PID namespace: then privileged mode is very likely unneeded. Information when it does (the usual CNI/CSI/device-plugin pattern), to keep the finding visible without asking authors of legitimate node agents to silence it.',
    bad: 'containers:\n  - name: web\n    image: example/web:1.2\n    securityContext:\n      privileged: true',
    good: 'containers:\n  - name: web\n    image: example/web:1.2\n    securityContext:\n      capabilities:\n        add: ["NET_BIND_SERVICE"]',
  },
  check(ctx) {
    const spec = podSpec(ctx.value);
    const out: Finding[] = [];
    for (const ref of containers(spec)) {
      if (!isPrivileged(ref)) continue;
      const reason = hostAccessReason(spec, ref);
      const path = [...ref.path, 'securityContext', 'privileged'];
      if (reason) {
        out.push({
          rule: 'privileged-container',
          path,
          severity: 'information',
          message: t(
            '{0} is privileged (all capabilities and host devices: control of this container is control of every node the DaemonSet runs on). That is usual for a node agent where {1}; if it only needs specific powers, grant them with `capabilities.add` instead.',
            describe(ref),
            reason,
          ),
        });
      } else {
        out.push({
          rule: 'privileged-container',
          path,
          message: t(
            '{0} is privileged but mounts nothing from the host and does not use the host network or PID namespace, so it likely does not need it. Privileged gives all capabilities and host devices on every node the DaemonSet runs on; remove it or grant the specific capabilities the container needs.',
            describe(ref),
          ),
        });
      }
    }
    return out;
  },
};
