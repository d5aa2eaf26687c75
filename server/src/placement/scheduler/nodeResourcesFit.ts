/** NodeResourcesFit filter: pkg/scheduler/framework/plugins/noderesources/fit.go. */
import { readableQuantity } from '../../k8s/quantity';
import { computePodResourceRequest, isExtendedResourceName, type PodRequestOptions, type Resource } from '../resources';
import type { PlacementReason } from '../types';
import { type CycleState, failed, type FitArgs, type FilterPlugin, type FilterResult, preFilter, SUCCESS } from './framework';
import { isSealed, type NodeInfo, type NodePod, podKey } from './nodeinfo';

export const Name = 'NodeResourcesFit';
export type { FitArgs };

export interface InsufficientResource {
  resourceName: string;
  reason: string;
  requested: number;
  used: number;
  capacity: number;
  /** The request exceeds allocatable: no preemption can help. */
  unresolvable: boolean;
}

function insufficient(name: string, requested: number, used: number, capacity: number): InsufficientResource {
  return { resourceName: name, reason: `Insufficient ${name}`, requested, used, capacity, unresolvable: requested > capacity };
}

/** `fitsRequest`: every resource the pod requests must fit in allocatable − requested. */
export function fitsRequest(podRequest: Resource, nodeInfo: NodeInfo, args: FitArgs = {}): InsufficientResource[] {
  const out: InsufficientResource[] = [];
  const alloc = nodeInfo.allocatable;
  const used = nodeInfo.requested;
  if (nodeInfo.podCount + 1 > alloc.allowedPodNumber) {
    out.push({ resourceName: 'pods', reason: 'Too many pods', requested: 1, used: nodeInfo.podCount, capacity: alloc.allowedPodNumber, unresolvable: false });
  }
  if (podRequest.milliCPU === 0 && podRequest.memory === 0 && podRequest.ephemeralStorage === 0 && podRequest.scalarResources.size === 0) return out;

  if (podRequest.milliCPU > 0 && podRequest.milliCPU > alloc.milliCPU - used.milliCPU)
    out.push(insufficient('cpu', podRequest.milliCPU, used.milliCPU, alloc.milliCPU));
  if (podRequest.memory > 0 && podRequest.memory > alloc.memory - used.memory) out.push(insufficient('memory', podRequest.memory, used.memory, alloc.memory));
  if (podRequest.ephemeralStorage > 0 && podRequest.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) {
    out.push(insufficient('ephemeral-storage', podRequest.ephemeralStorage, used.ephemeralStorage, alloc.ephemeralStorage));
  }
  if (podRequest.scalarResources.size === 0) return out;
  // Go iterates a map; sort for stable output.
  for (const name of [...podRequest.scalarResources.keys()].sort()) {
    const q = podRequest.scalarResources.get(name)!;
    if (q === 0) continue;
    // Only extended resources can be ignored (kubernetes.io/* and hugepages never are).
    if (isExtendedResourceName(name) && (args.ignoredResources?.includes(name) || args.ignoredResourceGroups?.includes(name.split('/')[0]))) continue;
    const cap = alloc.scalarResources.get(name) ?? 0;
    const u = used.scalarResources.get(name) ?? 0;
    if (q > cap - u) out.push(insufficient(name, q, u, cap));
  }
  return out;
}

/**
 * `fitsRequest` without the list: whether every resource fits, as asked for every node before any
 * failure is explained.
 */
export function fitsRequestQuick(podRequest: Resource, nodeInfo: NodeInfo, args: FitArgs = {}): boolean {
  const alloc = nodeInfo.allocatable;
  const used = nodeInfo.requested;
  if (nodeInfo.podCount + 1 > alloc.allowedPodNumber) return false;
  if (podRequest.milliCPU > 0 && podRequest.milliCPU > alloc.milliCPU - used.milliCPU) return false;
  if (podRequest.memory > 0 && podRequest.memory > alloc.memory - used.memory) return false;
  if (podRequest.ephemeralStorage > 0 && podRequest.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) return false;
  if (podRequest.scalarResources.size === 0) return true;
  return fitsRequest(podRequest, nodeInfo, args).length === 0;
}

/** An amount as a person reads it in the detail (`~105Mi` rather than `107504Ki`); exact amounts stay exact. */
function amount(name: string, v: number): string {
  return readableQuantity(v, name === 'cpu' ? 'milli' : name === 'memory' || name === 'ephemeral-storage' || name.startsWith('hugepages-') ? 'bytes' : 'count');
}

/** How many of the pods using a resource a reason names (the detail counts the rest). */
export const MAX_PODS_NAMED = 5;

/** A pod's request of one resource, in the units `fitsRequest` compares. */
export function requestOf(r: Resource, name: string): number {
  if (name === 'cpu') return r.milliCPU;
  if (name === 'memory') return r.memory;
  if (name === 'ephemeral-storage') return r.ephemeralStorage;
  return r.scalarResources.get(name) ?? 0;
}

/** The node's pods that request the resource, largest request first (then by name). */
function podsUsing(nodeInfo: NodeInfo, name: string): { pod: NodePod; amount: number }[] {
  const out: { pod: NodePod; amount: number }[] = [];
  for (const pod of nodeInfo.pods ?? []) {
    const v = requestOf(pod.requests, name);
    if (v > 0) out.push({ pod, amount: v });
  }
  return out.sort((a, b) => b.amount - a.amount || podKey(a.pod).localeCompare(podKey(b.pod)));
}

