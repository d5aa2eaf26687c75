/** NodeName filter: pkg/scheduler/framework/plugins/nodename/node_name.go. */
import type { Status } from '../types';
import { success } from '../types';

export const Name = 'NodeName';
export const ErrReason = "node(s) didn't match the requested node name";

/** `Fits`: the pod names no node, or names this one. */
export function fits(pod: any, node: any): boolean {
  const want = pod?.spec?.nodeName;
  return !want || want === node?.metadata?.name;
}

export function filter(pod: any, node: any): Status {
  return fits(pod, node) ? success() : { code: 'UnschedulableAndUnresolvable', reasons: [ErrReason] };
}
