/**
 * The placement view of the service: placement results per DaemonSet (cached, so unchanged
 * documents cost nothing on a keystroke), completion hints from an inventory, and hover text
 * saying which nodes a selector or toleration matches.
 */
import { computePlacement } from '../placement/placement';
import type { Inventory, PlacementResult } from '../placement/types';
import type { InventoryHints } from '../service/completion';
import { findDaemonSets, offsetToPosition, parseFile, splitDocuments } from '../yaml/document';
import type { PathSeg } from '../yaml/types';
import { taintString } from '../k8s/taints';
import { currentLocale, t } from '../l10n';

const MAX_CACHED = 2000;
const results = new WeakMap<Inventory, Map<string, PlacementResult>>();
const hintsCache = new WeakMap<Inventory, { locale: string; hints: InventoryHints }>();

/** What placement depends on: identity, selector, template. Not labels of the DaemonSet itself. */
function placementKey(ds: any): string {
  return JSON.stringify([ds?.metadata?.namespace, ds?.metadata?.name, ds?.metadata?.uid, ds?.spec?.selector, ds?.spec?.template, ds?.spec?.updateStrategy]);
}

export function placementFor(ds: any, inventory: Inventory): PlacementResult {
  let perInventory = results.get(inventory);
  if (!perInventory) results.set(inventory, (perInventory = new Map()));
  const key = placementKey(ds);
  const hit = perInventory.get(key);
  if (hit) return hit;
  const result = computePlacement(ds, inventory);
  if (perInventory.size >= MAX_CACHED) perInventory.delete(perInventory.keys().next().value!);
  perInventory.set(key, result);
  return result;
}

/** A short name for messages: "the sample cluster", "inventory nodes.yaml", "cluster kind-dev". */
export function inventoryLabel(inventory: Inventory): string {
  switch (inventory.source) {
    case 'sample':
      // The bundled sample is named 'sample cluster' (inventory/sample.ts).
      return inventory.name === 'sample cluster' ? t('the sample cluster') : t('the {0}', inventory.name);
    case 'file':
      return t('inventory {0}', inventory.name);
    default:
      return inventory.stale ? t('cluster {0} (stale)', inventory.name) : t('cluster {0}', inventory.name);
  }
}

export function inventoryHints(inventory: Inventory): InventoryHints {
  const hit = hintsCache.get(inventory);
  if (hit && hit.locale === currentLocale()) return hit.hints;
  const labels = new Map<string, Map<string, number>>();
  const taints = new Map<string, { key: string; value?: string; effect: string; count: number }>();
  for (const node of inventory.nodes) {
    for (const [k, v] of Object.entries((node?.metadata?.labels ?? {}) as Record<string, unknown>)) {
      if (typeof v !== 'string') continue;
      let vals = labels.get(k);
      if (!vals) labels.set(k, (vals = new Map()));
      vals.set(v, (vals.get(v) ?? 0) + 1);
    }
    for (const t of (Array.isArray(node?.spec?.taints) ? node.spec.taints : []) as any[]) {
      if (typeof t?.key !== 'string' || typeof t?.effect !== 'string') continue;
      const id = taintString(t);
      const e = taints.get(id);
      if (e) e.count++;
      else taints.set(id, { key: t.key, value: t.value || undefined, effect: t.effect, count: 1 });
    }
  }
  const hints: InventoryHints = { labels, taints: [...taints.values()].sort((a, b) => b.count - a.count), inventoryName: inventoryLabel(inventory) };
  hintsCache.set(inventory, { locale: currentLocale(), hints });
  return hints;
}

function listNodes(names: string[], max = 6): string {
  if (names.length <= max) return names.join(', ');
  return t('{0} and {1} more', names.slice(0, max).join(', '), names.length - max);
}

/**
 * Hover text for the placement-relevant parts of a DaemonSet: nodeSelector (and its entries),
 * node affinity, tolerations. `path` is relative to the DaemonSet.
 */
