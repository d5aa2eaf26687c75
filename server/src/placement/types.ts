/**
 * Types that cross the placement engine's boundary (language server, panel, CLI import them).
 * Kubernetes objects stay plain JSON (`any`-typed): the engine reads them the way the API
 * server would hand them over, and the light interfaces below only name the fields we read.
 */

/** Where the nodes (and pods already on them) come from. */
export interface Inventory {
  source: 'sample' | 'file' | 'cluster';
  name: string;
  nodes: any[];
  pods: any[];
  /**
   * PriorityClass objects (`scheduling.k8s.io/v1`) of the cluster. Undefined: the inventory does
   * not say which exist (a file without any), so a class it lacks is unknown, not missing. The
   * system classes are built in either way.
   */
  priorityClasses?: any[];
  /**
   * Namespace objects, when the inventory holds them: their labels are what a podAffinity term's
   * namespaceSelector is matched against. Without them every namespace still carries
   * `kubernetes.io/metadata.name=<name>`, the label the API server puts on each.
   */
  namespaces?: any[];
  fetchedAt?: string;
  stale?: boolean;
  messages: string[];
}

/**
 * runs: the controller creates a pod and the scheduler can bind it.
 * excluded: the controller creates no pod for the node (NodeShouldRunDaemonPod → shouldRun=false).
 * pending: the controller creates a pod but a scheduler filter rejects the node.
 */
export type Verdict = 'runs' | 'excluded' | 'pending';

export interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number | null;
}

export interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values?: string[] | null;
}

export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[] | null;
  matchFields?: NodeSelectorRequirement[] | null;
}

export interface NodeSelector {
  nodeSelectorTerms?: NodeSelectorTerm[] | null;
}

export type Predicate =
  | 'NodeAffinity'
  | 'TaintToleration'
  | 'NodeName'
  | 'NodeUnschedulable'
  | 'NodeResourcesFit'
  | 'NodePorts'
  | 'InterPodAffinity'
  /** The pod has spec.schedulingGates: it never reaches the filters (PreEnqueue). */
  | 'SchedulingGates'
  /** spec.schedulerName names no scheduler the cluster runs: nothing ever schedules the pod. */
  | 'SchedulerName';

/** The inter-pod (anti-)affinity term behind an InterPodAffinity failure. */
export interface PodAffinityTermRef {
  /** `pod`: a required term of the DaemonSet's own pod; `existing`: a required anti-affinity term of a pod already running. */
  of: 'pod' | 'existing';
  kind: 'podAffinity' | 'podAntiAffinity';
  /** Index in requiredDuringSchedulingIgnoredDuringExecution. */
  index: number;
  /** The term's labelSelector as `Selector.String()` prints it (`app in (db)`; `<nothing>` when absent). */
  selector: string;
  topologyKey: string;
  /** The node's topology domain for the term (`topology.kubernetes.io/zone=us-east1-b`); absent when the node lacks the label. */
  domain?: string;
}

export interface PlacementReason {
  predicate: Predicate | string;
  /** Kubernetes' own wording (scheduler status reason or the controller's equivalent). */
  message: string;
  /** The untolerated taint (TaintToleration). */
  taint?: { key: string; value?: string; effect: string };
  /** Which nodeSelector key or affinity expression did not match (NodeAffinity). */
  selector?: { kind: 'nodeSelector'; key: string; want: string; have?: string } | { kind: 'requiredAffinity'; terms: string[]; parseErrors?: string[] };
  /** Insufficient resource details (NodeResourcesFit). */
  resource?: { name: string; requested: number; used: number; capacity: number; unresolvable: boolean };
  /** Conflicting host ports (NodePorts), e.g. `TCP/0.0.0.0:80`. */
  ports?: string[];
  /**
   * The pods on the node behind the failure. `Insufficient <resource>`: the pods requesting that
   * resource, largest request first, at most 5 (the detail counts the rest), `amount` their request
   * as a quantity (`500m`, `2Gi`). NodePorts: the pods holding the conflicting ports.
   * InterPodAffinity: the pods in the node's topology domain that match the pod's anti-affinity
   * term, or whose own anti-affinity term matches the pod, at most 5 (`node`: where each runs, as a
   * domain may span nodes). `priority`: the pod's priority (spec.priority).
   */
  pods?: { namespace: string; name: string; amount?: string; priority?: number; node?: string }[];
  /** The inter-pod (anti-)affinity term (InterPodAffinity). */
  podAffinityTerm?: PodAffinityTermRef;
  /** The scheduling gates that hold the pod (SchedulingGates). */
  schedulingGates?: string[];
  /** Scheduler status code: Unschedulable may be cured by preemption, UnschedulableAndUnresolvable not. */
  code?: 'Unschedulable' | 'UnschedulableAndUnresolvable';
  /** Extra human-readable context (not Kubernetes wording). */
  detail?: string;
}

