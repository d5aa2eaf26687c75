/** NodeAffinity filter: pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go. */
import type { PlacementReason } from '../types';
import { type CycleState, failed, type FilterPlugin, type FilterResult, preFilter, SUCCESS } from './framework';
import type { NodeInfo } from './nodeinfo';

export const Name = 'NodeAffinity';
export const ErrReasonPod = "node(s) didn't match Pod's node affinity/selector";

/** Which nodeSelector entry, or which required terms, the node fails (parse errors mean no match). */
function explain(state: CycleState, node: any): PlacementReason {
  const base = { predicate: Name, message: ErrReasonPod, code: 'UnschedulableAndUnresolvable' as const };
  const sel = state.affinity.nodeSelectorMismatch(node);
  if (sel) {
    return {
      ...base,
      selector: { kind: 'nodeSelector', ...sel },
      detail:
        sel.have === undefined
          ? `nodeSelector ${sel.key}=${sel.want}: node has no label ${sel.key}`
          : `nodeSelector ${sel.key}=${sel.want}: node has ${sel.key}=${sel.have}`,
    };
  }
  const ns = state.affinity.nodeSelector;
  if (!ns) return base;
  const terms = ns.explainMismatch(node);
  const parseErrors = ns.terms.flatMap((t) => t.parseErrors);
  return {
    ...base,
    selector: { kind: 'requiredAffinity', terms, ...(parseErrors.length ? { parseErrors } : {}) },
    detail:
      terms.length === 0
        ? 'requiredDuringSchedulingIgnoredDuringExecution has no usable nodeSelectorTerms (matches no node)'
        : `no required node affinity term matches: ${terms.map((t) => `(${t})`).join(' or ')}${
            parseErrors.length ? '; a term that does not parse matches no node (the scheduler and the controller ignore the error)' : ''
          }`,
  };
}

export const plugin: FilterPlugin = {
  name: Name,
  nodeClass: true,
  filter(state: CycleState, nodeInfo: NodeInfo): FilterResult {
    // Parse errors are ignored here (the term just does not match), as the scheduler does.
    if (state.affinity.match(nodeInfo.node).match) return SUCCESS;
    return failed([explain(state, nodeInfo.node)]);
  },
};

export function filterPod(pod: any, node: any): FilterResult {
  return plugin.filter(preFilter(pod), { node } as NodeInfo);
}
