/**
 * List-then-watch for one resource, the way client-go's reflector does it: a paged list gives the
 * objects and a resourceVersion, a watch from that resourceVersion keeps them current, a 410 Gone
 * (expired resourceVersion or continue token) means list again.
 *
 * Every retry — a failed request, a 5xx or 429, 410 Gone, a watch that ends at once or after one
 * event — waits for the one Backoff (./backoff.ts), whose count resets only once a watch has stayed
 * healthy for `healthyAfterMs`; so no server behaviour can make this loop spin. Failures (not 410,
 * not a short watch: the data stays current through those) are reported as stale; "recovered"
 * follows only a healthy watch, so a server whose lists work and watches fail stays stale instead
 * of flipping on every retry. A change is reported only when the objects really changed.
 *
 * Bounds: at most `maxObjects` objects and `maxPages` pages per list (a continue chain that never
 * ends), at most `maxObjects` kept through watch events; past them a ClusterError('limit').
 */
import { createHash } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { t } from '../l10n';
import { getJson, watch, type WatchEvent } from './api-client';
import { Backoff } from './backoff';
import { ClusterError, limitError, malformedError } from './cluster-errors';
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
  /** Most objects a list may hold (and the watch may add up to). */
  maxObjects: number;
  watchTimeoutSeconds: number;
  /** A watch without any event for this long is dead (the server ignored timeoutSeconds, or the network did). */
  watchIdleTimeoutMs: number;
  minRetryMs: number;
  maxRetryMs: number;
  /** A watch open this long without failing resets the backoff and ends a stale period. */
  healthyAfterMs: number;
  /** Random source for the backoff's jitter (tests). */
  random?: () => number;
  /** After a list (changed: the objects differ from before) or a watch event that changed them. */
  onChange(changed: boolean): void;
  /** The list/watch failed; a retry follows after `retryInMs`. */
  onError(err: ClusterError, retryInMs: number): void;
  /** Current again after a failure (a list succeeded and the watch after it stayed healthy). */
  onRecovered(): void;
}

/** Thrown inside the event handler to end a watch that must be replaced by a fresh list. */
class Gone extends Error {}

/**
 * What a change is: the object without its resourceVersion and heartbeat times, and without the
 * kind/apiVersion that watch events carry and list items do not.
 */
function fingerprint(obj: any): string {
  const json = JSON.stringify({ ...obj, kind: undefined, apiVersion: undefined }, (k, v) =>
    k === 'resourceVersion' || k === 'lastHeartbeatTime' || k === 'managedFields' ? undefined : v,
  );
  return createHash('sha1').update(json).digest('base64');
}

