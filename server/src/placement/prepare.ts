/**
 * Per-inventory indexes, built once and reused by every DaemonSet previewed against the same
 * inventory: pods grouped by node, each pod's effective requests and host ports, and the
 * scheduler's NodeInfo per node.
 */
import { getTargetNodeName } from './controller';
import { addToResource, emptyResource, nodeAllocatable, podRequests, type ResourceAmounts } from './resources';
import { type ContainerPort, getHostPorts, HostPortInfo } from './scheduler/hostports';
import type { NodeInfo } from './scheduler/nodeinfo';
import type { Inventory } from './types';

export interface PreparedPod {
  pod: any;
  /** PodRequests (with limits→requests defaulting, a no-op for API-server pods). */
  requests: ResourceAmounts;
  hostPorts: ContainerPort[];
  /** Bound to the node (spec.nodeName) and not terminal: counted by the scheduler. */
  bound: boolean;
}

export interface PreparedNode {
  node: any;
  name: string;
  /** Every pod targeting the node (bound, or pinned by the daemon matchFields affinity). */
  pods: PreparedPod[];
  info: NodeInfo;
}

export interface PreparedInventory {
  inventory: Inventory;
  nodes: PreparedNode[];
  byName: Map<string, PreparedNode>;
  /** Pods targeting nodes that are not in the inventory. */
  podsOnUnknownNodes: PreparedPod[];
}

const cache = new WeakMap<Inventory, PreparedInventory>();

function isTerminal(pod: any): boolean {
  const phase = pod?.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

export function preparePod(pod: any): PreparedPod {
  return {
    pod,
    requests: podRequests(pod?.spec, { defaultRequestsFromLimits: true }),
    hostPorts: getHostPorts(pod),
    // Terminal pods hold no resources on the node any more.
    bound: !!pod?.spec?.nodeName && !isTerminal(pod),
  };
}

/** NodeInfo from prepared pods, optionally leaving some out (e.g. the DaemonSet's own old pods). */
export function nodeInfoFrom(node: any, pods: readonly PreparedPod[], exclude?: ReadonlySet<PreparedPod>): NodeInfo {
  const info: NodeInfo = { node, podCount: 0, allocatable: nodeAllocatable(node), requested: emptyResource(), usedPorts: new HostPortInfo() };
  for (const p of pods) {
    if (!p.bound || exclude?.has(p)) continue;
    info.podCount++;
    addToResource(info.requested, p.requests);
    for (const hp of p.hostPorts) info.usedPorts.add(hp.hostIP, hp.protocol, hp.hostPort);
  }
  return info;
}

/** Indexes an inventory (cached per inventory object). */
export function prepareInventory(inventory: Inventory): PreparedInventory {
  const hit = cache.get(inventory);
  if (hit) return hit;
  const byName = new Map<string, PreparedNode>();
  const nodes: PreparedNode[] = [];
  for (const node of inventory.nodes ?? []) {
    const name = node?.metadata?.name ?? '';
    const pn: PreparedNode = { node, name, pods: [], info: undefined as unknown as NodeInfo };
    nodes.push(pn);
    byName.set(name, pn);
  }
  const podsOnUnknownNodes: PreparedPod[] = [];
  for (const pod of inventory.pods ?? []) {
    const target = getTargetNodeName(pod);
    if (!('nodeName' in target)) continue; // unscheduled and unpinned: on no node yet
    const pp = preparePod(pod);
    const pn = byName.get(target.nodeName);
    if (pn) pn.pods.push(pp);
    else podsOnUnknownNodes.push(pp);
  }
  for (const pn of nodes) pn.info = nodeInfoFrom(pn.node, pn.pods);
  const prepared: PreparedInventory = { inventory, nodes, byName, podsOnUnknownNodes };
  cache.set(inventory, prepared);
  return prepared;
}
