import type { PathSeg } from '../../yaml/types';
import type { Fix, Finding } from '../types';
import { suggest } from '../../util/suggest';
import type { Rule, RuleContext } from '../types';
import { t } from '../../l10n';

/** " Did you mean `a` or `b`?" after a message, or nothing. */
function didYouMean(cands: string[]): string {
  return cands.length
    ? ' ' +
        t(
          'Did you mean {0}?',
          cands.map((c) => `\`${c}\``).reduce((a, b) => t('{0} or {1}', a, b)),
        )
    : '';
}

function spread(values: Map<string, number>): string {
  return [...values.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([v, c]) => `${v === '' ? '""' : v} (${c})`)
    .join(', ');
}

function rename(ctx: RuleContext, path: PathSeg[], to: string[], what: 'key' | 'value'): Fix[] {
  const fixes: Fix[] = [];
  to.forEach((name, i) => {
    const e = what === 'key' ? ctx.edits.renameKey(path, name) : ctx.edits.setValue(path, name);
    if (e) fixes.push({ title: t('Change to `{0}`', name), isPreferred: i === 0 && to.length === 1, edits: [e] });
  });
  return fixes;
}

export const unknownNodeLabel: Rule = {
  meta: {
    id: 'unknown-node-label',
    category: 'placement',
    defaultSeverity: 'warning',
    title: 'Node label that no node of the inventory carries',
    description:
      "A `nodeSelector` entry or a node-affinity expression asks for a label key or value that none of the inventory's nodes has, so it excludes every node (or, with `NotIn`/`DoesNotExist`, excludes none). Often a typo; the suggestion comes from the labels the nodes really carry.",
    bad: 'nodeSelector:\n  kubernetes.io/arch: amd65',
    good: 'nodeSelector:\n  kubernetes.io/arch: amd64',
    fix: 'Replace the key or value with the closest one present on the nodes.',
  },
  check(ctx) {
    const hints = ctx.inventory && ctx.inventory.nodes.length > 0 ? ctx.hints() : undefined;
    if (!hints) return [];
    const labels = hints.labels;
    const where = hints.inventoryName;
    const out: Finding[] = [];
    const spec = ctx.value?.spec?.template?.spec;
    const base: PathSeg[] = ['spec', 'template', 'spec'];
    const checkKey = (key: string, keyPath: PathSeg[], valuePaths: { path: PathSeg[]; value: string }[]) => {
      const values = labels.get(key);
      if (!values) {
        const cands = suggest(key, labels.keys());
        out.push({
          rule: 'unknown-node-label',
          path: keyPath,
          target: keyPath[keyPath.length - 1] === 'key' ? 'value' : 'key',
          message: t('No node of {0} has the label `{1}`.', where, key) + didYouMean(cands),
          fixes: rename(ctx, keyPath, cands, keyPath[keyPath.length - 1] === 'key' ? 'value' : 'key'),
        });
        return;
      }
      for (const { path, value } of valuePaths) {
        if (values.has(value)) continue;
        const cands = suggest(value, values.keys());
        out.push({
          rule: 'unknown-node-label',
          path,
          message: t('No node of {0} has `{1}={2}`; values on the nodes: {3}.', where, key, value, spread(values)) + didYouMean(cands),
          fixes: rename(ctx, path, cands, 'value'),
        });
      }
    };
    const ns = spec?.nodeSelector;
    if (ns && typeof ns === 'object' && !Array.isArray(ns)) {
      for (const [k, v] of Object.entries(ns)) {
        if (typeof v !== 'string') continue;
        checkKey(k, [...base, 'nodeSelector', k], [{ path: [...base, 'nodeSelector', k], value: v }]);
      }
    }
    const terms = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
    if (Array.isArray(terms)) {
      terms.forEach((term: any, t: number) => {
        const exprs = term?.matchExpressions;
        if (!Array.isArray(exprs)) return;
        exprs.forEach((e: any, i: number) => {
          if (typeof e?.key !== 'string' || (e.operator !== 'In' && e.operator !== 'Exists')) return;
          const p: PathSeg[] = [
            ...base,
            'affinity',
            'nodeAffinity',
            'requiredDuringSchedulingIgnoredDuringExecution',
            'nodeSelectorTerms',
            t,
            'matchExpressions',
            i,
          ];
          const vals = e.operator === 'In' && Array.isArray(e.values) ? e.values : [];
          // With several values (an OR), only a value list where none matches is suspicious.
          const present = labels.get(e.key);
          const anyPresent = present && vals.some((v: unknown) => typeof v === 'string' && present.has(v));
          checkKey(e.key, [...p, 'key'], anyPresent ? [] : vals.map((v: unknown, j: number) => ({ path: [...p, 'values', j], value: String(v) })));
        });
      });
    }
    return out;
  },
};
