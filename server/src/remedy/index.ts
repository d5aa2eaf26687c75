/**
 * The remedy engine: for the nodes a DaemonSet leaves out or leaves Pending, the smallest
 * manifest edits that make them run, each proven by re-running the placement engine on the
 * edited text, ranked by how few other nodes change; plus node-side advice. The panel's buttons,
 * the code actions of the placement rules and the CLI's JSON all come from here.
 */
import { findDaemonSets, parseFile } from '../yaml/document';
import { applyTextEdits } from '../yaml/edits';
import type { TextEdit } from '../yaml/types';
import type { NodePlacement, PlacementReason, PlacementResult } from '../placement/types';
import { t } from '../l10n';
import { nodeAdvice } from './advice';
import { excludeNode } from './exclude-node';
import { freeHostPorts } from './host-port';
import { lowerRequests } from './lower-request';
import { selectNode } from './node-affinity';
import { tolerateTaints } from './tolerate-taint';
import type { Aspects, Candidate, NodeRemedies, Remedy, RemedyContext, RemedyGenerator, RemedyKind } from './types';
import { raisePriority, removeBlockingField, type WholeGenerator } from './whole-pod';

export type { NodeRemedies, Remedy, RemedyContext, RemedyKind } from './types';

/** Generators of one aspect each (a taint, a selector entry, a request, a port), in the controller's order. */
const GENERATORS: RemedyGenerator[] = [selectNode, tolerateTaints, lowerRequests, freeHostPorts];
/** Generators that cure a node on their own, whatever else fails. */
const WHOLE: WholeGenerator[] = [removeBlockingField, raisePriority];
/** The kinds only the whole-pod generators make: asked for these alone, the per-aspect generators are not run. */
const WHOLE_KINDS: ReadonlySet<RemedyKind> = new Set(['priority-class', 'remove-field']);

/** Ties in ranking go to the least invasive kind. */
const KIND_ORDER: RemedyKind[] = [
  'fix-toleration',
  'tolerate-taint',
  'node-selector-value',
  'affinity-add-value',
  'affinity-remove-value',
  'drop-max-surge',
  'lower-request',
  'free-host-port',
  'remove-field',
  'affinity-remove-expression',
  'node-selector-remove',
  'priority-class',
  'exclude-node',
];

/** How many edited copies one call may place (each is a full placement on the inventory). */
export const MAX_REPLAYS = 40;
/** How many "exclude this node" edits one call may prove (one per node). */
export const MAX_EXCLUSIONS = 60;
/** Alternatives tried per aspect, and combinations per node. */
const ALTERNATIVES = 3;
const COMBINATIONS = 8;

export interface RemedyOptions {
  /** Only these nodes (default: every node that does not run). */
  nodes?: ReadonlySet<string>;
  /** Also offer "exclude this node" for the nodes that run or stay Pending. */
  exclusions?: boolean;
  /** Only remedies of these kinds, and no advice (e.g. a rule that asks whether a priority would help: one replay, not the full search). */
  kinds?: ReadonlySet<RemedyKind>;
}

/** One alternative of every aspect, at most COMBINATIONS of them, best alternatives first. */
function combinations(aspects: Aspects): Candidate[][] {
  let out: Candidate[][] = [[]];
  for (const alternatives of aspects) {
    const next: Candidate[][] = [];
    for (const combo of out) for (const a of alternatives.slice(0, ALTERNATIVES)) if (next.length < COMBINATIONS) next.push([...combo, a]);
    out = next;
  }
  return out.filter((c) => c.length > 0);
}

function merge(parts: readonly Candidate[]): Candidate {
  const seen = new Set<string>();
  const edits: TextEdit[] = [];
  const titles: string[] = [];
  const kinds: RemedyKind[] = [];
  for (const p of parts) {
    let fresh = false;
    for (const e of p.edits) {
      const key = JSON.stringify(e);
      if (seen.has(key)) continue;
      seen.add(key);
      edits.push(e);
      fresh = true;
    }
    if (!fresh) continue;
    titles.push(p.title);
    for (const k of p.kinds ?? [p.kind]) if (!kinds.includes(k)) kinds.push(k);
  }
  return { kind: parts[0].kind, kinds, title: titles.join('; '), edits };
}

