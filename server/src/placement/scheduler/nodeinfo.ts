/**
 * The scheduler's per-node snapshot (`framework.NodeInfo`): the node, how many pods are bound to
 * it, the sum of their requests and the host ports they use. Built once per node and shared by
 * every DaemonSet previewed against the same inventory.
 */
import { addToResource, emptyResource, nodeAllocatable, podRequests, type Resource } from '../resources';
import { getHostPorts, HostPortInfo } from './hostports';

export interface NodeInfo {
  node: any;
  /** Number of pods bound to the node (`len(nodeInfo.Pods)`). */
  podCount: number;
  allocatable: Resource;
  /** Σ PodRequests of the bound pods (`NodeInfo.Requested`). */
  requested: Resource;
  usedPorts: HostPortInfo;
}

export interface NodeInfoOptions {
  /**
   * Apply SetDefaults_Pod's limits→requests copy to the pods. Pods read from the API server are
   * already defaulted (a no-op for them); hand-written inventory pods then count the way the
   * cluster would see them. The scheduler's own table tests use undefaulted pods.
   */
  defaultRequestsFromLimits?: boolean;
}

export function newNodeInfo(node: any, pods: readonly any[] = [], opts: NodeInfoOptions = {}): NodeInfo {
  const info: NodeInfo = { node, podCount: 0, allocatable: nodeAllocatable(node), requested: emptyResource(), usedPorts: new HostPortInfo() };
  for (const p of pods) addPod(info, p, opts);
  return info;
}

/** `NodeInfo.AddPod`: counts the pod, its requests and its host ports. */
export function addPod(info: NodeInfo, pod: any, opts: NodeInfoOptions = {}): void {
  info.podCount++;
  addToResource(info.requested, podRequests(pod?.spec, { defaultRequestsFromLimits: opts.defaultRequestsFromLimits }));
  for (const p of getHostPorts(pod)) info.usedPorts.add(p.hostIP, p.protocol, p.hostPort);
}