/** managedFields are large and irrelevant to placement: not kept (the snapshot drops them too). */
function slim(obj: any): any {
  if (obj?.metadata?.managedFields === undefined) return obj;
  const { managedFields: _dropped, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

export class Reflector {
  readonly objects = new Map<string, any>();
  private readonly prints = new Map<string, string>();
  private resourceVersion = '';
  private readonly abort = new AbortController();
  private running?: Promise<void>;
  private failing = false;
  /** The last failure was a silent watch: only an event proves the next one alive. */
  private silentSuspect = false;
  private readonly backoff: Backoff;

  constructor(
    private readonly target: ClusterTarget,
    private readonly opts: ReflectorOptions,
  ) {
    this.backoff = new Backoff({ baseMs: opts.minRetryMs, capMs: opts.maxRetryMs, random: opts.random });
  }

  get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  /** Pages one list may take: enough for `maxObjects` in full pages, twice over (pages may come short). */
  get maxPages(): number {
    return 2 * Math.ceil(this.opts.maxObjects / this.opts.pageSize) + 1;
  }

  /** The initial paged list; throws ClusterError so the caller can decide (e.g. nodes-only on 403). */
  async list(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.listPages();
        this.backoff.reset();
        return;
      } catch (e) {
        // The continue token expired between pages: start over, twice at most, after the backoff.
        if (e instanceof ClusterError && e.kind === 'gone' && attempt < 2) {
          await this.pause(this.backoff.next());
          if (this.stopped) throw e;
          continue;
        }
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

  private tooMany(): ClusterError {
    return limitError(
      t(
        'The cluster at {0} sent more than {1} {2}, more than Kubernetes supports in one cluster; they were not loaded (context {3})',
        this.target.server,
        this.opts.maxObjects,
        this.opts.resource,
        this.target.context,
      ),
    );
  }

  private async listPages(): Promise<void> {
    const items = new Map<string, any>();
    let token = '';
    let resourceVersion: string;
    let seen = 0;
    for (let page = 0; ; page++) {
      if (page >= this.maxPages) {
        throw limitError(
          t(
            'The cluster at {0} answered GET {1} with more than {2} pages (a continue chain that does not end); the list was abandoned (context {3})',
            this.target.server,
            this.opts.path,
            this.maxPages,
            this.target.context,
          ),
        );
      }
      const extra = `limit=${this.opts.pageSize}${token ? `&continue=${encodeURIComponent(token)}` : ''}`;
      const list = await getJson(this.target, this.query(extra), { timeoutMs: this.opts.timeoutMs, resource: this.opts.resource, signal: this.abort.signal });
      if (!list || typeof list !== 'object' || !Array.isArray(list.items)) {
        throw malformedError(this.target, 'GET', this.opts.path, `expected a list with items, got ${describe(list)}`);
      }
      seen += list.items.length;
      if (seen > this.opts.maxObjects) throw this.tooMany();
      for (const obj of list.items) {
        if (obj && typeof obj === 'object' && (!this.opts.keep || this.opts.keep(obj))) items.set(this.opts.key(obj), slim(obj));
      }
      resourceVersion = String(list.metadata?.resourceVersion ?? '');
      token = typeof list.metadata?.continue === 'string' ? list.metadata.continue : '';
      if (!token) break;
    }
    let changed = items.size !== this.objects.size;
    const prints = new Map<string, string>();
    for (const [k, v] of items) {
      const print = fingerprint(v);
      prints.set(k, print);
      if (!changed && this.prints.get(k) !== print) changed = true;
    }
    this.objects.clear();
    this.prints.clear();
    for (const [k, v] of items) {
      this.objects.set(k, v);
      this.prints.set(k, prints.get(k)!);
    }
    this.resourceVersion = resourceVersion;
    this.opts.onChange(changed);
  }

  private pause(ms: number): Promise<void> {
    return delay(ms, undefined, { signal: this.abort.signal }).catch(() => undefined);
  }

  /** The watch has proven itself: the backoff starts over, and a stale period ends. */
  private healthy(): void {
    if (this.silentSuspect || this.stopped) return;
    this.backoff.reset();
    if (this.failing) {
      this.failing = false;
      this.opts.onRecovered();
    }
  }

  private async loop(listFirst: boolean): Promise<void> {
    let needList = listFirst;
    while (!this.stopped) {
      let wait = 0;
      let healthyTimer: NodeJS.Timeout | undefined;
      try {
        if (needList) {
          await this.listPages();
          needList = false;
        }
        const started = Date.now();
        healthyTimer = setTimeout(() => this.healthy(), this.opts.healthyAfterMs);
        await watch(
          this.target,
          this.query(
            `watch=1&allowWatchBookmarks=true&timeoutSeconds=${this.opts.watchTimeoutSeconds}&resourceVersion=${encodeURIComponent(this.resourceVersion)}`,
          ),
          {
            timeoutMs: this.opts.timeoutMs,
            idleTimeoutMs: this.opts.watchIdleTimeoutMs,
            resource: this.opts.resource,
            signal: this.abort.signal,
            onEvent: (ev) => {
              this.apply(ev);
              if (this.silentSuspect) {
                this.silentSuspect = false;
                if (Date.now() - started >= this.opts.healthyAfterMs) this.healthy();
              }
            },
          },
        );
        // The server ended the watch. After a healthy while that is routine (its timeoutSeconds):
        // watch again at once. Sooner, it is a server that ends watches at once or after an event:
        // the data is still current, but the next watch waits for the backoff.
        if (Date.now() - started >= this.opts.healthyAfterMs) this.healthy();
        else wait = this.backoff.next();
      } catch (e) {
        if (this.stopped) return;
        if (e instanceof Gone || (e instanceof ClusterError && e.kind === 'gone')) {
          // Routine (not stale): list again, after the backoff so a server answering 410 every time cannot spin us.
          needList = true;
          wait = this.backoff.next();
        } else {
          const err = e instanceof ClusterError ? e : new ClusterError('malformed', String((e as Error)?.message ?? e));
          if (err.kind === 'timeout' && /\(watch, silent\)/.test(err.message)) this.silentSuspect = true;
          this.failing = true;
          needList = true;
          wait = this.backoff.next(err.retryAfterMs);
          this.opts.onError(err, wait);
        }
      } finally {
        clearTimeout(healthyTimer);
      }
      if (wait > 0) await this.pause(wait);
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
    if (ev.type === 'DELETED' || (this.opts.keep && !this.opts.keep(ev.object))) {
      const had = this.objects.delete(key);
      this.prints.delete(key);
      this.opts.onChange(had);
      return;
    }
    const obj = slim(ev.object);
    const print = fingerprint(obj);
    const changed = this.prints.get(key) !== print;
    if (!this.objects.has(key) && this.objects.size >= this.opts.maxObjects) throw this.tooMany();
    this.objects.set(key, obj);
    this.prints.set(key, print);
    this.opts.onChange(changed);
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return `an object${typeof (v as any).kind === 'string' ? ` of kind ${(v as any).kind}` : ''} without items`;
  return `a ${typeof v}`;
}
