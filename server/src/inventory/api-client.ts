/**
 * The smallest Kubernetes API client that does what we need: GET a JSON list, GET a watch stream.
 * Only GET exists here on purpose — the inventory is strictly read-only. Every request has a bound:
 * a deadline for a complete list response, a deadline for the watch's response headers, then an
 * idle bound while streaming; and every answer has a size bound (a list response's bytes, a watch
 * line's bytes), so a hostile or broken server costs at most that much memory.
 */
import http from 'node:http';
import https from 'node:https';
import { t } from '../l10n';
import { ClusterError, fromHttpStatus, fromNetworkError, limitError, malformedError, timeoutError } from './cluster-errors';
import type { ClusterTarget } from './kubeconfig';

const MiB = 1024 * 1024;
/**
 * 64 MiB per list response. A page is `limit=500` objects: 500 fat pods or nodes (managedFields,
 * 50 images) are 5–20 MiB, so this leaves a margin of 3× or more, and bounds what one page can cost
 * (the bytes, their string and the parsed objects) to a few hundred MiB instead of gigabytes.
 */
export const MAX_RESPONSE_BYTES = 64 * MiB;
/**
 * One watch line is one event, i.e. one object; etcd refuses objects over 1.5 MiB
 * (--max-request-bytes), so 16 MiB is far above any real Node or Pod.
 */
export const MAX_WATCH_LINE_BYTES = 16 * MiB;

export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: any;
}

/** `/api/v1/nodes` + query → full URL, keeping a server path prefix. */
function urlFor(target: ClusterTarget, pathAndQuery: string): URL {
  const base = trimTrailingSlashes(target.url.pathname);
  const [p, q] = pathAndQuery.split('?', 2);
  const url = new URL(target.url.href);
  url.pathname = base + p;
  url.search = q ? `?${q}` : '';
  return url;
}

/** The path without its query, for messages. */
function shortPath(pathAndQuery: string): string {
  return pathAndQuery.split('?', 1)[0];
}

function isAbort(err: unknown): boolean {
  return (err as Error)?.name === 'AbortError';
}

async function open(target: ClusterTarget, pathAndQuery: string, signal?: AbortSignal): Promise<http.ClientRequest> {
  const options = await target.requestOptions();
  const url = urlFor(target, pathAndQuery);
  const mod = url.protocol === 'http:' ? http : https;
  return mod.request(url, {
    ...options,
    method: 'GET',
    headers: { ...(options.headers ?? {}), Accept: 'application/json', 'User-Agent': 'daemonset-tools/inventory' },
    signal,
  });
}

/** GET a JSON document. Rejects with ClusterError (or an AbortError when `signal` aborts). */
export async function getJson(target: ClusterTarget, pathAndQuery: string, opts: { timeoutMs: number; resource: string; signal?: AbortSignal }): Promise<any> {
  const path = shortPath(pathAndQuery);
  const req = await open(target, pathAndQuery, opts.signal);
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (err: unknown, value?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) {
        req.destroy();
        reject(err);
      } else resolve(value);
    };
    const timer = setTimeout(() => finish(timeoutError(target, 'GET', path, opts.timeoutMs)), opts.timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) => finish(isAbort(err) ? err : fromNetworkError(err, target, 'GET', path)));
    req.on('response', (res) => {
      readBody(
        res,
        MAX_RESPONSE_BYTES,
        (err, body) => {
          if (err) return finish(err instanceof ClusterError ? err : fromNetworkError(err as NodeJS.ErrnoException, target, 'GET', path));
          const status = res.statusCode ?? 0;
          const parsed = tryParse(body!);
          if (status < 200 || status > 299) {
            if (status === 401) target.invalidateCredentials?.();
            return finish(
              fromHttpStatus(
                status,
                res.statusMessage ?? '',
                parsed.ok ? parsed.value : undefined,
                target,
                'GET',
                path,
                opts.resource,
                res.headers['retry-after'],
              ),
            );
          }
          if (!parsed.ok) return finish(malformedError(target, 'GET', path, parsed.error));
          finish(undefined, parsed.value);
        },
        () =>
          limitError(
            t(
              'The cluster at {0} sent more than {1} MiB in answer to GET {2}; the response was not read further (context {3})',
              target.server,
              MAX_RESPONSE_BYTES / MiB,
              path,
              target.context,
            ),
          ),
      );
    });
    req.end();
  });
}

function readBody(res: http.IncomingMessage, max: number, done: (err: unknown, body?: string) => void, tooLarge: () => ClusterError): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let failed = false;
  res.on('data', (chunk: Buffer) => {
    if (failed) return;
    size += chunk.length;
    if (size > max) {
      failed = true;
      res.destroy();
      done(tooLarge());
      return;
    }
    chunks.push(chunk);
  });
  res.on('end', () => {
    if (!failed) done(undefined, Buffer.concat(chunks).toString('utf8'));
  });
  res.on('error', (err) => {
    if (!failed) {
      failed = true;
      done(err);
    }
  });
  // A server that closes mid-body: 'aborted' then 'close' without 'end'.
  res.on('close', () => {
    if (!failed && !res.complete) {
      failed = true;
      done(Object.assign(new Error('the connection closed before the response was complete'), { code: 'ECONNRESET' }));
    }
  });
}

