/** Containers without CPU/memory requests: the per-node cost of the DaemonSet is invisible to the scheduler. */
import type { Fix, Finding } from '../types';
import type { Edits } from '../../yaml/edits';
import type { Rule } from '../types';
import { t } from '../../l10n';
import { containers, describe, isObject, podSpec, type ContainerRef } from '../helpers/pod';
import { DEFAULT_CPU, DEFAULT_MEMORY, effectiveRequests } from '../helpers/requests';

/**
 * Starting requests for the user to size: a judgement fix, offered singly and never preferred
 * (so never applied unseen). It adds no memory limit: a made-up limit OOM-kills an agent that needs
 * more, and `no-memory-limit` offers the request as the limit once there is one.
 */
function resourcesFix(edits: Edits, ref: ContainerRef, missing: { cpu: boolean; memory: boolean }): Fix | undefined {
  const r = isObject(ref.c.resources) ? ref.c.resources : undefined;
  const req = r && isObject(r.requests) ? r.requests : undefined;
  const out = [];
  if (!r || Object.keys(r).length === 0) {
    out.push(edits.setPath([...ref.path, 'resources'], `\nrequests:\n  cpu: ${DEFAULT_CPU}\n  memory: ${DEFAULT_MEMORY}`));
  } else {
    const lines = [missing.cpu ? `cpu: ${DEFAULT_CPU}` : '', missing.memory ? `memory: ${DEFAULT_MEMORY}` : ''].filter(Boolean);
    if (!req || Object.keys(req).length === 0) out.push(edits.setPath([...ref.path, 'resources', 'requests'], '\n' + lines.join('\n')));
    else for (const l of lines) out.push(edits.setPath([...ref.path, 'resources', 'requests', l.split(':')[0]], l.split(': ')[1]));
  }
  if (out.some((e) => !e)) return undefined;
  return { title: t('Add resource requests to `{0}` (size them from real usage)', ref.name), edits: out.flatMap((e) => e!) };
}

export const noResourceRequests: Rule = {
  meta: {
    id: 'no-resource-requests',
    category: 'practice',
    defaultSeverity: 'warning',
    title: 'Container without CPU or memory requests',
    description:
      'A DaemonSet runs one copy of its pod on every eligible node, so its requests are multiplied by the node count: 100m CPU on 200 nodes reserves 20 cores. Without requests that cost is invisible to the scheduler, the agent can land on a node with no room for it, and it runs in the BestEffort QoS class (the first to be evicted under memory pressure, starved of CPU on busy nodes). Requests also let `system-node-critical` agents preempt other pods when a node is full. Only regular and sidecar containers are checked: a regular init container runs to completion before the others start.',
    severityNote:
      'Warning when a container has neither a CPU nor a memory request (a limit counts, since Pod defaulting copies limits into missing requests). Information when only one of the two is missing: the author thought about sizing and may have left one out on purpose (CNI agents often request only CPU).',
    bad: 'containers:\n  - name: agent\n    image: example/agent:1.4.2',
    good: 'containers:\n  - name: agent\n    image: example/agent:1.4.2\n    resources:\n      requests:\n        cpu: 100m\n        memory: 128Mi\n      limits:\n        memory: 128Mi',
    fix: "Adds `requests` (cpu 100m, memory 128Mi) to the container as starting values to size from the agent's real usage; one container at a time, never preferred and never in fix-all. It adds no memory limit: a made-up limit would OOM-kill an agent that needs more.",
  },
  check(ctx) {
    // A kustomize patch leaves out what the base already sets.
    if (ctx.partial) return [];
    const out: Finding[] = [];
    const spec = podSpec(ctx.value);
    // Pod-level resources (PodLevelResources, on by default) replace the per-container aggregate.
    const podReq = isObject(spec?.resources) ? { ...spec.resources.limits, ...spec.resources.requests } : {};
    if (podReq.cpu != null && podReq.memory != null) return [];
    const bestEffort = containers(spec).every(
      (r) => !isObject(r.c.resources) || Object.values(r.c.resources).every((v) => !isObject(v) || Object.keys(v).length === 0),
    );
    const consequence = bestEffort
      ? t('the pod is BestEffort, evicted first under memory pressure, and may not fit on full nodes')
      : t('it competes for whatever the node has left');
    for (const ref of containers(spec, 'long-running')) {
      const have = effectiveRequests(ref.c);
      if (have.cpu && have.memory) continue;
      const missing = { cpu: !have.cpu, memory: !have.memory };
      const fix = resourcesFix(ctx.edits, ref, missing);
      const hasResources = ref.c.resources !== undefined;
      const path = hasResources ? [...ref.path, 'resources'] : [...ref.path, 'name'];
      if (!have.cpu && !have.memory) {
        out.push({
          rule: 'no-resource-requests',
          path,
          target: hasResources ? 'key' : 'value',
          message: t(
            "{0} has no CPU or memory requests. A DaemonSet runs it on every eligible node, so whatever it uses is multiplied by the node count, yet the scheduler reserves nothing for it: {1}. Set `resources.requests` (and a memory limit) from the agent's real usage.",
            describe(ref),
            consequence,
          ),
          fixes: fix ? [fix] : undefined,
        });
      } else {
        out.push({
          rule: 'no-resource-requests',
          path,
          target: hasResources ? 'key' : 'value',
          severity: 'information',
          message: missing.cpu
            ? t(
                "{0} requests memory but no CPU. A DaemonSet runs it on every eligible node, so its unreserved CPU use is multiplied by the node count and competes with the workloads there. Add a CPU request sized from the agent's real usage.",
                describe(ref),
              )
            : t(
                "{0} requests CPU but no memory. A DaemonSet runs it on every eligible node, so its unreserved memory use is multiplied by the node count and competes with the workloads there. Add a memory request sized from the agent's real usage.",
                describe(ref),
              ),
          fixes: fix ? [fix] : undefined,
        });
      }
    }
    return out;
  },
};
