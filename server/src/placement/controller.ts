/**
 * The DaemonSet controller's placement decisions: pkg/controller/daemon/daemon_controller.go
 * (`NewPod`, `NodeShouldRunDaemonPod`, `predicates`, `podsShouldBeOnNode`, `manage`,
 * `updateDaemonSetStatus`) and pkg/controller/daemon/util/daemonset_util.go
 * (`CreatePodTemplate`, `ReplaceDaemonSetPodNodeNameNodeAffinity`, `GetTargetNodeName`).
 */
import { list } from '../util/list';
import { featureGates, type FeatureGates } from './featuregates';
import { isEmptyLabelSelector, labelSelectorAsSelector, type LabelSelector, selectorMatches } from '../k8s/labels';
import { RequiredNodeAffinity } from './nodeaffinity';
import { addOrUpdateDaemonPodTolerations, doNotScheduleTaintsFilter, findMatchingUntoleratedTaint, noExecuteTaintsFilter } from './tolerations';
import type { Taint, Toleration } from './types';

export const ObjectNameField = 'metadata.name';
export const DaemonSetTemplateGenerationKey = 'pod-template-generation';
export const DefaultDaemonSetUniqueLabelKey = 'controller-revision-hash';
export const TemplateGenerationAnnotation = 'deprecated.daemonset.template.generation';
/** The controller creates/deletes at most this many pods per sync (`BurstReplicas`). */
export const BurstReplicas = 250;

function clone<T>(v: T): T {
  return v === undefined ? v : structuredClone(v);
}

/** `NewPod(ds, nodeName)`: the pod the controller evaluates a node with. */
export function newPod(ds: any, nodeName: string): any {
  const template = ds?.spec?.template ?? {};
  const spec = addOrUpdateDaemonPodTolerations({ ...clone(template.spec ?? {}), nodeName });
  return { metadata: { ...clone(template.metadata ?? {}), namespace: ds?.metadata?.namespace }, spec };
}

/** `CreatePodTemplate`: the template of the pods actually created (tolerations + hash labels). */
export function createPodTemplate(template: any, generation?: number | null, hash?: string): any {
  const t = clone(template ?? {});
  t.spec = addOrUpdateDaemonPodTolerations(t.spec ?? {});
  t.metadata = t.metadata ?? {};
  t.metadata.labels = { ...(t.metadata.labels ?? {}) };
  if (generation !== undefined && generation !== null) t.metadata.labels[DaemonSetTemplateGenerationKey] = String(generation);
  if (hash) t.metadata.labels[DefaultDaemonSetUniqueLabelKey] = hash;
  return t;
}

/** `ReplaceDaemonSetPodNodeNameNodeAffinity`: pins the pod to `nodename` via matchFields (returns a copy). */
export function replaceDaemonSetPodNodeNameNodeAffinity(affinity: any, nodename: string): any {
  const nodeSelReq = { key: ObjectNameField, operator: 'In', values: [nodename] };
  const nodeSelector = { nodeSelectorTerms: [{ matchFields: [nodeSelReq] }] };
  if (affinity === null || affinity === undefined) return { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: nodeSelector } };
  const a = clone(affinity);
  if (!a.nodeAffinity) {
    a.nodeAffinity = { requiredDuringSchedulingIgnoredDuringExecution: nodeSelector };
    return a;
  }
  if (!a.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution) {
    a.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = nodeSelector;
    return a;
  }
  // Replace all terms: the controller already checked the user's terms against this node.
  a.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms = [{ matchFields: [nodeSelReq] }];
  return a;
}

/** `GetTargetNodeName`: spec.nodeName, else the single value of the first metadata.name In matchFields. */
export function getTargetNodeName(pod: any): { nodeName: string } | { error: string } {
  const id = `${pod?.metadata?.namespace ?? ''}/${pod?.metadata?.name ?? ''}`;
  if (pod?.spec?.nodeName) return { nodeName: pod.spec.nodeName };
  const required = pod?.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) return { error: `no spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution for pod ${id}` };
  const terms = list(required.nodeSelectorTerms);
  if (terms.length < 1) return { error: `no nodeSelectorTerms in requiredDuringSchedulingIgnoredDuringExecution of pod ${id}` };
  for (const term of terms) {
    for (const exp of list(term?.matchFields)) {
      if (exp?.key === ObjectNameField && exp?.operator === 'In') {
        if (list(exp.values).length !== 1) return { error: `the matchFields value of '${ObjectNameField}' is not unique for pod ${id}` };
        return { nodeName: exp.values[0] };
      }
    }
  }
  return { error: `no node name found for pod ${id}` };
}

