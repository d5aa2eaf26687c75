/**
 * Pod resource requests: k8s.io/component-helpers resource/helpers.go (`PodRequests`,
 * `AggregateContainerRequests`) and the scheduler's `framework.Resource` (kube-scheduler
 * framework/types.go), with exact integer amounts (cpu in milli-units, the rest `Value()`).
 */
import { list } from '../util/list';
import { parseMilliValue, parseValue } from '../k8s/quantity';

/** A v1.ResourceList after parsing: resource name → amount (cpu in milli-units). */
export type ResourceAmounts = Map<string, number>;

function amountOf(name: string, q: unknown): number {
  return name === 'cpu' ? parseMilliValue(q) : parseValue(q);
}

function toAmounts(rl: Record<string, unknown> | null | undefined): ResourceAmounts {
  const m: ResourceAmounts = new Map();
  if (rl && typeof rl === 'object') for (const k of Object.keys(rl)) m.set(k, amountOf(k, rl[k]));
  return m;
}

function addResourceList(into: ResourceAmounts, rl: ResourceAmounts): void {
  for (const [k, v] of rl) into.set(k, (into.get(k) ?? 0) + v);
}

function maxResourceList(into: ResourceAmounts, rl: ResourceAmounts): void {
  for (const [k, v] of rl) {
    const cur = into.get(k);
    if (cur === undefined || v > cur) into.set(k, v);
  }
}

/**
 * A container's requests. With `defaultRequestsFromLimits`, limits fill missing requests the way
 * Pod defaulting (`SetDefaults_Pod`) does when the Pod object is created.
 */
function containerRequests(c: any, defaultRequestsFromLimits: boolean): ResourceAmounts {
  const requests = toAmounts(c?.resources?.requests);
  if (defaultRequestsFromLimits && c?.resources?.limits) {
    const limits = toAmounts(c.resources.limits);
    for (const [k, v] of limits) if (!requests.has(k)) requests.set(k, v);
  }
  return requests;
}

export interface PodResourcesOptions {
  /** PodLevelResources gate off ⇒ ignore spec.resources. */
  skipPodLevelResources?: boolean;
  /** Apply SetDefaults_Pod's limits→requests copy (the template is not defaulted; the pod is). */
  defaultRequestsFromLimits?: boolean;
  /** SidecarContainers gate off ⇒ restartPolicy Always init containers are ordinary init containers. */
  disableSidecars?: boolean;
}

function isSidecar(c: any, opts: PodResourcesOptions): boolean {
  return !opts.disableSidecars && c?.restartPolicy === 'Always';
}

/** Pod-level resources the scheduler honours (cpu, memory, hugepages-*). */
export function isSupportedPodLevelResource(name: string): boolean {
  return name === 'cpu' || name === 'memory' || name.startsWith('hugepages-');
}

/**
 * `AggregateContainerRequests` (or the limits, `AggregateContainerLimits`): max(Σ containers +
 * Σ sidecars, max_i(init_i + sidecars before i)) per resource.
 */
function aggregateContainers(podSpec: any, of: (c: any) => ResourceAmounts, opts: PodResourcesOptions): ResourceAmounts {
  const reqs: ResourceAmounts = new Map();
  for (const c of list(podSpec?.containers)) addResourceList(reqs, of(c));

  const restartableInitContainerReqs: ResourceAmounts = new Map();
  const initContainerReqs: ResourceAmounts = new Map();
  for (const c of list(podSpec?.initContainers)) {
    let containerReqs = of(c);
    if (isSidecar(c, opts)) {
      // Sidecars run for the pod's lifetime: they add to the regular containers…
      addResourceList(reqs, containerReqs);
      addResourceList(restartableInitContainerReqs, containerReqs);
      // …and every later init container runs beside the sidecars started so far.
      containerReqs = new Map(restartableInitContainerReqs);
    } else {
      const tmp: ResourceAmounts = new Map();
      addResourceList(tmp, containerReqs);
      addResourceList(tmp, restartableInitContainerReqs);
      containerReqs = tmp;
    }
    maxResourceList(initContainerReqs, containerReqs);
  }
  maxResourceList(reqs, initContainerReqs);
  return reqs;
}

/** `IsOvercommitAllowed`: native resources other than hugepages. */
function isOvercommitAllowed(name: string): boolean {
  return isNativeResource(name) && !isHugePageResourceName(name);
}

/**
 * The pod-level requests of the Pod the API server stores: SetDefaults_Pod with PodLevelResources
 * on (pkg/apis/core/v1/defaults.go, 1.36) runs, after the containers' limits filled their
 * requests, `defaultHugePagePodLimits` (pod-level hugepages limits from the containers' limits,
 * when spec.resources has limits or requests and no pod-level request or limit names that size)
 * and then `defaultPodRequests`: only when spec.resources.limits is non-empty, cpu and memory
 * requests missing at pod level default to the containers' aggregated requests, and whatever is
 * still missing to the pod-level limit. `containerRequests` is the containers' aggregate after
 * their own defaulting. Not applied to templates: only the created Pod is defaulted.
 */
