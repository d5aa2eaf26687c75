/** Test helpers for the API rules: run the service, apply a quick fix, check what a user would see. */
import assert from 'node:assert/strict';
import { analyzeText, type AnalyzeOptions, type Diagnostic } from '../../server/src/service';

export { applyEdits, offsetAt } from '../helpers/text';
import { applyFix as applyFixChecked } from '../helpers/fixes';
import { offsetAt } from '../helpers/text';

export function errors(text: string, options: AnalyzeOptions = {}): Diagnostic[] {
  return analyzeText(text, options).filter((d) => d.severity === 'error');
}

/** Error-severity rule ids, sorted (duplicates kept). */
export function errorCodes(text: string, options: AnalyzeOptions = {}): string[] {
  return errors(text, options)
    .map((d) => d.code)
    .sort();
}

export function only(text: string, code: string, options: AnalyzeOptions = {}): Diagnostic {
  const all = analyzeText(text, options).filter((d) => d.code === code);
  assert.equal(all.length, 1, `expected one ${code}, got ${all.length}: ${all.map((d) => d.message).join(' | ')}`);
  return all[0];
}

export function rangeText(text: string, d: Diagnostic): string {
  return text.slice(offsetAt(text, d.range.start), offsetAt(text, d.range.end));
}

/** Apply a fix of the first diagnostic of `code` (the first fix, or the one whose title contains `fixTitle`). */
export function applyFix(text: string, code: string, fixTitle?: string): string {
  return applyFixChecked(text, code, { fix: fixTitle });
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
