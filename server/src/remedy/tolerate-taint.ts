/**
 * Taints: fix the toleration that almost matches (a misspelled effect or key, a value one
 * letter off), or add one for exactly that taint. Taints the node lifecycle controller sets
 * while a node is unhealthy are not tolerated away: the node gets its pod when it recovers.
 */
import { taintString } from '../k8s/taints';
import { editDistance } from '../util/suggest';
import { list } from '../util/list';
import {
  addOrUpdateDaemonPodTolerations,
  doNotScheduleTaintsFilter,
  TaintNodeNetworkUnavailable,
  TaintNodeNotReady,
  TaintNodeUnreachable,
  toleratesTaint,
  tolerationsTolerateTaint,
} from '../placement/tolerations';
import type { NodePlacement, Taint, Toleration } from '../placement/types';
import { plainOrQuoted } from '../yaml/edits';
import { POD, type TextEdit } from '../yaml/types';
import { t } from '../l10n';
import type { Candidate, RemedyContext, RemedyGenerator } from './types';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** Taints a node carries because it is unhealthy or being shut down: tolerating them is not advice anyone would take. */
export const CONDITION_TAINTS: ReadonlySet<string> = new Set([
  TaintNodeNotReady,
  TaintNodeUnreachable,
  TaintNodeNetworkUnavailable,
  'node.kubernetes.io/out-of-service',
]);

/** Every NoSchedule/NoExecute taint of the node that the daemon pod (with the controller's own tolerations) does not tolerate. */
export function untoleratedTaints(ds: any, node: NodePlacement): Taint[] {
  const spec = addOrUpdateDaemonPodTolerations({ ...(ds?.spec?.template?.spec ?? {}) });
  return node.taints.filter((taint) => doNotScheduleTaintsFilter(taint) && !tolerationsTolerateTaint(spec.tolerations, taint));
}

function close(a: unknown, b: string): boolean {
  if (typeof a !== 'string' || a === b) return false;
  return editDistance(a.toLowerCase(), b.toLowerCase(), 3) <= Math.min(3, Math.max(1, Math.floor(b.length / 4)));
}

/** Changes to one written toleration that make it tolerate the taint, each touching one field that was nearly right. */
function nearMisses(ctx: RemedyContext, tolerations: readonly Toleration[], taint: Taint): Candidate[] {
  const out: Candidate[] = [];
  tolerations.forEach((tol, i) => {
    if (!tol || typeof tol !== 'object') return;
    const tries: [keyof Toleration, string, boolean][] = [
      ['effect', taint.effect, typeof tol.effect === 'string' && tol.effect !== '' && (!EFFECTS.includes(tol.effect) || close(tol.effect, taint.effect))],
      ['key', taint.key, close(tol.key, taint.key)],
      ['value', taint.value ?? '', (tol.operator ?? 'Equal') === 'Equal' && close(tol.value ?? '', taint.value ?? '')],
    ];
    for (const [field, value, plausible] of tries) {
      if (!plausible) continue;
      if (!toleratesTaint({ ...tol, [field]: value }, taint)) continue;
      const edit = ctx.edits.setValue([...POD, 'tolerations', i, field], value);
      if (!edit) continue;
      out.push({
        kind: 'fix-toleration',
        title: t('Fix toleration {0}: {1} `{2}` → `{3}`', i + 1, field, String(tol[field] ?? ''), value),
        edits: [edit],
      });
    }
  });
  return out;
}

/** A toleration with operator Exists (any value) and the taint's effect, as a list item. */
function tolerationItem(taint: { key: string; effect: string }): string {
  return `key: ${plainOrQuoted(taint.key)}\noperator: Exists\neffect: ${taint.effect}`;
}

/**
 * New tolerations for `taints`, appended to the pod's tolerations, or a new list holding them all
 * when there is none (one edit, so several taints never create the key twice).
 */
export function tolerateCandidate(ctx: RemedyContext, taints: readonly { key: string; effect: string }[]): Candidate | undefined {
  if (taints.length === 0) return undefined;
  const spec = ctx.value?.spec?.template?.spec;
  const title = taints.map((taint) => t('Tolerate {0}:{1}', taint.key, taint.effect)).join('; ');
  if (Array.isArray(spec?.tolerations) && spec.tolerations.length > 0) {
    const edits = taints.map((taint) => ctx.edits.appendItem([...POD, 'tolerations'], tolerationItem(taint)));
    return edits.every((e) => e) ? { kind: 'tolerate-taint', title, edits: edits as TextEdit[] } : undefined;
  }
  const empty = !('tolerations' in (spec ?? {})) || spec.tolerations == null || (Array.isArray(spec.tolerations) && spec.tolerations.length === 0);
  if (!spec || typeof spec !== 'object' || !empty) return undefined;
  const block = taints.map((taint) => `\n- ${tolerationItem(taint).replace(/\n/g, '\n  ')}`).join('');
  const edit = ctx.edits.setPath([...POD, 'tolerations'], block)?.[0];
  return edit ? { kind: 'tolerate-taint', title, edits: [edit] } : undefined;
}

export const tolerateTaints: RemedyGenerator = (ctx, node, reasons) => {
  if (!reasons.some((r) => r.predicate === 'TaintToleration')) return [];
  const written = list<Toleration>(ctx.value?.spec?.template?.spec?.tolerations);
  const taints = untoleratedTaints(ctx.value, node);
  // A taint the node lifecycle controller set is no one's to tolerate away: no alternatives, no cure.
  if (taints.some((taint) => CONDITION_TAINTS.has(taint.key))) return [[]];
  if (written.length === 0) {
    // No list to fix or append to: one edit creates it with every toleration the node needs.
    const add = tolerateCandidate(ctx, taints);
    return [add ? [add] : []];
  }
  return taints.map((taint) => {
    const alternatives = nearMisses(ctx, written, taint);
    const add = tolerateCandidate(ctx, [taint]);
    if (add) alternatives.push(add);
    return alternatives;
  });
};

/** What to do on the node side about an untolerated taint. */
export function taintAdvice(node: string, taint: Taint, hasFixes: boolean): string | undefined {
  // Untainting a control-plane node opens it to every workload: not advice for one DaemonSet.
  if (taint.key === 'node-role.kubernetes.io/control-plane' || taint.key === 'node-role.kubernetes.io/master') return undefined;
  if (taint.key === TaintNodeUnreachable)
    return t(
      '{0} is unreachable (the node controller set {1}): nothing to change in the manifest; the controller creates the pod once the node reports again.',
      node,
      taintString(taint),
    );
  if (taint.key === TaintNodeNotReady)
    return t(
      '{0} is not ready (the node controller set {1}): nothing to change in the manifest; the controller creates the pod once the node is Ready.',
      node,
      taintString(taint),
    );
  if (taint.key === TaintNodeNetworkUnavailable)
    return t(
      '{0} has no pod network yet ({1}): the CNI agent removes the taint when it is ready; only hostNetwork pods run before that.',
      node,
      taintString(taint),
    );
  const untaint = `${taint.key}:${taint.effect}`;
  return hasFixes ? t('Or on the node: kubectl taint nodes {0} {1}-', node, untaint) : t('On the node: kubectl taint nodes {0} {1}-', node, untaint);
}
