/**
 * The placement preview: for each node of an inventory, what the DaemonSet controller decides
 * (`NodeShouldRunDaemonPod`) and whether kube-scheduler can then bind the pod it creates
 * (spec/kubernetes-semantics.md, "Preview algorithm").
 */
import {
  allowsSurge,
  comparePodsByCreationTimestampAndPhase,
  createPodTemplate,
  type DaemonSetPlan,
  DefaultDaemonSetUniqueLabelKey,
  planDaemonSet,
  shouldRunOnNode,
  type ShouldRunDecision,
} from './controller';
import type { FeatureGates } from './featuregates';
import { isEmptyLabelSelector, labelSelectorAsSelector, type LabelSelector } from '../k8s/labels';
import { taintString } from '../k8s/taints';
import { t } from '../l10n';
import { preemptOnNode, type PreemptionOutcome, resolvableByPreemption } from './preemption';
import { daemonPodsByNode, nodeInfoWithout, type PreparedInventory, type PreparedNode, type PreparedPod, prepareInventory } from './prepare';
import { priorityClassSet, resolvePodPriority, type ResolvedPriority } from './priority';
import {
  CONTROLLER_PLUGINS,
  DEFAULT_FILTER_PLUGINS,
  failingPlugins,
  KUBELET_ADMIT_PLUGINS,
  preFilter,
  stateWithoutPods,
  type CycleState,
  type FilterPlugin,
  type FitArgs,
  type PluginFailure,
} from './scheduler';
import type { NodeInfo } from './scheduler/nodeinfo';
import { preEnqueue } from './scheduler/schedulingGates';
import { finiteNoExecuteTolerations } from './tolerations';
import type { EvictionWarning, Inventory, NodePlacement, PlacementReason, PlacementResult, Taint, Verdict } from './types';

/** `v1.DefaultSchedulerName`: what an empty spec.schedulerName defaults to. */
export const DefaultSchedulerName = 'default-scheduler';

/**
 * The `controller-revision-hash` the created pods carry: the hash of a ControllerRevision that the
 * preview cannot compute. A stand-in no existing pod carries, so a matchLabelKeys term on that key
 * matches no pod of an older revision (the new revision's pods do not exist yet).
 */
export const NEW_REVISION_HASH = '(new revision)';

export interface PlacementOptions {
  gates?: Partial<FeatureGates> | null;
  /** kube-scheduler NodeResourcesFit args. */
  fitArgs?: FitArgs;
  /**
   * PriorityClass objects beside the DaemonSet (e.g. in the same multi-document file): the pod's
   * class may be one of them. Classes the inventory already has win (they are what admission sees).
   */
  priorityClasses?: any[];
  /**
   * The schedulers the cluster runs (the spec.schedulerName values something picks up). Default:
   * `['default-scheduler']`. A pod naming another is never scheduled.
   */
  schedulerNames?: readonly string[];
}

const NO_PODS: PreparedPod[] = [];
const NO_REASONS: PlacementReason[] = Object.freeze([]) as unknown as PlacementReason[];
const NO_FAILURES: PluginFailure[] = Object.freeze([]) as unknown as PluginFailure[];

/** Everything about the daemon pod, computed once per DaemonSet. */
interface DaemonPodPlan {
  plan: DaemonSetPlan;
  selector: LabelSelector;
  /** PreFilter state of the pod NewPod evaluates a node with (the controller's own checks). */
  controllerState: CycleState;
  /** PreFilter state of the pod the controller creates (CreatePodTemplate, defaulted as the API server would). */
  podState: CycleState;
  surge: boolean;
  /** Template spec.nodeName: the pod bypasses the scheduler (kubelet admits it directly). */
  bypassesScheduler: boolean;
  /** The filters the created pod has to pass: the scheduler's, or the kubelet's when it bypasses the scheduler. */
  plugins: readonly FilterPlugin[];
  /**
   * Why no filter ever runs for the created pod, on any node: no scheduler of that name, or
   * scheduling gates (the first of the two that applies; the other follows in laterReasons).
   */
  blocked: PlacementReason[];
}

/**
 * The pod's spec.schedulerName names no scheduler the cluster runs: nothing ever binds it. Not a
 * Kubernetes message (Kubernetes says nothing at all: the pod just stays Pending without events).
 */
