/** Schema lookups over the generated Kubernetes API schema (see scripts/gen-schema.ts). */
import schemaJson from '../../generated/schema.json';
import type { FieldDef, FieldType, SchemaFile, TypeDef } from './types';
import type { PathSeg } from '../yaml/types';

export const schema = schemaJson as unknown as SchemaFile;
export const KUBERNETES_VERSION = schema.kubernetesVersion;

export function typeDef(name: string): TypeDef | undefined {
  return schema.types[name];
}

export const rootType: FieldType = { kind: 'object', ref: schema.root };

/** What a path inside a DaemonSet resolves to: the field that declares it (if a named field) and its type. */
export interface Resolved {
  type: FieldType;
  field?: FieldDef;
  /** The object type that declares `field`. */
  owner?: TypeDef;
}

/** Resolve a path relative to the DaemonSet root. Undefined when the path leaves the schema. */
export function resolvePath(path: readonly PathSeg[]): Resolved | undefined {
  let cur: Resolved = { type: rootType };
  for (const seg of path) {
    const next = step(cur.type, seg);
    if (!next) return undefined;
    cur = next;
  }
  return cur;
}

export function step(type: FieldType, seg: PathSeg): Resolved | undefined {
  if (type.kind === 'array') return typeof seg === 'number' ? { type: type.items } : undefined;
  if (type.kind === 'map') return typeof seg === 'string' ? { type: type.values } : undefined;
  if (type.kind === 'object' && typeof seg === 'string') {
    const owner = schema.types[type.ref];
    const field = owner?.properties[seg];
    return field ? { type: field.type, field, owner } : undefined;
  }
  return undefined;
}

/** The fields of an object type, in API order. */
export function fieldsOf(type: FieldType | undefined): FieldDef[] {
  if (!type || type.kind !== 'object') return [];
  return Object.values(schema.types[type.ref]?.properties ?? {});
}

/** Short human name of a type: `string`, `integer`, `[]Toleration`, `map[string]string`, `Toleration`. */
export function typeLabel(type: FieldType): string {
  switch (type.kind) {
    case 'object':
      return shortName(type.ref);
    case 'array':
      return `[]${typeLabel(type.items)}`;
    case 'map':
      return `map[string]${typeLabel(type.values)}`;
    case 'int-or-string':
      return 'integer or string';
    case 'quantity':
      return 'quantity';
    case 'any':
      return 'any';
    default:
      return type.kind;
  }
}

export function shortName(ref: string): string {
  return ref.slice(ref.lastIndexOf('.') + 1);
}

/** First sentence of a description, for one-line docs. */
export function firstSentence(text: string | undefined, max = 160): string {
  if (!text) return '';
  const para = text
    .split(/\n\s*\n/)[0]
    .replace(/\s+/g, ' ')
    .trim();
  const m = /^(.+?[.!?])(\s|$)/.exec(para);
  let s = m ? m[1] : para;
  if (s.length > max) s = s.slice(0, max - 1).trimEnd() + '…';
  return s;
}
