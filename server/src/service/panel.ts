/**
 * The placement panel's data: for the DaemonSet under the cursor, every node with its verdict,
 * the reasons worded by the engine, where in the YAML each reason comes from, the edits that
 * remedy it, the labels and taints that matter, the footprint and the rollout, and what changed
 * against the saved file. The client and the page only relay and render this.
 */
import { isScalar } from 'yaml';
import { formatQuantity } from '../k8s/quantity';
import { taintString } from '../k8s/taints';
import { podRequests } from '../placement/resources';
import { reasonLabel } from '../placement/reasons';
import { rolloutPlan } from '../placement/rollout';
import type { NodePlacement, PlacementReason, PlacementResult } from '../placement/types';
import type { Footprint, PanelDaemonSet, PanelNode, PanelReason } from '../protocol';
import { reasonPaths } from '../rules/helpers/reason-path';
import { curedBy, reasonIndexOf, remedyTitle, shareCures, type NodeRemedies, type Remedy, type RemedyOptions } from '../remedy';
import { untoleratedTaints } from '../remedy/tolerate-taint';
import { locate, offsetToPosition, type DaemonSetRef, type ParsedFile } from '../yaml/document';
import type { PathSeg, Range, TextEdit } from '../yaml/types';
import { targetedNodes, type DaemonSetPlacementView } from './placement';

/** The panel's view of one DaemonSet; `baseline` is the same DaemonSet in the saved file, when there is one. */
export function panelDaemonSet(view: DaemonSetPlacementView, baseline?: DaemonSetPlacementView): PanelDaemonSet {
  const ranges = new Map<string, Range | undefined>();
  const selectorKeys = selectorKeysOf(view.value);
  const remedies = shareCures(view.remedies(panelRemedyOptions(view.placement)));
  const cures = curedBy(remedies);
  const nodes = view.placement.nodes.map((n) => panelNode(view, n, selectorKeys, ranges, remedies.get(n.name), cures));
  const p = view.placement;
  const out: PanelDaemonSet = {
    name: view.name,
    namespace: view.namespace,
    line: view.line,
    range: view.range,
    placement: {
      inventory: p.inventory,
      desired: p.desired,
      current: p.current,
      ready: p.ready,
      misscheduled: p.misscheduled,
      counts: p.counts,
      preempting: p.preempting ?? 0,
      messages: p.messages ?? [],
      nodes,
    },
    footprint: footprint(view.value, p),
    rollout: rolloutPlan(view.value, p.desired),
  };
  if (baseline) {
    const now = targetedNodes(p);
    const then = targetedNodes(baseline.placement);
    out.changes = { gained: [...now].filter((n) => !then.has(n)), lost: [...then].filter((n) => !now.has(n)) };
  }
  return out;
}

/** Above this many nodes the panel asks for remedies per group of nodes with the same reasons, not per node. */
export const PANEL_ALL_REMEDIES_MAX_NODES = 200;

/**
 * Which remedies the panel shows: every node's, and "exclude this node", on an inventory of
 * ordinary size; on a large one, the first node of each group of nodes that share their reasons
 * (what the grouped view shows with the group), so the panel stays quick at 5,000 nodes.
 */
function panelRemedyOptions(p: PlacementResult): RemedyOptions {
  if (p.nodes.length <= PANEL_ALL_REMEDIES_MAX_NODES) return { exclusions: true };
  const firsts = new Map<string, string>();
  for (const n of p.nodes) {
    if (n.verdict === 'runs') continue;
    const key = `${n.verdict}\u0000${n.reasons.map(reasonLabel).join('\u0000')}`;
    if (!firsts.has(key)) firsts.set(key, n.name);
  }
  return { nodes: new Set(firsts.values()) };
}

function panelNode(
  view: DaemonSetPlacementView,
  n: NodePlacement,
  selectorKeys: string[],
  ranges: Map<string, Range | undefined>,
  remedies: NodeRemedies | undefined,
  curedSets: (r: Remedy) => ReadonlySet<string>,
): PanelNode {
  const mismatched = new Set(n.reasons.flatMap((r) => (r.selector?.kind === 'nodeSelector' ? [r.selector.key] : [])));
  // Every taint that keeps the pod off, not only the one the scheduler names first.
  const untolerated = new Set(untoleratedTaints(view.value, n).map((t) => taintString(t)));
  // A remedy cures the node as a whole; its button sits with the first reason it cures. Leaving the node out is the node's own.
  const byReason = fixesByReason(view, n.reasons, remedies, curedSets);
  const excludes = (remedies?.fixes ?? []).filter((f) => f.kind === 'exclude-node').map((f) => fixOf(view, f, curedSets));
  const out: PanelNode = {
    name: n.name,
    verdict: n.verdict,
    existingPod: n.existingPod,
    roles: n.roles,
    os: n.os,
    arch: n.arch,
    zone: n.zone,
    ready: n.ready,
    unschedulable: n.unschedulable,
    labels: n.labels,
    selectorLabels: selectorKeys.map((key) => ({
      key,
      value: Object.prototype.hasOwnProperty.call(n.labels, key) ? n.labels[key] : undefined,
      mismatch: mismatched.has(key),
    })),
    taints: n.taints.map((t) => {
      const text = taintString(t);
      return { text, untolerated: untolerated.has(text) };
    }),
    reasons: n.reasons.map((r, i) => panelReason(view, r, ranges, byReason[i])),
    evictionWarnings: (n.evictionWarnings ?? []).map((w) => w.message),
  };
  if (n.preempts?.length) {
    out.preempts = n.preempts.map((p) => ({ namespace: p.namespace, name: p.name, ...(p.priority !== undefined ? { priority: p.priority } : {}) }));
    out.preemptedReasons = (n.preemptedReasons ?? []).map((r) => panelReason(view, r, ranges, []));
  }
  const later = n.laterReasons ?? [];
  if (later.length) out.laterReasons = later.map((r) => panelReason(view, r, ranges, []));
  if (remedies?.advice.length) out.advice = remedies.advice;
  if (excludes.length) out.fixes = excludes;
  return out;
}