function unknownScheduler(podSpec: any, schedulerNames: readonly string[]): PlacementReason | undefined {
  const name = typeof podSpec?.schedulerName === 'string' && podSpec.schedulerName !== '' ? podSpec.schedulerName : DefaultSchedulerName;
  if (schedulerNames.includes(name)) return undefined;
  return {
    predicate: 'SchedulerName',
    message: t('no scheduler named "{0}" in this cluster: the pod is never scheduled', name),
    code: 'UnschedulableAndUnresolvable',
    detail: `spec.schedulerName: ${name}; schedulers running: ${schedulerNames.join(', ') || 'none'}; the pod stays Pending without a FailedScheduling event`,
  };
}

function planDaemonPod(ds: any, opts: PlacementOptions, prepared: PreparedInventory): DaemonPodPlan {
  const plan = planDaemonSet(ds, opts.gates);
  const template = createPodTemplate(ds?.spec?.template);
  const pod = { metadata: { ...(template.metadata ?? {}), namespace: ds?.metadata?.namespace }, spec: template.spec };
  const created = { ...pod, metadata: { ...pod.metadata, labels: { ...(pod.metadata.labels ?? {}), [DefaultDaemonSetUniqueLabelKey]: NEW_REVISION_HASH } } };
  const prefilter = { gates: plan.gates, fitArgs: opts.fitArgs };
  const bypassesScheduler = !!ds?.spec?.template?.spec?.nodeName;
  const blocked = [
    ...(bypassesScheduler ? [] : [unknownScheduler(pod.spec, opts.schedulerNames ?? [DefaultSchedulerName])]),
    preEnqueue(ds?.spec?.template?.spec),
  ].filter((r): r is PlacementReason => r !== undefined);
  return {
    plan,
    selector: labelSelectorAsSelector(ds?.spec?.selector),
    controllerState: preFilter({ metadata: pod.metadata, spec: { ...pod.spec, nodeName: plan.templateNodeName } }, prefilter),
    // The created pod: Pod defaulting copies limits into missing requests, matchLabelKeys merge
    // into its affinity terms; its required node affinity is replaced by `metadata.name In [this
    // node]`, which passes on the node it is made for. Inter-pod affinity counts over the inventory.
    podState: preFilter(created, { ...prefilter, applyPodDefaults: true, snapshot: prepared.affinity }),
    surge: allowsSurge(ds),
    bypassesScheduler,
    plugins: bypassesScheduler ? KUBELET_ADMIT_PLUGINS : DEFAULT_FILTER_PLUGINS,
    blocked,
  };
}

/** Every failure of the plugins in order (the first failing NodeName check stands alone, as the controller returns at once). */
function runPlugins(plugins: readonly FilterPlugin[], state: CycleState, info: NodeInfo): PlacementReason[] {
  const out: PlacementReason[] = [];
  for (const p of plugins) {
    const r = p.filter(state, info);
    if (r.failures.length === 0) continue;
    out.push(...r.failures);
    if (p.name === 'NodeName') break;
  }
  return out;
}

/** Why the controller creates no pod on the node, worded by the scheduler plugins that check the same. */
function controllerReasons(dp: DaemonPodPlan, pn: PreparedNode, decision: ShouldRunDecision): PlacementReason[] {
  const reasons = runPlugins(CONTROLLER_PLUGINS, dp.controllerState, pn.info);
  for (const r of reasons) {
    if (r.predicate !== 'TaintToleration') continue;
    // The controller looks for an untolerated NoExecute taint first: it decides whether a running pod stays.
    const t = decision.untoleratedTaint;
    if (t) r.taint = taintOf(t);
    r.detail = [
      `untolerated taint ${taintString(r.taint!)}`,
      decision.shouldContinueRunning
        ? 'no new pod is created; an existing daemon pod would keep running (NoSchedule)'
        : t?.effect === 'NoExecute'
          ? 'no pod is created and an existing daemon pod would be deleted (NoExecute)'
          : undefined,
    ]
      .filter(Boolean)
      .join('; ');
  }
  return reasons;
}

function taintOf(t: Taint): { key: string; value?: string; effect: string } {
  return t.value === undefined || t.value === '' ? { key: t.key, effect: t.effect } : { key: t.key, value: t.value, effect: t.effect };
}

