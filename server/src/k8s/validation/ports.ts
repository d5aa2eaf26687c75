/**
 * Container ports (validateContainerPorts), host-port uniqueness (AccumulateUniqueHostPorts) and
 * the hostNetwork rule (validatePodHostNetworkDeps).
 */
import { type ErrorList, type Path, duplicate, invalid, notSupported, required } from './field';
import { arr, int, isSet, obj, str } from './json';

const SUPPORTED_PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;

/** validation.IsValidPortNum. */
export function isValidPortNum(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : ['must be between 1 and 65535, inclusive'];
}

/** validation.IsValidPortName (IANA_SVC_NAME). */
export function isValidPortName(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (name.length > 0 && (name.startsWith('-') || name.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

export function validateContainerPorts(ports: unknown, path: Path): ErrorList {
  const errs: ErrorList = [];
  const names = new Set<string>();
  (arr(ports) ?? []).forEach((p, i) => {
    const port = obj(p);
    if (!port) return;
    const idx = path.index(i);
    const name = str(port.name);
    if (name) {
      const msgs = isValidPortName(name);
      if (msgs.length > 0) for (const msg of msgs) errs.push(invalid(idx.child('name'), name, msg));
      else if (names.has(name)) errs.push(duplicate(idx.child('name'), name));
      else names.add(name);
    }
    const containerPort = isSet(port.containerPort) ? int(port.containerPort) : 0;
    if (containerPort === 0) errs.push(required(idx.child('containerPort')));
    else if (containerPort !== undefined) for (const msg of isValidPortNum(containerPort)) errs.push(invalid(idx.child('containerPort'), containerPort, msg));
    const hostPort = int(port.hostPort);
    if (hostPort !== undefined && hostPort !== 0) for (const msg of isValidPortNum(hostPort)) errs.push(invalid(idx.child('hostPort'), hostPort, msg));
    const protocol = str(port.protocol);
    if (protocol === '') errs.push(required(idx.child('protocol')));
    else if (protocol !== undefined && !(SUPPORTED_PROTOCOLS as readonly string[]).includes(protocol)) {
      errs.push(notSupported(idx.child('protocol'), protocol, SUPPORTED_PROTOCOLS));
    }
  });
  return errs;
}

/**
 * AccumulateUniqueHostPorts: key `<protocol>/<hostIP>/<hostPort>` (so `TCP//80`); the same port
 * with another protocol or host IP is no conflict. `containers` are indexed from 0 in the paths.
 */
export function accumulateUniqueHostPorts(containers: unknown[], seen: Set<string>, path: Path): ErrorList {
  const errs: ErrorList = [];
  containers.forEach((c, ci) => {
    const ctr = obj(c);
    if (!ctr) return;
    const portsPath = path.index(ci).child('ports');
    (arr(ctr.ports) ?? []).forEach((p, pi) => {
      const port = obj(p);
      if (!port) return;
      const hostPort = int(port.hostPort);
      if (!hostPort) return;
      const protocol = str(port.protocol) ?? '';
      const hostIP = str(port.hostIP) ?? '';
      const key = `${protocol}/${hostIP}/${hostPort}`;
      if (seen.has(key)) errs.push(duplicate(portsPath.index(pi).child('hostPort'), key));
      else seen.add(key);
    });
  });
  return errs;
}

/** checkHostPortConflicts: one fresh set per call. */
export function checkHostPortConflicts(containers: unknown[], path: Path): ErrorList {
  return accumulateUniqueHostPorts(containers, new Set(), path);
}

/**
 * validatePodHostNetworkDeps: with hostNetwork a hostPort must equal containerPort. In a template
 * hostPort 0 is allowed (it is defaulted when the Pod is made); in a Pod it is not.
 */
export function validatePodHostNetworkDeps(spec: Record<string, unknown>, path: Path, resourceIsPod: boolean): ErrorList {
  if (spec.hostNetwork !== true) return [];
  const errs: ErrorList = [];
  (arr(spec.containers) ?? []).forEach((c, i) => {
    const ctr = obj(c);
    if (!ctr) return;
    (arr(ctr.ports) ?? []).forEach((p, j) => {
      const port = obj(p);
      if (!port) return;
      const hp = isSet(port.hostPort) ? int(port.hostPort) : 0;
      const cp = isSet(port.containerPort) ? int(port.containerPort) : 0;
      if (hp === undefined || cp === undefined) return;
      if ((resourceIsPod || hp !== 0) && hp !== cp) {
        errs.push(
          invalid(path.child('containers').index(i).child('ports').index(j).child('hostPort'), hp, 'must match `containerPort` when `hostNetwork` is true'),
        );
      }
    });
  });
  return errs;
}
