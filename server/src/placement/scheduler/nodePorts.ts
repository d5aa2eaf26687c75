/** NodePorts filter: pkg/scheduler/framework/plugins/nodeports/node_ports.go. */
import type { PlacementReason } from '../types';
import { type CycleState, failed, type FilterPlugin, type FilterResult, preFilter, SUCCESS } from './framework';
import { type ContainerPort, formatHostPort } from './hostports';
import { type NodeInfo, type NodePod, podKey } from './nodeinfo';

export const Name = 'NodePorts';
export const ErrReason = "node(s) didn't have free ports for the requested pod ports";

/** `fitsPorts`: the wanted host ports that are in use on the node. */
export function conflictingPorts(wantPorts: readonly ContainerPort[], nodeInfo: NodeInfo): ContainerPort[] {
  return wantPorts.filter((p) => nodeInfo.usedPorts.checkConflict(p.hostIP, p.protocol, p.hostPort));
}

/** The filter's verdict alone, without explanations. */
export function fits(state: CycleState, nodeInfo: NodeInfo): boolean {
  const ports = state.hostPorts;
  for (let i = 0; i < ports.length; i++) if (nodeInfo.usedPorts.checkConflict(ports[i].hostIP, ports[i].protocol, ports[i].hostPort)) return false;
  return true;
}

export const plugin: FilterPlugin = {
  name: Name,
  // PreFilter: Skip when the pod asks for no host port.
  skips: (state: CycleState) => state.hostPorts.length === 0,
  passes: fits,
  filter(state: CycleState, nodeInfo: NodeInfo): FilterResult {
    // The explanation has closures of its own: kept apart, a node that fits allocates nothing.
    if (state.hostPorts.length === 0 || fits(state, nodeInfo)) return SUCCESS;
    return explain(state, nodeInfo);
  },
};

/** The conflicting ports and the pods holding them. */
function explain(state: CycleState, nodeInfo: NodeInfo): FilterResult {
  const conflicts = conflictingPorts(state.hostPorts, nodeInfo);
  if (conflicts.length === 0) return SUCCESS;
  const ports = conflicts.map(formatHostPort);
  const holders: NodePod[] = [];
  const held = conflicts.map((p, i) => {
    const by = nodeInfo.usedPorts.holders(p.hostIP, p.protocol, p.hostPort);
    for (const h of by) if (!holders.includes(h)) holders.push(h);
    return by.length ? `host port ${ports[i]} is held by ${by.map(podKey).join(', ')}` : `host port ${ports[i]} already in use on the node`;
  });
  const detail = holders.length ? held.join('; ') : `host port ${ports.join(', ')} already in use on the node`;
  const reason: PlacementReason = { predicate: Name, message: ErrReason, code: 'Unschedulable', ports, detail };
  if (holders.length) reason.pods = holders.map((h) => ({ namespace: h.namespace ?? 'default', name: h.name, priority: h.priority }));
  return failed([reason]);
}

export function filter(pod: any, nodeInfo: NodeInfo): FilterResult & { conflicts?: string[] } {
  const r = plugin.filter(preFilter(pod), nodeInfo);
  return r.failures.length ? { ...r, conflicts: r.failures[0].ports } : r;
}
