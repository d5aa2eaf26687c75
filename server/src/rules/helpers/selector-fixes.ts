/**
 * Quick fixes that make `spec.selector` and the template labels agree. Shared by the
 * selector-template-mismatch rule, the schema walker's missing `spec.selector`, and the
 * removed-api-version fix (apps/v1 requires a selector).
 */
import { isMap, type Node } from 'yaml';
import { locate, rangeOf, type DaemonSetRef, type ParsedFile } from '../../yaml/document';
import { columnOf, plainOrQuoted, type Edits } from '../../yaml/edits';
import type { TextEdit } from '../../yaml/types';
import type { Fix } from '../types';
import { parseLabelSelector, selectorMatches } from '../../k8s/labels';
import { t } from '../../l10n';

type Labels = Record<string, string>;

function stringLabels(v: unknown): Labels | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const out: Labels = {};
  for (const [k, x] of Object.entries(v)) {
    if (typeof x !== 'string') return undefined;
    out[k] = x;
  }
  return out;
}

function block(labels: Labels, indent: string): string {
  return Object.entries(labels)
    .map(([k, v]) => `${indent}${plainOrQuoted(k)}: ${plainOrQuoted(v)}`)
    .join('\n');
}

/**
 * Edits adding `selector.matchLabels` (from the template labels, or `app: <name>` on both when the
 * template has none) as the first entry of `spec`. Undefined when no clean edit exists.
 */
export function addSelectorEdits(ds: DaemonSetRef, edits: Edits): { title: string; edits: TextEdit[] } | undefined {
  const v = ds.value;
  const tplLabels = v?.spec?.template?.metadata?.labels;
  let labels = stringLabels(tplLabels);
  const out: TextEdit[] = [];
  let title = t('Add `spec.selector.matchLabels` from the template labels');
  if (!labels || Object.keys(labels).length === 0) {
    const name = v?.metadata?.name;
    if (typeof name !== 'string' || name === '' || (tplLabels !== undefined && tplLabels !== null && !labels)) return undefined;
    labels = { app: name };
    const tpl = edits.setPath(['spec', 'template', 'metadata', 'labels', 'app'], plainOrQuoted(name));
    if (!tpl) return undefined;
    out.push(...tpl);
    title = t('Add the label `app: {0}` to the selector and the template', name);
  }
  // `selector:` with no value is filled in place; otherwise the selector goes first in `spec`.
  const written = v?.spec && typeof v.spec === 'object' && Object.prototype.hasOwnProperty.call(v.spec, 'selector');
  const sel = written ? undefined : edits.insertKeyFirst(['spec'], 'selector', `\nmatchLabels:\n${block(labels, '  ')}`);
  if (sel) out.push(sel);
  else {
    const e = edits.setPath(['spec', 'selector'], `\nmatchLabels:\n${block(labels, '  ')}`);
    if (!e) return undefined;
    out.push(...e);
  }
  return { title, edits: out };
}

/** The fix for a DaemonSet without `spec.selector`. */
export function addSelectorFix(ds: DaemonSetRef, edits: Edits): Fix[] | undefined {
  const e = addSelectorEdits(ds, edits);
  return e ? [{ title: e.title, isPreferred: true, edits: e.edits }] : undefined;
}

/**
 * Fixes for a selector that does not select the template: add the selector's matchLabels to the
 * template labels (preferred: the selector is immutable once the DaemonSet exists, the template
 * is not), or rewrite the selector's matchLabels to the template's labels.
 */
