/**
 * What crosses the client ⇄ server boundary beyond standard LSP: custom requests and
 * notifications for the placement preview. Both sides import this module.
 */
import type { PlacementResult } from './placement/types';
import type { Range } from './yaml/types';

export type InventorySource = 'sample' | 'file' | 'cluster';

export interface InventoryInfo {
  source: InventorySource;
  /** "sample cluster", the file name(s), or the kube context. */
  name: string;
  nodes: number;
  pods: number;
  /** ISO time of the data (cluster list/watch, file mtime). */
  fetchedAt?: string;
  stale?: boolean;
  /** Problems and degradations, e.g. "pods could not be listed (403): nodes only". */
  messages: string[];
  /** The source the user asked for, when the one in use is a fallback. */
  requested?: { source: InventorySource; detail?: string; error: string };
}

export interface DaemonSetPlacement {
  name: string;
  namespace?: string;
  /** Range of the DaemonSet document (its first line is where the CodeLens sits). */
  range: Range;
  /** 0-based line of `kind: DaemonSet` / the document start. */
  line: number;
  placement: PlacementResult;
}

export interface PlacementParams {
  uri: string;
  /** The cursor: the DaemonSet under it comes first in the answer. */
  position?: { line: number; character: number };
  /** Compare with this text (e.g. the saved file) to report nodes gained and lost. */
  baselineText?: string;
}

export interface PlacementAnswer {
  inventory: InventoryInfo;
  daemonSets: DaemonSetPlacement[];
  /** Index in daemonSets of the one under the cursor, or -1. */
  active: number;
  /** Nodes gained and lost compared with the baseline, for the active DaemonSet. */
  changes?: { gained: string[]; lost: string[] };
}

export const Requests = {
  placement: 'daemonset/placement',
  inventory: 'daemonset/inventory',
  refreshInventory: 'daemonset/refreshInventory',
  listContexts: 'daemonset/listContexts',
  snapshot: 'daemonset/snapshot',
} as const;

export const Notifications = {
  inventoryChanged: 'daemonset/inventoryChanged',
} as const;

export interface ContextsAnswer {
  current?: string;
  contexts: { name: string; cluster?: string; namespace?: string }[];
  error?: string;
}
