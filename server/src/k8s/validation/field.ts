/**
 * Field errors as apimachinery's `k8s.io/apimachinery/pkg/util/validation/field` builds and
 * prints them: `<field>: <Type string>: <badValue>: <detail>` (what `kubectl apply` shows).
 */

export type FieldErrorType =
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueDuplicate'
  | 'FieldValueTooLong'
  | 'FieldValueNotFound';

export interface FieldError {
  type: FieldErrorType;
  /** Go field path, e.g. `spec.template.spec.tolerations[0].operator`. */
  field: string;
  /** Absent for Required / Forbidden / TooLong (Go omits it when printing). */
  badValue?: unknown;
  detail: string;
}

export type ErrorList = FieldError[];

const TYPE_STRINGS: Record<FieldErrorType, string> = {
  FieldValueRequired: 'Required value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueTooLong: 'Too long',
  FieldValueNotFound: 'Not found',
};

/** `field.Path` as a plain string builder: child `.x` (no dot at the root), index `[i]`, key `[k]`. */
export class Path {
  private constructor(private readonly text: string) {}

  static root(name: string): Path {
    return new Path(name);
  }

  child(...names: string[]): Path {
    let t = this.text;
    for (const n of names) t = t === '' ? n : `${t}.${n}`;
    return new Path(t);
  }

  index(i: number): Path {
    return new Path(`${this.text}[${i}]`);
  }

  key(k: string): Path {
    return new Path(`${this.text}[${k}]`);
  }

  toString(): string {
    return this.text;
  }
}

export function required(path: Path, detail = ''): FieldError {
  return { type: 'FieldValueRequired', field: String(path), detail };
}

export function invalid(path: Path, badValue: unknown, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field: String(path), badValue, detail };
}

/** `field.NotSupported`: detail lists the supported values, each Go-quoted. */
export function notSupported(path: Path, badValue: unknown, validValues: readonly string[]): FieldError {
  const detail = validValues.length > 0 ? `supported values: ${validValues.map((v) => JSON.stringify(v)).join(', ')}` : '';
  return { type: 'FieldValueNotSupported', field: String(path), badValue, detail };
}

export function forbidden(path: Path, detail: string): FieldError {
  return { type: 'FieldValueForbidden', field: String(path), detail };
}

export function duplicate(path: Path, badValue: unknown): FieldError {
  return { type: 'FieldValueDuplicate', field: String(path), badValue, detail: '' };
}

export function tooLong(path: Path, maxLength: number): FieldError {
  return { type: 'FieldValueTooLong', field: String(path), detail: `may not be more than ${maxLength} bytes` };
}

export function notFound(path: Path, badValue: unknown, detail = ''): FieldError {
  return { type: 'FieldValueNotFound', field: String(path), badValue, detail };
}

/** Renders a bad value like Go's ErrorBody: strings quoted, numbers/bools bare, null as `null`, else JSON. */
export function formatBadValue(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** `Error.ErrorBody()`: `<Type>[: <badValue>][: <detail>]`. */
export function formatErrorBody(e: FieldError): string {
  let s = TYPE_STRINGS[e.type];
  const omitValue = e.type === 'FieldValueRequired' || e.type === 'FieldValueForbidden' || e.type === 'FieldValueTooLong';
  if (!omitValue) s += `: ${formatBadValue(e.badValue)}`;
  if (e.detail.length > 0) s += `: ${e.detail}`;
  return s;
}

/** `Error.Error()`: `<field>: <body>`. */
export function formatFieldError(e: FieldError): string {
  return `${e.field}: ${formatErrorBody(e)}`;
}

/** `utilerrors.NewAggregate(errs).Error()`: one message bare, several as `[a, b]`. */
export function formatAggregate(errs: readonly FieldError[]): string {
  if (errs.length === 0) return '';
  if (errs.length === 1) return formatFieldError(errs[0]);
  return `[${errs.map(formatFieldError).join(', ')}]`;
}

/** The API server's 422 message: `DaemonSet.apps "<name>" is invalid: <aggregate>`. */
export function formatInvalidMessage(kind: string, name: string, errs: readonly FieldError[]): string {
  return `${kind} "${name}" is invalid: ${formatAggregate(errs)}`;
}
