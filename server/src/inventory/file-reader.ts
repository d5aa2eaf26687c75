/** The I/O edge of inventory files: stat, size guard, read, then the pure parser in `file.ts`. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Inventory } from '../placement/types';
import { DEFAULT_MAX_CHARS, InventoryFileError, mergeParsed, parseInventoryText, type ParsedInventory } from './file';

export interface LoadOptions {
  /** Refuse files larger than this many bytes before reading them. Default 64 MiB. */
  maxBytes?: number;
}

/**
 * Reads one or more inventory files (nodes, and optionally pods in the same or a separate file)
 * into one Inventory. Throws `InventoryFileError` naming the file when a file is unreadable or
 * malformed, or when none of the files holds a Node.
 */
export async function loadInventoryFiles(paths: string[], options: LoadOptions = {}): Promise<Inventory> {
  if (paths.length === 0) throw new Error('no inventory file given');
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_CHARS;
  const parts: { fileName: string; parsed: ParsedInventory }[] = [];
  let newest = 0;
  for (const p of paths) {
    const fileName = path.basename(p);
    let stat;
    try {
      stat = await fs.stat(p);
    } catch (e) {
      throw new InventoryFileError(p, describeFsError(e));
    }
    if (!stat.isFile()) throw new InventoryFileError(p, 'not a regular file');
    if (stat.size > maxBytes) {
      throw new InventoryFileError(
        p,
        `file is too large (${(stat.size / 1024 / 1024).toFixed(1)} MiB; the limit is ${(maxBytes / 1024 / 1024).toFixed(1)} MiB)`,
      );
    }
    newest = Math.max(newest, stat.mtimeMs);
    let text: string;
    try {
      text = await fs.readFile(p, 'utf8');
    } catch (e) {
      throw new InventoryFileError(p, describeFsError(e));
    }
    parts.push({ fileName, parsed: parseInventoryText(text, fileName, { maxChars: maxBytes }) });
  }
  const merged = mergeParsed(parts);
  const name = parts.map((p) => p.fileName).join(' + ');
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

function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return 'file not found';
  if (err.code === 'EACCES') return 'permission denied';
  if (err.code === 'EISDIR') return 'is a directory, not a file';
  return err.message ?? String(e);
}
