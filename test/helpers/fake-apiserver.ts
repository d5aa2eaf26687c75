/**
 * A loopback Kubernetes API server for tests: real HTTPS on 127.0.0.1 with a certificate made by
 * the openssl CLI at test time, bearer-token auth, and the list/watch protocol for /api/v1/nodes,
 * /api/v1/pods and /apis/scheduling.k8s.io/v1/priorityclasses (limit/continue paging,
 * resourceVersion, watch streams of JSON lines, 410 Gone after compaction). Knobs simulate the
 * failures a real cluster shows: 403 on pods or PriorityClasses, an API group the server does not
 * serve (404), a server that never answers, malformed JSON. Every request is recorded so tests can
 * assert it was a GET.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

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
    exec?: { command: string; args: string[] };
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
      'users:',
      `- name: ${user}`,
      '  user:',
      ...(o.exec
        ? [
            '    exec:',
            '      apiVersion: client.authentication.k8s.io/v1',
            `      command: ${o.exec.command}`,
            `      args: ${JSON.stringify(o.exec.args)}`,
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
}

interface Watcher {
  resource: Resource;
  res: ServerResponse;
  filter: (obj: any) => boolean;
  timer?: NodeJS.Timeout;
}

export class FakeApiServer {
  readonly requests: RecordedRequest[] = [];
  readonly behaviour: Behaviour = { forbidPods: false, priorityClasses: undefined, hang: undefined, malformed: undefined, expireNextContinue: false };
  private readonly store: Record<Resource, Map<string, Stored>> = { nodes: new Map(), pods: new Map(), priorityclasses: new Map() };
  private readonly history: HistoryEntry[] = [];
  private resourceVersion = 1000;
  /** Watches and continue tokens older than this get 410 Gone (etcd compaction). */
  private compactedAt = 0;
  private readonly watchers = new Set<Watcher>();
  private readonly hung = new Set<ServerResponse>();
  private readonly sockets = new Set<net.Socket>();
  private server!: https.Server;
  url = '';

  constructor(
    readonly cert: Certificate,
    readonly token: string,
    nodes: any[],
    pods: any[],
    priorityClasses: any[] = [],
  ) {
    for (const n of nodes) this.put('nodes', n);
    for (const p of pods) this.put('pods', p);
    for (const pc of priorityClasses) this.put('priorityclasses', pc);
  }

  async listen(): Promise<void> {
    this.server = https.createServer({ cert: this.cert.pem, key: readFileSync(this.cert.keyPath) }, (req, res) => this.handle(req, res));
    this.server.on('secureConnection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    // Failed TLS handshakes (wrong CA on the client) are expected in tests.
    this.server.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `https://127.0.0.1:${(this.server.address() as net.AddressInfo).port}`;
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
    const stored = this.put(resource, object);
    this.record({ resourceVersion: stored.resourceVersion, resource, type, object: stored.object });
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
      if (w.resource === entry.resource && w.filter(entry.object)) writeEvent(w.res, { type: entry.type, object: entry.object });
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
    this.requests.push({ method: req.method ?? '', url: req.url ?? '', authorized });
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
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
    if (this.behaviour.hang === resource || this.behaviour.hang === 'all') {
      this.hung.add(res);
      res.on('close', () => this.hung.delete(res));
      return;
    }
    const filter = fieldFilter(url.searchParams.get('fieldSelector'));
    const watch = url.searchParams.get('watch');
    if (watch === '1' || watch === 'true') return this.serveWatch(resource, url, filter, res);
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
      if (decoded.rv <= this.compactedAt || this.behaviour.expireNextContinue) {
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
    const next = limit > 0 && offset + limit < all.length ? Buffer.from(JSON.stringify({ rv: listRv, offset: offset + limit })).toString('base64') : undefined;
    // Real list responses leave kind/apiVersion off the items.
    const items = page.map(({ kind: _k, apiVersion: _a, ...rest }) => rest);
    json(res, 200, {
      kind: RESOURCES[resource].listKind,
      apiVersion: RESOURCES[resource].apiVersion,
      metadata: { resourceVersion: String(listRv), ...(next ? { continue: next, remainingItemCount: all.length - offset - limit } : {}) },
      items,
    });
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
      if (e.resource === resource && e.resourceVersion > rv && filter(e.object)) writeEvent(res, { type: e.type, object: e.object });
    }
    // Flush headers so the client sees the watch as established.
    if (!res.headersSent) res.flushHeaders();
  }
}

export async function startFakeApiServer(o: { cert: Certificate; token: string; nodes: any[]; pods?: any[]; priorityClasses?: any[] }): Promise<FakeApiServer> {
  const server = new FakeApiServer(o.cert, o.token, o.nodes, o.pods ?? [], o.priorityClasses ?? []);
  await server.listen();
  return server;
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
