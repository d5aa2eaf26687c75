/**
 * The defaulting the API server applies to an apps/v1 DaemonSet before validating it
 * (pkg/apis/apps/v1/defaults.go + pkg/apis/core/v1/defaults.go for the pod template), so that the
 * editor validates what the server will validate: a missing dnsPolicy is no error, but a maxSurge
 * without maxUnavailable is (maxUnavailable defaults to 1).
 *
 * Pure: returns a defaulted deep copy; never mutates the input. Values of unexpected types are
 * left alone (another layer reports type errors).
 */
import { arr, clone, isObject, isSet, type JsonObject, obj } from './json';

/** Returns o[key] as an object, creating {} when absent/null; undefined when it has another type. */
function ensureObject(o: JsonObject, key: string): JsonObject | undefined {
  if (!isSet(o[key])) o[key] = {};
  return obj(o[key]);
}

function setIfUnset(o: JsonObject, key: string, value: unknown): void {
  if (!isSet(o[key]) || o[key] === '') o[key] = value;
}

/** parsers.ParseImageName's tag, as defaulting uses it: '' with a digest, 'latest' when absent. */
export function imageTag(image: string): string {
  let ref = image;
  const at = ref.indexOf('@');
  const hasDigest = at >= 0;
  if (hasDigest) ref = ref.slice(0, at);
  const lastSlash = ref.lastIndexOf('/');
  const colon = ref.indexOf(':', lastSlash + 1);
  if (colon >= 0) return ref.slice(colon + 1);
  return hasDigest ? '' : 'latest';
}

/** SetDefaults_Container + SetDefaults_ContainerPort. */
function defaultContainer(c: JsonObject): void {
  if (!isSet(c.imagePullPolicy) || c.imagePullPolicy === '') {
    const image = typeof c.image === 'string' ? c.image : '';
    c.imagePullPolicy = imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent';
  }
  setIfUnset(c, 'terminationMessagePath', '/dev/termination-log');
  setIfUnset(c, 'terminationMessagePolicy', 'File');
  for (const p of arr(c.ports) ?? []) if (isObject(p)) setIfUnset(p, 'protocol', 'TCP');
}

/** SetDefaults_PodSpec (+ containers). */
export function defaultPodSpec(spec: JsonObject): void {
  setIfUnset(spec, 'dnsPolicy', 'ClusterFirst');
  setIfUnset(spec, 'restartPolicy', 'Always');
  if (!isSet(spec.securityContext)) spec.securityContext = {};
  if (!isSet(spec.terminationGracePeriodSeconds)) spec.terminationGracePeriodSeconds = 30;
  setIfUnset(spec, 'schedulerName', 'default-scheduler');
  for (const key of ['containers', 'initContainers', 'ephemeralContainers']) {
    for (const c of arr(spec[key]) ?? []) if (isObject(c)) defaultContainer(c);
  }
}

/** SetDefaults_DaemonSet + the template's pod defaults. */
export function applyDefaults<T>(daemonSet: T): T {
  const ds = clone(daemonSet);
  if (!isObject(ds)) return ds;
  const spec = ensureObject(ds, 'spec');
  if (!spec) return ds;
  const strategy = ensureObject(spec, 'updateStrategy');
  if (strategy) {
    setIfUnset(strategy, 'type', 'RollingUpdate');
    if (strategy.type === 'RollingUpdate') {
      const ru = ensureObject(strategy, 'rollingUpdate');
      if (ru) {
        if (!isSet(ru.maxUnavailable)) ru.maxUnavailable = 1;
        if (!isSet(ru.maxSurge)) ru.maxSurge = 0;
      }
    }
  }
  if (!isSet(spec.revisionHistoryLimit)) spec.revisionHistoryLimit = 10;
  const template = ensureObject(spec, 'template');
  const podSpec = template ? ensureObject(template, 'spec') : undefined;
  if (podSpec) defaultPodSpec(podSpec);
  return ds;
}

export interface PrepareOptions {
  /** The namespace kubectl would send the object to (its context's namespace). */
  namespace?: string;
}

/**
 * What the request path does before validation besides defaulting: the namespace comes from the
 * request when the manifest has none, a generateName gets a random suffix, status is dropped.
 */
export function prepareForCreate<T>(daemonSet: T, opts: PrepareOptions = {}): T {
  const ds = clone(daemonSet);
  if (!isObject(ds)) return ds;
  delete ds.status;
  const meta = ensureObject(ds, 'metadata');
  if (!meta) return ds;
  if (!isSet(meta.namespace) || meta.namespace === '') meta.namespace = opts.namespace ?? 'default';
  if ((!isSet(meta.name) || meta.name === '') && typeof meta.generateName === 'string' && meta.generateName !== '') {
    meta.name = `${meta.generateName}x7k2q`;
  }
  return ds;
}
