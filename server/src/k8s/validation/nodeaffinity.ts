/**
 * validateAffinity (pkg/apis/core/validation): node affinity selector terms and requirements,
 * preferred weights, and the basic pod (anti-)affinity term rules.
 */
import { isDNS1123Label, isDNS1123Subdomain, isLabelKey, isLabelValue } from '../syntax';
import { type ErrorList, type Path, forbidden, invalid, required } from './field';
import { arr, int, isSet, list, obj, str } from './json';
import { validateLabelSelector } from './labelselector';
import type { ValidateOptions } from './options';

export function validateAffinity(affinity: unknown, path: Path, opts: ValidateOptions = {}): ErrorList {
  const a = obj(affinity);
  if (!a) return [];
  const errs: ErrorList = [];
  const na = obj(a.nodeAffinity);
  if (na) errs.push(...validateNodeAffinity(na, path.child('nodeAffinity'), opts));
  const pa = obj(a.podAffinity);
  if (pa) errs.push(...validatePodAffinityLike(pa, path.child('podAffinity')));
  const paa = obj(a.podAntiAffinity);
  if (paa) errs.push(...validatePodAffinityLike(paa, path.child('podAntiAffinity')));
  return errs;
}

function validateNodeAffinity(na: Record<string, unknown>, path: Path, opts: ValidateOptions): ErrorList {
  const errs: ErrorList = [];
  const req = obj(na.requiredDuringSchedulingIgnoredDuringExecution);
  if (req) {
    errs.push(...validateNodeSelector(req, !!opts.AllowInvalidLabelValueInRequiredNodeAffinity, path.child('requiredDuringSchedulingIgnoredDuringExecution')));
  }
  const preferred = arr(na.preferredDuringSchedulingIgnoredDuringExecution);
  if (preferred && preferred.length > 0) {
    errs.push(...validatePreferredSchedulingTerms(preferred, path.child('preferredDuringSchedulingIgnoredDuringExecution')));
  }
  return errs;
}

/** ValidateNodeSelector: at least one term; each term's requirements. */
export function validateNodeSelector(ns: Record<string, unknown>, allowInvalidLabelValue: boolean, path: Path): ErrorList {
  const termsPath = path.child('nodeSelectorTerms');
  const terms = list(ns.nodeSelectorTerms);
  if (!terms) return [];
  if (terms.length === 0) return [required(termsPath, 'must have at least one node selector term')];
  const errs: ErrorList = [];
  terms.forEach((t, i) => errs.push(...validateNodeSelectorTerm(t, allowInvalidLabelValue, termsPath.index(i))));
  return errs;
}

/** ValidateNodeSelectorTerm: an empty term is valid (it just matches nothing). */
export function validateNodeSelectorTerm(term: unknown, allowInvalidLabelValue: boolean, path: Path): ErrorList {
  const t = obj(term);
  if (!t) return [];
  const errs: ErrorList = [];
  (arr(t.matchExpressions) ?? []).forEach((r, j) => {
    errs.push(...validateNodeSelectorRequirement(r, allowInvalidLabelValue, path.child('matchExpressions').index(j)));
  });
  (arr(t.matchFields) ?? []).forEach((r, j) => {
    errs.push(...validateNodeFieldSelectorRequirement(r, path.child('matchFields').index(j)));
  });
  return errs;
}

