/** Inventory → a `kind: List` YAML file that `parseInventoryText` reads back. Pure. */
import { stringify } from 'yaml';
import type { Inventory } from '../placement/types';

/**
 * Writes nodes, pods, then PriorityClasses as one `v1 List`, the shape `kubectl get nodes,pods,priorityclasses -o yaml` prints.
 * managedFields are dropped (large, and irrelevant to placement). Keys stay in API order;
 * YAML 1.1 quoting keeps timestamps and "yes"/"no"-like values strings for every reader.
 */
export function snapshotToFile(inventory: Inventory): string {
  const items = [
    ...inventory.nodes.map((n) => withKind(n, 'Node')),
    ...inventory.pods.map((p) => withKind(p, 'Pod')),
    ...(inventory.priorityClasses ?? []).map((pc) => withKind(pc, 'PriorityClass', 'scheduling.k8s.io/v1')),
  ];
  const header = [
    `# Inventory snapshot of ${oneLine(inventory.name)} (${inventory.source})${inventory.fetchedAt ? `, taken ${inventory.fetchedAt}` : ''}${inventory.stale ? ' (stale)' : ''}.`,
    `# ${inventory.nodes.length} nodes, ${inventory.pods.length} pods. Use it as an inventory file.`,
  ].join('\n');
  const body = stringify(
    { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items },
    {
      indentSeq: false,
      lineWidth: 0,
      version: '1.1',
      aliasDuplicateObjects: false,
    },
  );
  return `${header}\n${body}`;
}

function withKind(obj: any, kind: 'Node' | 'Pod' | 'PriorityClass', apiVersion = 'v1'): any {
  const { metadata, ...rest } = obj ?? {};
  const { managedFields: _dropped, ...meta } = metadata ?? {};
  return { apiVersion: obj?.apiVersion ?? apiVersion, kind: obj?.kind ?? kind, metadata: meta, ...rest };
}

function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, ' ');
}
