/**
 * Issue 10, items 5, 6 (cluster half) and 8 (proxy-url): a hostile or broken API server must not
 * make the cluster client spin, swell or flap. Each scenario runs against the loopback HTTPS fake
 * API server (test/helpers/fake-apiserver.ts) and counts what the client did: requests and their
 * spacing, credential plugin runs, change notifications, bytes read, peak memory of a child process.
 * Figures of the code before the fix are in the comments ("before: …").
 */
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { ClusterInventorySource, type ClusterSourceOptions } from '../../server/src/inventory/cluster';
import type { Inventory } from '../../server/src/placement/types';
import {
  makeCertificate,
  makeTempDir,
  rejection,
  startCountingProxy,
  startFakeApiServer,
  waitFor,
  writeKubeconfig,
  type Certificate,
  type FakeApiServer,
  type RecordedRequest,
} from '../helpers/fake-apiserver';

const TOKEN = 'security-token';

function node(name: string): any {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/os': 'linux' } },
    spec: {},
    status: { allocatable: { cpu: '4', pods: '110' } },
  };
}

function pod(name: string, nodeName: string): any {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { nodeName, containers: [{ name: 'c', image: 'busybox' }] },
    status: { phase: 'Running' },
  };
}

const NODES = ['n1', 'n2', 'n3'].map(node);
const PODS = [pod('p1', 'n1'), pod('p2', 'n2')];

/** Milliseconds between the first and the last of these requests. */
function span(rs: RecordedRequest[]): number {
  return rs[rs.length - 1].at - rs[0].at;
}

/** Requests per second over a window (for the figures printed by the tests). */
function perSecond(count: number, ms: number): number {
  return Math.round((count / Math.max(ms, 1)) * 1000 * 10) / 10;
}

function recorder() {
  const seen: Inventory[] = [];
  return { seen, onChange: (inv: Inventory) => void seen.push(inv) };
}

