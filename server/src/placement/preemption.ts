/**
 * DefaultPreemption on the daemon pod's own node (pkg/scheduler/framework/plugins/defaultpreemption,
 * `SelectVictimsOnNode`). A daemon pod can only ever go to its target node (the controller pins it
 * there), so when a filter rejects that node the scheduler's PostFilter asks one question: which
 * pods of lower priority must go for the pod to fit? Kubernetes removes every lower-priority pod,
 * checks that the pod then fits, and gives back ("reprieves") as many as it can, the most
 * important first; the rest are the victims.
 *
 * Only nodes whose failures are all `Unschedulable` are tried (`nodesWherePreemptionMightHelp`
 * skips UnschedulableAndUnresolvable): NodeResourcesFit (a request above what is free but within
 * allocatable, `Too many pods`), NodePorts, and InterPodAffinity's anti-affinity (the pod's own, or
 * an existing pod's against it). Whether removing pods really cures them is what the filters say
 * when they run again on the node without the pods, the plugins' PreFilter state following the
 * removals (PreFilterExtensions): an anti-affinity conflict with a pod on another node of the
 * zone stays. PodDisruptionBudgets are not part of inventories: the victims are chosen as if none
 * protected them.
 */
import {
  addPodToState,
  type CycleState,
  DEFAULT_FILTER_PLUGINS,
  type FilterPlugin,
  forkCycleState,
  type ForkedCycleState,
  passesAll,
  removePodFromState,
} from './scheduler';
import { addPodInfo, cloneNodeInfoWithout, type NodeInfo, type NodePod, podKey, removePodInfo } from './scheduler/nodeinfo';
import type { PlacementReason } from './types';

/** `RunFilterPluginsWithNominatedPods` on the node as preemption has changed it: every filter passes (asked per pod it tries to keep: verdicts only). */
function fits(plugins: readonly FilterPlugin[], state: CycleState, info: NodeInfo): boolean {
  return passesAll(plugins, state, info);
}

/** Every failure is one that removing pods from the node might cure (none is UnschedulableAndUnresolvable). */
export function resolvableByPreemption(reasons: readonly PlacementReason[]): boolean {
  return reasons.length > 0 && reasons.every((r) => r.code === 'Unschedulable');
}

function startMs(p: NodePod): number {
  const t = p.startTime ? Date.parse(p.startTime) : NaN;
  // GetPodStartTime: a pod that has not started yet counts as starting now, after every started one.
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

/**
 * `MoreImportantPod` as a sort comparator: higher priority first, then the pod that started
 * earlier; equal pods in name order, so the result does not depend on the inventory's order.
 */
export function compareImportance(a: NodePod, b: NodePod): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  const sa = startMs(a);
  const sb = startMs(b);
  if (sa !== sb) return sa < sb ? -1 : 1;
  return podKey(a).localeCompare(podKey(b));
}

/** Sorts pods with compareImportance, each pod's start time and name read once rather than per comparison. */
function sortByImportance(pods: NodePod[]): void {
  const keyed = pods.map((p) => ({ p, start: startMs(p), key: podKey(p) }));
  keyed.sort((a, b) => {
    if (a.p.priority !== b.p.priority) return b.p.priority - a.p.priority;
    if (a.start !== b.start) return a.start < b.start ? -1 : 1;
    return a.key.localeCompare(b.key);
  });
  for (let i = 0; i < keyed.length; i++) pods[i] = keyed[i].p;
}

/**
 * `SelectVictimsOnNode`: the pods to evict for the pod (`state`, with `priority`) to fit on the
 * node, most important first as the plugin lists them; undefined when no set of lower-priority
 * pods makes room. Every filter of `plugins` runs again on the node without the pods, the PreFilter
 * state following each removal and reprieve. `info` and `state` are not changed.
 */
export function selectVictimsOnNode(
  state: CycleState,
  priority: number,
  info: NodeInfo,
  plugins: readonly FilterPlugin[] = DEFAULT_FILTER_PLUGINS,
): NodePod[] | undefined {
  const potential = info.pods.filter((p) => p.priority < priority);
  if (potential.length === 0) return undefined;
  const node = cloneNodeInfoWithout(info, new Set(potential));
  const st: ForkedCycleState = forkCycleState(state);
  for (const p of potential) removePodFromState(st, p);
  // Not even an empty node (of lower-priority pods) fits the pod: preemption cannot help here.
  if (!fits(plugins, st, node)) return undefined;
  sortByImportance(potential);
  const victims: NodePod[] = [];
  for (const p of potential) {
    addPodInfo(node, p);
    addPodToState(st, p);
    if (fits(plugins, st, node)) continue;
    removePodInfo(node, p);
    removePodFromState(st, p);
    victims.push(p);
  }
  return victims.length > 0 ? victims : undefined;
}

export interface PreemptionOutcome {
  victims: { namespace: string; name: string; priority: number }[];
  /** The failures preemption resolves, each with a note saying so. */
  reasons: PlacementReason[];
}

/**
 * Preemption for a pod the filters rejected on its node with `reasons` (every failure, the first
 * plugin's and the later ones'): the victims and the reasons annotated, or undefined when the pod
 * stays Pending.
 */
export function preemptOnNode(
  state: CycleState,
  priority: number,
  info: NodeInfo,
  reasons: readonly PlacementReason[],
  plugins: readonly FilterPlugin[] = DEFAULT_FILTER_PLUGINS,
): PreemptionOutcome | undefined {
  if (!resolvableByPreemption(reasons)) return undefined;
  const victims = selectVictimsOnNode(state, priority, info, plugins);
  if (!victims) return undefined;
  // The victims travel in NodePlacement.preempts; the note says what the reason no longer means.
  const note = `resolved by preempting lower-priority pods (the pod's priority is ${priority}; PodDisruptionBudgets are not checked)`;
  return {
    victims: victims.map((v) => ({ namespace: v.namespace ?? 'default', name: v.name, priority: v.priority })),
    reasons: reasons.map((r) => ({ ...r, detail: r.detail ? `${r.detail}; ${note}` : note })),
  };
}
