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