function validateNodeSelectorRequirement(requirement: unknown, allowInvalidLabelValue: boolean, path: Path): ErrorList {
  const rq = obj(requirement);
  if (!rq) return [];
  const errs: ErrorList = [];
  const operator = str(rq.operator);
  const values = list(rq.values);
  const n = values?.length ?? 0;
  if (operator !== undefined && values !== undefined) {
    switch (operator) {
      case 'In':
      case 'NotIn':
        if (n === 0) errs.push(required(path.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (n > 0) errs.push(forbidden(path.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      case 'Gt':
      case 'Lt':
        // Only the count is validated; a non-integer value fails at match time, not here.
        if (n !== 1) errs.push(required(path.child('values'), "must be specified single value when `operator` is 'Lt' or 'Gt'"));
        break;
      default:
        errs.push(invalid(path.child('operator'), operator, 'not a valid selector operator'));
    }
  }
  const key = str(rq.key);
  if (key !== undefined) for (const msg of isLabelKey(key)) errs.push(invalid(path.child('key'), key, msg));
  if (!allowInvalidLabelValue && values) {
    values.forEach((v, k) => {
      if (typeof v !== 'string') return;
      for (const msg of isLabelValue(v)) errs.push(invalid(path.child('values').index(k), v, msg));
    });
  }
  return errs;
}

/** ValidateNodeFieldSelectorRequirement: only `metadata.name`, only In/NotIn with one value. */
function validateNodeFieldSelectorRequirement(requirement: unknown, path: Path): ErrorList {
  const rq = obj(requirement);
  if (!rq) return [];
  const errs: ErrorList = [];
  const operator = str(rq.operator);
  const values = list(rq.values);
  if (operator !== undefined && values !== undefined) {
    if (operator === 'In' || operator === 'NotIn') {
      if (values.length !== 1) {
        errs.push(required(path.child('values'), "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
      }
    } else {
      errs.push(invalid(path.child('operator'), operator, 'not a valid selector operator'));
    }
  }
  const key = str(rq.key);
  if (key === undefined) return errs;
  if (key !== 'metadata.name') {
    errs.push(invalid(path.child('key'), key, 'not a valid field selector key'));
  } else {
    (values ?? []).forEach((v, i) => {
      if (typeof v !== 'string') return;
      for (const msg of isDNS1123Subdomain(v)) errs.push(invalid(path.child('values').index(i), v, msg));
    });
  }
  return errs;
}

/** ValidatePreferredSchedulingTerms: weight 1–100; preferences may hold invalid label values. */
function validatePreferredSchedulingTerms(terms: unknown[], path: Path): ErrorList {
  const errs: ErrorList = [];
  terms.forEach((t, i) => {
    const term = obj(t);
    if (!term) return;
    const weight = isSet(term.weight) ? int(term.weight) : 0;
    if (weight !== undefined && (weight <= 0 || weight > 100)) {
      errs.push(invalid(path.index(i).child('weight'), weight, 'must be in the range 1-100'));
    }
    errs.push(...validateNodeSelectorTerm(term.preference, true, path.index(i).child('preference')));
  });
  return errs;
}

/** Pod (anti-)affinity: required terms and weighted terms (weight 1–100). */
function validatePodAffinityLike(pa: Record<string, unknown>, path: Path): ErrorList {
  const errs: ErrorList = [];
  (arr(pa.requiredDuringSchedulingIgnoredDuringExecution) ?? []).forEach((t, i) => {
    errs.push(...validatePodAffinityTerm(t, path.child('requiredDuringSchedulingIgnoredDuringExecution').index(i)));
  });
  (arr(pa.preferredDuringSchedulingIgnoredDuringExecution) ?? []).forEach((t, i) => {
    const wt = obj(t);
    if (!wt) return;
    const p = path.child('preferredDuringSchedulingIgnoredDuringExecution').index(i);
    const weight = isSet(wt.weight) ? int(wt.weight) : 0;
    if (weight !== undefined && (weight <= 0 || weight > 100)) errs.push(invalid(p.child('weight'), weight, 'must be in the range 1-100'));
    errs.push(...validatePodAffinityTerm(wt.podAffinityTerm, p.child('podAffinityTerm')));
  });
  return errs;
}

function validatePodAffinityTerm(term: unknown, path: Path): ErrorList {
  const t = obj(term);
  if (!t) return [];
  const errs: ErrorList = [];
  errs.push(...validateLabelSelector(t.labelSelector, path.child('labelSelector')));
  errs.push(...validateLabelSelector(t.namespaceSelector, path.child('namespaceSelector')));
  (arr(t.namespaces) ?? []).forEach((ns) => {
    if (typeof ns !== 'string') return;
    for (const msg of isDNS1123Label(ns)) errs.push(invalid(path.child('namespace'), ns, msg));
  });
  const topologyKey = str(t.topologyKey);
  if (topologyKey === '') errs.push(required(path.child('topologyKey'), 'can not be empty'));
  else if (topologyKey !== undefined) for (const msg of isLabelKey(topologyKey)) errs.push(invalid(path.child('topologyKey'), topologyKey, msg));
  return errs;
}
