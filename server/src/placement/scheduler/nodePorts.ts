/** NodePorts filter: pkg/scheduler/framework/plugins/nodeports/node_ports.go. */
import type { Status } from '../types';
import { success } from '../types';
import { type ContainerPort, formatHostPort, getHostPorts } from './hostports';
import type { NodeInfo } from './nodeinfo';

export const Name = 'NodePorts';
export const ErrReason = "node(s) didn't have free ports for the requested pod ports";

/** `fitsPorts`: none of the wanted host ports is in use on the node. */
export function conflictingPorts(wantPorts: readonly ContainerPort[], nodeInfo: NodeInfo): ContainerPort[] {
  return wantPorts.filter((p) => nodeInfo.usedPorts.checkConflict(p.hostIP, p.protocol, p.hostPort));
}

export function filter(pod: any, nodeInfo: NodeInfo): Status & { conflicts?: string[] } {
  const want = getHostPorts(pod);
  if (want.length === 0) return success();
  const conflicts = conflictingPorts(want, nodeInfo);
  if (conflicts.length === 0) return success();
  return { code: 'Unschedulable', reasons: [ErrReason], conflicts: conflicts.map(formatHostPort) };
}
