/**
 * Node selection: for a node the nodeSelector or the required node affinity leaves out, select
 * its value too (set the nodeSelector value, add it to an `In` list, take it out of a `NotIn`
 * list) or relax the entry that fails. The engine then shows what else the edit lets in.
 */
import { list } from '../util/list';
import { extractNodeFields, matchTerm, newNodeSelectorTerm, nodeLabels } from '../placement/nodeaffinity';
import type { NodePlacement, NodeSelectorRequirement, NodeSelectorTerm, PlacementReason } from '../placement/types';
import { plainOrQuoted } from '../yaml/edits';
import { POD, type PathSeg } from '../yaml/types';
import { t } from '../l10n';
import type { Aspects, Candidate, RemedyContext, RemedyGenerator } from './types';

const TERMS: readonly PathSeg[] = [...POD, 'affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms'];

/** The operating system labels: an image is built for one, so selecting another OS is no remedy (a Windows node needs its own DaemonSet). */
export const OS_LABELS: ReadonlySet<string> = new Set(['kubernetes.io/os', 'beta.kubernetes.io/os']);
/** Labels the kubelet sets from the machine itself: relabelling the node is no remedy. */
const KUBELET_LABELS: ReadonlySet<string> = new Set([
  ...OS_LABELS,
  'kubernetes.io/arch',
  'beta.kubernetes.io/arch',
  'kubernetes.io/hostname',
  'node.kubernetes.io/instance-type',
  'beta.kubernetes.io/instance-type',
  'topology.kubernetes.io/region',
  'topology.kubernetes.io/zone',
]);

function has(labels: Record<string, string>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(labels, key);
}

function nodeSelectorAspects(ctx: RemedyContext, node: NodePlacement): Aspects {
  const sel = ctx.value?.spec?.template?.spec?.nodeSelector;
  if (!sel || typeof sel !== 'object' || Array.isArray(sel)) return [];
  const aspects: Aspects = [];
  for (const [key, want] of Object.entries(sel)) {
    const have = has(node.labels, key) ? node.labels[key] : undefined;
    if (have !== undefined && have === String(want)) continue;
    const alternatives: Candidate[] = [];
    if (OS_LABELS.has(key)) {
      aspects.push(alternatives);
      continue;
    }
    if (have !== undefined) {
      const e = ctx.edits.setValue([...POD, 'nodeSelector', key], have);
      if (e) alternatives.push({ kind: 'node-selector-value', title: t('Select {0}={1} in the nodeSelector', key, have), edits: [e] });
    }
    const r = ctx.edits.removeKey([...POD, 'nodeSelector', key]);
    if (r) alternatives.push({ kind: 'node-selector-remove', title: t('Remove nodeSelector {0}', key), edits: [r] });
    aspects.push(alternatives);
  }
  return aspects;
}

/** Whether one expression alone matches the node (parse errors: no). */
function expressionMatches(expr: NodeSelectorRequirement, node: any): boolean {
  const term = newNodeSelectorTerm({ matchExpressions: [expr] }, 'e');
  return matchTerm(term, nodeLabels(node), extractNodeFields(node)).match;
}

function valuesPath(ti: number, ei: number): PathSeg[] {
  return [...TERMS, ti, 'matchExpressions', ei, 'values'];
}

/** Put `value` into the values list at `path` (block or flow). */
function addValue(ctx: RemedyContext, path: PathSeg[], values: readonly string[], value: string): Candidate['edits'] | undefined {
  const e = ctx.edits.appendItem(path, plainOrQuoted(value)) ?? ctx.edits.replaceValue(path, `[${[...values, value].map(plainOrQuoted).join(', ')}]`);
  return e ? [e] : undefined;
}

function removeValue(ctx: RemedyContext, path: PathSeg[], values: readonly string[], value: string): Candidate['edits'] | undefined {
  const i = values.indexOf(value);
  const e =
    ctx.edits.removeItem(path, i) ??
    ctx.edits.replaceValue(
      path,
      `[${values
        .filter((v) => v !== value)
        .map(plainOrQuoted)
        .join(', ')}]`,
    );
  return e ? [e] : undefined;
}

