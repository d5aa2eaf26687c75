/**
 * Filtering, sorting and grouping of node verdicts for the page. Pure (no DOM).
 */
import type { PanelNode } from '../../../server/src/protocol';

type Verdict = PanelNode['verdict'];

export type SortKey = 'name' | 'verdict' | 'zone';

export const VERDICT_ORDER: Record<Verdict, number> = { runs: 0, pending: 1, excluded: 2 };

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function compareNodes(sort: SortKey): (a: PanelNode, b: PanelNode) => number {
  const byName = (a: PanelNode, b: PanelNode) => collator.compare(a.name, b.name);
  if (sort === 'verdict') return (a, b) => VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] || byName(a, b);
  if (sort === 'zone') {
    // Nodes without a zone label sort last.
    return (a, b) => (a.zone === undefined ? 1 : 0) - (b.zone === undefined ? 1 : 0) || collator.compare(a.zone ?? '', b.zone ?? '') || byName(a, b);
  }
  return byName;
}

/** Everything a user may type to find a node: name, roles, zone, os/arch, labels, taints, reasons (those reported next too). */
export function searchText(n: PanelNode): string {
  const parts = [n.name, ...n.roles, n.zone ?? '', n.os ?? '', n.arch ?? '', `${n.os ?? ''}/${n.arch ?? ''}`, n.verdict];
  for (const [k, v] of Object.entries(n.labels ?? {})) parts.push(`${k}=${v}`);
  for (const t of n.taints) parts.push(t.text);
  for (const r of [...n.reasons, ...(n.laterReasons ?? [])]) parts.push(r.label, r.predicate);
  if (n.unschedulable) parts.push('cordoned', 'SchedulingDisabled');
  parts.push(n.ready === 'True' ? 'Ready' : n.ready === 'False' ? 'NotReady' : 'Unknown');
  return parts.join('\n').toLowerCase();
}

/** searchText per node object (a state or patch brings new objects for nodes that changed). */
const searchTexts = new WeakMap<PanelNode, string>();

/** Every whitespace-separated word of the filter must occur somewhere in the node's text. */
export function matchesFilter(n: PanelNode, filter: string): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  let text = searchTexts.get(n);
  if (text === undefined) searchTexts.set(n, (text = searchText(n)));
  return words.every((w) => text.includes(w));
}

export interface NodeGroup {
  /** Stable id: verdict plus the reasons' wording. */
  key: string;
  verdict: Verdict;
  /** The reasons shared by the group (Kubernetes wording); empty for nodes that run it. */
  reasons: string[];
  nodes: PanelNode[];
}

/** Groups by verdict, then by the exact reasons; verdicts in order runs, pending, excluded; bigger groups first. */
export function groupNodes(nodes: PanelNode[], sort: SortKey): NodeGroup[] {
  const groups = new Map<string, NodeGroup>();
  for (const n of nodes) {
    const reasons = n.verdict === 'runs' ? [] : n.reasons.map((r) => r.label);
    const key = `${n.verdict}|${reasons.join('\n')}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, verdict: n.verdict, reasons, nodes: [] }));
    g.nodes.push(n);
  }
  const cmp = compareNodes(sort);
  for (const g of groups.values()) g.nodes.sort(cmp);
  return [...groups.values()].sort(
    (a, b) => VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] || b.nodes.length - a.nodes.length || collator.compare(a.key, b.key),
  );
}
