/**
 * The schema walker: checks a DaemonSet's YAML tree against the Kubernetes API schema —
 * unknown fields, wrong types, quantities, enum values, required fields, duplicate keys.
 */
import { isAlias, isMap, isScalar, isSeq, type Scalar, type Node, type Pair } from 'yaml';
import type { DaemonSetRef } from '../../yaml/document';
import type { Edits } from '../../yaml/edits';
import { fieldsOf, resolvePath, schema, step, typeLabel, type Resolved } from '../../schema/schema';
import { listOr, suggest } from '../../util/suggest';
import { formatPath, type PathSeg } from '../../yaml/types';
import { type Finding, type Fix } from '../types';
import type { FieldDef, FieldType } from '../../schema/types';
import { isQuantity } from '../../k8s/quantity';
import { addSelectorFix } from '../helpers/selector-fixes';
import { t } from '../../l10n';

const MAX_DEPTH = 64;

/** The missing-required finding for `spec.selector` (found by identity: its message is translated). */
const missingSelector = new WeakSet<Finding>();

export interface SchemaCheckOptions {
  /** Skip missing-required checks (kustomize patches). */
  partial: boolean;
}

export function checkSchema(ds: DaemonSetRef, edits: Edits, options: SchemaCheckOptions): Finding[] {
  const out: Finding[] = [];
  walk(ds.node, { type: { kind: 'object', ref: schema.root } }, [], 0, out, edits, options);
  // apps/v1 has no selector defaulting: offer the template labels as the selector.
  const noSelector = out.find((f) => missingSelector.has(f));
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

function walkObject(
  node: Node & { items: Pair[] },
  type: { kind: 'object'; ref: string },
  path: PathSeg[],
  depth: number,
  out: Finding[],
  edits: Edits,
  options: SchemaCheckOptions,
): void {
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
        out.push({
          rule: 'status-field',
          path: keyPath,
          target: 'key',
          message: t('`status` is written by the DaemonSet controller and ignored on create; remove it from the manifest.'),
          fixes: removeFix(edits, keyPath, t('Remove `status`')),
        });
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
    const finding: Finding = {
      rule: 'missing-required',
      path,
      target: 'key',
      message: path.length
        ? t('Missing required field `{0}` ({1}) in `{2}`.', f.name, typeLabel(f.type), formatPath(path))
        : t('Missing required field `{0}` ({1}) in the DaemonSet.', f.name, typeLabel(f.type)),
    };
    if (path.length === 1 && path[0] === 'spec' && f.name === 'selector') missingSelector.add(finding);
    out.push(finding);
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
      out.push({
        rule: 'duplicate-key',
        path: [...path, key],
        target: 'key',
        at: k.range ? [k.range[0], k.range[1]] : undefined,
        message: t('Duplicate key `{0}`: kubectl rejects a mapping that repeats a key ("mapping key {1} already defined").', key, JSON.stringify(key)),
      });
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
  const type = typeName.slice(typeName.lastIndexOf('.') + 1);
  let message =
    keyPath.length > 1
      ? t('Unknown field `{0}` in `{1}` ({2}).', key, formatPath(keyPath.slice(0, -1)), type)
      : t('Unknown field `{0}` in a DaemonSet ({1}).', key, type);
  if (key === 'replicas' && keyPath.length === 2) message += ' ' + t('A DaemonSet runs one pod per eligible node; it has no replica count.');
  else if (key === 'strategy' && keyPath.length === 2) message += ' ' + t('Deployments use `strategy`; a DaemonSet uses `updateStrategy`.');
  else if (candidates.length)
    message +=
      ' ' +
      t(
        'Did you mean {0}?',
        listOr(
          candidates.map((c) => `\`${c}\``),
          false,
        ),
      );
  const fixes: Fix[] = [];
  candidates.forEach((c, i) => {
    const e = edits.renameKey(keyPath, c);
    if (e) fixes.push({ title: t('Rename to `{0}`', c), isPreferred: i === 0 && candidates.length === 1, edits: [e] });
  });
  if ((key === 'replicas' || key === 'strategy') && keyPath.length === 2)
    fixes.unshift(...(removeFix(edits, keyPath, t('Remove `{0}`', key)) ?? []).map((f) => ({ ...f, isPreferred: true })));
  return { rule: 'unknown-field', path: keyPath, target: 'key', message, fixes };
}

function removeFix(edits: Edits, path: PathSeg[], title: string): Fix[] | undefined {
  const e = edits.removeKey(path);
  return e ? [{ title, isPreferred: true, edits: [e] }] : undefined;
}

function describeValue(node: Node): string {
  if (isMap(node)) return t('an object');
  if (isSeq(node)) return t('a list');
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return 'null';
    if (typeof v === 'number' || typeof v === 'bigint') return t('the number {0}', String(node.source ?? v));
    if (typeof v === 'boolean') return t('the boolean {0}', String(node.source ?? v));
    return t('the string {0}', JSON.stringify(v));
  }
  return t('a value');
}

