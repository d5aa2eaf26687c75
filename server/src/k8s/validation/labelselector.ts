/**
 * metav1 label selectors: `ValidateLabels`, `ValidateLabelName`, `ValidateLabelSelector`
 * (apimachinery pkg/apis/meta/v1/validation). Matching is the one selector engine's (k8s/labels.ts).
 */
import { isLabelKey, isLabelValue } from '../syntax';
import { type ErrorList, type Path, forbidden, invalid, required } from './field';
import { arr, list, obj, str, stringMap } from './json';

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
