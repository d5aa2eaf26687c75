/** NodeUnschedulable filter: pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go. */
import { tolerationsTolerateTaint, TaintNodeUnschedulable } from '../tolerations';
import { type CycleState, failed, type FilterPlugin, type FilterResult, preFilter, type PreFilterOptions, SUCCESS } from './framework';
import type { NodeInfo } from './nodeinfo';

export const Name = 'NodeUnschedulable';
export const ErrReasonUnschedulable = 'node(s) were unschedulable';

export const plugin: FilterPlugin = {
  name: Name,
  nodeClass: true,
  filter(state: CycleState, nodeInfo: NodeInfo): FilterResult {
    if (!nodeInfo.node?.spec?.unschedulable) return SUCCESS;
    // A pod tolerating the unschedulable taint also tolerates spec.unschedulable.
    if (tolerationsTolerateTaint(state.tolerations, { key: TaintNodeUnschedulable, effect: 'NoSchedule' }, state.gates)) return SUCCESS;
    return failed([
      { predicate: Name, message: ErrReasonUnschedulable, code: 'UnschedulableAndUnresolvable', detail: 'the node is cordoned (spec.unschedulable)' },
    ]);
  },
};

/** The filter for a pod on a node, as the scheduler's tests call it. */
export function filter(pod: any, node: any, gates?: PreFilterOptions['gates']): FilterResult {
  return plugin.filter(preFilter(pod, { gates }), { node, podCount: 0 } as NodeInfo);
}
