/**
 * Live cluster inventory: list nodes and non-terminated pods (paged), then watch both; list the
 * PriorityClasses once (they change rarely, and only the pods' priorities and the DaemonSet's
 * class depend on them).
 *
 * Strictly read-only: the only requests are GET list/watch on /api/v1/nodes and /api/v1/pods, and
 * GET list on /apis/scheduling.k8s.io/v1/priorityclasses.
 *
 * Failure behaviour (the documented fallback):
 * - `start()` rejects with a ClusterError when the nodes cannot be listed (no kubeconfig, unknown
 *   context, unreachable, TLS, 401, 403 on nodes, timeout, malformed answer). The caller keeps the
 *   inventory it had (the bundled sample or an inventory file) and shows `error.message`.
 * - 403 on pods only: nodes-only inventory, with a message that host ports and resources of pods
 *   already on the nodes are not considered. Other pod failures degrade the same way, retried.
 * - PriorityClasses that cannot be listed (403, 404, any failure) leave `priorityClasses`
 *   undefined (unknown) with a message; the inventory itself never fails for them.
 * - After a successful start, a failing watch/re-list keeps the last data, marked `stale: true`
 *   (fetchedAt = when it was last known current) with the reason in `messages`, and retries with
 *   backoff; it emits a fresh, non-stale inventory once a re-list succeeded and the watch after it
 *   stayed healthy (so a server whose lists work and watches fail does not flip stale/fresh).
 * - A watch that stays silent (no event, not ended by the server after its timeoutSeconds) for
 *   `watchIdleTimeoutMs` counts as failed: stale, retried.
 * - `onChange` fires only when the nodes, pods or stale state (or the reason for it) changed, at
 *   most once per `notifyIntervalMs`; a re-list or an event that changes nothing is not news.
 *
 * Bounds (Kubernetes' own: the scalability thresholds a cluster is tested to, "no more than 5,000
 * nodes, no more than 150,000 total pods", https://kubernetes.io/docs/setup/best-practices/cluster-large/
 * and sig-scalability/configs-and-limits/thresholds.md): more nodes than MAX_NODES is refused
 * (start() rejects; later, the last good data stays, stale) rather than truncated, because a
 * truncated node set would answer "where does this DaemonSet run" wrongly without saying so; more
 * pods than MAX_PODS degrades to nodes only, with a message (as a 403 on pods does), and is not
 * retried (re-listing 150,000 pods every backoff period would load the API server). Pages per
 * list follow from these and the page size; bytes per response and per watch line are bounded in
 * api-client.ts.
 */
import type { Inventory } from '../placement/types';
import { ClusterError, formatMs } from './cluster-errors';
import { resolveTarget, type ClusterTarget, type KubeconfigSelection } from './kubeconfig';
import { Reflector } from './reflector';

/** Kubernetes' scalability threshold for nodes per cluster (see the header). */
export const MAX_NODES = 5_000;
/** Kubernetes' scalability threshold for pods per cluster (see the header). */
export const MAX_PODS = 150_000;
/** No Kubernetes threshold exists for PriorityClasses; a real cluster has a handful. */
const MAX_PRIORITY_CLASSES = 10_000;

export { listContexts } from './kubeconfig';
export { snapshotToFile } from './snapshot';
export { ClusterError } from './cluster-errors';

export interface ClusterSourceOptions extends KubeconfigSelection {
  /** Bound for each list page and for a watch's response headers. Default 10 s. */
  timeoutMs?: number;
  /** Items per list page (`limit`). Default 500, as kubectl. */
  pageSize?: number;
  /** Keep watching after the initial list. Default true. */
  watch?: boolean;
  /** Server-side watch duration (`timeoutSeconds`) before a routine re-watch. Default 60 s. */
  watchTimeoutSeconds?: number;
  /** A watch without events for this long is dead: stale, retried. Default watchTimeoutSeconds + 30 s. */
  watchIdleTimeoutMs?: number;
  /**
   * One backoff for every retry (failures, 410 Gone, watches that end at once): the n-th consecutive
   * retry waits a random time in [d/2, d], d = min(maxRetryMs, minRetryMs·2^(n-1)); a server's
   * Retry-After is honoured up to maxRetryMs. Defaults 1 s and 30 s.
   */
  minRetryMs?: number;
  maxRetryMs?: number;
  /** A watch open this long resets the backoff and ends a stale period. Default min(maxRetryMs, half the watch timeout). */
  healthyAfterMs?: number;
  /** At most one change notification per this interval (the rest are coalesced). Default 1 s. */
  notifyIntervalMs?: number;
  /** Most nodes / pods accepted (tests); defaults are Kubernetes' thresholds, and larger values are capped to them. */
  maxNodes?: number;
  maxPods?: number;
  /** Random source for the backoff's jitter (tests). */
  random?: () => number;
  /** Clock (tests). */
  now?: () => Date;
}

/** Pods in these phases no longer occupy their node; kubectl calls them terminated. */
export const NON_TERMINATED_PODS = 'status.phase!=Succeeded,status.phase!=Failed';