/** The predicates whose failures a kind of remedy cures. */
const KIND_PREDICATES: Record<RemedyKind, readonly string[]> = {
  'fix-toleration': ['TaintToleration'],
  'tolerate-taint': ['TaintToleration'],
  'node-selector-value': ['NodeAffinity'],
  'node-selector-remove': ['NodeAffinity'],
  'affinity-add-value': ['NodeAffinity'],
  'affinity-remove-value': ['NodeAffinity'],
  'affinity-remove-expression': ['NodeAffinity'],
  'lower-request': ['NodeResourcesFit'],
  'priority-class': ['NodeResourcesFit', 'NodePorts', 'InterPodAffinity'],
  'free-host-port': ['NodePorts'],
  'drop-max-surge': ['NodePorts'],
  'remove-field': ['NodeName', 'SchedulerName', 'SchedulingGates'],
  'exclude-node': [],
};

/** The predicates the per-aspect generators cure (from the kinds they make). */
const CURABLE: ReadonlySet<string> = new Set(
  (Object.keys(KIND_PREDICATES) as RemedyKind[]).filter((k) => !WHOLE_KINDS.has(k)).flatMap((k) => KIND_PREDICATES[k]),
);

/** Every failure the node meets: what the scheduler reports, then what it would report next. */
function failures(node: NodePlacement): readonly PlacementReason[] {
  return node.laterReasons?.length ? [...node.reasons, ...node.laterReasons] : node.reasons;
}

type Change = Remedy['alsoChanges'][number];

/** A replayed placement, read the way proofs read it: a node by name, and every node whose verdict changed. */
interface Replayed {
  result: PlacementResult;
  byName: Map<string, NodePlacement>;
  /** Every node whose verdict differs from the placement as written (computed once per replay). */
  changes: Change[];
  /** How many of them are a price (isPrice). */
  price: number;
}

/** A node newly reached, or worse off: what an edit costs besides its target. A Pending node that now runs is no price. */
function isPrice(c: Change): boolean {
  return c.from === 'excluded' || RANK[c.to] < RANK[c.from];
}

class Replayer {
  private readonly memo = new Map<string, Replayed | null>();
  private replays = 0;
  private readonly index: number;
  /** Every node's verdict as written. */
  readonly before: Map<string, NodePlacement['verdict']>;

  constructor(
    private readonly ctx: RemedyContext,
    private readonly budget = MAX_REPLAYS,
  ) {
    this.index = findDaemonSets(ctx.file).findIndex((r) => r.node === ctx.ds.node);
    this.before = new Map(ctx.placement.nodes.map((n) => [n.name, n.verdict]));
  }

  /** The placement of the DaemonSet in the edited text; null when the edit does not apply cleanly or the budget is spent. */
  place(edits: readonly TextEdit[]): Replayed | null {
    const key = JSON.stringify(edits);
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    if (this.replays >= this.budget || this.index < 0) return null;
    this.replays++;
    let replayed: Replayed | null = null;
    const text = applyTextEdits(this.ctx.file, edits);
    if (text !== undefined) {
      const file = parseFile(text);
      const ref = findDaemonSets(file)[this.index];
      if (ref && !file.docs.some((d) => d.doc.errors.length > 0)) {
        const result = this.ctx.place(ref.value);
        const changes: Change[] = [];
        for (const n of result.nodes) {
          const from = this.before.get(n.name) ?? 'excluded';
          if (from !== n.verdict) changes.push({ node: n.name, from, to: n.verdict });
        }
        replayed = { result, byName: new Map(result.nodes.map((n) => [n.name, n])), changes, price: changes.filter(isPrice).length };
      }
    }
    this.memo.set(key, replayed);
    return replayed;
  }
}

