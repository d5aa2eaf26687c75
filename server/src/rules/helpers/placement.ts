/** Shared by the placement rules: the placement of the DaemonSet against the context's inventory. */
import type { PlacementResult } from '../../placement/types';
import { inventoryLabel } from '../../placement/inventory';
import type { Fix, RuleContext } from '../types';
import { groupRemedies, type RemedyKind } from '../../remedy';
import { t } from '../../l10n';

export function placementOf(ctx: RuleContext): { result: PlacementResult; where: string } | undefined {
  if (!ctx.inventory || ctx.inventory.nodes.length === 0 || ctx.partial) return undefined;
  const result = ctx.placement();
  return result && { result, where: inventoryLabel(ctx.inventory) };
}

export function nodeList(names: string[], max = 5): string {
  if (names.length <= max) return names.join(', ');
  return t('{0} and {1} more', names.slice(0, max).join(', '), names.length - max);
}

/** The first existing path among candidates (the tightest place to point at). */
export function firstPresent(value: any, candidates: (string | number)[][]): (string | number)[] {
  for (const c of candidates) {
    let v = value;
    let ok = true;
    for (const seg of c) {
      if (v == null || typeof v !== 'object' || !(seg in v)) {
        ok = false;
        break;
      }
      v = v[seg as any];
    }
    if (ok) return c;
  }
  return candidates[candidates.length - 1];
}

/**
 * Quick fixes for a finding about some nodes: the remedy engine's proven edits for them, the best
 * first (preferred when it is the only one). Lazy: the engine runs when code actions ask, once.
 */
export function remedyFixes(ctx: RuleContext, nodes: readonly string[], kinds?: ReadonlySet<RemedyKind>, max = 4): () => Fix[] | undefined {
  let fixes: Fix[] | undefined | null = null;
  return () => {
    if (fixes !== null) return fixes;
    const found = groupRemedies(ctx.remedies(), nodes, kinds, max);
    fixes = found.length === 0 ? undefined : found.map((f, i) => ({ title: f.title, isPreferred: i === 0 && found.length === 1, edits: f.remedy.edits }));
    return fixes;
  };
}
