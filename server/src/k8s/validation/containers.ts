/**
 * validateContainers / validateInitContainers / validateContainerCommon (pkg/apis/core/validation):
 * names (DNS-1123 label, unique across regular and init containers), image, policies, ports,
 * env names, volume mounts, resources, host-port conflicts.
 */
import { isDNS1123Label } from '../syntax';
import { type ErrorList, type Path, duplicate, forbidden, invalid, notFound, notSupported, required } from './field';
import { arr, obj, str } from './json';
import type { ValidateOptions } from './options';
import { checkHostPortConflicts, validateContainerPorts } from './ports';
import { validateResourceRequirements } from './resources';

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'] as const;
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'] as const;

/** Context shared by every container of a pod spec. */
export interface ContainerContext {
  /** Names of the pod's volumes (volumeMounts must refer to one). */
  volumes: Set<string>;
  opts: ValidateOptions;
}

/** ValidateDNS1123Label as a field validator. */
export function validateDNS1123Label(value: string, path: Path): ErrorList {
  return isDNS1123Label(value).map((msg) => invalid(path, value, msg));
}

function validatePullPolicy(policy: string | undefined, path: Path): ErrorList {
  if (policy === undefined) return [];
  if (policy === '') return [required(path)];
  return (PULL_POLICIES as readonly string[]).includes(policy) ? [] : [notSupported(path, policy, PULL_POLICIES)];
}

export function validateContainerCommon(ctr: Record<string, unknown>, path: Path, ctx: ContainerContext): ErrorList {
  const errs: ErrorList = [];
  const name = str(ctr.name);
  if (name === '') errs.push(required(path.child('name')));
  else if (name !== undefined) errs.push(...validateDNS1123Label(name, path.child('name')));

  // Templates may carry an all-whitespace image (a placeholder some tools fill in); only Pods reject it.
  const image = str(ctr.image);
  if (image === '') errs.push(required(path.child('image')));
  else if (image !== undefined && ctx.opts.ResourceIsPod && image.trim() !== image) {
    errs.push(invalid(path.child('image'), image, 'must not have leading or trailing whitespace'));
  }

  const tmp = str(ctr.terminationMessagePolicy);
  if (tmp === '') errs.push(required(path.child('terminationMessagePolicy')));
  else if (tmp !== undefined && !(TERMINATION_MESSAGE_POLICIES as readonly string[]).includes(tmp)) {
    errs.push(notSupported(path.child('terminationMessagePolicy'), tmp, TERMINATION_MESSAGE_POLICIES));
  }

  errs.push(...validateContainerPorts(ctr.ports, path.child('ports')));
  errs.push(...validateEnv(ctr.env, path.child('env')));
  errs.push(...validateVolumeMounts(ctr.volumeMounts, ctx.volumes, path.child('volumeMounts')));
  errs.push(...validatePullPolicy(str(ctr.imagePullPolicy), path.child('imagePullPolicy')));
  errs.push(...validateResourceRequirements(ctr.resources, path.child('resources')));
  return errs;
}

/** ValidateEnv: names are required (their syntax is relaxed since 1.34: any printable but '='). */
function validateEnv(env: unknown, path: Path): ErrorList {
  const errs: ErrorList = [];
  (arr(env) ?? []).forEach((e, i) => {
    const ev = obj(e);
    if (!ev) return;
    const name = str(ev.name);
    if (name === '') errs.push(required(path.index(i).child('name')));
    else if (name !== undefined && (name.includes('=') || !/^[\x20-\x7e]+$/.test(name))) {
      errs.push(invalid(path.index(i).child('name'), name, "a valid environment variable name must consist only of printable ASCII characters other than '='"));
    }
  });
  return errs;
}

/** ValidateVolumeMounts: name must be a pod volume, mountPath required and unique. */
function validateVolumeMounts(mounts: unknown, volumes: Set<string>, path: Path): ErrorList {
  const errs: ErrorList = [];
  const mountPaths = new Set<string>();
  (arr(mounts) ?? []).forEach((m, i) => {
    const mnt = obj(m);
    if (!mnt) return;
    const idx = path.index(i);
    const name = str(mnt.name);
    if (name === '') errs.push(required(idx.child('name')));
    else if (name !== undefined && !volumes.has(name)) errs.push(notFound(idx.child('name'), name));
    const mountPath = str(mnt.mountPath);
    if (mountPath === '') errs.push(required(idx.child('mountPath')));
    else if (mountPath !== undefined) {
      if (mountPaths.has(mountPath)) errs.push(invalid(idx.child('mountPath'), mountPath, 'must be unique'));
      mountPaths.add(mountPath);
    }
  });
  return errs;
}

/** validateContainers: at least one; names unique among regular containers; host ports across all. */
export function validateContainers(containers: unknown, path: Path, ctx: ContainerContext): ErrorList {
  const list = arr(containers);
  if (containers !== undefined && containers !== null && !list) return [];
  const errs: ErrorList = [];
  if (!list || list.length === 0) {
    errs.push(required(path));
    return errs;
  }
  const names = new Set<string>();
  list.forEach((c, i) => {
    const ctr = obj(c);
    if (!ctr) return;
    const idx = path.index(i);
    errs.push(...validateContainerCommon(ctr, idx, ctx));
    const name = str(ctr.name);
    if (name === undefined) return;
    if (names.has(name)) errs.push(duplicate(idx.child('name'), name));
    else names.add(name);
  });
  errs.push(...checkHostPortConflicts(list, path));
  return errs;
}

/**
 * validateInitContainers: names unique against regular containers too; each init container's host
 * ports are checked on their own (they run one by one) — Go passes a one-element list, so the
 * duplicate's path says `[0]` whatever the container's index.
 */
export function validateInitContainers(initContainers: unknown, containers: unknown, path: Path, ctx: ContainerContext): ErrorList {
  const list = arr(initContainers);
  if (!list) return [];
  const errs: ErrorList = [];
  const names = new Set<string>();
  for (const c of arr(containers) ?? []) {
    const n = str(obj(c)?.name);
    if (n) names.add(n);
  }
  list.forEach((c, i) => {
    const ctr = obj(c);
    if (!ctr) return;
    const idx = path.index(i);
    errs.push(...validateContainerCommon(ctr, idx, ctx));
    const restartable = ctr.restartPolicy === 'Always';
    const name = str(ctr.name);
    if (name !== undefined) {
      if (names.has(name)) errs.push(duplicate(idx.child('name'), name));
      else if (name.length > 0) names.add(name);
    }
    errs.push(...checkHostPortConflicts([ctr], path));
    if (!restartable) {
      // Ordinary init containers run to completion: no lifecycle hooks or probes.
      for (const f of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (ctr[f] !== undefined && ctr[f] !== null) {
          errs.push(forbidden(idx.child(f), 'may not be set for init containers without restartPolicy=Always'));
        }
      }
    }
  });
  return errs;
}