export function placementHover(ds: any, inventory: Inventory, path: PathSeg[]): string | undefined {
  const p = path.map(String);
  if (p[0] !== 'spec' || p[1] !== 'template' || p[2] !== 'spec') return undefined;
  const field = p[3];
  if (field !== 'nodeSelector' && field !== 'affinity' && field !== 'tolerations') return undefined;
  const result = placementFor(ds, inventory);
  const total = result.nodes.length;
  const where = inventoryLabel(inventory);
  if (field === 'nodeSelector' && p.length === 5) {
    const key = p[4];
    const want = ds?.spec?.template?.spec?.nodeSelector?.[key];
    const matching = inventory.nodes.filter((n) => n?.metadata?.labels?.[key] === want).map((n) => n.metadata.name);
    const values = inventoryHints(inventory).labels?.get(key);
    const spread = values ? [...values.entries()].map(([v, c]) => `\`${v}\` (${c})`).join(', ') : t('none');
    return matching.length
      ? t('**Placement** on {0}: {1} of {2} nodes have `{3}={4}`: {5}. Values of `{3}` on nodes: {6}.', where, matching.length, total, key, String(want), listNodes(matching), spread)
      : t('**Placement** on {0}: {1} of {2} nodes have `{3}={4}`. Values of `{3}` on nodes: {5}.', where, matching.length, total, key, String(want), spread);
  }
  if (field === 'tolerations') {
    const byTaint = result.nodes.filter((n) => n.reasons.some((r) => r.predicate === 'TaintToleration'));
    const tolerated = result.nodes.filter((n) => n.taints.some((t) => t.effect !== 'PreferNoSchedule') && !n.reasons.some((r) => r.predicate === 'TaintToleration'));
    const names = listNodes(tolerated.map((n) => n.name));
    const head = tolerated.length
      ? byTaint.length
        ? t('**Placement** on {0}: {1} tainted node(s) tolerated ({2}); {3} excluded by an untolerated taint:', where, tolerated.length, names, byTaint.length)
        : t('**Placement** on {0}: {1} tainted node(s) tolerated ({2}); {3} excluded by an untolerated taint.', where, tolerated.length, names, byTaint.length)
      : byTaint.length
        ? t('**Placement** on {0}: {1} tainted node(s) tolerated; {2} excluded by an untolerated taint:', where, tolerated.length, byTaint.length)
        : t('**Placement** on {0}: {1} tainted node(s) tolerated; {2} excluded by an untolerated taint.', where, tolerated.length, byTaint.length);
    const lines = [head];
    // The scheduler's own reason wording stays as kubectl describe prints it.
    for (const n of byTaint.slice(0, 8)) lines.push(`- ${n.name}: ${n.reasons.find((r) => r.predicate === 'TaintToleration')!.message}`);
    if (byTaint.length > 8) lines.push(`- ${t('… and {0} more', byTaint.length - 8)}`);
    return lines.join('\n');
  }
  const excluded = result.nodes.filter((n) => n.reasons.some((r) => r.predicate === 'NodeAffinity'));
  const matched = total - excluded.length;
  return excluded.length
    ? t('**Placement** on {0}: node selector and required affinity match {1} of {2} nodes; not {3}.', where, matched, total, listNodes(excluded.map((n) => n.name)))
    : t('**Placement** on {0}: node selector and required affinity match {1} of {2} nodes.', where, matched, total);
}

export interface DaemonSetPlacementView {
  name: string;
  namespace?: string;
  /** Offsets of the DaemonSet's document, and the line where its `kind:` (or first key) sits. */
  start: number;
  end: number;
  line: number;
  placement: PlacementResult;
  value: any;
}

