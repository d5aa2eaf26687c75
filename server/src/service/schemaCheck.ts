/**
 * The schema walker: checks a DaemonSet's YAML tree against the Kubernetes API schema —
 * unknown fields, wrong types, quantities, enum values, required fields, duplicate keys.
 */
import { isAlias, isMap, isScalar, isSeq, Scalar, type Node, type Pair } from 'yaml';
import type { DaemonSetRef } from './document';
import type { Edits } from './edits';
import { fieldsOf, resolvePath, schema, step, typeLabel, type Resolved } from './schema';
import { listOr, suggest } from './suggest';
import { formatPath, type Finding, type Fix, type PathSeg } from './types';
import type { FieldDef, FieldType } from '../schema/types';
import { isQuantity } from './quantitySyntax';
import { addSelectorFix } from '../rules/api/selectorFixes';

const MAX_DEPTH = 64;

export interface SchemaCheckOptions {
  /** Skip missing-required checks (kustomize patches). */
  partial: boolean;
}

export function checkSchema(ds: DaemonSetRef, edits: Edits, options: SchemaCheckOptions): Finding[] {
  const out: Finding[] = [];
  walk(ds.node, { type: { kind: 'object', ref: schema.root } }, [], 0, out, edits, options);
  // apps/v1 has no selector defaulting: offer the template labels as the selector.
  const noSelector = out.find((f) => f.rule === 'missing-required' && f.path.length === 1 && f.path[0] === 'spec' && f.message.startsWith('Missing required field `selector`'));
  if (noSelector) noSelector.fixes = addSelectorFix(ds, edits);
  return out;
}

function walk(node: Node, at: Resolved, path: PathSeg[], depth: number, out: Finding[], edits: Edits, options: SchemaCheckOptions): void {
  if (depth > MAX_DEPTH) return;
  if (isAlias(node)) return; // the anchor's node is checked where it is defined
  const type = at.type;
  switch (type.kind) {
    case 'object':
      if (!isMap(node)) return typeMismatch(node, at, path, out);
      return walkObject(node, type, path, depth, out, edits, options);
    case 'map':
      if (!isMap(node)) return typeMismatch(node, at, path, out);
      for (const pair of uniquePairs(node, path, out)) {
        const key = keyString(pair);
        if (key === undefined || pair.value == null) continue;
        walk(pair.value as Node, { type: type.values }, [...path, key], depth + 1, out, edits, options);
      }
      return;
    case 'array':
      if (!isSeq(node)) return typeMismatch(node, at, path, out);
      node.items.forEach((item, i) => {
        if (item != null) walk(item as Node, { type: type.items }, [...path, i], depth + 1, out, edits, options);
      });
      return;
    default:
      return checkScalar(node, at, path, out, edits);
  }
}

function walkObject(node: Node & { items: Pair[] }, type: { kind: 'object'; ref: string }, path: PathSeg[], depth: number, out: Finding[], edits: Edits, options: SchemaCheckOptions): void {
  const def = schema.types[type.ref];
  if (!def) return;
  const present = new Set<string>();
  for (const pair of uniquePairs(node, path, out)) {
    const key = keyString(pair);
    if (key === undefined) continue;
    present.add(key);
    const keyPath = [...path, key];
    const next = step(type, key);
    if (!next) {
      if (path.length === 0 && key === 'status') {
        out.push({ rule: 'status-field', path: keyPath, target: 'key', message: '`status` is written by the DaemonSet controller and ignored on create; remove it from the manifest.', fixes: removeFix(edits, keyPath, 'Remove `status`') });
      } else {
        out.push(unknownField(key, keyPath, def.name, Object.keys(def.properties), edits));
      }
      continue;
    }
    if (pair.value == null || (isScalar(pair.value) && pair.value.value === null)) continue; // null = omitted
    walk(pair.value as Node, next, keyPath, depth + 1, out, edits, options);
  }
  // Fields merged in with `<<:` are not seen here; their absence proves nothing.
  if (options.partial || node.items.some(isMergePair)) return;
  for (const f of Object.values(def.properties)) {
    if (!f.required || present.has(f.name)) continue;
    out.push({
      rule: 'missing-required',
      path,
      target: 'key',
      message: `Missing required field \`${f.name}\` (${typeLabel(f.type)}) in ${path.length ? `\`${formatPath(path)}\`` : 'the DaemonSet'}.`,
    });
  }
}

/** Pairs of a map, reporting every repeated key after its first occurrence. */
function uniquePairs(node: { items: Pair[] }, path: PathSeg[], out: Finding[]): Pair[] {
  const seen = new Set<string>();
  const pairs: Pair[] = [];
  for (const pair of node.items) {
    const key = keyString(pair);
    if (key !== undefined && seen.has(key)) {
      const k = pair.key as Node;
      out.push({ rule: 'duplicate-key', path: [...path, key], target: 'key', at: k.range ? [k.range[0], k.range[1]] : undefined, message: `Duplicate key \`${key}\`: kubectl rejects a mapping that repeats a key ("mapping key ${JSON.stringify(key)} already defined").` });
      continue;
    }
    if (key !== undefined) seen.add(key);
    pairs.push(pair);
  }
  return pairs;
}

