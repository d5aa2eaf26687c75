/** TaintToleration filter: pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go. */
import { doNotScheduleTaintsFilter, findMatchingUntoleratedTaint, type TolerationGates } from '../tolerations';
import type { Status, Taint } from '../types';
import { success } from '../types';

export const Name = 'TaintToleration';
/** 1.36 no longer names the taint in the status (it is logged instead). */
export const ErrReasonNotMatch = 'node(s) had untolerated taint(s)';

export function filter(pod: any, node: any, gates?: Partial<TolerationGates>): Status & { taint?: Taint } {
  const taint = findMatchingUntoleratedTaint(node?.spec?.taints, pod?.spec?.tolerations, doNotScheduleTaintsFilter, gates);
  if (!taint) return success();
  return { code: 'UnschedulableAndUnresolvable', reasons: [ErrReasonNotMatch], taint };
}
