/**
 * Inter-pod affinity as kube-scheduler 1.36 reads it: the processed terms (k8s.io/kube-scheduler
 * framework/types.go `AffinityTerm`, `GetAffinityTerms`; pkg/scheduler/framework/types.go
 * `PodInfo.Update`), the API server's matchLabelKeys / mismatchLabelKeys merge when a Pod is
 * created (pkg/registry/core/pod/strategy.go `mutatePodAffinity`), and the InterPodAffinity
 * plugin's PreFilter state with its AddPod / RemovePod extensions
 * (pkg/scheduler/framework/plugins/interpodaffinity/filtering.go, plugin.go).
 *
 * The state is computed once per pod over every node of the snapshot (a pod on another node of
 * the same zone counts for `topologyKey: zone`); the filter then only looks the node's topology
 * values up. Taking pods out (the DaemonSet's own replaced pod, preemption's victims) goes through
 * an overlay that never copies the counts.
 */
import { aggregateErrors, labelSelectorAsSelectorOrError, type LabelSelector, type LabelSet, labelSet, selectorMatches, selectorString } from '../k8s/labels';
import { list } from '../util/list';

/** The label the API server puts on every Namespace (`kubernetes.io/metadata.name=<name>`). */
export const LabelMetadataName = 'kubernetes.io/metadata.name';

/** A processed `v1.PodAffinityTerm` (framework `AffinityTerm`). */
export interface AffinityTerm {
  /** Position in the pod's requiredDuringSchedulingIgnoredDuringExecution list (explanations). */
  index: number;
  namespaces: ReadonlySet<string>;
  /** Absent ⇒ Nothing; `{}` ⇒ Everything (every namespace). */
  namespaceSelector: LabelSelector;
  selector: LabelSelector;
  topologyKey: string;
}

/** What inter-pod affinity reads of a pod already bound to a node. */
export interface AffinityPod {
  namespace: string | undefined;
  name: string;
  labels: LabelSet;
  /** The node the pod is bound to. */
  nodeName: string;
  /** Its priority, when known (explanations). */
  priority?: number;
  /**
   * Its required anti-affinity terms. Undefined when it has none, or when its terms do not parse
   * (the scheduler's cache then holds the pod without terms).
   */
  requiredAntiAffinity?: readonly AffinityTerm[];
}

/** The cluster as the plugin's PreFilter lists it (the scheduler's snapshot). */
export interface AffinitySnapshot {
  /** Every pod bound to one of the snapshot's nodes, by namespace. */
  readonly podsByNamespace: ReadonlyMap<string, readonly AffinityPod[]>;
  /** Of those, the pods with required anti-affinity terms (`HavePodsWithRequiredAntiAffinityList`). */
  readonly podsWithRequiredAntiAffinity: readonly AffinityPod[];
  /** Labels of a snapshot node (undefined for a node the snapshot lacks). */
  nodeLabels(nodeName: string): LabelSet | undefined;
  /** The namespaces the cluster knows: those with pods, and those with Namespace objects. */
  namespaceNames(): Iterable<string>;
  /** A namespace's labels: its Namespace object's, plus `kubernetes.io/metadata.name`. */
  namespaceLabels(ns: string): LabelSet;
  /** The pod is one of the snapshot's (only those can be taken out of the counts). */
  has(pod: unknown): pod is AffinityPod;
}

/** A namespace as the API server stores it: an object without one lives in `default`. */
export function podNamespace(ns: string | undefined): string {
  return ns ? ns : 'default';
}

/** `kubernetes.io/metadata.name=<ns>` over the Namespace object's own labels. */
export function namespaceLabelsOf(ns: string, object?: any): LabelSet {
  return { ...labelSet(object?.metadata?.labels), [LabelMetadataName]: ns };
}

