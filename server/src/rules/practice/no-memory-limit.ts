/** Long-running containers with requests but no memory limit. */
import type { Finding } from '../types';
import type { Rule } from '../types';
import { t } from '../../l10n';
import { effectiveRequests } from '../helpers/requests';
import { containers, describe, isObject, podSpec } from '../helpers/pod';

export const noMemoryLimit: Rule = {
  meta: {
    id: 'no-memory-limit',
    category: 'practice',
    defaultSeverity: 'information',
    title: 'Container without a memory limit',
    description:
      'An agent without a memory limit can grow until the node runs out of memory; because a DaemonSet runs the same version on every node, a leak hits all nodes at once and the kernel may kill workloads before it kills the agent. A memory limit (usually equal to the memory request) confines the damage to a restart of the agent. CPU limits are not required: CPU throttling hurts latency-sensitive agents more than it protects.',
    severityNote:
      'Information: some critical agents (CNI, storage) deliberately run without a memory limit so the kernel never kills them; this is a trade-off, not a mistake. Containers without any request are reported by `no-resource-requests`, whose fix adds the limit too.',
    bad: 'resources:\n  requests:\n    cpu: 100m\n    memory: 128Mi',
    good: 'resources:\n  requests:\n    cpu: 100m\n    memory: 128Mi\n  limits:\n    memory: 128Mi',
    fix: 'Adds `limits.memory` equal to the memory request, one container at a time (never in fix-all); not offered when there is no memory request, since any other number would be made up.',
  },
  check(ctx) {
    // A kustomize patch leaves out what the base already sets.
    if (ctx.partial) return [];
    const out: Finding[] = [];
    for (const ref of containers(podSpec(ctx.value), 'long-running')) {
      const have = effectiveRequests(ref.c);
      if (!have.cpu && !have.memory) continue;
      const r = isObject(ref.c.resources) ? ref.c.resources : {};
      if (isObject(r.limits) && r.limits.memory != null) continue;
      const reqMem = isObject(r.requests) ? r.requests.memory : undefined;
      // Only the container's own memory request is a limit worth offering: a number made up here
      // would OOM-kill an agent that needs more. Without a request, no fix.
      const value = typeof reqMem === 'string' || typeof reqMem === 'number' ? String(reqMem) : undefined;
      const edit =
        value === undefined
          ? undefined
          : ctx.edits.setPath([...ref.path, 'resources', 'limits', 'memory'], /^[\w.]+$/.test(value) ? value : JSON.stringify(value));
      out.push({
        rule: 'no-memory-limit',
        path: [...ref.path, 'resources'],
        target: 'key',
        message: t(
          '{0} has no memory limit. A DaemonSet runs the same agent on every node, so a leak can exhaust memory on all nodes at once. Set `limits.memory` (usually equal to the memory request) unless the agent must never be OOM-killed.',
          describe(ref),
        ),
        fixes: edit ? [{ title: t('Set limits.memory: {0}', value!), edits: edit }] : undefined,
      });
    }
    return out;
  },
};
