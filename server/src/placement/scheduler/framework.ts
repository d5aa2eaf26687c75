/**
 * The scheduler framework as far as placement needs it (pkg/scheduler/framework): a pod's
 * PreFilter state, computed once per pod, and the Filter plugins of the default profile in its
 * order. The preview, the CLI, hover, diagnostics and the conformance runner all run these same
 * plugins, so what conformance tests is exactly what users see.
 *
 * A plugin's result is Kubernetes' status (code and reason strings, worded as kube-scheduler 1.36
 * words them) and, for people, one PlacementReason per failure with the details beside the
 * reason: the taint, the selector entry, the amounts, the ports.
 */
import { featureGates, type FeatureGates } from '../featuregates';
import { labelSet } from '../../k8s/labels';
import { RequiredNodeAffinity } from '../nodeaffinity';
import {
  type AffinitySnapshot,
  applyMatchLabelKeys,
  forkInterPodAffinityState,
  type ForkedInterPodAffinityState,
  type InterPodAffinityState,
  interPodAffinityPreFilter,
  updateWithPod,
} from '../podaffinity';
import { computePodResourceRequest, type Resource } from '../resources';
import { list } from '../../util/list';
import type { PlacementReason, StatusCode, Toleration } from '../types';
import { type ContainerPort, getHostPorts } from './hostports';
import type { NodeInfo, NodePod } from './nodeinfo';

/** kube-scheduler's `NodeResourcesFitArgs` that change the verdict. */
export interface FitArgs {
  /** `IgnoredResources`: extended resource names to skip. */
  ignoredResources?: readonly string[];
  /** `IgnoredResourceGroups`: extended resource prefixes (before `/`) to skip. */
  ignoredResourceGroups?: readonly string[];
}

/** What PreFilter computes from the pod once per scheduling cycle. */
export interface CycleState {
  pod: any;
  /** `spec.nodeName` ('' when unset). */
  nodeName: string;
  tolerations: readonly Toleration[];
  affinity: RequiredNodeAffinity;
  hostPorts: ContainerPort[];
  request: Resource;
  gates: FeatureGates;
  fitArgs: FitArgs;
  /** InterPodAffinity's PreFilter state: the pod's terms counted across every node of the snapshot. */
  interPodAffinity: InterPodAffinityState;
}

export interface PreFilterOptions {
  gates?: Partial<FeatureGates> | null;
  fitArgs?: FitArgs;
  /**
   * The pod is one the DaemonSet controller is about to create: apply Pod defaulting first
   * (limits fill missing requests, a hostNetwork pod's ports get hostPort = containerPort).
   * Pods read from the API server are already defaulted; the scheduler's own tests use raw pods.
   */
  applyPodDefaults?: boolean;
  /**
   * The cluster InterPodAffinity counts the pod's terms over (every node, the pods bound to them,
   * the namespaces). Without one the cluster is empty: no pod matches any term.
   */
  snapshot?: AffinitySnapshot;
}

/**
 * The pod the API server stores for a create: Pod defaulting aside (applied where it is read),
 * `mutatePodAffinity` merges matchLabelKeys / mismatchLabelKeys into the affinity terms' selectors.
 */
function asCreated(pod: any): any {
  const spec = applyMatchLabelKeys(pod?.spec, labelSet(pod?.metadata?.labels));
  return spec === pod?.spec ? pod : { ...pod, spec };
}

export function preFilter(pod: any, opts: PreFilterOptions = {}): CycleState {
  const gates = featureGates(opts.gates);
  if (opts.applyPodDefaults === true) pod = asCreated(pod);
  return {
    pod,
    nodeName: typeof pod?.spec?.nodeName === 'string' ? pod.spec.nodeName : '',
    tolerations: list<Toleration>(pod?.spec?.tolerations),
    affinity: new RequiredNodeAffinity(pod?.spec),
    hostPorts: getHostPorts(pod, opts.applyPodDefaults === true),
    request: computePodResourceRequest(pod, {
      enablePodLevelResources: gates.PodLevelResources,
      enableSidecarContainers: gates.SidecarContainers,
      defaultRequestsFromLimits: opts.applyPodDefaults === true,
    }),
    gates,
    fitArgs: opts.fitArgs ?? {},
    interPodAffinity: interPodAffinityPreFilter(pod, opts.snapshot),
  };
}

/** A plugin's verdict on one node: Kubernetes' status, and each failure explained. */
export interface FilterResult {
  code: StatusCode;
  /** Kubernetes' reason strings, as the FailedScheduling event lists them. */
  reasons: string[];
  /** One PlacementReason per failure (empty on success). */
  failures: PlacementReason[];
}

