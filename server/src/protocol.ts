/**
 * What crosses the client ⇄ server boundary beyond standard LSP: the custom requests and
 * notifications, typed, and the data they carry. Both sides import this module (the client only
 * this one from server/src, a layering test keeps it so); everything else here is a type.
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { NodePlacement, PlacementResult, Verdict } from './placement/types';
import type { IntOrPercentValue, RolloutPlan } from './placement/rollout';
import type { Range, TextEdit } from './yaml/types';

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

/** A scheduler or controller reason as the panel shows it. */
export interface PanelReason {
  predicate: string;
  /** Kubernetes' own wording, as `kubectl describe pod` prints it. */
  message: string;
  /** The reason with what distinguishes it (the taint, the label): nodes with the same label are grouped. */
  label: string;
  /** What a person needs to act (not Kubernetes wording). */
  detail?: string;
  /** The YAML of the DaemonSet the reason comes from (the nodeSelector entry, the tolerations, the request…). */
  range?: Range;
  /**
   * Edits of the file (at `PlacementAnswer.version`) proven to make the node run, each shown with
   * the first reason it cures; `preferred` marks the node's best one.
   */
  fixes?: { title: string; edits: TextEdit[]; preferred?: boolean }[];
}

export interface PanelNode {
  name: string;
  verdict: Verdict;
  existingPod: NodePlacement['existingPod'];
  roles: string[];
  os?: string;
  arch?: string;
  zone?: string;
  ready: NodePlacement['ready'];
  unschedulable: boolean;
  labels: Record<string, string>;
  /** The labels the DaemonSet selects on, with this node's value (absent: no value) and whether it fails the selector. */
  selectorLabels: { key: string; value?: string; mismatch: boolean }[];
  /** The node's taints as `kubectl taint` writes them, and whether the DaemonSet leaves them untolerated. */
  taints: { text: string; untolerated: boolean }[];
  reasons: PanelReason[];
  /** Eviction loops (finite tolerationSeconds against a NoExecute taint of this node). */
  evictionWarnings: string[];
  /** The pod runs only by preempting these pods (most important first, as DefaultPreemption's SelectVictimsOnNode lists them). */
  preempts?: { namespace: string; name: string; priority?: number }[];
  /** With `preempts`: the failures (Insufficient cpu, ports) the pod meets until the victims are gone. */
  preemptedReasons?: PanelReason[];
  /** Failures kube-scheduler reports only once those in `reasons` are resolved (later filter plugins). */
  laterReasons?: PanelReason[];
  /** What to change on the node side (or why nothing needs changing), one line each. */
  advice?: string[];
  /** Node-level remedies proven by the engine (leave this node out); reason-level ones make it run. */
  fixes?: { title: string; edits: TextEdit[] }[];
}

export interface PanelPlacement {
  inventory: PlacementResult['inventory'];
  desired: number;
  current?: number;
  ready?: number;
  misscheduled?: number;
  counts: Record<Verdict, number>;
  /** Of counts.runs, the nodes where the pod runs only by preempting other pods. */
  preempting: number;
  /** Problems with the DaemonSet itself that prevent a sync. */
  messages: string[];
  nodes: PanelNode[];
}

export interface Footprint {
  /** Per pod, as the scheduler counts it (PodRequests of the defaulted pod). */
  perPod: { cpuMilli: number; memoryBytes: number };
  /** Nodes where the pod runs (verdict runs): requests are reserved only once the pod is bound. */
  nodes: number;
  /** Nodes where a pod is created but stays Pending (it would reserve as much once scheduled). */
  pending: number;
  total: { cpuMilli: number; memoryBytes: number };
  /** The amounts the way kubectl describe prints quantities. */
  text: { cpu: string; memory: string; totalCpu: string; totalMemory: string; pendingCpu: string; pendingMemory: string };
  /** Other requested resources per pod (ephemeral-storage, hugepages-*, extended resources). */
  other: { name: string; perPod: string; total: string }[];
}

export type { RolloutPlan, IntOrPercentValue };

/** The DaemonSet under the cursor, with everything the panel shows about it. */
export interface PanelDaemonSet {
  name: string;
  namespace?: string;
  /** 0-based line of the DaemonSet's first key. */
  line: number;
  range: Range;
  placement: PanelPlacement;
  footprint: Footprint;
  rollout: RolloutPlan;
  /** Nodes gained and lost compared with the baseline text. */
  changes?: { gained: string[]; lost: string[] };
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
  /** The version of the document the answer (and its edits) is for. */
  version?: number;
  /** Every DaemonSet of the file the engine can place, in order. */
  daemonSets: { name: string; namespace?: string; line: number }[];
  /** Index in daemonSets of the one under the cursor, or -1. */
  active: number;
  /** The active DaemonSet in full. */
  daemonSet?: PanelDaemonSet;
}

export interface ContextsAnswer {
  current?: string;
  contexts: { name: string; cluster?: string; namespace?: string }[];
  error?: string;
}

export interface ListContextsParams {
  kubeconfig?: string;
}

/** What the client tells the server about the editor around it. */
export interface EnvironmentParams {
  /** Red Hat's YAML extension checks Kubernetes schemas in this workspace. */
  redHatKubernetesSchema?: boolean;
}

export const Requests = {
  placement: new RequestType<PlacementParams, PlacementAnswer | null, void>('daemonset/placement'),
  inventory: new RequestType0<InventoryInfo, void>('daemonset/inventory'),
  refreshInventory: new RequestType0<InventoryInfo, void>('daemonset/refreshInventory'),
  listContexts: new RequestType<ListContextsParams | undefined, ContextsAnswer, void>('daemonset/listContexts'),
  /** The inventory in use as an inventory file's text (a kubectl `kind: List`); null when it cannot be written. */
  snapshot: new RequestType0<string | null, void>('daemonset/snapshot'),
} as const;

export const Notifications = {
  inventoryChanged: new NotificationType<InventoryInfo>('daemonset/inventoryChanged'),
  environment: new NotificationType<EnvironmentParams>('daemonset/environment'),
} as const;
