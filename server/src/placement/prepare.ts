/**
 * Per-inventory indexes, built once and reused by every DaemonSet previewed against the same
 * inventory: pods grouped by node, by controller and (bound ones) by namespace, each pod's
 * effective requests, host ports and required anti-affinity terms, the pods that have such terms,
 * and the scheduler's NodeInfo per node. Per-DaemonSet work then touches only the DaemonSet's own
 * pods and one small record per node; a DaemonSet without pod (anti-)affinity reads only the few
 * pods whose anti-affinity could reject it.
 */
import { list } from '../util/list';
import { getControllerOf, getTargetNodeName, isOwnedBy, isPodReady } from './controller';
import { type LabelSelector, type LabelSet, selectorMatches } from '../k8s/labels';
import { type NodeSummary, summarizeNode } from './nodesummary';
import { type AffinitySnapshot, type AffinityTerm, namespaceLabelsOf, podNamespace, requiredAntiAffinityOf } from './podaffinity';
import { existingPodPriority, priorityClassSet, type PriorityClassSet } from './priority';
import { newResource, podRequests, type Resource } from './resources';
import { type ContainerPort, getHostPorts } from './scheduler/hostports';
import { addPodInfo, emptyNodeInfo, type NodeInfo, type NodePod, sealNodeInfo } from './scheduler/nodeinfo';
import type { Inventory } from './types';

export interface PreparedPod extends NodePod {
  pod: any;
  /** Index (in PreparedInventory.nodes) of the node the pod targets; -1 for unknown nodes. */
  nodeIndex: number;
  /** Name of the node the pod targets (GetTargetNodeName). */
  nodeName: string;
  namespace: string | undefined;
  labels: Record<string, string>;
  /** The controller ownerReference, if any. */
  controller: any;
  ready: boolean;
  /** PodRequests (with limits→requests defaulting, a no-op for API-server pods). */
  requests: Resource;
  hostPorts: ContainerPort[];
  /** Bound to the node (spec.nodeName) and not terminal: counted by the scheduler. */
  bound: boolean;
  /** Required pod anti-affinity terms, parsed (undefined: none, or they do not parse). */
  requiredAntiAffinity?: AffinityTerm[];
}

export interface PreparedNode {
  index: number;
  node: any;
  name: string;
  /** Every pod targeting the node (bound, or pinned by the daemon matchFields affinity). */
  pods: PreparedPod[];
  info: NodeInfo;
  summary: NodeSummary;
  /** Some taint has effect NoExecute (only those can make a toleration's tolerationSeconds evict the pod). */
  noExecute: boolean;
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
  /** The orphans by namespace (`''` for those without one, which a DaemonSet of any namespace may adopt). */
  orphansByNamespace: Map<string, PreparedPod[]>;
  /** The inventory's PriorityClasses (the pods' priorities are resolved against them). */
  priorityClasses: PriorityClassSet;
  /** What InterPodAffinity's PreFilter lists: the bound pods by namespace, those with required anti-affinity, node and namespace labels. */
  affinity: AffinitySnapshot;
  /**
   * By node index: which nodes are alike in everything but their name and labels that the
   * controller's checks and the node-level filters read (whether the node object is there, its
   * spec.unschedulable, its taints in order). Numbered from 0, `nodeKindCount` kinds in all.
   */
  nodeKind: Int32Array;
  nodeKindCount: number;
  /**
   * By node index: which value the node has for a label key (numbered from 0 per key, -1 when it
   * lacks the label), and how many distinct values there are; computed on first use per key.
   */
  labelValues(key: string): { ids: Int32Array; count: number };
}

const cache = new WeakMap<Inventory, PreparedInventory>();
/** How many label keys' value numbers an inventory keeps (labelValues). */
const MAX_LABEL_KEYS = 64;
const NO_CLASSES: PriorityClassSet = priorityClassSet(undefined);