function aspectsOf(ctx: RemedyContext, node: NodePlacement, reasons: readonly PlacementReason[]): Aspects | undefined {
  // A failure no generator can cure leaves the node out whatever else is edited.
  if (reasons.some((r) => !CURABLE.has(r.predicate))) return undefined;
  const aspects = GENERATORS.flatMap((g) => g(ctx, node, reasons));
  return aspects.some((a) => a.length === 0) ? undefined : aspects;
}

function prove(replay: Replayer, node: NodePlacement, candidate: Candidate, want: (n: NodePlacement) => boolean): Remedy | undefined {
  const replayed = replay.place(candidate.edits);
  const after = replayed?.byName.get(node.name);
  if (!replayed || !after || !want(after)) return undefined;
  const from = replay.before.get(node.name) ?? 'excluded';
  const ownChange: Change | undefined = from === after.verdict ? undefined : { node: node.name, from, to: after.verdict };
  const remedy = {
    kind: candidate.kind,
    title: candidate.title,
    edits: candidate.edits,
    node: node.name,
    verdict: after.verdict,
    ...(after.preempts?.length ? { preempts: after.preempts.map((p) => ({ namespace: p.namespace, name: p.name })) } : {}),
    preferred: false,
    predicates: [...new Set((candidate.kinds ?? [candidate.kind]).flatMap((k) => KIND_PREDICATES[k]))],
    price: replayed.price - (ownChange && isPrice(ownChange) ? 1 : 0),
  } as Remedy;
  // The other nodes that change, read from the replay's one list when someone asks: an edit that
  // changes every node of a large inventory must not cost a list per node it was proven for.
  let also: Change[] | undefined;
  Object.defineProperty(remedy, 'alsoChanges', {
    enumerable: true,
    configurable: true,
    get: () => (also ??= replayed.changes.filter((c) => c.node !== node.name)),
  });
  return remedy;
}

function runs(n: NodePlacement): boolean {
  return n.verdict === 'runs';
}

/**
 * Where a front end shows a remedy: the index of the first of the node's reasons it cures (the
 * first reason when it names none of them, e.g. a priority that preempts).
 */
export function reasonIndexOf(r: Remedy, reasons: readonly PlacementReason[]): number {
  const i = reasons.findIndex((x) => r.predicates.includes(x.predicate));
  return i < 0 ? 0 : i;
}

/** How many times a candidate is extended with the cures of what fails next (the controller's checks, then the scheduler's plugins one by one). */
const ROUNDS = 3;

/** Proven remedies that make one node run. */
function cure(ctx: RemedyContext, replay: Replayer, node: NodePlacement, kinds?: ReadonlySet<RemedyKind>): Remedy[] {
  const out: Remedy[] = [];
  const tried = new Set<string>();
  const attempt = (c: Candidate, round: number): void => {
    if (kinds && !(c.kinds ?? [c.kind]).every((k) => kinds.has(k))) return;
    const key = JSON.stringify(c.edits);
    if (tried.has(key)) return;
    tried.add(key);
    const r = prove(replay, node, c, runs);
    if (r) {
      out.push(r);
      return;
    }
    // Past one check the pod may meet the next (the scheduler after the controller, a later plugin): cure that too.
    const after = replay.place(c.edits)?.byName.get(node.name);
    if (!after || after.verdict === 'runs' || round >= ROUNDS) return;
    const next = aspectsOf(ctx, after, failures(after));
    for (const more of next ? combinations(next) : []) attempt(merge([c, ...more]), round + 1);
    for (const g of WHOLE) for (const w of g(ctx, after, failures(after))) attempt(merge([c, w]), round + 1);
  };
  const aspects = kinds && [...kinds].every((k) => WHOLE_KINDS.has(k)) ? undefined : aspectsOf(ctx, node, failures(node));
  for (const combo of aspects ? combinations(aspects) : []) attempt(merge(combo), 1);
  for (const g of WHOLE) for (const w of g(ctx, node, failures(node))) attempt(w, 1);
  return out;
}

