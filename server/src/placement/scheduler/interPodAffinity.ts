/**
 * InterPodAffinity filter: pkg/scheduler/framework/plugins/interpodaffinity/filtering.go.
 *
 * PreFilter (placement/podaffinity.ts) counts, over every node of the snapshot, the pods that
 * match the pod's required affinity and anti-affinity terms and the pods whose own required
 * anti-affinity matches the pod, by topology domain. Filter then checks the node's domains, in
 * Kubernetes' order: the pod's affinity (UnschedulableAndUnresolvable), its anti-affinity, and
 * the existing pods' anti-affinity (both Unschedulable: preemption may remove the pods in the way).
 * One reason per node, the first that fails, with the term and the pods beside it.
 */
import type { LabelSet } from '../../k8s/labels';
import {
  type AffinityTerm,
  affinityTermSelector,
  type Contribution,
  type InterPodAffinityState,
  mergedNamespacesText,
  mergedTermOf,
  podNamespace,
} from '../podaffinity';
import type { PlacementReason, PodAffinityTermRef } from '../types';
import { type CycleState, failed, type FilterPlugin, type FilterResult, preFilter, type PreFilterOptions, SUCCESS } from './framework';
import type { NodeInfo } from './nodeinfo';

export const Name = 'InterPodAffinity';
export const ErrReasonExistingAntiAffinityRulesNotMatch = "node(s) didn't satisfy existing pods anti-affinity rules";
export const ErrReasonAffinityRulesNotMatch = "node(s) didn't match pod affinity rules";
export const ErrReasonAntiAffinityRulesNotMatch = "node(s) didn't match pod anti-affinity rules";

/** How many pods a reason names (the detail counts the rest). */
export const MAX_PODS_NAMED = 5;

function has(labels: LabelSet, key: string): boolean {
  return Object.hasOwn(labels, key);
}

/** `satisfyPodAffinity`: the failing term (the first whose topology label the node lacks, else the first whose domain holds no match), or undefined. */
function podAffinityFailure(s: InterPodAffinityState, labels: LabelSet): { term: AffinityTerm; missingLabel: boolean } | undefined {
  let empty: AffinityTerm | undefined;
  for (const t of s.affinityTerms) {
    // All topology labels must exist on the node.
    if (!has(labels, t.topologyKey)) return { term: t, missingLabel: true };
    if (empty === undefined && s.affinity.count(t.topologyKey, labels[t.topologyKey]) <= 0) empty = t;
  }
  if (empty === undefined) return undefined;
  // The first pod of a group that has affinity to itself: no pod anywhere matches all the terms,
  // but the pod matches them itself.
  if (s.affinity.size === 0 && s.matchesOwnAffinity) return undefined;
  return { term: empty, missingLabel: false };
}

/** `satisfyPodAntiAffinity`: the first anti-affinity term whose domain on this node holds a matching pod. */
function podAntiAffinityFailure(s: InterPodAffinityState, labels: LabelSet): AffinityTerm | undefined {
  if (s.antiAffinity.size === 0) return undefined;
  for (const t of s.antiAffinityTerms) if (has(labels, t.topologyKey) && s.antiAffinity.count(t.topologyKey, labels[t.topologyKey]) > 0) return t;
  return undefined;
}

/** `satisfyExistingPodsAntiAffinity`: a domain of the node where a pod's anti-affinity matches the pod. */
function existingAntiAffinityFailure(s: InterPodAffinityState, labels: LabelSet): { key: string; value: string } | undefined {
  if (s.existingAntiAffinity.size === 0) return undefined;
  for (const key of s.existingAntiAffinity.keys()) {
    if (has(labels, key) && s.existingAntiAffinity.count(key, labels[key]) > 0) return { key, value: labels[key] };
  }
  return undefined;
}

function termRef(of: PodAffinityTermRef['of'], kind: PodAffinityTermRef['kind'], t: AffinityTerm, labels: LabelSet): PodAffinityTermRef {
  const ref: PodAffinityTermRef = { of, kind, index: t.index, selector: affinityTermSelector(t), topologyKey: t.topologyKey };
  if (has(labels, t.topologyKey)) ref.domain = `${t.topologyKey}=${labels[t.topologyKey]}`;
  return ref;
}

function termText(kind: string, t: AffinityTerm, namespaces: string): string {
  return `required ${kind} term ${t.index} (${affinityTermSelector(t)}; topologyKey ${t.topologyKey || '""'}${namespaces ? `; ${namespaces}` : ''})`;
}

const podName = (c: Contribution) => `${podNamespace(c.pod.namespace)}/${c.pod.name}`;

/** The pods behind a failure, each once, at most MAX_PODS_NAMED, and how many more there are. */
function namedPods(contributions: readonly Contribution[]): { pods: NonNullable<PlacementReason['pods']>; text: string } {
  const seen = new Set<unknown>();
  const unique = contributions.filter((c) => (seen.has(c.pod) ? false : (seen.add(c.pod), true)));
  const named = unique.slice(0, MAX_PODS_NAMED);
  const rest = unique.length - named.length;
  const pods = named.map((c) => ({
    namespace: podNamespace(c.pod.namespace),
    name: c.pod.name,
    node: c.pod.nodeName,
    ...(c.pod.priority !== undefined ? { priority: c.pod.priority } : {}),
  }));
  const text = `${named.map((c) => `${podName(c)} (on ${c.pod.nodeName})`).join(', ')}${rest > 0 ? ` and ${rest} more` : ''}`;
  return { pods, text };
}

