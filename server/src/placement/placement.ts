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
import { daemonPodsByNode, nodeInfoWithout, type PreparedNode, type PreparedPod, prepareInventory } from './prepare';
import { type ContainerPort, formatHostPort, getHostPorts } from './scheduler/hostports';
import * as nodeAffinityPlugin from './scheduler/nodeAffinity';
import * as nodeName from './scheduler/nodeName';
import * as nodePorts from './scheduler/nodePorts';
import * as nodeResourcesFit from './scheduler/nodeResourcesFit';
import * as nodeUnschedulable from './scheduler/nodeUnschedulable';
import type { Resource } from './resources';
import { doNotScheduleTaintsFilter, finiteNoExecuteTolerations, findMatchingUntoleratedTaint, formatTaint } from './tolerations';
import type { EvictionWarning, Inventory, NodePlacement, PlacementReason, PlacementResult, Taint, Verdict } from './types';

export interface PlacementOptions {
  gates?: Partial<FeatureGates> | null;
  /** kube-scheduler NodeResourcesFit args. */
  fitArgs?: nodeResourcesFit.FitArgs;
}

const NO_PODS: PreparedPod[] = [];

/** The controller's wording for an untolerated taint (the scheduler's 1.36 status omits the taint). */
export function untoleratedTaintMessage(t: Taint): string {
  return `node(s) had untolerated taint ${formatTaint(t)}`;
}

/** Everything about the created daemon pod, computed once per DaemonSet. */
interface DaemonPodPlan {
  plan: DaemonSetPlan;
  selector: LabelSelector;
  /** The pod the controller creates (CreatePodTemplate), before node pinning. */
  pod: any;
  request: Resource;
  hostPorts: ContainerPort[];
  surge: boolean;
  /** Template spec.nodeName: the pod bypasses the scheduler (kubelet admits it directly). */
  bypassesScheduler: boolean;
}

function planDaemonPod(ds: any, opts: PlacementOptions): DaemonPodPlan {
  const plan = planDaemonSet(ds, opts.gates);
  const template = createPodTemplate(ds?.spec?.template);
  const pod = { metadata: { ...(template.metadata ?? {}), namespace: ds?.metadata?.namespace }, spec: template.spec };
  return {
    plan,
    selector: labelSelectorAsSelector(ds?.spec?.selector),
    pod,
    request: nodeResourcesFit.computePodResourceRequest(pod, {
      enablePodLevelResources: plan.gates.PodLevelResources,
      enableSidecarContainers: plan.gates.SidecarContainers,
      // Pod defaulting copies limits into missing requests when the pod is created.
      defaultRequestsFromLimits: true,
    }),
    hostPorts: getHostPorts(pod, true),
    surge: allowsSurge(ds),
    bypassesScheduler: !!ds?.spec?.template?.spec?.nodeName,
  };
}

/** Why the controller creates no pod on the node: every failing controller check, in its order. */
function controllerReasons(dp: DaemonPodPlan, node: any, decision: ShouldRunDecision): PlacementReason[] {
  const reasons: PlacementReason[] = [];
  const { plan } = dp;
  const name = node?.metadata?.name ?? '';
  if (plan.templateNodeName && plan.templateNodeName !== name) {
    reasons.push({ predicate: 'NodeName', message: nodeName.ErrReason, code: 'UnschedulableAndUnresolvable', detail: `spec.template.spec.nodeName is ${plan.templateNodeName}` });
    return reasons;
  }
  const affinity = plan.affinity;
  if (!affinity.match(node).match) {
    const sel = affinity.nodeSelectorMismatch(node);
    if (sel) {
      reasons.push({
        predicate: 'NodeAffinity',
        message: nodeAffinityPlugin.ErrReasonPod,
        code: 'UnschedulableAndUnresolvable',
        selector: { kind: 'nodeSelector', ...sel },
        detail: sel.have === undefined ? `nodeSelector ${sel.key}=${sel.want}: node has no label ${sel.key}` : `nodeSelector ${sel.key}=${sel.want}: node has ${sel.key}=${sel.have}`,
      });
    } else if (affinity.nodeSelector) {
      const terms = affinity.nodeSelector.explainMismatch(node);
      const parseErrors = affinity.nodeSelector.terms.flatMap((t) => t.parseErrors);
      reasons.push({
        predicate: 'NodeAffinity',
        message: nodeAffinityPlugin.ErrReasonPod,
        code: 'UnschedulableAndUnresolvable',
        selector: { kind: 'requiredAffinity', terms, ...(parseErrors.length ? { parseErrors } : {}) },
        detail:
          terms.length === 0
            ? 'requiredDuringSchedulingIgnoredDuringExecution has no usable nodeSelectorTerms (matches no node)'
            : `no required node affinity term matches: ${terms.map((t) => `(${t})`).join(' or ')}`,
      });
    }
  }
  const taint = findMatchingUntoleratedTaint(node?.spec?.taints, plan.tolerations, doNotScheduleTaintsFilter, plan.gates);
  if (taint) {
    reasons.push({
      predicate: 'TaintToleration',
      message: untoleratedTaintMessage(decision.untoleratedTaint ?? taint),
      code: 'UnschedulableAndUnresolvable',
      taint: taintOf(decision.untoleratedTaint ?? taint),
      detail: decision.shouldContinueRunning
        ? 'no new pod is created; an existing daemon pod would keep running (NoSchedule)'
        : decision.untoleratedTaint?.effect === 'NoExecute'
          ? 'no pod is created and an existing daemon pod would be deleted (NoExecute)'
          : undefined,
    });
  }
  return reasons;
}

