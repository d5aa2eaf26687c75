/**
 * The label selector engine of k8s.io/apimachinery pkg/labels (selector.go): `NewRequirement`
 * validation, `Requirement.Matches`, `Requirement.String`, plus the one-term field selectors of
 * pkg/fields that node affinity's `matchFields` use.
 */
import { list } from '../util/list';
import { isLabelKey, isLabelValue } from './syntax';

export type LabelSet = Readonly<Record<string, string>>;

/** selection.Operator spelled as in apimachinery (`in`, `notin`, `exists`, `!`, `gt`, `lt`, `=`, `==`, `!=`). */
export type SelectionOperator = 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt' | '=' | '==' | '!=';

export interface Requirement {
  readonly key: string;
  readonly operator: SelectionOperator;
  readonly values: readonly string[];
  /** For gt/lt: the parsed integer (validated by NewRequirement). */
  readonly intValue?: bigint;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Go `strconv.ParseInt(s, 10, 64)`: optional sign, decimal digits (leading zeros fine), int64 range. */
export function parseInt64(s: string | undefined): bigint | null {
  if (typeof s !== 'string' || !/^[+-]?\d+$/.test(s)) return null;
  const v = BigInt(s);
  return v < INT64_MIN || v > INT64_MAX ? null : v;
}

const GO_ESCAPES: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };

/** Go's `%q` of a string (strconv.Quote): printable characters as they are, the rest escaped. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (c >= 0x20 && c !== 0x7f) out += ch;
    else out += GO_ESCAPES[c] ?? `\\x${c.toString(16).padStart(2, '0')}`;
  }
  return `${out}"`;
}

/**
 * Go's `encoding/json` encoding of a string (what `json.Marshal` writes): quote, backslash and
 * control characters escaped, and (Marshal's HTML escaping) `<`, `>`, `&`, U+2028 and U+2029 as `\uXXXX`.
 */
export function goJSONString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x08) out += '\\b';
    else if (c === 0x0c) out += '\\f';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * A field error's bad value of a type other than `string`, a number or a bool, as
 * `field.Error.ErrorBody` prints it (apimachinery 1.36): as JSON. So a `[]string` reads
 * `["a","b"]` (`null` when nil) and a named string type such as an operator `"Foo"`; plain strings
 * are `%q` (goQuote).
 */