/** Placement of every apps/v1 DaemonSet of a text (documents with YAML errors are skipped). */
/**
 * Placement of every apps/v1 DaemonSet of a text (documents with YAML errors are skipped).
 * CodeLens and the panel ask on every edit: documents are parsed one by one and cached by their
 * text, so an edit re-parses only the document it changed.
 */
export function placementsOfText(text: string, inventory: Inventory): DaemonSetPlacementView[] {
  const out: DaemonSetPlacementView[] = [];
  let offset = 0;
  for (const segment of splitDocuments(text)) {
    for (const v of placementsOfDocument(segment.text, inventory)) {
      out.push({ ...v, start: v.start + offset, end: v.end + offset, line: v.line + segment.startLine });
    }
    offset += segment.text.length;
  }
  return out;
}

const MAX_CACHED_DOCUMENTS = 4000;
const documentViews = new WeakMap<Inventory, Map<string, DaemonSetPlacementView[]>>();

function placementsOfDocument(text: string, inventory: Inventory): DaemonSetPlacementView[] {
  let cache = documentViews.get(inventory);
  if (!cache) documentViews.set(inventory, (cache = new Map()));
  const key = `${currentLocale()}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const file = parseFile(text);
  const views: DaemonSetPlacementView[] = [];
  for (const ds of findDaemonSets(file)) {
    if (ds.apiVersion !== 'apps/v1' || ds.parsed.doc.errors.length || ds.parsed.templated) continue;
    const start = ds.node.range?.[0] ?? ds.parsed.start;
    const end = ds.node.range?.[2] ?? ds.parsed.end;
    views.push({
      name: typeof ds.value?.metadata?.name === 'string' ? ds.value.metadata.name : t('(unnamed)'),
      namespace: typeof ds.value?.metadata?.namespace === 'string' ? ds.value.metadata.namespace : undefined,
      start,
      end,
      line: offsetToPosition(file, start).line,
      placement: placementFor(ds.value, inventory),
      value: ds.value,
    });
  }
  if (cache.size >= MAX_CACHED_DOCUMENTS) cache.delete(cache.keys().next().value!);
  cache.set(key, views);
  return views;
}

/** Nodes that run the DaemonSet (verdict runs or pending: the controller creates a pod). */
export function targetedNodes(result: PlacementResult): Set<string> {
  return new Set(result.nodes.filter((n) => n.verdict !== 'excluded').map((n) => n.name));
}

/** "Runs on 9 of 14 nodes · sample cluster · 2 pending" */
export function placementSummary(result: PlacementResult, inventoryName: string): string {
  const pending = result.counts.pending;
  const runs = result.counts.runs;
  return pending
    ? t('Runs on {0} of {1} nodes · {2} · {3} pending', runs, result.nodes.length, inventoryName, pending)
    : t('Runs on {0} of {1} nodes · {2}', runs, result.nodes.length, inventoryName);
}

/** The DaemonSet (plain value) whose YAML contains a line, if any. */
export function daemonSetAtLine(text: string, line: number): any | undefined {
  // Only the YAML document around the line is parsed: a hover must not parse a 500-document file.
  let lineStart = 0;
  for (let l = 0; l < line && lineStart !== -1; l++) lineStart = text.indexOf('\n', lineStart) + 1 || -1;
  if (lineStart === -1) lineStart = text.length;
  const sep = /^---(?=[ \t\r\n]|$)/gm;
  let docStart = 0;
  let docEnd = text.length;
  for (let m = sep.exec(text); m; m = sep.exec(text)) {
    if (m.index <= lineStart) docStart = m.index;
    else {
      docEnd = m.index;
      break;
    }
  }
  const file = parseFile(text.slice(docStart, docEnd));
  const offset = lineStart - docStart;
  const ds = findDaemonSets(file).find((d) => offset >= (d.node.range?.[0] ?? d.parsed.start) && offset <= (d.node.range?.[2] ?? d.parsed.end));
  return ds && ds.apiVersion === 'apps/v1' ? ds.value : undefined;
}