/** A toleration with finite tolerationSeconds that tolerates one of the node's NoExecute taints. */
export interface EvictionWarning {
  taint: { key: string; value?: string; effect: string };
  tolerationSeconds: number;
  /** The daemon pod is evicted after tolerationSeconds and recreated by the controller: a loop. */
  message: string;
}

export interface NodePlacement {
  name: string;
  verdict: Verdict;
  existingPod: 'none' | 'kept' | 'evicted';
  reasons: PlacementReason[];
  /** The controller's view (A.1). */
  shouldRun: boolean;
  shouldContinueRunning: boolean;
  roles: string[];
  os?: string;
  arch?: string;
  zone?: string;
  ready: 'True' | 'False' | 'Unknown';
  unschedulable: boolean;
  labels: Record<string, string>;
  taints: Taint[];
  /** Daemon pods of this DaemonSet currently on the node (by ownerReference or selector). */
  daemonPods: number;
  evictionWarnings?: EvictionWarning[];
  /**
   * The pod runs only by preempting these pods (DefaultPreemption's SelectVictimsOnNode): verdict
   * is `runs`, `reasons` is empty and the failures preemption resolves are in `preemptedReasons`.
   * Victims in the plugin's order: most important first (higher priority, then earlier start).
   * PodDisruptionBudgets are not part of inventories and are not checked.
   */
  preempts?: { namespace: string; name: string; priority: number }[];
  /**
   * Verdict `pending`: the failures kube-scheduler would report once the first is resolved. The
   * framework stops at the first failing plugin (RunFilterPlugins), so `reasons` holds that
   * plugin's failures only, which is what `kubectl describe pod` shows; the failures of the plugins
   * after it (and, for a gated pod or one no scheduler picks up, of every filter) are here, in the
   * profile's order. Absent when there are none. Excluded nodes list every controller failure in
   * `reasons` (NodeShouldRunDaemonPod checks each on its own).
   */
  laterReasons?: PlacementReason[];
  /** With `preempts`: the scheduler failures (NodeResourcesFit, NodePorts, InterPodAffinity) the pod meets before preemption frees the node. */
  preemptedReasons?: PlacementReason[];
}

export interface PlacementResult {
  inventory: { source: Inventory['source']; name: string; nodes: number };
  /** desiredNumberScheduled: nodes where shouldRun. */
  desired: number;
  /** currentNumberScheduled: nodes with shouldRun that have a daemon pod. */
  current?: number;
  /** numberReady: nodes with shouldRun whose daemon pod is Ready. */
  ready?: number;
  /** numberMisscheduled: nodes with a daemon pod but !shouldRun. */
  misscheduled?: number;
  counts: Record<Verdict, number>;
  /** Of counts.runs, the nodes where the pod runs only by preempting other pods (NodePlacement.preempts). */
  preempting: number;
  nodes: NodePlacement[];
  /**
   * Problems with the DaemonSet itself that prevent a sync (e.g. empty selector), and why the pod's
   * priority is unknown (the Priority admission plugin's error, e.g. `no PriorityClass with name x was found`).
   */
  messages?: string[];
}

/** Scheduler plugin status (framework.Status): code + reasons, Kubernetes' wording. */
export type StatusCode = 'Success' | 'Unschedulable' | 'UnschedulableAndUnresolvable';
export interface Status {
  code: StatusCode;
  reasons: string[];
}

export function success(): Status {
  return { code: 'Success', reasons: [] };
}