/** `getNamespacesFromPodAffinityTerm` + `newAffinityTerm`: the term, or Go's parse error. */
function newAffinityTerm(podNs: string, term: any, index: number): AffinityTerm | string {
  const selector = labelSelectorAsSelectorOrError(term?.labelSelector);
  if (selector.error !== undefined) return selector.error;
  const names = list<unknown>(term?.namespaces).map(String);
  const nsSelectorAbsent = term?.namespaceSelector === null || term?.namespaceSelector === undefined;
  const namespaces = new Set(names.length === 0 && nsSelectorAbsent ? [podNs] : names);
  const namespaceSelector = labelSelectorAsSelectorOrError(term?.namespaceSelector);
  if (namespaceSelector.error !== undefined) return namespaceSelector.error;
  return { index, namespaces, namespaceSelector: namespaceSelector.selector, selector: selector.selector, topologyKey: String(term?.topologyKey ?? '') };
}

/** `GetAffinityTerms`: the first term that does not parse fails them all. */
export function getAffinityTerms(podNs: string, terms: unknown): { terms: AffinityTerm[]; error?: undefined } | { terms?: undefined; error: string } {
  const out: AffinityTerm[] = [];
  for (const [i, term] of list(terms).entries()) {
    const t = newAffinityTerm(podNs, term, i);
    if (typeof t === 'string') return { error: t };
    out.push(t);
  }
  return { terms: out };
}

/** A pod's required terms as `PodInfo.Update` parses them; `error` aggregates every list's parse error. */
export interface PodAffinityInfo {
  required: AffinityTerm[];
  requiredAnti: AffinityTerm[];
  error?: string;
}

export function parsePodAffinity(spec: any, podNs: string): PodAffinityInfo {
  const affinity = spec?.affinity;
  const errors: string[] = [];
  const parse = (terms: unknown, what: string): AffinityTerm[] => {
    const r = getAffinityTerms(podNs, terms);
    if (r.error !== undefined) errors.push(`${what}: ${r.error}`);
    return r.terms ?? [];
  };
  const required = parse(affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution, 'requiredAffinityTerms');
  const requiredAnti = parse(affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution, 'requiredAntiAffinityTerms');
  // The preferred terms only score, but a parse error in them fails the pod all the same.
  const weighted = (terms: unknown) => list(terms).map((w) => w?.podAffinityTerm);
  parse(weighted(affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution), 'preferredAffinityTerms');
  parse(weighted(affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution), 'preferredAntiAffinityTerms');
  const error = aggregateErrors(errors);
  return error === undefined ? { required, requiredAnti } : { required, requiredAnti, error };
}

/**
 * The required anti-affinity terms of a pod already running, as the scheduler's cache holds them:
 * undefined when there are none or they do not parse.
 */
export function requiredAntiAffinityOf(pod: any): AffinityTerm[] | undefined {
  const terms = pod?.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (list(terms).length === 0) return undefined;
  const r = getAffinityTerms(podNamespace(pod?.metadata?.namespace), terms);
  return r.terms;
}

/** `AffinityTerm.Matches(pod, nsLabels)`: the pod's namespace is listed or its labels match the namespaceSelector, and the selector matches the pod. */
export function affinityTermMatches(t: AffinityTerm, pod: Pick<AffinityPod, 'namespace' | 'labels'>, nsLabels: LabelSet | undefined): boolean {
  const inNamespace = t.namespaces.has(podNamespace(pod.namespace)) || (nsLabels !== undefined && selectorMatches(t.namespaceSelector, nsLabels));
  return inNamespace && selectorMatches(t.selector, pod.labels);
}

/** `Selector.String()` of a term's labelSelector, for explanations. */
export function affinityTermSelector(t: AffinityTerm): string {
  if (t.selector.nothing) return '<nothing>';
  return t.selector.requirements.length === 0 ? '<everything>' : selectorString(t.selector);
}

/**
 * `mutatePodAffinity` (MatchLabelKeysInPodAffinity, GA): for a Pod being created, each
 * matchLabelKeys key the pod carries adds `key In (value)` to the term's labelSelector, each
 * mismatchLabelKeys key `key NotIn (value)`; a term without labelSelector stays as it is. Returns a
 * copy of the spec when something changed.
 */
