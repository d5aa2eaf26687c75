/**
 * Conformance handlers for the placement, affinity and toleration ops of
 * shared/conformance/k8s-cases.json. Each handler runs the real engine functions and then checks
 * every expectation key of the case; an expectation key it does not know is a failure.
 */
import { isDeepStrictEqual } from 'node:util';
import { getTargetNodeName, nodeShouldRunDaemonPod, replaceDaemonSetPodNodeNameNodeAffinity, syncDaemonSet } from '../../server/src/placement/controller';
import { featureGates } from '../../server/src/placement/featuregates';
import { selectorString } from '../../server/src/k8s/labels';
import {
  getRequiredNodeAffinity,
  matchNodeSelectorTerms,
  newNodeSelector,
  nodeSelectorRequirementsAsSelector,
  PreferredSchedulingTerms,
} from '../../server/src/placement/nodeaffinity';
import { DEFAULT_FILTER_PLUGINS, preFilter, type FilterPlugin } from '../../server/src/placement/scheduler';
import { affinitySnapshotOf } from '../../server/src/placement/prepare';
import { newNodeInfo } from '../../server/src/placement/scheduler/nodeinfo';
import { insufficientResourcesOf } from '../../server/src/placement/scheduler/nodeResourcesFit';
import { compareNumericValues, findMatchingUntoleratedTaint, type TaintFilter, toleratesTaint } from '../../server/src/placement/tolerations';
import type { ConformanceCase, OpHandler } from './types';

type Got = Record<string, unknown>;
type Comparators = Record<string, (expected: unknown, got: unknown, c: ConformanceCase) => boolean>;

/** Compares every expectation key; `got` must provide each one (or a comparator decides). */
function check(c: ConformanceCase, got: Got, comparators: Comparators = {}): ReturnType<OpHandler> {
  const mismatched: Record<string, unknown> = {};
  const expected: Record<string, unknown> = {};
  for (const [key, want] of Object.entries(c.expect)) {
    const cmp = comparators[key];
    const ok = cmp ? cmp(want, got[key], c) : key in got && isDeepStrictEqual(got[key], want);
    if (!ok) {
      expected[key] = want;
      mismatched[key] = key in got ? got[key] : '<not computed>';
    }
  }
  return Object.keys(mismatched).length === 0 ? null : { expected, got: mismatched };
}

const ignore = () => true;

/** Scheduler filter results → the corpus' fits/status/reason(s) keys. */
function filterGot(status: { code: string; reasons: string[] }, extra: Got = {}): Got {
  const fits = status.code === 'Success';
  const got: Got = { fits, ...extra };
  if (!fits) {
    got.status = status.code;
    got.reasons = status.reasons;
    got.reason = status.reasons[0];
  }
  return got;
}

/**
 * A scheduler Filter case: the pod's PreFilter state over the cluster (the node and the pods
 * already on it, which inter-pod affinity counts), the node's NodeInfo, then the plugin itself,
 * taken from the default profile's list the preview runs. A PreFilter rejection is the status.
 */
function schedulerFilter(plugin: FilterPlugin, c: ConformanceCase): ReturnType<OpHandler> {
  const node = c.input.node ?? { metadata: { name: c.input.pod?.spec?.nodeName } };
  const podsOnNode: any[] = c.input.podsOnNode ?? [];
  const bound = podsOnNode.map((p) => (p?.spec?.nodeName ? p : { ...p, spec: { ...(p?.spec ?? {}), nodeName: node?.metadata?.name } }));
  const snapshot = affinitySnapshotOf([node], bound, c.input.namespaces);
  const state = preFilter(c.input.pod, { gates: c.featureGates, fitArgs: c.input.schedulerArgs ?? {}, snapshot });
  const status = plugin.preFilterStatus?.(state) ?? plugin.filter(state, newNodeInfo(node, podsOnNode));
  const insufficientResources = insufficientResourcesOf(status);
  return check(c, filterGot(status, { insufficientResources }), {
    ...reasonComparators,
    // Go builds the list from a map for scalar resources: order is not part of the contract.
    reasons: (want, got) => isDeepStrictEqual([...(want as string[])].sort(), [...((got as string[]) ?? [])].sort()),
    insufficientResources: (want, got) => {
      const key = (r: any) => r.resourceName;
      const sort = (l: any[]) => [...l].sort((a, b) => (key(a) < key(b) ? -1 : 1));
      return isDeepStrictEqual(sort(want as any[]), sort((got as any[]) ?? []));
    },
  });
}

const reasonComparators: Comparators = {
  reason: (want, got, c) => (c.expect.fits === true ? got === undefined : got === want),
  status: (want, got) => got === want,
};

/** `a in (x,y)`: the value set's order is irrelevant (Go sorts it when printing). */
function normaliseSelector(s: unknown): unknown {
  if (typeof s !== 'string') return s;
  return s.replace(/\(([^()]*)\)/g, (_m, vals: string) => `(${vals.split(',').sort().join(',')})`);
}

/** The corpus' `filter` field for FindMatchingUntoleratedTaint. */
function taintFilter(f: unknown): TaintFilter | null {
  if (f === null || f === undefined || f === 'all') return null;
  if (f === 'none') return () => false;
  if (typeof f === 'object' && Array.isArray((f as any).effects)) {
    const effects = new Set<string>((f as any).effects);
    return (t) => effects.has(t.effect);
  }
  throw new Error(`unknown taint filter ${JSON.stringify(f)}`);
}

