/** Containers that allow privilege escalation (setuid binaries, file capabilities) without needing it. */
import type { Finding } from '../types';
import type { Rule } from '../types';
import { t } from '../../l10n';
import { addedCapabilities, containers, describe, isPrivileged, isWindowsPod, podSpec, securityContext } from '../helpers/pod';

export const allowPrivilegeEscalation: Rule = {
  meta: {
    id: 'allow-privilege-escalation',
    category: 'practice',
    defaultSeverity: 'warning',
    title: 'Container allows privilege escalation',
    description:
      "Unless `allowPrivilegeEscalation: false` is set, a process in the container can gain more privileges than its parent through setuid binaries or file capabilities (the kernel's `no_new_privs` flag stays off). For a DaemonSet an escalation inside the agent happens on every node. Setting it to `false` costs nothing for most agents. Privileged containers and containers that add `SYS_ADMIN` are skipped: the API rejects `allowPrivilegeEscalation: false` for them, and `privileged-container` / `dangerous-capabilities` already cover them.",
    severityNote:
      'Warning when `allowPrivilegeEscalation: true` is written on a container that is neither privileged nor adds SYS_ADMIN (it enables escalation for no visible reason). A hint when the field is simply missing: it is hardening, and node agents written before the field existed would otherwise be flagged everywhere.',
    bad: 'securityContext:\n  allowPrivilegeEscalation: true',
    good: 'securityContext:\n  allowPrivilegeEscalation: false',
    fix: 'Sets `allowPrivilegeEscalation: false` on the container (check that the agent does not rely on setuid helpers such as `mount` or `ping`).',
  },
  check(ctx) {
    // A kustomize patch leaves out what the base already sets.
    if (ctx.partial) return [];
    const spec = podSpec(ctx.value);
    if (isWindowsPod(spec)) return [];
    const out: Finding[] = [];
    for (const ref of containers(spec)) {
      if (isPrivileged(ref) || addedCapabilities(ref).some((c) => c === 'SYS_ADMIN' || c === 'ALL')) continue;
      const value = securityContext(ref).allowPrivilegeEscalation;
      if (value === false) continue;
      const edit = ctx.edits.setPath([...ref.path, 'securityContext', 'allowPrivilegeEscalation'], 'false');
      const fixes = edit ? [{ title: t('Set allowPrivilegeEscalation: false on `{0}`', ref.name), edits: edit }] : undefined;
      if (value === true) {
        out.push({
          rule: 'allow-privilege-escalation',
          path: [...ref.path, 'securityContext', 'allowPrivilegeEscalation'],
          message: t(
            '{0} sets allowPrivilegeEscalation: true without being privileged or adding SYS_ADMIN, so its processes can gain privileges through setuid binaries on every node the DaemonSet runs on. Set it to false unless the agent relies on a setuid helper.',
            describe(ref),
          ),
          fixes,
        });
      } else if (value === undefined) {
        out.push({
          rule: 'allow-privilege-escalation',
          path: [...ref.path, 'name'],
          severity: 'hint',
          message: t(
            '{0} does not set allowPrivilegeEscalation: false, so setuid binaries in the image can raise privileges (on every node the DaemonSet runs on). Setting it is cheap hardening for most agents.',
            describe(ref),
          ),
          fixes,
        });
      }
    }
    return out;
  },
};
