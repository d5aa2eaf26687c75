/**
 * ValidateDaemonSet / ValidateDaemonSetSpec / ValidateDaemonSetUpdate / ValidateDaemonSetUpdateStrategy /
 * ValidateRollingUpdateDaemonSet (pkg/apis/apps/validation/validation.go), on apps/v1 JSON.
 *
 * Inputs are expected AFTER defaulting (see defaults.ts): e.g. an omitted maxUnavailable is 1 here.
 */
import { type ErrorList, Path, forbidden, invalid, notSupported, required } from './field';
import { int, isSet, obj, semanticEqual, str } from './json';
import { labelSet, parseLabelSelector, selectorMatches } from '../labels';
import { validateLabelSelector } from './labelselector';
import { nameIsDNSSubdomain, validateImmutableField, validateObjectMeta, validateObjectMetaUpdate } from './objectmeta';
import type { ValidateOptions } from './options';
import { validatePodTemplateSpec } from './podspec';

/** The v1 annotation that carries the internal `spec.templateGeneration`. */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

const PERCENT_RE = /^\d+%$/;
const PERCENT_ERR = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";
const NON_NEGATIVE = 'must be greater than or equal to 0';

/** ValidateNonnegativeField for an optional integer (absent or of another type ⇒ nothing to say). */
function validateNonnegative(value: unknown, path: Path): ErrorList {
  const v = int(value);
  return v !== undefined && v < 0 ? [invalid(path, v, NON_NEGATIVE)] : [];
}

/** ValidatePositiveIntOrPercent. */
function validatePositiveIntOrPercent(v: unknown, path: Path): ErrorList {
  if (typeof v === 'string') return PERCENT_RE.test(v) ? [] : [invalid(path, v, PERCENT_ERR)];
  if (typeof v === 'number' && Number.isInteger(v)) return v < 0 ? [invalid(path, v, NON_NEGATIVE)] : [];
  return [];
}

/** getPercentValue: the number of a valid percent string. */
function getPercentValue(v: unknown): number | undefined {
  return typeof v === 'string' && PERCENT_RE.test(v) ? Number.parseInt(v.slice(0, -1), 10) : undefined;
}

/** getIntOrPercentValue: percent value, else IntValue() (strings through strconv.Atoi, failure ⇒ 0). */
function getIntOrPercentValue(v: unknown): number {
  const pct = getPercentValue(v);
  if (pct !== undefined) return pct;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^[+-]?\d+$/.test(v)) return Number.parseInt(v, 10);
  return 0;
}

function isNotMoreThan100Percent(v: unknown, path: Path): ErrorList {
  const pct = getPercentValue(v);
  return pct !== undefined && pct > 100 ? [invalid(path, v, 'must not be greater than 100%')] : [];
}

/** ValidateRollingUpdateDaemonSet: exactly one of maxUnavailable / maxSurge non-zero. */
export function validateRollingUpdateDaemonSet(rollingUpdate: unknown, path: Path): ErrorList {
  const ru = obj(rollingUpdate) ?? {};
  const errs: ErrorList = [];
  const mu = ru.maxUnavailable;
  const ms = ru.maxSurge;
  errs.push(...validatePositiveIntOrPercent(mu, path.child('maxUnavailable')));
  errs.push(...validatePositiveIntOrPercent(ms, path.child('maxSurge')));
  errs.push(...isNotMoreThan100Percent(mu, path.child('maxUnavailable')));
  errs.push(...isNotMoreThan100Percent(ms, path.child('maxSurge')));
  const hasUnavailable = getIntOrPercentValue(mu) !== 0;
  const hasSurge = getIntOrPercentValue(ms) !== 0;
  if (hasUnavailable && hasSurge) {
    errs.push(invalid(path.child('maxSurge'), ms ?? 0, 'may not be set when maxUnavailable is non-zero'));
  } else if (!hasUnavailable && !hasSurge) {
    errs.push(required(path.child('maxUnavailable'), 'cannot be 0 when maxSurge is 0'));
  }
  return errs;
}

/** ValidateDaemonSetUpdateStrategy. */
export function validateDaemonSetUpdateStrategy(strategy: unknown, path: Path): ErrorList {
  if (isSet(strategy) && !obj(strategy)) return [];
  const s = obj(strategy) ?? {};
  const type = str(s.type);
  if (type === undefined) return [];
  switch (type) {
    case 'OnDelete':
      return [];
    case 'RollingUpdate':
      if (!isSet(s.rollingUpdate)) return [required(path.child('rollingUpdate'))];
      if (!obj(s.rollingUpdate)) return [];
      return validateRollingUpdateDaemonSet(s.rollingUpdate, path.child('rollingUpdate'));
    default:
      return [notSupported(path, s, ['RollingUpdate', 'OnDelete'])];
  }
}

/** spec.templateGeneration (internal field) — in v1 the annotation; either form accepted. */
export function templateGeneration(ds: unknown): number | undefined {
  const d = obj(ds) ?? {};
  const fromSpec = int(obj(d.spec)?.templateGeneration);
  if (fromSpec !== undefined) return fromSpec;
  const ann = obj(obj(d.metadata)?.annotations)?.[TEMPLATE_GENERATION_ANNOTATION];
  if (typeof ann === 'string' && /^[+-]?\d+$/.test(ann)) return Number.parseInt(ann, 10);
  return undefined;
}

