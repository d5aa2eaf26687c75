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

/** Generators by the predicates they cure; a failing predicate with none cannot be cured by a manifest edit. */
const GENERATORS: [RemedyGenerator, readonly string[]][] = [
  [tolerateTaints, ['TaintToleration']],
  [selectNode, ['NodeAffinity']],
  [lowerRequests, ['NodeResourcesFit']],
  [freeHostPorts, ['NodePorts']],
];
const WHOLE: WholeGenerator[] = [removeBlockingField, raisePriority];
const CURABLE = new Set(GENERATORS.flatMap(([, p]) => p));

/** Ties in ranking go to the least invasive kind. */
const KIND_ORDER: RemedyKind[] = [
  'fix-toleration',
  'tolerate-taint',
  'node-selector-value',
  'affinity-add-value',
  'affinity-remove-value',
  'lower-request',
  'free-host-port',
  'drop-max-surge',
  'remove-field',
  'affinity-remove-expression',
  'node-selector-remove',
  'priority-class',
  'exclude-node',
];

/** How many edited copies one call may place (each is a full placement on the inventory). */
export const MAX_REPLAYS = 40;
/** Alternatives tried per aspect, and combinations per node. */
const ALTERNATIVES = 3;
const COMBINATIONS = 8;

export interface RemedyOptions {
  /** Only these nodes (default: every node that does not run). */
  nodes?: ReadonlySet<string>;
  /** Also offer "exclude this node" for the nodes that run or stay Pending. */
  exclusions?: boolean;
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
  for (const p of parts) {
    let fresh = false;
    for (const e of p.edits) {
      const key = JSON.stringify(e);
      if (seen.has(key)) continue;
      seen.add(key);
      edits.push(e);
      fresh = true;
    }
    if (fresh) titles.push(p.title);
  }
  return { kind: parts[0].kind, title: titles.join('; '), edits };
}

class Replayer {
  private readonly memo = new Map<string, PlacementResult | null>();
  private replays = 0;
  private readonly index: number;

  constructor(private readonly ctx: RemedyContext) {
    this.index = findDaemonSets(ctx.file).findIndex((r) => r.node === ctx.ds.node);
  }

  /** The placement of the DaemonSet in the edited text; null when the edit does not apply cleanly or the budget is spent. */
  place(edits: readonly TextEdit[]): PlacementResult | null {
    const key = JSON.stringify(edits);
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    if (this.replays >= MAX_REPLAYS || this.index < 0) return null;
    this.replays++;
    let result: PlacementResult | null = null;
    const text = applyTextEdits(this.ctx.file, edits);
    if (text !== undefined) {
      const file = parseFile(text);
      const ref = findDaemonSets(file)[this.index];
      if (ref && !file.docs.some((d) => d.doc.errors.length > 0)) result = this.ctx.place(ref.value);
    }
    this.memo.set(key, result);
    return result;
  }
}

function aspectsOf(ctx: RemedyContext, node: NodePlacement, reasons: readonly PlacementReason[]): Aspects | undefined {
  // A failure no generator can cure leaves the node out whatever else is edited.
  if (reasons.some((r) => !CURABLE.has(r.predicate))) return undefined;
  const aspects = GENERATORS.flatMap(([g]) => g(ctx, node, reasons));
  return aspects.some((a) => a.length === 0) ? undefined : aspects;
}

function prove(ctx: RemedyContext, replay: Replayer, node: NodePlacement, candidate: Candidate, want: (n: NodePlacement) => boolean): Remedy | undefined {
  const result = replay.place(candidate.edits);
  const after = result?.nodes.find((n) => n.name === node.name);
  if (!result || !after || !want(after)) return undefined;
  const before = new Map(ctx.placement.nodes.map((n) => [n.name, n.verdict]));
  const alsoChanges = result.nodes
    .filter((n) => n.name !== node.name && before.get(n.name) !== n.verdict)
    .map((n) => ({ node: n.name, from: before.get(n.name) ?? 'excluded', to: n.verdict }));
  return {
    kind: candidate.kind,
    title: candidate.title,
    edits: candidate.edits,
    node: node.name,
    verdict: after.verdict,
    ...((after as { preempts?: { namespace: string; name: string }[] }).preempts?.length
      ? { preempts: (after as { preempts?: { namespace: string; name: string }[] }).preempts!.map((p) => ({ namespace: p.namespace, name: p.name })) }
      : {}),
    alsoChanges,
    preferred: false,
  };
}

function runs(n: NodePlacement): boolean {
  return n.verdict === 'runs';
}

