/** Containers that may run as root without the author having decided so. */
import type { Finding } from '../types';
import type { Rule } from '../types';
import { t } from '../../l10n';
import {
  addedCapabilities,
  containers,
  describe,
  isObject,
  isPrivileged,
  isWindowsPod,
  mountsOf,
  podSpec,
  securityContext,
  type ContainerRef,
} from '../helpers/pod';

/**
 * Whether the container evidently needs root, so runAsNonRoot: true would keep it from starting
 * or working: it adds capabilities (a non-root process does not get them), or it mounts a host
 * path writable (host files are root's).
 */
function needsRoot(spec: Record<string, any>, ref: ContainerRef): boolean {
  if (addedCapabilities(ref).some((c) => c !== 'NET_BIND_SERVICE')) return true;
  return mountsOf(spec, ref).some((m) => m.mount.readOnly !== true);
}

export const runAsNonRoot: Rule = {
  meta: {
    id: 'run-as-non-root',
    category: 'practice',
    defaultSeverity: 'hint',
    title: 'Container may run as root',
    description:
      'Without `runAsNonRoot: true` (or a non-zero `runAsUser`) a container runs as whatever user the image declares, usually root. Root in a container is much closer to root on the node, especially with the hostPath mounts node agents use, and a DaemonSet runs it on every node. Many node agents must be root (they load kernel modules, write CNI files, open devices); they are better off saying so with `runAsUser: 0`, which this rule accepts as a decision. Privileged containers and Windows pods are skipped.',
    severityNote:
      'A hint: many legitimate node agents need root, so this is hardening advice rather than a problem. Any explicit `runAsNonRoot` or `runAsUser` on the pod or container counts as a decision and silences it.',
    bad: 'containers:\n  - name: exporter\n    image: example/exporter:1.0',
    good: 'securityContext:\n  runAsNonRoot: true\n  runAsUser: 65534\ncontainers:\n  - name: exporter\n    image: example/exporter:1.0',
    fix: 'Sets `runAsNonRoot: true` on the container, one container at a time (never in fix-all). The kubelet then refuses to start it if the image runs as root (CreateContainerConfigError), so also set `runAsUser` when the image has no numeric non-root user. Not offered for containers that evidently need root: ones that add capabilities or mount a host path writable.',
  },
  check(ctx) {
    // A kustomize patch leaves out what the base already sets.
    if (ctx.partial) return [];
    const spec = podSpec(ctx.value);
    if (!spec || isWindowsPod(spec)) return [];
    const pod = isObject(spec.securityContext) ? spec.securityContext : {};
    if (pod.runAsNonRoot != null || pod.runAsUser != null) return [];
    const out: Finding[] = [];
    for (const ref of containers(spec)) {
      const sc = securityContext(ref);
      if (isPrivileged(ref) || sc.runAsNonRoot != null || sc.runAsUser != null) continue;
      // A judgement fix, and none where the container needs root (it would not start or not work).
      const edit = needsRoot(spec, ref) ? undefined : ctx.edits.setPath([...ref.path, 'securityContext', 'runAsNonRoot'], 'true');
      out.push({
        rule: 'run-as-non-root',
        path: [...ref.path, 'name'],
        message: t(
          "{0} does not set runAsNonRoot or runAsUser, so it runs as the image's user, usually root, on every node the DaemonSet runs on. Set runAsNonRoot: true (with a runAsUser if needed), or runAsUser: 0 if the agent must be root.",
          describe(ref),
        ),
        fixes: edit ? [{ title: t('Set runAsNonRoot: true on `{0}`', ref.name), edits: edit }] : undefined,
      });
    }
    return out;
  },
};
