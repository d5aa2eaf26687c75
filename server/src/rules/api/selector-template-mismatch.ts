/** `spec.selector` must select the pod template's labels, and must not be empty. */
import { plainOrQuoted } from '../../yaml/edits';
import type { Fix } from '../types';
import type { RuleContext } from '../types';
import { apiRule, fix } from '../helpers/api-rule';
import { labelSet, parseLabelSelector, selectorMatches, selectorString } from '../../k8s/labels';
import { t } from '../../l10n';
import { syncLabelsFixes } from '../helpers/selector-fixes';

export const selectorTemplateMismatch = apiRule({
  meta: {
    id: 'selector-template-mismatch',
    title: 'Selector does not select the pod template',
    description:
      'A DaemonSet owns the pods its `spec.selector` selects, so the template labels must satisfy every `matchLabels` entry and every `matchExpressions` requirement. The API server rejects a mismatch with `` `selector` does not match template `labels` ``, and an empty selector (it would select every pod in the namespace) with `empty selector is invalid for daemonset`. The selector cannot be changed after the DaemonSet is created, so fix the template labels rather than the selector of a live DaemonSet.',
    bad: 'spec:\n  selector:\n    matchLabels:\n      app: node-agent\n  template:\n    metadata:\n      labels:\n        app: agent',
    good: 'spec:\n  selector:\n    matchLabels:\n      app: node-agent\n  template:\n    metadata:\n      labels:\n        app: node-agent',
    fix: "Add the selector's labels to the template labels (preferred), or change the selector to the template labels. For an empty selector, fill `matchLabels` from the template labels.",
  },
  explain(e, ctx) {
    if (/empty selector/.test(e.error.detail)) return t('An empty selector would select every pod in the namespace: list the template labels in `matchLabels`');
    return unmatched(ctx) ?? t('The template labels must satisfy every `matchLabels` entry and `matchExpressions` requirement of `spec.selector`');
  },
  fixes(e, ctx) {
    if (/empty selector/.test(e.error.detail)) return emptySelectorFix(ctx);
    return syncLabelsFixes(ctx.file, ctx.ds, ctx.edits);
  },
});

/** The first selector requirement the template labels do not satisfy, in words (the selector engine decides). */
function unmatched(ctx: RuleContext): string | undefined {
  const sel = ctx.value?.spec?.selector ?? {};
  const labels = labelSet(ctx.value?.spec?.template?.metadata?.labels);
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) {
    if (!(k in labels)) return t('The template has no label `{0}` (the selector requires `{0}: {1}`)', k, String(v));
    if (labels[k] !== v) return t('The selector requires `{0}: {1}` but the template label is `{0}: {2}`', k, String(v), String(labels[k]));
  }
  const exprs: unknown[] = Array.isArray(sel.matchExpressions) ? sel.matchExpressions : [];
  for (let i = 0; i < exprs.length; i++) {
    const one = parseLabelSelector({ matchExpressions: [exprs[i]] });
    if (!one || selectorMatches(one, labels)) continue;
    return t('The template labels do not satisfy `matchExpressions[{0}]` (`{1}`)', i, selectorString(one));
  }
  return undefined;
}

function emptySelectorFix(ctx: RuleContext): Fix[] {
  const raw = ctx.value?.spec?.template?.metadata?.labels;
  if (!raw || typeof raw !== 'object' || Object.keys(raw).length === 0 || Object.values(raw).some((v) => typeof v !== 'string')) return [];
  const lines = Object.entries(raw as Record<string, string>).map(([k, v]) => `${plainOrQuoted(k)}: ${plainOrQuoted(v)}`);
  const hasMatchLabels = ctx.value?.spec?.selector?.matchLabels !== undefined;
  const edits = hasMatchLabels
    ? ctx.edits.setPath(['spec', 'selector', 'matchLabels'], `\n${lines.join('\n')}`)
    : ctx.edits.setPath(['spec', 'selector'], `\nmatchLabels:\n${lines.map((l) => `  ${l}`).join('\n')}`);
  return fix(t('Select the template labels in `spec.selector.matchLabels`'), edits, true);
}
