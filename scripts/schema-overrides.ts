/**
 * Hand-written additions to the schema that gen-schema.ts extracts from
 * kubernetes-models: what the API states only in prose (enum values, defaults
 * applied by defaulting code), and short notes on what a field means for a
 * DaemonSet. Keys are `<OpenAPI definition>.<field>`; the generator fails if a
 * key names a field that does not exist, so these cannot silently go stale.
 * Sources: the official descriptions and /work/shared/spec/kubernetes-semantics.md
 * (§A controller, §C scheduler, §D defaulting and validation).
 */

export const ROOT_TYPE = 'io.k8s.api.apps.v1.DaemonSet';

/**
 * kubernetes-models major version → Kubernetes release its types come from.
 * The npm tarball ships no CHANGELOG; the repository's CHANGELOG for 5.0.0 says
 * "Update to Kubernetes v1.36.0" (its README badge, 1.27.1, is stale).
 */
export const KUBERNETES_VERSION_BY_MAJOR: Record<string, string> = { '5': '1.36.0' };

/** Fields left out of the schema: `status` is set by the server, never authored. */
export const OMITTED_FIELDS: Record<string, string[]> = {
  'io.k8s.api.apps.v1.DaemonSet': ['status'],
};

export interface FieldOverride {
  /** Replaces a missing official description. */
  description?: string;
  /** Values the API states only in prose, each with a one-line meaning. */
  enum?: Array<[value: string, meaning: string]>;
  /** Meanings for declared enum values whose "Possible enum values" line has none. */
  enumMeanings?: Record<string, string>;
  /** The default the API applies; wins over the one parsed from the description, and "" removes that one. */
  default?: string;
  /** What the field means for a DaemonSet, 1–3 sentences. */
  note?: string;
}

/** Deprecations the description does not state in a recognisable way (none so far). */
export const DEPRECATION_OVERRIDES: Record<string, boolean> = {};

const APPS = 'io.k8s.api.apps.v1';
const CORE = 'io.k8s.api.core.v1';
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';

const IMAGE_PULL_DEFAULT = 'IfNotPresent (Always when the image tag is :latest or absent)';

const SET_OPERATORS: Array<[string, string]> = [
  ['In', 'The label value is one of `values`.'],
  ['NotIn', 'The label is absent, or its value is not one of `values`.'],
  ['Exists', 'The label is present, whatever its value (`values` must be empty).'],
  ['DoesNotExist', 'The label is absent (`values` must be empty).'],
];

