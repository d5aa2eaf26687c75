/**
 * What to change on the node side (or why nothing needs changing), for when the manifest is
 * right. Worded as an alternative ("Or on the node: …") only when a manifest edit was proven too.
 */
import type { NodePlacement, PlacementReason } from '../placement/types';
import { readableQuantity } from '../k8s/quantity';
import { t } from '../l10n';
import { selectorAdvice } from './node-affinity';
import { taintAdvice, untoleratedTaints } from './tolerate-taint';
import type { RemedyContext } from './types';

function readable(resource: string, amount: number): string {
  return readableQuantity(
    amount,
    resource === 'cpu' ? 'milli' : resource === 'memory' || resource === 'ephemeral-storage' || resource.startsWith('hugepages-') ? 'bytes' : 'count',
  );
}

function podList(r: PlacementReason): string {
  return (r.pods ?? []).map((p) => `${p.namespace}/${p.name}`).join(', ');
}

export function nodeAdvice(ctx: RemedyContext, node: NodePlacement, hasFixes: boolean): string[] {
  const out: string[] = [];
  const reasons = [...node.reasons, ...(node.laterReasons ?? [])];
  const predicates = new Set(reasons.map((r) => r.predicate));
  if (predicates.has('NodeAffinity')) out.push(...selectorAdvice(ctx, node, hasFixes, reasons));
  if (predicates.has('TaintToleration'))
    for (const taint of untoleratedTaints(ctx.value, node)) {
      const a = taintAdvice(node.name, taint, hasFixes);
      if (a) out.push(a);
    }
  for (const r of reasons) {
    if (r.predicate === 'NodePorts' && r.pods?.length)
      out.push(
        hasFixes
          ? t('Or free the port on {0}: it is held by {1}.', node.name, podList(r))
          : t('Free the port on {0}: it is held by {1}.', node.name, podList(r)),
      );
    if (r.predicate === 'NodeResourcesFit' && r.resource && r.resource.name !== 'pods' && !r.resource.unresolvable) {
      const { name, requested, used, capacity } = r.resource;
      const short = readable(name, requested - Math.max(0, capacity - used));
      out.push(
        hasFixes
          ? t('Or make room on {0}: {1} more {2} must be free (move or shrink the pods that request it).', node.name, short, name)
          : t('Make room on {0}: {1} more {2} must be free (move or shrink the pods that request it).', node.name, short, name),
      );
    }
    if (r.predicate === 'NodeResourcesFit' && r.resource?.unresolvable)
      out.push(t('{0} cannot ever fit this request: it exceeds the node’s allocatable {1}; no preemption helps.', node.name, r.resource.name));
    if (r.predicate === 'SchedulingGates')
      out.push(t('Scheduling gates are removed by the controller that added them; until then the pods stay SchedulingGated.'));
  }
  return out;
}