function isTerminal(pod: any): boolean {
  const phase = pod?.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

export function preparePod(pod: any, nodeName: string, nodeIndex = -1, classes: PriorityClassSet = NO_CLASSES): PreparedPod {
  const requiredAntiAffinity = requiredAntiAffinityOf(pod);
  return {
    pod,
    nodeIndex,
    nodeName,
    namespace: pod?.metadata?.namespace,
    name: String(pod?.metadata?.name ?? ''),
    priority: existingPodPriority(pod, classes),
    startTime: typeof pod?.status?.startTime === 'string' ? pod.status.startTime : undefined,
    labels: pod?.metadata?.labels ?? {},
    controller: getControllerOf(pod),
    ready: isPodReady(pod),
    requests: newResource(podRequests(pod?.spec, { defaultRequestsFromLimits: true })),
    hostPorts: getHostPorts(pod, true),
    // Terminal pods hold no resources on the node any more.
    bound: !!pod?.spec?.nodeName && !isTerminal(pod),
    ...(requiredAntiAffinity ? { requiredAntiAffinity } : {}),
  };
}

/** NodeInfo from prepared pods (listed in `pods` as they are, no copies), optionally leaving some out (e.g. the DaemonSet's own old pods). */
export function nodeInfoFrom(node: any, pods: readonly PreparedPod[], exclude?: ReadonlySet<PreparedPod>): NodeInfo {
  const info = emptyNodeInfo(node);
  for (const p of pods) if (p.bound && !exclude?.has(p)) addPodInfo(info, p);
  return info;
}

/** nodeInfoWithout's answers, by the first pod left out (a pod is on one node): the DaemonSet's old pods are the same on every keystroke. */
const withoutCache = new WeakMap<PreparedPod, { exclude: readonly PreparedPod[]; info: NodeInfo }>();

/**
 * The node as the scheduler sees it without some of its pods (the DaemonSet's own old pods,
 * deleted before their replacement starts): subtracts instead of rebuilding from every pod, and
 * once per set of pods (the answer is sealed and shared: do not change it).
 */
export function nodeInfoWithout(pn: PreparedNode, exclude: readonly PreparedPod[]): NodeInfo {
  if (exclude.length === 0) return pn.info;
  const kept = withoutCache.get(exclude[0]);
  if (kept && exclude[0].nodeIndex === pn.index && samePods(kept.exclude, exclude)) return kept.info;
  const info = computeNodeInfoWithout(pn, exclude);
  withoutCache.set(exclude[0], { exclude: [...exclude], info });
  return info;
}

function samePods(a: readonly PreparedPod[], b: readonly PreparedPod[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function computeNodeInfoWithout(pn: PreparedNode, exclude: readonly PreparedPod[]): NodeInfo {
  let removed = 0;
  let ports = false;
  for (const p of exclude) {
    if (!p.bound) continue;
    removed++;
    if (p.hostPorts.length > 0) ports = true;
  }
  if (removed === 0) return pn.info;
  const base = pn.info;
  const requested: Resource = { ...base.requested };
  let scalarsCopied = false;
  for (const p of exclude) {
    if (!p.bound) continue;
    requested.milliCPU -= p.requests.milliCPU;
    requested.memory -= p.requests.memory;
    requested.ephemeralStorage -= p.requests.ephemeralStorage;
    if (p.requests.scalarResources.size > 0) {
      if (!scalarsCopied) {
        requested.scalarResources = new Map(base.requested.scalarResources);
        scalarsCopied = true;
      }
      for (const [k, v] of p.requests.scalarResources) requested.scalarResources.set(k, (requested.scalarResources.get(k) ?? 0) - v);
    }
  }
  const usedPorts = ports ? nodeInfoFrom(pn.node, pn.pods, new Set(exclude)).usedPorts : base.usedPorts;
  const pods = base.pods.filter((p) => !exclude.includes(p as PreparedPod));
  return sealNodeInfo({ node: pn.node, podCount: base.podCount - removed, allocatable: base.allocatable, requested, usedPorts, pods });
}

/** Indexes an inventory (cached per inventory object). */
export function prepareInventory(inventory: Inventory): PreparedInventory {
  const hit = cache.get(inventory);
  if (hit) return hit;
  const byName = new Map<string, PreparedNode>();
  const nodes: PreparedNode[] = [];
  for (const node of list(inventory.nodes)) {
    const name = node?.metadata?.name ?? '';
    const summary = summarizeNode(node);
    const noExecute = summary.taints.some((t) => t?.effect === 'NoExecute');
    const pn: PreparedNode = { index: nodes.length, node, name, pods: [], info: undefined as unknown as NodeInfo, summary, noExecute };
    nodes.push(pn);
    byName.set(name, pn);
  }
  const podsOnUnknownNodes: PreparedPod[] = [];
  const byController = new Map<string, PreparedPod[]>();
  const orphans: PreparedPod[] = [];
  const orphansByNamespace = new Map<string, PreparedPod[]>();
  const priorityClasses = priorityClassSet(inventory.priorityClasses);
  for (const pod of list(inventory.pods)) {
    const target = getTargetNodeName(pod);
    if (!('nodeName' in target)) continue; // unscheduled and unpinned: on no node yet
    const pn = byName.get(target.nodeName);
    const pp = preparePod(pod, target.nodeName, pn ? pn.index : -1, priorityClasses);
    if (pn) pn.pods.push(pp);
    else podsOnUnknownNodes.push(pp);
    if (!pp.controller) {
      orphans.push(pp);
      const ns = pp.namespace || '';
      const l = orphansByNamespace.get(ns);
      if (l) l.push(pp);
      else orphansByNamespace.set(ns, [pp]);
    } else {
      const key = controllerKey(pp.namespace, pp.controller.kind, pp.controller.name);
      const list = byController.get(key);
      if (list) list.push(pp);
      else byController.set(key, [pp]);
    }
  }
  for (const pn of nodes) pn.info = sealNodeInfo(nodeInfoFrom(pn.node, pn.pods));
  const affinity = affinitySnapshot(nodes, byName, inventory.namespaces);
  const { kinds: nodeKind, count: nodeKindCount } = nodeKinds(nodes);
  // The keys selectors name, most recent last: a key being typed names a new one on every keystroke, so only the last few are kept.
  const labelValueIds = new Map<string, { ids: Int32Array; count: number }>();
  const labelValues = (key: string) => {
    let v = labelValueIds.get(key);
    if (v) labelValueIds.delete(key);
    else if (labelValueIds.size >= MAX_LABEL_KEYS) labelValueIds.delete(labelValueIds.keys().next().value as string);
    labelValueIds.set(key, (v ??= valueIds(nodes, key)));
    return v;
  };
  const prepared: PreparedInventory = {
    inventory,
    nodes,
    byName,
    podsOnUnknownNodes,
    byController,
    orphans,
    orphansByNamespace,
    priorityClasses,
    affinity,
    nodeKind,
    nodeKindCount,
    labelValues,
  };
  cache.set(inventory, prepared);
  return prepared;
}

/** A Map key for "no such value" that no value of an inventory is. */
const NONE: unique symbol = Symbol('none');

/**
 * Numbers the nodes by what the node-level checks read besides name and labels: whether there is a
 * node object, spec.unschedulable (as a boolean, as it is read) and each taint's key, value and
 * effect in order. The values are told apart as Map keys tell them apart, so nodes of one kind
 * are alike for every comparison the checks make.
 */
function nodeKinds(nodes: readonly PreparedNode[]): { kinds: Int32Array; count: number } {
  const kinds = new Int32Array(nodes.length);
  const root = new Map<unknown, unknown>();
  let count = 0;
  for (const pn of nodes) {
    const node = pn.node;
    const path: unknown[] = [node === null || node === undefined, !!node?.spec?.unschedulable, pn.summary.taints.length];
    for (const t of pn.summary.taints) path.push(t?.key, t?.value, t?.effect);
    let m = root;
    for (let i = 0; i < path.length - 1; i++) {
      let next = m.get(path[i]) as Map<unknown, unknown> | undefined;
      if (!next) m.set(path[i], (next = new Map()));
      m = next;
    }
    let kind = m.get(path[path.length - 1]) as number | undefined;
    if (kind === undefined) m.set(path[path.length - 1], (kind = count++));
    kinds[pn.index] = kind;
  }
  return { kinds, count };
}

/** Each node's value of one label, numbered (-1: the node lacks the label), read as the selectors read labels. */
function valueIds(nodes: readonly PreparedNode[], key: string): { ids: Int32Array; count: number } {
  const ids = new Int32Array(nodes.length);
  const seen = new Map<unknown, number>();
  for (const pn of nodes) {
    const labels = pn.node?.metadata?.labels ?? {};
    const v = Object.prototype.hasOwnProperty.call(labels, key) ? labels[key] : NONE;
    if (v === NONE) {
      ids[pn.index] = -1;
      continue;
    }
    let id = seen.get(v);
    if (id === undefined) seen.set(v, (id = seen.size));
    ids[pn.index] = id;
  }
  return { ids, count: seen.size };
}

/**
 * The inter-pod affinity snapshot of some nodes and pods (the scheduler's own tests build one the
 * same way): a pod is on the node its spec.nodeName names, Namespace objects lend their labels.
 */
export function affinitySnapshotOf(nodes: readonly any[], pods: readonly any[], namespaces?: readonly any[]): AffinitySnapshot {
  return prepareInventory({
    source: 'file',
    name: 'snapshot',
    nodes: [...nodes],
    pods: [...pods],
    ...(namespaces ? { namespaces: [...namespaces] } : {}),
    messages: [],
  }).affinity;
}

/**
 * The scheduler's view for inter-pod affinity: pods bound to the inventory's nodes (terminal pods
 * left out, as for resources), by namespace, and those with required anti-affinity terms. Only the
 * latter are listed up front (every DaemonSet checks them); the rest is indexed on first use, by a
 * DaemonSet that has pod (anti-)affinity terms of its own.
 */
function affinitySnapshot(nodes: readonly PreparedNode[], byName: ReadonlyMap<string, PreparedNode>, namespaceObjects: unknown): AffinitySnapshot {
  const podsWithRequiredAntiAffinity: PreparedPod[] = [];
  for (const pn of nodes) for (const pp of pn.pods) if (pp.bound && pp.requiredAntiAffinity) podsWithRequiredAntiAffinity.push(pp);
  let index: { byNamespace: Map<string, PreparedPod[]>; members: Set<unknown> } | undefined;
  const indexed = () => {
    if (index) return index;
    const byNamespace = new Map<string, PreparedPod[]>();
    const members = new Set<unknown>();
    for (const pn of nodes) {
      for (const pp of pn.pods) {
        if (!pp.bound) continue;
        members.add(pp);
        const ns = podNamespace(pp.namespace);
        const l = byNamespace.get(ns);
        if (l) l.push(pp);
        else byNamespace.set(ns, [pp]);
      }
    }
    return (index = { byNamespace, members });
  };
  const objects = new Map<string, any>();
  for (const o of list(namespaceObjects)) if (typeof o?.metadata?.name === 'string') objects.set(o.metadata.name, o);
  const nsLabels = new Map<string, LabelSet>();
  return {
    get podsByNamespace() {
      return indexed().byNamespace;
    },
    podsWithRequiredAntiAffinity,
    nodeLabels: (name) => byName.get(name)?.node?.metadata?.labels ?? (byName.has(name) ? {} : undefined),
    namespaceNames: () => new Set([...indexed().byNamespace.keys(), ...objects.keys()]),
    namespaceLabels: (ns) => {
      let l = nsLabels.get(ns);
      if (!l) nsLabels.set(ns, (l = namespaceLabelsOf(ns, objects.get(ns))));
      return l;
    },
    has: (pod): pod is PreparedPod => indexed().members.has(pod),
  };
}

export function controllerKey(namespace: string | undefined, kind: string | undefined, name: string | undefined): string {
  return `${namespace ?? ''}/${kind ?? ''}/${name ?? ''}`;
}

/** `claimsPod` over a prepared pod (same rule as controller.claimsPod, without re-reading the pod). */
function claims(ds: any, selector: LabelSelector, pp: PreparedPod): boolean {
  const ns = ds?.metadata?.namespace;
  if (ns && pp.namespace && ns !== pp.namespace) return false;
  if (!selectorMatches(selector, pp.labels)) return false;
  if (!pp.controller) return !ds?.metadata?.deletionTimestamp;
  return isOwnedBy(pp.controller, ds);
}

/**
 * The DaemonSet's pods (ClaimPods: its own matching pods plus matching orphans), per node index
 * (pods on nodes outside the inventory are left out). A DaemonSet without a namespace (not yet
 * applied) is looked up in every namespace.
 */
export function daemonPodsByNode(prepared: PreparedInventory, ds: any, selector: LabelSelector): readonly (PreparedPod[] | undefined)[] {
  if (selector.nothing) return NO_DAEMON_PODS;
  // What claims() reads of the DaemonSet: the same on most keystrokes, so the same pods.
  const m = ds?.metadata;
  const key = JSON.stringify([m?.namespace, m?.name, m?.uid, !!m?.deletionTimestamp, selector], (_, v) => (typeof v === 'bigint' ? `${v}n` : v));
  let byKey = claimedCache.get(prepared);
  if (!byKey) claimedCache.set(prepared, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const out = claimedPods(prepared, ds, selector);
  if (byKey.size >= MAX_CLAIMED) byKey.delete(byKey.keys().next().value as string);
  byKey.set(key, out);
  return out;
}

/** daemonPodsByNode's answers per inventory (shared: do not change them), a few DaemonSets' worth. */
const claimedCache = new WeakMap<PreparedInventory, Map<string, readonly (PreparedPod[] | undefined)[]>>();
const MAX_CLAIMED = 16;

function claimedPods(prepared: PreparedInventory, ds: any, selector: LabelSelector): readonly (PreparedPod[] | undefined)[] {
  // Allocated once a pod is claimed: most DaemonSets being written have no pods yet.
  let out: (PreparedPod[] | undefined)[] | undefined;
  const ns: string | undefined = ds?.metadata?.namespace;
  const candidates: PreparedPod[][] = [];
  if (ns) {
    // Only orphans of its namespace, or without one, can be claimed (claims): not every orphan of the cluster.
    const own = prepared.orphansByNamespace.get(ns);
    const unnamespaced = prepared.orphansByNamespace.get('');
    if (own) candidates.push(own);
    if (unnamespaced) candidates.push(unnamespaced);
    const owned = prepared.byController.get(controllerKey(ns, 'DaemonSet', ds?.metadata?.name));
    if (owned) candidates.push(owned);
  } else {
    candidates.push(prepared.orphans);
    for (const [key, list] of prepared.byController) if (key.endsWith(`/DaemonSet/${ds?.metadata?.name ?? ''}`)) candidates.push(list);
  }
  for (const list of candidates) {
    for (const pp of list) {
      if (pp.nodeIndex < 0 || !claims(ds, selector, pp)) continue;
      out ??= new Array(prepared.nodes.length);
      const l = out[pp.nodeIndex];
      if (l) l.push(pp);
      else out[pp.nodeIndex] = [pp];
    }
  }
  return out ?? NO_DAEMON_PODS;
}

const NO_DAEMON_PODS: readonly (PreparedPod[] | undefined)[] = Object.freeze([]);