/** ValidateDaemonSetSpec. */
export function validateDaemonSetSpec(specValue: unknown, path: Path, opts: ValidateOptions = {}, tplGeneration?: number): ErrorList {
  if (isSet(specValue) && !obj(specValue)) return [];
  const spec = obj(specValue) ?? {};
  const errs: ErrorList = [];
  errs.push(...validateLabelSelector(spec.selector, path.child('selector')));

  const template = obj(spec.template) ?? {};
  const tplMeta = obj(template.metadata) ?? {};
  const selector = parseLabelSelector(spec.selector);
  // A nil selector selects nothing, so it never matches the template: that is the error users see.
  if (selector !== null && !selectorMatches(selector, labelSet(tplMeta.labels))) {
    errs.push(invalid(path.child('template', 'metadata', 'labels'), tplMeta.labels ?? null, '`selector` does not match template `labels`'));
  }
  const sel = obj(spec.selector);
  if (sel && Object.keys(obj(sel.matchLabels) ?? {}).length + (Array.isArray(sel.matchExpressions) ? sel.matchExpressions.length : 0) === 0) {
    errs.push(invalid(path.child('selector'), sel, 'empty selector is invalid for daemonset'));
  }

  errs.push(...validatePodTemplateSpec(spec.template, path.child('template'), opts));
  const podSpec = obj(template.spec) ?? {};
  // Daemons run forever: the pod-level enum check already ran, this one narrows it to Always.
  const restartPolicy = str(podSpec.restartPolicy);
  if (restartPolicy !== undefined && restartPolicy !== 'Always') {
    errs.push(notSupported(path.child('template', 'spec', 'restartPolicy'), restartPolicy, ['Always']));
  }
  if (isSet(podSpec.activeDeadlineSeconds)) {
    errs.push(forbidden(path.child('template', 'spec', 'activeDeadlineSeconds'), 'activeDeadlineSeconds in DaemonSet is not Supported'));
  }
  errs.push(...validateNonnegative(spec.minReadySeconds, path.child('minReadySeconds')));
  const tg = int(spec.templateGeneration) ?? tplGeneration;
  if (tg !== undefined && tg < 0) errs.push(invalid(path.child('templateGeneration'), tg, NON_NEGATIVE));
  errs.push(...validateDaemonSetUpdateStrategy(spec.updateStrategy, path.child('updateStrategy')));
  errs.push(...validateNonnegative(spec.revisionHistoryLimit, path.child('revisionHistoryLimit')));
  return errs;
}

/** ValidateDaemonSet (create). */
export function validateDaemonSet(ds: unknown, opts: ValidateOptions = {}): ErrorList {
  const d = obj(ds) ?? {};
  const errs = validateObjectMeta(d.metadata, true, nameIsDNSSubdomain, Path.root('metadata'));
  errs.push(...validateDaemonSetSpec(d.spec, Path.root('spec'), opts, templateGeneration(d)));
  return errs;
}

/** ValidateDaemonSetSpecUpdate: templateGeneration moves with (and only with) the template. */
export function validateDaemonSetSpecUpdate(newDs: unknown, oldDs: unknown, path: Path): ErrorList {
  const errs: ErrorList = [];
  const ng = templateGeneration(newDs) ?? 0;
  const og = templateGeneration(oldDs) ?? 0;
  const p = path.child('templateGeneration');
  if (ng < og) errs.push(invalid(p, ng, 'must not be decremented'));
  const templateUpdated = !semanticEqual(obj(obj(newDs)?.spec)?.template, obj(obj(oldDs)?.spec)?.template);
  if (ng === og && templateUpdated) errs.push(invalid(p, ng, 'must be incremented upon template update'));
  else if (ng > og && !templateUpdated) errs.push(invalid(p, ng, 'must not be incremented without template update'));
  return errs;
}

/**
 * ValidateDaemonSetUpdate as the apps/v1 registry runs it: metadata update rules, templateGeneration,
 * the spec rules, and the immutable selector.
 */
export function validateDaemonSetUpdate(newDs: unknown, oldDs: unknown, opts: ValidateOptions = {}): ErrorList {
  const n = obj(newDs) ?? {};
  const o = obj(oldDs) ?? {};
  // GetValidationOptionsFromPodTemplate: what the old object already used stays allowed.
  const updateOpts: ValidateOptions = {
    ...opts,
    AllowTaintTolerationComparisonOperators: opts.AllowTaintTolerationComparisonOperators || usesComparisonTolerations(o),
  };
  const errs = validateObjectMetaUpdate(n.metadata, o.metadata, Path.root('metadata'));
  errs.push(...validateDaemonSetSpecUpdate(n, o, Path.root('spec')));
  errs.push(...validateDaemonSetSpec(n.spec, Path.root('spec'), updateOpts, templateGeneration(n)));
  errs.push(...validateImmutableField(obj(n.spec)?.selector, obj(o.spec)?.selector, Path.root('spec').child('selector')));
  return errs;
}

function usesComparisonTolerations(ds: Record<string, unknown>): boolean {
  const tolerations = obj(obj(obj(ds.spec)?.template)?.spec)?.tolerations;
  return Array.isArray(tolerations) && tolerations.some((t) => obj(t)?.operator === 'Lt' || obj(t)?.operator === 'Gt');
}
