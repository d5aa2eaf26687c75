/** Added Linux capabilities that give host-level power (one finding per container). */
import type { Finding } from '../../service/types';
import type { Rule } from '../types';
import { addedCapabilities, containers, describe, hostAccessReason, isPrivileged, podSpec, securityContext } from './pod';

/** What each capability allows, for messages. NET_ADMIN is special-cased: it only reaches the host with hostNetwork. */
export const DANGEROUS_CAPABILITIES: Record<string, string> = {
  ALL: 'every capability',
  SYS_ADMIN: 'mounts, namespaces and many kernel interfaces (close to root on the host)',
  SYS_MODULE: 'loading kernel modules',
  SYS_RAWIO: 'raw I/O to devices and memory',
  SYS_PTRACE: 'tracing and injecting into other processes',
  SYS_BOOT: 'rebooting the node',
  SYS_TIME: "setting the node's clock",
  DAC_READ_SEARCH: 'reading any host file by handle (a known container escape)',
  BPF: 'loading BPF programs into the kernel',
  MAC_ADMIN: 'changing the AppArmor/SELinux policy',
  MAC_OVERRIDE: 'bypassing the AppArmor/SELinux policy',
  NET_ADMIN: 'configuring network interfaces, routes and firewall rules',
};

export const dangerousCapabilities: Rule = {
  meta: {
    id: 'dangerous-capabilities',
    category: 'practice',
    defaultSeverity: 'warning',
    title: 'Container adds a host-level Linux capability',
    description:
      'Capabilities such as `SYS_ADMIN`, `SYS_MODULE`, `SYS_PTRACE`, `DAC_READ_SEARCH`, `BPF` or `ALL` give a container power over the kernel shared by the whole node, and a DaemonSet grants them on every node. Node agents sometimes need exactly that (a CNI plugin adds `NET_ADMIN` to program the host network, a CSI plugin adds `SYS_ADMIN` to mount volumes); the rule names each capability and what it allows so a reviewer can check it is really used. Privileged containers are not reported here (they have every capability; see `privileged-container`).',
    severityNote: 'One finding per container. Warning when the container adds a host-level capability without any host access that would use it (no hostPath mount, host network or host PID). Information when it has such access, and always for `NET_ADMIN`, which without `hostNetwork` only affects the pod\'s own network namespace.',
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
      const names = found.map(({ c }) => `${c} (${DANGEROUS_CAPABILITIES[c]})`).join(', ');
      const path = [...ref.path, 'securityContext', 'capabilities', 'add', (hostLevel[0] ?? found[0]).i];
      const raw = securityContext(ref).capabilities.add;
      if (!hostLevel.length) {
        const where = spec?.hostNetwork === true ? 'the node\'s network (the pod uses hostNetwork), as a CNI agent does' : "only the pod's own network namespace";
        out.push({ rule: 'dangerous-capabilities', path, severity: 'information', message: `${describe(ref)} adds ${names}. It affects ${where}; check the agent really needs it.` });
      } else if (reason) {
        out.push({ rule: 'dangerous-capabilities', path, severity: 'information', message: `${describe(ref)} adds ${names}, on every node the DaemonSet runs on. That can be needed by a node agent where ${reason}; grant only the capabilities it really uses.` });
      } else {
        out.push({ rule: 'dangerous-capabilities', path, message: `${describe(ref)} adds ${names}, on every node the DaemonSet runs on, but mounts nothing from the host and uses neither the host network nor the host PID namespace, so it likely does not need ${hostLevel.length > 1 ? 'them' : 'it'}. Remove ${hostLevel.map(({ i }) => `\`${raw[i]}\``).join(', ')} or explain why the agent needs ${hostLevel.length > 1 ? 'them' : 'it'}.` });
      }
    }
    return out;
  },
};
