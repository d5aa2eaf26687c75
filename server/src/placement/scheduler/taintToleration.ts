/** TaintToleration filter: pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go. */
import { taintString } from '../../k8s/taints';
import { doNotScheduleTaintsFilter, findMatchingUntoleratedTaint } from '../tolerations';
import { type CycleState, failed, type FilterPlugin, type FilterResult, preFilter, type PreFilterOptions, SUCCESS } from './framework';
import type { NodeInfo } from './nodeinfo';

export const Name = 'TaintToleration';
/** 1.36 no longer names the taint in the status (it is logged instead); the taint travels beside it. */
export const ErrReasonNotMatch = 'node(s) had untolerated taint(s)';

export const plugin: FilterPlugin = {
  name: Name,
  nodeClass: true,
  filter(state: CycleState, nodeInfo: NodeInfo): FilterResult {
    const taint = findMatchingUntoleratedTaint(nodeInfo.node?.spec?.taints, state.tolerations, doNotScheduleTaintsFilter, state.gates);
    if (!taint) return SUCCESS;
    const t =
      taint.value === undefined || taint.value === '' ? { key: taint.key, effect: taint.effect } : { key: taint.key, value: taint.value, effect: taint.effect };
    return failed([
      { predicate: Name, message: ErrReasonNotMatch, code: 'UnschedulableAndUnresolvable', taint: t, detail: `untolerated taint ${taintString(t)}` },
    ]);
  },
};

export function filter(pod: any, node: any, gates?: PreFilterOptions['gates']): FilterResult {
  return plugin.filter(preFilter(pod, { gates }), { node } as NodeInfo);
}