export const FIELD_OVERRIDES: Record<string, FieldOverride> = {
  // ---- DaemonSet (TypeMeta text: the package declares these two without a description)
  [`${APPS}.DaemonSet.apiVersion`]: {
    description:
      'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
    enumMeanings: { 'apps/v1': 'The apps API group, version v1: the only served version of DaemonSet.' },
  },
  [`${APPS}.DaemonSet.kind`]: {
    description:
      'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
    enumMeanings: { DaemonSet: 'Runs one copy of the pod template on every eligible node.' },
  },

  // ---- DaemonSetSpec
  [`${APPS}.DaemonSetSpec.selector`]: {
    note: 'Required and immutable after creation: it must match spec.template.metadata.labels, and an empty selector is rejected. Use labels unique to this DaemonSet so it does not adopt pods of other workloads.',
  },
  [`${APPS}.DaemonSetSpec.template`]: {
    note: 'The pod created on every eligible node; its restartPolicy must be Always (the default). The controller adds its own tolerations and a node-name affinity to each pod, and any change to the template starts a rollout under updateStrategy.',
  },
  [`${APPS}.DaemonSetSpec.updateStrategy`]: {
    default: 'RollingUpdate (maxUnavailable: 1, maxSurge: 0)',
    note: 'How daemon pods are replaced when the template changes. RollingUpdate (the default) replaces them node by node within maxUnavailable/maxSurge; OnDelete creates the new pod on a node only after you delete the old one.',
  },
  [`${APPS}.DaemonSetSpec.minReadySeconds`]: {
    default: '0',
    note: 'How long a new daemon pod must stay Ready before it counts as available. A rolling update waits for availability before moving on (and, with maxSurge, before deleting the old pod), so this slows the rollout on purpose.',
  },
  [`${APPS}.DaemonSetSpec.revisionHistoryLimit`]: { default: '10' },
  [`${APPS}.DaemonSetUpdateStrategy.type`]: { default: 'RollingUpdate' },
  [`${APPS}.DaemonSetUpdateStrategy.rollingUpdate`]: {
    default: '{maxUnavailable: 1, maxSurge: 0} when type is RollingUpdate',
  },
  [`${APPS}.RollingUpdateDaemonSet.maxUnavailable`]: {
    default: '1',
    note: 'How many nodes may be without an available daemon pod during an update (a number, or a percent of desiredNumberScheduled rounded up). It must be 0 when maxSurge is non-zero, and the two cannot both be 0.',
  },
  [`${APPS}.RollingUpdateDaemonSet.maxSurge`]: {
    default: '0',
    note: "How many nodes may run the new pod beside the old one during an update; the old pod is deleted once the new one is available. Set maxUnavailable: 0 explicitly when using it: an omitted maxUnavailable defaults to 1 and the API rejects both non-zero. With a hostPort the surge pod conflicts with the old pod's port and stays Pending.",
  },

  // ---- PodSpec
  [`${CORE}.PodSpec.tolerations`]: {
    note: 'The DaemonSet controller adds tolerations for node.kubernetes.io/not-ready and unreachable (NoExecute) and for disk-pressure, memory-pressure, pid-pressure and unschedulable (NoSchedule), plus network-unavailable with hostNetwork. Every other NoSchedule/NoExecute taint must be tolerated here, including node-role.kubernetes.io/control-plane:NoSchedule: control-plane nodes are not tolerated automatically.',
  },
  [`${CORE}.PodSpec.nodeSelector`]: {
    note: 'Restricts the DaemonSet to nodes whose labels contain all of these key/value pairs; other nodes get no daemon pod, and an existing one is deleted when a node stops matching. Without it (and without node affinity) the DaemonSet targets every node whose taints it tolerates.',
  },
  [`${CORE}.PodSpec.affinity`]: {
    note: 'For a DaemonSet only nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution chooses nodes (ANDed with nodeSelector). Preferred terms change nothing, and pod (anti-)affinity does not choose nodes but can leave a daemon pod Pending.',
  },
  [`${CORE}.Affinity.nodeAffinity`]: {
    note: "Its required terms decide which nodes get a daemon pod, together with nodeSelector. In each created pod the controller replaces the required terms with a match on that node's name, after it has checked them itself.",
  },
  [`${CORE}.NodeAffinity.requiredDuringSchedulingIgnoredDuringExecution`]: {
    note: 'Only nodes matching one of the terms (ORed; expressions inside a term are ANDed) get a daemon pod; an empty term matches no node. A node whose labels stop matching loses its daemon pod.',
  },
  [`${CORE}.NodeAffinity.preferredDuringSchedulingIgnoredDuringExecution`]: {
    note: 'Has no effect on a DaemonSet: each daemon pod has exactly one candidate node.',
  },
  [`${CORE}.PodSpec.hostNetwork`]: {
    note: "The pod uses the node's network namespace: container ports are node ports and a hostPort must equal its containerPort. Set dnsPolicy: ClusterFirstWithHostNet to keep resolving cluster services. The controller also tolerates node.kubernetes.io/network-unavailable:NoSchedule for such pods.",
  },
  [`${CORE}.PodSpec.dnsPolicy`]: {
    default: 'ClusterFirst',
    note: "With hostNetwork: true, ClusterFirst falls back to the node's DNS settings; use ClusterFirstWithHostNet to resolve cluster services.",
  },
  [`${CORE}.PodSpec.hostPID`]: {
    note: 'The containers see, and with enough privilege can signal, every process on the node. Some node agents (monitoring, debugging) need it; leave it off otherwise.',
  },
  [`${CORE}.PodSpec.priorityClassName`]: {
    note: 'Node agents usually use system-node-critical, the highest priority: the scheduler may then preempt other pods to fit the daemon pod, and it is among the last pods the kubelet evicts under node pressure. Without it, a full node can leave the daemon pod Pending.',
  },
  [`${CORE}.PodSpec.restartPolicy`]: {
    default: 'Always',
    enumMeanings: {
      Always: 'Restart containers whenever they exit. The only value a DaemonSet accepts.',
      OnFailure: 'Restart containers only when they exit with a non-zero code. Rejected in a DaemonSet.',
      Never: 'Never restart containers. Rejected in a DaemonSet.',
    },
  },
  [`${CORE}.PodSpec.terminationGracePeriodSeconds`]: { default: '30' },
  [`${CORE}.PodSpec.schedulerName`]: { default: 'default-scheduler' },
  [`${CORE}.PodSpec.securityContext`]: { default: '{}' },

  // ---- Containers
  [`${CORE}.Container.resources`]: {
    note: 'Requests are reserved on every node the DaemonSet runs on, so their cluster-wide cost is multiplied by the node count. A node without that much unrequested capacity leaves its daemon pod Pending (Insufficient cpu/memory).',
  },
  [`${CORE}.Container.imagePullPolicy`]: { default: IMAGE_PULL_DEFAULT },
  [`${CORE}.EphemeralContainer.imagePullPolicy`]: { default: IMAGE_PULL_DEFAULT },
  [`${CORE}.ImageVolumeSource.pullPolicy`]: { default: IMAGE_PULL_DEFAULT },
  [`${CORE}.Container.terminationMessagePolicy`]: { default: 'File' },
  [`${CORE}.Container.restartPolicy`]: {
    enum: [['Always', 'On an init container: run it as a sidecar that keeps running (and restarting) beside the regular containers.']],
  },
  [`${CORE}.ContainerPort.protocol`]: { default: 'TCP' },
  [`${CORE}.ContainerResizePolicy.resourceName`]: {
    enum: [
      ['cpu', 'The policy applies when the CPU request or limit is resized.'],
      ['memory', 'The policy applies when the memory request or limit is resized.'],
    ],
  },
  [`${CORE}.ContainerResizePolicy.restartPolicy`]: {
    enum: [
      ['NotRequired', 'Resize the resource without restarting the container (the default).'],
      ['RestartContainer', 'Restart the container to apply the new resource value.'],
    ],
  },
  [`${CORE}.ContainerRestartRule.action`]: {
    enum: [['Restart', 'Restart the container when the rule matches.']],
  },
  [`${CORE}.ContainerRestartRuleOnExitCodes.operator`]: {
    enum: [
      ['In', 'The rule matches when the exit code is one of `values`.'],
      ['NotIn', 'The rule matches when the exit code is not one of `values`.'],
    ],
  },

  // ---- Scheduling
  [`${CORE}.NodeSelectorRequirement.operator`]: {
    enumMeanings: {
      ...Object.fromEntries(SET_OPERATORS),
      Gt: 'The label value, read as an integer, is greater than the single entry of `values`.',
      Lt: 'The label value, read as an integer, is less than the single entry of `values`.',
    },
  },
  [`${META}.LabelSelectorRequirement.operator`]: { enum: SET_OPERATORS },
  [`${CORE}.Toleration.operator`]: {
    enumMeanings: {
      Equal: 'The taint has this key and exactly this value (the default).',
      Exists: 'The taint has this key, whatever its value (`value` must be empty); with no key, every taint.',
      Gt: 'The taint value is an integer greater than `value` (needs feature gate TaintTolerationComparisonOperators).',
      Lt: 'The taint value is an integer less than `value` (needs feature gate TaintTolerationComparisonOperators).',
    },
  },
  [`${CORE}.PodOS.name`]: {
    enum: [
      ['linux', 'The pod runs on Linux nodes; Linux-only fields are validated.'],
      ['windows', 'The pod runs on Windows nodes; Linux-only fields such as seLinuxOptions are rejected.'],
    ],
  },

  // ---- Volumes and security
  [`${CORE}.Volume.hostPath`]: {
    note: 'Mounts a file or directory of the node into the daemon pod, the usual way for node agents to reach logs, sockets or /proc. Mount it with readOnly: true unless the agent must write, and set type (e.g. Directory, Socket) so the kubelet checks what is at the path.',
  },
  [`${CORE}.HostPathVolumeSource.path`]: {
    note: 'A path on every node the DaemonSet runs on. With type Directory, File, Socket etc. the pod cannot start on a node where it is missing (DirectoryOrCreate/FileOrCreate create it). Prefer readOnly: true in the volumeMount.',
  },
  [`${CORE}.VolumeMount.recursiveReadOnly`]: {
    // The parsed "defaults to None" belongs to mountPropagation, quoted in this text.
    default: 'Disabled',
    enum: [
      ['Disabled', 'A readOnly mount is not made recursively read-only (the default).'],
      ['IfPossible', 'Made recursively read-only if the container runtime supports it.'],
      ['Enabled', 'Made recursively read-only, or the pod fails to start if the runtime cannot.'],
    ],
  },
  [`${CORE}.EmptyDirVolumeSource.medium`]: {
    enum: [
      ['', "The node's default storage medium (disk)."],
      ['Memory', 'A tmpfs (RAM-backed) filesystem; its usage counts against the container memory limit.'],
    ],
  },
  [`${CORE}.PodSecurityContext.seLinuxChangePolicy`]: {
    enum: [
      ['MountOption', 'Mount eligible volumes with the `-o context` option; every pod sharing a volume must use the same SELinux label.'],
      ['Recursive', 'Relabel every file on every pod volume; slow for large volumes but allows mixed labels.'],
    ],
  },
  [`${CORE}.PodCertificateProjection.keyType`]: {
    enum: [
      ['RSA3072', 'RSA key of 3072 bits.'],
      ['RSA4096', 'RSA key of 4096 bits.'],
      ['ECDSAP256', 'ECDSA key on curve P-256.'],
      ['ECDSAP384', 'ECDSA key on curve P-384.'],
      ['ECDSAP521', 'ECDSA key on curve P-521.'],
      ['ED25519', 'Ed25519 key.'],
    ],
  },
  [`${CORE}.PersistentVolumeClaimSpec.accessModes`]: {
    enumMeanings: {
      ReadWriteOnce: 'Mounted read-write by a single node.',
      ReadOnlyMany: 'Mounted read-only by many nodes.',
      ReadWriteMany: 'Mounted read-write by many nodes.',
      ReadWriteOncePod: 'Mounted read-write by a single pod.',
    },
  },
  [`${CORE}.ServiceAccountTokenProjection.expirationSeconds`]: { default: '3600' },
  // "defaults to Limits if that is explicitly specified" is a rule, not a value.
  [`${CORE}.ResourceRequirements.requests`]: { default: '' },
  [`${CORE}.VolumeResourceRequirements.requests`]: { default: '' },
};
