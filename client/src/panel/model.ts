/**
 * The placement page's state: the server's answer for the DaemonSet under the cursor (it computes
 * everything the page shows) plus what the extension knows about the editor. Pure: no vscode,
 * no I/O, and no Kubernetes: the page's fixtures come from the same code the extension runs.
 */
import type { Footprint, InventoryInfo, PanelDaemonSet, PanelNode, PanelReason, PlacementAnswer, RolloutPlan } from '../../../server/src/protocol';

export type { Footprint, PanelNode, PanelReason, RolloutPlan };

/** Why the panel has nothing to show, each with its own next step on the page. */
export type EmptyReason = 'noEditor' | 'notYaml' | 'noDaemonSet' | 'noDaemonSetHere' | 'serverStarting' | 'error';

export interface PanelState {
  /** Present when there is nothing to show; the page renders the matching empty state. */
  empty?: EmptyReason;
  /** Error text for empty === 'error'. */
  error?: string;
  uri?: string;
  fileName?: string;
  dirty?: boolean;
  inventory?: InventoryInfo;
  /** The DaemonSet under the cursor, as the server computed it. */
  daemonSet?: PanelDaemonSet;
  /** All DaemonSets of the file (name, line), to offer a choice when the cursor is elsewhere. */
  others?: { name: string; namespace?: string; line: number }[];
}

/** The state for one answer. */
export function panelState(answer: PlacementAnswer, doc: { uri: string; fileName: string; dirty: boolean }): PanelState {
  const base: PanelState = { uri: doc.uri, fileName: doc.fileName, dirty: doc.dirty, inventory: answer.inventory };
  if (answer.daemonSets.length === 0) return { ...base, empty: 'noDaemonSet' };
  const others = answer.daemonSets;
  if (!answer.daemonSet) return { ...base, empty: 'noDaemonSetHere', others };
  return { ...base, others, daemonSet: answer.daemonSet };
}