/**
 * The pod's PreFilter state as the scheduler has it when the new pod arrives: without this
 * DaemonSet's old pods on the node (they are deleted first) unless maxSurge starts the new pod
 * beside them. Only inter-pod affinity counts pods there: without terms to count, the state stays
 * as it is. (The node's NodeInfo without them is prepare.ts's nodeInfoWithout.)
 */
function stateWithoutOwnPods(dp: DaemonPodPlan, ownPods: readonly PreparedPod[]): CycleState {
  const ipa = dp.podState.interPodAffinity;
  if (ipa.skip || ipa.parseError !== undefined) return dp.podState;
  return stateWithoutPods(
    dp.podState,
    ownPods.filter((p) => p.bound),
  );
}

/**
 * The filters the created pod has to pass on its node, in the default profile's order: `reasons`
 * the first failing plugin's failures (what the scheduler reports), `later` the rest. A pod no
 * filter ever sees (unknown scheduler, scheduling gates) has that as its one reason and every
 * filter failure later. Called for the nodes where something fails.
 */
function schedulerReasons(
  dp: DaemonPodPlan,
  ownPods: PreparedPod[],
  failing: readonly PluginFailure[],
): { reasons: PlacementReason[]; later: PlacementReason[] } {
  for (const r of failing.flatMap((f) => f.failures)) {
    if (r.predicate === 'NodePorts' && dp.surge && ownPods.some((p) => p.hostPorts.length > 0))
      r.detail = [r.detail, 'maxSurge starts the new pod beside the old one, which holds the same host port'].filter(Boolean).join('; ');
    if (dp.bypassesScheduler)
      r.detail = [r.detail, 'spec.nodeName bypasses the scheduler: the kubelet rejects the pod (Failed) instead of leaving it Pending']
        .filter(Boolean)
        .join('; ');
  }
  if (dp.blocked.length > 0)
    return { reasons: [{ ...dp.blocked[0] }], later: [...dp.blocked.slice(1).map((r) => ({ ...r })), ...failing.flatMap((f) => f.failures)] };
  return { reasons: failing[0]?.failures ?? [], later: failing.slice(1).flatMap((f) => f.failures) };
}

function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/**
 * What results share on one inventory. A keystroke places the DaemonSet again, and most nodes read
 * exactly as before: the same explanation of why they are left out, or nothing at all where the
 * pod runs. Those NodePlacements are built once, frozen, and shared by the results on the
 * inventory (equal explanations are interned so that they compare by identity), so placing again
 * allocates little beyond the list of nodes, and the garbage collector has little to do. Nodes
 * with anything of their own (daemon pods, later reasons, preemption, eviction warnings, Pending)
 * get a fresh object every time.
 */
interface Shared {
  /** Frozen reason lists by their JSON. */
  reasons: Map<string, PlacementReason[]>;
  /** Forget the interned lists past this many (a bound on memory, not an expected number). */
  maxReasons: number;
  /** By node index: the node where the pod simply runs. */
  runs: (NodePlacement | undefined)[];
  /** By node index: the node as last left out (reused while it is left out for the same reasons). */
  excluded: (NodePlacement | undefined)[];
}

const sharedByInventory = new WeakMap<PreparedInventory, Shared>();

function sharedOf(prepared: PreparedInventory): Shared {
  let shared = sharedByInventory.get(prepared);
  if (!shared) {
    const n = prepared.nodes.length;
    // Arrays of the inventory's length up front: filled out of order, they stay arrays (not dictionaries).
    shared = { reasons: new Map(), maxReasons: Math.max(2000, 2 * n), runs: new Array(n), excluded: new Array(n) };
    sharedByInventory.set(prepared, shared);
  }
  return shared;
}

/** The one frozen list with this content (the list given, frozen, when it is the first). */
function intern(shared: Shared, reasons: PlacementReason[]): PlacementReason[] {
  const key = JSON.stringify(reasons);
  const hit = shared.reasons.get(key);
  if (hit) return hit;
  if (shared.reasons.size >= shared.maxReasons) shared.reasons.clear();
  shared.reasons.set(key, deepFreeze(reasons));
  return reasons;
}

