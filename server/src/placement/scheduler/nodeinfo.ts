/**
 * The scheduler's per-node snapshot (`framework.NodeInfo`): the node, the pods bound to it, the
 * sum of their requests and the host ports they use. Built once per node and shared by every
 * DaemonSet previewed against the same inventory.
 */
import { emptyResource, newResource, nodeAllocatable, podRequests, type Resource } from '../resources';
import { type ContainerPort, getHostPorts, HostPortInfo } from './hostports';

/** A pod bound to the node, as far as the filters, their explanations and preemption read it (`framework.PodInfo`). */
export interface NodePod {
  namespace: string | undefined;
  name: string;
  /** PodRequests. */
  requests: Resource;
  hostPorts: ContainerPort[];
  /** `spec.priority` (resolved from its class when a hand-written pod lacks it; 0 when unknown). */
  priority: number;
  /** `status.startTime` (RFC 3339), for MoreImportantPod's tie-break; undefined for a pod not started yet. */
  startTime?: string;
}

export interface NodeInfo {
  node: any;
  /** Number of pods bound to the node (`len(nodeInfo.Pods)`). */
  podCount: number;
  allocatable: Resource;
  /** Σ PodRequests of the bound pods (`NodeInfo.Requested`). */
  requested: Resource;
  /** The bound pods' host ports, each with the pod holding it. */
  usedPorts: HostPortInfo<NodePod>;
  /** The bound pods (`NodeInfo.Pods`), podCount of them. */
  pods: NodePod[];
}

export interface NodeInfoOptions {
  /**
   * Apply SetDefaults_Pod's limits→requests copy to the pods. Pods read from the API server are
   * already defaulted (a no-op for them); hand-written inventory pods then count the way the
   * cluster would see them. The scheduler's own table tests use undefaulted pods.
   */
  defaultRequestsFromLimits?: boolean;
}

export function emptyNodeInfo(node: any): NodeInfo {
  return { node, podCount: 0, allocatable: nodeAllocatable(node), requested: emptyResource(), usedPorts: new HostPortInfo<NodePod>(), pods: [] };
}

export function newNodeInfo(node: any, pods: readonly any[] = [], opts: NodeInfoOptions = {}): NodeInfo {
  const info = emptyNodeInfo(node);
  for (const p of pods) addPod(info, p, opts);
  return info;
}

/** `NodeInfo.AddPod` for a raw pod object: counts the pod, its requests and its host ports. */
export function addPod(info: NodeInfo, pod: any, opts: NodeInfoOptions = {}): void {
  const p = pod?.spec?.priority;
  addPodInfo(info, {
    namespace: pod?.metadata?.namespace,
    name: String(pod?.metadata?.name ?? ''),
    requests: newResource(podRequests(pod?.spec, { defaultRequestsFromLimits: opts.defaultRequestsFromLimits })),
    hostPorts: getHostPorts(pod),
    priority: typeof p === 'number' ? p : 0,
    startTime: typeof pod?.status?.startTime === 'string' ? pod.status.startTime : undefined,
  });
}

/** `into += sign · r`, every resource. */
export function addResource(into: Resource, r: Resource, sign: 1 | -1 = 1): void {
  into.milliCPU += sign * r.milliCPU;
  into.memory += sign * r.memory;
  into.ephemeralStorage += sign * r.ephemeralStorage;
  for (const [k, v] of r.scalarResources) into.scalarResources.set(k, (into.scalarResources.get(k) ?? 0) + sign * v);
}

/** NodeInfos that no one changes any more (an inventory's, built once): what explanations derive from them may be kept. */
const sealed = new WeakSet<NodeInfo>();

/** Marks a NodeInfo as final: AddPodInfo / RemovePod on it afterwards unseal it again. */
export function sealNodeInfo(info: NodeInfo): NodeInfo {
  sealed.add(info);
  return info;
}

/** The NodeInfo is sealed: its pods and sums stay as they are. */
export function isSealed(info: NodeInfo): boolean {
  return sealed.has(info);
}

/** `NodeInfo.AddPodInfo`. */
export function addPodInfo(info: NodeInfo, p: NodePod): void {
  sealed.delete(info);
  info.podCount++;
  info.pods.push(p);
  addResource(info.requested, p.requests, 1);
  for (const hp of p.hostPorts) info.usedPorts.add(hp.hostIP, hp.protocol, hp.hostPort, p);
}

/** `NodeInfo.RemovePod` (the pod must be one of `info.pods`). */
export function removePodInfo(info: NodeInfo, p: NodePod): void {
  // From the end: preemption takes back the pod it has just added.
  const at = info.pods.lastIndexOf(p);
  if (at < 0) return;
  sealed.delete(info);
  info.pods.splice(at, 1);
  info.podCount--;
  addResource(info.requested, p.requests, -1);
  for (const hp of p.hostPorts) info.usedPorts.remove(hp.hostIP, hp.protocol, hp.hostPort, p);
}

/** A NodeInfo to change without touching the shared one (preemption's dry run). */
export function cloneNodeInfo(info: NodeInfo): NodeInfo {
  return cloneNodeInfoWithout(info, NO_PODS);
}

const NO_PODS: ReadonlySet<NodePod> = new Set();

/** `cloneNodeInfo` and then RemovePod of each of `without` (pods of the node), in one pass. */
export function cloneNodeInfoWithout(info: NodeInfo, without: ReadonlySet<NodePod>): NodeInfo {
  const requested = emptyResource();
  addResource(requested, info.requested, 1);
  const usedPorts = new HostPortInfo<NodePod>();
  const pods: NodePod[] = [];
  for (const p of info.pods) {
    if (without.has(p)) {
      addResource(requested, p.requests, -1);
      continue;
    }
    pods.push(p);
    for (const hp of p.hostPorts) usedPorts.add(hp.hostIP, hp.protocol, hp.hostPort, p);
  }
  return { node: info.node, podCount: info.podCount - (info.pods.length - pods.length), allocatable: info.allocatable, requested, usedPorts, pods };
}

/** `<namespace>/<name>`, as kubectl names a pod. */
export function podKey(p: Pick<NodePod, 'namespace' | 'name'>): string {
  return `${p.namespace ?? 'default'}/${p.name}`;
}