export function syncLabelsFixes(file: ParsedFile, ds: DaemonSetRef, edits: Edits): Fix[] {
  const v = ds.value;
  const fixes: Fix[] = [];
  const sel = stringLabels(v?.spec?.selector?.matchLabels);
  const rawTpl = v?.spec?.template?.metadata?.labels;
  const tpl = rawTpl === undefined || rawTpl === null ? {} : stringLabels(rawTpl);
  const hasExpressions = Array.isArray(v?.spec?.selector?.matchExpressions) && v.spec.selector.matchExpressions.length > 0;
  if (!tpl) return fixes;
  if (sel && Object.keys(sel).length > 0) {
    // Only when that is enough: matchExpressions may still exclude the merged labels.
    const parsed = parseLabelSelector(v.spec.selector);
    const enough = parsed !== null && selectorMatches(parsed, { ...tpl, ...sel });
    const toTemplate = enough ? templateEdits(file, ds, edits, sel, tpl) : undefined;
    if (toTemplate) fixes.push({ title: t("Add the selector's labels to the template labels"), isPreferred: true, edits: toTemplate });
    if (!hasExpressions && Object.keys(tpl).length > 0) {
      const e = replaceBlock(file, ds, ['spec', 'selector', 'matchLabels'], tpl);
      if (e) fixes.push({ title: t('Change the selector to the template labels'), edits: [e] });
    }
  }
  return fixes;
}

/** Set each selector label on the template: change differing values, add missing keys. */
function templateEdits(file: ParsedFile, ds: DaemonSetRef, edits: Edits, sel: Labels, tpl: Labels): TextEdit[] | undefined {
  const base = ['spec', 'template', 'metadata', 'labels'];
  const missing = Object.keys(sel).filter((k) => !(k in tpl));
  const out: TextEdit[] = [];
  for (const [k, val] of Object.entries(sel)) {
    if (k in tpl && tpl[k] !== val) {
      const e = edits.setValue([...base, k], val);
      if (!e) return undefined;
      out.push(e);
    }
  }
  if (missing.length === 0) return out;
  const labelsNode = locate(ds.node, base);
  const missingLabels = Object.fromEntries(missing.map((k) => [k, sel[k]]));
  if (labelsNode.depth === base.length && labelsNode.node && isMap(labelsNode.node) && !labelsNode.node.flow && labelsNode.node.items.length > 0) {
    // One insertion with every missing label, after the last one.
    const [first, ...rest] = missing;
    const lastItem = labelsNode.node.items[labelsNode.node.items.length - 1];
    const firstKey = labelsNode.node.items[0].key as Node;
    if (!firstKey?.range) return undefined;
    const pad = ' '.repeat(columnOf(file.text, firstKey.range[0]));
    const e = edits.insertKey(
      base,
      plainOrQuoted(first),
      plainOrQuoted(sel[first]) + rest.map((k) => `\n${pad}${plainOrQuoted(k)}: ${plainOrQuoted(sel[k])}`).join(''),
    );
    if (!e || !lastItem) return undefined;
    out.push(e);
    return out;
  }
  const e = edits.setPath(base, `\n${block(missingLabels, '')}`);
  if (!e) return undefined;
  out.push(...e);
  return out;
}

/** Replace a block map's entries with `labels` (same indentation); not when it holds comments. */
function replaceBlock(file: ParsedFile, ds: DaemonSetRef, path: string[], labels: Labels): TextEdit | undefined {
  const loc = locate(ds.node, path);
  const map = loc.node;
  if (loc.depth !== path.length || !map || !isMap(map) || map.flow || map.items.length === 0 || !map.range) return undefined;
  const first = map.items[0].key as Node | null;
  if (!first?.range) return undefined;
  const text = file.text;
  const start = text.lastIndexOf('\n', first.range[0] - 1) + 1;
  if (!/^[ \t]*$/.test(text.slice(start, first.range[0]))) return undefined;
  const lastItem = map.items[map.items.length - 1];
  const lastEnd = (lastItem.value as Node | null)?.range?.[1] ?? (lastItem.key as Node).range![1];
  let end = text.indexOf('\n', lastEnd);
  end = end === -1 ? text.length : end;
  if (text.slice(start, end).includes('#')) return undefined;
  const pad = ' '.repeat(columnOf(text, first.range[0]));
  return { range: rangeOf(file, start, end), newText: block(labels, pad) };
}
