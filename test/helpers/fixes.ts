/** Applying a quick fix the way a user would, and checking what they would see afterwards. */
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { analyzeText, fixesOf, type AnalyzeOptions, type Diagnostic } from '../../server/src/service';
import { applyEdits } from './text';

const key = (d: Diagnostic) => `${d.code}@${d.path}`;

/**
 * Apply fix `fix` (index, or a part of its title) of the `index`-th diagnostic of rule `code`, and
 * check: that diagnostic is gone, the YAML parses, no new diagnostic appears (none at error
 * severity when the fix removed the last error, since held-back checks then run), and every
 * comment survives except a trailing one on a line the fix deletes. Returns the fixed text.
 */
export function applyFix(text: string, code: string, opts: { index?: number; fix?: number | string; options?: AnalyzeOptions } = {}): string {
  const before = analyzeText(text, opts.options);
  const d = before.filter((x) => x.code === code)[opts.index ?? 0];
  assert.ok(d, `no ${code} diagnostic #${opts.index ?? 0} in:\n${text}\n${before.map((x) => x.code).join(', ')}`);
  const fixes = fixesOf(d);
  assert.ok(fixes?.length, `${code} has no fix`);
  const fix = typeof opts.fix === 'string' ? fixes.find((f) => f.title.includes(opts.fix as string)) : fixes[opts.fix ?? 0];
  assert.ok(fix, `fix ${JSON.stringify(opts.fix)} not among ${fixes.map((f) => f.title).join(' | ')}`);
  const after = applyEdits(text, fix.edits);
  for (const doc of parseAllDocuments(after, { version: '1.1', uniqueKeys: false })) {
    assert.deepEqual(
      doc.errors.map((e) => e.message),
      [],
      `fixed text does not parse:\n${after}`,
    );
  }
  const afterDiags = analyzeText(after, opts.options);
  const count = (list: Diagnostic[], k: string) => list.filter((x) => key(x) === k).length;
  assert.equal(count(afterDiags, key(d)), count(before, key(d)) - 1, `${key(d)} still reported after the fix:\n${after}`);
  const beforeKeys = new Set(before.map(key));
  // Checks held back while the API server would reject the object run once the last error is
  // fixed: those may appear, nothing at error severity may.
  const revealed = before.some((x) => x.severity === 'error') && !afterDiags.some((x) => x.severity === 'error');
  const fresh = afterDiags.filter((x) => !beforeKeys.has(key(x)) && (!revealed || x.severity === 'error'));
  assert.deepEqual(
    fresh.map((x) => `${key(x)}: ${x.message}`),
    [],
    `the fix introduced new diagnostics:\n${after}`,
  );
  const deleted = new Set<number>();
  for (const e of fix.edits) {
    if (e.newText !== '') continue;
    const last = e.range.end.character === 0 && e.range.end.line > e.range.start.line ? e.range.end.line - 1 : e.range.end.line;
    for (let l = e.range.start.line; l <= last; l++) deleted.add(l);
  }
  const comments = (t: string, skip = new Set<number>()) =>
    t.split('\n').flatMap((l, i) => (l.includes('#') && !skip.has(i) ? [l.slice(l.indexOf('#')).trim()] : []));
  for (const c of comments(text, deleted)) assert.ok(comments(after).includes(c), `comment lost: ${c}`);
  return after;
}
