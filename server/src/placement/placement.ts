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
  planDaemonSet,
  shouldRunOnNode,
  type ShouldRunDecision,
} from './controller';
import type { FeatureGates } from './featuregates';
import { isEmptyLabelSelector, labelSelectorAsSelector, type LabelSelector } from '../k8s/labels';
import { taintString } from '../k8s/taints';
import { preemptOnNode, type PreemptionOutcome, resolvableByPreemption } from './preemption';
import { daemonPodsByNode, nodeInfoWithout, type PreparedNode, type PreparedPod, prepareInventory } from './prepare';
import { priorityClassSet, resolvePodPriority, type ResolvedPriority } from './priority';
import { CONTROLLER_PLUGINS, DEFAULT_FILTER_PLUGINS, preFilter, type CycleState, type FilterPlugin, type FitArgs } from './scheduler';
import type { NodeInfo } from './scheduler/nodeinfo';
import { finiteNoExecuteTolerations } from './tolerations';
import type { EvictionWarning, Inventory, NodePlacement, PlacementReason, PlacementResult, Taint, Verdict } from './types';

export interface PlacementOptions {
  gates?: Partial<FeatureGates> | null;
  /** kube-scheduler NodeResourcesFit args. */
  fitArgs?: FitArgs;
  /**
   * PriorityClass objects beside the DaemonSet (e.g. in the same multi-document file): the pod's
   * class may be one of them. Classes the inventory already has win (they are what admission sees).
   */
  priorityClasses?: any[];
}

const NO_PODS: PreparedPod[] = [];

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
}

function planDaemonPod(ds: any, opts: PlacementOptions): DaemonPodPlan {
  const plan = planDaemonSet(ds, opts.gates);
  const template = createPodTemplate(ds?.spec?.template);
  const pod = { metadata: { ...(template.metadata ?? {}), namespace: ds?.metadata?.namespace }, spec: template.spec };
  const prefilter = { gates: plan.gates, fitArgs: opts.fitArgs };
  return {
    plan,
    selector: labelSelectorAsSelector(ds?.spec?.selector),
    controllerState: preFilter({ metadata: pod.metadata, spec: { ...pod.spec, nodeName: plan.templateNodeName } }, prefilter),
    // The created pod: Pod defaulting copies limits into missing requests; its required affinity
    // is replaced by `metadata.name In [this node]`, which passes on the node it is made for.
    podState: preFilter(pod, { ...prefilter, applyPodDefaults: true }),
    surge: allowsSurge(ds),
    bypassesScheduler: !!ds?.spec?.template?.spec?.nodeName,
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
 * The node as the scheduler sees it when the new pod arrives: without this DaemonSet's old pod
 * (it is deleted first) unless maxSurge starts the new pod beside it.
 */
function schedulerNodeInfo(dp: DaemonPodPlan, pn: PreparedNode, ownPods: PreparedPod[]): NodeInfo {
  return !dp.surge && ownPods.length > 0 ? nodeInfoWithout(pn, ownPods) : pn.info;
}

/** The scheduler filters the created pod has to pass on its node, in the default profile's order. */
function schedulerReasons(dp: DaemonPodPlan, pn: PreparedNode, ownPods: PreparedPod[]): PlacementReason[] {
  const info = schedulerNodeInfo(dp, pn, ownPods);
  const reasons = runPlugins(DEFAULT_FILTER_PLUGINS, dp.podState, info);
  for (const r of reasons) {
    if (r.predicate === 'NodePorts' && dp.surge && ownPods.some((p) => p.hostPorts.length > 0))
      r.detail = [r.detail, 'maxSurge starts the new pod beside the old one, which holds the same host port'].filter(Boolean).join('; ');
    if (dp.bypassesScheduler)
      r.detail = [r.detail, 'spec.nodeName bypasses the scheduler: the kubelet rejects the pod (Failed) instead of leaving it Pending']
        .filter(Boolean)
        .join('; ');
  }
  return reasons;
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
  const dp = planDaemonPod(ds, opts);
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
    let verdict: Verdict;
    let reasons: PlacementReason[];
    if (!decision.shouldRun) {
      verdict = 'excluded';
      reasons = controllerReasons(dp, pn, decision);
    } else {
      reasons = schedulerReasons(dp, pn, ownPods);
      verdict = reasons.length > 0 ? 'pending' : 'runs';
    }
    let preemption: PreemptionOutcome | undefined;
    if (verdict === 'pending' && resolvableByPreemption(reasons)) {
      if (mayPreempt) preemption = preemptOnNode(dp.podState, priority.priority!, schedulerNodeInfo(dp, pn, ownPods), reasons);
      else if (priority.priority === undefined) preemptionUnknown = true;
      if (preemption) {
        verdict = 'runs';
        reasons = [];
        preempting++;
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
    if (preemption) {
      placement.preempts = preemption.victims;
      placement.preemptedReasons = preemption.reasons;
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
