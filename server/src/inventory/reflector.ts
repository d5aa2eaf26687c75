/**
 * List-then-watch for one resource, the way client-go's reflector does it: a paged list gives the
 * objects and a resourceVersion, a watch from that resourceVersion keeps them current, a 410 Gone
 * (expired resourceVersion or continue token) means list again. Failures are reported and retried
 * with exponential backoff; the last good objects stay available meanwhile.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { getJson, watch, type WatchEvent } from './api-client';
import { ClusterError, malformedError } from './cluster-errors';
import type { ClusterTarget } from './kubeconfig';

export interface ReflectorOptions {
  /** `nodes` or `pods` (for messages). */
  resource: string;
  /** `/api/v1/nodes` */
  path: string;
  /** Extra query, e.g. `fieldSelector=…` (applied to list and watch alike). */
  query?: string;
  /** Objects to keep (e.g. pods that are not terminated). */
  keep?: (obj: any) => boolean;
  key: (obj: any) => string;
  timeoutMs: number;
  pageSize: number;
  watchTimeoutSeconds: number;
  minRetryMs: number;
  maxRetryMs: number;
  /** A change to the objects (list replaced, or a watch event applied). */
  onChange(): void;
  /** The list/watch failed; a retry follows after `retryInMs`. */
  onError(err: ClusterError, retryInMs: number): void;
  /** A list succeeded after a failure (the data is current again). */
  onRecovered(): void;
}

/** Thrown inside the event handler to end a watch that must be replaced by a fresh list. */
class Gone extends Error {}

export class Reflector {
  readonly objects = new Map<string, any>();
  private resourceVersion = '';
  private readonly abort = new AbortController();
  private running?: Promise<void>;
  private failing = false;

  constructor(
    private readonly target: ClusterTarget,
    private readonly opts: ReflectorOptions,
  ) {}

  get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  /** The initial paged list; throws ClusterError so the caller can decide (e.g. nodes-only on 403). */
  async list(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.listPages();
        return;
      } catch (e) {
        // The continue token expired between pages: start over, once or twice.
        if (e instanceof ClusterError && e.kind === 'gone' && attempt < 2) continue;
        throw e;
      }
    }
  }

  /** Watch forever (until stop), re-listing when needed; `listFirst` after a failed initial list. */
  startWatching(listFirst = false): void {
    if (listFirst) this.failing = true;
    this.running ??= this.loop(listFirst).catch(() => undefined);
  }

  stop(): Promise<void> {
    this.abort.abort();
    return this.running ?? Promise.resolve();
  }

  private query(extra: string): string {
    const q = [this.opts.query, extra].filter(Boolean).join('&');
    return `${this.opts.path}?${q}`;
  }

  private async listPages(): Promise<void> {
    const items = new Map<string, any>();
    let token = '';
    let resourceVersion = '';
    for (let page = 0; page < 100_000; page++) {
      const extra = `limit=${this.opts.pageSize}${token ? `&continue=${encodeURIComponent(token)}` : ''}`;
      const list = await getJson(this.target, this.query(extra), { timeoutMs: this.opts.timeoutMs, resource: this.opts.resource, signal: this.abort.signal });
      if (!list || typeof list !== 'object' || !Array.isArray(list.items)) {
        throw malformedError(this.target, 'GET', this.opts.path, `expected a list with items, got ${describe(list)}`);
      }
      for (const obj of list.items) {
        if (obj && typeof obj === 'object' && (!this.opts.keep || this.opts.keep(obj))) items.set(this.opts.key(obj), obj);
      }
      resourceVersion = String(list.metadata?.resourceVersion ?? '');
      token = typeof list.metadata?.continue === 'string' ? list.metadata.continue : '';
      if (!token) break;
    }
    this.objects.clear();
    for (const [k, v] of items) this.objects.set(k, v);
    this.resourceVersion = resourceVersion;
    this.opts.onChange();
  }

  private async loop(listFirst: boolean): Promise<void> {
    let needList = listFirst;
    let backoff = this.opts.minRetryMs;
    while (!this.stopped) {
      try {
        if (needList) {
          await this.listPages();
          needList = false;
          backoff = this.opts.minRetryMs;
          if (this.failing) {
            this.failing = false;
            this.opts.onRecovered();
          }
        }
        const started = Date.now();
        let events = 0;
        await watch(
          this.target,
          this.query(
            `watch=1&allowWatchBookmarks=true&timeoutSeconds=${this.opts.watchTimeoutSeconds}&resourceVersion=${encodeURIComponent(this.resourceVersion)}`,
          ),
          {
            timeoutMs: this.opts.timeoutMs,
            idleTimeoutMs: this.opts.watchTimeoutSeconds * 1000 + this.opts.timeoutMs,
            resource: this.opts.resource,
            signal: this.abort.signal,
            onEvent: (ev) => {
              events++;
              this.apply(ev);
            },
          },
        );
        // A server that ends watches at once would make this loop spin: pace it.
        if (events === 0 && Date.now() - started < this.opts.minRetryMs) await delay(this.opts.minRetryMs, undefined, { signal: this.abort.signal });
      } catch (e) {
        if (this.stopped) return;
        if (e instanceof Gone || (e instanceof ClusterError && e.kind === 'gone')) {
          needList = true;
          continue;
        }
        const err = e instanceof ClusterError ? e : new ClusterError('malformed', String((e as Error)?.message ?? e));
        this.failing = true;
        needList = true;
        this.opts.onError(err, backoff);
        try {
          await delay(backoff, undefined, { signal: this.abort.signal });
        } catch {
          return;
        }
        backoff = Math.min(backoff * 2, this.opts.maxRetryMs);
      }
    }
  }

  private apply(ev: WatchEvent): void {
    if (ev.type === 'ERROR') {
      const code = ev.object?.code;
      if (code === 410) throw new Gone();
      throw new ClusterError(
        'http',
        `watch on ${this.opts.resource} failed: ${code ?? ''} ${ev.object?.message ?? ev.object?.reason ?? 'unknown error'} (context ${this.target.context})`.replace(
          /\s+/g,
          ' ',
        ),
        code,
      );
    }
    const rv = ev.object?.metadata?.resourceVersion;
    if (typeof rv === 'string' && rv) this.resourceVersion = rv;
    if (ev.type === 'BOOKMARK') return;
    if (ev.type !== 'ADDED' && ev.type !== 'MODIFIED' && ev.type !== 'DELETED') return;
    const key = this.opts.key(ev.object);
    if (ev.type === 'DELETED' || (this.opts.keep && !this.opts.keep(ev.object))) this.objects.delete(key);
    else this.objects.set(key, ev.object);
    this.opts.onChange();
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return `an object${typeof (v as any).kind === 'string' ? ` of kind ${(v as any).kind}` : ''} without items`;
  return `a ${typeof v}`;
}
