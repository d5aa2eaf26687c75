/**
 * ValidatePodTemplateSpec / ValidatePodSpec / ValidatePodCreate (pkg/apis/core/validation), the
 * subset that matters for DaemonSet templates.
 */
import { isDNS1123Subdomain } from '../syntax';
import { type ErrorList, Path, duplicate, forbidden, invalid, notSupported, required } from './field';
import { arr, int, isSet, obj, str } from './json';
import { validateLabels } from './labelselector';
import { validateAffinity } from './nodeaffinity';
import { nameIsDNSSubdomain, validateAnnotations, validateObjectMeta } from './objectmeta';
import type { ValidateOptions } from './options';
import { type ContainerContext, validateContainers, validateDNS1123Label, validateInitContainers } from './containers';
import { validatePodHostNetworkDeps } from './ports';
import { validateTolerations } from './tolerations';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'] as const;
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'] as const;
const MAX_INT32 = 2147483647;
const MAX_DNS_NAMESERVERS = 3;

function validateEnum(value: unknown, allowed: readonly string[], path: Path): ErrorList {
  const v = str(value);
  if (v === undefined) return [];
  if (v === '') return [required(path)];
  return allowed.includes(v) ? [] : [notSupported(path, v, allowed)];
}

/** ValidateVolumes (names only: required, DNS-1123 label, unique); returns the names for mounts. */
function validateVolumes(volumes: unknown, path: Path): { names: Set<string>; errs: ErrorList } {
  const names = new Set<string>();
  const errs: ErrorList = [];
  (arr(volumes) ?? []).forEach((v, i) => {
    const vol = obj(v);
    if (!vol) return;
    const p = path.index(i).child('name');
    const name = str(vol.name);
    if (name === undefined) return;
    if (name === '') errs.push(required(p));
    else errs.push(...validateDNS1123Label(name, p));
    if (names.has(name)) errs.push(duplicate(p, name));
    else names.add(name);
  });
  return { names, errs };
}