function rank(remedies: Remedy[]): Remedy[] {
  // When maxSurge 0 cures the port conflict, the pod only met its own predecessor: moving the agent's port is no remedy.
  if (remedies.some((r) => r.kind === 'drop-max-surge')) remedies = remedies.filter((r) => r.kind !== 'free-host-port');
  const sorted = remedies.sort(
    (a, b) =>
      a.price - b.price ||
      a.edits.length - b.edits.length ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      b.alsoChanges.length - a.alsoChanges.length,
  );
  sorted.forEach((r, i) => (r.preferred = i === 0));
  return sorted;
}

/** Remedies and advice for the nodes that do not run (and, with `exclusions`, how to leave out the ones that do). */
export function nodeRemedies(ctx: RemedyContext, opts: RemedyOptions = {}): Map<string, NodeRemedies> {
  const replay = new Replayer(ctx);
  // Exclusions prove one edit per node: their own budget, so they never starve the cures.
  const excluding = opts.exclusions ? new Replayer(ctx, MAX_EXCLUSIONS) : undefined;
  const out = new Map<string, NodeRemedies>();
  const selected = ctx.placement.nodes.filter((n) => !opts.nodes || opts.nodes.has(n.name));
  const cures = new Map(selected.map((n) => [n.name, n.verdict === 'runs' ? [] : rank(cure(ctx, replay, n, opts.kinds))]));
  for (const node of selected) {
    const fixes = cures.get(node.name)!;
    if (excluding && node.verdict !== 'excluded') {
      const c = excludeNode(ctx, node);
      const r = c && prove(excluding, node, c, (n) => n.verdict === 'excluded');
      if (r) fixes.push({ ...r, preferred: fixes.length === 0 && node.verdict === 'runs', predicates: [] });
    }
    // A question about some kinds of edit (a rule's) gets no node-side advice: nobody reads it.
    const advice =
      node.verdict === 'runs' || opts.kinds
        ? []
        : nodeAdvice(
            ctx,
            node,
            fixes.some((f) => f.kind !== 'exclude-node'),
          );
    if (fixes.length > 0 || advice.length > 0) out.set(node.name, { node: node.name, fixes, advice });
  }
  return out;
}

/**
 * A remedy's title with its price: the pods it preempts and the other nodes it changes
 * (`cures`: nodes the same edit was proven for, which are not a price).
 */
export function remedyTitle(r: Remedy, cures: ReadonlySet<string> = new Set(), opts: { countCured?: boolean } = {}): string {
  let title = r.title;
  if (r.preempts?.length) title += ' ' + t('(preempts {0})', r.preempts.map((p) => `${p.namespace}/${p.name}`).join(', '));
  const { cured, gained, lost } = titleCounts(r.alsoChanges, cures);
  if (cured && opts.countCured !== false) title += ' ' + t('({0} nodes run)', cured + 1);
  if (gained) title += ' ' + t('(also adds {0} other node(s))', gained);
  if (lost) title += ' ' + t('(also drops {0} other node(s))', lost);
  return title;
}

/**
 * The counts in a remedy's title. A fix shared by thousands of nodes (one replay) carries one
 * list of changes: they are counted once per list and set of cured nodes, not once per node.
 */
const countsCache = new WeakMap<readonly Change[], WeakMap<ReadonlySet<string>, { cured: number; gained: number; lost: number }>>();
function titleCounts(changes: readonly Change[], cures: ReadonlySet<string>): { cured: number; gained: number; lost: number } {
  let byCures = countsCache.get(changes);
  if (!byCures) countsCache.set(changes, (byCures = new WeakMap()));
  let counts = byCures.get(cures);
  if (!counts) {
    // A Pending node that runs too, or a node the edit was proven for, is a gain; new nodes and lost ones are the price.
    counts = { cured: 0, gained: 0, lost: 0 };
    for (const c of changes) {
      if (cures.has(c.node) || (c.from === 'pending' && c.to === 'runs')) counts.cured++;
      if (!cures.has(c.node) && isPrice(c)) {
        if (c.from === 'excluded') counts.gained++;
        else counts.lost++;
      }
    }
    byCures.set(cures, counts);
  }
  return counts;
}

