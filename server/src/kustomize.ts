/**
 * Edge I/O: is a file listed as a patch by a kustomization.yaml in its directory? Such a file
 * is a partial object, so missing-required checks are off for it.
 *
 * The kustomization is a file nobody chose to open, so it never costs the diagnostics pass more
 * than a `stat` per candidate name: it is read only when it is a regular file (a link to
 * /dev/zero, a FIFO or a directory is refused unopened) of at most `MAX_KUSTOMIZATION_BYTES`,
 * with that bound, off the event loop; a small one is parsed at once, a larger one in the parsing
 * worker. What it lists is cached per version of the file (device, inode, size, times). Until a
 * kustomization is known, and when it is refused or is not YAML, it lists nothing: the document
 * gets its diagnostics as a whole object, `learned(file)` says when the answer for a file changed
 * (to check it again), and `warn` says once per version why a kustomization was not read.
 */
import path from 'node:path';
import { BoundedReadError, checkFileSync, decodeUtf8, fsRefusal, readFileBounded } from './inventory/bounded-read';
import { kustomizationPatches } from './inventory/parse-worker';
import { runInWorker } from './inventory/worker';
import { t } from './l10n';

/**
 * Real kustomizations are a few KiB (a list of resources and patches); 1 MiB is far above any of
 * them and still parses in seconds, in the worker.
 */
export const MAX_KUSTOMIZATION_BYTES = 1024 * 1024;
/** Up to this size a kustomization is parsed on the spot (a millisecond or so); larger ones in the worker. */
const INLINE_PARSE_BYTES = 16 * 1024;
const WORKER_TIMEOUT_MS = 30_000;
const NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
/** Kustomizations remembered at once (one per directory with open files). */
const CACHE_SIZE = 256;

interface Entry {
  /** The version of the file the patches are for ('' while the first read is under way). */
  version: string;
  patches: ReadonlySet<string>;
  /** The version being read, and the files that asked meanwhile (with the answer they got). */
  loading?: { version: string; done: Promise<void>; waiting: Map<string, boolean> };
}

const EMPTY: ReadonlySet<string> = new Set();

export interface KustomizeEvents {
  /** Why a kustomization was not read (not a regular file, too large, unreadable); once per version. */
  warn?: (message: string) => void;
  /** The answer for `file` (an absolute path) changed since it was last asked: check it again. */
  learned?: (file: string) => void;
}

export class KustomizePatches {
  private readonly cache = new Map<string, Entry>();

  constructor(private readonly events: KustomizeEvents = {}) {}

  /** What is known now; an unknown or changed kustomization is read in the background. */
  isPatch(file: string): boolean {
    const resolved = path.resolve(file);
    return this.candidates(resolved).some((k) => this.lookup(k, resolved).has(resolved));
  }

  /** The answer once every kustomization beside the file is read (for the CLI). */
  async whenKnown(file: string): Promise<boolean> {
    const resolved = path.resolve(file);
    for (const k of this.candidates(resolved)) {
      this.lookup(k, resolved);
      await this.cache.get(k)?.loading?.done;
    }
    return this.isPatch(resolved);
  }

  private candidates(resolved: string): string[] {
    const dir = path.dirname(resolved);
    return NAMES.map((n) => path.join(dir, n));
  }

  private lookup(kustomization: string, asking: string): ReadonlySet<string> {
    let version: string;
    try {
      const st = checkFileSync(kustomization, { maxBytes: MAX_KUSTOMIZATION_BYTES });
      version = `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
    } catch (e) {
      // No kustomization here: the common case, and nothing to say.
      if (e instanceof BoundedReadError && e.reason === 'missing') {
        this.cache.delete(kustomization);
        return EMPTY;
      }
      const refusal = e instanceof BoundedReadError ? e : fsRefusal(kustomization, e);
      this.refuse(kustomization, `refused:${refusal.detail}`, refusal);
      return EMPTY;
    }
    const entry = this.cache.get(kustomization) ?? this.remember(kustomization, { version: '', patches: EMPTY });
    if (entry.version === version) return entry.patches;
    // Unknown or changed: answer from what is known (nothing, or the previous version) while reading.
    if (entry.loading?.version !== version) entry.loading = { version, done: this.load(kustomization, entry, version), waiting: new Map() };
    entry.loading.waiting.set(asking, entry.patches.has(asking));
    return entry.patches;
  }

  private refuse(kustomization: string, version: string, refusal: BoundedReadError): void {
    if (this.cache.get(kustomization)?.version === version) return;
    this.events.warn?.(t('{0} was not read: {1}', kustomization, refusal.detail));
    this.remember(kustomization, { version, patches: EMPTY });
  }

  private async load(kustomization: string, entry: Entry, version: string): Promise<void> {
    let patches: string[] = [];
    try {
      const { bytes } = await readFileBounded(kustomization, { maxBytes: MAX_KUSTOMIZATION_BYTES });
      if (bytes.length <= INLINE_PARSE_BYTES) patches = kustomizationPatches(decodeUtf8(bytes));
      else {
        const reply = await runInWorker({ kind: 'kustomization', bytes }, WORKER_TIMEOUT_MS);
        if (reply.ok) patches = reply.patches ?? [];
      }
    } catch (e) {
      // Swapped or grown since the check, or the worker gave up: say so; it lists nothing.
      const detail = e instanceof BoundedReadError ? e.detail : (e as Error).message;
      this.events.warn?.(t('{0} was not read: {1}', kustomization, detail));
    }
    const loading = entry.loading;
    if (loading?.version !== version) return; // a newer version is being read
    const dir = path.dirname(kustomization);
    entry.patches = new Set(patches.map((p) => path.resolve(dir, p)));
    entry.version = version;
    entry.loading = undefined;
    for (const [file, answered] of loading.waiting) if (entry.patches.has(file) !== answered) this.events.learned?.(file);
  }

  private remember(kustomization: string, entry: Entry): Entry {
    this.cache.delete(kustomization);
    this.cache.set(kustomization, entry);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return entry;
  }
}

const shared = new KustomizePatches();

/** Whether a kustomization beside `file` lists it as a patch, once it is read (tests, scripts). */
export function isKustomizePatch(file: string): Promise<boolean> {
  return shared.whenKnown(file);
}
