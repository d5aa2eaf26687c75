/** Well-known node label keys and taint keys, with their usual values (kubernetes.io/docs/reference/labels-annotations-taints). */
import { t } from '../l10n';

// Descriptions are getters: they are read in the language configured when they are shown.

export interface KnownLabel {
  key: string;
  description: string;
  values?: { value: string; description?: string }[];
}

export const WELL_KNOWN_LABELS: KnownLabel[] = [
  {
    key: 'kubernetes.io/os',
    get description() {
      return t('Operating system of the node, set by the kubelet.');
    },
    values: [{ value: 'linux' }, { value: 'windows' }],
  },
  {
    key: 'kubernetes.io/arch',
    get description() {
      return t('CPU architecture of the node (Go GOARCH), set by the kubelet.');
    },
    values: [{ value: 'amd64' }, { value: 'arm64' }, { value: 'arm' }, { value: 'ppc64le' }, { value: 's390x' }],
  },
  {
    key: 'kubernetes.io/hostname',
    get description() {
      return t("The node's hostname, set by the kubelet (usually equal to the node name).");
    },
  },
  {
    key: 'node.kubernetes.io/instance-type',
    get description() {
      return t('Instance type of the node, set by the cloud provider (e.g. m5.large, n2-standard-4).');
    },
  },
  {
    key: 'topology.kubernetes.io/zone',
    get description() {
      return t('Zone the node runs in, set by the cloud provider (e.g. us-east-1a).');
    },
  },
  {
    key: 'topology.kubernetes.io/region',
    get description() {
      return t('Region the node runs in, set by the cloud provider (e.g. us-east-1).');
    },
  },
  {
    key: 'node-role.kubernetes.io/control-plane',
    get description() {
      return t(
        'Marks control-plane nodes (kubeadm sets it with an empty value). These nodes usually carry the `node-role.kubernetes.io/control-plane:NoSchedule` taint.',
      );
    },
    values: [{ value: '' }],
  },
  {
    key: 'node-role.kubernetes.io/master',
    get description() {
      return t('Deprecated control-plane role label (removed from kubeadm in 1.24); use `node-role.kubernetes.io/control-plane`.');
    },
    values: [{ value: '' }],
  },
  {
    key: 'node-role.kubernetes.io/worker',
    get description() {
      return t('Worker role label used by some distributions (OpenShift, k3s).');
    },
    values: [{ value: '' }],
  },
  {
    key: 'node.kubernetes.io/windows-build',
    get description() {
      return t('Windows build of a Windows node (e.g. 10.0.17763), set by the kubelet.');
    },
  },
  {
    key: 'kubernetes.io/hostname',
    get description() {
      return t("The node's hostname.");
    },
  },
  {
    key: 'nvidia.com/gpu.present',
    get description() {
      return t('Set by NVIDIA GPU Feature Discovery / the GPU Operator on nodes with an NVIDIA GPU.');
    },
    values: [{ value: 'true' }],
  },
  {
    key: 'nvidia.com/gpu.product',
    get description() {
      return t('GPU model, set by NVIDIA GPU Feature Discovery (e.g. NVIDIA-A100-SXM4-80GB).');
    },
  },
  {
    key: 'cloud.google.com/gke-accelerator',
    get description() {
      return t('GKE: accelerator type of a GPU node pool (e.g. nvidia-tesla-t4).');
    },
  },
  {
    key: 'cloud.google.com/gke-nodepool',
    get description() {
      return t('GKE: node pool name.');
    },
  },
  {
    key: 'eks.amazonaws.com/nodegroup',
    get description() {
      return t('EKS: managed node group name.');
    },
  },
  {
    key: 'kubernetes.azure.com/agentpool',
    get description() {
      return t('AKS: agent pool name.');
    },
  },
].filter((l, i, all) => all.findIndex((o) => o.key === l.key) === i);

export interface KnownTaint {
  key: string;
  effects: string[];
  description: string;
  /** Added to every DaemonSet pod by the controller (so tolerating it yourself is not needed). */
  autoTolerated?: string;
}

