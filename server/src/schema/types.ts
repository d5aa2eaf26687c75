/**
 * The shape of `server/generated/schema.json`, produced at build time by
 * `scripts/gen-schema.ts` from the `.d.ts` files of kubernetes-models.
 * Type names are OpenAPI definition names, e.g. `io.k8s.api.core.v1.Toleration`.
 */
export type FieldType =
  | { kind: 'string' }
  | { kind: 'integer' }
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'int-or-string' }
  | { kind: 'quantity' }
  | { kind: 'any' } // free-form (RawExtension, JSON)
  | { kind: 'object'; ref: string }
  | { kind: 'array'; items: FieldType }
  | { kind: 'map'; values: FieldType };

export interface EnumValue {
  value: string;
  /** The meaning, from the official "Possible enum values" text, or a hand-written line. */
  description: string;
}

export interface FieldDef {
  name: string;
  /** Official description, JSDoc escapes undone. */
  description: string;
  type: FieldType;
  required: boolean;
  /** Declared enum values, or values the API states only in prose (added by hand). */
  enum?: EnumValue[];
  /** The default the API applies when the field is omitted, where it has one. */
  default?: string;
  /** A short practical note on what the field means for a DaemonSet (hand-written). */
  note?: string;
  /** Link to the API reference for the declaring type. */
  docUrl: string;
  /** Set when the field is deprecated by the API. */
  deprecated?: boolean;
}

export interface TypeDef {
  name: string;
  description: string;
  /** Insertion order is the API's order. */
  properties: Record<string, FieldDef>;
}

export interface SchemaFile {
  /** Kubernetes version the schema reflects, e.g. "1.36.0". */
  kubernetesVersion: string;
  /** e.g. "kubernetes-models@5.1.0 + @kubernetes-models/apimachinery@3.0.2" */
  source: string;
  /** Root type: io.k8s.api.apps.v1.DaemonSet */
  root: string;
  types: Record<string, TypeDef>;
}
