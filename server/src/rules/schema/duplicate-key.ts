/** duplicate-key: reported by the schema walker (its metadata; the finding is made by rules/schema/walker.ts). */
import type { Rule } from '../types';

export const duplicateKey: Rule = {
  meta: {
    id: 'duplicate-key',
    category: 'yaml',
    defaultSeverity: 'error',
    title: 'A key appears twice in the same mapping',
    description:
      'kubectl rejects a mapping with a repeated key (`mapping key "x" already defined`). Other tools silently keep the last value, which hides mistakes.',
    bad: 'nodeSelector:\n  kubernetes.io/os: linux\n  kubernetes.io/os: windows',
    good: 'nodeSelector:\n  kubernetes.io/os: linux',
  },
};