export interface FilterPlugin {
  /** The plugin's name in the scheduler profile (the predicate the panel and the CLI show). */
  readonly name: string;
  /**
   * The verdict reads nothing of the node but its name, its labels, its taints and
   * spec.unschedulable (not its pods, not its resources): nodes alike in those are judged alike,
   * so placement judges them once (placement.ts, `nodeClasses`).
   */
  readonly nodeClass?: boolean;
  /**
   * PreFilter's Skip: the plugin has nothing to check for this pod (no host ports, no inter-pod
   * terms), so the framework runs no Filter of it; filter() would pass on every node.
   */
  skips?(state: CycleState): boolean;
  /**
   * The verdict alone, without explaining a failure: true exactly when filter() has no failures.
   * Preemption asks it for every pod it tries to give back; without it, filter() is asked.
   */
  passes?(state: CycleState, nodeInfo: NodeInfo): boolean;
  /**
   * The plugin's PreFilter rejecting the pod outright (every node gets this status and no Filter
   * runs, `RunPreFilterPlugins`); undefined when PreFilter lets the pod through.
   */
  preFilterStatus?(state: CycleState): FilterResult | undefined;
  filter(state: CycleState, nodeInfo: NodeInfo): FilterResult;
}

export const SUCCESS: FilterResult = Object.freeze({ code: 'Success', reasons: [], failures: [] }) as unknown as FilterResult;

/** A failing result from the failures' own messages and codes (the worst code wins). */
export function failed(failures: PlacementReason[]): FilterResult {
  if (failures.length === 0) return SUCCESS;
  const code: StatusCode = failures.some((f) => f.code === 'UnschedulableAndUnresolvable') ? 'UnschedulableAndUnresolvable' : 'Unschedulable';
  return { code, reasons: failures.map((f) => f.message), failures };
}

/** One failing plugin's failures. */
export interface PluginFailure {
  plugin: string;
  failures: PlacementReason[];
}

/**
 * Every failing plugin in the profile's order: a PreFilter rejection first (it stands for every
 * node), then each Filter that fails. Kubernetes stops at the first (`RunFilterPlugins` returns at
 * the first non-success status); the rest is what it would report once that one is resolved.
 */
export function failingPlugins(plugins: readonly FilterPlugin[], state: CycleState, nodeInfo: NodeInfo): PluginFailure[] {
  let out: PluginFailure[] | undefined;
  let rejected: FilterPlugin[] | undefined;
  // Indexed loops: asked for every node, and no iterator objects even before the optimizer has run.
  for (let i = 0; i < plugins.length; i++) {
    const p = plugins[i];
    const r = p.preFilterStatus?.(state);
    if (r && r.failures.length > 0) {
      (out ??= []).push({ plugin: p.name, failures: r.failures });
      (rejected ??= []).push(p);
    }
  }
  for (let i = 0; i < plugins.length; i++) {
    const p = plugins[i];
    if (rejected?.includes(p)) continue;
    const r = p.filter(state, nodeInfo);
    if (r.failures.length > 0) (out ??= []).push({ plugin: p.name, failures: r.failures });
  }
  return out ?? NO_FAILURES;
}

const NO_FAILURES: PluginFailure[] = Object.freeze([]) as unknown as PluginFailure[];

/** `failingPlugins(plugins, state, nodeInfo).length === 0`, without explaining what fails. */
export function passesAll(plugins: readonly FilterPlugin[], state: CycleState, nodeInfo: NodeInfo): boolean {
  for (let i = 0; i < plugins.length; i++) {
    const r = plugins[i].preFilterStatus?.(state);
    if (r && r.failures.length > 0) return false;
  }
  for (let i = 0; i < plugins.length; i++) {
    const p = plugins[i];
    if (p.skips?.(state)) continue;
    if (p.passes ? !p.passes(state, nodeInfo) : p.filter(state, nodeInfo).failures.length > 0) return false;
  }
  return true;
}

/** A CycleState whose PreFilter data follows pods taken off a node or put back (a copy: the original is untouched). */
export interface ForkedCycleState extends CycleState {
  interPodAffinity: ForkedInterPodAffinityState;
}

/** A copy of the state for PreFilterExtensions to change (preemption's dry run, the DaemonSet's own replaced pod). */
export function forkCycleState(state: CycleState): ForkedCycleState {
  return { ...state, interPodAffinity: forkInterPodAffinityState(state.interPodAffinity) };
}

/** `RunPreFilterExtensionRemovePod`: the plugins' PreFilter data without `pod` (a pod bound to the node being judged). */
export function removePodFromState(state: ForkedCycleState, pod: NodePod): void {
  updateWithPod(state.interPodAffinity, pod, -1);
}

/** `RunPreFilterExtensionAddPod`: puts a pod taken out with removePodFromState back. */
export function addPodToState(state: ForkedCycleState, pod: NodePod): void {
  updateWithPod(state.interPodAffinity, pod, 1);
}

/**
 * The state without some pods of the node (the DaemonSet's own old pod, deleted before its
 * replacement is scheduled). The same state when nothing the plugins counted changes.
 */
export function stateWithoutPods(state: CycleState, pods: readonly NodePod[]): CycleState {
  const ipa = state.interPodAffinity;
  if (ipa.skip || ipa.parseError !== undefined || pods.length === 0) return state;
  const forked = forkCycleState(state);
  for (const p of pods) removePodFromState(forked, p);
  return forked;
}
