/**
 * The smallest Kubernetes API client that does what we need: GET a JSON list, GET a watch stream.
 * Only GET exists here on purpose — the inventory is strictly read-only. Every request has a bound:
 * a deadline for a complete list response, a deadline for the watch's response headers, then an
 * idle bound while streaming.
 */
import http from 'node:http';
import https from 'node:https';
import { ClusterError, fromHttpStatus, fromNetworkError, malformedError, timeoutError } from './cluster-errors';
import type { ClusterTarget } from './kubeconfig';

/** 128 MiB: one page of 500 fat pods is a few MiB; anything near this is not a sane answer. */
const MAX_RESPONSE_BYTES = 128 * 1024 * 1024;
/** One watch event is one object; 16 MiB is far above any real Node or Pod. */
const MAX_EVENT_BYTES = 16 * 1024 * 1024;

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
            return finish(fromHttpStatus(status, res.statusMessage ?? '', parsed.ok ? parsed.value : undefined, target, 'GET', path, opts.resource));
          }
          if (!parsed.ok) return finish(malformedError(target, 'GET', path, parsed.error));
          finish(undefined, parsed.value);
        },
        () => malformedError(target, 'GET', path, `response larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB`),
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
          1024 * 1024,
          (err, body) => {
            const parsed = err ? undefined : tryParse(body!);
            finish(fromHttpStatus(status, res.statusMessage ?? '', parsed?.ok ? parsed.value : undefined, target, 'GET', path, opts.resource));
          },
          () => malformedError(target, 'GET', path, 'error response too large'),
        );
        return;
      }
      const idle = () => arm(opts.idleTimeoutMs, () => timeoutError(target, 'GET', `${path} (watch, silent)`, opts.idleTimeoutMs));
      idle();
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (settled) return;
        idle();
        buffer += chunk;
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl).trim();
          buffer = buffer.slice(nl + 1);
          if (line && !deliver(line)) return;
        }
        if (buffer.length > MAX_EVENT_BYTES)
          finish(malformedError(target, 'GET', `${path} (watch)`, `an event larger than ${MAX_EVENT_BYTES / 1024 / 1024} MiB`));
      });
      res.on('end', () => {
        if (buffer.trim() && !deliver(buffer.trim())) return;
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