function isMergePair(pair: Pair): boolean {
  const k = pair.key as Node | null;
  return isScalar(k) && (typeof k.value === 'symbol' || k.value === '<<');
}

function keyString(pair: Pair): string | undefined {
  const k = pair.key as Node | null;
  // A YAML 1.1 merge key (`<<: *defaults`) is no field: its fields arrive through the alias.
  if (isScalar(k) && typeof k.value !== 'symbol' && k.value !== '<<' && k.value !== null && k.value !== undefined) return String(k.value);
  return undefined;
}

function unknownField(key: string, keyPath: PathSeg[], typeName: string, names: string[], edits: Edits): Finding {
  const candidates = suggest(key, names);
  const where = keyPath.length > 1 ? `\`${formatPath(keyPath.slice(0, -1))}\`` : 'a DaemonSet';
  let message = `Unknown field \`${key}\` in ${where} (${typeName.slice(typeName.lastIndexOf('.') + 1)}).`;
  if (key === 'replicas' && keyPath.length === 2) message += ' A DaemonSet runs one pod per eligible node; it has no replica count.';
  else if (key === 'strategy' && keyPath.length === 2) message += ' Deployments use `strategy`; a DaemonSet uses `updateStrategy`.';
  else if (candidates.length) message += ` Did you mean ${listOr(candidates.map((c) => `\`${c}\``), false)}?`;
  const fixes: Fix[] = [];
  candidates.forEach((c, i) => {
    const e = edits.renameKey(keyPath, c);
    if (e) fixes.push({ title: `Rename to \`${c}\``, isPreferred: i === 0 && candidates.length === 1, edits: [e] });
  });
  if ((key === 'replicas' || key === 'strategy') && keyPath.length === 2) fixes.unshift(...(removeFix(edits, keyPath, `Remove \`${key}\``) ?? []).map((f) => ({ ...f, isPreferred: true })));
  return { rule: 'unknown-field', path: keyPath, target: 'key', message, fixes };
}

function removeFix(edits: Edits, path: PathSeg[], title: string): Fix[] | undefined {
  const e = edits.removeKey(path);
  return e ? [{ title, isPreferred: true, edits: [e] }] : undefined;
}

function describeValue(node: Node): string {
  if (isMap(node)) return 'an object';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return 'null';
    if (typeof v === 'number' || typeof v === 'bigint') return `the number ${String(node.source ?? v)}`;
    if (typeof v === 'boolean') return `the boolean ${String(node.source ?? v)}`;
    return `the string ${JSON.stringify(v)}`;
  }
  return 'a value';
}

function typeMismatch(node: Node, at: Resolved, path: PathSeg[], out: Finding[]): void {
  if (isScalar(node) && node.value === null) return;
  out.push({ rule: 'invalid-type', path, message: `\`${lastKey(path)}\` must be ${expected(at.type)}, not ${describeValue(node)}.` });
}

function lastKey(path: PathSeg[]): string {
  return formatPath(path).replace(/^.*\.(?=[^.]+$)/, '') || 'value';
}

function expected(type: FieldType): string {
  switch (type.kind) {
    case 'object':
      return `an object (${typeLabel(type)})`;
    case 'array':
      return `a list (${typeLabel(type)})`;
    case 'map':
      return `a map of key: value (${typeLabel(type)})`;
    case 'integer':
      return 'an integer';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean (true or false)';
    case 'int-or-string':
      return 'an integer or a string';
    case 'quantity':
      return 'a quantity such as 128Mi, 500m or 0.5';
    default:
      return `a ${type.kind}`;
  }
}