export type FrontFix = { title: string; edits: TextEdit[]; preferred?: boolean };

/**
 * The proven remedies that make a node run, as the front ends show them: each under the first
 * of the node's reasons it cures, best first; one list per reason.
 */
export function fixesByReason(
  view: DaemonSetPlacementView,
  reasons: readonly PlacementReason[],
  remedies: NodeRemedies | undefined,
  cures?: (r: Remedy) => ReadonlySet<string>,
): FrontFix[][] {
  const out: FrontFix[][] = reasons.map(() => []);
  if (reasons.length === 0) return out;
  for (const f of remedies?.fixes ?? []) {
    if (f.kind === 'exclude-node') continue;
    out[reasonIndexOf(f, reasons)].push({ ...fixOf(view, f, cures), ...(f.preferred ? { preferred: true } : {}) });
  }
  return out;
}

/** A remedy as the front ends send it: its title with its price, edits on the whole text. */
export function fixOf(view: DaemonSetPlacementView, r: Remedy, cures?: (r: Remedy) => ReadonlySet<string>): { title: string; edits: TextEdit[] } {
  return { title: remedyTitle(r, cures?.(r)), edits: r.edits.map((e) => shiftEdit(e, view.documentLine)) };
}

function panelReason(view: DaemonSetPlacementView, r: PlacementReason, ranges: Map<string, Range | undefined>, fixes: PanelReason['fixes']): PanelReason {
  const label = reasonLabel(r);
  const key = `${r.predicate}\u0000${label}\u0000${r.selector?.kind === 'nodeSelector' ? r.selector.key : ''}\u0000${r.resource?.name ?? ''}\u0000${(r.ports ?? []).join(',')}`;
  if (!ranges.has(key)) ranges.set(key, reasonRange(view, r));
  const out: PanelReason = { predicate: r.predicate, message: r.message, label, detail: r.detail, range: ranges.get(key) };
  if (fixes?.length) out.fixes = fixes;
  return out;
}

/** The range of a reason in the whole text: the entry behind it, or the DaemonSet's first line. */
export function reasonRange(view: DaemonSetPlacementView, reason: PlacementReason): Range {
  for (const path of reasonPaths(reason, view.value)) {
    const r = pathRange(view.file, view.ref, path);
    if (r) return shiftRange(r, view.documentLine);
  }
  const start = { line: view.line, character: 0 };
  return { start, end: start };
}

function pathRange(file: ParsedFile, ref: DaemonSetRef, path: PathSeg[]): Range | undefined {
  const found = locate(ref.node, path);
  if (found.depth !== path.length) return undefined;
  const start = found.key?.range?.[0] ?? found.node?.range?.[0];
  if (start === undefined) return undefined;
  // A scalar entry selects `key: value`; a block selects its key, so the reveal stays one line.
  const end = found.node && isScalar(found.node) ? found.node.range?.[1] : (found.key?.range?.[1] ?? found.node?.range?.[1]);
  return { start: offsetToPosition(file, start), end: offsetToPosition(file, end ?? start) };
}

function shiftRange(r: Range, lines: number): Range {
  return lines === 0
    ? r
    : { start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } };
}

function shiftEdit(e: TextEdit, lines: number): TextEdit {
  return lines === 0 ? e : { ...e, range: shiftRange(e.range, lines) };
}

/** Label keys of spec.template.spec.nodeSelector and the required node affinity's matchExpressions. */
export function selectorKeysOf(ds: any): string[] {
  const spec = ds?.spec?.template?.spec;
  const keys = new Set<string>();
  const ns = spec?.nodeSelector;
  if (ns && typeof ns === 'object' && !Array.isArray(ns)) for (const k of Object.keys(ns)) keys.add(k);
  const terms = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (Array.isArray(terms)) {
    for (const t of terms) {
      for (const e of Array.isArray(t?.matchExpressions) ? t.matchExpressions : []) if (typeof e?.key === 'string') keys.add(e.key);
    }
  }
  return [...keys];
}

/** Per-pod requests × nodes where the pod runs. */
export function footprint(ds: any, placement: PlacementResult): Footprint {
  // The controller's pod is defaulted on creation (limits fill missing requests): count that pod.
  const req = podRequests(ds?.spec?.template?.spec, { defaultRequestsFromLimits: true });
  const nodes = placement.counts.runs;
  const pending = placement.counts.pending;
  const cpu = req.get('cpu') ?? 0;
  const mem = req.get('memory') ?? 0;
  const other = [...req.entries()]
    .filter(([k, v]) => k !== 'cpu' && k !== 'memory' && v > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, v]) => {
      const kind = name === 'ephemeral-storage' || name.startsWith('hugepages-') ? 'bytes' : 'count';
      return { name, perPod: formatQuantity(v, kind), total: formatQuantity(v * nodes, kind) };
    });
  return {
    perPod: { cpuMilli: cpu, memoryBytes: mem },
    nodes,
    pending,
    total: { cpuMilli: cpu * nodes, memoryBytes: mem * nodes },
    text: {
      cpu: formatQuantity(cpu, 'milli'),
      memory: formatQuantity(mem, 'bytes'),
      totalCpu: formatQuantity(cpu * nodes, 'milli'),
      totalMemory: formatQuantity(mem * nodes, 'bytes'),
      pendingCpu: formatQuantity(cpu * pending, 'milli'),
      pendingMemory: formatQuantity(mem * pending, 'bytes'),
    },
    other,
  };
}
