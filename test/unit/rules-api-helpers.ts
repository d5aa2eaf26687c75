/** Test helpers for the API rules: run the service, apply a quick fix, check what a user would see. */
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { analyzeText, type AnalyzeOptions, type Diagnostic } from '../../server/src/service';

export { applyEdits, offsetAt } from '../helpers/text';
import { applyEdits, offsetAt } from '../helpers/text';

export function errors(text: string, options: AnalyzeOptions = {}): Diagnostic[] {
  return analyzeText(text, options).filter((d) => d.severity === 'error');
}

/** Error-severity rule ids, sorted (duplicates kept). */
export function errorCodes(text: string, options: AnalyzeOptions = {}): string[] {
  return errors(text, options).map((d) => d.code).sort();
}

export function only(text: string, code: string, options: AnalyzeOptions = {}): Diagnostic {
  const all = analyzeText(text, options).filter((d) => d.code === code);
  assert.equal(all.length, 1, `expected one ${code}, got ${all.length}: ${all.map((d) => d.message).join(' | ')}`);
  return all[0];
}

export function rangeText(text: string, d: Diagnostic): string {
  return text.slice(offsetAt(text, d.range.start), offsetAt(text, d.range.end));
}

const key = (d: Diagnostic) => `${d.code}@${d.path}`;

/**
 * Apply a fix of the first diagnostic of `code` and check: that diagnostic is gone, the YAML
 * parses, no new diagnostic appears (none at error severity when the fix removed the last error,
 * since held-back checks then run), every comment survives. Returns the fixed text.
 */
export function applyFix(text: string, code: string, fixTitle?: string): string {
  const before = analyzeText(text);
  const d = before.find((x) => x.code === code);
  assert.ok(d, `no ${code} diagnostic in:\n${text}\n${before.map((x) => x.code).join(', ')}`);
  assert.ok(d.fixes?.length, `${code} has no fix`);
  const fix = fixTitle ? d.fixes!.find((f) => f.title.includes(fixTitle)) : d.fixes![0];
  assert.ok(fix, `fix "${fixTitle}" not among ${d.fixes!.map((f) => f.title).join(' | ')}`);
  const after = applyEdits(text, fix.edits);
  for (const doc of parseAllDocuments(after, { version: '1.1', uniqueKeys: false })) {
    assert.deepEqual(doc.errors.map((e) => e.message), [], `fixed text does not parse:\n${after}`);
  }
  const afterDiags = analyzeText(after);
  const count = (list: Diagnostic[], k: string) => list.filter((x) => key(x) === k).length;
  assert.equal(count(afterDiags, key(d)), count(before, key(d)) - 1, `${key(d)} still reported after the fix:\n${after}`);
  const beforeKeys = new Set(before.map(key));
  // Checks that are held back while the API server would reject the object (or only run on
  // apps/v1) run once the last error is fixed: those may appear, nothing at error severity may.
  const revealed = before.some((x) => x.severity === 'error') && !afterDiags.some((x) => x.severity === 'error');
  const fresh = afterDiags.filter((x) => !beforeKeys.has(key(x)) && (!revealed || x.severity === 'error'));
  assert.deepEqual(fresh.map((x) => `${key(x)}: ${x.message}`), [], `the fix introduced new diagnostics:\n${after}`);
  const comments = (t: string) => t.split('\n').filter((l) => l.includes('#')).map((l) => l.slice(l.indexOf('#')).trim());
  for (const c of comments(text)) assert.ok(comments(after).includes(c), `comment lost: ${c}`);
  return after;
}

/** A valid DaemonSet; `pod` replaces the pod spec body (indented for spec.template.spec). */
export function ds(opts: { pod?: string; spec?: string; selector?: string | null; labels?: string | null; metadata?: string } = {}): string {
  const selector = opts.selector === null ? '' : `  selector:\n${opts.selector ?? '    matchLabels:\n      app: agent\n'}`;
  const labels = opts.labels === null ? '' : `    metadata:\n      labels:\n${opts.labels ?? '        app: agent\n'}`;
  const pod = opts.pod ?? '      containers:\n        - name: agent\n          image: example/agent:1.0\n';
  return `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
${opts.metadata ?? ''}spec:
${selector}${opts.spec ?? ''}  template:
${labels}    spec:
${pod}`;
}
