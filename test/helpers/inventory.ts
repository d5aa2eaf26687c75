/**
 * Small inventories for engine and remedy tests: Nodes and Pods as the API server returns them
 * (`kubectl get nodes,pods -o json`), only the fields the tests vary.
 */
import type { Inventory } from '../../server/src/placement/types';

export interface NodeOpts {
  labels?: Record<string, string>;
  taints?: { key: string; value?: string; effect: string }[];
  allocatable?: Record<string, string>;
  ready?: 'True' | 'False' | 'Unknown';
  unschedulable?: boolean;
}

/** A Ready Linux amd64 node with 4 cpu, 8Gi and 110 pods allocatable, labelled with its hostname. */
export function node(name: string, o: NodeOpts = {}): any {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', ...(o.labels ?? {}) },
    },
    spec: { ...(o.taints ? { taints: o.taints } : {}), ...(o.unschedulable ? { unschedulable: true } : {}) },
    status: {
      allocatable: o.allocatable ?? { cpu: '4', memory: '8Gi', pods: '110' },
      conditions: [{ type: 'Ready', status: o.ready ?? 'True' }],
    },
  };
}

export interface PodOpts {
  cpu?: string;
  memory?: string;
  priority?: number;
  priorityClassName?: string;
  hostPort?: number;
  startTime?: string;
  labels?: Record<string, string>;
  owner?: any;
  /** Extra pod spec fields (affinity, …). */
  spec?: Record<string, unknown>;
}

/** A Running, Ready pod bound to `nodeName`. */
export function pod(ns: string, name: string, nodeName: string, o: PodOpts = {}): any {
  const requests = { ...(o.cpu ? { cpu: o.cpu } : {}), ...(o.memory ? { memory: o.memory } : {}) };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { namespace: ns, name, ...(o.labels ? { labels: o.labels } : {}), ...(o.owner ? { ownerReferences: [o.owner] } : {}) },
    spec: {
      nodeName,
      ...(o.priority !== undefined ? { priority: o.priority } : {}),
      ...(o.priorityClassName ? { priorityClassName: o.priorityClassName } : {}),
      containers: [
        {
          name: 'c',
          image: 'i',
          resources: { requests },
          ...(o.hostPort ? { ports: [{ containerPort: o.hostPort, hostPort: o.hostPort }] } : {}),
        },
      ],
      ...(o.spec ?? {}),
    },
    status: { phase: 'Running', startTime: o.startTime ?? '2026-01-01T00:00:00Z', conditions: [{ type: 'Ready', status: 'True' }] },
  };
}

/** An inventory file's worth of nodes and pods. */
export function inventory(nodes: any[], pods: any[] = [], priorityClasses?: any[]): Inventory {
  return { source: 'file', name: 'test.yaml', nodes, pods, ...(priorityClasses ? { priorityClasses } : {}), messages: [] };
}
