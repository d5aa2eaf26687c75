/**
 * Code actions: the quick fixes of the diagnostics under the cursor, and "fix all".
 *
 * Fix-all runs unseen (editors apply it on save when a user enables `source.fixAll` globally,
 * which also matches our sub-kind), so it applies only fixes marked `mechanical`: spellings the
 * API server rejects, which cannot change what a DaemonSet does. Every other fix is a judgement
 * and stays a quick fix, offered one at a time. Quick fixes come in the order the user sees the
 * findings: errors first, hints (drawn as dots) last and never preferred.
 */
import type { Range, TextEdit } from '../yaml/types';
import { fixesOf, type Diagnostic } from './types';
import type { Fix, Severity } from '../rules/types';
import { t } from '../l10n';

/** Our fix-all kind: a sub-kind of `source.fixAll`, as ESLint's `source.fixAll.eslint`. */
export const FIX_ALL_KIND = 'source.fixAll.daemonset';

export interface Action {
  title: string;
  kind: 'quickfix' | typeof FIX_ALL_KIND;
  isPreferred?: boolean;
  /** The diagnostic the action fixes (quick fixes). */
  diagnostic?: Diagnostic;
  edits: TextEdit[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

function overlaps(a: Range, b: Range): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) =>
    p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/**
 * The quick fixes of the diagnostics the range touches, by severity (error → warning →
 * information → hint), preferred first within one. Only fixes of the most severe diagnostics
 * there may be preferred: editors list preferred actions first whatever the order, and
 * "auto fix" applies a lone preferred one, so a hint's fix must never outrank what the user sees.
 */
export function quickFixes(diagnostics: Diagnostic[], range: Range): Action[] {
  const out: Action[] = [];
  for (const d of diagnostics) {
    if (!(d.fixes?.length || d.lazyFixes) || !overlaps(d.range, range)) continue;
    for (const fix of fixesOf(d) ?? []) out.push({ title: fix.title, kind: 'quickfix', isPreferred: fix.isPreferred, diagnostic: d, edits: fix.edits });
  }
  const rank = (a: Action) => RANK[a.diagnostic!.severity] ?? RANK.hint;
  // Stable sort: within one severity and preference, the order the rules ranked them.
  out.sort((a, b) => rank(a) - rank(b) || Number(!!b.isPreferred) - Number(!!a.isPreferred));
  const top = out.length ? rank(out[0]) : 0;
  for (const a of out) if (a.isPreferred && (rank(a) !== top || rank(a) === RANK.hint)) a.isPreferred = false;
  return out;
}

/** The fix fix-all may apply for a diagnostic: its preferred fix, when that is mechanical and the finding is visible. */
function mechanicalFix(d: Diagnostic): Fix | undefined {
  if (d.severity === 'hint') return undefined;
  const fix = d.fixes?.find((f) => f.isPreferred);
  return fix?.safety === 'mechanical' ? fix : undefined;
}

/** One edit set applying every mechanical fix whose edits do not overlap an earlier one. */
export function fixAll(diagnostics: Diagnostic[]): Action | undefined {
  const chosen: TextEdit[] = [];
  for (const d of diagnostics) {
    const fix = mechanicalFix(d);
    if (!fix) continue;
    if (fix.edits.some((e) => chosen.some((c) => overlaps(c.range, e.range)))) continue;
    chosen.push(...fix.edits);
  }
  if (chosen.length === 0) return undefined;
  return { title: t('Fix all auto-fixable DaemonSet problems'), kind: FIX_ALL_KIND, edits: chosen };
}