/** Expands the corpus' compact pod groups (`{node, count, labels, ownerIsThisDaemonSet, …}`) into Pods. */
function expandPods(ds: any, groups: any[] | undefined): any[] {
  const pods: any[] = [];
  let seq = 0;
  for (const g of groups ?? []) {
    for (let i = 0; i < (g.count ?? 1); i++) {
      seq++;
      const metadata: any = {
        name: `${g.node ?? 'unscheduled'}-pod-${seq}`,
        namespace: ds?.metadata?.namespace,
        labels: { ...(g.labels ?? {}) },
        creationTimestamp: new Date(Date.UTC(2024, 0, 1, 0, 0, seq)).toISOString(),
      };
      if (g.ownerIsThisDaemonSet) metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds?.metadata?.name, controller: true }];
      if (g.deletionTimestamp) metadata.deletionTimestamp = '2024-01-01T01:00:00Z';
      const spec = { ...(g.spec ?? {}) };
      // A group whose spec pins the pod by affinity describes a pod not yet bound (Pending).
      const pinnedByAffinity = !!spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
      if (g.node && !spec.nodeName && !pinnedByAffinity && g.scheduled !== false) spec.nodeName = g.node;
      if (g.node && !spec.nodeName && !pinnedByAffinity) spec.affinity = replaceDaemonSetPodNodeNameNodeAffinity(spec.affinity, g.node);
      const status: any = { ...(g.status ?? {}) };
      if (g.phase) status.phase = g.phase;
      if (g.ready !== undefined) status.conditions = [{ type: 'Ready', status: g.ready ? 'True' : 'False' }];
      pods.push({ metadata, spec, status });
    }
  }
  return pods;
}

export const placementOps: Record<string, OpHandler> = {
  NodeShouldRunDaemonPod: (c) => {
    const r = nodeShouldRunDaemonPod(c.input.node, c.input.daemonSet, c.featureGates);
    return check(c, { shouldRun: r.shouldRun, shouldContinueRunning: r.shouldContinueRunning });
  },

  syncDaemonSet: (c) => {
    const ds = c.input.daemonSet;
    const r = syncDaemonSet(ds, c.input.nodes ?? [], expandPods(ds, c.input.pods), { gates: c.featureGates });
    const eligible = Object.entries(r.perNode)
      .filter(([, d]) => d.shouldRun)
      .map(([n]) => n);
    const perNode: Got = {};
    for (const [n, d] of Object.entries(r.perNode)) perNode[n] = { shouldRun: d.shouldRun, shouldContinueRunning: d.shouldContinueRunning };
    return check(
      c,
      { creates: r.creates.length, deletes: r.deletes.length, eligibleNodes: eligible, perNode, events: r.events.length, eventReason: r.events[0]?.reason },
      {
        eligibleNodes: (want, got) => isDeepStrictEqual([...(want as string[])].sort(), [...(got as string[])].sort()),
        perNode: (want, got) => Object.entries(want as Got).every(([n, d]) => isDeepStrictEqual((got as Got)[n], d)),
      },
    );
  },

  ReplaceDaemonSetPodNodeNameNodeAffinity: (c) => check(c, { affinity: replaceDaemonSetPodNodeNameNodeAffinity(c.input.affinity, c.input.nodeName) }),

  GetTargetNodeName: (c) => {
    const r = getTargetNodeName(c.input.pod);
    return check(c, 'nodeName' in r ? { nodeName: r.nodeName, error: false } : { error: true });
  },

  ...Object.fromEntries(DEFAULT_FILTER_PLUGINS.map((plugin) => [`scheduler.${plugin.name}.Filter`, (c: ConformanceCase) => schedulerFilter(plugin, c)])),

  'RequiredNodeAffinity.Match': (c) => {
    const r = getRequiredNodeAffinity(c.input.pod).match(c.input.node);
    return check(c, { match: r.match, parseError: r.errors.length > 0 });
  },

  'NodeSelector.Match': (c) => {
    const { selector, errors } = newNodeSelector(c.input.nodeSelector);
    const got: Got = { parseError: errors.length > 0 };
    if (errors.length === 0) got.match = selector.match(c.input.node).match;
    return check(c, got);
  },

  MatchNodeSelectorTerms: (c) => check(c, { match: matchNodeSelectorTerms(c.input.node, c.input.nodeSelector) }),

  'PreferredSchedulingTerms.Score': (c) => {
    const { terms, errors } = PreferredSchedulingTerms.parse(c.input.terms);
    const got: Got = { parseError: errors.length > 0 };
    if (terms) got.score = terms.score(c.input.node);
    return check(c, got);
  },

  nodeSelectorRequirementsAsSelector: (c) => {
    const { selector, errors } = nodeSelectorRequirementsAsSelector(c.input.requirements, c.input.path ?? 'root');
    const got: Got = { parseError: errors.length > 0, error: errors.length > 0 };
    if (errors.length === 0) got.selector = selector.nothing ? '<nothing>' : selectorString(selector);
    return check(c, got, {
      selector: (want, g) => normaliseSelector(want) === normaliseSelector(g),
      selectorNote: ignore,
    });
  },

  'Toleration.ToleratesTaint': (c) => {
    const gates = featureGates(c.featureGates);
    return check(c, { tolerated: toleratesTaint(c.input.toleration, c.input.taint, gates) });
  },

  compareNumericValues: (c) => check(c, { result: compareNumericValues(c.input.tolerationValue, c.input.taintValue, c.input.operator) }),

  FindMatchingUntoleratedTaint: (c) => {
    const gates = featureGates(c.featureGates);
    const taint = findMatchingUntoleratedTaint(c.input.taints, c.input.tolerations, taintFilter(c.input.filter), gates);
    return check(c, { allTolerated: taint === undefined, taint: taint ?? null });
  },
};
