/** hostPath volumes mounted writable: the agent can change the node. */
import type { Finding, Severity } from '../types';
import type { Rule } from '../types';
import type { Edits } from '../../yaml/edits';
import { t } from '../../l10n';
import { describe, hostPathMounts, isPrivileged, podSpec, type HostPathMount } from '../helpers/pod';

/** Container runtime sockets (and the directories holding them): connecting to one is root on the node. */
const RUNTIME_SOCKET_RE = /(^|\/)(docker|containerd|crio|podman|cri-dockerd|dockershim)\.sock$/;
const RUNTIME_SOCKET_DIRS = new Set([
  '/var/run/docker',
  '/run/docker',
  '/var/run/containerd',
  '/run/containerd',
  '/var/run/crio',
  '/run/crio',
  '/run/podman',
  '/var/run/podman',
  '/run/k3s/containerd',
]);

/** Host directories whose modification changes the node itself (binaries, config, kernel, kubelet state), in the configured language. */
const SYSTEM_PATHS: Record<string, () => string> = {
  '/': () => t("the node's whole filesystem"),
  '/etc': () => t("the node's configuration"),
  '/usr': () => t("the node's binaries and libraries"),
  '/bin': () => t("the node's binaries"),
  '/sbin': () => t("the node's system binaries"),
  '/lib': () => t("the node's libraries"),
  '/lib64': () => t("the node's libraries"),
  '/lib/modules': () => t('the kernel modules'),
  '/boot': () => t('the kernel and boot loader'),
  '/root': () => t("root's home directory"),
  '/home': () => t("the users' home directories"),
  '/var': () => t("the node's variable state"),
  '/var/lib': () => t("the node's service state"),
  '/proc': () => t('the host /proc (writable kernel settings under /proc/sys)'),
  '/sys': () => t('the host sysfs (kernel and device settings)'),
  '/var/lib/kubelet': () => t("the kubelet's state, including every pod's secrets"),
  '/var/lib/docker': () => t("the container runtime's images and containers"),
  '/var/lib/containerd': () => t("the container runtime's images and containers"),
  '/etc/kubernetes': () => t("the node's Kubernetes credentials and static pods"),
  '/etc/kubernetes/pki': () => t("the node's Kubernetes certificates"),
  '/var/run': () => t('the runtime directory, which holds the container runtime socket'),
  '/run': () => t('the runtime directory, which holds the container runtime socket'),
};

export function normalizeHostPath(p: string): string {
  // Repeated and trailing slashes name the same directory.
  const s = p
    .trim()
    .split('/')
    .filter((part, i) => part !== '' || i === 0)
    .join('/');
  return s === '' && p.trim().startsWith('/') ? '/' : s;
}

export type HostPathKind = { kind: 'socket' } | { kind: 'system'; what: string } | { kind: 'other' } | { kind: 'skip' };

export function classifyHostPath(raw: string): HostPathKind {
  // Windows named pipes behave like sockets: readOnly has no meaning for them.
  if (/^(\\\\|\/\/)\.[\\/]pipe[\\/]/i.test(raw)) return { kind: 'skip' };
  const p = normalizeHostPath(raw);
  if (RUNTIME_SOCKET_RE.test(p) || RUNTIME_SOCKET_DIRS.has(p)) return { kind: 'socket' };
  const what = SYSTEM_PATHS[p];
  return what ? { kind: 'system', what: what() } : { kind: 'other' };
}