export function applyMatchLabelKeys(spec: any, podLabels: LabelSet): any {
  const affinity = spec?.affinity;
  if (!affinity || typeof affinity !== 'object') return spec;
  let changed = false;
  const mergeTerm = (term: any): any => {
    const match = list<string>(term?.matchLabelKeys);
    const mismatch = list<string>(term?.mismatchLabelKeys);
    const sel = term?.labelSelector;
    if ((match.length === 0 && mismatch.length === 0) || !sel || typeof sel !== 'object') return term;
    const added: any[] = [];
    for (const key of match) if (Object.hasOwn(podLabels, key)) added.push({ key, operator: 'In', values: [podLabels[key]] });
    for (const key of mismatch) if (Object.hasOwn(podLabels, key)) added.push({ key, operator: 'NotIn', values: [podLabels[key]] });
    if (added.length === 0) return term;
    changed = true;
    return { ...term, labelSelector: { ...sel, matchExpressions: [...list(sel.matchExpressions), ...added] } };
  };
  const mergeWeighted = (w: any) => {
    const t = mergeTerm(w?.podAffinityTerm);
    return t === w?.podAffinityTerm ? w : { ...w, podAffinityTerm: t };
  };
  const mergeOne = (a: any) =>
    a && typeof a === 'object'
      ? {
          ...a,
          ...(Array.isArray(a.requiredDuringSchedulingIgnoredDuringExecution)
            ? { requiredDuringSchedulingIgnoredDuringExecution: a.requiredDuringSchedulingIgnoredDuringExecution.map(mergeTerm) }
            : {}),
          ...(Array.isArray(a.preferredDuringSchedulingIgnoredDuringExecution)
            ? { preferredDuringSchedulingIgnoredDuringExecution: a.preferredDuringSchedulingIgnoredDuringExecution.map(mergeWeighted) }
            : {}),
        }
      : a;
  const merged = { ...affinity, podAffinity: mergeOne(affinity.podAffinity), podAntiAffinity: mergeOne(affinity.podAntiAffinity) };
  if (!changed) return spec;
  if (affinity.podAffinity === undefined) delete merged.podAffinity;
  if (affinity.podAntiAffinity === undefined) delete merged.podAntiAffinity;
  return { ...spec, affinity: merged };
}

/** One pod counted for one term in one topology domain. */
export interface Contribution {
  pod: AffinityPod;
  term: AffinityTerm;
}

/** `topologyToMatchedTermCount`: topology key → value → the pods counted there. */
export interface TopologyCounts {
  /** How many (pod, term) matches the domain `key=value` holds. */
  count(key: string, value: string): number;
  /** Number of domains with a non-zero count (`len(map)`). */
  readonly size: number;
  /** The topology keys counted. */
  keys(): Iterable<string>;
  /** The values of a key with a non-zero count. */
  values(key: string): Iterable<string>;
  /** The matches counted in a domain (pods taken out excluded). */
  contributions(key: string, value: string): Contribution[];
}

const NO_CONTRIBUTIONS: Contribution[] = Object.freeze([]) as unknown as Contribution[];

class PairCounts implements TopologyCounts {
  private readonly byKey = new Map<string, Map<string, Contribution[]>>();
  size = 0;

  add(key: string, value: string, c: Contribution): void {
    let values = this.byKey.get(key);
    if (!values) this.byKey.set(key, (values = new Map()));
    const l = values.get(value);
    if (l) l.push(c);
    else {
      values.set(value, [c]);
      this.size++;
    }
  }

  count(key: string, value: string): number {
    return this.byKey.get(key)?.get(value)?.length ?? 0;
  }

  keys(): Iterable<string> {
    return this.byKey.keys();
  }

  values(key: string): Iterable<string> {
    return this.byKey.get(key)?.keys() ?? [];
  }

  contributions(key: string, value: string): Contribution[] {
    return this.byKey.get(key)?.get(value) ?? NO_CONTRIBUTIONS;
  }
}

const pairKey = (key: string, value: string) => `${key}\u0000${value}`;

/** The counts with some snapshot pods taken out (and possibly put back): a delta over the shared base. */
class CountsOverlay implements TopologyCounts {
  /** Pair → how many of its matches are taken out. */
  private readonly taken = new Map<string, number>();
  /** Domains whose count the overlay brought to zero. */
  private emptied = 0;

