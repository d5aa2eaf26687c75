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

export { ds } from '../helpers/manifests';
