/**
 * A loopback Kubernetes API server for tests: real HTTPS on 127.0.0.1 with a certificate made by
 * the openssl CLI at test time, bearer-token auth, and the list/watch protocol for /api/v1/nodes,
 * /api/v1/pods and /apis/scheduling.k8s.io/v1/priorityclasses (limit/continue paging,
 * resourceVersion, watch streams of JSON lines, 410 Gone after compaction). Knobs simulate the
 * failures a real cluster shows: 403 on pods or PriorityClasses, an API group the server does not
 * serve (404), a server that never answers, malformed JSON. Hostile modes (test/security/cluster.test.ts)
 * simulate a server that makes a naive client spin or swell: 410 on every watch, watches that end at
 * once or after one event, failing watches behind working lists, 429/5xx with Retry-After, silent
 * watches, endless continue chains, a huge page, an endless watch line. It can also serve plain HTTP
 * (for proxy-url on http:// servers). Every request is recorded (with its time) so tests can assert
 * it was a GET and count requests per second.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ClusterError } from '../../server/src/inventory/cluster-errors';

export type Resource = 'nodes' | 'pods' | 'priorityclasses';

/** Where each resource is served, and the kind of its list. */
const RESOURCES: Record<Resource, { path: string; apiVersion: string; listKind: string }> = {
  nodes: { path: '/api/v1/nodes', apiVersion: 'v1', listKind: 'NodeList' },
  pods: { path: '/api/v1/pods', apiVersion: 'v1', listKind: 'PodList' },
  priorityclasses: { path: '/apis/scheduling.k8s.io/v1/priorityclasses', apiVersion: 'scheduling.k8s.io/v1', listKind: 'PriorityClassList' },
};

export interface RecordedRequest {
  method: string;
  url: string;
  authorized: boolean;
  /** Date.now() when it arrived. */
  at: number;
  /** Streamed answers (huge page, endless line): bytes handed to the socket, and whether the client hung up first. */
  bytesSent?: number;
  closedEarly?: boolean;
}

export interface Certificate {
  certPath: string;
  keyPath: string;
  pem: string;
}

/** A self-signed certificate for 127.0.0.1/localhost, generated with the openssl CLI. */
export function makeCertificate(dir: string, commonName = 'fake-apiserver'): Certificate {
  const certPath = path.join(dir, `${commonName}.crt`);
  const keyPath = path.join(dir, `${commonName}.key`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyPath,
      '-out',
      certPath,
      '-days',
      '2',
      '-subj',
      `/CN=${commonName}`,
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'pipe' },
  );
  return { certPath, keyPath, pem: readFileSync(certPath, 'utf8') };
}

/** A temp dir removed by the returned cleanup. */
export function makeTempDir(prefix = 'inventory-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A kubeconfig with one context; CA given as a file path (certificate-authority). */
export function writeKubeconfig(
  dir: string,
  o: {
    server: string;
    caFile?: string;
    token?: string;
    context?: string;
    fileName?: string;
    user?: string;
    /** An exec credential plugin instead of a token. */
    exec?: { command: string; args: string[]; env?: { name: string; value: string }[] };
    /** `proxy-url` of the cluster. */
    proxyUrl?: string;
    /** `insecure-skip-tls-verify: true` (client-node requires it for http:// servers). */
    insecureSkipTlsVerify?: boolean;
  },
): string {
  const context = o.context ?? 'fake';
  const user = o.user ?? 'tester';
  const file = path.join(dir, o.fileName ?? 'kubeconfig');
  writeFileSync(
    file,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      `- name: ${context}-cluster`,
      '  cluster:',
      `    server: ${o.server}`,
      ...(o.caFile ? [`    certificate-authority: ${o.caFile}`] : []),
      ...(o.proxyUrl ? [`    proxy-url: ${o.proxyUrl}`] : []),
      ...(o.insecureSkipTlsVerify ? ['    insecure-skip-tls-verify: true'] : []),
      'users:',
      `- name: ${user}`,
      '  user:',
      ...(o.exec
        ? [
            '    exec:',
            '      apiVersion: client.authentication.k8s.io/v1',
            `      command: ${o.exec.command}`,
            `      args: ${JSON.stringify(o.exec.args)}`,
            ...(o.exec.env ? [`      env: ${JSON.stringify(o.exec.env)}`] : []),
            '      interactiveMode: Never',
          ]
        : o.token
          ? [`    token: ${o.token}`]
          : ['    {}']),
      'contexts:',
      `- name: ${context}`,
      '  context:',
      `    cluster: ${context}-cluster`,
      `    user: ${user}`,
      `current-context: ${context}`,
      '',
    ].join('\n'),
  );
  return file;
}

