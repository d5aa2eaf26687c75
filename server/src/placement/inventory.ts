/**
 * Facts about an inventory as a whole, independent of any DaemonSet: how messages name it, and
 * which labels and taints its nodes carry (for completion, hover and the unknown-label rule).
 */
import { list } from '../util/list';
import { taintString } from '../k8s/taints';
import { t } from '../l10n';
import type { Inventory } from './types';

/** Label keys and taints on an inventory's nodes, with how many nodes carry each. */
export interface InventoryHints {
  /** Label key → value → number of nodes. */
  labels: Map<string, Map<string, number>>;
  /** Distinct taints, most frequent first. */
  taints: { key: string; value?: string; effect: string; count: number }[];
  /** How messages name the inventory ("the sample cluster"). */
  inventoryName: string;
}

/** A short name for messages: "the sample cluster", "inventory nodes.yaml", "cluster kind-dev". */
export function inventoryLabel(inventory: Inventory): string {
  switch (inventory.source) {
    case 'sample':
      // The bundled sample is named 'sample cluster' (inventory/sample.ts).
      return inventory.name === 'sample cluster' ? t('the sample cluster') : t('the {0}', inventory.name);
    case 'file':
      return t('inventory {0}', inventory.name);
    default:
      return inventory.stale ? t('cluster {0} (stale)', inventory.name) : t('cluster {0}', inventory.name);
  }
}

const hintsCache = new WeakMap<Inventory, Omit<InventoryHints, 'inventoryName'>>();

/**
 * The hints of an inventory. The labels and taints are counted once per inventory object (as
 * prepareInventory indexes it once) and shared by every caller: read them, do not change them.
 */
export function inventoryHints(inventory: Inventory): InventoryHints {
  let counted = hintsCache.get(inventory);
  if (!counted) hintsCache.set(inventory, (counted = countLabelsAndTaints(inventory)));
  // The name follows the locale and the inventory's staleness: worded on every call.
  return { labels: counted.labels, taints: counted.taints, inventoryName: inventoryLabel(inventory) };
}

function countLabelsAndTaints(inventory: Inventory): Omit<InventoryHints, 'inventoryName'> {
  const labels = new Map<string, Map<string, number>>();
  const taints = new Map<string, { key: string; value?: string; effect: string; count: number }>();
  for (const node of list(inventory.nodes)) {
    for (const [k, v] of Object.entries((node?.metadata?.labels ?? {}) as Record<string, unknown>)) {
      if (typeof v !== 'string') continue;
      let vals = labels.get(k);
      if (!vals) labels.set(k, (vals = new Map()));
      vals.set(v, (vals.get(v) ?? 0) + 1);
    }
    for (const taint of list(node?.spec?.taints)) {
      if (typeof taint?.key !== 'string' || typeof taint?.effect !== 'string') continue;
      const id = taintString(taint);
      const e = taints.get(id);
      if (e) e.count++;
      else taints.set(id, { key: taint.key, value: taint.value || undefined, effect: taint.effect, count: 1 });
    }
  }
  return { labels, taints: [...taints.values()].sort((a, b) => b.count - a.count) };
}
