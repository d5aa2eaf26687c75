/** Added Linux capabilities that give host-level power (one finding per container). */
import type { Finding } from '../types';
import type { Rule } from '../types';
import { t } from '../../l10n';
import { addedCapabilities, containers, describe, hostAccessReason, isPrivileged, podSpec, securityContext } from '../helpers/pod';

/** What each capability allows, for messages (in the configured language). NET_ADMIN is special-cased: it only reaches the host with hostNetwork. */
export const DANGEROUS_CAPABILITIES: Record<string, () => string> = {
  ALL: () => t('every capability'),
  SYS_ADMIN: () => t('mounts, namespaces and many kernel interfaces (close to root on the host)'),
  SYS_MODULE: () => t('loading kernel modules'),
  SYS_RAWIO: () => t('raw I/O to devices and memory'),
  SYS_PTRACE: () => t('tracing and injecting into other processes'),
  SYS_BOOT: () => t('rebooting the node'),
  SYS_TIME: () => t("setting the node's clock"),
  DAC_READ_SEARCH: () => t('reading any host file by handle (a known container escape)'),
  BPF: () => t('loading BPF programs into the kernel'),
  MAC_ADMIN: () => t('changing the AppArmor/SELinux policy'),
  MAC_OVERRIDE: () => t('bypassing the AppArmor/SELinux policy'),
  NET_ADMIN: () => t('configuring network interfaces, routes and firewall rules'),
};

export const dangerousCapabilities: Rule = {
  meta: {
    id: 'dangerous-capabilities',
    category: 'practice',
    defaultSeverity: 'warning',
    title: 'Container adds a host-level Linux capability',
    description:
      'Capabilities such as `SYS_ADMIN`, `SYS_MODULE`, `SYS_PTRACE`, `DAC_READ_SEARCH`, `BPF` or `ALL` give a container power over the kernel shared by the whole node, and a DaemonSet grants them on every node. Node agents sometimes need exactly that (a CNI plugin adds `NET_ADMIN` to program the host network, a CSI plugin adds `SYS_ADMIN` to mount volumes); the rule names each capability and what it allows so a reviewer can check it is really used. Privileged containers are not reported here (they have every capability; see `privileged-container`).',
    severityNote:
      "One finding per container. Warning when the container adds a host-level capability without any host access that would use it (no hostPath mount, host network or host PID). Information when it has such access, and always for `NET_ADMIN`, which without `hostNetwork` only affects the pod's own network namespace.",
    bad: 'securityContext:\n  capabilities:\n    add: ["SYS_ADMIN", "SYS_PTRACE"]',
    good: 'securityContext:\n  capabilities:\n    drop: ["ALL"]\n    add: ["NET_BIND_SERVICE"]',
  },
  check(ctx) {
    const spec = podSpec(ctx.value);
    const out: Finding[] = [];
    for (const ref of containers(spec)) {
      if (isPrivileged(ref)) continue;
      const caps = addedCapabilities(ref);
      const found = caps.map((c, i) => ({ c, i })).filter(({ c }) => DANGEROUS_CAPABILITIES[c]);
      if (!found.length) continue;
      const reason = hostAccessReason(spec, ref);
      const hostLevel = found.filter(({ c }) => c !== 'NET_ADMIN');
      const names = found.map(({ c }) => `${c} (${DANGEROUS_CAPABILITIES[c]()})`).join(', ');
      const path = [...ref.path, 'securityContext', 'capabilities', 'add', (hostLevel[0] ?? found[0]).i];
      const raw = securityContext(ref).capabilities.add;
      if (!hostLevel.length) {
        const message =
          spec?.hostNetwork === true
            ? t(
                "{0} adds {1}. It affects the node's network (the pod uses hostNetwork), as a CNI agent does; check the agent really needs it.",
                describe(ref),
                names,
              )
            : t("{0} adds {1}. It affects only the pod's own network namespace; check the agent really needs it.", describe(ref), names);
        out.push({ rule: 'dangerous-capabilities', path, severity: 'information', message });
      } else if (reason) {
        out.push({
          rule: 'dangerous-capabilities',
          path,
          severity: 'information',
          message: t(
            '{0} adds {1}, on every node the DaemonSet runs on. That can be needed by a node agent where {2}; grant only the capabilities it really uses.',
            describe(ref),
            names,
            reason,
          ),
        });
      } else {
        const remove = hostLevel.map(({ i }) => `\`${raw[i]}\``).join(', ');
        const message =
          hostLevel.length > 1
            ? t(
                '{0} adds {1}, on every node the DaemonSet runs on, but mounts nothing from the host and uses neither the host network nor the host PID namespace, so it likely does not need them. Remove {2} or explain why the agent needs them.',
                describe(ref),
                names,
                remove,
              )
            : t(
                '{0} adds {1}, on every node the DaemonSet runs on, but mounts nothing from the host and uses neither the host network nor the host PID namespace, so it likely does not need it. Remove {2} or explain why the agent needs it.',
                describe(ref),
                names,
                remove,
              );
        out.push({ rule: 'dangerous-capabilities', path, message });
      }
    }
    return out;
  },
};
