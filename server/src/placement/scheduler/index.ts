/**
 * The Filter plugins of kube-scheduler 1.36's default profile, in the profile's order
 * (pkg/scheduler/apis/config/v1/default_plugins.go), as far as they judge a DaemonSet's pod:
 * volume, topology-spread, inter-pod-affinity and DRA filters are not modelled.
 */
import type { FilterPlugin } from './framework';
import { plugin as nodeAffinity } from './nodeAffinity';
import { plugin as nodeName } from './nodeName';
import { plugin as nodePorts } from './nodePorts';
import { plugin as nodeResourcesFit } from './nodeResourcesFit';
import { plugin as nodeUnschedulable } from './nodeUnschedulable';
import { plugin as taintToleration } from './taintToleration';

export const DEFAULT_FILTER_PLUGINS: readonly FilterPlugin[] = [nodeUnschedulable, nodeName, taintToleration, nodeAffinity, nodePorts, nodeResourcesFit];

/**
 * What the DaemonSet controller checks itself before it creates a pod (NodeShouldRunDaemonPod's
 * `predicates`: node name, node affinity, NoSchedule/NoExecute taints). A node that fails them
 * gets no pod; the reasons are worded by the same plugins.
 */
export const CONTROLLER_PLUGINS: readonly FilterPlugin[] = [nodeName, nodeAffinity, taintToleration];

export { preFilter, type CycleState, type FilterPlugin, type FilterResult, type FitArgs } from './framework';
