/**
 * Completion: keys valid at the cursor (minus those present, required first), enum and
 * boolean values, well-known label and taint keys, priority classes, and a whole-DaemonSet
 * snippet in an empty document. Works on the line being typed.
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type MarkupContent } from 'vscode-languageserver-types';
import type { FieldDef, FieldType } from '../schema/types';
import { cursorContext, documentAround, Lines, type CursorContext } from '../yaml/context';
import { fieldsOf, firstSentence, resolvePath, typeLabel } from '../schema/schema';
import { PRIORITY_CLASSES, WELL_KNOWN_LABELS, WELL_KNOWN_TAINTS } from './wellKnown';
import type { PathSeg, Position } from '../yaml/types';
import { DAEMONSET_SNIPPET } from './snippets';
import { taintString } from '../k8s/taints';
import type { InventoryHints } from '../placement/inventory';
import { t, tData } from '../l10n';
import { mdCode, mdText } from '../util/markdown';

export type { InventoryHints };

export interface CompletionOptions {
  hints?: InventoryHints;
}

const KIND_RE = /^kind:[ \t]*["']?([A-Za-z]+)/m;

export function complete(text: string, pos: Position, options: CompletionOptions = {}): CompletionItem[] {
  const doc = documentAround(text, pos.line);
  if (doc.startLine === 0) return completeInDocument(text, pos, options);
  const items = completeInDocument(doc.text, { line: pos.line - doc.startLine, character: pos.character }, options);
  for (const item of items) {
    const e = item.textEdit as { range: { start: Position; end: Position } } | undefined;
    if (e)
      e.range = {
        start: { line: e.range.start.line + doc.startLine, character: e.range.start.character },
        end: { line: e.range.end.line + doc.startLine, character: e.range.end.character },
      };
  }
  return items;
}

function completeInDocument(text: string, pos: Position, options: CompletionOptions, lines = new Lines(text)): CompletionItem[] {
  // A position past the end (a stale request) has nothing to complete; the line scans assume a real line.
  if (pos.line < 0 || pos.line >= lines.text.length) return [];
  const ctx = cursorContext(lines, pos);
  if (ctx.kind === 'empty-document') return [daemonSetSnippet(ctx, pos)];
  const docText = lines.text.slice(ctx.docLines[0], ctx.docLines[1] + 1).join('\n');
  const kind = KIND_RE.exec(docText)?.[1];
  let path = ctx.path;
  if (kind === 'List' || kind?.endsWith('List')) {
    // A DaemonSet inside a List: items[i] is the DaemonSet root.
    if (path[0] !== 'items' || typeof path[1] !== 'number') return [];
    path = path.slice(2);
  } else if (kind !== undefined && kind !== 'DaemonSet') return [];
  else if (kind === undefined && !(path.length === 0 || (path.length === 1 && ctx.kind === 'value'))) return [];
  const c = { ...ctx, path };
  switch (ctx.kind) {
    case 'value':
      return completeValue(c, pos, options);
    case 'item':
      return completeItem(c, pos, options);
    default:
      return completeKey(c, pos, options);
  }
}

function range(ctx: CursorContext, pos: Position) {
  return { start: { line: pos.line, character: ctx.replaceStart }, end: { line: pos.line, character: Math.max(pos.character, ctx.replaceStart) } };
}

function md(value: string): MarkupContent {
  return { kind: 'markdown', value };
}

/** Keys of the object at ctx.path. In an item of a list of objects, keys of the item. */
function completeKey(ctx: CursorContext, pos: Position, options: CompletionOptions): CompletionItem[] {
  const resolved = resolvePath(ctx.path);
  if (!resolved) return [];
  const type = resolved.type;
  if (type.kind === 'map') return mapKeyItems(ctx, pos, options);
  return fieldItems(ctx, pos, type);
}

