/**
 * Remedies that cure a node on their own, whatever else fails: a priority high enough to
 * preempt (only when every failure is one preemption can resolve), and dropping a pod field
 * that keeps the pod from being scheduled at all (a template nodeName, an unknown
 * schedulerName, scheduling gates).
 */
import type { NodePlacement, PlacementReason } from '../placement/types';
import { POD } from '../yaml/types';
import { t } from '../l10n';
import type { Candidate, RemedyContext } from './types';

export type WholeGenerator = (ctx: RemedyContext, node: NodePlacement, reasons: readonly PlacementReason[]) => Candidate[];

export const raisePriority: WholeGenerator = (ctx, node, reasons) => {
  if (node.verdict !== 'pending' || reasons.length === 0 || !reasons.every((r) => r.code === 'Unschedulable')) return [];
  const spec = ctx.value?.spec?.template?.spec;
  if (!spec || spec.priorityClassName === 'system-node-critical' || spec.priority != null) return [];
  const edits = ctx.edits.setPath([...POD, 'priorityClassName'], 'system-node-critical');
  return edits ? [{ kind: 'priority-class', title: t('Set priorityClassName: system-node-critical'), edits }] : [];
};

const FIELDS: [string, string][] = [
  ['NodeName', 'nodeName'],
  ['SchedulerName', 'schedulerName'],
  ['SchedulingGates', 'schedulingGates'],
];

export const removeBlockingField: WholeGenerator = (ctx, _node, reasons) => {
  const out: Candidate[] = [];
  for (const [predicate, field] of FIELDS) {
    if (!reasons.some((r) => r.predicate === predicate)) continue;
    const e = ctx.edits.removeKey([...POD, field]);
    if (e) out.push({ kind: 'remove-field', title: t('Remove {0} from the pod template', field), edits: [e] });
  }
  return out;
};
