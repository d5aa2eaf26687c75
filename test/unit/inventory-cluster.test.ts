import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Inventory } from '../../server/src/placement/types';
import { ClusterInventorySource, listContexts, snapshotToFile } from '../../server/src/inventory/cluster';
import { parseInventoryText } from '../../server/src/inventory/file';
import {
  makeCertificate,
  makeTempDir,
  refusedUrl,
  rejection,
  startFakeApiServer,
  waitFor,
  writeKubeconfig,
  type Certificate,
  type FakeApiServer,
} from '../helpers/fake-apiserver';
import { sharedPath } from '../helpers/paths';

const TOKEN = 'the-right-token';

/** The recorded real nodes of the corpus, read at test time. */
function corpusNodes(): any[] {
  const dir = sharedPath('corpus', 'nodes');
  return readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .flatMap((f) => parseInventoryText(readFileSync(path.join(dir, f), 'utf8'), f).nodes);
}

function pod(name: string, nodeName: string | undefined, phase: string, hostPort?: number): any {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}` },
    spec: {
      ...(nodeName ? { nodeName } : {}),
      containers: [
        { name: 'c', image: 'busybox', resources: { requests: { cpu: '100m' } }, ...(hostPort ? { ports: [{ containerPort: hostPort, hostPort }] } : {}) },
      ],
    },
    status: { phase },
  };
}

/** Collects onChange calls; `next(pred)` waits for one that satisfies pred. */
function recorder() {
  const seen: Inventory[] = [];
  return {
    onChange: (inv: Inventory) => {
      seen.push(inv);
    },
    seen,
    next: (what: string, pred: (inv: Inventory) => boolean, timeoutMs = 5000) => waitFor(what, () => seen.find(pred), timeoutMs),
  };
}

describe('live cluster inventory against a loopback API server', () => {
  const tmp = makeTempDir();
  let cert: Certificate;
  let server: FakeApiServer;
  let kubeconfig: string;
  let nodes: any[];
  const sources: ClusterInventorySource[] = [];
  const source = (o: ConstructorParameters<typeof ClusterInventorySource>[0]) => {
    const s = new ClusterInventorySource({ minRetryMs: 20, maxRetryMs: 100, ...o });
    sources.push(s);
    return s;
  };

  before(async () => {
    cert = makeCertificate(tmp.dir);
    nodes = corpusNodes();
    const names = nodes.map((n) => n.metadata.name);
    server = await startFakeApiServer({
      cert,
      token: TOKEN,
      nodes,
      pods: [
        pod('exporter-a', names[0], 'Running', 9100),
        pod('exporter-b', names[1], 'Running', 9100),
        pod('batch-done', names[2], 'Succeeded'),
        pod('batch-failed', names[2], 'Failed'),
        pod('pending', undefined, 'Pending'),
      ],
      priorityClasses: [
        {
          apiVersion: 'scheduling.k8s.io/v1',
          kind: 'PriorityClass',
          metadata: { name: 'system-node-critical' },
          value: 2000001000,
          preemptionPolicy: 'PreemptLowerPriority',
        },
        { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'agents' }, value: 1000000, preemptionPolicy: 'Never' },
      ],
    });
    kubeconfig = writeKubeconfig(tmp.dir, { server: server.url, caFile: cert.certPath, token: TOKEN, context: 'kind-dev' });
  });

  after(async () => {
    await Promise.all(sources.map((s) => s.stop()));
    assert.deepEqual(server.nonGetRequests, [], 'the inventory must only ever send GET');
    await server.close();
    tmp.cleanup();
    // No dangling sockets or timers from sources, watches or the server: the process exits by itself.
    await waitFor(
      'no open sockets or timers',
      () => {
        const open = process.getActiveResourcesInfo().filter((r) => /TCP|TLS|Timeout|Immediate/.test(r));
        return open.length === 0 || undefined;
      },
      5000,
    ).catch(() => assert.fail(`still open: ${process.getActiveResourcesInfo().join(', ')}`));
  });

  it('reads the recorded corpus nodes (17 of them)', () => {
    assert.equal(nodes.length, 17);
  });

  it('lists all nodes across pages and only non-terminated, bound pods', async () => {
    const before = server.requests.length;
    const inv = await source({ kubeconfigPath: kubeconfig, pageSize: 4, watch: false }).start();
    assert.equal(inv.source, 'cluster');
    assert.equal(inv.name, 'kind-dev');
    assert.equal(inv.nodes.length, 17);
    assert.deepEqual(inv.nodes.map((n) => n.metadata.name).sort(), nodes.map((n) => n.metadata.name).sort());
    assert.deepEqual(inv.pods.map((p) => p.metadata.name).sort(), ['exporter-a', 'exporter-b']);
    assert.ok(inv.fetchedAt && !Number.isNaN(Date.parse(inv.fetchedAt)));
    assert.equal(inv.stale, undefined);
    assert.deepEqual(inv.messages, []);
    const mine = server.requests.slice(before);
    const nodePages = mine.filter((r) => r.url.startsWith('/api/v1/nodes?'));
    assert.equal(nodePages.length, 5, 'ceil(17/4) pages');
    assert.ok(nodePages.slice(1).every((r) => /[?&]continue=/.test(r.url)));
    const podLists = mine.filter((r) => r.url.startsWith('/api/v1/pods?'));
    assert.ok(podLists.every((r) => decodeURIComponent(r.url).includes('fieldSelector=status.phase!=Succeeded,status.phase!=Failed')));
    assert.ok(mine.every((r) => r.method === 'GET' && r.authorized));
  });

  it('starts the list over when a continue token expires between pages', async () => {
    const before = server.requests.length;
    server.behaviour.expireNextContinue = true;
    const inv = await source({ kubeconfigPath: kubeconfig, pageSize: 5, watch: false }).start();
    assert.equal(inv.nodes.length, 17);
    assert.equal(new Set(inv.nodes.map((n) => n.metadata.name)).size, 17);
    const nodeLists = server.requests.slice(before).filter((r) => r.url.startsWith('/api/v1/nodes?'));
    // page 1, page 2 → 410, then pages 1-4 again
    assert.equal(nodeLists.length, 6);
    assert.equal(nodeLists.filter((r) => !r.url.includes('continue=')).length, 2);
  });

  it('delivers watch events (a taint added, a pod deleted, a node added) to onChange', async () => {
    const rec = recorder();
    const src = source({ kubeconfigPath: kubeconfig, pageSize: 100 });
    const first = await src.start(rec.onChange);
    assert.equal(first.nodes.length, 17);
    await waitFor('node and pod watches', () => server.watchesOn('nodes') >= 1 && server.watchesOn('pods') >= 1);

    const target = structuredClone(nodes[3]);
    target.spec = { ...target.spec, taints: [...(target.spec?.taints ?? []), { key: 'example.com/maintenance', value: 'true', effect: 'NoExecute' }] };
    server.emit('nodes', 'MODIFIED', target);
    const tainted = await rec.next('the MODIFIED node', (inv) =>
      inv.nodes.some((n) => n.metadata.name === target.metadata.name && n.spec?.taints?.some((t: any) => t.key === 'example.com/maintenance')),
    );
    assert.equal(tainted.nodes.length, 17);
    assert.equal(tainted.stale, undefined);

    server.emit('pods', 'DELETED', pod('exporter-b', nodes[1].metadata.name, 'Running', 9100));
    await rec.next('the pod deletion', (inv) => inv.pods.length === 1 && inv.pods[0].metadata.name === 'exporter-a');

    // A pod that finishes leaves the field selector: the server sends DELETED; a MODIFIED to Succeeded must also drop it.
    server.emit('pods', 'MODIFIED', pod('exporter-a', nodes[0].metadata.name, 'Succeeded', 9100));
    await rec.next('the finished pod to disappear', (inv) => inv.pods.length === 0);

    const added = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'new-node-1', labels: { 'kubernetes.io/os': 'linux' } }, spec: {}, status: {} };
    server.emit('nodes', 'ADDED', added);
    const grown = await rec.next('the ADDED node', (inv) => inv.nodes.some((n) => n.metadata.name === 'new-node-1'));
    assert.equal(grown.nodes.length, 18);
    server.emit('nodes', 'DELETED', added);
    await rec.next('the DELETED node', (inv) => inv.nodes.length === 17 && !inv.nodes.some((n) => n.metadata.name === 'new-node-1'));
    await src.stop();
    await waitFor('watches closed after stop()', () => server.openWatches === 0);
  });

  it('re-lists after 410 Gone and keeps following changes', async () => {
    const rec = recorder();
    const src = source({ kubeconfigPath: kubeconfig });
    await src.start(rec.onChange);
    await waitFor('node watch', () => server.watchesOn('nodes') >= 1);
    const listsBefore = server.requests.filter((r) => r.url.startsWith('/api/v1/nodes?') && !r.url.includes('watch=')).length;
    server.compact();
    await waitFor(
      'a fresh node list',
      () => server.requests.filter((r) => r.url.startsWith('/api/v1/nodes?') && !r.url.includes('watch=')).length > listsBefore,
    );
    await waitFor('node watch again', () => server.watchesOn('nodes') >= 1);
    const n = structuredClone(nodes[5]);
    n.metadata.labels = { ...n.metadata.labels, 'example.com/after-gone': 'yes' };
    server.emit('nodes', 'MODIFIED', n);
    await rec.next('the change after re-list', (inv) => inv.nodes.some((x) => x.metadata.labels?.['example.com/after-gone'] === 'yes'));
    assert.ok(
      rec.seen.every((inv) => !inv.stale),
      '410 is routine, not staleness',
    );
    await src.stop();
  });

  it('labels data stale when the connection drops and the re-list fails, then recovers', async () => {
    const rec = recorder();
    const src = source({ kubeconfigPath: kubeconfig });
    const first = await src.start(rec.onChange);
    await waitFor('watches', () => server.watchesOn('nodes') >= 1);
    server.behaviour.malformed = 'nodes';
    try {
      server.dropConnections();
      // First the dropped watch itself is reported, then the failing re-list.
      const dropped = await rec.next('a stale inventory after the drop', (inv) => inv.stale === true);
      assert.ok(
        dropped.messages.some((m) => m.startsWith(`Cannot reach the cluster at ${server.url}: `)),
        dropped.messages.join('\n'),
      );
      const stale = await rec.next(
        'a stale inventory naming the failed re-list',
        (inv) => inv.stale === true && inv.messages.some((m) => /malformed response to GET \/api\/v1\/nodes/.test(m)),
      );
      assert.equal(stale.nodes.length, 17, 'the last good nodes stay');
      assert.equal(stale.fetchedAt, first.fetchedAt, 'fetchedAt says when the data was last current');
      assert.ok(
        stale.messages.some((m) => /retrying in \d+ms\. Showing the nodes as of /.test(m)),
        stale.messages.join('\n'),
      );
      server.behaviour.malformed = undefined;
      const fresh = await rec.next('recovery', (inv) => inv.stale === undefined && rec.seen.indexOf(inv) > rec.seen.indexOf(stale));
      assert.equal(fresh.nodes.length, 17);
      assert.deepEqual(fresh.messages, []);
      assert.ok(Date.parse(fresh.fetchedAt!) >= Date.parse(first.fetchedAt!));
    } finally {
      server.behaviour.malformed = undefined;
      await src.stop();
    }
  });

  it('degrades to nodes only on 403 for pods, and says so', async () => {
    server.behaviour.forbidPods = true;
    try {
      const src = source({ kubeconfigPath: kubeconfig });
      const inv = await src.start();
      assert.equal(inv.nodes.length, 17);
      assert.deepEqual(inv.pods, []);
      assert.equal(inv.stale, undefined);
      assert.equal(inv.messages.length, 1);
      assert.match(inv.messages[0], /Not allowed to list pods at https:\/\/127\.0\.0\.1:\d+ \(403 Forbidden: pods is forbidden: User "tester" cannot list/);
      assert.match(inv.messages[0], /Showing nodes only/);
      assert.match(inv.messages[0], /context kind-dev/);
      await waitFor('node watch', () => server.watchesOn('nodes') >= 1);
      assert.equal(server.watchesOn('pods'), 0, 'no pod watch after 403');
      await src.stop();
    } finally {
      server.behaviour.forbidPods = false;
    }
  });

  it('lists the PriorityClasses once (GET, no watch); 403 or 404 on them leaves them unknown with a message, never fails', async () => {
    const before = server.requests.length;
    const src = source({ kubeconfigPath: kubeconfig });
    const inv = await src.start();
    assert.deepEqual(
      inv.priorityClasses?.map((pc) => [pc.metadata.name, pc.value, pc.preemptionPolicy]),
      [
        ['agents', 1000000, 'Never'],
        ['system-node-critical', 2000001000, 'PreemptLowerPriority'],
      ],
    );
    assert.deepEqual(inv.messages, []);
    await waitFor('node and pod watches', () => server.watchesOn('nodes') >= 1 && server.watchesOn('pods') >= 1);
    const mine = server.requests.slice(before).filter((r) => r.url.startsWith('/apis/scheduling.k8s.io/v1/priorityclasses'));
    assert.equal(mine.length, 1, 'one list page, no watch');
    assert.ok(mine.every((r) => r.method === 'GET' && !r.url.includes('watch=')));
    assert.equal(server.watchesOn('priorityclasses'), 0);
    await src.stop();

    for (const [knob, pattern] of [
      ['forbidden', /^Not allowed to list priorityclasses at https:\/\/127\.0\.0\.1:\d+ \(403 Forbidden: priorityclasses\.scheduling\.k8s\.io is forbidden/],
      [
        'notFound',
        /^The cluster does not serve scheduling\.k8s\.io\/v1 PriorityClasses \(GET \/apis\/scheduling\.k8s\.io\/v1\/priorityclasses at .* failed: 404/,
      ],
    ] as const) {
      server.behaviour.priorityClasses = knob;
      try {
        const degraded = await source({ kubeconfigPath: kubeconfig, watch: false }).start();
        assert.equal(degraded.nodes.length, 17);
        assert.equal(degraded.pods.length, inv.pods.length, 'pods are listed as usual');
        assert.equal(degraded.priorityClasses, undefined, 'unknown, not empty');
        assert.equal(degraded.stale, undefined);
        assert.equal(degraded.messages.length, 1, degraded.messages.join('\n'));
        assert.match(degraded.messages[0], pattern);
        assert.match(degraded.messages[0], /PriorityClasses are unknown/);
      } finally {
        server.behaviour.priorityClasses = undefined;
      }
    }
  });

  it('401 with a wrong token gives a clear message', async () => {
    const kc = writeKubeconfig(tmp.dir, { server: server.url, caFile: cert.certPath, token: 'expired-token', context: 'kind-dev', fileName: 'kc-401' });
    const err = await rejection(source({ kubeconfigPath: kc }).start());
    assert.equal(err.kind, 'unauthorized');
    assert.equal(
      err.message,
      `The cluster at ${server.url} rejected the credentials of user "tester" (401 Unauthorized: Unauthorized); log in again or refresh the token (context kind-dev)`,
    );
  });

  it('401 without any token', async () => {
    const kc = writeKubeconfig(tmp.dir, { server: server.url, caFile: cert.certPath, context: 'kind-dev', fileName: 'kc-none' });
    const err = await rejection(source({ kubeconfigPath: kc }).start());
    assert.equal(err.kind, 'unauthorized');
    assert.match(err.message, /401 Unauthorized/);
  });

  it('times out within the bound when the server never answers', async () => {
    server.behaviour.hang = 'nodes';
    try {
      const t0 = Date.now();
      const err = await rejection(source({ kubeconfigPath: kubeconfig, timeoutMs: 300 }).start());
      const took = Date.now() - t0;
      assert.equal(err.kind, 'timeout');
      assert.equal(err.message, `The cluster at ${server.url} did not answer GET /api/v1/nodes within 300ms (context kind-dev)`);
      assert.ok(took >= 290 && took < 3000, `took ${took} ms`);
    } finally {
      server.behaviour.hang = undefined;
    }
  });

  it('a TLS error (kubeconfig trusts another CA) gives a clear message', async () => {
    const other = makeCertificate(tmp.dir, 'some-other-ca');
    const kc = writeKubeconfig(tmp.dir, { server: server.url, caFile: other.certPath, token: TOKEN, context: 'kind-dev', fileName: 'kc-wrong-ca' });
    const err = await rejection(source({ kubeconfigPath: kc }).start());
    assert.equal(err.kind, 'tls');
    assert.match(
      err.message,
      new RegExp(
        `^TLS error talking to the cluster at ${server.url.replace(/\./g, '\\.')}: .+ \\[[A-Z_]+\\]; the server certificate is not trusted by the kubeconfig's certificate-authority \\(context kind-dev\\)$`,
      ),
    );
  });

  it('malformed JSON gives a clear message', async () => {
    server.behaviour.malformed = 'nodes';
    try {
      const err = await rejection(source({ kubeconfigPath: kubeconfig }).start());
      assert.equal(err.kind, 'malformed');
      assert.match(
        err.message,
        new RegExp(
          `^The cluster at ${server.url.replace(/\./g, '\\.')} sent a malformed response to GET /api/v1/nodes: .*JSON.* \\(the response starts with "\\{\\\\"kind\\\\":\\\\"NodeList\\\\"`,
        ),
      );
      assert.match(err.message, /\(context kind-dev\)$/);
    } finally {
      server.behaviour.malformed = undefined;
    }
  });

  it('connection refused gives a clear message', async () => {
    const url = await refusedUrl();
    const kc = writeKubeconfig(tmp.dir, { server: url, caFile: cert.certPath, token: TOKEN, context: 'kind-dev', fileName: 'kc-refused' });
    const err = await rejection(source({ kubeconfigPath: kc }).start());
    assert.equal(err.kind, 'unreachable');
    assert.equal(err.message, `Cannot reach the cluster at ${url}: connect ECONNREFUSED ${url.replace('https://', '')} (context kind-dev)`);
  });

  it('kubeconfig problems: missing file, unknown context, contexts listed', async () => {
    const missing = await rejection(source({ kubeconfigPath: path.join(tmp.dir, 'nope') }).start());
    assert.equal(missing.kind, 'config');
    assert.match(missing.message, /^No kubeconfig found at .*nope; set KUBECONFIG or choose a kubeconfig file$/);

    const unknown = await rejection(source({ kubeconfigPath: kubeconfig, context: 'prod' }).start());
    assert.equal(unknown.kind, 'config');
    assert.equal(unknown.message, `Context "prod" not found in ${kubeconfig} (available: kind-dev)`);

    const contexts = await listContexts(kubeconfig);
    assert.deepEqual(contexts, {
      files: [kubeconfig],
      current: 'kind-dev',
      contexts: [{ name: 'kind-dev', cluster: 'kind-dev-cluster', user: 'tester', server: server.url }],
    });

    const broken = path.join(tmp.dir, 'broken-kubeconfig');
    writeFileSync(broken, 'apiVersion: v1\nclusters: [\n');
    const bad = await rejection(listContexts(broken));
    assert.equal(bad.kind, 'config');
    assert.match(bad.message, /^Cannot read kubeconfig .*broken-kubeconfig: /);
  });

  it('exec credential plugins work, and a failing plugin gives a clear message', async () => {
    const credential = JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: TOKEN } });
    const good = writeKubeconfig(tmp.dir, {
      server: server.url,
      caFile: cert.certPath,
      context: 'eks-prod',
      fileName: 'kc-exec',
      exec: { command: '/bin/sh', args: ['-c', `echo '${credential}'`] },
    });
    const inv = await source({ kubeconfigPath: good, watch: false }).start();
    assert.equal(inv.nodes.length, 17);
    assert.equal(inv.name, 'eks-prod');

    const bad = writeKubeconfig(tmp.dir, {
      server: server.url,
      caFile: cert.certPath,
      context: 'eks-prod',
      fileName: 'kc-exec-bad',
      exec: { command: '/bin/sh', args: ['-c', 'echo "token expired, run aws sso login" >&2; exit 1'] },
    });
    const err = await rejection(source({ kubeconfigPath: bad }).start());
    assert.equal(err.kind, 'config');
    assert.equal(err.message, 'Cannot use the credentials of user "tester": token expired, run aws sso login (context eks-prod)');
  });

  it('a snapshot of the live inventory reads back as an inventory file', async () => {
    const inv = await source({ kubeconfigPath: kubeconfig, watch: false }).start();
    const text = snapshotToFile(inv);
    const back = parseInventoryText(text, 'snapshot.yaml');
    assert.equal(back.nodes.length, inv.nodes.length);
    assert.equal(back.pods.length, inv.pods.length);
    assert.deepEqual(
      back.nodes.map((n) => n.metadata.name),
      inv.nodes.map((n) => n.metadata.name),
    );
    assert.ok(back.nodes.every((n) => n.kind === 'Node' && n.apiVersion === 'v1' && n.metadata.managedFields === undefined));
    // Round trip keeps placement-relevant fields exactly.
    const pick = (n: any) => ({ labels: n.metadata.labels, taints: n.spec?.taints, unschedulable: n.spec?.unschedulable, allocatable: n.status?.allocatable });
    assert.deepEqual(back.nodes.map(pick), inv.nodes.map(pick));
    assert.deepEqual(
      back.priorityClasses?.map((pc) => [pc.kind, pc.apiVersion, pc.metadata.name, pc.value]),
      inv.priorityClasses?.map((pc) => ['PriorityClass', 'scheduling.k8s.io/v1', pc.metadata.name, pc.value]),
    );
  });

  it('the fake server records and refuses anything but GET (so the read-only assertion means something)', async () => {
    const code = await new Promise<number>((resolve, reject) => {
      const req = https.request(`${server.url}/api/v1/nodes`, { method: 'POST', ca: cert.pem, headers: { Authorization: `Bearer ${TOKEN}` } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end('{}');
    });
    assert.equal(code, 405);
    assert.equal(server.nonGetRequests.length, 1);
    server.requests.splice(
      server.requests.findIndex((r) => r.method === 'POST'),
      1,
    );
  });
});