/** The alternatives for one failing expression. */
function expressionAlternatives(ctx: RemedyContext, node: NodePlacement, expr: NodeSelectorRequirement, ti: number, ei: number, siblings: number): Candidate[] {
  const out: Candidate[] = [];
  if (OS_LABELS.has(expr.key)) return out;
  const values = list<string>(expr.values).map(String);
  const have = has(node.labels, expr.key) ? node.labels[expr.key] : undefined;
  if (expr.operator === 'In' && have !== undefined) {
    const edits = addValue(ctx, valuesPath(ti, ei), values, have);
    if (edits) out.push({ kind: 'affinity-add-value', title: t('Add {0} to the values of {1} In', have, expr.key), edits });
  }
  if (expr.operator === 'NotIn' && have !== undefined && values.includes(have) && values.length > 1) {
    const edits = removeValue(ctx, valuesPath(ti, ei), values, have);
    if (edits) out.push({ kind: 'affinity-remove-value', title: t('Take {0} out of the values of {1} NotIn', have, expr.key), edits });
  }
  // Dropping the expression relaxes the term; a term left empty would match nothing.
  if (siblings > 1) {
    const e = ctx.edits.removeItem([...TERMS, ti, 'matchExpressions'], ei);
    if (e) out.push({ kind: 'affinity-remove-expression', title: t('Remove the required affinity expression {0} {1}', expr.key, expr.operator), edits: [e] });
  }
  return out;
}

function affinityAspects(ctx: RemedyContext, node: NodePlacement): Aspects {
  const terms = ctx.value?.spec?.template?.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms === undefined) return [];
  if (!Array.isArray(terms) || terms.length === 0) return [[]];
  const nodeObj = ctx.inventory.nodes.find((n) => n?.metadata?.name === node.name);
  let best: { ti: number; failing: [NodeSelectorRequirement, number][]; count: number } | undefined;
  terms.forEach((term: NodeSelectorTerm, ti) => {
    const parsed = newNodeSelectorTerm(term ?? {}, 't');
    if (parsed.parseErrors.length > 0 || list(term?.matchFields).length > 0) return;
    const exprs = list<NodeSelectorRequirement>(term?.matchExpressions);
    if (exprs.length === 0) return;
    const failing = exprs.map((e, ei) => [e, ei] as [NodeSelectorRequirement, number]).filter(([e]) => !expressionMatches(e, nodeObj));
    if (!best || failing.length < best.failing.length) best = { ti, failing, count: exprs.length };
  });
  if (!best) return [[]];
  if (best.failing.length === 0) return [];
  const { ti, failing, count } = best;
  return failing.map(([e, ei]) => expressionAlternatives(ctx, node, e, ti, ei, count));
}

export const selectNode: RemedyGenerator = (ctx, node, reasons) => {
  if (!reasons.some((r) => r.predicate === 'NodeAffinity')) return [];
  return [...nodeSelectorAspects(ctx, node), ...affinityAspects(ctx, node)];
};

/** What to do on the node side: give it the labels the DaemonSet selects (never labels the kubelet sets from the machine). */
export function selectorAdvice(ctx: RemedyContext, node: NodePlacement, hasFixes: boolean, reasons: readonly PlacementReason[]): string[] {
  const sel = ctx.value?.spec?.template?.spec?.nodeSelector;
  const missing = sel && typeof sel === 'object' && !Array.isArray(sel) ? Object.entries(sel).filter(([k, v]) => node.labels[k] !== String(v)) : [];
  const os = missing.find(([k]) => OS_LABELS.has(k));
  if (os && has(node.labels, os[0]))
    return [
      t(
        '{0} runs {1} and the DaemonSet selects {2}: an image is built for one OS, so that node needs its own DaemonSet.',
        node.name,
        node.labels[os[0]],
        String(os[1]),
      ),
    ];
  if (missing.some(([k]) => KUBELET_LABELS.has(k))) return [];
  if (missing.length > 0) {
    const labels = missing.map(([k, v]) => `${k}=${String(v)}`).join(' ') + (missing.some(([k]) => has(node.labels, k)) ? ' --overwrite' : '');
    return [hasFixes ? t('Or on the node: kubectl label nodes {0} {1}', node.name, labels) : t('On the node: kubectl label nodes {0} {1}', node.name, labels)];
  }
  // The required node affinity: say which expressions the closest term needs, unless they are the kubelet's.
  const terms = reasons.flatMap((r) => (r.selector?.kind === 'requiredAffinity' ? r.selector.terms : []));
  if (terms.length === 0 || terms.some((x) => [...KUBELET_LABELS].some((k) => x.includes(k)))) return [];
  const closest = [...terms].sort((a, b) => a.split(', ').length - b.split(', ').length)[0];
  return [
    hasFixes
      ? t('Or on the node: give {0} labels that satisfy the required node affinity ({1}).', node.name, closest)
      : t('On the node: give {0} labels that satisfy the required node affinity ({1}).', node.name, closest),
  ];
}
