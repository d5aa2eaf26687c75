/**
 * Long work in slices: a language service's steps run on the event loop for about `SLICE_MS` at
 * a time, then yield (setImmediate) so that requests arriving meanwhile are answered, then go on.
 * Nothing is lost by stopping: every analysed document stays in the service's cache.
 */

/** How long one slice may hold the event loop, ms (at least one step always runs). */
export const SLICE_MS = 20;

export interface SliceOptions {
  /** Checked before every slice: true abandons the work (a newer version, a closed document). */
  stop?: () => boolean;
  /** Give up after this many ms (the answer is then undefined). */
  deadlineMs?: number;
  /** Called once when the work needed more than one slice. */
  onLong?: () => void;
}

/** Runs `steps` to the end in slices; undefined when stopped or past the deadline. */
export function runInSlices<T>(steps: Iterator<void, T, void>, options: SliceOptions = {}): Promise<T | undefined> {
  const started = performance.now();
  let slices = 0;
  return new Promise<T | undefined>((resolve, reject) => {
    const slice = () => {
      try {
        if (options.stop?.()) return resolve(undefined);
        const now = performance.now();
        if (options.deadlineMs !== undefined && now - started > options.deadlineMs) return resolve(undefined);
        if (++slices === 2) options.onLong?.();
        const until = now + SLICE_MS;
        for (;;) {
          const r = steps.next();
          if (r.done) return resolve(r.value);
          if (performance.now() >= until) break;
        }
        setImmediate(slice);
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    };
    slice();
  });
}