  constructor(
    private readonly base: TopologyCounts,
    /** The pods taken out (shared with the state that owns the overlay), for `contributions`. */
    private readonly removed: ReadonlySet<AffinityPod>,
  ) {}

  get size(): number {
    return this.base.size - this.emptied;
  }

  count(key: string, value: string): number {
    const n = this.base.count(key, value);
    return n === 0 ? 0 : n - (this.taken.get(pairKey(key, value)) ?? 0);
  }

  /** `update(node, tk, ±1)` for a pod of the base: only ever takes out what the base counted. */
  adjust(key: string, value: string, delta: 1 | -1): void {
    const k = pairKey(key, value);
    const before = this.count(key, value);
    const taken = (this.taken.get(k) ?? 0) - delta;
    if (taken === 0) this.taken.delete(k);
    else this.taken.set(k, taken);
    const after = this.count(key, value);
    if (before > 0 && after === 0) this.emptied++;
    else if (before === 0 && after > 0) this.emptied--;
  }

  keys(): Iterable<string> {
    return this.base.keys();
  }

  *values(key: string): Iterable<string> {
    for (const v of this.base.values(key)) if (this.count(key, v) > 0) yield v;
  }

  contributions(key: string, value: string): Contribution[] {
    const all = this.base.contributions(key, value);
    return this.removed.size === 0 ? all : all.filter((c) => !this.removed.has(c.pod));
  }
}

/** An incoming-pod term with its namespaceSelector merged into the namespaces (`mergeAffinityTermNamespacesIfNotEmpty`). */
export interface MergedTerm {
  term: AffinityTerm;
  /** namespaceSelector `{}`: every namespace. */
  allNamespaces: boolean;
  namespaces: ReadonlySet<string>;
}

function mergedMatches(m: MergedTerm, pod: Pick<AffinityPod, 'namespace' | 'labels'>): boolean {
  return (m.allNamespaces || m.namespaces.has(podNamespace(pod.namespace))) && selectorMatches(m.term.selector, pod.labels);
}

/** The InterPodAffinity plugin's PreFilter state for one pod. */
export interface InterPodAffinityState {
  /** PreFilter rejects the pod on every node: `parsing pod: …` (UnschedulableAndUnresolvable). */
  parseError?: string;
  /** PreFilter's Skip: no terms of its own and no existing pod's anti-affinity matches it. */
  skip: boolean;
  /** The incoming pod as the terms read it. */
  pod: { namespace: string; name: string; labels: LabelSet };
  affinityTerms: readonly AffinityTerm[];
  antiAffinityTerms: readonly AffinityTerm[];
  /** The pod matches all of its own affinity terms: the first pod of a group may start anywhere. */
  matchesOwnAffinity: boolean;
  /** Domains holding pods whose required anti-affinity matches the pod (`existingAntiAffinityCounts`). */
  existingAntiAffinity: TopologyCounts;
  /** Domains holding pods that match all of the pod's affinity terms (`affinityCounts`). */
  affinity: TopologyCounts;
  /** Domains holding pods that match one of the pod's anti-affinity terms (`antiAffinityCounts`). */
  antiAffinity: TopologyCounts;
  /** For AddPod / RemovePod. */
  readonly merged: { affinity: readonly MergedTerm[]; anti: readonly MergedTerm[] };
  readonly namespaceLabels: LabelSet;
  readonly snapshot?: AffinitySnapshot;
}

const EMPTY_COUNTS: TopologyCounts = new PairCounts();
const NO_TERMS: readonly AffinityTerm[] = Object.freeze([]);

function mergeNamespaces(t: AffinityTerm, candidates: () => readonly string[], labelsOf: (ns: string) => LabelSet): MergedTerm {
  const sel = t.namespaceSelector;
  if (!sel.nothing && sel.requirements.length === 0) return { term: t, allNamespaces: true, namespaces: t.namespaces };
  if (sel.nothing) return { term: t, allNamespaces: false, namespaces: t.namespaces };
  const namespaces = new Set(t.namespaces);
  for (const ns of candidates()) if (selectorMatches(sel, labelsOf(ns))) namespaces.add(ns);
  return { term: t, allNamespaces: false, namespaces };
}

