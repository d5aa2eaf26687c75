/**
 * metav1 label selectors: `ValidateLabels`, `ValidateLabelName`, `ValidateLabelSelector`
 * (apimachinery pkg/apis/meta/v1/validation) and `LabelSelectorAsSelector` + `Selector.Matches`
 * (pkg/labels) for the "selector matches template labels" rule.
 */
import { isLabelKey, isLabelValue } from '../syntax';
import { type ErrorList, type Path, forbidden, invalid, required } from './field';
import { arr, isSet, list, obj, str, stringMap } from './json';

/** ValidateLabelName: errors are reported on `path` itself (the map, not the key). */
export function validateLabelName(key: string, path: Path): ErrorList {
  return isLabelKey(key).map((msg) => invalid(path, key, msg));
}

/** ValidateLabels: key and value syntax; every error's path is the map's path. */
export function validateLabels(labels: unknown, path: Path): ErrorList {
  const errs: ErrorList = [];
  for (const [k, v] of stringMap(labels)) {
    errs.push(...validateLabelName(k, path));
    for (const msg of isLabelValue(v)) errs.push(invalid(path, v, msg));
  }
  return errs;
}

export interface LabelSelectorValidationOptions {
  AllowInvalidLabelValueInSelector?: boolean;
}

/** ValidateLabelSelector (nil selector ⇒ no errors). */
export function validateLabelSelector(selector: unknown, path: Path, opts: LabelSelectorValidationOptions = {}): ErrorList {
  const ps = obj(selector);
  if (!ps) return [];
  const errs = validateLabels(ps.matchLabels, path.child('matchLabels'));
  const exprs = arr(ps.matchExpressions) ?? [];
  exprs.forEach((expr, i) => {
    errs.push(...validateLabelSelectorRequirement(expr, path.child('matchExpressions').index(i), opts));
  });
  return errs;
}

function validateLabelSelectorRequirement(req: unknown, path: Path, opts: LabelSelectorValidationOptions): ErrorList {
  const sr = obj(req);
  if (!sr) return [];
  const errs: ErrorList = [];
  const operator = str(sr.operator);
  const values = list(sr.values);
  const n = values?.length ?? 0;
  if (operator !== undefined) {
    switch (operator) {
      case 'In':
      case 'NotIn':
        if (values !== undefined && n === 0) errs.push(required(path.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (n > 0) errs.push(forbidden(path.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      default:
        errs.push(invalid(path.child('operator'), operator, 'not a valid selector operator'));
    }
  }
  const key = str(sr.key);
  if (key !== undefined) errs.push(...validateLabelName(key, path.child('key')));
  if (!opts.AllowInvalidLabelValueInSelector && values) {
    values.forEach((v, j) => {
      if (typeof v !== 'string') return;
      for (const msg of isLabelValue(v)) errs.push(invalid(path.child('values').index(j), v, msg));
    });
  }
  return errs;
}

/** One parsed requirement of a labels.Selector. */
interface Requirement {
  key: string;
  op: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

/**
 * LabelSelectorAsSelector: 'nothing' for a nil selector, 'everything' for an empty one, a list of
 * requirements otherwise, or null when it does not parse (then no match check is made).
 */
export type ParsedSelector = 'nothing' | 'everything' | Requirement[];

export function labelSelectorAsSelector(selector: unknown): ParsedSelector | null {
  if (!isSet(selector)) return 'nothing';
  const ps = obj(selector);
  if (!ps) return null;
  const matchLabels = isSet(ps.matchLabels) ? obj(ps.matchLabels) : {};
  const exprs = list(ps.matchExpressions);
  if (!matchLabels || !exprs) return null;
  const labelEntries = Object.entries(matchLabels);
  if (labelEntries.length + exprs.length === 0) return 'everything';
  const reqs: Requirement[] = [];
  for (const [k, v] of labelEntries) {
    if (typeof v !== 'string') return null;
    const r = newRequirement(k, 'In', [v], true);
    if (!r) return null;
    reqs.push(r);
  }
  for (const e of exprs) {
    const expr = obj(e);
    if (!expr) return null;
    const op = expr.operator;
    if (op !== 'In' && op !== 'NotIn' && op !== 'Exists' && op !== 'DoesNotExist') return null;
    const key = str(expr.key);
    const values = list(expr.values);
    if (key === undefined || !values || !values.every((v): v is string => typeof v === 'string')) return null;
    const r = newRequirement(key, op, values, false);
    if (!r) return null;
    reqs.push(r);
  }
  return reqs;
}

/** labels.NewRequirement: key must be a label key, value counts by operator, values label values. */
function newRequirement(key: string, op: Requirement['op'], values: string[], equals: boolean): Requirement | null {
  if (isLabelKey(key).length > 0) return null;
  if (equals && values.length !== 1) return null;
  if ((op === 'In' || op === 'NotIn') && values.length === 0) return null;
  if ((op === 'Exists' || op === 'DoesNotExist') && values.length !== 0) return null;
  if (values.some((v) => isLabelValue(v).length > 0)) return null;
  return { key, op, values };
}

/** Selector.Matches(labels.Set(labels)). */
export function selectorMatches(selector: ParsedSelector, labels: unknown): boolean {
  if (selector === 'nothing') return false;
  if (selector === 'everything') return true;
  const set = new Map(stringMap(labels));
  return selector.every((r) => {
    const has = set.has(r.key);
    const v = set.get(r.key) ?? '';
    switch (r.op) {
      case 'In':
        return has && r.values.includes(v);
      case 'NotIn':
        return !has || !r.values.includes(v);
      case 'Exists':
        return has;
      case 'DoesNotExist':
        return !has;
    }
    return false;
  });
}
