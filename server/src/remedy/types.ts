/**
 * Remedies: for a node the DaemonSet leaves out (or leaves Pending), manifest edits that make it
 * run, each proven by re-running the placement engine on the edited text before it is offered;
 * and, when the manifest is right, what to change on the node instead.
 */
import type { NodePlacement, PlacementReason, PlacementResult, Inventory } from '../placement/types';
import type { DaemonSetRef, ParsedFile } from '../yaml/document';
import type { Edits } from '../yaml/edits';
import type { TextEdit } from '../yaml/types';

/** What a remedy generator is given: the DaemonSet as written, its placement, and how to place an edited copy. */
export interface RemedyContext {
  file: ParsedFile;
  ds: DaemonSetRef;
  /** The DaemonSet object as written. */
  value: any;
  edits: Edits;
  inventory: Inventory;
  placement: PlacementResult;
  /** The engine, with the same options, on another version of the DaemonSet. */
  place(daemonSet: unknown): PlacementResult;
}

export type RemedyKind =
  | 'fix-toleration'
  | 'tolerate-taint'
  | 'node-selector-value'
  | 'node-selector-remove'
  | 'affinity-add-value'
  | 'affinity-remove-value'
  | 'affinity-remove-expression'
  | 'lower-request'
  | 'priority-class'
  | 'free-host-port'
  | 'drop-max-surge'
  | 'remove-field'
  | 'exclude-node';

/** One way to cure one failing aspect of a node (a taint, a selector entry, a request), not yet proven. */
export interface Candidate {
  kind: RemedyKind;
  title: string;
  edits: TextEdit[];
  /** Of a merged candidate, the kinds of its parts. */
  kinds?: RemedyKind[];
}

/**
 * The alternatives for each thing that keeps a node out; a node is cured by one alternative of
 * every aspect together. An aspect with no alternatives cannot be cured by a manifest edit.
 */
export type Aspects = Candidate[][];

/** A generator: the aspects it can cure among a node's reasons (reasons of other predicates are left to others). */
export type RemedyGenerator = (ctx: RemedyContext, node: NodePlacement, reasons: readonly PlacementReason[]) => Aspects;

/** A proven remedy: applying `edits` makes `node` run (or, for exclude-node, leaves it without a pod). */
export interface Remedy {
  kind: RemedyKind;
  title: string;
  edits: TextEdit[];
  /** The node it was proven for. */
  node: string;
  /** The node's verdict after the edit. */
  verdict: NodePlacement['verdict'];
  /** Pods the scheduler would preempt on the node after the edit. */
  preempts?: { namespace: string; name: string }[];
  /** Other nodes whose verdict changes too (the price of the edit). */
  alsoChanges: { node: string; from: NodePlacement['verdict']; to: NodePlacement['verdict'] }[];
  /** How many of alsoChanges are a price: nodes newly reached, or worse off (what ranking weighs). */
  price: number;
  /** The best of the node's remedies. */
  preferred: boolean;
  /** The predicates whose failures it cures (a combined edit cures several). */
  predicates: string[];
}

/** What the panel, code actions and the CLI show for one node. */
export interface NodeRemedies {
  node: string;
  /** Proven manifest edits, best first. */
  fixes: Remedy[];
  /** What to change on the node (or why nothing needs changing), one line each, in the user's language. */
  advice: string[];
}