/**
 * Everything about a DaemonSet the per-node decision needs, parsed once: the daemon pod's final
 * tolerations and its required node affinity.
 */
export interface DaemonSetPlan {
  ds: any;
  templateNodeName: string;
  tolerations: Toleration[];
  affinity: RequiredNodeAffinity;
  gates: FeatureGates;
}

export function planDaemonSet(ds: any, gates?: Partial<FeatureGates> | null): DaemonSetPlan {
  const spec = addOrUpdateDaemonPodTolerations({ ...(ds?.spec?.template?.spec ?? {}) });
  return {
    ds,
    templateNodeName: ds?.spec?.template?.spec?.nodeName ?? '',
    tolerations: list(spec.tolerations),
    affinity: new RequiredNodeAffinity(ds?.spec?.template?.spec),
    gates: featureGates(gates),
  };
}

export interface ShouldRunDecision {
  shouldRun: boolean;
  shouldContinueRunning: boolean;
  /** Why shouldRun is false (the first failing check, in the controller's order). */
  failed?: 'NodeName' | 'NodeAffinity' | 'TaintToleration';
  /** The first untolerated NoSchedule/NoExecute taint. */
  untoleratedTaint?: Taint;
}

// The decisions without a taint, shared (placement asks for every node of the inventory): do not mutate.
const RUNS: ShouldRunDecision = Object.freeze({ shouldRun: true, shouldContinueRunning: true });
const NOT_THIS_NODE: ShouldRunDecision = Object.freeze({ shouldRun: false, shouldContinueRunning: false, failed: 'NodeName' });
const NO_AFFINITY: ShouldRunDecision = Object.freeze({ shouldRun: false, shouldContinueRunning: false, failed: 'NodeAffinity' });

/** `NodeShouldRunDaemonPod` with a pre-parsed DaemonSet. The result may be shared between nodes: do not mutate it. */
export function shouldRunOnNode(plan: DaemonSetPlan, node: any): ShouldRunDecision {
  const nodeName = node?.metadata?.name ?? '';
  if (!(plan.templateNodeName === '' || plan.templateNodeName === nodeName)) return NOT_THIS_NODE;
  // `predicates`: NewPod sets spec.nodeName to the node, so fitsNodeName is always true here.
  // Parse errors in the affinity are ignored for backwards compatibility (⇒ no match).
  if (!plan.affinity.match(node).match) return NO_AFFINITY;
  const taints: Taint[] | undefined = node?.spec?.taints;
  if (!Array.isArray(taints) || taints.length === 0) return RUNS;
  const untolerated = findMatchingUntoleratedTaint(taints, plan.tolerations, doNotScheduleTaintsFilter, plan.gates);
  if (untolerated) {
    // Scheduled daemon pods keep running unless a NoExecute taint is untolerated.
    const untoleratedNoExecute = findMatchingUntoleratedTaint(taints, plan.tolerations, noExecuteTaintsFilter, plan.gates);
    return { shouldRun: false, shouldContinueRunning: !untoleratedNoExecute, failed: 'TaintToleration', untoleratedTaint: untoleratedNoExecute ?? untolerated };
  }
  return RUNS;
}

/** `NodeShouldRunDaemonPod(node, ds) → (shouldRun, shouldContinueRunning)`. */
export function nodeShouldRunDaemonPod(node: any, ds: any, gates?: Partial<FeatureGates> | null): { shouldRun: boolean; shouldContinueRunning: boolean } {
  const d = shouldRunOnNode(planDaemonSet(ds, gates), node);
  return { shouldRun: d.shouldRun, shouldContinueRunning: d.shouldContinueRunning };
}

/** `metav1.GetControllerOf(pod)`. */
export function getControllerOf(obj: any): any | undefined {
  return list(obj?.metadata?.ownerReferences).find((r: any) => r?.controller === true);
}

/** Whether a controller reference points at this DaemonSet (uid when both sides have one). */
export function isOwnedBy(ref: any, ds: any): boolean {
  if (!ref || ref.kind !== 'DaemonSet') return false;
  if (ref.uid && ds?.metadata?.uid) return ref.uid === ds.metadata.uid;
  return ref.name === ds?.metadata?.name;
}

