/**
 * The one retry policy of the cluster client. Every retry path (a failed request, a 5xx or 429, a
 * watch that ends at once or after one event, 410 Gone on a watch or on a continue token) asks
 * this for its delay, so no path can spin.
 *
 * Exponential with jitter and a cap: after the n-th consecutive failure the delay is drawn from
 * [d/2, d] with d = min(cap, base·2^(n-1)) — "equal jitter": the spread that keeps many clients
 * from reconnecting in step after an API server restart, with a floor so that a run of unlucky
 * draws near zero cannot turn into a burst (full jitter's [0, d] can). A server's Retry-After is
 * honoured, within the cap. The count resets once a watch has stayed healthy for `healthyAfterMs`.
 */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  /** Random source in [0, 1) (tests). */
  random?: () => number;
}

export class Backoff {
  private failures = 0;

  constructor(private readonly opts: BackoffOptions) {}

  /** Consecutive failures so far. */
  get count(): number {
    return this.failures;
  }

  /** Records a failure and returns how long to wait before the next attempt. */
  next(retryAfterMs?: number): number {
    this.failures++;
    const ceiling = Math.min(this.opts.capMs, this.opts.baseMs * 2 ** Math.min(this.failures - 1, 30));
    const random = this.opts.random ?? Math.random;
    const jittered = Math.round(ceiling / 2 + (random() * ceiling) / 2);
    const serverAsked = retryAfterMs !== undefined && Number.isFinite(retryAfterMs) && retryAfterMs > 0 ? Math.min(retryAfterMs, this.opts.capMs) : 0;
    return Math.max(jittered, serverAsked);
  }

  reset(): void {
    this.failures = 0;
  }
}
