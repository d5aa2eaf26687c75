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
import { RequiredNodeAffinity } from '../nodeaffinity';
import { computePodResourceRequest, type Resource } from '../resources';
import { list } from '../../util/list';
import type { PlacementReason, StatusCode, Toleration } from '../types';
import { type ContainerPort, getHostPorts } from './hostports';
import type { NodeInfo } from './nodeinfo';

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
}

export function preFilter(pod: any, opts: PreFilterOptions = {}): CycleState {
  const gates = featureGates(opts.gates);
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
  filter(state: CycleState, nodeInfo: NodeInfo): FilterResult;
}

export const SUCCESS: FilterResult = Object.freeze({ code: 'Success', reasons: [], failures: [] }) as unknown as FilterResult;

/** A failing result from the failures' own messages and codes (the worst code wins). */
export function failed(failures: PlacementReason[]): FilterResult {
  if (failures.length === 0) return SUCCESS;
  const code: StatusCode = failures.some((f) => f.code === 'UnschedulableAndUnresolvable') ? 'UnschedulableAndUnresolvable' : 'Unschedulable';
  return { code, reasons: failures.map((f) => f.message), failures };
}
