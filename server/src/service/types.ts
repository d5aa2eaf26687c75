/** What the language service reports: findings placed on ranges, with their rule and severity. */
import type { Fix, Severity } from '../rules/types';
import type { Range } from '../yaml/types';

export interface Diagnostic {
  range: Range;
  severity: Severity;
  code: string;
  source: string;
  message: string;
  /** Dotted path, e.g. spec.template.spec.tolerations[0].effect */
  path: string;
  /** Link to the rule's documentation page. */
  docUrl?: string;
  fixes?: Fix[];
  /** Fixes computed on demand (see Finding.lazyFixes); `fixesOf` gives either kind. */
  lazyFixes?: () => Fix[] | undefined;
}

/** A diagnostic's fixes, computing the on-demand ones. */
export function fixesOf(d: Pick<Diagnostic, 'fixes' | 'lazyFixes'>): Fix[] | undefined {
  return d.fixes ?? d.lazyFixes?.();
}

export const SOURCE = 'daemonset';
