/**
 * Kubernetes' own validation as findings: the validator runs once per DaemonSet, and every
 * FieldError is mapped to a path in the manifest, checked against what the schema walker already
 * says, and routed to the rule that owns its concern.
 */
import { formatFieldError, validateDaemonSetForAuthoring, type FieldError } from '../../k8s/validation';
import { isLabelKey, isLabelValue } from '../../k8s/syntax';
import { resolvePath } from '../../schema/schema';
import type { PathSeg } from '../../yaml/types';
import type { RuleContext } from '../types';

/** One FieldError, placed in the manifest and assigned to a rule. */
export interface ApiError {
  rule: string;
  error: FieldError;
  /** Kubernetes' text, exactly as `kubectl apply` prints it. */
  text: string;
  /** Where Kubernetes reports it, as a manifest path (template metadata under `metadata`). */
  field: PathSeg[];
  /** Where to point, relative to the DaemonSet. */
  path: PathSeg[];
  target: 'key' | 'value';
}

const API_ERRORS = {};

/** The API errors of the DaemonSet in `ctx`, computed once per check and shared by the API rules. */
export function apiErrors(ctx: RuleContext): ApiError[] {
  return ctx.once(API_ERRORS, () => computeApiErrors(ctx));
}

function computeApiErrors(ctx: RuleContext): ApiError[] {
  if (!ctx.value || typeof ctx.value !== 'object') return [];
  const errors = validateDaemonSetForAuthoring(ctx.value);
  if (errors.length === 0) return [];
  const walker = walkerFindings(ctx);
  const out: ApiError[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const field = fieldPath(error);
    const placed = place(ctx.value, error, field);
    if (dropped(ctx, error, field, placed.path, walker)) continue;
    const text = formatFieldError(error);
    // Go sometimes reports one problem twice (a label key that fails two syntax rules is two messages).
    if (seen.has(text)) continue;
    seen.add(text);
    const rule = placeholder(error.badValue) ? 'placeholder-value' : route(error);
    out.push({ rule, error, text, field, ...placed });
  }
  // A malformed percentage counts as 0, so Kubernetes adds "cannot be 0" / "may not be set" errors
  // that follow from it: the syntax error is the cause, report that one.
  if (out.some((e) => /valid percent string/.test(e.error.detail))) {
    return out.filter((e) => !(e.rule === 'rolling-update-params' && /cannot be 0 when|may not be set when/.test(e.error.detail)));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Avoiding duplicates with the schema walker

interface WalkerView {
  /** Paths (formatted) where the walker reports a value not in the enum. */
  enums: Set<string>;
  /** Paths where the walker reports a value of the wrong type (or an unparsable quantity). */
  types: PathSeg[][];
}

/** What the walker reported on this DaemonSet, so the rules drop exactly the errors it already explains. */
function walkerFindings(ctx: RuleContext): WalkerView {
  const enums = new Set<string>();
  const types: PathSeg[][] = [];
  for (const f of ctx.walker) {
    if (f.rule === 'invalid-enum') enums.add(key(f.path));
    else if (f.rule === 'invalid-type' || f.rule === 'invalid-quantity') types.push(f.path);
  }
  return { enums, types };
}

function key(path: readonly PathSeg[]): string {
  return JSON.stringify(path);
}

function isPrefix(a: readonly PathSeg[], b: readonly PathSeg[]): boolean {
  return a.length <= b.length && a.every((s, i) => s === b[i]);
}

/** `field` is where Kubernetes reports the error; `placed` is where the finding points. */
function dropped(ctx: RuleContext, error: FieldError, field: PathSeg[], placed: PathSeg[], walker: WalkerView): boolean {
  const v = ctx.value;
  // A value of the wrong type on the way to the field (or inside it) is the real problem: the walker says so.
  if (walker.types.some((t) => isPrefix(t, field) || isPrefix(field, t))) return true;
  // A value outside the enum: the walker lists the allowed values (and suggests one).
  if (walker.enums.has(key(field)) || walker.enums.has(key(placed))) return true;
  const missing = valueAt(v, field) === undefined || valueAt(v, field) === null;
  // A patch need not repeat what its base has.
  if (ctx.partial && missing) return true;
  // The walker reports a missing required field itself (a missing template, a missing operator…).
  if (walkerReportsMissing(v, field)) return true;
  if (error.detail === '`selector` does not match template `labels`') {
    // No selector at all: the walker reports the missing `selector`; in a patch it comes from the base.
    const selector = v?.spec?.selector;
    if (selector === undefined || selector === null) return true;
  }
  if (ctx.partial && /rollingUpdate\.(maxSurge|maxUnavailable)$/.test(error.field)) {
    // Both values may come from the base: only a patch that sets both can be judged.
    const ru = v?.spec?.updateStrategy?.rollingUpdate;
    if (/may not be set|cannot be 0/.test(error.detail) && (ru?.maxSurge == null || ru?.maxUnavailable == null)) return true;
  }
  return false;
}

/**
 * Whether the error's field, or the first absent object on the way to it, is a required field
 * whose parent is written: that is exactly what the walker reports as missing-required.
 */
function walkerReportsMissing(v: unknown, field: PathSeg[]): boolean {
  for (let i = 1; i <= field.length; i++) {
    const prefix = field.slice(0, i);
    const here = valueAt(v, prefix);
    if (here === undefined || here === null) return typeof prefix[i - 1] === 'string' && resolvePath(prefix)?.field?.required === true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Placing an error in the manifest

/** `spec.template.spec.containers[0].resources.limits[nvidia.com/gpu]` → path segments. */
export function parseGoPath(field: string): PathSeg[] {
  const out: PathSeg[] = [];
  let i = 0;
  while (i < field.length) {
    const close = field[i] === '[' ? field.indexOf(']', i + 1) : -1;
    if (close >= 0) {
      const inner = field.slice(i + 1, close);
      out.push(/^\d+$/.test(inner) ? Number(inner) : inner);
      i = close + 1;
    } else {
      if (field[i] === '.') i++;
      let j = i;
      while (j < field.length && field[j] !== '.' && field[j] !== '[' && field[j] !== ']') j++;
      if (j > i) out.push(field.slice(i, j));
      i = j === i ? i + 1 : j;
    }
  }
  return out;
}

export function valueAt(root: unknown, path: readonly PathSeg[]): any {
  let cur: any = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = cur[seg as any];
  }
  return cur;
}

function has(root: unknown, path: readonly PathSeg[]): boolean {
  const parent = valueAt(root, path.slice(0, -1));
  return parent !== null && typeof parent === 'object' && Object.prototype.hasOwnProperty.call(parent, path[path.length - 1]);
}

/** The manifest path of an error's field. */
function fieldPath(e: FieldError): PathSeg[] {
  const path = parseGoPath(e.field);
  // ValidatePodTemplateSpec reports template metadata at `spec.template.labels` / `.annotations`.
  if (path[0] === 'spec' && path[1] === 'template' && (path[2] === 'labels' || path[2] === 'annotations')) {
    return ['spec', 'template', 'metadata', ...path.slice(2)];
  }
  return path;
}

/** The tightest key or value in the manifest for an error. */
function place(v: any, e: FieldError, field: PathSeg[]): { path: PathSeg[]; target: 'key' | 'value' } {
  let path = field;
  const last = path[path.length - 1];
  // Label and annotation errors are reported on the map: find the key or value at fault.
  if ((last === 'labels' || last === 'annotations' || last === 'matchLabels' || last === 'nodeSelector') && typeof e.badValue === 'string') {
    const map = valueAt(v, path);
    if (map && typeof map === 'object' && !Array.isArray(map)) {
      const bad = e.badValue;
      const keyFault = last === 'annotations' ? Object.keys(map).find((k) => k === bad) : Object.keys(map).find((k) => k === bad && isLabelKey(k).length > 0);
      if (keyFault !== undefined) return { path: [...path, keyFault], target: 'key' };
      const valueFault = Object.keys(map).find((k) => map[k] === bad && isLabelValue(bad).length > 0);
      if (valueFault !== undefined) return { path: [...path, valueFault], target: 'value' };
    }
  }
  if (e.detail === '`selector` does not match template `labels`') return { path, target: 'key' };
  // A toleration's value errors are reported on `operator`.
  if (path.includes('tolerations') && last === 'operator') {
    const tol = path.slice(0, -1);
    const badIsValue =
      typeof e.badValue === 'string' &&
      e.badValue === valueAt(v, [...tol, 'value']) &&
      e.detail !== 'operator must be Exists when `key` is empty, which means "match all values and all keys"';
    if ((badIsValue || /value must be empty/.test(e.detail)) && has(v, [...tol, 'value'])) return { path: [...tol, 'value'], target: 'value' };
    if (!has(v, path)) return { path: tol, target: 'value' };
  }
  if (path.includes('tolerations') && last === 'effect' && /tolerationSeconds/.test(e.detail) && !has(v, path)) {
    return { path: [...path.slice(0, -1), 'tolerationSeconds'], target: 'key' };
  }
  // `dnsPolicy: None` without dnsConfig: the policy is what asks for it.
  if (last === 'dnsConfig' && !has(v, path) && has(v, [...path.slice(0, -1), 'dnsPolicy']))
    return { path: [...path.slice(0, -1), 'dnsPolicy'], target: 'value' };
  // A resource that cannot be overcommitted needs a limit: point at its request.
  if (/^Limit must be set/.test(e.detail) && last === 'limits') {
    const res = path.slice(0, -1);
    const requests = valueAt(v, [...res, 'requests']) ?? {};
    const limits = valueAt(v, path) ?? {};
    const name = Object.keys(requests).find((k) => !(k in limits) && ((k.includes('/') && !k.includes('kubernetes.io/')) || k.startsWith('hugepages-')));
    if (name !== undefined) return { path: [...res, 'requests', name], target: 'key' };
  }
  // The update strategy's unsupported type is reported on the strategy object.
  if (e.type === 'FieldValueNotSupported' && e.field === 'spec.updateStrategy') return { path: ['spec', 'updateStrategy', 'type'], target: 'value' };
  // requests ≤ limits is reported on `requests`; the detail names the resource.
  const res = /^must be (?:less than or )?equal to (.+) limit of /.exec(e.detail);
  if (res && last === 'requests' && has(v, [...path, res[1]])) return { path: [...path, res[1]], target: 'value' };
  // Resource names: the key is at fault; negative or fractional amounts: the value.
  if (typeof last === 'string' && (path[path.length - 2] === 'limits' || path[path.length - 2] === 'requests')) {
    return { path, target: /must be (greater than|an integer)/.test(e.detail) ? 'value' : 'key' };
  }
  // Init containers' host ports are checked one container at a time: Go's path says [0].
  if (path[3] === 'initContainers' && e.type === 'FieldValueDuplicate' && last === 'hostPort') {
    const idx = findInitContainerWithDuplicate(v, path, e.badValue);
    if (idx !== undefined) path = [...path.slice(0, 4), idx, ...path.slice(5)];
  }
  if (has(v, path)) {
    const value = valueAt(v, path);
    const isBlock = value !== null && typeof value === 'object';
    return { path, target: isBlock || e.type === 'FieldValueForbidden' || e.type === 'FieldValueRequired' ? 'key' : 'value' };
  }
  // The field is absent (a required value, a defaulted one): point at the nearest written ancestor.
  let p = path;
  while (p.length > 0 && !has(v, p)) p = p.slice(0, -1);
  return { path: p, target: 'key' };
}

function findInitContainerWithDuplicate(v: any, path: PathSeg[], key: unknown): number | undefined {
  const inits = valueAt(v, path.slice(0, 4));
  const portIdx = path[6];
  if (!Array.isArray(inits) || typeof portIdx !== 'number' || typeof key !== 'string') return undefined;
  const [protocol, hostIP, hostPort] = key.split('/');
  const i = inits.findIndex((c: any) => {
    const p = c?.ports?.[portIdx];
    return p && String(p.hostPort) === hostPort && (p.hostIP ?? '') === hostIP && (p.protocol ?? 'TCP') === protocol;
  });
  return i >= 0 ? i : undefined;
}

// ---------------------------------------------------------------------------------------------
// Routing: which rule owns which error

const ROUTES: Array<[RegExp, string | ((e: FieldError) => string)]> = [
  [/^spec\.template\.metadata\.labels$/, (e) => (e.detail === '`selector` does not match template `labels`' ? 'selector-template-mismatch' : 'label-syntax')],
  [/^spec\.selector$/, 'selector-template-mismatch'],
  [/^spec\.selector\.matchLabels$/, 'label-syntax'],
  [/^spec\.selector\.matchExpressions\[\d+\]/, 'label-syntax'],
  [/^(metadata|spec\.template)\.labels$/, 'label-syntax'],
  [/^(metadata|spec\.template)\.annotations$/, 'annotation-syntax'],
  [/^metadata\.(name|generateName|namespace)$/, 'object-name'],
  [/^spec\.template\.spec\.restartPolicy$/, 'restart-policy'],
  [/^spec\.template\.spec\.activeDeadlineSeconds$/, 'active-deadline-seconds'],
  [/^spec\.updateStrategy\.rollingUpdate\./, 'rolling-update-params'],
  [/^(spec\.(minReadySeconds|revisionHistoryLimit|templateGeneration)|metadata\.generation)$/, 'negative-value'],
  [/\.tolerations\[\d+\]/, 'toleration-invalid'],
  [/\.affinity\.nodeAffinity\./, 'node-affinity-invalid'],
  [/\.affinity\.pod(Anti)?Affinity\./, 'pod-affinity-invalid'],
  [/\.nodeSelector$/, 'label-syntax'],
  [/\.ports\[\d+\]\.hostPort$/, (e) => (e.type === 'FieldValueDuplicate' || /hostNetwork/.test(e.detail) ? 'host-port-conflict' : 'container-port-invalid')],
  [/\.ports\[\d+\]\./, 'container-port-invalid'],
  [/\.(containers|initContainers)\[\d+\]\.name$/, (e) => (e.type === 'FieldValueDuplicate' ? 'container-name-duplicate' : 'object-name')],
  [/\.resources(\.requests|\.limits)?$/, (e) => (/limit of /.test(e.detail) ? 'requests-exceed-limits' : 'resource-invalid')],
  [/\.resources\.(requests|limits)\[/, 'resource-invalid'],
  [/\.volumes\[\d+\]\.name$|\.volumeMounts\[\d+\]\./, 'volume-invalid'],
  [/\.dnsConfig(\.|$)/, 'dns-config'],
  [/^spec\.template\.spec\.(serviceAccountName|nodeName|priorityClassName|runtimeClassName|hostname|subdomain)$/, 'object-name'],
  [/\.(containers|initContainers)(\[\d+\]\.|$)|\.ephemeralContainers$/, 'container-invalid'],
];

export function route(e: FieldError): string {
  for (const [re, to] of ROUTES) if (re.test(e.field)) return typeof to === 'string' ? to : to(e);
  return 'api-validation';
}

/**
 * A value a tool fills in before applying (`FILLED BY THE OPERATOR`, `__NAMESPACE__`, `${NS}`):
 * the file is a template, so its rejection is a warning, not the manifest's defect.
 */
export function placeholder(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  return /^[A-Z][A-Z0-9_]*( [A-Z0-9_]+)+$/.test(value) || /^__\w+__$/.test(value) || /^\$\{[^}]+\}$/.test(value) || /^<[^<>]+>$/.test(value);
}
