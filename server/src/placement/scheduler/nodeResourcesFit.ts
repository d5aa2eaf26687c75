/** NodeResourcesFit filter: pkg/scheduler/framework/plugins/noderesources/fit.go. */
import { isExtendedResourceName, newResource, podRequests, type Resource } from '../resources';
import type { Status } from '../types';
import { success } from '../types';
import type { NodeInfo } from './nodeinfo';

export const Name = 'NodeResourcesFit';

export interface InsufficientResource {
  resourceName: string;
  reason: string;
  requested: number;
  used: number;
  capacity: number;
  /** The request exceeds allocatable: no preemption can help. */
  unresolvable: boolean;
}

export interface FitArgs {
  /** `NodeResourcesFitArgs.IgnoredResources`: extended resource names to skip. */
  ignoredResources?: readonly string[];
  /** `NodeResourcesFitArgs.IgnoredResourceGroups`: extended resource prefixes (before `/`) to skip. */
  ignoredResourceGroups?: readonly string[];
}

export interface FitOptions {
  enablePodLevelResources?: boolean;
  enableSidecarContainers?: boolean;
  /** The pod is a template the controller is about to create: apply limits→requests defaulting. */
  defaultRequestsFromLimits?: boolean;
}

/** `computePodResourceRequest`. */
export function computePodResourceRequest(pod: any, opts: FitOptions = {}): Resource {
  return newResource(
    podRequests(pod?.spec, {
      skipPodLevelResources: opts.enablePodLevelResources === false,
      disableSidecars: opts.enableSidecarContainers === false,
      defaultRequestsFromLimits: opts.defaultRequestsFromLimits,
    }),
  );
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

  if (podRequest.milliCPU > 0 && podRequest.milliCPU > alloc.milliCPU - used.milliCPU) out.push(insufficient('cpu', podRequest.milliCPU, used.milliCPU, alloc.milliCPU));
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

export function filter(pod: any, nodeInfo: NodeInfo, args: FitArgs = {}, opts: FitOptions = {}): Status & { insufficientResources: InsufficientResource[] } {
  return statusFor(fitsRequest(computePodResourceRequest(pod, opts), nodeInfo, args));
}

/** Filter with a precomputed pod request (PreFilter state), as the placement loop uses it. */
export function statusFor(insufficientResources: InsufficientResource[]): Status & { insufficientResources: InsufficientResource[] } {
  if (insufficientResources.length === 0) return { ...success(), insufficientResources };
  const code = insufficientResources.some((r) => r.unresolvable) ? 'UnschedulableAndUnresolvable' : 'Unschedulable';
  return { code, reasons: insufficientResources.map((r) => r.reason), insufficientResources };
}
