/**
 * Edge I/O: reading a file the server or the CLI opens on its own (a kustomization beside a
 * manifest, an inventory file, a kubeconfig, a manifest found by walking a directory) without
 * trusting it. The file must be a regular file (a symbolic link counts only when its target is
 * one: FIFOs, devices such as /dev/zero, sockets and directories are refused before they are
 * opened), no larger than a bound, and is read with that bound: at most bound + 1 bytes, even when
 * it grows or is swapped between the check and the read. A refusal is a `BoundedReadError` that
 * names the file and says why (its type, or its size and the bound).
 */
import { constants, fstatSync, lstatSync, openSync, closeSync, readSync, statSync, promises as fsp, type Stats } from 'node:fs';
import { t } from '../l10n';

export type RefusalReason = 'missing' | 'not-regular' | 'too-large' | 'unreadable';

export class BoundedReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: RefusalReason,
    /** Why, without the file name: "not a regular file (a character device)". */
    readonly detail: string,
    readonly size?: number,
    readonly limit?: number,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'BoundedReadError';
  }
}

/** The read is refused past this many bytes. */
export interface ReadBound {
  maxBytes: number;
}

// O_NONBLOCK: a FIFO swapped in after the check cannot block the open (no effect on a regular
// file). O_NOCTTY: a terminal never becomes the controlling one. Both are absent on Windows.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** `1.5 MiB`, `12 KiB`, `800 bytes`. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  if (n >= 1024) return `${Math.ceil(n / 1024)} KiB`;
  return t('{0} bytes', n);
}

function typeOf(st: Stats): string {
  if (st.isDirectory()) return t('a directory');
  if (st.isCharacterDevice()) return t('a character device');
  if (st.isBlockDevice()) return t('a block device');
  if (st.isFIFO()) return t('a named pipe (FIFO)');
  if (st.isSocket()) return t('a socket');
  return t('not a file');
}

function notRegular(file: string, target: Stats, linked: boolean): BoundedReadError {
  const what = linked ? t('a symbolic link to {0}', typeOf(target)) : typeOf(target);
  return new BoundedReadError(file, 'not-regular', t('not a regular file ({0})', what));
}

function tooLarge(file: string, size: number, limit: number, grew = false): BoundedReadError {
  const detail = grew
    ? t('file is too large (it grew past the limit of {0} while being read)', formatBytes(limit))
    : t('file is too large ({0}; the limit is {1})', formatBytes(size), formatBytes(limit));
  return new BoundedReadError(file, 'too-large', detail, size, limit);
}

/** An fs error as a refusal with a short reason (a symlink loop and a dangling link say so). */
export function fsRefusal(file: string, e: unknown): BoundedReadError {
  const err = e as NodeJS.ErrnoException;
  if (err instanceof BoundedReadError) return err;
  switch (err?.code) {
    case 'ENOENT': {
      let dangling = false;
      try {
        dangling = lstatSync(file).isSymbolicLink();
      } catch {
        // missing altogether
      }
      return new BoundedReadError(file, 'missing', dangling ? t('a symbolic link to a file that does not exist') : t('file not found'));
    }
    case 'ELOOP':
      return new BoundedReadError(file, 'unreadable', t('too many levels of symbolic links (a symbolic link loop)'));
    case 'EACCES':
    case 'EPERM':
      return new BoundedReadError(file, 'unreadable', t('permission denied'));
    case 'EISDIR':
      return new BoundedReadError(file, 'not-regular', t('not a regular file ({0})', t('a directory')));
    default:
      return new BoundedReadError(file, 'unreadable', String(err?.message ?? e));
  }
}

/** Whether the path itself is a symbolic link (for the message only). */
function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * The checks before opening: stat (following a link) says what the file is. Throws a
 * `BoundedReadError` for anything but a regular file within the bound.
 */
export function checkFileSync(file: string, bound: ReadBound): Stats {
  let st: Stats;
  try {
    st = statSync(file);
  } catch (e) {
    throw fsRefusal(file, e);
  }
  if (!st.isFile()) throw notRegular(file, st, isLink(file));
  if (st.size > bound.maxBytes) throw tooLarge(file, st.size, bound.maxBytes);
  return st;
}

/** A buffer growing as needed, never past `cap` bytes. */
function grow(buf: Uint8Array<ArrayBuffer>, cap: number): Uint8Array<ArrayBuffer> {
  const next = new Uint8Array(Math.min(cap, Math.max(buf.length * 2, 64 * 1024)));
  next.set(buf);
  return next;
}

/**
 * Reads a regular file of at most `maxBytes` bytes. The bytes come in a fresh (transferable)
 * `Uint8Array`; `stat` is the opened file's own.
 */
export function readFileBoundedSync(file: string, bound: ReadBound): { bytes: Uint8Array<ArrayBuffer>; stat: Stats } {
  checkFileSync(file, bound);
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (e) {
    throw fsRefusal(file, e);
  }
  try {
    // What was opened is what counts: the path may have been swapped since the check.
    const st = fstatSync(fd);
    if (!st.isFile()) throw notRegular(file, st, isLink(file));
    if (st.size > bound.maxBytes) throw tooLarge(file, st.size, bound.maxBytes);
    const cap = bound.maxBytes + 1;
    let buf: Uint8Array<ArrayBuffer> = new Uint8Array(Math.min(cap, st.size + 1));
    let total = 0;
    for (;;) {
      if (total === buf.length) {
        if (buf.length === cap) break;
        buf = grow(buf, cap);
      }
      const n = readSync(fd, buf, total, buf.length - total, null);
      if (n === 0) break;
      total += n;
    }
    if (total > bound.maxBytes) throw tooLarge(file, total, bound.maxBytes, true);
    return { bytes: buf.subarray(0, total), stat: st };
  } catch (e) {
    throw fsRefusal(file, e);
  } finally {
    closeSync(fd);
  }
}

/** `readFileBoundedSync` without blocking the event loop (each step on libuv's thread pool). */
export async function readFileBounded(file: string, bound: ReadBound): Promise<{ bytes: Uint8Array<ArrayBuffer>; stat: Stats }> {
  let st: Stats;
  try {
    st = await fsp.stat(file);
  } catch (e) {
    throw fsRefusal(file, e);
  }
  if (!st.isFile()) throw notRegular(file, st, isLink(file));
  if (st.size > bound.maxBytes) throw tooLarge(file, st.size, bound.maxBytes);
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(file, OPEN_FLAGS);
  } catch (e) {
    throw fsRefusal(file, e);
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) throw notRegular(file, opened, isLink(file));
    if (opened.size > bound.maxBytes) throw tooLarge(file, opened.size, bound.maxBytes);
    const cap = bound.maxBytes + 1;
    let buf: Uint8Array<ArrayBuffer> = new Uint8Array(Math.min(cap, opened.size + 1));
    let total = 0;
    for (;;) {
      if (total === buf.length) {
        if (buf.length === cap) break;
        buf = grow(buf, cap);
      }
      const { bytesRead } = await handle.read(buf, total, buf.length - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    if (total > bound.maxBytes) throw tooLarge(file, total, bound.maxBytes, true);
    return { bytes: buf.subarray(0, total), stat: opened };
  } catch (e) {
    throw fsRefusal(file, e);
  } finally {
    await handle.close();
  }
}

/** The bytes as text (UTF-8; a byte order mark is dropped, invalid bytes become U+FFFD). */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}
