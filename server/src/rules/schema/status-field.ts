/** status-field: reported by the schema walker (its metadata; the finding is made by rules/schema/walker.ts). */
import type { Rule } from '../types';

export const serverSetStatus: Rule = {
  meta: {
    id: 'status-field',
    category: 'schema',
    defaultSeverity: 'warning',
    title: '`status` in a manifest',
    description:
      '`status` is written by the DaemonSet controller; the API server ignores it on create and some kubectl versions reject a `status: {}` stub for missing required status fields. It usually comes from converting or exporting an object.',
    bad: 'status: {}',
    good: '# (no status)',
    fix: 'Remove the `status` field.',
  },
};
