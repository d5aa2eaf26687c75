/**
 * Tolerant readers for plain JSON objects. Validation must never throw on a wrong shape: another
 * layer reports type errors, so a value of the wrong type reads as "cannot interpret" (undefined)
 * and the rule that needed it is skipped.
 */

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The object at v, undefined when absent, null or not an object. */
export function obj(v: unknown): JsonObject | undefined {
  return isObject(v) ? v : undefined;
}

/** The array at v, undefined when absent, null or not an array. */
export function arr(v: unknown): unknown[] | undefined {
  return Array.isArray(v) ? v : undefined;
}

/** The array at v, or [] when absent / null (Go's nil slice); undefined when of another type. */
export function list(v: unknown): unknown[] | undefined {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : undefined;
}

/** A Go string field: '' when absent / null (zero value), undefined when of another type. */
export function str(v: unknown): string | undefined {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : undefined;
}

/** An integer field; undefined when absent, null, or not an integer number. */
export function int(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

/** Go `len(x) > 0` of an optional field that is present (not absent, not null). */
export function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}

/** A `map[string]string`: only the string-valued entries (others are a type error elsewhere). */
export function stringMap(v: unknown): Array<[string, string]> {
  const o = obj(v);
  if (!o) return [];
  return Object.entries(o).filter((e): e is [string, string] => typeof e[1] === 'string');
}

/** Deep copy of plain JSON (defaulting must not mutate the caller's object). */
export function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/**
 * apimachinery's Semantic.DeepEqual, approximated on JSON: absent, null, [] and {} are all the
 * zero value (Go treats nil and empty slices/maps alike; empty structs mostly come from defaulting).
 */
export function semanticEqual(a: unknown, b: unknown): boolean {
  const za = isZero(a);
  const zb = isZero(b);
  if (za || zb) return za && zb;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => semanticEqual(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!semanticEqual(a[k], b[k])) return false;
    return true;
  }
  return a === b;
}

function isZero(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (isObject(v)) return Object.keys(v).length === 0;
  return false;
}