/** A URL on which nothing listens (a port just released). */
export async function refusedUrl(): Promise<string> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return `https://127.0.0.1:${port}`;
}

/** Waits for a condition without fixed sleeps: re-checks on every event-loop turn until `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setImmediate(r));
  }
}

interface Behaviour {
  /** 403 Forbidden on /api/v1/pods (RBAC that allows nodes only). */
  forbidPods: boolean;
  /** PriorityClasses: 403 Forbidden (RBAC without scheduling.k8s.io), or 404 (a server that does not serve the group). */
  priorityClasses: 'forbidden' | 'notFound' | undefined;
  /** Accept the request and never answer (to hit the client's timeout). */
  hang: Resource | 'all' | undefined;
  /** Answer lists with truncated JSON. */
  malformed: Resource | 'all' | undefined;
  /** The next list page with a continue token gets 410 Expired (token outlived etcd compaction). */
  expireNextContinue: boolean;
  /**
   * Hostile watches (lists keep working): `gone` answers every watch with an ERROR 410 event;
   * `endAtOnce` ends it with no event; `oneEventThenEnd` sends one unchanged object and ends;
   * `error500` answers 500; `silent` sends headers and then nothing, ever (ignoring timeoutSeconds);
   * `endlessLine` streams one line that never ends (up to `endlessLineBytes`).
   */
  watchMode: 'gone' | 'endAtOnce' | 'oneEventThenEnd' | 'error500' | 'silent' | 'endlessLine' | undefined;
  /** Cap of what `endlessLine` sends before giving up (the client should hang up long before). */
  endlessLineBytes: number;
  /** Every list and watch on these resources answers this status (e.g. 429 with Retry-After). */
  failWith: { status: number; retryAfter?: string; resources: Resource[] } | undefined;
  /** Every list page carries a continue token, forever; pages after the real objects are empty. */
  endlessContinue: boolean;
  /** The nodes list is one page of about `bytes`, of nodes padded to `nodeBytes` each, streamed as it is read. */
  hugePage: { bytes: number; nodeBytes: number } | undefined;
}

interface Stored {
  resourceVersion: number;
  object: any;
}

interface HistoryEntry {
  resourceVersion: number;
  resource: Resource;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: any;
  /** The object before a MODIFIED: a watcher whose selector it matched still hears of the change. */
  previous?: any;
}

interface Watcher {
  resource: Resource;
  res: ServerResponse;
  filter: (obj: any) => boolean;
  timer?: NodeJS.Timeout;
}

export class FakeApiServer {
  readonly requests: RecordedRequest[] = [];
  readonly behaviour: Behaviour = {
    forbidPods: false,
    priorityClasses: undefined,
    hang: undefined,
    malformed: undefined,
    expireNextContinue: false,
    watchMode: undefined,
    endlessLineBytes: 256 * 1024 * 1024,
    failWith: undefined,
    endlessContinue: false,
    hugePage: undefined,
  };
  private readonly store: Record<Resource, Map<string, Stored>> = { nodes: new Map(), pods: new Map(), priorityclasses: new Map() };
  private readonly history: HistoryEntry[] = [];
  private resourceVersion = 1000;
  /** Watches and continue tokens older than this get 410 Gone (etcd compaction). */
  private compactedAt = 0;
  private readonly watchers = new Set<Watcher>();
  private readonly hung = new Set<ServerResponse>();
  private readonly sockets = new Set<net.Socket>();
  private server!: https.Server | http.Server;
  url = '';

