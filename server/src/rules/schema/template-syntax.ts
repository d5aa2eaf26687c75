/** template-syntax: reported by the parser (its metadata; the finding is made in analysis/document.ts). */
import type { Rule } from '../types';

export const templateSyntax: Rule = {
  meta: {
    id: 'template-syntax',
    category: 'yaml',
    defaultSeverity: 'hint',
    title: 'Template syntax: document not checked',
    description:
      'The document contains template syntax (`{{ }}`, as in Helm charts), so its text is not the manifest Kubernetes will see. Checks are skipped rather than flooding the file with errors; render the chart (`helm template`) and check the output.',
  },
};
