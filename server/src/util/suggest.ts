/** "Did you mean …": candidates ranked by edit distance, case-insensitive matches first. */
import { t } from '../l10n';

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m];
}

/**
 * Candidates close to `word`, best first. A candidate qualifies when it equals the word
 * ignoring case, or is within a distance that grows with the word's length.
 */
export function suggest(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const lower = word.toLowerCase();
  const maxDist = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  const scored: { c: string; score: number }[] = [];
  for (const c of candidates) {
    if (c === word) continue;
    const cl = c.toLowerCase();
    let score: number;
    if (cl === lower) score = 0;
    else {
      const d = editDistance(lower, cl, maxDist);
      if (d <= maxDist) score = d;
      else if (lower.length >= 4 && (cl.startsWith(lower) || lower.startsWith(cl))) score = maxDist + 0.5;
      else continue;
    }
    scored.push({ c, score });
  }
  scored.sort((x, y) => x.score - y.score || x.c.localeCompare(y.c));
  // A match that differs only in case is the answer; other near-misses would only distract.
  if (scored[0]?.score === 0)
    return scored
      .filter((s) => s.score === 0)
      .slice(0, limit)
      .map((s) => s.c);
  return scored.slice(0, limit).map((s) => s.c);
}

/** `"A", "B" or "C"` */
export function listOr(values: readonly string[], quote = true): string {
  const q = (v: string) => (quote ? `"${v}"` : v);
  if (values.length <= 1) return values.map(q).join('');
  return t('{0} or {1}', values.slice(0, -1).map(q).join(', '), q(values[values.length - 1]));
}