function fieldItems(ctx: CursorContext, pos: Position, type: FieldType): CompletionItem[] {
  const fields = fieldsOf(type).filter((f) => !ctx.siblings.has(f.name));
  const unit = indentUnit(ctx.lines);
  // Keys of a new item sit after its dash; a cursor inside the indentation gives no offset (not a negative one).
  const rel = Math.max(0, ctx.col - ctx.lineIndent);
  return fields.map((f) => {
    const insert = fieldSnippet(f, rel + unit);
    return {
      label: f.name,
      kind: f.type.kind === 'object' || f.type.kind === 'array' || f.type.kind === 'map' ? CompletionItemKind.Module : CompletionItemKind.Property,
      detail: f.required ? t('{0} (required)', typeLabel(f.type)) : typeLabel(f.type),
      documentation: md(fieldDoc(f)),
      sortText: `${f.required ? '0' : '1'}_${f.name}`,
      filterText: f.name,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: range(ctx, pos), newText: insert },
      deprecated: f.deprecated,
    } satisfies CompletionItem;
  });
}

function fieldDoc(f: FieldDef): string {
  const parts = [firstSentence(f.description, 300)];
  if (f.note) parts.push(t('**DaemonSet:** {0}', tData(f.note)));
  if (f.default) parts.push(t('Default: `{0}`', f.default));
  return parts.filter(Boolean).join('\n\n');
}

/** The text inserted for a field key: opens an indented block, a `- ` item, or places the cursor after `: `. */
function fieldSnippet(f: FieldDef, childIndent: number): string {
  const pad = ' '.repeat(childIndent);
  const t = f.type;
  const name = f.name;
  if (t.kind === 'object' || t.kind === 'map') return `${name}:\n${pad}$0`;
  if (t.kind === 'array') {
    return `${name}:\n${pad}- $0`;
  }
  if (f.enum && f.enum.length) {
    const values = f.enum.map((e) => e.value).filter((v) => v !== '');
    return `${name}: \${1|${values.map(escapeChoice).join(',')}|}`;
  }
  if (t.kind === 'boolean') return `${name}: \${1|true,false|}`;
  return `${name}: $0`;
}

function escapeChoice(v: string): string {
  return v.replace(/[,|\\$}]/g, (c) => `\\${c}`);
}

function indentUnit(lines: Lines): number {
  for (const info of lines.info) {
    if (!info.blank && info.key !== undefined && info.col > 0 && info.dashes.length === 0) return Math.min(info.col, 4);
  }
  return 2;
}

/** A `- ` item: keys of a new object item, or a value of a list of scalars. */
function completeItem(ctx: CursorContext, pos: Position, options: CompletionOptions): CompletionItem[] {
  const resolved = resolvePath(ctx.path);
  if (!resolved) return [];
  if (resolved.type.kind === 'object') return fieldItems(ctx, pos, resolved.type);
  return valueItems(ctx, pos, resolved.field, resolved.type, options);
}

function completeValue(ctx: CursorContext, pos: Position, options: CompletionOptions): CompletionItem[] {
  const resolved = resolvePath(ctx.path);
  if (!resolved) return [];
  return valueItems(ctx, pos, resolved.field, resolved.type, options);
}

function valueItem(
  ctx: CursorContext,
  pos: Position,
  value: string,
  doc: string,
  opts: { kind?: CompletionItemKind; sort?: string; detail?: string } = {},
): CompletionItem {
  const text = value === '' ? '""' : needsQuotes(value) ? JSON.stringify(value) : value;
  return {
    label: value === '' ? '""' : value,
    kind: opts.kind ?? CompletionItemKind.EnumMember,
    detail: opts.detail,
    documentation: doc ? md(doc) : undefined,
    sortText: opts.sort,
    filterText: value,
    textEdit: { range: range(ctx, pos), newText: text },
  };
}

