/**
 * The Filter plugins of kube-scheduler 1.36's default profile, in the profile's order
 * (pkg/scheduler/apis/config/v1/default_plugins.go: NodeUnschedulable, NodeName, TaintToleration,
 * NodeAffinity, NodePorts, NodeResourcesFit, VolumeRestrictions, NodeVolumeLimits, VolumeBinding,
 * VolumeZone, PodTopologySpread, InterPodAffinity, DynamicResources), as far as they judge a
 * DaemonSet's pod: the volume, topology-spread and DRA filters are not modelled. SchedulingGates,
 * the profile's first plugin, acts before any filter (PreEnqueue): see schedulingGates.ts.
 */
import type { FilterPlugin } from './framework';
import { plugin as interPodAffinity } from './interPodAffinity';
import { plugin as nodeAffinity } from './nodeAffinity';
import { plugin as nodeName } from './nodeName';
import { plugin as nodePorts } from './nodePorts';
import { plugin as nodeResourcesFit } from './nodeResourcesFit';
import { plugin as nodeUnschedulable } from './nodeUnschedulable';
import { plugin as taintToleration } from './taintToleration';

export const DEFAULT_FILTER_PLUGINS: readonly FilterPlugin[] = [
  nodeUnschedulable,
  nodeName,
  taintToleration,
  nodeAffinity,
  nodePorts,
  nodeResourcesFit,
  interPodAffinity,
];

/**
 * What the DaemonSet controller checks itself before it creates a pod (NodeShouldRunDaemonPod's
 * `predicates`: node name, node affinity, NoSchedule/NoExecute taints). A node that fails them
 * gets no pod; the reasons are worded by the same plugins.
 */
export const CONTROLLER_PLUGINS: readonly FilterPlugin[] = [nodeName, nodeAffinity, taintToleration];

/**
 * What the kubelet checks when a pod names its node itself (spec.nodeName bypasses the scheduler):
 * the node-local filters, not inter-pod affinity, which only the scheduler evaluates.
 */
export const KUBELET_ADMIT_PLUGINS: readonly FilterPlugin[] = DEFAULT_FILTER_PLUGINS.filter((p) => p !== interPodAffinity);

export {
  addPodToState,
  failingPlugins,
  forkCycleState,
  passesAll,
  preFilter,
  removePodFromState,
  stateWithoutPods,
  type CycleState,
  type FilterPlugin,
  type FilterResult,
  type FitArgs,
  type ForkedCycleState,
  type PluginFailure,
} from './framework';
