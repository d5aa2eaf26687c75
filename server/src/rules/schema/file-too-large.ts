/** file-too-large: reported by the parser (its metadata; the finding is made in service/diagnostics.ts). */
import type { Rule } from '../types';

export const fileTooLarge: Rule = {
  meta: {
    id: 'file-too-large',
    category: 'yaml',
    defaultSeverity: 'information',
    title: 'File too large to check while typing',
    description: 'Files above the size limit are not analysed in the editor, to keep it responsive. Use the `daemonset-check` CLI for them.',
  },
};