export const writableHostPath: Rule = {
  meta: {
    id: 'writable-host-path',
    category: 'practice',
    defaultSeverity: 'warning',
    title: 'hostPath volume mounted writable',
    description:
      "A hostPath mount without `readOnly: true` lets the container change the node, and a DaemonSet mounts it on every node: a bug or a compromise of the agent becomes a change to every node's system files. Agents that only read host state (log shippers, exporters, scanners) should mount read-only. Container runtime sockets (`/var/run/docker.sock`, `/run/containerd/containerd.sock`, `/var/run/crio/crio.sock`, …) are called out on their own: whoever can connect to one can start a privileged container, i.e. is root on the node, and `readOnly: true` does not stop a process from connecting to a socket.",
    severityNote:
      'Warning for host system directories (`/`, `/etc`, `/usr`, `/proc`, `/sys`, `/var/lib/kubelet`, …) and runtime sockets in unprivileged containers. Information for system directories in privileged containers (root on the node already: readOnly only guards against accidents; their sockets are not reported). A hint for other paths: node agents legitimately write their own state, CNI configuration, kubelet plugin sockets and device-plugin sockets, and a warning there would have to be silenced in almost every CNI or CSI manifest. Mounts with `mountPropagation: Bidirectional` are skipped (they exist to write back to the host).',
    bad: 'volumeMounts:\n  - name: varlog\n    mountPath: /var/log\nvolumes:\n  - name: varlog\n    hostPath:\n      path: /var/log',
    good: 'volumeMounts:\n  - name: varlog\n    mountPath: /var/log\n    readOnly: true',
    fix: 'Adds `readOnly: true` to the volumeMount (not offered for runtime sockets, where it would not help).',
  },
  check(ctx) {
    // A kustomize patch leaves out what the base already sets.
    if (ctx.partial) return [];
    const out: Finding[] = [];
    for (const m of hostPathMounts(podSpec(ctx.value))) {
      if (m.mount.readOnly === true || m.mount.mountPropagation === 'Bidirectional') continue;
      const kind = classifyHostPath(m.hostPath);
      if (kind.kind === 'skip') continue;
      // A privileged container is root on the node already: a socket adds nothing (privileged-container reports it).
      if (kind.kind === 'socket' && isPrivileged(m.container)) continue;
      // An explicit `readOnly: false` is a decision; only system paths and sockets are still worth a word.
      if (m.mount.readOnly === false && kind.kind === 'other') continue;
      out.push(finding(ctx.edits, m, kind));
    }
    return out;
  },
};

function finding(edits: Edits, m: HostPathMount, kind: HostPathKind): Finding {
  const mountPath = [...m.container.path, 'volumeMounts', m.mountIndex];
  const at = m.mount.mountPath !== undefined ? [...mountPath, 'mountPath'] : [...mountPath, 'name'];
  const who = describe(m.container);
  const edit = edits.setPath([...mountPath, 'readOnly'], 'true');
  const fixes = edit ? [{ title: t('Mount `{0}` read-only', m.volumeName), isPreferred: true, edits: edit }] : undefined;
  let severity: Severity | undefined;
  let message: string;
  if (kind.kind === 'socket') {
    message = t(
      "{0} mounts the container runtime socket `{1}` from the host. Whoever can connect to it can start privileged containers, i.e. is root on every node the DaemonSet runs on, and readOnly: true does not stop connections to a socket. Mount it only into the container that needs it, and prefer the runtime's read-only APIs (CRI) where possible.",
      who,
      m.hostPath,
    );
    return { rule: 'writable-host-path', path: at, message };
  }
  if (kind.kind === 'system' && isPrivileged(m.container)) {
    severity = 'information';
    message = t(
      '{0} mounts host path `{1}` ({2}) writable. It is privileged, so readOnly is no security boundary here, but it still keeps a bug in the agent from changing this on every node. Add readOnly: true to the volumeMount unless the agent writes there.',
      who,
      m.hostPath,
      kind.what,
    );
  } else if (kind.kind === 'system') {
    message = t(
      '{0} mounts host path `{1}` ({2}) writable, on every node the DaemonSet runs on: a bug or compromise of the agent can change the node itself. Add readOnly: true to the volumeMount unless the agent must write there.',
      who,
      m.hostPath,
      kind.what,
    );
  } else {
    severity = 'hint';
    message = t('{0} mounts host path `{1}` writable on every node. If the agent only reads it, add readOnly: true to the volumeMount.', who, m.hostPath);
  }
  return { rule: 'writable-host-path', path: at, message, severity, fixes };
}