const RANK: Record<NodePlacement['verdict'], number> = { excluded: 0, pending: 1, runs: 2 };

/**
 * What an edit costs besides its target: nodes the DaemonSet newly reaches (a wider selector, a
 * toleration that lets it onto more nodes) and nodes that get worse. A Pending node that now runs
 * is no price.
 */
function priceOf(r: Remedy, cures: ReadonlySet<string> = new Set()): Remedy['alsoChanges'] {
  return r.alsoChanges.filter((c) => !cures.has(c.node) && isPrice(c));
}

/** For each distinct edit, the nodes it was proven to make run: a remedy titled for one node names them as cured, not as its price. */
export function curedBy(remedies: ReadonlyMap<string, NodeRemedies>): (r: Remedy) => ReadonlySet<string> {
  const byEdit = new Map<string, Set<string>>();
  for (const [name, nr] of remedies) {
    for (const f of nr.fixes) {
      if (f.kind === 'exclude-node') continue;
      const key = JSON.stringify(f.edits);
      const set = byEdit.get(key) ?? new Set<string>();
      set.add(name);
      byEdit.set(key, set);
    }
  }
  const none: ReadonlySet<string> = new Set();
  // Copies of one fix (shareCures) share its edits: stringify each list of edits once.
  const keys = new WeakMap<readonly unknown[], string>();
  const keyOf = (edits: readonly unknown[]) => keys.get(edits) ?? (keys.set(edits, JSON.stringify(edits)), keys.get(edits)!);
  return (r) => (r.kind === 'exclude-node' ? none : (byEdit.get(keyOf(r.edits)) ?? none));
}

/**
 * The distinct remedies for a group of nodes (a diagnostic's nodes), the ones curing most of
 * them first, then by price; at most `max`.
 */
export function groupRemedies(
  remedies: ReadonlyMap<string, NodeRemedies>,
  nodes: readonly string[],
  kinds?: ReadonlySet<RemedyKind>,
  max = 4,
  opts: { countCured?: boolean } = {},
): { remedy: Remedy; title: string; nodes: string[] }[] {
  const group = new Set(nodes);
  const byEdit = new Map<string, { remedy: Remedy; cures: Set<string> }>();
  for (const name of nodes) {
    for (const r of remedies.get(name)?.fixes ?? []) {
      if (r.kind === 'exclude-node' || (kinds && !kinds.has(r.kind))) continue;
      const key = JSON.stringify(r.edits);
      const e = byEdit.get(key) ?? { remedy: r, cures: new Set<string>() };
      e.cures.add(name);
      byEdit.set(key, e);
    }
  }
  return [...byEdit.values()]
    .map((e) => ({ ...e, price: priceOf(e.remedy, group).length }))
    .sort((a, b) => b.cures.size - a.cures.size || a.price - b.price || KIND_ORDER.indexOf(a.remedy.kind) - KIND_ORDER.indexOf(b.remedy.kind))
    .slice(0, max)
    .map((e) => ({ remedy: e.remedy, title: remedyTitle(e.remedy, group, opts), nodes: nodes.filter((n) => e.cures.has(n)) }));
}

/**
 * A fix proven for one node that, on the same replay, also made other nodes run is proven for
 * them too: give it to those that have none of their own (a large inventory asks per group).
 */
export function shareCures(remedies: Map<string, NodeRemedies>): Map<string, NodeRemedies> {
  const shared = new Map<string, Remedy[]>();
  for (const nr of remedies.values())
    for (const f of nr.fixes) {
      if (f.kind === 'exclude-node') continue;
      for (const c of f.alsoChanges) if (c.to === 'runs' && !remedies.has(c.node)) shared.set(c.node, [...(shared.get(c.node) ?? []), { ...f, node: c.node }]);
    }
  if (shared.size === 0) return remedies;
  const out = new Map(remedies);
  for (const [node, fixes] of shared) out.set(node, { node, fixes, advice: [] });
  return out;
}
