/**
 * The parsing worker (dist/parse-worker.js): YAML and JSON that the server or the CLI read on
 * their own — inventory files, a large kustomization — are parsed here, in a worker thread with a
 * heap limit of its own, so a large or hostile file costs this thread's time and memory, never
 * the event loop that answers completion and hover. One job per worker: bytes in (transferred,
 * not copied), plain data out. The host side is `worker.ts`.
 */
import { isMainThread, parentPort } from 'node:worker_threads';
import { parse } from 'yaml';
import { decodeUtf8 } from './bounded-read';
import { InventoryFileError, InventoryLimitError, mergeParsed, parseInventoryText, type ParsedInventory } from './file';

export type ParseJob =
  { kind: 'inventory'; files: { fileName: string; bytes: Uint8Array }[]; maxNodes: number; maxPods: number } | { kind: 'kustomization'; bytes: Uint8Array };

export interface JobError {
  file: string;
  detail: string;
  line?: number;
  column?: number;
  limit?: { what: 'nodes' | 'pods'; limit: number };
}

export type JobReply = { ok: true; inventory?: ParsedInventory; patches?: string[] } | { ok: false; error: JobError };

/** Nodes and pods travel in chunks before the reply: each is copied into the receiving thread as one short task, not one long one. */
export interface JobChunk {
  chunk: 'nodes' | 'pods';
  items: any[];
}
const CHUNK = 200;

/** Runs one job (also callable on the main thread, e.g. for tiny texts). Never throws. */
export function runJob(job: ParseJob): JobReply {
  try {
    if (job.kind === 'kustomization') return { ok: true, patches: kustomizationPatches(decodeUtf8(job.bytes)) };
    const limits = { maxNodes: job.maxNodes, maxPods: job.maxPods };
    const parts = job.files.map(({ fileName, bytes }) => ({
      fileName,
      parsed: parseInventoryText(decodeUtf8(bytes), fileName, { maxChars: Infinity, ...limits }),
    }));
    const merged = mergeParsed(parts);
    const name = parts.map((p) => p.fileName).join(' + ');
    // Each file within the bounds, the files together maybe not.
    if (merged.nodes.length > job.maxNodes) throw new InventoryLimitError(name, 'nodes', job.maxNodes);
    if (merged.pods.length > job.maxPods) throw new InventoryLimitError(name, 'pods', job.maxPods);
    // What placement never reads stays here: the main thread's copy of the reply (structured
    // clone) costs time on its event loop, and node images are most of a `kubectl get nodes` export.
    for (const n of merged.nodes) slim(n, true);
    for (const p of merged.pods) slim(p, false);
    return { ok: true, inventory: merged };
  } catch (e) {
    if (e instanceof InventoryLimitError) return { ok: false, error: { file: e.file, detail: e.message, limit: { what: e.what, limit: e.limit } } };
    if (e instanceof InventoryFileError) {
      const detail = e.message.slice(e.message.indexOf(': ') + 2);
      return { ok: false, error: { file: e.file, detail, line: e.line, column: e.column } };
    }
    return { ok: false, error: { file: '', detail: String((e as Error)?.message ?? e) } };
  }
}

/** Drops `metadata.managedFields` (server-side apply bookkeeping) and a node's `status.images` (the image cache; no filter plugin reads it). */
function slim(o: any, node: boolean): void {
  if (o.metadata && typeof o.metadata === 'object') delete o.metadata.managedFields;
  if (node && o.status && typeof o.status === 'object') delete o.status.images;
}

/** The paths a kustomization lists as patches (`patches`, `patchesStrategicMerge`, `patchesJson6902`), as written. */
export function kustomizationPatches(text: string): string[] {
  let k: any;
  try {
    k = parse(text, { maxAliasCount: 50 });
  } catch {
    // Not YAML: kustomize will say so; it lists nothing here.
    return [];
  }
  const out: string[] = [];
  for (const key of ['patches', 'patchesStrategicMerge', 'patchesJson6902']) {
    if (!Array.isArray(k?.[key])) continue;
    for (const p of k[key]) {
      if (typeof p === 'string') out.push(p);
      else if (p && typeof p === 'object' && typeof p.path === 'string') out.push(p.path);
    }
  }
  return out;
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  port.once('message', (job: ParseJob) => {
    const reply = runJob(job);
    if (!reply.ok || !reply.inventory) return port.postMessage(reply);
    const { nodes, pods } = reply.inventory;
    for (let i = 0; i < nodes.length; i += CHUNK) port.postMessage({ chunk: 'nodes', items: nodes.slice(i, i + CHUNK) } satisfies JobChunk);
    for (let i = 0; i < pods.length; i += CHUNK) port.postMessage({ chunk: 'pods', items: pods.slice(i, i + CHUNK) } satisfies JobChunk);
    port.postMessage({ ...reply, inventory: { ...reply.inventory, nodes: [], pods: [] } });
  });
}