function typeMismatch(node: Node, at: Resolved, path: PathSeg[], out: Finding[]): void {
  if (isScalar(node) && node.value === null) return;
  out.push({ rule: 'invalid-type', path, message: t('`{0}` must be {1}, not {2}.', lastKey(path), expected(at.type), describeValue(node)) });
}

function lastKey(path: PathSeg[]): string {
  return formatPath(path).replace(/^.*\.(?=[^.]+$)/, '') || 'value';
}

function expected(type: FieldType): string {
  switch (type.kind) {
    case 'object':
      return t('an object ({0})', typeLabel(type));
    case 'array':
      return t('a list ({0})', typeLabel(type));
    case 'map':
      return t('a map of key: value ({0})', typeLabel(type));
    case 'integer':
      return t('an integer');
    case 'number':
      return t('a number');
    case 'boolean':
      return t('a boolean (true or false)');
    case 'int-or-string':
      return t('an integer or a string');
    case 'quantity':
      return t('a quantity such as 128Mi, 500m or 0.5');
    default:
      return t('a {0}', type.kind);
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
        out.push({
          rule: 'invalid-type',
          path,
          message: t('`{0}` must be a string, not {1}; quote it: {2}.', lastKey(path), describeValue(node), JSON.stringify(src)),
          fixes: quoted ? [{ title: t('Quote as {0}', JSON.stringify(src)), isPreferred: true, edits: [quoted] }] : undefined,
        });
        return;
      }
      return checkEnum(node as Scalar, v, at.field, path, out, edits);
    }
    case 'integer':
      if (typeof v !== 'number' || !Number.isInteger(v))
        out.push({ rule: 'invalid-type', path, message: t('`{0}` must be an integer, not {1}.', lastKey(path), describeValue(node)) });
      return;
    case 'number':
      if (typeof v !== 'number') out.push({ rule: 'invalid-type', path, message: t('`{0}` must be a number, not {1}.', lastKey(path), describeValue(node)) });
      return;
    case 'boolean':
      if (typeof v !== 'boolean')
        out.push({ rule: 'invalid-type', path, message: t('`{0}` must be a boolean (true or false), not {1}.', lastKey(path), describeValue(node)) });
      return;
    case 'int-or-string':
      if (!(typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v))))
        out.push({
          rule: 'invalid-type',
          path,
          message: t('`{0}` must be an integer or a string such as "25%", not {1}.', lastKey(path), describeValue(node)),
        });
      return;
    case 'quantity':
      if (typeof v === 'number') return;
      if (typeof v !== 'string') return typeMismatch(node, at, path, out);
      if (!isQuantity(v)) {
        const hint = quantityHint(v);
        const message = hint
          ? t(
              '{0} is not a valid quantity for `{1}`: use a number with an optional suffix such as 128Mi, 1Gi, 500m or 0.5. Did you mean {2}?',
              JSON.stringify(v),
              lastKey(path),
              hint,
            )
          : t('{0} is not a valid quantity for `{1}`: use a number with an optional suffix such as 128Mi, 1Gi, 500m or 0.5.', JSON.stringify(v), lastKey(path));
        out.push({ rule: 'invalid-quantity', path, message, fixes: hint ? fixesFor(edits, node, [hint]) : undefined });
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

/** `safety` is given only to a single did-you-mean: with several candidates the choice is the user's. */
function fixesFor(edits: Edits, node: Node, values: string[], safety?: 'mechanical'): Fix[] {
  const fixes: Fix[] = [];
  values.forEach((value, i) => {
    const e = edits.replaceScalar(node, value);
    if (e) fixes.push({ title: t('Change to `{0}`', value), isPreferred: i === 0, ...(safety && values.length === 1 ? { safety } : {}), edits: [e] });
  });
  return fixes;
}

function checkEnum(node: Scalar, v: string, field: FieldDef | undefined, path: PathSeg[], out: Finding[], edits: Edits): void {
  const allowed = field?.enum?.map((e) => e.value);
  if (!allowed || allowed.length === 0 || v === '' || allowed.includes(v)) return;
  const candidates = suggest(v, allowed);
  const shown = allowed.filter((a) => a !== '');
  let message = t('Unsupported value {0} for `{1}`: supported values: {2}.', JSON.stringify(v), lastKey(path), shown.map((a) => `"${a}"`).join(', '));
  if (candidates.length) message += ' ' + t('Did you mean {0}?', listOr(candidates));
  // The API server rejects the value, so replacing it with the one allowed value it resembles
  // cannot change what a working DaemonSet does: the only fix fix-all may apply here.
  out.push({ rule: 'invalid-enum', path, message, fixes: fixesFor(edits, node, candidates, 'mechanical') });
}

/** Fields of the object at a path, for callers that need them (completion). */
export function objectFieldsAt(path: PathSeg[]): FieldDef[] {
  return fieldsOf(resolvePath(path)?.type);
}
