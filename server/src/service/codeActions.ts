/** Code actions: the quick fixes of the diagnostics under the cursor, and "fix all" of the preferred ones. */
import type { Range, TextEdit } from '../yaml/types';
import { fixesOf, type Diagnostic } from './types';
import type { Fix } from '../rules/types';
import { t } from '../l10n';

export interface Action {
  title: string;
  kind: 'quickfix' | 'source.fixAll';
  isPreferred?: boolean;
  /** The diagnostic the action fixes (quick fixes). */
  diagnostic?: Diagnostic;
  edits: TextEdit[];
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) =>
    p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export function quickFixes(diagnostics: Diagnostic[], range: Range): Action[] {
  const out: Action[] = [];
  for (const d of diagnostics) {
    if (!(d.fixes?.length || d.lazyFixes) || !overlaps(d.range, range)) continue;
    for (const fix of fixesOf(d) ?? []) out.push({ title: fix.title, kind: 'quickfix', isPreferred: fix.isPreferred, diagnostic: d, edits: fix.edits });
  }
  // Preferred fixes first, then in the order the rule ranked them.
  return out.sort((a, b) => Number(!!b.isPreferred) - Number(!!a.isPreferred));
}

/** One edit set applying every diagnostic's preferred fix whose edits do not overlap an earlier one. */
export function fixAll(diagnostics: Diagnostic[]): Action | undefined {
  const chosen: TextEdit[] = [];
  for (const d of diagnostics) {
    const fix: Fix | undefined = d.fixes?.find((f) => f.isPreferred);
    if (!fix) continue;
    if (fix.edits.some((e) => chosen.some((c) => overlaps(c.range, e.range)))) continue;
    chosen.push(...fix.edits);
  }
  if (chosen.length === 0) return undefined;
  return { title: t('Fix all auto-fixable DaemonSet problems'), kind: 'source.fixAll', edits: chosen };
}