function needsQuotes(v: string): boolean {
  return (
    /^([yYnN~]|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$/.test(v) ||
    /^[-+.0-9]/.test(v) ||
    /[:#{}[\],&*!|>'"%@`]/.test(v)
  );
}

function valueItems(ctx: CursorContext, pos: Position, field: FieldDef | undefined, type: FieldType, options: CompletionOptions): CompletionItem[] {
  const path = ctx.path;
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  // Scalars of lists: matchExpressions values follow the expression's key.
  const listOwner = typeof last === 'number' ? path[path.length - 2] : undefined;

  if (field?.enum?.length) {
    return field.enum
      .filter((e) => e.value !== '' || field.name === 'medium')
      .map((e, i) => valueItem(ctx, pos, e.value, tData(e.description), { sort: String(i).padStart(2, '0') }));
  }
  if (type.kind === 'boolean') return ['true', 'false'].map((v) => valueItem(ctx, pos, v, '', { kind: CompletionItemKind.Keyword }));

  // Label values in nodeSelector (map value) and label keys in node affinity expressions.
  if (inNodeSelectorMap(path) && typeof last === 'string') return labelValueItems(ctx, pos, last, options);
  if (last === 'key' && isNodeSelectorRequirement(path)) return labelKeyItems(ctx, pos, options, false);
  if (listOwner === 'values' && isNodeSelectorRequirement(path.slice(0, -2))) return labelValueItems(ctx, pos, keyOfExpression(ctx, pos.line), options);
  if (last === 'key' && parent !== undefined && isToleration(path.slice(0, -1))) return taintKeyItems(ctx, pos, options);
  if (last === 'value' && isToleration(path.slice(0, -1))) return taintValueItems(ctx, pos, ctx.siblings.get('key'), options);
  if (last === 'priorityClassName')
    return PRIORITY_CLASSES.map((p, i) => valueItem(ctx, pos, p.value, p.description, { sort: String(i), kind: CompletionItemKind.Value }));
  if (path.length === 1 && last === 'apiVersion')
    return [valueItem(ctx, pos, 'apps/v1', t('The only API version that serves DaemonSet (since Kubernetes 1.16).'), { kind: CompletionItemKind.Value })];
  if (path.length === 1 && last === 'kind')
    return [valueItem(ctx, pos, 'DaemonSet', t('Runs one pod on every eligible node.'), { kind: CompletionItemKind.Value })];
  return [];
}

/** In a `values:` list of a node selector expression, the expression's `key`. */
function keyOfExpression(ctx: CursorContext, line: number): string | undefined {
  const lines = ctx.lines;
  for (let l = line - 1; l >= ctx.docLines[0] && l >= line - 200; l--) {
    const i = lines.info[l];
    if (i.blank) continue;
    if (i.key === 'values' && i.col <= ctx.col) return lines.siblings(l, i.col, ctx.docLines[0], ctx.docLines[1]).get('key');
    if ((i.dashes.length ? i.dashes[0] : i.col) < ctx.col - 4) return undefined;
  }
  return undefined;
}

function inNodeSelectorMap(path: PathSeg[]): boolean {
  return path.length >= 2 && path[path.length - 2] === 'nodeSelector' && path[path.length - 3] === 'spec';
}

function isNodeSelectorRequirement(path: PathSeg[]): boolean {
  const r = resolvePath(path);
  return r?.type.kind === 'object' && /NodeSelectorRequirement$/.test(r.type.ref);
}

function isToleration(path: PathSeg[]): boolean {
  const r = resolvePath(path);
  return r?.type.kind === 'object' && /\.Toleration$/.test(r.type.ref);
}

/** Label keys for nodeSelector maps: the inventory's first (ranked by node count), then well-known keys. */
function mapKeyItems(ctx: CursorContext, pos: Position, options: CompletionOptions): CompletionItem[] {
  if (!inNodeSelectorMap([...ctx.path, '_'])) return [];
  return labelKeyItems(ctx, pos, options, true);
}

function labelKeyItems(ctx: CursorContext, pos: Position, options: CompletionOptions, asMapKey: boolean): CompletionItem[] {
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const inv = options.hints?.labels;
  const mk = (key: string, doc: string, sort: string, detail?: string): CompletionItem => {
    const keyText = needsQuotes(key) ? JSON.stringify(key) : key;
    return {
      label: key,
      kind: CompletionItemKind.Field,
      detail,
      documentation: doc ? md(doc) : undefined,
      sortText: sort,
      filterText: key,
      insertTextFormat: InsertTextFormat.Snippet,
      // A snippet: `$`, `}` and `\` of a key an inventory chose are text, not tab stops.
      textEdit: { range: range(ctx, pos), newText: `${keyText.replace(/[\\$}]/g, '\\$&')}${asMapKey ? ': $0' : ''}` },
    };
  };
  if (inv) {
    const ranked = [...inv.entries()]
      .map(([k, vals]) => [k, [...vals.values()].reduce((a, b) => a + b, 0)] as const)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    ranked.forEach(([k, count], i) => {
      if (ctx.siblings.has(k) && asMapKey) return;
      seen.add(k);
      items.push(
        mk(
          k,
          t('On {0} node(s) of {1}.', count, mdText(options.hints?.inventoryName ?? t('the inventory'))),
          `0_${String(i).padStart(4, '0')}`,
          t('{0} node(s)', count),
        ),
      );
    });
  }
  WELL_KNOWN_LABELS.forEach((l, i) => {
    if (seen.has(l.key) || (asMapKey && ctx.siblings.has(l.key))) return;
    items.push(mk(l.key, l.description, `1_${String(i).padStart(4, '0')}`, t('well-known label')));
  });
  return items;
}

function labelValueItems(ctx: CursorContext, pos: Position, key: string | undefined, options: CompletionOptions): CompletionItem[] {
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const vals = key ? options.hints?.labels?.get(key) : undefined;
  if (vals) {
    [...vals.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .forEach(([v, count], i) => {
        seen.add(v);
        items.push(
          valueItem(ctx, pos, v, t('On {0} node(s) of {1}.', count, mdText(options.hints?.inventoryName ?? t('the inventory'))), {
            sort: `0_${String(i).padStart(4, '0')}`,
            detail: t('{0} node(s)', count),
            kind: CompletionItemKind.Value,
          }),
        );
      });
  }
  const known = WELL_KNOWN_LABELS.find((l) => l.key === key);
  known?.values?.forEach((v, i) => {
    if (seen.has(v.value)) return;
    items.push(valueItem(ctx, pos, v.value, v.description ?? known.description, { sort: `1_${i}`, kind: CompletionItemKind.Value }));
  });
  return items;
}

function taintKeyItems(ctx: CursorContext, pos: Position, options: CompletionOptions): CompletionItem[] {
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const inv = options.hints?.taints;
  if (inv) {
    const byKey = new Map<string, number>();
    for (const t of inv) byKey.set(t.key, (byKey.get(t.key) ?? 0) + t.count);
    [...byKey.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .forEach(([k, count], i) => {
        seen.add(k);
        const effects = inv.filter((t) => t.key === k).map(taintString);
        items.push(
          valueItem(
            ctx,
            pos,
            k,
            t('Taint on {0} node(s) of {1}: {2}.', count, mdText(options.hints?.inventoryName ?? t('the inventory')), effects.map(mdCode).join(', ')),
            { sort: `0_${String(i).padStart(4, '0')}`, detail: t('{0} node(s)', count), kind: CompletionItemKind.Value },
          ),
        );
      });
  }
  WELL_KNOWN_TAINTS.forEach((taint, i) => {
    if (seen.has(taint.key)) return;
    const auto = taint.autoTolerated ? `\n\n${t('Already tolerated by every DaemonSet pod ({0}).', taint.autoTolerated)}` : '';
    items.push(
      valueItem(ctx, pos, taint.key, t('{0} Effects: {1}.', taint.description, taint.effects.join(', ')) + auto, {
        sort: `1_${String(i).padStart(4, '0')}`,
        detail: t('well-known taint'),
        kind: CompletionItemKind.Value,
      }),
    );
  });
  return items;
}

function taintValueItems(ctx: CursorContext, pos: Position, key: string | undefined, options: CompletionOptions): CompletionItem[] {
  const inv = options.hints?.taints?.filter((t) => t.key === key && t.value);
  if (!inv?.length) return [];
  const counts = new Map<string, number>();
  for (const t of inv) counts.set(t.value!, (counts.get(t.value!) ?? 0) + t.count);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([v, count], i) =>
      valueItem(ctx, pos, v, t('Value of taint {0} on {1} node(s).', mdText(String(key)), count), {
        sort: String(i).padStart(4, '0'),
        detail: t('{0} node(s)', count),
        kind: CompletionItemKind.Value,
      }),
    );
}

function daemonSetSnippet(ctx: CursorContext, pos: Position): CompletionItem {
  return {
    label: 'DaemonSet',
    kind: CompletionItemKind.Snippet,
    detail: 'apps/v1 DaemonSet',
    documentation: md(
      t('A complete DaemonSet: selector and template labels in step, tolerations for control-plane nodes, resources, a priority class and a readiness probe.'),
    ),
    insertTextFormat: InsertTextFormat.Snippet,
    filterText: `DaemonSet ${ctx.prefix}`,
    sortText: '0',
    textEdit: { range: range(ctx, pos), newText: DAEMONSET_SNIPPET },
  };
}