export class ClusterInventorySource {
  private target?: ClusterTarget;
  private nodes?: Reflector;
  private pods?: Reflector;
  private priorityClasses?: Reflector;
  private priorityClassesError?: string;
  private onChange?: (inv: Inventory) => void;
  private fetchedAt?: string;
  private nodesError?: string;
  private podsError?: string;
  private podsForbidden?: string;
  private nodesReason?: string;
  private podsReason?: string;
  /** The failure reasons last notified (the retry delay in the messages changes on every retry; that alone is not news). */
  private notifiedReasons = '';
  private emitScheduled?: NodeJS.Timeout;
  private lastEmit = 0;
  private started = false;
  /** start() has resolved: from now on changes are news. */
  private ready = false;
  private stopped = false;
  private readonly options: Required<Omit<ClusterSourceOptions, keyof KubeconfigSelection | 'random'>> & KubeconfigSelection & { random?: () => number };

  constructor(opts: ClusterSourceOptions = {}) {
    const watchTimeoutSeconds = opts.watchTimeoutSeconds ?? 60;
    const minRetryMs = opts.minRetryMs ?? 1_000;
    const maxRetryMs = Math.max(opts.maxRetryMs ?? 30_000, minRetryMs);
    this.options = {
      kubeconfigPath: opts.kubeconfigPath,
      context: opts.context,
      credentialTimeoutMs: opts.credentialTimeoutMs,
      timeoutMs: opts.timeoutMs ?? 10_000,
      pageSize: opts.pageSize ?? 500,
      watch: opts.watch ?? true,
      watchTimeoutSeconds,
      watchIdleTimeoutMs: opts.watchIdleTimeoutMs ?? watchTimeoutSeconds * 1000 + 30_000,
      minRetryMs,
      maxRetryMs,
      healthyAfterMs: opts.healthyAfterMs ?? Math.min(maxRetryMs, watchTimeoutSeconds * 500),
      notifyIntervalMs: opts.notifyIntervalMs ?? 1_000,
      maxNodes: Math.min(opts.maxNodes ?? MAX_NODES, MAX_NODES),
      maxPods: Math.min(opts.maxPods ?? MAX_PODS, MAX_PODS),
      random: opts.random,
      now: opts.now ?? (() => new Date()),
    };
  }

  /** The context in use (after start). */
  get context(): string | undefined {
    return this.target?.context;
  }

  /**
   * Lists nodes and pods, starts the watches, and resolves with the first inventory. Later changes
   * reach `onChange` (coalesced per event-loop turn). Rejects with ClusterError if nodes cannot be listed.
   */
  async start(onChange: (inv: Inventory) => void = () => undefined): Promise<Inventory> {
    if (this.started) throw new Error('ClusterInventorySource.start() called twice');
    this.started = true;
    this.onChange = onChange;
    const target = await resolveTarget(this.options);
    this.target = target;
    const common = {
      timeoutMs: this.options.timeoutMs,
      pageSize: this.options.pageSize,
      watchTimeoutSeconds: this.options.watchTimeoutSeconds,
      watchIdleTimeoutMs: this.options.watchIdleTimeoutMs,
      minRetryMs: this.options.minRetryMs,
      maxRetryMs: this.options.maxRetryMs,
      healthyAfterMs: this.options.healthyAfterMs,
      random: this.options.random,
    };
    this.nodes = new Reflector(target, {
      ...common,
      resource: 'nodes',
      path: '/api/v1/nodes',
      maxObjects: this.options.maxNodes,
      key: (n) => String(n?.metadata?.name ?? ''),
      onChange: (changed) => this.touch(changed),
      onError: (err, retryInMs) => {
        this.nodesError = `${err.message}; retrying in ${formatMs(retryInMs)}`;
        this.nodesReason = err.message;
        this.emitIfReasonsChanged();
      },
      onRecovered: () => {
        this.nodesError = this.nodesReason = undefined;
        this.touch(true);
      },
    });
    this.pods = new Reflector(target, {
      ...common,
      resource: 'pods',
      path: '/api/v1/pods',
      query: `fieldSelector=${encodeURIComponent(NON_TERMINATED_PODS)}`,
      // The selector already drops terminated pods; `keep` also drops pods a watch moves out of it.
      keep: (p) => p?.status?.phase !== 'Succeeded' && p?.status?.phase !== 'Failed',
      maxObjects: this.options.maxPods,
      key: (p) => `${p?.metadata?.namespace ?? ''}/${p?.metadata?.name ?? ''}`,
      onChange: (changed) => this.touch(changed),
      onError: (err, retryInMs) => {
        this.podsError = `${err.message}; retrying in ${formatMs(retryInMs)}`;
        this.podsReason = err.message;
        this.emitIfReasonsChanged();
      },
      onRecovered: () => {
        this.podsError = this.podsReason = undefined;
        this.touch(true);
      },
    });

    try {
      await this.nodes.list();
    } catch (e) {
      this.stop();
      throw e;
    }
    // Listed once, beside the pods; a failure costs only the priorities, never the inventory.
    this.priorityClasses = new Reflector(target, {
      ...common,
      resource: 'priorityclasses',
      path: '/apis/scheduling.k8s.io/v1/priorityclasses',
      maxObjects: MAX_PRIORITY_CLASSES,
      key: (pc) => String(pc?.metadata?.name ?? ''),
      onChange: () => undefined,
      onError: () => undefined,
      onRecovered: () => undefined,
    });
    const classesListed = this.priorityClasses.list().then(
      () => undefined,
      (e: unknown) => {
        if (!(e instanceof ClusterError)) return;
        const why = e.status === 404 ? `The cluster does not serve scheduling.k8s.io/v1 PriorityClasses (${e.message})` : e.message;
        this.priorityClassesError = `${why}. PriorityClasses are unknown: the priority of a pod naming a priorityClassName cannot be resolved.`;
      },
    );
    let watchPods = true;
    try {
      await this.pods.list();
    } catch (e) {
      if (!(e instanceof ClusterError)) throw e;
      if (e.kind === 'forbidden' || e.kind === 'limit') {
        watchPods = false;
        this.podsForbidden = `${e.message}. Showing nodes only: pods already on the nodes (their host ports and resource requests) are not taken into account.`;
      } else {
        this.podsError = `Could not list pods: ${e.message}. Showing nodes only until it works again.`;
        this.podsReason = this.podsError;
      }
    }
    await classesListed;
    if (this.stopped) throw new ClusterError('config', 'stopped before the first list completed');
    if (this.options.watch) {
      this.nodes.startWatching();
      // A pods list that failed for a transient reason is retried by the watch loop (it re-lists first).
      if (watchPods) this.pods.startWatching(this.podsError !== undefined);
    }
    // The change notifications of the initial lists are not news to the caller.
    this.cancelEmit();
    this.notifiedReasons = this.reasons();
    this.ready = true;
    return this.snapshot();
  }

