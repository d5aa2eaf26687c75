/** invalid-enum: reported by the schema walker (its metadata; the finding is made by rules/schema/walker.ts). */
import type { Rule } from '../types';

export const invalidEnum: Rule = {
  meta: {
    id: 'invalid-enum',
    category: 'schema',
    defaultSeverity: 'error',
    title: 'Value not among the allowed values',
    description: 'The field accepts a fixed set of values (case-sensitive). The API server rejects anything else with `Unsupported value`.',
    bad: 'effect: NoSchedul',
    good: 'effect: NoSchedule',
    fix: 'Replace the value with the closest allowed value (best match first). When there is exactly one close match, fix-all (`source.fixAll.daemonset`, which `"editor.codeActionsOnSave": {"source.fixAll": "explicit"}` runs on save) applies it: the API server rejects the old value, so the correction cannot change what a working DaemonSet does.',
  },
};
