/** NodePorts filter: pkg/scheduler/framework/plugins/nodeports/node_ports.go. */
import { type CycleState, failed, type FilterPlugin, type FilterResult, preFilter, SUCCESS } from './framework';
import { type ContainerPort, formatHostPort } from './hostports';
import type { NodeInfo } from './nodeinfo';

export const Name = 'NodePorts';
export const ErrReason = "node(s) didn't have free ports for the requested pod ports";

/** `fitsPorts`: the wanted host ports that are in use on the node. */
export function conflictingPorts(wantPorts: readonly ContainerPort[], nodeInfo: NodeInfo): ContainerPort[] {
  return wantPorts.filter((p) => nodeInfo.usedPorts.checkConflict(p.hostIP, p.protocol, p.hostPort));
}

export const plugin: FilterPlugin = {
  name: Name,
  filter(state: CycleState, nodeInfo: NodeInfo): FilterResult {
    if (state.hostPorts.length === 0) return SUCCESS;
    const conflicts = conflictingPorts(state.hostPorts, nodeInfo);
    if (conflicts.length === 0) return SUCCESS;
    const ports = conflicts.map(formatHostPort);
    return failed([{ predicate: Name, message: ErrReason, code: 'Unschedulable', ports, detail: `host port ${ports.join(', ')} already in use on the node` }]);
  },
};

export function filter(pod: any, nodeInfo: NodeInfo): FilterResult & { conflicts?: string[] } {
  const r = plugin.filter(preFilter(pod), nodeInfo);
  return r.failures.length ? { ...r, conflicts: r.failures[0].ports } : r;
}