function tryParse(body: string): { ok: true; value: any } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (e) {
    const start = body.trimStart().slice(0, 40).replace(/\s+/g, ' ');
    return { ok: false, error: `${(e as Error).message}${start ? ` (the response starts with ${JSON.stringify(start)})` : ' (empty response)'}` };
  }
}

export interface WatchOptions {
  /** Bound for the response headers to arrive. */
  timeoutMs: number;
  /** Bound for silence while streaming (the server closes a watch after its timeoutSeconds anyway). */
  idleTimeoutMs: number;
  resource: string;
  signal?: AbortSignal;
  onEvent(event: WatchEvent): void;
}

/**
 * GET a watch stream (newline-delimited JSON events). Resolves when the server ends the stream
 * normally; rejects with ClusterError on failures, or with the error thrown by `onEvent`.
 */
export async function watch(target: ClusterTarget, pathAndQuery: string, opts: WatchOptions): Promise<void> {
  const path = shortPath(pathAndQuery);
  const req = await open(target, pathAndQuery, opts.signal);
  return new Promise((resolve, reject) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (err?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) {
        req.destroy();
        reject(err);
      } else resolve();
    };
    const arm = (ms: number, what: () => ClusterError) => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(what()), ms);
    };
    arm(opts.timeoutMs, () => timeoutError(target, 'GET', `${path} (watch)`, opts.timeoutMs));
    req.on('error', (err: NodeJS.ErrnoException) => finish(isAbort(err) ? err : fromNetworkError(err, target, 'GET', path)));
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      if (status < 200 || status > 299) {
        readBody(
          res,
          MiB,
          (err, body) => {
            const parsed = err ? undefined : tryParse(body!);
            if (status === 401) target.invalidateCredentials?.();
            finish(
              fromHttpStatus(
                status,
                res.statusMessage ?? '',
                parsed?.ok ? parsed.value : undefined,
                target,
                'GET',
                path,
                opts.resource,
                res.headers['retry-after'],
              ),
            );
          },
          () => malformedError(target, 'GET', path, 'error response too large'),
        );
        return;
      }
      // Only complete events count as signs of life: a server trickling bytes (or blank lines) into
      // a line that never ends must not keep a dead watch looking alive.
      const idle = () => arm(opts.idleTimeoutMs, () => timeoutError(target, 'GET', `${path} (watch, silent)`, opts.idleTimeoutMs));
      idle();
      // The unfinished line as a list of chunks, joined once when its newline arrives: linear in
      // the bytes received (appending to one string and searching it again per chunk is quadratic).
      const pending: Buffer[] = [];
      let pendingBytes = 0;
      const tooLong = () =>
        finish(
          limitError(
            t(
              'The cluster at {0} sent a watch line (one event) longer than {1} MiB on GET {2}; the watch was closed (context {3})',
              target.server,
              MAX_WATCH_LINE_BYTES / MiB,
              path,
              target.context,
            ),
          ),
        );
      res.on('data', (chunk: Buffer) => {
        if (settled) return;
        let start = 0;
        for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, start)) {
          const tail = chunk.subarray(start, nl);
          start = nl + 1;
          if (pendingBytes + tail.length > MAX_WATCH_LINE_BYTES) return tooLong();
          const line = pending.length ? Buffer.concat([...pending, tail], pendingBytes + tail.length) : tail;
          pending.length = 0;
          pendingBytes = 0;
          const text = line.toString('utf8').trim();
          if (!text) continue;
          if (!deliver(text)) return;
          idle();
        }
        if (start < chunk.length) {
          pendingBytes += chunk.length - start;
          if (pendingBytes > MAX_WATCH_LINE_BYTES) return tooLong();
          pending.push(chunk.subarray(start));
        }
      });
      res.on('end', () => {
        const text = pending.length ? Buffer.concat(pending, pendingBytes).toString('utf8').trim() : '';
        if (text && !deliver(text)) return;
        finish();
      });
      res.on('error', (err: NodeJS.ErrnoException) => finish(isAbort(err) ? err : fromNetworkError(err, target, 'GET', path)));
      res.on('close', () => {
        if (!res.complete) finish(fromNetworkError(Object.assign(new Error('the watch connection was closed'), { code: 'ECONNRESET' }), target, 'GET', path));
      });
    });
    /** false when the watch is finished (bad event or handler failure). */
    function deliver(line: string): boolean {
      const parsed = tryParse(line);
      if (!parsed.ok) {
        finish(malformedError(target, 'GET', `${path} (watch)`, parsed.error));
        return false;
      }
      const ev = parsed.value;
      if (!ev || typeof ev.type !== 'string' || typeof ev.object !== 'object' || ev.object === null) {
        finish(malformedError(target, 'GET', `${path} (watch)`, 'an event without type/object'));
        return false;
      }
      try {
        opts.onEvent(ev as WatchEvent);
      } catch (e) {
        finish(e);
        return false;
      }
      return true;
    }
    req.end();
  });
}

function trimTrailingSlashes(p: string): string {
  let end = p.length;
  while (end > 0 && p[end - 1] === '/') end--;
  return p.slice(0, end);
}
