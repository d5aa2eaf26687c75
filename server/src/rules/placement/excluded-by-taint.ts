import type { Finding } from '../types';
import type { Rule } from '../types';
import { firstPresent, nodeList, placementOf, remedyFixes } from '../helpers/placement';
import { taintString } from '../../k8s/taints';
import { CONDITION_TAINTS } from '../../remedy/tolerate-taint';
import { t } from '../../l10n';

const TAINT_REMEDIES = new Set(['fix-toleration', 'tolerate-taint'] as const);

export const excludedByTaint: Rule = {
  meta: {
    id: 'excluded-by-taint',
    category: 'placement',
    defaultSeverity: 'information',
    title: 'Nodes excluded only by a taint',
    description:
      'Some nodes of the inventory match the node selector and affinity but carry a taint the DaemonSet does not tolerate, so the controller creates no pod there. Often intended (control-plane nodes, dedicated pools); when it is not, add a toleration. The DaemonSet controller itself only adds tolerations for not-ready, unreachable, the pressure taints, unschedulable, and network-unavailable with hostNetwork. Nodes that are unreachable or not ready are named but not "fixed": they get their pod once they are back.',
    severityNote: 'Information: skipping tainted nodes is often what the author wants; the message names the nodes so a surprise is visible.',
    bad: '# no toleration: control-plane nodes get no pod\ntolerations: []',
    good: 'tolerations:\n  - key: node-role.kubernetes.io/control-plane\n    operator: Exists\n    effect: NoSchedule',
    fix: 'Fixes the toleration that almost matches (a misspelled effect or key), or adds one for exactly that taint; each fix is offered only after the placement engine has shown that the nodes then run.',
  },
  check(ctx) {
    const p = placementOf(ctx);
    if (!p) return [];
    const byTaint = new Map<string, { nodes: string[]; condition: boolean }>();
    for (const n of p.result.nodes) {
      if (n.verdict !== 'excluded' || n.reasons.length === 0 || !n.reasons.every((r) => r.predicate === 'TaintToleration')) continue;
      const taint = n.reasons.find((r) => r.taint)?.taint;
      if (!taint) continue;
      const id = taintString(taint);
      const e = byTaint.get(id) ?? { nodes: [], condition: CONDITION_TAINTS.has(taint.key) };
      e.nodes.push(n.name);
      byTaint.set(id, e);
    }
    if (byTaint.size === 0) return [];
    const path = firstPresent(ctx.value, [
      ['spec', 'template', 'spec', 'tolerations'],
      ['spec', 'template', 'spec'],
    ]);
    // Taints an administrator sets (roles, dedicated pools) first; node-condition taints last.
    const groups = [...byTaint.entries()].sort((a, b) => Number(a[1].condition) - Number(b[1].condition) || b[1].nodes.length - a[1].nodes.length);
    const total = groups.reduce((n, [, g]) => n + g.nodes.length, 0);
    const list = groups.map(([id, g]) => `${id} (${nodeList(g.nodes, 3)})`).join('; ');
    let message = t('{0} node(s) of {1} match the selector but get no pod because of an untolerated taint: {2}.', total, p.where, list);
    const unhealthy = groups.filter(([, g]) => g.condition).flatMap(([, g]) => g.nodes);
    if (unhealthy.length > 0)
      message += ' ' + t('{0} is unreachable or not ready: nothing to change in the manifest; it gets its pod once it is back.', nodeList(unhealthy, 3));
    const fixable = groups.filter(([, g]) => !g.condition).flatMap(([, g]) => g.nodes);
    const finding: Finding = {
      rule: 'excluded-by-taint',
      path,
      target: 'key',
      message,
      lazyFixes: fixable.length ? remedyFixes(ctx, fixable, TAINT_REMEDIES) : undefined,
    };
    return [finding];
  },
};
