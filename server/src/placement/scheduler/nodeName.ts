/** NodeName filter: pkg/scheduler/framework/plugins/nodename/node_name.go. */
import { type CycleState, failed, type FilterPlugin, type FilterResult, preFilter, SUCCESS } from './framework';
import type { NodeInfo } from './nodeinfo';

export const Name = 'NodeName';
export const ErrReason = "node(s) didn't match the requested node name";

/** `Fits`: the pod names no node, or names this one. */
export function fits(state: Pick<CycleState, 'nodeName'>, node: any): boolean {
  return !state.nodeName || state.nodeName === node?.metadata?.name;
}

export const plugin: FilterPlugin = {
  name: Name,
  nodeClass: true,
  filter(state: CycleState, nodeInfo: NodeInfo): FilterResult {
    if (fits(state, nodeInfo.node)) return SUCCESS;
    return failed([{ predicate: Name, message: ErrReason, code: 'UnschedulableAndUnresolvable', detail: `spec.nodeName is ${state.nodeName}` }]);
  },
};

export function filter(pod: any, node: any): FilterResult {
  return plugin.filter(preFilter(pod), { node } as NodeInfo);
}
