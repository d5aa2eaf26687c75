/** yaml-syntax: reported by the parser (its metadata; the finding is made in analysis/document.ts). */
import type { Rule } from '../types';

export const yamlSyntax: Rule = {
  meta: {
    id: 'yaml-syntax',
    category: 'yaml',
    defaultSeverity: 'error',
    title: 'YAML syntax error',
    description: 'The document is not valid YAML, so kubectl cannot read it. Only documents that declare `kind: DaemonSet` are checked.',
    bad: 'spec:\n  template:\n    spec:\n    containers:\n  - name: agent   # indentation breaks the structure',
    good: 'spec:\n  template:\n    spec:\n      containers:\n        - name: agent',
  },
};
