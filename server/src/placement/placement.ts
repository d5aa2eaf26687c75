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
 * The cluster as the scheduler sees it when the new pod arrives: without this DaemonSet's old pod
 * on the node (it is deleted first) unless maxSurge starts the new pod beside it. Both the node's
 * NodeInfo and the pod's PreFilter state (inter-pod affinity counted the old pod) leave it out.
 */
function schedulerView(dp: DaemonPodPlan, pn: PreparedNode, ownPods: PreparedPod[]): { info: NodeInfo; state: CycleState } {
  if (dp.surge || ownPods.length === 0) return { info: pn.info, state: dp.podState };
  return {
    info: nodeInfoWithout(pn, ownPods),
    state: stateWithoutPods(
      dp.podState,
      ownPods.filter((p) => p.bound),
    ),
  };
}

/**
 * The filters the created pod has to pass on its node, in the default profile's order: `reasons`
 * the first failing plugin's failures (what the scheduler reports), `later` the rest. A pod no
 * filter ever sees (unknown scheduler, scheduling gates) has that as its one reason and every
 * filter failure later.
 */
function schedulerReasons(
  dp: DaemonPodPlan,
  ownPods: PreparedPod[],
  view: { info: NodeInfo; state: CycleState },
): { reasons: PlacementReason[]; later: PlacementReason[] } {
  const failing = failingPlugins(dp.plugins, view.state, view.info);
  if (failing.length === 0 && dp.blocked.length === 0) return { reasons: [], later: NO_REASONS };
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

function evictionWarnings(dp: DaemonPodPlan, node: any): EvictionWarning[] {
  return finiteNoExecuteTolerations(node?.spec?.taints, dp.plan.tolerations, dp.plan.gates).map(({ taint, tolerationSeconds }) => ({
    taint: taintOf(taint),
    tolerationSeconds,
    message: `toleration with tolerationSeconds: ${tolerationSeconds} matches NoExecute taint ${taintString(taint)}: the daemon pod is evicted after ${tolerationSeconds}s and recreated by the controller, repeatedly`,
  }));
}

/** `computePlacement(daemonSet, inventory)`: a verdict per node plus a `kubectl get ds`-like summary. */
export function computePlacement(ds: any, inventory: Inventory, opts: PlacementOptions = {}): PlacementResult {
  const prepared = prepareInventory(inventory);
  const dp = planDaemonPod(ds, opts, prepared);
  const counts: Record<Verdict, number> = { runs: 0, excluded: 0, pending: 0 };
  const nodes: NodePlacement[] = [];
  let desired = 0;
  let current = 0;
  let ready = 0;
  let misscheduled = 0;
  const haveSelector = !dp.selector.nothing;
  const ownByNode = daemonPodsByNode(prepared, ds, dp.selector);
  // The created pod's priority as admission resolves it; DefaultPreemption runs for pods that may preempt.
  const classes = opts.priorityClasses?.length ? priorityClassSet(inventory.priorityClasses, opts.priorityClasses) : prepared.priorityClasses;
  const priority: ResolvedPriority = resolvePodPriority(ds?.spec?.template?.spec, classes);
  const mayPreempt = priority.priority !== undefined && priority.preemptionPolicy !== 'Never' && !dp.bypassesScheduler;
  let preempting = 0;
  let preemptionUnknown = false;

  for (const pn of prepared.nodes) {
    const node = pn.node;
    const decision = shouldRunOnNode(dp.plan, node);
    const ownPods = ownByNode[pn.index] ?? NO_PODS;
    let preempted: PreemptionOutcome | undefined;
    let verdict: Verdict;
    let reasons: PlacementReason[];
    let later: PlacementReason[] = [];
    if (!decision.shouldRun) {
      verdict = 'excluded';
      reasons = controllerReasons(dp, pn, decision);
    } else {
      const view = schedulerView(dp, pn, ownPods);
      ({ reasons, later } = schedulerReasons(dp, ownPods, view));
      verdict = reasons.length > 0 ? 'pending' : 'runs';
      // Preemption weighs every failure: it re-runs all the filters on the node without its victims.
      const all = later.length > 0 ? [...reasons, ...later] : reasons;
      if (verdict === 'pending' && resolvableByPreemption(all)) {
        let preemption: PreemptionOutcome | undefined;
        if (mayPreempt) preemption = preemptOnNode(view.state, priority.priority!, view.info, all, dp.plugins);
        else if (priority.priority === undefined) preemptionUnknown = true;
        if (preemption) {
          verdict = 'runs';
          reasons = [];
          later = [];
          preempting++;
          preempted = preemption;
        }
      }
    }
    counts[verdict]++;

    const scheduled = ownPods.length > 0;
    if (decision.shouldRun) {
      desired++;
      if (scheduled) {
        current++;
        const oldest = ownPods.length === 1 ? ownPods[0] : [...ownPods].sort((a, b) => comparePodsByCreationTimestampAndPhase(a.pod, b.pod))[0];
        if (oldest.ready) ready++;
      }
    } else if (scheduled) misscheduled++;

    const placement: NodePlacement = {
      name: pn.name,
      verdict,
      existingPod: !scheduled ? 'none' : decision.shouldContinueRunning ? 'kept' : 'evicted',
      reasons,
      shouldRun: decision.shouldRun,
      shouldContinueRunning: decision.shouldContinueRunning,
      ...pn.summary,
      daemonPods: ownPods.length,
    };
    if (later.length > 0) placement.laterReasons = later;
    if (preempted) {
      placement.preempts = preempted.victims;
      placement.preemptedReasons = preempted.reasons;
    }
    if ((decision.shouldRun || (scheduled && decision.shouldContinueRunning)) && pn.summary.taints.length > 0) {
      const warnings = evictionWarnings(dp, node);
      if (warnings.length > 0) placement.evictionWarnings = warnings;
    }
    nodes.push(placement);
  }

  const result: PlacementResult = {
    inventory: { source: inventory.source, name: inventory.name, nodes: prepared.nodes.length },
    desired,
    counts,
    preempting,
    nodes,
  };
  if ((inventory.pods ?? []).length > 0) Object.assign(result, { current, ready, misscheduled });
  const messages: string[] = [];
  if (isEmptyLabelSelector(ds?.spec?.selector)) messages.push('This daemon set is selecting all pods. A non-empty selector is required.');
  else if (!haveSelector) messages.push('spec.selector is missing or invalid: the controller cannot find its pods');
  // Admission's own errors always (the pod would be rejected); a class the inventory does not list only where preemption hinges on it.
  if (priority.error && (classes.known || preemptionUnknown)) messages.push(priority.error);
  if (messages.length > 0) result.messages = messages;
  return result;
}