export function goJSONValue(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(goJSONValue).join(',')}]`;
  return goJSONString(String(v));
}

/** A field.Error string: `<path>: <type>: <value>: <detail>`, the value already formatted the way Go prints it. */
function fieldError(path: string, type: string, value: string, detail: string): string {
  return `${path}: ${type}: ${value}: ${detail}`;
}

/** `path.Child(name)`: a nil root path (NewRequirement without a path option) prints as the child alone. */
function child(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

/**
 * `errors.NewAggregate(errs).Error()` (after `Flatten`): one error as it is, several as
 * `[err1, err2]` with repeated messages once; undefined for none.
 */
export function aggregateErrors(errs: readonly string[]): string | undefined {
  const unique = [...new Set(errs)];
  if (unique.length === 0) return undefined;
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}

/** `validRequirementOperators`, for the NotSupported error of an unknown operator. */
const REQUIREMENT_OPERATORS = ['in', 'notin', '=', '==', '!=', 'exists', '!', 'gt', 'lt'];

/**
 * `labels.NewRequirement(key, op, vals)`: returns the requirement or the validation errors
 * (field-error strings rooted at `path`; `''` is Go's nil path, as LabelSelectorAsSelector passes it).
 */
export function newRequirement(key: string, op: SelectionOperator, vals: readonly string[] | null | undefined, path: string): Requirement | string[] {
  const errs: string[] = [];
  const values = list<string>(vals);
  // validateLabelKey / validateLabelValue: one error per key or value, its messages joined by "; ".
  const keyErrors = isLabelKey(typeof key === 'string' ? key : '');
  if (keyErrors.length > 0) errs.push(fieldError(child(path, 'key'), 'Invalid value', goQuote(String(key ?? '')), keyErrors.join('; ')));
  const valuePath = child(path, 'values');
  // The values as Go holds them ([]string, printed as JSON): an absent list is nil, `[]` an empty slice.
  const slice = goJSONValue(vals === null || vals === undefined ? null : values.map((v) => String(v)));
  let intValue: bigint | undefined;
  switch (op) {
    case 'in':
    case 'notin':
      if (values.length === 0) errs.push(fieldError(valuePath, 'Invalid value', slice, "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case '=':
    case '==':
    case '!=':
      if (values.length !== 1) errs.push(fieldError(valuePath, 'Invalid value', slice, 'exact-match compatibility requires one single value'));
      break;
    case 'exists':
    case '!':
      if (values.length !== 0) errs.push(fieldError(valuePath, 'Invalid value', slice, 'values set must be empty for exists and does not exist'));
      break;
    case 'gt':
    case 'lt':
      if (values.length !== 1) errs.push(fieldError(valuePath, 'Invalid value', slice, "for 'Gt', 'Lt' operators, exactly one value is required"));
      for (let i = 0; i < values.length; i++) {
        const v = parseInt64(values[i]);
        if (v === null)
          errs.push(fieldError(`${valuePath}[${i}]`, 'Invalid value', goQuote(String(values[i])), "for 'Gt', 'Lt' operators, the value must be an integer"));
        else intValue = v;
      }
      break;
    default:
      // selection.Operator is a named string type: ErrorBody prints it as JSON.
      errs.push(
        `${child(path, 'operator')}: Unsupported value: ${goJSONValue(String(op))}: supported values: ${REQUIREMENT_OPERATORS.map(goQuote).join(', ')}`,
      );
  }
  for (let i = 0; i < values.length; i++) {
    const v = typeof values[i] === 'string' ? values[i] : String(values[i]);
    const valueErrors = isLabelValue(v);
    // Go: valuePath.Index(i).Key(key), i.e. `values[0][<key>]`.
    if (valueErrors.length > 0) errs.push(fieldError(`${valuePath}[${i}][${key}]`, 'Invalid value', goQuote(v), valueErrors.join('; ')));
  }
  if (errs.length > 0) return errs;
  return { key, operator: op, values: [...values], ...(intValue !== undefined ? { intValue } : {}) };
}

function has(ls: LabelSet, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(ls, key);
}

/** `Requirement.Matches(labels)`. */
export function requirementMatches(r: Requirement, ls: LabelSet): boolean {
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return has(ls, r.key) && r.values.includes(ls[r.key]);
    case 'notin':
    case '!=':
      return !has(ls, r.key) || !r.values.includes(ls[r.key]);
    case 'exists':
      return has(ls, r.key);
    case '!':
      return !has(ls, r.key);
    case 'gt':
    case 'lt': {
      if (!has(ls, r.key)) return false;
      const lsValue = parseInt64(ls[r.key]);
      if (lsValue === null || r.intValue === undefined) return false;
      return r.operator === 'gt' ? lsValue > r.intValue : lsValue < r.intValue;
    }
  }
}

const requirementStrings = new WeakMap<Requirement, string>();

/** `Requirement.String()`: `key in (a,b)`, `key notin (a)`, `key`, `!key`, `key>1`, `key<7`, `key=v`. */
export function requirementString(r: Requirement): string {
  // Placement explains a mismatch on every excluded node: format each requirement once.
  let s = requirementStrings.get(r);
  if (s === undefined) requirementStrings.set(r, (s = formatRequirement(r)));
  return s;
}

function formatRequirement(r: Requirement): string {
  const vals = r.values.length === 1 ? r.values[0] : [...r.values].sort().join(',');
  switch (r.operator) {
    case '!':
      return `!${r.key}`;
    case 'exists':
      return r.key;
    case 'in':
      return `${r.key} in (${vals})`;
    case 'notin':
      return `${r.key} notin (${vals})`;
    case 'gt':
      return `${r.key}>${vals}`;
    case 'lt':
      return `${r.key}<${vals}`;
    case '=':
      return `${r.key}=${vals}`;
    case '==':
      return `${r.key}==${vals}`;
    case '!=':
      return `${r.key}!=${vals}`;
  }
}

/** A conjunction of requirements (`labels.Selector`); requirements kept sorted by key like `Selector.Add`. */
export interface LabelSelector {
  readonly requirements: readonly Requirement[];
  /** labels.Nothing(): matches nothing. */
  readonly nothing?: boolean;
}

export function selectorFromRequirements(reqs: Requirement[]): LabelSelector {
  return { requirements: [...reqs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)) };
}

export function selectorMatches(s: LabelSelector, ls: LabelSet): boolean {
  if (s.nothing) return false;
  for (const r of s.requirements) if (!requirementMatches(r, ls)) return false;
  return true;
}

/** `Selector.String()`: requirements joined by `,`. */
export function selectorString(s: LabelSelector): string {
  return s.requirements.map(requirementString).join(',');
}

/** The first requirement that does not match, for explanations. */
export function firstUnmatchedRequirement(s: LabelSelector, ls: LabelSet): Requirement | undefined {
  return s.requirements.find((r) => !requirementMatches(r, ls));
}

/** A one-term field selector (fields.OneTermEqualSelector / OneTermNotEqualSelector). */
export interface FieldRequirement {
  readonly key: string;
  readonly operator: '=' | '!=';
  readonly value: string;
}

/** Field selectors: a missing field reads as "" (fields.Set.Get). */
export function fieldRequirementMatches(r: FieldRequirement, fieldSet: LabelSet): boolean {
  const v = has(fieldSet, r.key) ? fieldSet[r.key] : '';
  return r.operator === '=' ? v === r.value : v !== r.value;
}

/** labels.Everything(): no requirements, matches every label set. */
export const EVERYTHING: LabelSelector = Object.freeze({ requirements: [] });
/** labels.Nothing(): matches no label set. */
export const NOTHING: LabelSelector = Object.freeze({ requirements: [], nothing: true });

const LABEL_SELECTOR_OPS: Readonly<Record<string, SelectionOperator>> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };

/**
 * metav1 `LabelSelectorAsSelector(ps)` with its error: nil ⇒ Nothing, no matchLabels and no
 * matchExpressions ⇒ Everything, otherwise matchLabels AND matchExpressions. The error is Go's:
 * the first requirement that fails `NewRequirement` (its field errors aggregated, paths rooted
 * nowhere: `values[0][app]: Invalid value: …`), or `"Foo" is not a valid label selector operator`.
 * A value of the wrong JSON type (which Go could not even decode) gives `invalid label selector`.
 */
export function labelSelectorAsSelectorOrError(sel: unknown): { selector: LabelSelector; error?: undefined } | { selector?: undefined; error: string } {
  const invalid = { error: 'invalid label selector' };
  if (sel === null || sel === undefined) return { selector: NOTHING };
  if (typeof sel !== 'object' || Array.isArray(sel)) return invalid;
  const ps = sel as { matchLabels?: unknown; matchExpressions?: unknown };
  const matchLabels = ps.matchLabels ?? {};
  const exprs = ps.matchExpressions ?? [];
  if (typeof matchLabels !== 'object' || Array.isArray(matchLabels) || !Array.isArray(exprs)) return invalid;
  const labelEntries = Object.entries(matchLabels as Record<string, unknown>);
  if (labelEntries.length + exprs.length === 0) return { selector: EVERYTHING };
  const reqs: Requirement[] = [];
  for (const [k, v] of labelEntries) {
    if (typeof v !== 'string') return invalid;
    const r = newRequirement(k, '=', [v], '');
    if (Array.isArray(r)) return { error: aggregateErrors(r)! };
    reqs.push(r);
  }
  for (const e of exprs) {
    if (!e || typeof e !== 'object') return invalid;
    const operator = (e as any).operator;
    const values = (e as any).values ?? [];
    if (typeof (e as any).key !== 'string' || !Array.isArray(values) || !values.every((v: unknown) => typeof v === 'string')) return invalid;
    if (typeof operator !== 'string' || !Object.hasOwn(LABEL_SELECTOR_OPS, operator))
      return { error: `${goQuote(String(operator ?? ''))} is not a valid label selector operator` };
    const r = newRequirement((e as any).key, LABEL_SELECTOR_OPS[operator], values, '');
    if (Array.isArray(r)) return { error: aggregateErrors(r)! };
    reqs.push(r);
  }
  return { selector: selectorFromRequirements(reqs) };
}

/**
 * metav1 `LabelSelectorAsSelector(ps)`; null where Go returns an error (an invalid key or value,
 * an unknown operator, the wrong number of values, a value of the wrong JSON type): callers decide
 * what an unparsable selector means.
 */
export function parseLabelSelector(sel: unknown): LabelSelector | null {
  return labelSelectorAsSelectorOrError(sel).selector ?? null;
}

/** A DaemonSet's `spec.selector` as the controller uses it: a selector that does not parse matches nothing. */
export function labelSelectorAsSelector(sel: unknown): LabelSelector {
  return parseLabelSelector(sel) ?? NOTHING;
}

/** The string-valued entries of a labels map (other values are a type error reported elsewhere). */
export function labelSet(labels: unknown): LabelSet {
  if (!labels || typeof labels !== 'object' || Array.isArray(labels)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels)) if (typeof v === 'string') out[k] = v;
  return out;
}

/**
 * `reflect.DeepEqual(selector, &metav1.LabelSelector{})`: `spec.selector: {}` (fields absent or
 * null). The controller refuses to sync it; `{matchLabels: {}}` is not DeepEqual and selects all.
 */
export function isEmptyLabelSelector(sel: any): boolean {
  return !!sel && typeof sel === 'object' && Object.values(sel).every((v) => v === null || v === undefined);
}