export const WELL_KNOWN_TAINTS: KnownTaint[] = [
  {
    key: 'node-role.kubernetes.io/control-plane',
    effects: ['NoSchedule'],
    get description() {
      return t(
        'Set by kubeadm on control-plane nodes. Not tolerated automatically: a DaemonSet that must run on control-plane nodes (CNI, kube-proxy, log collectors) needs this toleration.',
      );
    },
  },
  {
    key: 'node-role.kubernetes.io/master',
    effects: ['NoSchedule'],
    get description() {
      return t('Deprecated control-plane taint (kubeadm stopped adding it in 1.25). Tolerate `node-role.kubernetes.io/control-plane` as well.');
    },
  },
  {
    key: 'node.kubernetes.io/not-ready',
    effects: ['NoExecute', 'NoSchedule'],
    get description() {
      return t('The node is not ready (Ready condition False). NoSchedule is added while the node is not ready; NoExecute after the eviction grace period.');
    },
    autoTolerated: 'NoExecute',
  },
  {
    key: 'node.kubernetes.io/unreachable',
    effects: ['NoExecute', 'NoSchedule'],
    get description() {
      return t('The node controller cannot reach the node (Ready condition Unknown).');
    },
    autoTolerated: 'NoExecute',
  },
  {
    key: 'node.kubernetes.io/disk-pressure',
    effects: ['NoSchedule'],
    get description() {
      return t('The node reports disk pressure.');
    },
    autoTolerated: 'NoSchedule',
  },
  {
    key: 'node.kubernetes.io/memory-pressure',
    effects: ['NoSchedule'],
    get description() {
      return t('The node reports memory pressure.');
    },
    autoTolerated: 'NoSchedule',
  },
  {
    key: 'node.kubernetes.io/pid-pressure',
    effects: ['NoSchedule'],
    get description() {
      return t('The node reports PID pressure.');
    },
    autoTolerated: 'NoSchedule',
  },
  {
    key: 'node.kubernetes.io/unschedulable',
    effects: ['NoSchedule'],
    get description() {
      return t('The node is cordoned (`spec.unschedulable: true`).');
    },
    autoTolerated: 'NoSchedule',
  },
  {
    key: 'node.kubernetes.io/network-unavailable',
    effects: ['NoSchedule'],
    get description() {
      return t("The node's network is not configured yet (a CNI agent has not started).");
    },
    get autoTolerated() {
      return t('NoSchedule (only for hostNetwork pods)');
    },
  },
  {
    key: 'node.cloudprovider.kubernetes.io/uninitialized',
    effects: ['NoSchedule'],
    get description() {
      return t(
        'Set by the kubelet when started with an external cloud provider, until the cloud controller initialises the node. Node agents that must run before that need this toleration.',
      );
    },
  },
  {
    key: 'node.kubernetes.io/out-of-service',
    effects: ['NoExecute', 'NoSchedule'],
    get description() {
      return t('Set by an administrator on a node that is shut down, to force-delete its pods.');
    },
  },
  {
    key: 'nvidia.com/gpu',
    effects: ['NoSchedule', 'NoExecute', 'PreferNoSchedule'],
    get description() {
      return t('Common taint on GPU node pools (GKE, AKS, the GPU Operator docs). GPU device plugins and monitors need to tolerate it.');
    },
  },
  {
    key: 'CriticalAddonsOnly',
    effects: ['NoSchedule', 'NoExecute'],
    get description() {
      return t('Reserves nodes for critical add-ons (EKS, AKS system pools). Usually tolerated with `operator: Exists`.');
    },
  },
];

export const PRIORITY_CLASSES = [
  {
    value: 'system-node-critical',
    get description() {
      return t(
        'Highest built-in priority (2000001000): for pods that must run on every node (CNI, kube-proxy, CSI node plugins). Only allowed in kube-system unless a ResourceQuota permits it elsewhere.',
      );
    },
  },
  {
    value: 'system-cluster-critical',
    get description() {
      return t(
        'Built-in priority 2000000000: for cluster-wide critical add-ons (DNS, metrics). Only allowed in kube-system unless a ResourceQuota permits it elsewhere.',
      );
    },
  },
];

export function knownLabel(key: string): KnownLabel | undefined {
  return WELL_KNOWN_LABELS.find((l) => l.key === key);
}

export function knownTaint(key: string): KnownTaint | undefined {
  return WELL_KNOWN_TAINTS.find((t) => t.key === key);
}