  constructor(
    readonly cert: Certificate,
    /** Settable: a test can rotate it (clients holding the old one get 401). */
    public token: string,
    nodes: any[],
    pods: any[],
    priorityClasses: any[] = [],
  ) {
    for (const n of nodes) this.put('nodes', n);
    for (const p of pods) this.put('pods', p);
    for (const pc of priorityClasses) this.put('priorityclasses', pc);
  }

  /** `plain`: HTTP instead of HTTPS (a kubectl-proxy-like server). */
  async listen(plain = false): Promise<void> {
    const track = (s: net.Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    };
    if (plain) {
      this.server = http.createServer((req, res) => this.handle(req, res));
      this.server.on('connection', track);
    } else {
      this.server = https.createServer({ cert: this.cert.pem, key: readFileSync(this.cert.keyPath) }, (req, res) => this.handle(req, res));
      this.server.on('secureConnection', track);
      // Failed TLS handshakes (wrong CA on the client) are expected in tests.
      this.server.on('tlsClientError', () => undefined);
    }
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `${plain ? 'http' : 'https'}://127.0.0.1:${(this.server.address() as net.AddressInfo).port}`;
  }

  /** Requests whose path starts with `prefix` (e.g. `/api/v1/nodes?`), optionally only watches or only lists. */
  requestsTo(prefix: string, kind?: 'watch' | 'list'): RecordedRequest[] {
    return this.requests.filter((r) => r.url.startsWith(prefix) && (kind === undefined || (kind === 'watch') === /[?&]watch=(1|true)/.test(r.url)));
  }

  /** GETs only? Tests assert this is empty. */
  get nonGetRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  get openWatches(): number {
    return this.watchers.size;
  }

  watchesOn(resource: Resource): number {
    return [...this.watchers].filter((w) => w.resource === resource).length;
  }

  /** Change an object the way a controller would; open watches get the event. */
  emit(resource: Resource, type: 'ADDED' | 'MODIFIED' | 'DELETED', object: any): void {
    const key = keyOf(resource, object);
    if (type === 'DELETED') {
      const rv = ++this.resourceVersion;
      const obj = { ...object, metadata: { ...object.metadata, resourceVersion: String(rv) } };
      this.store[resource].delete(key);
      this.record({ resourceVersion: rv, resource, type, object: obj });
      return;
    }
    const previous = this.store[resource].get(key)?.object;
    const stored = this.put(resource, object);
    this.record({ resourceVersion: stored.resourceVersion, resource, type, object: stored.object, ...(type === 'MODIFIED' && previous ? { previous } : {}) });
  }

  /** Forget history: watches and continue tokens from before now get 410 Gone; open watches get an ERROR 410 event. */
  compact(): void {
    this.compactedAt = this.resourceVersion;
    this.history.length = 0;
    for (const w of [...this.watchers]) this.endWatch(w, goneEvent());
  }

  /** End every open watch stream normally (as a server does at timeoutSeconds). */
  endWatches(): void {
    for (const w of [...this.watchers]) this.endWatch(w);
  }

  /** Cut every connection without a goodbye (a network blip or an API server restart). */
  dropConnections(): void {
    for (const w of [...this.watchers]) {
      clearTimeout(w.timer);
      this.watchers.delete(w);
    }
    for (const s of this.sockets) s.destroy();
  }

  async close(): Promise<void> {
    for (const w of [...this.watchers]) this.endWatch(w);
    for (const res of this.hung) res.destroy();
    this.hung.clear();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }

  private put(resource: Resource, object: any): Stored {
    const rv = ++this.resourceVersion;
    const stored = { resourceVersion: rv, object: { ...object, metadata: { ...object.metadata, resourceVersion: String(rv) } } };
    this.store[resource].set(keyOf(resource, object), stored);
    return stored;
  }