/** Proven remedies that make one node run. */
function cure(ctx: RemedyContext, replay: Replayer, node: NodePlacement): Remedy[] {
  const out: Remedy[] = [];
  const tried = new Set<string>();
  const attempt = (c: Candidate): NodePlacement | undefined => {
    const key = JSON.stringify(c.edits);
    if (tried.has(key)) return undefined;
    tried.add(key);
    const r = prove(ctx, replay, node, c, runs);
    if (r) {
      out.push(r);
      return undefined;
    }
    return replay.place(c.edits)?.nodes.find((n) => n.name === node.name);
  };
  const aspects = aspectsOf(ctx, node, node.reasons);
  for (const combo of aspects ? combinations(aspects) : []) {
    const candidate = merge(combo);
    const after = attempt(candidate);
    // Past the controller's checks, the scheduler may still leave the pod Pending: cure that too.
    if (after?.verdict === 'pending' && node.verdict === 'excluded') {
      const next = aspectsOf(ctx, after, after.reasons);
      for (const more of next ? combinations(next) : []) attempt(merge([candidate, ...more]));
      for (const g of WHOLE) for (const w of g(ctx, after, after.reasons)) attempt(merge([candidate, w]));
    }
  }
  for (const g of WHOLE) for (const w of g(ctx, node, node.reasons)) attempt(w);
  return out;
}

function rank(remedies: Remedy[]): Remedy[] {
  const sorted = remedies.sort(
    (a, b) => a.alsoChanges.length - b.alsoChanges.length || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.edits.length - b.edits.length,
  );
  sorted.forEach((r, i) => (r.preferred = i === 0));
  return sorted;
}

/** Remedies and advice for the nodes that do not run (and, with `exclusions`, how to leave out the ones that do). */
export function nodeRemedies(ctx: RemedyContext, opts: RemedyOptions = {}): Map<string, NodeRemedies> {
  const replay = new Replayer(ctx);
  const out = new Map<string, NodeRemedies>();
  for (const node of ctx.placement.nodes) {
    if (opts.nodes && !opts.nodes.has(node.name)) continue;
    const fixes: Remedy[] = node.verdict === 'runs' ? [] : rank(cure(ctx, replay, node));
    if (opts.exclusions && node.verdict !== 'excluded') {
      const c = excludeNode(ctx, node);
      const r = c && prove(ctx, replay, node, c, (n) => n.verdict === 'excluded');
      if (r) fixes.push({ ...r, preferred: fixes.length === 0 && node.verdict === 'runs' });
    }
    const advice = node.verdict === 'runs' ? [] : nodeAdvice(ctx, node);
    if (fixes.length > 0 || advice.length > 0) out.set(node.name, { node: node.name, fixes, advice });
  }
  return out;
}

/**
 * A remedy's title with its price: the pods it preempts and the other nodes it changes
 * (`cures`: nodes the same edit was proven for, which are not a price).
 */
export function remedyTitle(r: Remedy, cures: ReadonlySet<string> = new Set()): string {
  let title = r.title;
  if (r.preempts?.length) title += ' ' + t('(preempts {0})', r.preempts.map((p) => `${p.namespace}/${p.name}`).join(', '));
  const cured = r.alsoChanges.filter((c) => cures.has(c.node)).length;
  const price = r.alsoChanges.filter((c) => !cures.has(c.node));
  const gained = price.filter((c) => c.from === 'excluded').length;
  const lost = price.filter((c) => c.to === 'excluded').length;
  const other = price.length - gained - lost;
  if (cured) title += ' ' + t('({0} nodes run)', cured + 1);
  if (gained) title += ' ' + t('(also adds {0} other node(s))', gained);
  if (lost) title += ' ' + t('(also drops {0} other node(s))', lost);
  if (other) title += ' ' + t('(also changes {0} other node(s))', other);
  return title;
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
  return (r) => (r.kind === 'exclude-node' ? new Set() : (byEdit.get(JSON.stringify(r.edits)) ?? new Set()));
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
): { remedy: Remedy; title: string }[] {
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
    .map((e) => ({ ...e, price: e.remedy.alsoChanges.filter((c) => !group.has(c.node)).length }))
    .sort((a, b) => b.cures.size - a.cures.size || a.price - b.price || KIND_ORDER.indexOf(a.remedy.kind) - KIND_ORDER.indexOf(b.remedy.kind))
    .slice(0, max)
    .map((e) => ({ remedy: e.remedy, title: remedyTitle(e.remedy, group) }));
}