/**
 * The plugin's PreFilter for `pod` (a Pod object: metadata.namespace, metadata.labels,
 * spec.affinity) against the snapshot; no snapshot is an empty cluster.
 */
export function interPodAffinityPreFilter(pod: any, snapshot?: AffinitySnapshot): InterPodAffinityState {
  const ns = podNamespace(pod?.metadata?.namespace);
  const self = { namespace: ns, name: String(pod?.metadata?.name ?? ''), labels: labelSet(pod?.metadata?.labels) };
  const nsLabels = snapshot ? snapshot.namespaceLabels(ns) : namespaceLabelsOf(ns);
  const base = {
    pod: self,
    existingAntiAffinity: EMPTY_COUNTS,
    affinity: EMPTY_COUNTS,
    antiAffinity: EMPTY_COUNTS,
    namespaceLabels: nsLabels,
    ...(snapshot ? { snapshot } : {}),
  };
  const info = parsePodAffinity(pod?.spec, ns);
  if (info.error !== undefined) {
    return {
      ...base,
      parseError: `parsing pod: ${info.error}`,
      skip: false,
      affinityTerms: NO_TERMS,
      antiAffinityTerms: NO_TERMS,
      matchesOwnAffinity: false,
      merged: { affinity: [], anti: [] },
    };
  }

  // Existing pods' required anti-affinity terms that match the incoming pod.
  const existing = new PairCounts();
  for (const p of snapshot?.podsWithRequiredAntiAffinity ?? []) {
    const nodeLabels = snapshot!.nodeLabels(p.nodeName);
    if (!nodeLabels) continue;
    for (const t of p.requiredAntiAffinity ?? []) {
      if (affinityTermMatches(t, self, nsLabels) && Object.hasOwn(nodeLabels, t.topologyKey))
        existing.add(t.topologyKey, nodeLabels[t.topologyKey], { pod: p, term: t });
    }
  }

  // The namespaces the incoming pod's terms select (the pod's own namespace exists, pods or not).
  let candidates: string[] | undefined;
  const namespacesKnown = () => (candidates ??= snapshot ? [...new Set([...snapshot.namespaceNames(), ns])] : [ns]);
  const labelsOf = (n: string) => (snapshot ? snapshot.namespaceLabels(n) : namespaceLabelsOf(n));
  const affinity = info.required.map((t) => mergeNamespaces(t, namespacesKnown, labelsOf));
  const anti = info.requiredAnti.map((t) => mergeNamespaces(t, namespacesKnown, labelsOf));
  const affinityCounts = new PairCounts();
  const antiCounts = new PairCounts();
  if (snapshot && (affinity.length > 0 || anti.length > 0)) {
    const all = affinity.some((m) => m.allNamespaces) || anti.some((m) => m.allNamespaces);
    const namespaces = all ? snapshot.podsByNamespace.keys() : new Set([...affinity, ...anti].flatMap((m) => [...m.namespaces]));
    for (const n of namespaces) {
      for (const p of snapshot.podsByNamespace.get(n) ?? []) {
        const nodeLabels = snapshot.nodeLabels(p.nodeName);
        if (!nodeLabels) continue;
        countPod(affinity, anti, p, nodeLabels, affinityCounts, antiCounts);
      }
    }
  }
  const matchesOwnAffinity = affinity.length > 0 && affinity.every((m) => mergedMatches(m, self));
  return {
    ...base,
    skip: existing.size === 0 && affinity.length === 0 && anti.length === 0,
    affinityTerms: info.required,
    antiAffinityTerms: info.requiredAnti,
    matchesOwnAffinity,
    existingAntiAffinity: existing.size > 0 ? existing : EMPTY_COUNTS,
    affinity: affinityCounts,
    antiAffinity: antiCounts,
    merged: { affinity, anti },
  };
}