  private record(entry: HistoryEntry): void {
    this.history.push(entry);
    for (const w of this.watchers) {
      if (w.resource === entry.resource && matches(w.filter, entry)) writeEvent(w.res, { type: entry.type, object: entry.object });
    }
  }

  private endWatch(w: Watcher, last?: unknown): void {
    clearTimeout(w.timer);
    this.watchers.delete(w);
    if (last) writeEvent(w.res, last);
    w.res.end();
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const authorized = req.headers.authorization === `Bearer ${this.token}`;
    const record: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', authorized, at: Date.now() };
    this.requests.push(record);
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    // Through an HTTP proxy the request line carries the absolute URL.
    if (/^https?:\/\//.test(record.url)) record.url = url.pathname + url.search;
    if (req.method !== 'GET') return status(res, 405, 'MethodNotAllowed', `the fake API server is read-only: ${req.method} ${url.pathname}`);
    if (!authorized) return status(res, 401, 'Unauthorized', 'Unauthorized');
    const resource = (Object.keys(RESOURCES) as Resource[]).find((r) => RESOURCES[r].path === url.pathname);
    if (!resource || (resource === 'priorityclasses' && this.behaviour.priorityClasses === 'notFound'))
      return status(res, 404, 'NotFound', 'the server could not find the requested resource');
    if (resource === 'pods' && this.behaviour.forbidPods) {
      return status(res, 403, 'Forbidden', 'pods is forbidden: User "tester" cannot list resource "pods" in API group "" at the cluster scope');
    }
    if (resource === 'priorityclasses' && this.behaviour.priorityClasses === 'forbidden') {
      return status(
        res,
        403,
        'Forbidden',
        'priorityclasses.scheduling.k8s.io is forbidden: User "tester" cannot list resource "priorityclasses" in API group "scheduling.k8s.io" at the cluster scope',
      );
    }
    if (this.behaviour.hang === resource || this.behaviour.hang === 'all') return this.hold(res);
    const fail = this.behaviour.failWith;
    if (fail && fail.resources.includes(resource)) {
      if (fail.retryAfter !== undefined) res.setHeader('Retry-After', fail.retryAfter);
      return status(res, fail.status, fail.status === 429 ? 'TooManyRequests' : 'InternalError', `the fake API server answers ${fail.status}`);
    }
    const filter = fieldFilter(url.searchParams.get('fieldSelector'));
    const watch = url.searchParams.get('watch');
    if (watch === '1' || watch === 'true') {
      if (this.behaviour.watchMode) return this.serveHostileWatch(resource, res, record);
      return this.serveWatch(resource, url, filter, res);
    }
    if (resource === 'nodes' && this.behaviour.hugePage) return this.serveHugePage(res, record);
    if (this.behaviour.malformed === resource || this.behaviour.malformed === 'all') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(`{"kind":"${RESOURCES[resource].listKind}","apiVersion":"${RESOURCES[resource].apiVersion}","items":[{"metadata":{"name":`);
      return;
    }
    this.serveList(resource, url, filter, res);
  }

  private serveList(resource: Resource, url: URL, filter: (o: any) => boolean, res: ServerResponse): void {
    const limit = Number(url.searchParams.get('limit') ?? '0');
    const token = url.searchParams.get('continue');
    let offset = 0;
    let listRv = this.resourceVersion;
    if (token) {
      const decoded = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { rv: number; offset: number };
      if (decoded.rv < this.compactedAt || this.behaviour.expireNextContinue) {
        this.behaviour.expireNextContinue = false;
        return status(
          res,
          410,
          'Expired',
          'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
        );
      }
      offset = decoded.offset;
      listRv = decoded.rv;
    }
    const all = [...this.store[resource].values()]
      .map((s) => s.object)
      .filter(filter)
      .sort((a, b) => keyOf(resource, a).localeCompare(keyOf(resource, b)));
    const page = limit > 0 ? all.slice(offset, offset + limit) : all.slice(offset);
    const more = limit > 0 && (offset + limit < all.length || this.behaviour.endlessContinue);
    const next = more ? Buffer.from(JSON.stringify({ rv: listRv, offset: offset + limit })).toString('base64') : undefined;
    // Real list responses leave kind/apiVersion off the items.
    const items = page.map(({ kind: _k, apiVersion: _a, ...rest }) => rest);
    json(res, 200, {
      kind: RESOURCES[resource].listKind,
      apiVersion: RESOURCES[resource].apiVersion,
      metadata: { resourceVersion: String(listRv), ...(next ? { continue: next, remainingItemCount: Math.max(1, all.length - offset - limit) } : {}) },
      items,
    });
  }