function checkScalar(node: Node, at: Resolved, path: PathSeg[], out: Finding[], edits: Edits): void {
  const type = at.type;
  if (type.kind === 'any') return;
  if (!isScalar(node)) return typeMismatch(node, at, path, out);
  const v = node.value;
  if (v === null) return;
  switch (type.kind) {
    case 'string': {
      if (typeof v !== 'string') {
        const src = String(node.source ?? v);
        const e = edits.replaceScalar(node, src);
        const quoted = e ? { ...e, newText: JSON.stringify(src) } : undefined;
        out.push({ rule: 'invalid-type', path, message: `\`${lastKey(path)}\` must be a string, not ${describeValue(node)}; quote it: ${JSON.stringify(src)}.`, fixes: quoted ? [{ title: `Quote as ${JSON.stringify(src)}`, isPreferred: true, edits: [quoted] }] : undefined });
        return;
      }
      return checkEnum(node as Scalar, v, at.field, path, out, edits);
    }
    case 'integer':
      if (typeof v !== 'number' || !Number.isInteger(v)) out.push({ rule: 'invalid-type', path, message: `\`${lastKey(path)}\` must be an integer, not ${describeValue(node)}.` });
      return;
    case 'number':
      if (typeof v !== 'number') out.push({ rule: 'invalid-type', path, message: `\`${lastKey(path)}\` must be a number, not ${describeValue(node)}.` });
      return;
    case 'boolean':
      if (typeof v !== 'boolean') out.push({ rule: 'invalid-type', path, message: `\`${lastKey(path)}\` must be a boolean (true or false), not ${describeValue(node)}.` });
      return;
    case 'int-or-string':
      if (!(typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v)))) out.push({ rule: 'invalid-type', path, message: `\`${lastKey(path)}\` must be an integer or a string such as "25%", not ${describeValue(node)}.` });
      return;
    case 'quantity':
      if (typeof v === 'number') return;
      if (typeof v !== 'string') return typeMismatch(node, at, path, out);
      if (!isQuantity(v)) {
        const hint = quantityHint(v);
        out.push({ rule: 'invalid-quantity', path, message: `${JSON.stringify(v)} is not a valid quantity for \`${lastKey(path)}\`: use a number with an optional suffix such as 128Mi, 1Gi, 500m or 0.5${hint ? `. Did you mean ${hint}?` : '.'}`, fixes: hint ? fixesFor(edits, node, [hint]) : undefined });
      }
      return;
  }
}

/** Common mistakes: 128MB → 128M / 128Mi, "1 Gi" → 1Gi. */
function quantityHint(v: string): string | undefined {
  const s = v.replace(/\s+/g, '');
  if (s !== v && isQuantity(s)) return s;
  const m = /^([0-9.]+)([KMGTPE])i?B$/i.exec(s);
  if (m) return `${m[1]}${m[2].toUpperCase()}i`;
  return undefined;
}

function fixesFor(edits: Edits, node: Node, values: string[]): Fix[] {
  const fixes: Fix[] = [];
  values.forEach((value, i) => {
    const e = edits.replaceScalar(node, value);
    if (e) fixes.push({ title: `Change to \`${value}\``, isPreferred: i === 0, edits: [e] });
  });
  return fixes;
}

function checkEnum(node: Scalar, v: string, field: FieldDef | undefined, path: PathSeg[], out: Finding[], edits: Edits): void {
  const allowed = field?.enum?.map((e) => e.value);
  if (!allowed || allowed.length === 0 || v === '' || allowed.includes(v)) return;
  const candidates = suggest(v, allowed);
  const shown = allowed.filter((a) => a !== '');
  let message = `Unsupported value ${JSON.stringify(v)} for \`${lastKey(path)}\`: supported values: ${shown.map((a) => `"${a}"`).join(', ')}.`;
  if (candidates.length) message += ` Did you mean ${listOr(candidates)}?`;
  out.push({ rule: 'invalid-enum', path, message, fixes: fixesFor(edits, node, candidates) });
}

/** Fields of the object at a path, for callers that need them (completion). */
export function objectFieldsAt(path: PathSeg[]): FieldDef[] {
  return fieldsOf(resolvePath(path)?.type);
}
