/** What a rule is, what it is given, and what it reports. */
import type { DaemonSetRef, ParsedFile } from '../yaml/document';
import type { PathSeg, TextEdit } from '../yaml/types';
import type { InventoryHints } from '../placement/inventory';
import type { Inventory, PlacementResult } from '../placement/types';
import type { Edits } from '../yaml/edits';
import type { NodeRemedies, RemedyOptions } from '../remedy';

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
  /** What the schema walker reported on this DaemonSet (paths relative to it). */
  walker: readonly Finding[];
  /**
   * The placement engine's verdicts for this DaemonSet on `inventory`, computed once on first use
   * and shared with CodeLens, hover and the panel; undefined without an inventory.
   */
  placement(): PlacementResult | undefined;
  /**
   * Proven remedies for the nodes the DaemonSet leaves out or Pending (the remedy engine, shared
   * with the panel and the CLI); empty without an inventory.
   */
  remedies(opts?: RemedyOptions): Map<string, NodeRemedies>;
  /** Labels and taints of the inventory's nodes; undefined without an inventory. */
  hints(): InventoryHints | undefined;
  /** A value computed once per DaemonSet check (keyed by identity), for helpers several rules share. */
  once<T>(key: object, compute: () => T): T;
}

export interface Rule {
  meta: RuleMeta;
  /** Rules without `check` are reported by a shared walker (schema and YAML rules). */
  check?(ctx: RuleContext): Finding[];
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';
/** A user's severity for a rule: a severity, or off. */
export type SeveritySetting = Severity | 'off';

/**
 * What applying a fix without looking at it can do. `mechanical`: it only corrects a spelling the
 * API server rejects (an enum value with one did-you-mean, a removed apiVersion's new group), so it
 * cannot change what the DaemonSet does; only these are applied by fix-all (and on save).
 * `judgement` (the default when unset): it changes behaviour (read-only mounts, resources,
 * security context, placement, removed fields) and is offered one at a time as a quick fix.
 */
export type FixSafety = 'mechanical' | 'judgement';

export interface Fix {
  title: string;
  isPreferred?: boolean;
  /** Unset means `judgement`: a new fix never joins fix-all by accident. */
  safety?: FixSafety;
  edits: TextEdit[];
}

/** What a check reports; the service turns it into a Diagnostic with a range. */
export interface Finding {
  /** Stable rule id, e.g. "unknown-field", "toleration-exists-with-value". */
  rule: string;
  /** Path into the document's value, e.g. ['spec','template','spec','tolerations',0,'effect']. */
  path: PathSeg[];
  /** Which part of the node at `path` to point at. Default: 'value' (falls back to the key, then the parent). */
  target?: 'key' | 'value';
  message: string;
  /** Exact offsets to point at, when the path alone is ambiguous (a repeated key). */
  at?: [number, number];
  /** Overrides the rule's default severity (rarely needed). */
  severity?: Severity;
  fixes?: Fix[];
  /**
   * Fixes that take real work to find (the remedy engine re-places edited copies): computed when
   * code actions ask for them, never while diagnostics are computed, and never applied by fix-all.
   */
  lazyFixes?: () => Fix[] | undefined;
}
