/** invalid-type: reported by the schema walker (its metadata; the finding is made by rules/schema/walker.ts). */
import type { Rule } from '../types';

export const invalidType: Rule = {
  meta: {
    id: 'invalid-type',
    category: 'schema',
    defaultSeverity: 'error',
    title: 'Value of the wrong type',
    description:
      'The API server decodes the manifest as JSON into typed fields: a number where a string is expected (for example an unquoted `"1.0"` version label), a string where an integer is expected, or a list where an object is expected is rejected.',
    bad: 'env:\n  - name: DEBUG\n    value: true',
    good: 'env:\n  - name: DEBUG\n    value: "true"',
    fix: 'Quote the value when a string is expected.',
  },
};
