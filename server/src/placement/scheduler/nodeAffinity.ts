/** NodeAffinity filter: pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go. */
import { RequiredNodeAffinity } from '../nodeaffinity';
import type { Status } from '../types';
import { success } from '../types';

export const Name = 'NodeAffinity';
export const ErrReasonPod = "node(s) didn't match Pod's node affinity/selector";

/** `affinity` is the pod's parsed RequiredNodeAffinity (PreFilter state); parse errors are ignored. */
export function filter(affinity: RequiredNodeAffinity, node: any): Status {
  if (affinity.match(node).match) return success();
  return { code: 'UnschedulableAndUnresolvable', reasons: [ErrReasonPod] };
}

export function filterPod(pod: any, node: any): Status {
  return filter(new RequiredNodeAffinity(pod?.spec), node);
}