/**
 * `ClaimPods`: pods this DaemonSet manages: owned by it and matching the selector, or orphans
 * (no controller) matching the selector, which it adopts. Owned pods that no longer match are
 * released, pods of other controllers ignored. Same namespace only.
 */
export function claimsPod(ds: any, selector: LabelSelector, pod: any): boolean {
  const ns = ds?.metadata?.namespace;
  const podNs = pod?.metadata?.namespace;
  if (ns && podNs && ns !== podNs) return false;
  if (!selectorMatches(selector, pod?.metadata?.labels ?? {})) return false;
  const ref = getControllerOf(pod);
  if (!ref) return !ds?.metadata?.deletionTimestamp;
  return isOwnedBy(ref, ds);
}

/** `podByCreationTimestampAndPhase`: scheduled pods first, then oldest, then by name. */
export function comparePodsByCreationTimestampAndPhase(a: any, b: any): number {
  const sa = a?.spec?.nodeName ? 1 : 0;
  const sb = b?.spec?.nodeName ? 1 : 0;
  if (sa !== sb) return sb - sa;
  const ta = a?.metadata?.creationTimestamp ?? '';
  const tb = b?.metadata?.creationTimestamp ?? '';
  if (ta === tb) return (a?.metadata?.name ?? '') < (b?.metadata?.name ?? '') ? -1 : (a?.metadata?.name ?? '') > (b?.metadata?.name ?? '') ? 1 : 0;
  return Date.parse(ta) - Date.parse(tb) || (ta < tb ? -1 : 1);
}

/** `podutil.IsPodReady`. */
export function isPodReady(pod: any): boolean {
  return list(pod?.status?.conditions).some((c: any) => c?.type === 'Ready' && c?.status === 'True');
}

/** `util.AllowsSurge`: RollingUpdate with a non-zero maxSurge. */
export function allowsSurge(ds: any): boolean {
  const s = ds?.spec?.updateStrategy;
  if (s?.type && s.type !== 'RollingUpdate') return false;
  const surge = s?.rollingUpdate?.maxSurge;
  if (surge === undefined || surge === null) return false;
  if (typeof surge === 'number') return surge > 0;
  const m = /^(\d+)%$/.exec(String(surge));
  return m ? Number(m[1]) > 0 : Number(surge) > 0;
}

function podKey(pod: any): string {
  return pod?.metadata?.name ?? '';
}

/** `podsShouldBeOnNode`: whether the node needs a pod and which of its daemon pods to delete. */
export function podsShouldBeOnNode(
  decision: { shouldRun: boolean; shouldContinueRunning: boolean },
  daemonPods: readonly any[] | undefined,
  ds: any,
  hash?: string,
): { needsPod: boolean; podsToDelete: any[]; failedPods: any[] } {
  const podsToDelete: any[] = [];
  const failedPods: any[] = [];
  const exists = daemonPods !== undefined && daemonPods.length > 0;
  if (decision.shouldRun && !exists) return { needsPod: true, podsToDelete, failedPods };
  if (decision.shouldContinueRunning) {
    const running: any[] = [];
    for (const pod of list(daemonPods)) {
      if (pod?.metadata?.deletionTimestamp) continue;
      const phase = pod?.status?.phase;
      if (phase === 'Failed') {
        // The controller deletes failed pods (with a per-node backoff) and emits FailedDaemonPod.
        podsToDelete.push(pod);
        failedPods.push(pod);
      } else if (phase === 'Succeeded') podsToDelete.push(pod);
      else running.push(pod);
    }
    if (running.length <= 1) return { needsPod: false, podsToDelete, failedPods };
    running.sort(comparePodsByCreationTimestampAndPhase);
    if (!allowsSurge(ds)) {
      // Without surge only the oldest pod stays.
      podsToDelete.push(...running.slice(1));
      return { needsPod: false, podsToDelete, failedPods };
    }
    let oldestNewPod: any;
    let oldestOldPod: any;
    for (const pod of running) {
      const isNew = hash !== undefined && pod?.metadata?.labels?.[DefaultDaemonSetUniqueLabelKey] === hash;
      if (isNew && !oldestNewPod) oldestNewPod = pod;
      else if (!isNew && !oldestOldPod) oldestOldPod = pod;
      else podsToDelete.push(pod);
    }
    if (oldestNewPod && oldestOldPod && !isPodReady(oldestOldPod)) podsToDelete.push(oldestOldPod);
    return { needsPod: false, podsToDelete, failedPods };
  }
  if (exists) {
    // The pod must not run here: delete every daemon pod on the node.
    for (const pod of daemonPods!) if (!pod?.metadata?.deletionTimestamp) podsToDelete.push(pod);
  }
  return { needsPod: false, podsToDelete, failedPods };
}