function affinityReason(s: InterPodAffinityState, labels: LabelSet, f: { term: AffinityTerm; missingLabel: boolean }): PlacementReason {
  const t = f.term;
  const what = termText('podAffinity', t, mergedNamespacesText(mergedTermOf(s, 'affinity', t)));
  let detail: string;
  if (f.missingLabel) detail = `${what}: the node has no label ${t.topologyKey || '""'}`;
  else {
    const elsewhere: string[] = [];
    for (const v of s.affinity.values(t.topologyKey)) {
      elsewhere.push(`${t.topologyKey}=${v}`);
      if (elsewhere.length === 3) break;
    }
    detail = `${what}: no pod matching all required podAffinity terms runs in ${t.topologyKey}=${labels[t.topologyKey]}`;
    if (elsewhere.length > 0) detail += `; matching pods run in ${elsewhere.join(', ')}${elsewhere.length === 3 ? ', …' : ''}`;
    else if (!s.matchesOwnAffinity)
      detail += '; no matching pod runs anywhere, and the pod does not match its own terms (the first pod of a group may start only then)';
    else detail += '; no matching pod runs anywhere';
  }
  return {
    predicate: Name,
    message: ErrReasonAffinityRulesNotMatch,
    code: 'UnschedulableAndUnresolvable',
    podAffinityTerm: termRef('pod', 'podAffinity', t, labels),
    detail,
  };
}

function antiAffinityReason(s: InterPodAffinityState, labels: LabelSet, t: AffinityTerm): PlacementReason {
  const domain = `${t.topologyKey}=${labels[t.topologyKey]}`;
  const { pods, text } = namedPods(s.antiAffinity.contributions(t.topologyKey, labels[t.topologyKey]).filter((c) => c.term === t));
  const what = termText('podAntiAffinity', t, mergedNamespacesText(mergedTermOf(s, 'anti', t)));
  return {
    predicate: Name,
    message: ErrReasonAntiAffinityRulesNotMatch,
    code: 'Unschedulable',
    podAffinityTerm: termRef('pod', 'podAntiAffinity', t, labels),
    ...(pods.length ? { pods } : {}),
    detail: `${what}: ${text || 'matching pods'} run in ${domain}`,
  };
}

function existingAntiAffinityReason(s: InterPodAffinityState, labels: LabelSet, at: { key: string; value: string }): PlacementReason {
  const contributions = s.existingAntiAffinity.contributions(at.key, at.value);
  const { pods, text } = namedPods(contributions);
  const first = contributions[0];
  const out: PlacementReason = {
    predicate: Name,
    message: ErrReasonExistingAntiAffinityRulesNotMatch,
    code: 'Unschedulable',
    ...(pods.length ? { pods } : {}),
    detail: first
      ? `${text} in ${at.key}=${at.value} ${contributions.length === 1 ? 'has' : 'have'} a required podAntiAffinity term matching this pod (${podName(first)}: term ${first.term.index}, ${affinityTermSelector(first.term)}; topologyKey ${first.term.topologyKey})`
      : `a pod in ${at.key}=${at.value} has a required podAntiAffinity term matching this pod`,
  };
  if (first) out.podAffinityTerm = termRef('existing', 'podAntiAffinity', first.term, labels);
  return out;
}

/** PreFilter's rejection when a term does not parse (`parsing pod: …`): every node gets it. */
function parseFailure(s: InterPodAffinityState): FilterResult | undefined {
  if (s.parseError === undefined) return undefined;
  return failed([
    {
      predicate: Name,
      message: s.parseError,
      code: 'UnschedulableAndUnresolvable',
      detail: 'a pod (anti-)affinity term of the pod does not parse: PreFilter rejects the pod on every node',
    },
  ]);
}

export const plugin: FilterPlugin = {
  name: Name,
  skips: (state: CycleState) => state.interPodAffinity.skip,
  passes(state: CycleState, nodeInfo: NodeInfo): boolean {
    const s = state.interPodAffinity;
    if (s.skip) return true;
    if (s.parseError !== undefined) return false;
    const labels: LabelSet = nodeInfo.node?.metadata?.labels ?? {};
    return !podAffinityFailure(s, labels) && !podAntiAffinityFailure(s, labels) && !existingAntiAffinityFailure(s, labels);
  },
  preFilterStatus: (state: CycleState) => parseFailure(state.interPodAffinity),
  filter(state: CycleState, nodeInfo: NodeInfo): FilterResult {
    const s = state.interPodAffinity;
    if (s.skip) return SUCCESS;
    const rejected = parseFailure(s);
    if (rejected) return rejected;
    const labels: LabelSet = nodeInfo.node?.metadata?.labels ?? {};
    const affinity = podAffinityFailure(s, labels);
    if (affinity) return failed([affinityReason(s, labels, affinity)]);
    const anti = podAntiAffinityFailure(s, labels);
    if (anti) return failed([antiAffinityReason(s, labels, anti)]);
    const existing = existingAntiAffinityFailure(s, labels);
    if (existing) return failed([existingAntiAffinityReason(s, labels, existing)]);
    return SUCCESS;
  },
};

/** PreFilter + Filter for a pod on a node, as the plugin's tests run them (`opts.snapshot`: the cluster). */
export function filter(pod: any, node: any, opts: PreFilterOptions = {}): FilterResult {
  return plugin.filter(preFilter(pod, opts), { node } as NodeInfo);
}
