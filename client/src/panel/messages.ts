/**
 * Messages between the extension and the placement page (webview.postMessage both ways).
 * The page imports only types from here; it never trusts a field to be what it claims.
 */
import type { PlacementReason } from '../../../server/src/placement/types';
import type { PanelState } from './model';
import type { PanelStrings } from './strings';

export type ToPage =
  | { type: 'init'; strings: PanelStrings; state: PanelState; beside: boolean }
  | { type: 'state'; state: PanelState }
  /** The extension is computing (the page keeps its content and shows a thin progress bar). */
  | { type: 'busy'; busy: boolean };

export type FromPage =
  | { type: 'ready' }
  /** Reveal the YAML responsible for a reason of a node. */
  | { type: 'reveal'; uri: string; line: number; reason: PlacementReason }
  /** Apply the quick fix `Tolerate <key>:<effect>`. */
  | { type: 'tolerate'; uri: string; line: number; key: string; effect: string }
  | { type: 'selectInventory' }
  | { type: 'refreshInventory' }
  /** Move the cursor to another DaemonSet of the file. */
  | { type: 'goToLine'; uri: string; line: number };