/**
 * What the controller decides for a node, and how the node-level filters judge the created pod
 * there: the same for every node of a class (see `nodeClasses`).
 */
interface NodeClass {
  decision: ShouldRunDecision;
  /** Left out: the controller's reasons, interned. */
  excluded: PlacementReason[] | undefined;
  /** The pod may run: the filters that read only the node object (`nodeClass` plugins) pass, so per node only the others run. */
  classPasses: boolean;
}

/**
 * Nodes the controller and the node-level filters cannot tell apart: the same kind (node object
 * present, spec.unschedulable, taints; prepare.ts) and the same values of the labels the node
 * selector and affinity read. A node's name is read only where the template names a node or an
 * affinity term has matchFields: then every node is its own class. Each class is decided and
 * explained once, on its first node: a GPU plugin leaves thousands of nodes out for the same
 * instance-type label, and they share one decision and one list of reasons.
 */
function nodeClasses(dp: DaemonPodPlan, prepared: PreparedInventory, shared: Shared): (pn: PreparedNode) => NodeClass {
  const affinities = [dp.plan.affinity, dp.controllerState.affinity, dp.podState.affinity];
  const keys = [...new Set(affinities.flatMap((a) => a.explainedKeys().labels))];
  const byName =
    dp.plan.templateNodeName !== '' || dp.controllerState.nodeName !== '' || dp.podState.nodeName !== '' || affinities.some((a) => a.explainedKeys().name);
  const values = keys.map((k) => prepared.labelValues(k));
  // A class number per node: the kind, then each label's value (absent = 0) in mixed radix. With
  // too many combinations (labels with a value per node), every node is its own class.
  let radix = prepared.nodeKindCount;
  for (const v of values) radix *= v.count + 1;
  // Class numbers below 2^30 stay small integers (no boxed number per node for the Map lookup).
  const perNode = byName || radix > 2 ** 30;
  const kinds = prepared.nodeKind;
  const ids = values.map((v) => v.ids);
  const radices = values.map((v) => v.count + 1);
  const classes = new Map<number, NodeClass>();
  const classPlugins = dp.plugins.filter((p) => p.nodeClass);
  return function classOf(pn: PreparedNode): NodeClass {
    const i = pn.index;
    let id = i;
    if (!perNode) {
      id = kinds[i];
      for (let k = 0; k < ids.length; k++) id = (id * radices[k] + ids[k][i] + 1) | 0;
    }
    let c = classes.get(id);
    if (!c) classes.set(id, (c = decideClass(dp, pn, classPlugins, shared)));
    return c;
  };
}

/** A class decided and explained on one of its nodes (kept apart from the lookup: its closures would cost every node). */
function decideClass(dp: DaemonPodPlan, pn: PreparedNode, classPlugins: readonly FilterPlugin[], shared: Shared): NodeClass {
  const decision = shouldRunOnNode(dp.plan, pn.node);
  // One shape for every class (the loop reads them all alike).
  if (!decision.shouldRun) return { decision, excluded: intern(shared, controllerReasons(dp, pn, decision)), classPasses: false };
  return { decision, excluded: undefined, classPasses: classPlugins.every((p) => p.filter(dp.podState, pn.info).failures.length === 0) };
}

function evictionWarnings(dp: DaemonPodPlan, pn: PreparedNode): EvictionWarning[] | undefined {
  if (!pn.noExecute) return undefined;
  const found = finiteNoExecuteTolerations(pn.summary.taints, dp.plan.tolerations, dp.plan.gates);
  if (found.length === 0) return undefined;
  return found.map(({ taint, tolerationSeconds }) => ({
    taint: taintOf(taint),
    tolerationSeconds,
    message: `toleration with tolerationSeconds: ${tolerationSeconds} matches NoExecute taint ${taintString(taint)}: the daemon pod is evicted after ${tolerationSeconds}s and recreated by the controller, repeatedly`,
  }));
}

