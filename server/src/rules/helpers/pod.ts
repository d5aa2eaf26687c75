/** Reading the DaemonSet's pod template the way the practice rules need it (plain JSON in, paths out). */
import { POD, type PathSeg } from '../../yaml/types';
import { t } from '../../l10n';

export { POD };

export function isObject(v: unknown): v is Record<string, any> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

export function podSpec(ds: any): Record<string, any> | undefined {
  const s = ds?.spec?.template?.spec;
  return isObject(s) ? s : undefined;
}

export interface ContainerRef {
  /** `containers` or `initContainers`. */
  list: 'containers' | 'initContainers';
  index: number;
  path: PathSeg[];
  c: Record<string, any>;
  name: string;
  /** An init container with `restartPolicy: Always`: runs for the pod's lifetime like a regular one. */
  sidecar: boolean;
}

/** The containers of the pod. `long-running`: regular containers and sidecars (what runs on the node for good). */
export function containers(spec: Record<string, any> | undefined, which: 'all' | 'long-running' = 'all'): ContainerRef[] {
  const out: ContainerRef[] = [];
  if (!spec) return out;
  for (const list of ['initContainers', 'containers'] as const) {
    const items = spec[list];
    if (!Array.isArray(items)) continue;
    items.forEach((c, index) => {
      if (!isObject(c)) return;
      const sidecar = list === 'initContainers' && c.restartPolicy === 'Always';
      if (which === 'long-running' && list === 'initContainers' && !sidecar) return;
      out.push({ list, index, path: [...POD, list, index], c, name: typeof c.name === 'string' ? c.name : `#${index}`, sidecar });
    });
  }
  return out;
}

/** How a container is referred to in messages. */
export function describe(ref: ContainerRef): string {
  if (ref.list === 'containers') return t('Container `{0}`', ref.name);
  return ref.sidecar ? t('Sidecar container `{0}`', ref.name) : t('Init container `{0}`', ref.name);
}

export function securityContext(ref: ContainerRef): Record<string, any> {
  return isObject(ref.c.securityContext) ? ref.c.securityContext : {};
}

export function isPrivileged(ref: ContainerRef): boolean {
  return securityContext(ref).privileged === true;
}

/** Added capabilities, upper-cased without the `CAP_` prefix (the runtime accepts both spellings). */
export function addedCapabilities(ref: ContainerRef): string[] {
  const add = securityContext(ref).capabilities?.add;
  return Array.isArray(add) ? add.filter((c): c is string => typeof c === 'string').map((c) => c.toUpperCase().replace(/^CAP_/, '')) : [];
}

/** A Windows pod: Linux security settings (runAsNonRoot, privileged, capabilities) do not apply the same way. */
export function isWindowsPod(spec: Record<string, any> | undefined): boolean {
  if (!spec) return false;
  if (spec.os?.name === 'windows' || spec.nodeSelector?.['kubernetes.io/os'] === 'windows') return true;
  if (isObject(spec.securityContext?.windowsOptions)) return true;
  return containers(spec).some((r) => isObject(r.c.securityContext?.windowsOptions));
}

export interface HostPathMount {
  container: ContainerRef;
  /** Index in the container's volumeMounts. */
  mountIndex: number;
  mount: Record<string, any>;
  volumeName: string;
  /** The host path as written. */
  hostPath: string;
  volumeIndex: number;
}

/** Every mount of a hostPath volume, per container. */
export function hostPathMounts(spec: Record<string, any> | undefined): HostPathMount[] {
  const out: HostPathMount[] = [];
  if (!spec || !Array.isArray(spec.volumes)) return out;
  const volumes = new Map<string, { path: string; index: number }>();
  spec.volumes.forEach((v: any, index: number) => {
    if (isObject(v) && typeof v.name === 'string' && isObject(v.hostPath) && typeof v.hostPath.path === 'string') {
      volumes.set(v.name, { path: v.hostPath.path, index });
    }
  });
  for (const ref of containers(spec)) {
    const mounts = ref.c.volumeMounts;
    if (!Array.isArray(mounts)) continue;
    mounts.forEach((m: any, mountIndex: number) => {
      if (!isObject(m) || typeof m.name !== 'string') return;
      const v = volumes.get(m.name);
      if (v) out.push({ container: ref, mountIndex, mount: m, volumeName: m.name, hostPath: v.path, volumeIndex: v.index });
    });
  }
  return out;
}

export function tolerations(spec: Record<string, any> | undefined): { t: Record<string, any>; index: number }[] {
  const list = spec?.tolerations;
  if (!Array.isArray(list)) return [];
  return list.map((t, index) => ({ t, index })).filter((x): x is { t: Record<string, any>; index: number } => isObject(x.t));
}

/** The pod tolerates any taint with this effect (an empty-key `operator: Exists` toleration). */
export function toleratesAll(spec: Record<string, any> | undefined, effect: string): boolean {
  return tolerations(spec).some(({ t }) => !t.key && t.operator === 'Exists' && (!t.effect || t.effect === effect));
}

/** The container's own hostPath mounts. */
export function mountsOf(spec: Record<string, any> | undefined, ref: ContainerRef): HostPathMount[] {
  return hostPathMounts(spec).filter((m) => m.container.list === ref.list && m.container.index === ref.index);
}

/**
 * Why a container plausibly needs host-level powers (for messages), or undefined when it
 * touches nothing of the host: Bidirectional mount propagation (which the API only allows
 * for privileged containers), hostPath mounts, the host network or PID namespace.
 */
export function hostAccessReason(spec: Record<string, any> | undefined, ref: ContainerRef): string | undefined {
  const mounts = mountsOf(spec, ref);
  const bidi = mounts.find((m) => m.mount.mountPropagation === 'Bidirectional');
  if (bidi) return t('it mounts `{0}` with Bidirectional propagation, which requires privileged', bidi.hostPath);
  if (mounts.length) {
    const paths = [...new Set(mounts.map((m) => m.hostPath))];
    return t(
      'it mounts {0} from the host',
      `${paths
        .slice(0, 3)
        .map((p) => `\`${p}\``)
        .join(', ')}${paths.length > 3 ? ' …' : ''}`,
    );
  }
  if (spec?.hostNetwork === true) return t('the pod runs in the host network namespace');
  if (spec?.hostPID === true) return t('the pod shares the host PID namespace');
  return undefined;
}
