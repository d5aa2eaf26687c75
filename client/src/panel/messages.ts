/**
 * Messages between the extension and the placement page (webview.postMessage both ways).
 * The page imports only types from here; the extension never trusts a field to be what it
 * claims: a node and a reason are looked up in the answer it holds, never taken from the page.
 */
import type { PanelState } from './model';
import type { PanelStrings } from './strings';

export type ToPage =
  | { type: 'init'; strings: PanelStrings; state: PanelState; beside: boolean }
  | { type: 'state'; state: PanelState }
  /** The changes since the state last posted to this page (sync.ts: diffState / applyPatch). */
  | { type: 'patch'; ops: PatchOp[] }
  /** The extension is computing (the page keeps its content and shows a thin progress bar). */
  | { type: 'busy'; busy: boolean };

/**
 * One change of the state: set the value at path `p` (field names, and an index into the node
 * list), or delete that field when `v` is absent.
 */
export interface PatchOp {
  p: (string | number)[];
  v?: unknown;
}

export type FromPage =
  /** The page (re)loaded, or could not apply a patch: it needs the whole state. */
  | { type: 'ready' }
  /** Reveal the YAML behind reason `reason` of node `node` of the DaemonSet shown. */
  | { type: 'reveal'; uri: string; node: string; reason: number }
  /** Apply fix `fix` of that reason (edits the server computed for the version shown); reason -1: one of the node's own fixes. */
  | { type: 'applyFix'; uri: string; node: string; reason: number; fix: number }
  | { type: 'selectInventory' }
  | { type: 'refreshInventory' }
  /** Move the cursor to a line of the file (another DaemonSet, or the one shown). */
  | { type: 'goToLine'; uri: string; line: number };
