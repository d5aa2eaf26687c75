import type { Finding, Fix } from '../types';
import type { Rule } from '../types';
import { firstPresent, nodeList, placementOf } from '../helpers/placement';
import { tolerateFix } from '../helpers/toleration-fix';
import { taintString } from '../../k8s/taints';
import { t } from '../../l10n';

export const excludedByTaint: Rule = {
  meta: {
    id: 'excluded-by-taint',
    category: 'placement',
    defaultSeverity: 'information',
    title: 'Nodes excluded only by a taint',
    description:
      'Some nodes of the inventory match the node selector and affinity but carry a taint the DaemonSet does not tolerate, so the controller creates no pod there. Often intended (control-plane nodes, dedicated pools); when it is not, add a toleration. The DaemonSet controller itself only adds tolerations for not-ready, unreachable, the pressure taints, unschedulable, and network-unavailable with hostNetwork.',
    severityNote: 'Information: skipping tainted nodes is often what the author wants; the message names the nodes so a surprise is visible.',
    bad: '# no toleration: control-plane nodes get no pod\ntolerations: []',
    good: 'tolerations:\n  - key: node-role.kubernetes.io/control-plane\n    operator: Exists\n    effect: NoSchedule',
    fix: "Add a toleration for the taint (`operator: Exists` with the taint's effect).",
  },
  check(ctx) {
    const p = placementOf(ctx);
    if (!p) return [];
    const byTaint = new Map<string, { taint: { key: string; value?: string; effect: string }; nodes: string[] }>();
    for (const n of p.result.nodes) {
      if (n.verdict !== 'excluded' || n.reasons.length === 0 || !n.reasons.every((r) => r.predicate === 'TaintToleration')) continue;
      const taint = n.reasons.find((r) => r.taint)?.taint;
      if (!taint) continue;
      const id = taintString(taint);
      const e = byTaint.get(id) ?? { taint, nodes: [] };
      e.nodes.push(n.name);
      byTaint.set(id, e);
    }
    if (byTaint.size === 0) return [];
    const path = firstPresent(ctx.value, [
      ['spec', 'template', 'spec', 'tolerations'],
      ['spec', 'template', 'spec'],
    ]);
    // Taints an administrator sets (roles, dedicated pools) first; node-condition taints last.
    const groups = [...byTaint.entries()].sort(
      (a, b) => Number(a[0].startsWith('node.kubernetes.io/')) - Number(b[0].startsWith('node.kubernetes.io/')) || b[1].nodes.length - a[1].nodes.length,
    );
    const total = groups.reduce((n, [, g]) => n + g.nodes.length, 0);
    const fixes = groups.map(([, g]) => tolerateFix(ctx.edits, ctx.value, g.taint)).filter((f): f is Fix => !!f);
    fixes.forEach((f, i) => (f.isPreferred = i === 0 && fixes.length === 1));
    const list = groups.map(([id, g]) => `${id} (${nodeList(g.nodes, 3)})`).join('; ');
    const finding: Finding = {
      rule: 'excluded-by-taint',
      path,
      target: 'key',
      message: t('{0} node(s) of {1} match the selector but get no pod because of an untolerated taint: {2}.', total, p.where, list),
      fixes: fixes.length ? fixes : undefined,
    };
    return [finding];
  },
};