  /** Accept and never answer (closed by close()). */
  private hold(res: ServerResponse): void {
    this.hung.add(res);
    res.on('close', () => this.hung.delete(res));
  }

  private serveHostileWatch(resource: Resource, res: ServerResponse, record: RecordedRequest): void {
    const mode = this.behaviour.watchMode;
    if (mode === 'error500') return status(res, 500, 'InternalError', 'etcdserver: request timed out');
    res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
    if (mode === 'gone') {
      writeEvent(res, goneEvent());
      res.end();
    } else if (mode === 'endAtOnce') {
      res.end();
    } else if (mode === 'oneEventThenEnd') {
      const first = [...this.store[resource].values()][0]?.object;
      writeEvent(
        res,
        first ? { type: 'MODIFIED', object: first } : { type: 'BOOKMARK', object: { metadata: { resourceVersion: String(this.resourceVersion) } } },
      );
      res.end();
    } else if (mode === 'silent') {
      res.flushHeaders();
      this.hold(res);
    } else if (mode === 'endlessLine') {
      this.hold(res);
      const head = Buffer.from('{"type":"ADDED","object":{"metadata":{"name":"');
      const chunk = Buffer.alloc(64 * 1024, 'a');
      this.stream(res, record, this.behaviour.endlessLineBytes, (sent) => (sent === 0 ? head : chunk), undefined);
    }
  }

  /** One NodeList page of about `bytes`: nodes padded with a label to `nodeBytes` each. */
  private serveHugePage(res: ServerResponse, record: RecordedRequest): void {
    const { bytes, nodeBytes } = this.behaviour.hugePage!;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    const head = Buffer.from(`{"kind":"NodeList","apiVersion":"v1","metadata":{"resourceVersion":"${this.resourceVersion}"},"items":[`);
    let n = 0;
    // Nodes are made 64 KiB at a time: one Buffer per tiny node would make the server the bottleneck.
    const batch = () => {
      const parts: string[] = [];
      let size = 0;
      while (size < 64 * 1024) {
        const name = `huge-${n++}`;
        const skeleton = `{"metadata":{"name":"${name}","labels":{"pad":""}}}`;
        const part = `${n > 1 ? ',' : ''}{"metadata":{"name":"${name}","labels":{"pad":"${'x'.repeat(Math.max(0, nodeBytes - skeleton.length - 1))}"}}}`;
        parts.push(part);
        size += part.length;
      }
      return Buffer.from(parts.join(''));
    };
    this.stream(res, record, bytes, (sent) => (sent === 0 ? head : batch()), Buffer.from(']}'));
  }

