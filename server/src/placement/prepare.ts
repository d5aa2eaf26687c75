/**
 * Per-inventory indexes, built once and reused by every DaemonSet previewed against the same
 * inventory: pods grouped by node, each pod's effective requests and host ports, and the
 * scheduler's NodeInfo per node.
 */
import { claimsPod, getControllerOf, getTargetNodeName } from './controller';
import type { LabelSelector } from './labels';
import { type NodeSummary, summarizeNode } from './nodesummary';
import { addToResource, emptyResource, isScalarResourceName, nodeAllocatable, podRequests, type Resource, type ResourceAmounts } from './resources';
import { type ContainerPort, getHostPorts, HostPortInfo } from './scheduler/hostports';
import type { NodeInfo } from './scheduler/nodeinfo';
import type { Inventory } from './types';

export interface PreparedPod {
  pod: any;
  /** Name of the node the pod targets (GetTargetNodeName). */
  nodeName: string;
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
  summary: NodeSummary;
}

export interface PreparedInventory {
  inventory: Inventory;
  nodes: PreparedNode[];
  byName: Map<string, PreparedNode>;
  /** Pods targeting nodes that are not in the inventory. */
  podsOnUnknownNodes: PreparedPod[];
  /** Pods by controller: `<namespace>/<kind>/<name>` → pods (so a DaemonSet finds its own fast). */
  byController: Map<string, PreparedPod[]>;
  /** Pods without a controller (a DaemonSet adopts those its selector matches). */
  orphans: PreparedPod[];
}

const cache = new WeakMap<Inventory, PreparedInventory>();

function isTerminal(pod: any): boolean {
  const phase = pod?.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

export function preparePod(pod: any, nodeName: string): PreparedPod {
  return {
    pod,
    nodeName,
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

/**
 * The node as the scheduler sees it without some of its pods (the DaemonSet's own old pods,
 * deleted before their replacement starts): subtracts instead of rebuilding from every pod.
 */
export function nodeInfoWithout(pn: PreparedNode, exclude: readonly PreparedPod[]): NodeInfo {
  const removed = exclude.filter((p) => p.bound);
  if (removed.length === 0) return pn.info;
  const base = pn.info;
  const requested: Resource = { ...base.requested };
  for (const p of removed) {
    for (const [k, v] of p.requests) {
      if (k === 'cpu') requested.milliCPU -= v;
      else if (k === 'memory') requested.memory -= v;
      else if (k === 'ephemeral-storage') requested.ephemeralStorage -= v;
      else if (isScalarResourceName(k)) {
        if (requested.scalarResources === base.requested.scalarResources) requested.scalarResources = new Map(base.requested.scalarResources);
        requested.scalarResources.set(k, (requested.scalarResources.get(k) ?? 0) - v);
      }
    }
  }
  const usedPorts = removed.some((p) => p.hostPorts.length > 0) ? nodeInfoFrom(pn.node, pn.pods, new Set(removed)).usedPorts : base.usedPorts;
  return { node: pn.node, podCount: base.podCount - removed.length, allocatable: base.allocatable, requested, usedPorts };
}

/** Indexes an inventory (cached per inventory object). */
export function prepareInventory(inventory: Inventory): PreparedInventory {
  const hit = cache.get(inventory);
  if (hit) return hit;
  const byName = new Map<string, PreparedNode>();
  const nodes: PreparedNode[] = [];
  for (const node of inventory.nodes ?? []) {
    const name = node?.metadata?.name ?? '';
    const pn: PreparedNode = { node, name, pods: [], info: undefined as unknown as NodeInfo, summary: summarizeNode(node) };
    nodes.push(pn);
    byName.set(name, pn);
  }
  const podsOnUnknownNodes: PreparedPod[] = [];
  const byController = new Map<string, PreparedPod[]>();
  const orphans: PreparedPod[] = [];
  for (const pod of inventory.pods ?? []) {
    const target = getTargetNodeName(pod);
    if (!('nodeName' in target)) continue; // unscheduled and unpinned: on no node yet
    const pp = preparePod(pod, target.nodeName);
    const pn = byName.get(target.nodeName);
    if (pn) pn.pods.push(pp);
    else podsOnUnknownNodes.push(pp);
    const ref = getControllerOf(pod);
    if (!ref) orphans.push(pp);
    else {
      const key = controllerKey(pod?.metadata?.namespace, ref.kind, ref.name);
      const list = byController.get(key);
      if (list) list.push(pp);
      else byController.set(key, [pp]);
    }
  }
  for (const pn of nodes) pn.info = nodeInfoFrom(pn.node, pn.pods);
  const prepared: PreparedInventory = { inventory, nodes, byName, podsOnUnknownNodes, byController, orphans };
  cache.set(inventory, prepared);
  return prepared;
}

export function controllerKey(namespace: string | undefined, kind: string | undefined, name: string | undefined): string {
  return `${namespace ?? ''}/${kind ?? ''}/${name ?? ''}`;
}

/**
 * The DaemonSet's pods (ClaimPods: its own matching pods plus matching orphans), grouped by node.
 * A DaemonSet without a namespace (not yet applied) is looked up in every namespace.
 */
export function daemonPodsByNode(prepared: PreparedInventory, ds: any, selector: LabelSelector): Map<string, PreparedPod[]> {
  const out = new Map<string, PreparedPod[]>();
  if (selector.nothing) return out;
  const ns: string | undefined = ds?.metadata?.namespace;
  const candidates: PreparedPod[][] = [prepared.orphans];
  if (ns) candidates.push(prepared.byController.get(controllerKey(ns, 'DaemonSet', ds?.metadata?.name)) ?? []);
  else for (const [key, list] of prepared.byController) if (key.endsWith(`/DaemonSet/${ds?.metadata?.name ?? ''}`)) candidates.push(list);
  for (const list of candidates) {
    for (const pp of list) {
      if (!claimsPod(ds, selector, pp.pod)) continue;
      const l = out.get(pp.nodeName);
      if (l) l.push(pp);
      else out.set(pp.nodeName, [pp]);
    }
  }
  return out;
}