/** What an `Insufficient <resource>` reason says about the node itself, whatever the pod requests. */
interface NodeSide {
  /** `; the node has … free of … allocatable (… requested by …)`. */
  tail: string;
  /** The pods using the resource, largest first (frozen: every reason about the node shares it). */
  pods?: PlacementReason['pods'];
}

/**
 * The node's side of the explanation, kept per sealed NodeInfo (an inventory's node, which does
 * not change) and resource some of its pods request: a pod that does not fit on thousands of
 * nodes (a request typed larger than the nodes) is explained without sorting every node's pods
 * again on each keystroke.
 */
const nodeSides = new WeakMap<NodeInfo, Map<string, NodeSide>>();

function nodeSide(nodeInfo: NodeInfo, name: string, used: number, capacity: number): NodeSide {
  const keep = isSealed(nodeInfo);
  const kept = keep ? nodeSides.get(nodeInfo)?.get(name) : undefined;
  if (kept) return kept;
  const free = Math.max(0, capacity - used);
  const users = podsUsing(nodeInfo, name);
  const named = users.slice(0, MAX_PODS_NAMED);
  const rest = users.length - named.length;
  const by = named.length ? `${named.map((u) => `${podKey(u.pod)} (${amount(name, u.amount)})`).join(', ')}${rest > 0 ? ` and ${rest} more` : ''}` : 'its pods';
  const side: NodeSide = {
    tail: `; the node has ${amount(name, free)} free of ${amount(name, capacity)} allocatable (${amount(name, used)} requested by ${by})`,
  };
  if (named.length)
    side.pods = Object.freeze(
      named.map((u) => Object.freeze({ namespace: u.pod.namespace ?? 'default', name: u.pod.name, amount: amount(name, u.amount), priority: u.pod.priority })),
    ) as NodeSide['pods'];
  // Kept only where it cost a sort: a resource no pod of the node requests (a name half typed) is cheap to say again.
  if (keep && users.length > 0) {
    let byName = nodeSides.get(nodeInfo);
    if (!byName) nodeSides.set(nodeInfo, (byName = new Map()));
    byName.set(name, side);
  }
  return side;
}

/** The numbers behind an `Insufficient …` reason, the way a person checks them, and the pods using the resource. */
function failure(r: InsufficientResource, nodeInfo: NodeInfo): PlacementReason {
  const out: PlacementReason = {
    predicate: Name,
    message: r.reason,
    code: r.unresolvable ? 'UnschedulableAndUnresolvable' : 'Unschedulable',
    resource: { name: r.resourceName, requested: r.requested, used: r.used, capacity: r.capacity, unresolvable: r.unresolvable },
  };
  if (r.resourceName === 'pods') {
    out.detail = `${r.used} of ${r.capacity} pods already on the node`;
    return out;
  }
  const side = nodeSide(nodeInfo, r.resourceName, r.used, r.capacity);
  out.detail = `requests ${amount(r.resourceName, r.requested)}${side.tail}`;
  // Shared by every reason about this node and resource, so frozen.
  if (side.pods) out.pods = side.pods;
  return out;
}

/** The filter's verdict alone, without explanations (preemption asks it again for every pod it tries to keep). */
export function fits(state: CycleState, nodeInfo: NodeInfo): boolean {
  // A node object without status.allocatable is hand-written (kubelet always reports it):
  // resources cannot be judged, so the fit check is skipped rather than failing every pod.
  return !nodeInfo.node?.status?.allocatable || fitsRequestQuick(state.request, nodeInfo, state.fitArgs);
}

export const plugin: FilterPlugin = {
  name: Name,
  passes: fits,
  filter(state: CycleState, nodeInfo: NodeInfo): FilterResult {
    if (!nodeInfo.node?.status?.allocatable || fitsRequestQuick(state.request, nodeInfo, state.fitArgs)) return SUCCESS; // as in fits()
    return explain(state, nodeInfo);
  },
};

/** Each insufficient resource explained (apart from filter: its closure would cost every node that fits). */
function explain(state: CycleState, nodeInfo: NodeInfo): FilterResult {
  return failed(fitsRequest(state.request, nodeInfo, state.fitArgs).map((r) => failure(r, nodeInfo)));
}

/** The insufficient resources of a result, as Go's test helpers list them (`InsufficientResource`). */
export function insufficientResourcesOf(result: FilterResult): InsufficientResource[] {
  return result.failures
    .filter((f) => f.resource)
    .map((f) => ({
      resourceName: f.resource!.name,
      reason: f.message,
      requested: f.resource!.requested,
      used: f.resource!.used,
      capacity: f.resource!.capacity,
      unresolvable: f.resource!.unresolvable,
    }));
}

/** The filter for a pod, as the scheduler's tests call it; `insufficientResources` as Go's test helpers list them. */
export function filter(
  pod: any,
  nodeInfo: NodeInfo,
  args: FitArgs = {},
  opts: PodRequestOptions = {},
): FilterResult & { insufficientResources: InsufficientResource[] } {
  const state = preFilter(pod, {
    fitArgs: args,
    gates: { PodLevelResources: opts.enablePodLevelResources !== false, SidecarContainers: opts.enableSidecarContainers !== false },
  });
  if (opts.defaultRequestsFromLimits) state.request = computePodResourceRequest(pod, opts);
  const status = plugin.filter(state, nodeInfo);
  return { ...status, insufficientResources: insufficientResourcesOf(status) };
}
