/** Containers that may run as root without the author having decided so. */
import type { Finding } from '../types';
import type { Rule } from '../types';
import { t } from '../../l10n';
import { containers, describe, isObject, isPrivileged, isWindowsPod, podSpec, securityContext } from '../helpers/pod';

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
    fix: 'Sets `runAsNonRoot: true` on the container. The kubelet then refuses to start it if the image runs as root (CreateContainerConfigError), so also set `runAsUser` when the image has no numeric non-root user.',
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
      const edit = ctx.edits.setPath([...ref.path, 'securityContext', 'runAsNonRoot'], 'true');
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
