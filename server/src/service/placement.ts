/**
 * Placement as the editor shows it: a view per DaemonSet of a document's analysis (for CodeLens
 * and the panel), the CodeLens summary, and hover text saying which nodes a selector or
 * toleration matches. The verdicts come from the DaemonSet's analysis (analysis/document.ts).
 */
import type { DaemonSetAnalysis, DocumentAnalysis } from '../analysis/document';
import { inventoryHints, inventoryLabel } from '../placement/inventory';
import { reasonLabel } from '../placement/reasons';
import type { Inventory, PlacementResult } from '../placement/types';
import { offsetToPosition, type DaemonSetRef, type ParsedFile } from '../yaml/document';
import type { PathSeg, Range } from '../yaml/types';
import { t } from '../l10n';
import { mdCode, mdText } from '../util/markdown';

/** Node names as Markdown text (an inventory chooses them: see util/markdown.ts). */
function listNodes(names: string[], max = 6): string {
  if (names.length <= max) return names.map(mdText).join(', ');
  return t('{0} and {1} more', names.slice(0, max).map(mdText).join(', '), names.length - max);
}

/**
 * Hover text for the placement-relevant parts of a DaemonSet: nodeSelector (and its entries),
 * node affinity, tolerations. `path` is relative to the DaemonSet. Keys, values and names from
 * the document and the inventory are escaped for Markdown.
 */
export function placementHover(ds: any, result: PlacementResult, inventory: Inventory, path: PathSeg[]): string | undefined {
  const p = path.map(String);
  if (p[0] !== 'spec' || p[1] !== 'template' || p[2] !== 'spec') return undefined;
  const field = p[3];
  if (field !== 'nodeSelector' && field !== 'affinity' && field !== 'tolerations') return undefined;
  const total = result.nodes.length;
  const where = mdText(inventoryLabel(inventory));
  if (field === 'nodeSelector' && p.length === 5) {
    const key = p[4];
    const want = ds?.spec?.template?.spec?.nodeSelector?.[key];
    const matching = inventory.nodes.filter((n) => n?.metadata?.labels?.[key] === want).map((n) => n.metadata.name);
    const values = inventoryHints(inventory).labels.get(key);
    const spread = values ? [...values.entries()].map(([v, c]) => `${mdCode(v)} (${c})`).join(', ') : t('none');
    return matching.length
      ? t(
          '**Placement** on {0}: {1} of {2} nodes have {3}: {5}. Values of {4} on nodes: {6}.',
          where,
          matching.length,
          total,
          mdCode(`${key}=${String(want)}`),
          mdCode(key),
          listNodes(matching),
          spread,
        )
      : t(
          '**Placement** on {0}: {1} of {2} nodes have {3}. Values of {4} on nodes: {5}.',
          where,
          matching.length,
          total,
          mdCode(`${key}=${String(want)}`),
          mdCode(key),
          spread,
        );
  }
  if (field === 'tolerations') {
    const byTaint = result.nodes.filter((n) => n.reasons.some((r) => r.predicate === 'TaintToleration'));
    const tolerated = result.nodes.filter(
      (n) => n.taints.some((t) => t.effect !== 'PreferNoSchedule') && !n.reasons.some((r) => r.predicate === 'TaintToleration'),
    );
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
    for (const n of byTaint.slice(0, 8)) lines.push(`- ${mdText(n.name)}: ${mdText(reasonLabel(n.reasons.find((r) => r.predicate === 'TaintToleration')!))}`);
    if (byTaint.length > 8) lines.push(`- ${t('… and {0} more', byTaint.length - 8)}`);
    return lines.join('\n');
  }
  const excluded = result.nodes.filter((n) => n.reasons.some((r) => r.predicate === 'NodeAffinity'));
  const matched = total - excluded.length;
  return excluded.length
    ? t(
        '**Placement** on {0}: node selector and required affinity match {1} of {2} nodes; not {3}.',
        where,
        matched,
        total,
        listNodes(excluded.map((n) => n.name)),
      )
    : t('**Placement** on {0}: node selector and required affinity match {1} of {2} nodes.', where, matched, total);
}

export interface DaemonSetPlacementView {
  name: string;
  namespace?: string;
  /** The line of the DaemonSet's first key. */
  line: number;
  /** The line where the DaemonSet's YAML ends. */
  endLine: number;
  /** The DaemonSet's YAML in the whole text. */
  range: Range;
  placement: PlacementResult;
  value: any;
  /** The DaemonSet in its parsed document, and the line that document starts on in the whole text. */
  ref: DaemonSetRef;
  file: ParsedFile;
  documentLine: number;
  /** The remedy engine on this DaemonSet (edits in its document's lines). */
  remedies: DaemonSetAnalysis['remedies'];
}

/** The placeable DaemonSets of a document's analysis with their placement (offsets and lines within the document). */
export function placementViews(analysis: DocumentAnalysis): DaemonSetPlacementView[] {
  const views: DaemonSetPlacementView[] = [];
  for (const ds of analysis.daemonSets) {
    const placement = ds.placement();
    if (!placement) continue;
    const { ref } = ds;
    const start = ref.node.range?.[0] ?? ref.parsed.start;
    const end = ref.node.range?.[2] ?? ref.parsed.end;
    views.push({
      name: typeof ref.value?.metadata?.name === 'string' ? ref.value.metadata.name : t('(unnamed)'),
      namespace: typeof ref.value?.metadata?.namespace === 'string' ? ref.value.metadata.namespace : undefined,
      line: offsetToPosition(analysis.file, start).line,
      endLine: offsetToPosition(analysis.file, end).line,
      range: { start: offsetToPosition(analysis.file, start), end: offsetToPosition(analysis.file, end) },
      placement,
      value: ref.value,
      ref,
      file: analysis.file,
      documentLine: 0,
      remedies: ds.remedies,
    });
  }
  return views;
}

/** A view moved down by the line its document starts at. */
export function shiftView(v: DaemonSetPlacementView, line: number): DaemonSetPlacementView {
  return line === 0
    ? v
    : {
        ...v,
        line: v.line + line,
        endLine: v.endLine + line,
        documentLine: v.documentLine + line,
        range: { start: { ...v.range.start, line: v.range.start.line + line }, end: { ...v.range.end, line: v.range.end.line + line } },
      };
}

/**
 * Nodes the controller creates a pod for (verdict runs or pending), whether it runs on free room
 * or by preempting other pods: which nodes the DaemonSet covers, not how.
 */
export function targetedNodes(result: PlacementResult): Set<string> {
  return new Set(result.nodes.filter((n) => n.verdict !== 'excluded').map((n) => n.name));
}

/** "Runs on 9 of 14 nodes · sample cluster · 2 pending", and how many of those it runs on only by preempting other pods. */
export function placementSummary(result: PlacementResult, inventoryName: string): string {
  const pending = result.counts.pending;
  const runs = result.counts.runs;
  const preempting = result.preempting ?? 0;
  if (preempting > 0)
    return pending
      ? t('Runs on {0} of {1} nodes ({2} by preempting other pods) · {3} · {4} pending', runs, result.nodes.length, preempting, inventoryName, pending)
      : t('Runs on {0} of {1} nodes ({2} by preempting other pods) · {3}', runs, result.nodes.length, preempting, inventoryName);
  return pending
    ? t('Runs on {0} of {1} nodes · {2} · {3} pending', runs, result.nodes.length, inventoryName, pending)
    : t('Runs on {0} of {1} nodes · {2}', runs, result.nodes.length, inventoryName);
}
