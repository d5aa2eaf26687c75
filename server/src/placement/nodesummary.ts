/** What the placement panel shows about a node besides the verdict (DaemonSet-independent). */
import { list } from '../util/list';
import type { NodePlacement } from './types';

export type NodeSummary = Pick<NodePlacement, 'roles' | 'os' | 'arch' | 'zone' | 'ready' | 'unschedulable' | 'labels' | 'taints'>;

export function label(labels: Record<string, string>, ...keys: string[]): string | undefined {
  for (const k of keys) if (labels[k]) return labels[k];
  return undefined;
}

export function nodeRoles(labels: Record<string, string>): string[] {
  const roles = new Set<string>();
  for (const k of Object.keys(labels)) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    }
  }
  if (labels['kubernetes.io/role']) roles.add(labels['kubernetes.io/role']);
  return [...roles].sort();
}

export function readyStatus(node: any): NodePlacement['ready'] {
  const c = list(node?.status?.conditions).find((x: any) => x?.type === 'Ready');
  return c?.status === 'True' ? 'True' : c?.status === 'False' ? 'False' : 'Unknown';
}

export function summarizeNode(node: any): NodeSummary {
  const labels: Record<string, string> = node?.metadata?.labels ?? {};
  return {
    roles: nodeRoles(labels),
    os: label(labels, 'kubernetes.io/os', 'beta.kubernetes.io/os') ?? node?.status?.nodeInfo?.operatingSystem,
    arch: label(labels, 'kubernetes.io/arch', 'beta.kubernetes.io/arch') ?? node?.status?.nodeInfo?.architecture,
    zone: label(labels, 'topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone'),
    ready: readyStatus(node),
    unschedulable: node?.spec?.unschedulable === true,
    labels,
    taints: list(node?.spec?.taints),
  };
}
