/**
 * SchedulingGates: pkg/scheduler/framework/plugins/schedulinggates/scheduling_gates.go, the first
 * plugin of the default profile. It is a PreEnqueue plugin: a pod with a non-empty
 * `spec.schedulingGates` never enters the active queue, so no filter ever runs for it. What the
 * user sees is the condition the API server sets when it creates such a pod
 * (pkg/registry/core/pod/strategy.go `applySchedulingGatedCondition`): PodScheduled=False, reason
 * SchedulingGated, the message below.
 */
import { list } from '../../util/list';
import type { PlacementReason } from '../types';

export const Name = 'SchedulingGates';
/** `v1.PodReasonSchedulingGated`, the PodScheduled condition's reason. */
export const PodReasonSchedulingGated = 'SchedulingGated';
/** The PodScheduled condition's message. */
export const SchedulingGatedMessage = 'Scheduling is blocked due to non-empty scheduling gates';

/** The gates' names, in order (a gate without a name still holds the pod). */
export function schedulingGates(podSpec: any): string[] {
  return list(podSpec?.schedulingGates).map((g) => String(g?.name ?? ''));
}

/**
 * `PreEnqueue`: undefined when the pod may enter the queue, else why not (UnschedulableAndUnresolvable:
 * only removing the gates, by whoever added them, lets it through). `nodeName`: the template pins
 * the pod, which the API server refuses together with gates.
 */
export function preEnqueue(podSpec: any): PlacementReason | undefined {
  const gates = schedulingGates(podSpec);
  if (gates.length === 0) return undefined;
  // The plugin's own status reads `waiting for scheduling gates: [a b]` (Go's %v of the names).
  const waiting = `waiting for scheduling gates: [${gates.join(' ')}]`;
  const detail = podSpec?.nodeName
    ? `${waiting}; the API server also refuses the pod itself while spec.nodeName is set (spec.nodeName: Forbidden: cannot be set until all schedulingGates have been cleared)`
    : `${waiting} (PodScheduled=False, reason ${PodReasonSchedulingGated}); the pod stays Pending until every gate is removed`;
  return { predicate: Name, message: SchedulingGatedMessage, code: 'UnschedulableAndUnresolvable', schedulingGates: gates, detail };
}