  /** The current inventory (undefined before the first successful list). */
  current(): Inventory | undefined {
    return this.nodes && this.fetchedAt ? this.snapshot() : undefined;
  }

  /** Ends all requests and watches; no callback fires afterwards. */
  stop(): Promise<void> {
    this.stopped = true;
    this.cancelEmit();
    return Promise.all([this.nodes?.stop(), this.pods?.stop(), this.priorityClasses?.stop()]).then(() => undefined);
  }

  private touch(changed: boolean): void {
    if (!this.nodesError && !this.podsError) this.fetchedAt = this.options.now().toISOString();
    if (changed) this.scheduleEmit();
  }

  /** Why the data is stale (without the retry delays): a change here is news, a new delay is not. */
  private reasons(): string {
    return [this.nodesReason ?? '', this.podsReason ?? ''].join('\n');
  }

  private emitIfReasonsChanged(): void {
    if (this.reasons() !== this.notifiedReasons) this.scheduleEmit();
  }

  /** Coalesces notifications: the first at once (next turn), then at most one per notifyIntervalMs. */
  private scheduleEmit(): void {
    if (this.stopped || !this.ready || this.emitScheduled) return;
    const wait = Math.max(0, this.lastEmit + this.options.notifyIntervalMs - Date.now());
    this.emitScheduled = setTimeout(() => {
      this.emitScheduled = undefined;
      if (this.stopped) return;
      this.lastEmit = Date.now();
      this.notifiedReasons = this.reasons();
      this.onChange?.(this.snapshot());
    }, wait);
  }

  private cancelEmit(): void {
    clearTimeout(this.emitScheduled);
    this.emitScheduled = undefined;
  }

  private snapshot(): Inventory {
    const target = this.target!;
    const nodes = [...this.nodes!.objects.values()].sort((a, b) => String(a.metadata?.name).localeCompare(String(b.metadata?.name)));
    const pods = this.podsForbidden ? [] : [...this.pods!.objects.values()].filter((p) => typeof p?.spec?.nodeName === 'string' && p.spec.nodeName !== '');
    const messages: string[] = [];
    if (target.skipTLSVerify) messages.push(`TLS verification is disabled for ${target.server} (insecure-skip-tls-verify in the kubeconfig).`);
    if (this.podsForbidden) messages.push(this.podsForbidden);
    if (this.priorityClassesError) messages.push(this.priorityClassesError);
    const stale = Boolean(this.nodesError || this.podsError);
    if (this.nodesError) messages.push(`${this.nodesError}. Showing the nodes as of ${this.fetchedAt}.`);
    if (this.podsError) messages.push(this.podsError);
    return {
      source: 'cluster',
      name: target.context,
      nodes,
      pods,
      ...(this.priorityClasses && !this.priorityClassesError ? { priorityClasses: [...this.priorityClasses.objects.values()] } : {}),
      fetchedAt: this.fetchedAt,
      ...(stale ? { stale: true } : {}),
      messages,
    };
  }
}