function validatePodDNSConfig(spec: Record<string, unknown>, path: Path): ErrorList {
  const errs: ErrorList = [];
  const dnsConfig = obj(spec.dnsConfig);
  if (spec.dnsPolicy === 'None') {
    if (!dnsConfig) return [required(path, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if ((arr(dnsConfig.nameservers) ?? []).length === 0) {
      return [required(path.child('nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
    }
  }
  if (dnsConfig) {
    const ns = arr(dnsConfig.nameservers) ?? [];
    if (ns.length > MAX_DNS_NAMESERVERS) {
      errs.push(invalid(path.child('nameservers'), ns, `must not have more than ${MAX_DNS_NAMESERVERS} nameservers`));
    }
    (arr(dnsConfig.options) ?? []).forEach((o, i) => {
      const opt = obj(o);
      if (opt && str(opt.name) === '') errs.push(required(path.child('options').index(i), 'Option.Name must not be empty'));
    });
  }
  return errs;
}

function validateDNSSubdomainField(value: unknown, path: Path): ErrorList {
  const v = str(value);
  if (!v) return [];
  return isDNS1123Subdomain(v).map((msg) => invalid(path, v, msg));
}

/** ValidatePodSpec. */
export function validatePodSpec(podSpec: unknown, path: Path, opts: ValidateOptions = {}): ErrorList {
  // An absent spec is Go's zero PodSpec (every rule applies); another shape is a type error elsewhere.
  const spec = podSpec === undefined || podSpec === null ? {} : obj(podSpec);
  if (!spec) return [];
  const errs: ErrorList = [];
  if (!isSet(spec.terminationGracePeriodSeconds)) errs.push(required(path.child('terminationGracePeriodSeconds')));

  const vols = validateVolumes(spec.volumes, path.child('volumes'));
  errs.push(...vols.errs);
  const ctx: ContainerContext = { volumes: vols.names, opts };
  errs.push(...validateContainers(spec.containers, path.child('containers'), ctx));
  errs.push(...validateInitContainers(spec.initContainers, spec.containers, path.child('initContainers'), ctx));
  errs.push(...validatePodHostNetworkDeps(spec, path, !!opts.ResourceIsPod));
  errs.push(...validateEnum(spec.restartPolicy, RESTART_POLICIES, path.child('restartPolicy')));
  errs.push(...validateEnum(spec.dnsPolicy, DNS_POLICIES, path.child('dnsPolicy')));
  errs.push(...validateLabels(spec.nodeSelector, path.child('nodeSelector')));
  (arr(spec.imagePullSecrets) ?? []).forEach((s, i) => {
    const sec = obj(s);
    if (sec && str(sec.name) === '') errs.push(required(path.child('imagePullSecrets').index(i).child('name')));
  });
  errs.push(...validateAffinity(spec.affinity, path.child('affinity'), opts));
  errs.push(...validatePodDNSConfig(spec, path.child('dnsConfig')));
  errs.push(...validateDNSSubdomainField(spec.serviceAccountName, path.child('serviceAccountName')));
  errs.push(...validateDNSSubdomainField(spec.nodeName, path.child('nodeName')));
  const ads = int(spec.activeDeadlineSeconds);
  if (ads !== undefined && (ads < 1 || ads > MAX_INT32)) {
    errs.push(invalid(path.child('activeDeadlineSeconds'), ads, `must be between 1 and ${MAX_INT32}, inclusive`));
  }
  const hostname = str(spec.hostname);
  if (hostname) errs.push(...validateDNS1123Label(hostname, path.child('hostname')));
  const subdomain = str(spec.subdomain);
  if (subdomain) errs.push(...validateDNS1123Label(subdomain, path.child('subdomain')));
  errs.push(...validateTolerations(spec.tolerations, path.child('tolerations'), opts));
  errs.push(...validateDNSSubdomainField(spec.priorityClassName, path.child('priorityClassName')));
  errs.push(...validateDNSSubdomainField(spec.runtimeClassName, path.child('runtimeClassName')));
  const pp = spec.preemptionPolicy;
  if (typeof pp === 'string') errs.push(...validateEnum(pp, ['PreemptLowerPriority', 'Never'], path.child('preemptionPolicy')));
  return errs;
}

/** ValidatePodTemplateSpec: template labels/annotations (paths `<tpl>.labels`), spec, no ephemeral containers. */
export function validatePodTemplateSpec(template: unknown, path: Path, opts: ValidateOptions = {}): ErrorList {
  const tpl = obj(template) ?? {};
  const meta = obj(tpl.metadata) ?? {};
  const errs: ErrorList = [];
  errs.push(...validateLabels(meta.labels, path.child('labels')));
  errs.push(...validateAnnotations(meta.annotations, path.child('annotations')));
  errs.push(...validatePodSpec(tpl.spec, path.child('spec'), opts));
  const spec = obj(tpl.spec);
  if (spec && (arr(spec.ephemeralContainers) ?? []).length > 0) {
    errs.push(forbidden(path.child('spec', 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}

/** ValidatePodCreate: a Pod's metadata (namespaced, DNS-subdomain name) and spec. */
export function validatePodCreate(pod: unknown, opts: ValidateOptions = {}): ErrorList {
  const p = obj(pod) ?? {};
  const podOpts: ValidateOptions = { ...opts, ResourceIsPod: true };
  const errs = validateObjectMeta(p.metadata, true, nameIsDNSSubdomain, Path.root('metadata'));
  errs.push(...validatePodSpec(p.spec, Path.root('spec'), podOpts));
  const spec = obj(p.spec);
  if (spec && (arr(spec.ephemeralContainers) ?? []).length > 0) {
    errs.push(forbidden(Path.root('spec').child('ephemeralContainers'), 'cannot be set on create'));
  }
  return errs;
}
