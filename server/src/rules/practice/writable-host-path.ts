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

/**
 * Host directories node agents exist to write: CNI binaries, configuration and IPAM state (the
 * install-cni pattern), kubelet plugin and device-plugin sockets, the BPF filesystem, device
 * nodes, feature files for node-feature-discovery. `readOnly: true` there breaks the agent.
 */
const WRITTEN_DIRS = [
  '/opt/cni',
  '/etc/cni',
  '/var/lib/cni',
  '/var/lib/kubelet/device-plugins',
  '/var/lib/kubelet/plugins',
  '/var/lib/kubelet/plugins_registry',
  '/var/lib/kubelet/pods',
  '/sys/fs/bpf',
  '/sys/fs/cgroup',
  '/dev',
  '/etc/kubernetes/node-feature-discovery/features.d',
];

/** Runtime directories (sockets, pid and state files) and the xtables lock are written by whoever mounts them. */
const RUNTIME_DIRS = ['/run', '/var/run'];

/** Log shippers keep their read positions (fluentd pos_file, fluent-bit DB, filebeat registry) beside the logs or in their own state directory. */
const LOG_SHIPPER_RE = /fluent|filebeat|promtail|vector|logstash|splunk|datadog|otel|opentelemetry|beats|loki|nxlog|rsyslog|syslog-ng/i;

const under = (p: string, dir: string) => p === dir || p.startsWith(`${dir}/`);

/** Windows host paths (`C:\var\lib\kubelet`, `\var\lib\kubelet`) as the Linux paths they mirror, for the lists above. */
function posixish(p: string): string {
  return normalizeHostPath(p.replace(/^[A-Za-z]:/, '').replace(/\\/g, '/'));
}

/** Words of an image repository or container name that can name an agent's own directory (`calico`, `longhorn`). */
function nameTokens(ref: HostPathMount['container']): string[] {
  const image = typeof ref.c.image === 'string' ? ref.c.image.split('@')[0] : '';
  const repo = image.slice(image.lastIndexOf('/') + 1).split(':')[0];
  const generic = new Set([
    'node',
    'agent',
    'driver',
    'plugin',
    'daemon',
    'init',
    'installer',
    'install',
    'manager',
    'controller',
    'container',
    'server',
    'base',
  ]);
  return [...new Set(`${repo} ${ref.name}`.toLowerCase().split(/[^a-z0-9]+/))].filter((w) => w.length >= 4 && !generic.has(w));
}

/**
 * Evidence that the container writes to this host path, so read-only would break it; undefined
 * when there is none. Heuristic by design: it errs towards not offering the fix.
 */
export function writesToHostPath(m: HostPathMount): string | undefined {
  const p = posixish(m.hostPath);
  const mountPath = typeof m.mount.mountPath === 'string' ? posixish(m.mount.mountPath) : '';
  if (m.container.list === 'initContainers' && !m.container.sidecar) return 'init container';
  if (WRITTEN_DIRS.some((d) => under(p, d) || (mountPath !== '' && (under(mountPath, d) || under(mountPath, `/host${d}`))))) return 'agent directory';
  if (/\.(lock|sock|socket|pid|db|pos)$/.test(p)) return 'state file';
  if (RUNTIME_DIRS.some((d) => p.startsWith(`${d}/`))) return 'runtime directory';
  const image = typeof m.container.c.image === 'string' ? m.container.c.image : '';
  if (LOG_SHIPPER_RE.test(`${image} ${m.container.name}`) && (under(p, '/var/log') || under(p, '/var/lib'))) return 'log shipper';
  // An agent's own log directory (/var/log/aws-routed-eni) or state directory (/var/lib/calico, /etc/calico).
  if (p.startsWith('/var/log/')) return 'own logs';
  const words = p.toLowerCase().split('/').filter(Boolean);
  if (p !== '/' && nameTokens(m.container).some((w) => words.some((seg) => seg.includes(w)))) return 'own directory';
  return undefined;
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
    fix: "Adds `readOnly: true` to the volumeMount, one mount at a time (never in fix-all). Not offered for runtime sockets, where it would not help, nor where the container evidently writes to the path, where it would break the agent: init containers (the install-cni pattern), CNI directories (`/opt/cni`, `/etc/cni`, `/var/lib/cni`), kubelet plugin and device-plugin directories, `/sys/fs/bpf`, `/dev`, runtime directories under `/run` and `/var/run`, lock, socket and position files, log shippers' `/var/log` and state, an agent's own log directory under `/var/log`, and directories named after the agent's image.",
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
  // A judgement fix, and none where the container evidently writes there (it would break the agent).
  const edit = writesToHostPath(m) ? undefined : edits.setPath([...mountPath, 'readOnly'], 'true');
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
