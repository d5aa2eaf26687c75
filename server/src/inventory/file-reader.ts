/**
 * The I/O edge of inventory files: each file is checked (a regular file, or a link to one; within
 * the size bound) and read with that bound, then all are parsed together in the parsing worker
 * (`parse-worker.ts`), so a large file never holds the event loop and a hostile one can only
 * exhaust the worker's own heap. Past a bound the error names the file, its size or count, and
 * the bound; the caller (the server) falls back to the sample and says why.
 */
import path from 'node:path';
import type { Inventory } from '../placement/types';
import { t } from '../l10n';
import { BoundedReadError, formatBytes, readFileBounded } from './bounded-read';
import { InventoryFileError, type ParsedInventory } from './file';
import { runInWorker } from './worker';

/**
 * Bounds of an inventory, from Kubernetes' own scale: the largest clusters it supports (and its
 * scalability tests run) have 5,000 nodes and 150,000 pods
 * (https://kubernetes.io/docs/setup/best-practices/cluster-large/). `kubectl get nodes -o yaml`
 * prints some 5–10 KiB per node (labels, conditions, up to 50 images), so 5,000 nodes fit in
 * 50 MiB; a file past that is not an inventory a placement preview can use.
 */
export const INVENTORY_LIMITS = {
  maxBytes: 50 * 1024 * 1024,
  maxNodes: 5000,
  maxPods: 150_000,
  /** Parsing 50 MiB of YAML takes some 20 s on a laptop; a worker past this is stopped. */
  timeoutMs: 120_000,
} as const;

export interface LoadOptions {
  /** Refuse files larger than this many bytes before reading them. Default 50 MiB. */
  maxBytes?: number;
  maxNodes?: number;
  maxPods?: number;
}

/**
 * Reads one or more inventory files (nodes, and optionally pods in the same or a separate file)
 * into one Inventory. Throws `InventoryFileError` naming the file when a file is unreadable,
 * refused (type, size, node or pod count) or malformed, or when none of the files holds a Node.
 */
export async function loadInventoryFiles(paths: string[], options: LoadOptions = {}): Promise<Inventory> {
  if (paths.length === 0) throw new Error('no inventory file given');
  const maxBytes = options.maxBytes ?? INVENTORY_LIMITS.maxBytes;
  const maxNodes = options.maxNodes ?? INVENTORY_LIMITS.maxNodes;
  const maxPods = options.maxPods ?? INVENTORY_LIMITS.maxPods;
  const files: { fileName: string; bytes: Uint8Array }[] = [];
  let newest = 0;
  let total = 0;
  for (const p of paths) {
    let read;
    try {
      read = await readFileBounded(p, { maxBytes });
    } catch (e) {
      if (e instanceof BoundedReadError) throw new InventoryFileError(p, e.detail);
      throw e;
    }
    total += read.bytes.length;
    // Several files are one inventory: together they are bounded too.
    if (total > maxBytes)
      throw new InventoryFileError(p, t('the inventory files together are too large ({0}; the limit is {1})', formatBytes(total), formatBytes(maxBytes)));
    newest = Math.max(newest, read.stat.mtimeMs);
    files.push({ fileName: path.basename(p), bytes: read.bytes });
  }
  const name = files.map((f) => f.fileName).join(' + ');
  const reply = await runInWorker({ kind: 'inventory', files, maxNodes, maxPods }, INVENTORY_LIMITS.timeoutMs).catch((e: Error) => {
    throw new InventoryFileError(name, e.message);
  });
  if (!reply.ok) {
    const { file, detail, line, column, limit } = reply.error;
    if (limit?.what === 'nodes')
      throw new InventoryFileError(file, t('more than {0} nodes (Kubernetes supports clusters of up to {0} nodes); the inventory is not used', limit.limit));
    if (limit?.what === 'pods')
      throw new InventoryFileError(file, t('more than {0} pods (Kubernetes supports clusters of up to {0} pods); the inventory is not used', limit.limit));
    throw new InventoryFileError(file || name, detail, line, column);
  }
  const merged = reply.inventory as ParsedInventory;
  if (merged.nodes.length === 0) throw new InventoryFileError(name, `no Node objects found in ${name}`);
  return {
    source: 'file',
    name,
    nodes: merged.nodes,
    pods: merged.pods,
    ...(merged.priorityClasses ? { priorityClasses: merged.priorityClasses } : {}),
    // The newest file's modification time: roughly when the snapshot was taken.
    fetchedAt: new Date(newest).toISOString(),
    messages: merged.messages,
  };
}
