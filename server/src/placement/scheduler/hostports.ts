/**
 * Host ports: kube-scheduler framework/types.go (`HostPortInfo`) and pkg/scheduler/util
 * (`GetHostPorts`).
 */
import { list } from '../../util/list';

export const DefaultBindAllHostIP = '0.0.0.0';

export interface ContainerPort {
  hostIP?: string;
  hostPort?: number;
  protocol?: string;
  containerPort?: number;
}

/**
 * `GetHostPorts(pod)`: ports with hostPort > 0 of containers and sidecar (restartPolicy Always)
 * init containers. With `applyPodDefaults`, a hostNetwork pod's ports without hostPort get
 * hostPort = containerPort first, as Pod defaulting (`defaultHostNetworkPorts`) does when the Pod
 * is created — since 1.28 not in templates, so the DaemonSet template does not show it.
 */
export function getHostPorts(pod: any, applyPodDefaults = false): ContainerPort[] {
  const ports: ContainerPort[] = [];
  const hostNetwork = applyPodDefaults && pod?.spec?.hostNetwork === true;
  for (const c of list(pod?.spec?.containers)) collectHostPorts(c, hostNetwork, ports);
  for (const c of list(pod?.spec?.initContainers)) if (c?.restartPolicy === 'Always') collectHostPorts(c, hostNetwork, ports);
  return ports;
}

function collectHostPorts(c: any, hostNetwork: boolean, into: ContainerPort[]): void {
  for (const p of list(c?.ports)) {
    if (typeof p?.hostPort === 'number' && p.hostPort > 0) into.push(p);
    else if (hostNetwork && !p?.hostPort && typeof p?.containerPort === 'number' && p.containerPort > 0) into.push({ ...p, hostPort: p.containerPort });
  }
}

function sanitize(ip: string | undefined, protocol: string | undefined): [string, string] {
  return [ip ? ip : DefaultBindAllHostIP, protocol ? protocol : 'TCP'];
}

/**
 * ip → `PROTOCOL/port` → the pods holding it. Kubernetes keeps a plain set; the holders are kept
 * here so a conflict can name the pod in the way, and a port stays in use until its last holder
 * is removed.
 */
export class HostPortInfo<Owner = unknown> {
  private readonly byIP = new Map<string, Map<string, Owner[]>>();

  add(ip: string | undefined, protocol: string | undefined, port: number | undefined, owner?: Owner): void {
    if (typeof port !== 'number' || port <= 0) return;
    const [i, p] = sanitize(ip, protocol);
    let ports = this.byIP.get(i);
    if (!ports) this.byIP.set(i, (ports = new Map()));
    const key = `${p}/${port}`;
    let owners = ports.get(key);
    if (!owners) ports.set(key, (owners = []));
    if (owner !== undefined) owners.push(owner);
  }

  /** Drops one holder of the port: free once no holder is left. Without `owner`, the entry goes whoever holds it (Kubernetes' set). */
  remove(ip: string | undefined, protocol: string | undefined, port: number | undefined, owner?: Owner): void {
    if (typeof port !== 'number' || port <= 0) return;
    const [i, p] = sanitize(ip, protocol);
    const ports = this.byIP.get(i);
    const key = `${p}/${port}`;
    const owners = ports?.get(key);
    if (!ports || !owners) return;
    if (owner === undefined) ports.delete(key);
    else {
      const at = owners.indexOf(owner);
      if (at < 0) return;
      owners.splice(at, 1);
      if (owners.length === 0) ports.delete(key);
    }
    if (ports.size === 0) this.byIP.delete(i);
  }

  /** `CheckConflict`: 0.0.0.0 conflicts with every IP; otherwise the same IP or 0.0.0.0. */
  checkConflict(ip: string | undefined, protocol: string | undefined, port: number | undefined): boolean {
    if (typeof port !== 'number' || port <= 0) return false;
    // Asked for every node a pod with host ports is placed on: no allocation when the node holds no port.
    if (this.byIP.size === 0) return false;
    const [i, p] = sanitize(ip, protocol);
    const pp = `${p}/${port}`;
    if (i === DefaultBindAllHostIP) {
      for (const ports of this.byIP.values()) if (ports.has(pp)) return true;
      return false;
    }
    return (this.byIP.get(DefaultBindAllHostIP)?.has(pp) ?? false) || (this.byIP.get(i)?.has(pp) ?? false);
  }

  /** The pods holding the entries `checkConflict` finds for this port (empty when none, or when they were added without owner). */
  holders(ip: string | undefined, protocol: string | undefined, port: number | undefined): Owner[] {
    if (typeof port !== 'number' || port <= 0) return [];
    const [i, p] = sanitize(ip, protocol);
    const pp = `${p}/${port}`;
    const out: Owner[] = [];
    for (const [entryIP, ports] of this.byIP) {
      if (i !== DefaultBindAllHostIP && entryIP !== DefaultBindAllHostIP && entryIP !== i) continue;
      for (const o of ports.get(pp) ?? []) if (!out.includes(o)) out.push(o);
    }
    return out;
  }

  get size(): number {
    let n = 0;
    for (const s of this.byIP.values()) n += s.size;
    return n;
  }
}

/** `TCP/0.0.0.0:80`, for explanations. */
export function formatHostPort(p: ContainerPort): string {
  const [ip, proto] = sanitize(p.hostIP, p.protocol);
  return `${proto}/${ip}:${p.hostPort}`;
}