/** A node's placement, its summary written out rather than spread: one object of one shape per node, built fast. */
function nodePlacement(
  pn: PreparedNode,
  verdict: Verdict,
  existingPod: NodePlacement['existingPod'],
  reasons: PlacementReason[],
  decision: ShouldRunDecision,
  daemonPods: number,
): NodePlacement {
  const summary = pn.summary;
  return {
    name: pn.name,
    verdict,
    existingPod,
    reasons,
    shouldRun: decision.shouldRun,
    shouldContinueRunning: decision.shouldContinueRunning,
    roles: summary.roles,
    os: summary.os,
    arch: summary.arch,
    zone: summary.zone,
    ready: summary.ready,
    unschedulable: summary.unschedulable,
    labels: summary.labels,
    taints: summary.taints,
    daemonPods,
  };
}

/** What the per-node loop counts besides the nodes (kubectl get ds's columns, preemption). */
interface Tally {
  counts: Record<Verdict, number>;
  desired: number;
  current: number;
  ready: number;
  misscheduled: number;
  preempting: number;
  /** Some node's pod could preempt, but its priority is unknown (a class the inventory does not list). */
  preemptionUnknown: boolean;
}

/**
 * The verdict on every node. Kept apart from computePlacement, which reads the DaemonSet object
 * itself (a new shape on every kind of edit): this loop sees only the engine's own objects, so
 * the optimizer's work on it survives from one keystroke to the next.
 */
function placeNodes(
  dp: DaemonPodPlan,
  prepared: PreparedInventory,
  ownByNode: readonly (PreparedPod[] | undefined)[],
  priority: number | undefined,
  mayPreempt: boolean,
  nodes: NodePlacement[],
): Tally {
  const tally: Tally = {
    counts: { runs: 0, excluded: 0, pending: 0 },
    desired: 0,
    current: 0,
    ready: 0,
    misscheduled: 0,
    preempting: 0,
    preemptionUnknown: false,
  };
  const counts = tally.counts;
  const shared = sharedOf(prepared);
  const classOf = nodeClasses(dp, prepared, shared);
  // The filters to run per node where the node-level ones pass: PreFilter's Skip (nothing to check for this pod) left out too.
  const perNodePlugins = dp.plugins.filter((p) => !p.nodeClass && !p.skips?.(dp.podState));

  // Indexed loops on the per-node path: no iterator objects even before the optimizer has run.
  const inventoryNodes = prepared.nodes;
  for (let i = 0; i < inventoryNodes.length; i++) {
    const pn = inventoryNodes[i];
    const nodeClass = classOf(pn);
    const decision = nodeClass.decision;
    const ownPods = ownByNode[i] ?? NO_PODS;
    let preempted: PreemptionOutcome | undefined;
    let verdict: Verdict;
    let reasons: PlacementReason[];
    let later: PlacementReason[] = NO_REASONS;
    if (!decision.shouldRun) {
      verdict = 'excluded';
      reasons = nodeClass.excluded!;
    } else {
      // Every other node is judged on the shared NodeInfo and state; a node with the DaemonSet's old pods without them.
      const replaces = !dp.surge && ownPods.length > 0;
      const info = replaces ? nodeInfoWithout(pn, ownPods) : pn.info;
      const state = replaces ? stateWithoutOwnPods(dp, ownPods) : dp.podState;
      // Where the node-level filters pass, the others decide; where anything fails, every filter runs again, in the profile's order.
      let failing = nodeClass.classPasses ? failingPlugins(perNodePlugins, state, info) : NO_FAILURES;
      if (failing.length > 0 || !nodeClass.classPasses) failing = failingPlugins(dp.plugins, state, info);
      if (failing.length === 0 && dp.blocked.length === 0) {
        verdict = 'runs';
        reasons = NO_REASONS;
      } else {
        ({ reasons, later } = schedulerReasons(dp, ownPods, failing));
        verdict = reasons.length > 0 ? 'pending' : 'runs';
        // Preemption weighs every failure: it re-runs all the filters on the node without its victims.
        const all = later.length > 0 ? [...reasons, ...later] : reasons;
        if (verdict === 'pending' && resolvableByPreemption(all)) {
          let preemption: PreemptionOutcome | undefined;
          if (mayPreempt) preemption = preemptOnNode(state, priority!, info, all, dp.plugins);
          else if (priority === undefined) tally.preemptionUnknown = true;
          if (preemption) {
            verdict = 'runs';
            reasons = NO_REASONS;
            later = NO_REASONS;
            tally.preempting++;
            preempted = preemption;
          }
        }
      }
    }
    counts[verdict]++;

    const scheduled = ownPods.length > 0;
    if (decision.shouldRun) {
      tally.desired++;
      if (scheduled) {
        tally.current++;
        const oldest = ownPods.length === 1 ? ownPods[0] : [...ownPods].sort((a, b) => comparePodsByCreationTimestampAndPhase(a.pod, b.pod))[0];
        if (oldest.ready) tally.ready++;
      }
    } else if (scheduled) tally.misscheduled++;

    // Eviction warnings depend on the tolerations: computed first, so that a node with some is never a shared object.
    const warnings = decision.shouldRun || (scheduled && decision.shouldContinueRunning) ? evictionWarnings(dp, pn) : undefined;
    // A node that reads as it read before is the object it was (see Shared): nothing but the verdict, its reasons and the daemon pods counted.
    const existingPod = scheduled ? (decision.shouldContinueRunning ? 'kept' : 'evicted') : 'none';
    const plain = later.length === 0 && !preempted && !warnings;
    const reusable = plain && (verdict === 'runs' ? reasons === NO_REASONS : verdict === 'excluded');
    if (reusable) {
      const before = verdict === 'runs' ? shared.runs[i] : shared.excluded[i];
      if (
        before &&
        before.reasons === reasons &&
        before.shouldContinueRunning === decision.shouldContinueRunning &&
        before.existingPod === existingPod &&
        before.daemonPods === ownPods.length
      ) {
        nodes[i] = before;
        continue;
      }
    }
    const placement = nodePlacement(pn, verdict, existingPod, reasons, decision, ownPods.length);
    if (later.length > 0) placement.laterReasons = later;
    if (preempted) {
      placement.preempts = preempted.victims;
      placement.preemptedReasons = preempted.reasons;
    }
    if (warnings) placement.evictionWarnings = warnings;
    // Excluded nodes' reasons are interned (nodeClasses): equal explanations are the same list.
    if (reusable) (verdict === 'runs' ? shared.runs : shared.excluded)[i] = Object.freeze(placement);
    nodes[i] = placement;
  }
  return tally;
}