export function defaultedPodLevelRequests(podSpec: any, containerRequests: ResourceAmounts, opts: PodResourcesOptions = {}): ResourceAmounts | undefined {
  const resources = podSpec?.resources;
  if (!resources || typeof resources !== 'object') return undefined;
  const requests = toAmounts(resources.requests);
  const limits = toAmounts(resources.limits);
  if (limits.size > 0 || requests.size > 0) {
    const aggregateLimits = aggregateContainers(podSpec, (c) => toAmounts(c?.resources?.limits), opts);
    for (const [name, v] of aggregateLimits) {
      if (!isSupportedPodLevelResource(name) || !isHugePageResourceName(name)) continue;
      // No pod-level hugepages limit is defaulted where the pod requests that size.
      if (!requests.has(name) && !limits.has(name)) limits.set(name, v);
    }
  }
  if (limits.size === 0) return requests;
  for (const [name, v] of containerRequests) if (!requests.has(name) && isSupportedPodLevelResource(name) && isOvercommitAllowed(name)) requests.set(name, v);
  for (const [name, v] of limits) if (!requests.has(name) && isSupportedPodLevelResource(name)) requests.set(name, v);
  return requests;
}

/**
 * `PodRequests`: max(Σ containers + Σ sidecars, max_i(init_i + sidecars before i)) per resource,
 * pod-level requests replacing cpu/memory/hugepages, plus overhead. With `defaultRequestsFromLimits`
 * the pod is first defaulted as the API server defaults a new Pod: container limits fill missing
 * container requests and, with pod-level resources honoured, the pod-level requests are defaulted
 * too (`defaultedPodLevelRequests`).
 */
export function podRequests(podSpec: any, opts: PodResourcesOptions = {}): ResourceAmounts {
  const defaults = opts.defaultRequestsFromLimits === true;
  const reqs = aggregateContainers(podSpec, (c) => containerRequests(c, defaults), opts);
  if (!opts.skipPodLevelResources) {
    const podLevel = defaults ? defaultedPodLevelRequests(podSpec, reqs, opts) : toAmounts(podSpec?.resources?.requests);
    if (podLevel) for (const [k, v] of podLevel) if (isSupportedPodLevelResource(k)) reqs.set(k, v);
  }
  if (podSpec?.overhead) addResourceList(reqs, toAmounts(podSpec.overhead));
  return reqs;
}

/** `v1helper.IsHugePageResourceName`. */
export function isHugePageResourceName(name: string): boolean {
  return name.startsWith('hugepages-');
}

/** `IsPrefixedNativeResource`: names in the kubernetes.io domain. */
export function isPrefixedNativeResource(name: string): boolean {
  return name.includes('kubernetes.io/');
}

/** `IsNativeResource`: unprefixed names or kubernetes.io-prefixed ones. */
export function isNativeResource(name: string): boolean {
  return !name.includes('/') || isPrefixedNativeResource(name);
}

/** `IsExtendedResourceName`: fully qualified, outside kubernetes.io, not a quota `requests.` name. */
export function isExtendedResourceName(name: string): boolean {
  return !isNativeResource(name) && !name.startsWith('requests.');
}

/** `schedutil.IsScalarResourceName`: extended, hugepages, prefixed native or attachable volumes. */
export function isScalarResourceName(name: string): boolean {
  return isExtendedResourceName(name) || isHugePageResourceName(name) || isPrefixedNativeResource(name) || name.startsWith('attachable-volumes-');
}

/** `framework.Resource`. */
export interface Resource {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  allowedPodNumber: number;
  scalarResources: Map<string, number>;
}

export function emptyResource(): Resource {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, allowedPodNumber: 0, scalarResources: new Map() };
}

/** `Resource.Add(rl)`. */
export function addToResource(r: Resource, rl: ResourceAmounts): void {
  for (const [name, v] of rl) {
    switch (name) {
      case 'cpu':
        r.milliCPU += v;
        break;
      case 'memory':
        r.memory += v;
        break;
      case 'pods':
        r.allowedPodNumber += v;
        break;
      case 'ephemeral-storage':
        r.ephemeralStorage += v;
        break;
      default:
        if (isScalarResourceName(name)) r.scalarResources.set(name, (r.scalarResources.get(name) ?? 0) + v);
    }
  }
}

/** `NewResource(rl)`. */
export function newResource(rl: ResourceAmounts): Resource {
  const r = emptyResource();
  addToResource(r, rl);
  return r;
}

/** A node's allocatable as a Resource (`NodeInfo.Allocatable`). */
export function nodeAllocatable(node: any): Resource {
  return newResource(toAmounts(node?.status?.allocatable));
}

export interface PodRequestOptions {
  enablePodLevelResources?: boolean;
  enableSidecarContainers?: boolean;
  /** The pod is a template the controller is about to create: apply limits→requests defaulting. */
  defaultRequestsFromLimits?: boolean;
}

/** NodeResourcesFit's `computePodResourceRequest`: the pod's effective request as a Resource. */
export function computePodResourceRequest(pod: any, opts: PodRequestOptions = {}): Resource {
  return newResource(
    podRequests(pod?.spec, {
      skipPodLevelResources: opts.enablePodLevelResources === false,
      disableSidecars: opts.enableSidecarContainers === false,
      defaultRequestsFromLimits: opts.defaultRequestsFromLimits,
    }),
  );
}
