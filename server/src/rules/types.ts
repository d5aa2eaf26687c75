import type { DaemonSetRef, ParsedFile } from '../service/document';
import type { Finding, Severity } from '../service/types';
import type { Inventory } from '../placement/types';
import type { Edits } from '../service/edits';

export type RuleCategory = 'yaml' | 'schema' | 'api' | 'practice' | 'placement';

/** What a rule is, for users: the docs page of each rule is generated from this. */
export interface RuleMeta {
  /** Stable id, used as the diagnostic `code`, in `daemonset.rules` and in `# daemonset-ignore`. */
  id: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  /** One line: what the rule reports. */
  title: string;
  /** What and why, in Markdown (a few sentences). */
  description: string;
  /** Why this severity (for rules where the choice is not obvious). */
  severityNote?: string;
  /** A manifest excerpt that triggers the rule, and the corrected one. */
  bad?: string;
  good?: string;
  /** What the quick fix does, when there is one. */
  fix?: string;
}

export interface RuleContext {
  file: ParsedFile;
  ds: DaemonSetRef;
  /** The DaemonSet object as written (plain JSON). */
  value: any;
  /** The document is a partial object (a kustomize patch): skip missing-field checks. */
  partial: boolean;
  inventory?: Inventory;
  edits: Edits;
}

export interface Rule {
  meta: RuleMeta;
  /** Rules without `check` are reported by a shared walker (schema and YAML rules). */
  check?(ctx: RuleContext): Finding[];
}