/** `computePlacement(daemonSet, inventory)`: a verdict per node plus a `kubectl get ds`-like summary. */
export function computePlacement(ds: any, inventory: Inventory, opts: PlacementOptions = {}): PlacementResult {
  const prepared = prepareInventory(inventory);
  const dp = planDaemonPod(ds, opts, prepared);
  const haveSelector = !dp.selector.nothing;
  const ownByNode = daemonPodsByNode(prepared, ds, dp.selector);
  // The created pod's priority as admission resolves it; DefaultPreemption runs for pods that may preempt.
  const classes = opts.priorityClasses?.length ? priorityClassSet(inventory.priorityClasses, opts.priorityClasses) : prepared.priorityClasses;
  const priority: ResolvedPriority = resolvePodPriority(ds?.spec?.template?.spec, classes);
  const mayPreempt = priority.priority !== undefined && priority.preemptionPolicy !== 'Never' && !dp.bypassesScheduler;
  // Sized up front: one slot per inventory node, each written once.
  const nodes: NodePlacement[] = new Array(prepared.nodes.length);
  const tally = placeNodes(dp, prepared, ownByNode, priority.priority, mayPreempt, nodes);

  const result: PlacementResult = {
    inventory: { source: inventory.source, name: inventory.name, nodes: prepared.nodes.length },
    desired: tally.desired,
    counts: tally.counts,
    preempting: tally.preempting,
    nodes,
  };
  if ((inventory.pods ?? []).length > 0) Object.assign(result, { current: tally.current, ready: tally.ready, misscheduled: tally.misscheduled });
  const messages: string[] = [];
  if (isEmptyLabelSelector(ds?.spec?.selector)) messages.push('This daemon set is selecting all pods. A non-empty selector is required.');
  else if (!haveSelector) messages.push('spec.selector is missing or invalid: the controller cannot find its pods');
  // Admission's own errors always (the pod would be rejected); a class the inventory does not list only where preemption hinges on it.
  if (priority.error && (classes.known || tally.preemptionUnknown)) messages.push(priority.error);
  if (messages.length > 0) result.messages = messages;
  return result;
}
