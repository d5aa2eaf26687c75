/** Test helpers for the practice rules: run the service, apply a quick fix's edits, check the result. */
import { analyzeText, type Diagnostic } from '../../server/src/service';

export { applyEdits, offsetAt } from '../helpers/text';
import { offsetAt } from '../helpers/text';

export function diagnostics(text: string, code?: string, options: Parameters<typeof analyzeText>[1] = {}): Diagnostic[] {
  const all = analyzeText(text, options);
  return code ? all.filter((d) => d.code === code) : all;
}

/** The text under a diagnostic's range. */
export function rangeText(text: string, d: Diagnostic): string {
  return text.slice(offsetAt(text, d.range.start), offsetAt(text, d.range.end));
}

export { applyFix } from '../helpers/fixes';

export { daemonSet } from '../helpers/manifests';
