/** ValidateTolerations (pkg/apis/core/validation): key, operator/value, effect, tolerationSeconds. */
import { isLabelKey, isLabelValue } from '../syntax';
import { type ErrorList, type Path, invalid, notSupported } from './field';
import { arr, isSet, obj, str } from './json';
import type { ValidateOptions } from './options';

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;
const DECIMAL_INTEGER_ERR = 'must be a valid decimal integer in canonical form';
const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

export function validateTolerations(tolerations: unknown, path: Path, opts: ValidateOptions = {}): ErrorList {
  const errs: ErrorList = [];
  (arr(tolerations) ?? []).forEach((t, i) => {
    const tol = obj(t);
    if (tol) errs.push(...validateToleration(tol, path.index(i), opts));
  });
  return errs;
}

function validateToleration(tol: Record<string, unknown>, path: Path, opts: ValidateOptions): ErrorList {
  const errs: ErrorList = [];
  const key = str(tol.key);
  const operator = str(tol.operator);
  const value = str(tol.value);
  const effect = str(tol.effect);
  if (key === undefined || operator === undefined || value === undefined || effect === undefined) return errs;

  if (key.length > 0) for (const msg of isLabelKey(key)) errs.push(invalid(path.child('key'), key, msg));

  // An empty key with Exists (and empty value) means "tolerate everything"; any other operator is meaningless.
  if (key.length === 0 && operator !== 'Exists') {
    errs.push(invalid(path.child('operator'), operator, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
  }

  if (isSet(tol.tolerationSeconds) && effect !== 'NoExecute') {
    errs.push(invalid(path.child('effect'), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
  }

  switch (operator) {
    case '':
    case 'Equal':
      // Kubernetes reports a bad value on the operator field, with the value as bad value.
      for (const msg of isLabelValue(value)) errs.push(invalid(path.child('operator'), value, msg));
      break;
    case 'Exists':
      if (value.length > 0) errs.push(invalid(path.child('operator'), tol, "value must be empty when `operator` is 'Exists'"));
      break;
    case 'Lt':
    case 'Gt':
      if (!opts.AllowTaintTolerationComparisonOperators) {
        errs.push(notSupported(path.child('operator'), operator, ['Equal', 'Exists', 'Lt', 'Gt']));
      } else {
        for (const msg of validateDecimalInt64(value)) errs.push(invalid(path.child('value'), value, msg));
      }
      break;
    default:
      errs.push(notSupported(path.child('operator'), operator, ['Equal', 'Exists']));
  }

  if (effect.length > 0 && !(TAINT_EFFECTS as readonly string[]).includes(effect)) {
    errs.push(notSupported(path.child('effect'), effect, TAINT_EFFECTS));
  }
  return errs;
}

/** content.IsDecimalInteger, then strconv.ParseInt(v, 10, 64) for the range. */
export function validateDecimalInt64(value: string): string[] {
  if (value.length === 0) return ['must be non-empty'];
  if (!/^(0|-?[1-9]\d*)$/.test(value)) return [DECIMAL_INTEGER_ERR];
  const n = BigInt(value);
  if (n > INT64_MAX || n < INT64_MIN) return [`strconv.ParseInt: parsing ${JSON.stringify(value)}: value out of range`];
  return [];
}