export interface SyncEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

export interface SyncResult {
  /** Nodes that get a new daemon pod this sync (≤ BurstReplicas). */
  creates: string[];
  /** Pods deleted this sync (≤ BurstReplicas), by name. */
  deletes: string[];
  events: SyncEvent[];
  perNode: Record<string, { shouldRun: boolean; shouldContinueRunning: boolean; daemonPods: number }>;
  status: { desiredNumberScheduled: number; currentNumberScheduled: number; numberMisscheduled: number; numberReady: number };
}

/**
 * One `syncDaemonSet` → `manage` pass over the nodes and pods (no rolling-update step: the
 * pods' revision is unknown here, so they are treated as current).
 */
export function syncDaemonSet(
  ds: any,
  nodes: readonly any[],
  pods: readonly any[],
  opts: { gates?: Partial<FeatureGates> | null; hash?: string; burstReplicas?: number } = {},
): SyncResult {
  const result: SyncResult = {
    creates: [],
    deletes: [],
    events: [],
    perNode: {},
    status: { desiredNumberScheduled: 0, currentNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 },
  };
  const sel = ds?.spec?.selector;
  if (isEmptyLabelSelector(sel)) {
    result.events.push({ type: 'Warning', reason: 'SelectingAll', message: 'This daemon set is selecting all pods. A non-empty selector is required.' });
    return result;
  }
  // Being deleted: the controller neither creates, deletes nor updates status.
  if (ds?.metadata?.deletionTimestamp) return result;
  const selector = labelSelectorAsSelector(sel);
  const plan = planDaemonSet(ds, opts.gates);
  const burst = opts.burstReplicas ?? BurstReplicas;

  // getNodesToDaemonPods: claimed pods grouped by target node.
  const nodeToDaemonPods = new Map<string, any[]>();
  for (const pod of pods) {
    if (!claimsPod(ds, selector, pod)) continue;
    const target = getTargetNodeName(pod);
    if (!('nodeName' in target)) continue;
    const list = nodeToDaemonPods.get(target.nodeName);
    if (list) list.push(pod);
    else nodeToDaemonPods.set(target.nodeName, [pod]);
  }

  const creates: string[] = [];
  const deletes: any[] = [];
  const nodeNames = new Set<string>();
  for (const node of nodes) {
    const name = node?.metadata?.name ?? '';
    nodeNames.add(name);
    const decision = shouldRunOnNode(plan, node);
    const daemonPods = nodeToDaemonPods.get(name);
    result.perNode[name] = { shouldRun: decision.shouldRun, shouldContinueRunning: decision.shouldContinueRunning, daemonPods: daemonPods?.length ?? 0 };
    const r = podsShouldBeOnNode(decision, daemonPods, ds, opts.hash);
    if (r.needsPod) creates.push(name);
    deletes.push(...r.podsToDelete);
    for (const p of r.failedPods) {
      result.events.push({
        type: 'Warning',
        reason: 'FailedDaemonPod',
        message: `Found failed daemon pod ${p?.metadata?.namespace ?? ''}/${podKey(p)} on node ${name}, will try to kill it`,
      });
    }

    // updateDaemonSetStatus
    const scheduled = (daemonPods?.length ?? 0) > 0;
    if (decision.shouldRun) {
      result.status.desiredNumberScheduled++;
      if (scheduled) {
        result.status.currentNumberScheduled++;
        const oldest = [...daemonPods!].sort(comparePodsByCreationTimestampAndPhase)[0];
        if (isPodReady(oldest)) result.status.numberReady++;
      }
    } else if (scheduled) result.status.numberMisscheduled++;
  }
  // getUnscheduledPodsWithoutNode: pending pods pinned to nodes that no longer exist.
  for (const [nodeName, list] of nodeToDaemonPods) {
    if (nodeNames.has(nodeName)) continue;
    for (const pod of list) if (!pod?.spec?.nodeName && !pod?.metadata?.deletionTimestamp) deletes.push(pod);
  }
  result.creates = creates.slice(0, burst);
  result.deletes = deletes.slice(0, burst).map(podKey);
  return result;
}