  /** Writes `next()` chunks until `budget` bytes, respecting backpressure; counts what was sent. */
  private stream(res: ServerResponse, record: RecordedRequest, budget: number, next: (sent: number) => Buffer, tail: Buffer | undefined): void {
    record.bytesSent = 0;
    record.closedEarly = false;
    let done = false;
    res.on('close', () => {
      if (!done) record.closedEarly = true;
    });
    const pump = () => {
      while (!res.destroyed) {
        if (record.bytesSent! >= budget) {
          done = true;
          res.end(tail);
          return;
        }
        const chunk = next(record.bytesSent!);
        record.bytesSent! += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
    };
    pump();
  }

  private serveWatch(resource: Resource, url: URL, filter: (o: any) => boolean, res: ServerResponse): void {
    const rvParam = url.searchParams.get('resourceVersion');
    res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
    const rv = rvParam ? Number(rvParam) : this.resourceVersion;
    if (rvParam && rv < this.compactedAt) {
      writeEvent(res, goneEvent());
      res.end();
      return;
    }
    const w: Watcher = { resource, res, filter };
    this.watchers.add(w);
    res.on('close', () => {
      clearTimeout(w.timer);
      this.watchers.delete(w);
    });
    const timeoutSeconds = Number(url.searchParams.get('timeoutSeconds') ?? '0');
    if (timeoutSeconds > 0) w.timer = setTimeout(() => this.endWatch(w), timeoutSeconds * 1000);
    // Replay what happened after the client's resourceVersion.
    for (const e of this.history) {
      if (e.resource === resource && e.resourceVersion > rv && matches(filter, e)) writeEvent(res, { type: e.type, object: e.object });
    }
    // Flush headers so the client sees the watch as established.
    if (!res.headersSent) res.flushHeaders();
  }
}

export async function startFakeApiServer(o: {
  cert: Certificate;
  token: string;
  nodes: any[];
  pods?: any[];
  priorityClasses?: any[];
  plain?: boolean;
}): Promise<FakeApiServer> {
  const server = new FakeApiServer(o.cert, o.token, o.nodes, o.pods ?? [], o.priorityClasses ?? []);
  await server.listen(o.plain);
  return server;
}

/** A loopback HTTP proxy that counts what goes through it: absolute-URI requests (http:// targets) and CONNECT tunnels (https://). */
export interface CountingProxy {
  url: string;
  requests: string[];
  connects: string[];
  close(): Promise<void>;
}

export async function startCountingProxy(): Promise<CountingProxy> {
  const requests: string[] = [];
  const connects: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const target = new URL(req.url ?? '');
    const upstream = http.request(target, { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('connect', (req: IncomingMessage, client: net.Socket, head: Buffer) => {
    connects.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    requests,
    connects,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

/** A watch entry reaches a watcher whose selector matches the object now, or matched it before a MODIFIED. */
function matches(filter: (o: any) => boolean, e: HistoryEntry): boolean {
  return filter(e.object) || (e.previous !== undefined && filter(e.previous));
}

function keyOf(resource: Resource, o: any): string {
  return resource === 'pods' ? `${o.metadata.namespace ?? 'default'}/${o.metadata.name}` : String(o.metadata.name);
}

/** Supports what the client sends: `a!=b` and `a=b` terms on dotted paths, ANDed. */
function fieldFilter(selector: string | null): (o: any) => boolean {
  if (!selector) return () => true;
  const terms = selector.split(',').map((t) => {
    const m = /^([\w.]+)(!=|==|=)(.*)$/.exec(t);
    if (!m) throw new Error(`unsupported field selector ${t}`);
    return { path: m[1].split('.'), neg: m[2] === '!=', value: m[3] };
  });
  return (o) =>
    terms.every((t) => {
      const v = t.path.reduce((acc: any, k) => acc?.[k], o) ?? '';
      return t.neg ? v !== t.value : v === t.value;
    });
}

function goneEvent() {
  return {
    type: 'ERROR',
    object: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'too old resource version', reason: 'Expired', code: 410 },
  };
}

function writeEvent(res: ServerResponse, ev: unknown): void {
  res.write(`${JSON.stringify(ev)}\n`);
}

function json(res: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function status(res: ServerResponse, code: number, reason: string, message: string): void {
  json(res, code, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code });
}

/** The ClusterError a cluster source's start() rejects with (fails when it resolves or throws something else). */
export async function rejection(p: Promise<unknown>): Promise<ClusterError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof ClusterError, `expected a ClusterError, got ${(e as Error)?.stack ?? e}`);
    return e;
  }
  assert.fail('expected start() to reject');
}
