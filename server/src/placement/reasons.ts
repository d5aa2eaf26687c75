/** How a reason reads on one line: Kubernetes' wording, with what it is about beside it. */
import { taintString } from '../k8s/taints';
import type { PlacementReason } from './types';

/**
 * `node(s) had untolerated taint(s) (nvidia.com/gpu=present:NoSchedule)`,
 * `node(s) didn't match pod anti-affinity rules (app=db; topologyKey kubernetes.io/hostname)`,
 * `Scheduling is blocked due to non-empty scheduling gates (example.com/quota)`; other reasons as
 * Kubernetes words them. What is added is shared by the nodes failing alike (the taint, the term,
 * the gates), never the node's own pods, so equal labels group.
 */
export function reasonLabel(r: Pick<PlacementReason, 'message' | 'taint' | 'podAffinityTerm' | 'schedulingGates'>): string {
  if (r.taint) return `${r.message} (${taintString(r.taint)})`;
  if (r.podAffinityTerm) return `${r.message} (${r.podAffinityTerm.selector}; topologyKey ${r.podAffinityTerm.topologyKey || '""'})`;
  if (r.schedulingGates?.length) return `${r.message} (${r.schedulingGates.join(', ')})`;
  return r.message;
}