function countPod(
  affinity: readonly MergedTerm[],
  anti: readonly MergedTerm[],
  p: AffinityPod,
  nodeLabels: LabelSet,
  affinityCounts: PairCounts,
  antiCounts: PairCounts,
): void {
  // A pod counts for affinity only when it matches every term (`podMatchesAllAffinityTerms`).
  if (affinity.length > 0 && affinity.every((m) => mergedMatches(m, p))) {
    for (const m of affinity) {
      const tk = m.term.topologyKey;
      if (Object.hasOwn(nodeLabels, tk)) affinityCounts.add(tk, nodeLabels[tk], { pod: p, term: m.term });
    }
  }
  for (const m of anti) {
    const tk = m.term.topologyKey;
    if (mergedMatches(m, p) && Object.hasOwn(nodeLabels, tk)) antiCounts.add(tk, nodeLabels[tk], { pod: p, term: m.term });
  }
}

/** A state whose counts can take snapshot pods out and put them back (a fork: the original is untouched). */
export interface ForkedInterPodAffinityState extends InterPodAffinityState {
  existingAntiAffinity: CountsOverlay;
  affinity: CountsOverlay;
  antiAffinity: CountsOverlay;
  readonly removedPods: Set<AffinityPod>;
}

export function forkInterPodAffinityState(s: InterPodAffinityState): ForkedInterPodAffinityState {
  // A fork of a fork starts from the pods its parent took out (they are not counted twice).
  const removedPods = new Set<AffinityPod>((s as Partial<ForkedInterPodAffinityState>).removedPods);
  return {
    ...s,
    existingAntiAffinity: new CountsOverlay(s.existingAntiAffinity, removedPods),
    affinity: new CountsOverlay(s.affinity, removedPods),
    antiAffinity: new CountsOverlay(s.antiAffinity, removedPods),
    removedPods,
  };
}

/**
 * `preFilterState.updateWithPod(pod, node, ±1)` (the plugin's RemovePod / AddPod): takes a pod of
 * the snapshot out of the counts (-1) or puts one taken out back (+1). Pods the snapshot does not
 * hold are ignored: the counts never held them.
 */
export function updateWithPod(s: ForkedInterPodAffinityState, pod: unknown, delta: 1 | -1): void {
  // Nothing counted (PreFilter's Skip) stays so whatever pods come and go.
  if (s.skip || s.parseError !== undefined || !s.snapshot?.has(pod)) return;
  if (delta === -1 ? s.removedPods.has(pod) : !s.removedPods.has(pod)) return;
  const nodeLabels = s.snapshot.nodeLabels(pod.nodeName);
  if (!nodeLabels) return;
  if (delta === -1) s.removedPods.add(pod);
  else s.removedPods.delete(pod);
  const at = (tk: string) => (Object.hasOwn(nodeLabels, tk) ? nodeLabels[tk] : undefined);
  for (const t of pod.requiredAntiAffinity ?? []) {
    const v = at(t.topologyKey);
    if (v !== undefined && affinityTermMatches(t, s.pod, s.namespaceLabels)) s.existingAntiAffinity.adjust(t.topologyKey, v, delta);
  }
  const { affinity, anti } = s.merged;
  if (affinity.length > 0 && affinity.every((m) => mergedMatches(m, pod))) {
    for (const m of affinity) {
      const v = at(m.term.topologyKey);
      if (v !== undefined) s.affinity.adjust(m.term.topologyKey, v, delta);
    }
  }
  for (const m of anti) {
    const v = at(m.term.topologyKey);
    if (v !== undefined && mergedMatches(m, pod)) s.antiAffinity.adjust(m.term.topologyKey, v, delta);
  }
}

/** One of the pod's own terms with its namespaces merged (explanations). */
export function mergedTermOf(s: InterPodAffinityState, kind: 'affinity' | 'anti', term: AffinityTerm): MergedTerm | undefined {
  return (kind === 'affinity' ? s.merged.affinity : s.merged.anti).find((m) => m.term === term);
}

/** The namespaces a merged term selects, for explanations (`all namespaces` for `{}`). */
export function mergedNamespacesText(m: MergedTerm | undefined): string {
  if (!m) return '';
  if (m.allNamespaces) return 'all namespaces';
  const names = [...m.namespaces].sort();
  if (names.length === 0) return 'no namespace';
  return names.length === 1 ? `namespace ${names[0]}` : `namespaces ${names.join(', ')}`;
}