function taintOf(t: Taint): { key: string; value?: string; effect: string } {
  return t.value === undefined || t.value === '' ? { key: t.key, effect: t.effect } : { key: t.key, value: t.value, effect: t.effect };
}

/** The scheduler filters the created pod still has to pass on its node (default profile order). */
function schedulerReasons(dp: DaemonPodPlan, pn: PreparedNode, ownPods: PreparedPod[], fitArgs: nodeResourcesFit.FitArgs): PlacementReason[] {
  const reasons: PlacementReason[] = [];
  const node = pn.node;
  const { plan } = dp;
  const pod = dp.pod;

  if (node?.spec?.unschedulable) {
    const unsched = nodeUnschedulable.filter(pod, node, plan.gates);
    if (unsched.code !== 'Success') reasons.push({ predicate: 'NodeUnschedulable', message: unsched.reasons[0], code: unsched.code });
  }
  if (dp.bypassesScheduler && !nodeName.fits(pod, node)) reasons.push({ predicate: 'NodeName', message: nodeName.ErrReason, code: 'UnschedulableAndUnresolvable' });
  // TaintToleration and NodeAffinity are not re-run: the created pod carries the same
  // tolerations and nodeSelector the controller just accepted, and its required affinity is
  // replaced by `metadata.name In [this node]` (ReplaceDaemonSetPodNodeNameNodeAffinity).

  // The node as the scheduler sees it when the new pod arrives: without this DaemonSet's old pod
  // (it is deleted first) unless maxSurge starts the new pod beside it.
  const info = !dp.surge && ownPods.length > 0 ? nodeInfoWithout(pn, ownPods) : pn.info;

  if (dp.hostPorts.length > 0) {
    const conflicts = nodePorts.conflictingPorts(dp.hostPorts, info);
    if (conflicts.length > 0) {
      reasons.push({
        predicate: 'NodePorts',
        message: nodePorts.ErrReason,
        code: 'Unschedulable',
        ports: conflicts.map(formatHostPort),
        detail: dp.surge && ownPods.some((p) => p.hostPorts.length > 0) ? 'maxSurge starts the new pod beside the old one, which holds the same host port' : undefined,
      });
    }
  }
  // A node object without status.allocatable is hand-written (kubelet always reports it):
  // resources cannot be judged, so the fit check is skipped rather than failing every pod.
  if (node?.status?.allocatable) {
    for (const r of nodeResourcesFit.fitsRequest(dp.request, info, fitArgs)) {
      reasons.push({
        predicate: 'NodeResourcesFit',
        message: r.reason,
        code: r.unresolvable ? 'UnschedulableAndUnresolvable' : 'Unschedulable',
        resource: { name: r.resourceName, requested: r.requested, used: r.used, capacity: r.capacity, unresolvable: r.unresolvable },
      });
    }
  }
  if (reasons.length > 0 && dp.bypassesScheduler) {
    for (const r of reasons) r.detail = [r.detail, 'spec.nodeName bypasses the scheduler: the kubelet rejects the pod (Failed) instead of leaving it Pending'].filter(Boolean).join('; ');
  }
  return reasons;
}

function evictionWarnings(dp: DaemonPodPlan, node: any): EvictionWarning[] {
  return finiteNoExecuteTolerations(node?.spec?.taints, dp.plan.tolerations, dp.plan.gates).map(({ taint, tolerationSeconds }) => ({
    taint: taintOf(taint),
    tolerationSeconds,
    message: `toleration with tolerationSeconds: ${tolerationSeconds} matches NoExecute taint ${formatTaint(taint)}: the daemon pod is evicted after ${tolerationSeconds}s and recreated by the controller, repeatedly`,
  }));
}

/** `computePlacement(daemonSet, inventory)`: a verdict per node plus a `kubectl get ds`-like summary. */
export function computePlacement(ds: any, inventory: Inventory, opts: PlacementOptions = {}): PlacementResult {
  const prepared = prepareInventory(inventory);
  const dp = planDaemonPod(ds, opts);
  const fitArgs = opts.fitArgs ?? {};
  const counts: Record<Verdict, number> = { runs: 0, excluded: 0, pending: 0 };
  const nodes: NodePlacement[] = [];
  let desired = 0;
  let current = 0;
  let ready = 0;
  let misscheduled = 0;
  const haveSelector = !dp.selector.nothing;
  const ownByNode = daemonPodsByNode(prepared, ds, dp.selector);

  for (const pn of prepared.nodes) {
    const node = pn.node;
    const decision = shouldRunOnNode(dp.plan, node);
    const ownPods = ownByNode[pn.index] ?? NO_PODS;
    let verdict: Verdict;
    let reasons: PlacementReason[];
    if (!decision.shouldRun) {
      verdict = 'excluded';
      reasons = controllerReasons(dp, node, decision);
    } else {
      reasons = schedulerReasons(dp, pn, ownPods, fitArgs);
      verdict = reasons.length > 0 ? 'pending' : 'runs';
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
    nodes,
  };
  if ((inventory.pods ?? []).length > 0) Object.assign(result, { current, ready, misscheduled });
  const messages: string[] = [];
  if (isEmptyLabelSelector(ds?.spec?.selector)) messages.push('This daemon set is selecting all pods. A non-empty selector is required.');
  else if (!haveSelector) messages.push('spec.selector is missing or invalid: the controller cannot find its pods');
  if (messages.length > 0) result.messages = messages;
  return result;
}