describe('security: a hostile API server cannot make the cluster client spin, swell or flap', { timeout: 240_000 }, () => {
  const tmp = makeTempDir('cluster-security-');
  let cert: Certificate;
  let server: FakeApiServer;
  let kubeconfig: string;
  const servers: FakeApiServer[] = [];
  const sources: ClusterInventorySource[] = [];
  const source = (o: ClusterSourceOptions) => {
    const s = new ClusterInventorySource(o);
    sources.push(s);
    return s;
  };
  const reset = () => {
    Object.assign(server.behaviour, { watchMode: undefined, failWith: undefined, endlessContinue: false, hugePage: undefined });
  };

  before(async () => {
    cert = makeCertificate(tmp.dir);
    server = await startFakeApiServer({ cert, token: TOKEN, nodes: NODES, pods: PODS });
    servers.push(server);
    kubeconfig = writeKubeconfig(tmp.dir, { server: server.url, caFile: cert.certPath, token: TOKEN });
  });

  after(async () => {
    await Promise.all(sources.map((s) => s.stop()));
    for (const s of servers) assert.deepEqual(s.nonGetRequests, [], 'the cluster client must only ever send GET');
    await Promise.all(servers.map((s) => s.close()));
    tmp.cleanup();
  });

  /**
   * Starts a source, then switches the server to `mode` and waits for `watches` more node watch
   * requests. Returns those watch requests and all requests in that window.
   */
  async function storm(mode: NonNullable<FakeApiServer['behaviour']['watchMode']>, watches: number, o: ClusterSourceOptions) {
    const rec = recorder();
    const src = source({ kubeconfigPath: kubeconfig, ...o });
    await src.start(rec.onChange);
    await waitFor('the first node watch', () => server.watchesOn('nodes') >= 1 && server.watchesOn('pods') >= 1, 60_000);
    const from = server.requests.length;
    server.behaviour.watchMode = mode;
    server.endWatches();
    const nodeWatches = await waitFor(
      `${watches} node watches`,
      () => {
        const w = server.requests.slice(from).filter((r) => r.url.startsWith('/api/v1/nodes?') && r.url.includes('watch=1'));
        return w.length >= watches && w;
      },
      60_000,
    );
    const window = server.requests.slice(from).filter((r) => r.at <= nodeWatches[watches - 1].at);
    await src.stop();
    reset();
    return { rec, nodeWatches: nodeWatches.slice(0, watches), window };
  }

  for (const [mode, before] of [
    ['gone', '1,356 requests/s, 720 notifications/s'],
    ['oneEventThenEnd', '3,152 requests/s'],
    ['endAtOnce', 'one watch per 20 ms, i.e. per minRetryMs, forever'],
  ] as const) {
    it(`watch mode ${mode}: every retry waits for the backoff, nothing is notified, nothing goes stale (before: ${before})`, async () => {
      // Equal jitter: the n-th retry waits at least minRetryMs·2^(n-1)/2 → 100 + 200 + 400 ms before the 4th watch.
      const { rec, nodeWatches, window } = await storm(mode, 4, { minRetryMs: 200, maxRetryMs: 5_000 });
      const ms = span(nodeWatches);
      console.log(`# ${mode}: ${window.length} requests in ${ms} ms (${perSecond(window.length, ms)}/s), ${rec.seen.length} notifications`);
      assert.ok(ms >= 700, `4 node watches within ${ms} ms: the retries did not back off`);
      // Per resource one list (after 410) and one watch per cycle; nodes and pods.
      assert.ok(window.length <= 2 * 2 * 4 + 2, `${window.length} requests`);
      assert.deepEqual(
        rec.seen.map((i) => i.stale ?? false),
        [],
        'nothing changed: no notification (the data is still current, not stale)',
      );
    });
  }

  it('a 410 storm with the default backoff (1 s base): three node watches take at least 1.5 s (before: 1,356 requests/s)', async () => {
    const { nodeWatches, window } = await storm('gone', 3, {});
    const ms = span(nodeWatches);
    console.log(`# gone (defaults): ${window.length} requests in ${ms} ms (${perSecond(window.length, ms)}/s)`);
    assert.ok(ms >= 1_500, `${ms} ms`);
    assert.ok(window.length <= 2 * 2 * 3 + 2, `${window.length} requests`);
  });

  it('lists work, watches fail: stale once, no flipping back to fresh on every re-list (before: re-list every second, stale/fresh flipping)', async () => {
    const rec = recorder();
    const src = source({ kubeconfigPath: kubeconfig, minRetryMs: 100, maxRetryMs: 2_000 });
    await src.start(rec.onChange);
    await waitFor('the first node watch', () => server.watchesOn('nodes') >= 1, 60_000);
    const from = server.requests.length;
    server.behaviour.watchMode = 'error500';
    server.endWatches();
    await waitFor(
      'five failed node watches',
      () => server.requests.slice(from).filter((r) => r.url.startsWith('/api/v1/nodes?') && r.url.includes('watch=1')).length >= 5,
      60_000,
    );
    const lists = server.requests.slice(from).filter((r) => r.url.startsWith('/api/v1/nodes?') && !r.url.includes('watch=1'));
    await src.stop();
    reset();
    const flags = rec.seen.map((i) => i.stale === true);
    console.log(`# error500: ${lists.length} re-lists, notifications (stale?): ${JSON.stringify(flags)}`);
    assert.ok(lists.length >= 4, 'the lists are retried');
    assert.ok(flags.length >= 1 && flags.every(Boolean), `stale, and never fresh in between: ${JSON.stringify(flags)}`);
    assert.ok(flags.length <= 2, `${flags.length} notifications for one unchanged failure`);
    assert.match(rec.seen[0].messages.join('\n'), /500 Internal Server Error: etcdserver: request timed out/);
  });

  it('429 with Retry-After: 1 is honoured even when the backoff is shorter (before: retried after 20–100 ms)', async () => {
    const src = source({ kubeconfigPath: kubeconfig, minRetryMs: 20, maxRetryMs: 5_000 });
    await src.start();
    await waitFor('the first node watch', () => server.watchesOn('nodes') >= 1, 60_000);
    const from = server.requests.length;
    server.behaviour.failWith = { status: 429, retryAfter: '1', resources: ['nodes'] };
    server.endWatches();
    const failed = await waitFor(
      'three refused node requests',
      () => {
        const r = server.requests.slice(from).filter((x) => x.url.startsWith('/api/v1/nodes?'));
        return r.length >= 3 && r;
      },
      60_000,
    );
    await src.stop();
    reset();
    const gaps = failed.slice(1, 3).map((r, i) => r.at - failed[i].at);
    console.log(`# 429: gaps between retries ${JSON.stringify(gaps)} ms`);
    assert.ok(
      gaps.every((g) => g >= 950),
      `gaps ${gaps}`,
    );
  });

  it('a silent watch (headers, then nothing) is stale within its idle bound; the watch asks the server to end within 60 s (before: 310 s)', async () => {
    const rec = recorder();
    const src = source({ kubeconfigPath: kubeconfig, watchIdleTimeoutMs: 1_500, minRetryMs: 60_000, maxRetryMs: 60_000 });
    await src.start(rec.onChange);
    await waitFor('the first node watch', () => server.watchesOn('nodes') >= 1, 60_000);
    const firstWatch = server.requestsTo('/api/v1/nodes?', 'watch').at(-1)!;
    assert.match(firstWatch.url, /[?&]timeoutSeconds=60(&|$)/, 'the default server-side bound');
    server.behaviour.watchMode = 'silent';
    const t0 = Date.now();
    server.endWatches();
    const stale = await waitFor('a stale inventory', () => rec.seen.find((i) => i.stale), 30_000);
    const seconds = (Date.now() - t0) / 1000;
    console.log(`# silent watch: stale after ${seconds} s`);
    assert.ok(seconds < 10, `${seconds} s`);
    assert.match(stale.messages.join('\n'), /did not answer GET \/api\/v1\/(nodes|pods) \(watch, silent\) within 1\.5s/);
    await src.stop();
    reset();
  });

  it('an exec credential plugin without expirationTimestamp runs once, not once per request; its env stays out of this process (before: spawned per request, 1,025 times in 5 s)', async () => {
    const counter = path.join(tmp.dir, 'exec-runs');
    writeFileSync(counter, '');
    const plugin = path.join(tmp.dir, 'credential-plugin.sh');
    const credential = JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: TOKEN } });
    writeFileSync(plugin, `#!/bin/sh\necho "run $PLUGIN_ONLY_VAR" >> '${counter}'\necho '${credential}'\n`);
    chmodSync(plugin, 0o755);
    const kc = writeKubeconfig(tmp.dir, {
      server: server.url,
      caFile: cert.certPath,
      fileName: 'kc-exec-count',
      context: 'eks',
      exec: { command: '/bin/sh', args: [plugin], env: [{ name: 'PLUGIN_ONLY_VAR', value: 'seen' }] },
    });
    const src = source({ kubeconfigPath: kc, minRetryMs: 50, maxRetryMs: 200 });
    const before = server.requests.length;
    await src.start();
    await waitFor('watches', () => server.watchesOn('nodes') >= 1 && server.watchesOn('pods') >= 1, 60_000);
    // Force more requests: 410 → re-list and re-watch, twice.
    for (let i = 0; i < 2; i++) {
      const n = server.requests.length;
      server.compact();
      await waitFor('re-watches', () => server.requests.length >= n + 4 && server.watchesOn('nodes') >= 1 && server.watchesOn('pods') >= 1, 60_000);
    }
    await src.stop();
    const requests = server.requests.length - before;
    const runs = readFileSync(counter, 'utf8').split('\n').filter(Boolean);
    console.log(`# exec: ${runs.length} plugin runs for ${requests} requests`);
    assert.ok(requests >= 9 && server.requests.slice(before).every((r) => r.authorized));
    assert.deepEqual(runs, ['run seen'], 'one run, with its env');
    assert.equal(process.env.PLUGIN_ONLY_VAR, undefined, "the plugin's env must not leak into the server process");
  });

  it('a rotated token (401) makes the plugin run again, once (before: one run per request)', async () => {
    const counter = path.join(tmp.dir, 'exec-runs-401');
    const tokenFile = path.join(tmp.dir, 'current-token');
    writeFileSync(counter, '');
    writeFileSync(tokenFile, TOKEN);
    const plugin = path.join(tmp.dir, 'credential-plugin-401.sh');
    writeFileSync(
      plugin,
      `#!/bin/sh\necho run >> '${counter}'\nprintf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s"}}' "$(cat '${tokenFile}')"\n`,
    );
    chmodSync(plugin, 0o755);
    const rotating = await startFakeApiServer({ cert, token: TOKEN, nodes: NODES, pods: PODS });
    servers.push(rotating);
    const kc = writeKubeconfig(tmp.dir, { server: rotating.url, caFile: cert.certPath, fileName: 'kc-exec-401', exec: { command: plugin, args: [] } });
    const rec = recorder();
    const src = source({ kubeconfigPath: kc, minRetryMs: 50, maxRetryMs: 200 });
    await src.start(rec.onChange);
    await waitFor('watches', () => rotating.watchesOn('nodes') >= 1 && rotating.watchesOn('pods') >= 1, 60_000);
    rotating.token = 'rotated-token';
    writeFileSync(tokenFile, 'rotated-token');
    rotating.endWatches();
    await waitFor('watches with the new token', () => rotating.requests.filter((r) => r.authorized && r.url.includes('watch=1')).length >= 4, 60_000);
    await src.stop();
    const runs = readFileSync(counter, 'utf8').split('\n').filter(Boolean).length;
    const refused = rotating.requests.filter((r) => !r.authorized).length;
    console.log(`# exec + 401: ${runs} plugin runs, ${refused} refused requests, ${rotating.requests.length} requests`);
    assert.ok(runs >= 2 && runs <= 3, `${runs} runs`);
  });

  it('an endless continue chain is abandoned after the pages 5,000 nodes need (before: 100,000 pages at 5,000 requests/s)', async () => {
    server.behaviour.endlessContinue = true;
    try {
      const before = server.requests.length;
      const err = await rejection(source({ kubeconfigPath: kubeconfig, watch: false }).start());
      const pages = server.requests.slice(before).filter((r) => r.url.startsWith('/api/v1/nodes?')).length;
      console.log(`# endless continue: ${pages} pages, then: ${err.message}`);
      assert.equal(err.kind, 'limit');
      assert.match(
        err.message,
        /answered GET \/api\/v1\/nodes with more than 21 pages \(a continue chain that does not end\); the list was abandoned \(context fake\)$/,
      );
      assert.equal(pages, 21, '2·⌈5,000 / 500⌉ + 1');
    } finally {
      reset();
    }
  });

  it('more than 5,000 nodes (Kubernetes’ scalability threshold) are refused with a clear message, not truncated', async () => {
    const big = await startFakeApiServer({ cert, token: TOKEN, nodes: Array.from({ length: 5_001 }, (_, i) => node(`big-${i}`)) });
    servers.push(big);
    const kc = writeKubeconfig(tmp.dir, { server: big.url, caFile: cert.certPath, token: TOKEN, fileName: 'kc-big' });
    const err = await rejection(source({ kubeconfigPath: kc, watch: false }).start());
    assert.equal(err.kind, 'limit');
    assert.match(err.message, /sent more than 5000 nodes, more than Kubernetes supports in one cluster; they were not loaded \(context fake\)$/);
    assert.ok(big.requestsTo('/api/v1/nodes?').length <= 11, 'stops at the page that crosses the bound');
  });

  it('more pods than the bound: nodes only, with a message, and no retry loop over a huge list', async () => {
    const inv = await source({ kubeconfigPath: kubeconfig, maxPods: 1 }).start();
    assert.equal(inv.nodes.length, 3);
    assert.deepEqual(inv.pods, []);
    assert.equal(inv.stale, undefined);
    assert.match(
      inv.messages.join('\n'),
      /sent more than 1 pods, more than Kubernetes supports in one cluster; they were not loaded \(context fake\)\. Showing nodes only/,
    );
    await waitFor('the node watch', () => server.watchesOn('nodes') >= 1, 60_000);
    assert.equal(server.watchesOn('pods'), 0);
  });

  it('a page of more than 64 MiB is abandoned while it is read (fat nodes)', async () => {
    server.behaviour.hugePage = { bytes: 70 * 1024 * 1024, nodeBytes: 700 * 1024 };
    try {
      const err = await rejection(source({ kubeconfigPath: kubeconfig, watch: false, timeoutMs: 60_000 }).start());
      assert.equal(err.kind, 'limit');
      assert.match(err.message, /sent more than 64 MiB in answer to GET \/api\/v1\/nodes; the response was not read further/);
      const page = server.requestsTo('/api/v1/nodes?').at(-1)!;
      await waitFor('the server to see the client hang up', () => page.closedEarly, 30_000);
    } finally {
      reset();
    }
  });

  for (const [mode, bound, before] of [
    ['hugePage', 600, '120 MiB page of 2.2 million tiny nodes accepted: 1,434 MiB peak RSS, 66 s'],
    ['endlessLine', 600, 'no answer after 120 s, 575 MiB peak RSS (quadratic line buffer)'],
  ] as const) {
    it(`${mode}: bounded memory, measured in a child process (before: ${before})`, async () => {
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(__dirname, 'cluster-memory-probe.ts'), mode], {
        timeout: 180_000,
        maxBuffer: 1024 * 1024,
      });
      const result = JSON.parse(stdout.trim().split('\n').at(-1)!);
      console.log(`# ${mode}: ${JSON.stringify(result)}`);
      assert.equal(result.nonGet, 0);
      assert.ok(result.peakRssMiB < bound, `peak RSS ${result.peakRssMiB} MiB`);
      if (mode === 'hugePage') assert.match(result.message, /more than 64 MiB/);
      else assert.match(result.message, /a watch line \(one event\) longer than 16 MiB .* the watch was closed/);
      assert.ok(result.bytesSent < 100 * 1024 * 1024, `${result.bytesSent} bytes sent`);
    });
  }

  it('proxy-url is honoured for an http:// server (before: ignored, the client connected directly)', async () => {
    const plain = await startFakeApiServer({ cert, token: TOKEN, nodes: NODES, pods: PODS, plain: true });
    servers.push(plain);
    const proxy = await startCountingProxy();
    try {
      const kc = writeKubeconfig(tmp.dir, { server: plain.url, token: TOKEN, proxyUrl: proxy.url, insecureSkipTlsVerify: true, fileName: 'kc-http-proxy' });
      const inv = await source({ kubeconfigPath: kc, watch: false }).start();
      assert.equal(inv.nodes.length, 3);
      assert.ok(plain.requests.length >= 3);
      // client-node's proxy agent (hpagent) tunnels plain HTTP through CONNECT too; the proxy may also see absolute-URI requests.
      const through = [...proxy.connects, ...proxy.requests];
      assert.ok(through.length >= 1, 'the requests went through the proxy');
      assert.ok(
        through.every((r) => r === plain.url.replace('http://', '') || r.startsWith(`GET ${plain.url}/`)),
        JSON.stringify(through),
      );
    } finally {
      await proxy.close();
    }
  });

  it('proxy-url is honoured for an https:// server (CONNECT), as before', async () => {
    const proxy = await startCountingProxy();
    try {
      const kc = writeKubeconfig(tmp.dir, { server: server.url, caFile: cert.certPath, token: TOKEN, proxyUrl: proxy.url, fileName: 'kc-https-proxy' });
      const inv = await source({ kubeconfigPath: kc, watch: false }).start();
      assert.equal(inv.nodes.length, 3);
      assert.ok(proxy.connects.length >= 1 && proxy.connects.every((c) => c === server.url.replace('https://', '')));
    } finally {
      await proxy.close();
    }
  });
  it('a kubeconfig that is a link to /dev/zero or a FIFO is refused at once, unread', async () => {
    const zero = path.join(tmp.dir, 'kc-zero');
    symlinkSync('/dev/zero', zero);
    const fifo = path.join(tmp.dir, 'kc-fifo');
    execFileSync('mkfifo', [fifo]);
    for (const file of [zero, fifo]) {
      const start = performance.now();
      const e = await rejection(source({ kubeconfigPath: file, watch: false }).start());
      assert.match(e.message, /not a regular file/, e.message);
      assert.ok(performance.now() - start < 5_000, `${file}: ${Math.round(performance.now() - start)} ms`);
    }
  });
});
