/** NodeUnschedulable filter: pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go. */
import { tolerationsTolerateTaint, TaintNodeUnschedulable, type TolerationGates } from '../tolerations';
import type { Status } from '../types';
import { success } from '../types';

export const Name = 'NodeUnschedulable';
export const ErrReasonUnschedulable = 'node(s) were unschedulable';

export function filter(pod: any, node: any, gates?: Partial<TolerationGates>): Status {
  if (!node?.spec?.unschedulable) return success();
  // A pod tolerating the unschedulable taint also tolerates spec.unschedulable.
  const tolerates = tolerationsTolerateTaint(pod?.spec?.tolerations, { key: TaintNodeUnschedulable, effect: 'NoSchedule' }, gates);
  if (tolerates) return success();
  return { code: 'UnschedulableAndUnresolvable', reasons: [ErrReasonUnschedulable] };
}
