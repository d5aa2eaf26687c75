/** Test helpers for the practice rules: run the service, apply a quick fix's edits, check the result. */
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { analyzeText, type Diagnostic } from '../../server/src/service';

export { applyEdits, offsetAt } from '../helpers/text';
import { applyEdits, offsetAt } from '../helpers/text';

export function diagnostics(text: string, code?: string, options: Parameters<typeof analyzeText>[1] = {}): Diagnostic[] {
  const all = analyzeText(text, options);
  return code ? all.filter((d) => d.code === code) : all;
}

/** The text under a diagnostic's range. */
export function rangeText(text: string, d: Diagnostic): string {
  return text.slice(offsetAt(text, d.range.start), offsetAt(text, d.range.end));
}

function key(d: Diagnostic): string {
  return `${d.code}@${d.path}`;
}

/**
 * Apply fix `fixIndex` of the `index`-th diagnostic of rule `code` and check what a user sees:
 * that diagnostic is gone, the YAML parses without errors, no new diagnostic appears, and
 * every comment line of the original is still there. Returns the fixed text.
 */
export function applyFix(text: string, code: string, opts: { index?: number; fix?: number | string } = {}): string {
  const before = analyzeText(text);
  const mine = before.filter((d) => d.code === code);
  const d = mine[opts.index ?? 0];
  assert.ok(d, `no ${code} diagnostic #${opts.index ?? 0}`);
  assert.ok(d.fixes?.length, `${code} has no fix`);
  const fix = typeof opts.fix === 'string' ? d.fixes!.find((f) => f.title.includes(opts.fix as string)) : d.fixes![opts.fix ?? 0];
  assert.ok(fix, `fix ${opts.fix} not found among ${d.fixes!.map((f) => f.title).join(' | ')}`);
  const after = applyEdits(text, fix.edits);
  for (const doc of parseAllDocuments(after, { version: '1.1', uniqueKeys: false })) {
    assert.deepEqual(doc.errors.map((e) => e.message), [], `fixed text does not parse:\n${after}`);
  }
  const afterDiags = analyzeText(after);
  const count = (list: Diagnostic[], k: string) => list.filter((x) => key(x) === k).length;
  assert.equal(count(afterDiags, key(d)), count(before, key(d)) - 1, `${key(d)} still reported after the fix:\n${after}`);
  const beforeKeys = new Set(before.map(key));
  const fresh = afterDiags.filter((x) => !beforeKeys.has(key(x)));
  assert.deepEqual(fresh.map((x) => `${key(x)}: ${x.message}`), [], `the fix introduced new diagnostics:\n${after}`);
  // Comments survive, except a trailing comment on a line the fix deletes (it belonged to that entry).
  const deleted = new Set<number>();
  for (const e of fix.edits) {
    if (e.newText !== '') continue;
    const last = e.range.end.character === 0 && e.range.end.line > e.range.start.line ? e.range.end.line - 1 : e.range.end.line;
    for (let l = e.range.start.line; l <= last; l++) deleted.add(l);
  }
  const comments = (t: string, skip = new Set<number>()) => t.split('\n').flatMap((l, i) => (l.includes('#') && !skip.has(i) ? [l.slice(l.indexOf('#')).trim()] : []));
  for (const c of comments(text, deleted)) assert.ok(comments(after).includes(c), `comment lost: ${c}`);
  return after;
}

/** A DaemonSet manifest around a pod spec body (lines indented for `spec.template.spec`). */
export function daemonSet(podSpec: string, opts: { namespace?: string; spec?: string } = {}): string {
  const ns = opts.namespace ? `\n  namespace: ${opts.namespace}` : '';
  return `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent${ns}
spec:
  selector:
    matchLabels:
      app: agent
${opts.spec ?? ''}  template:
    metadata:
      labels:
        app: agent
    spec:
${podSpec.replace(/^\n/, '')}`;
}
