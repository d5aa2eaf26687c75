/**
 * Files the server and the CLI read on their own (issue 10, items 2, 6 and 8): a kustomization.yaml
 * beside an opened manifest, inventory files, manifests found by walking a directory. Each is a
 * regular file within a bound, read with that bound and parsed off the event loop; past a bound
 * the message names the file, its size and the bound, and everything else still works.
 * Through the built server over stdio and the built CLI.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { makeTempDir } from '../helpers/fake-apiserver';
import { LspClient } from '../helpers/lsp-client';
import { repoRoot } from '../helpers/paths';
import type { InventoryInfo } from '../../server/src/protocol';

const DS = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: { app: agent }
  template:
    metadata:
      labels: { app: agent }
    spec:
      containers:
        - name: agent
          image: example/agent:1.0
`;
/** The same DaemonSet as a kustomize patch would write it: no selector, no containers' image. */
const PATCH = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      tolerations:
        - operator: Exists
`;

const tmp = makeTempDir('security-files-');
after(() => tmp.cleanup());
let dirs = 0;
function newDir(): string {
  const dir = path.join(tmp.dir, `case-${++dirs}`);
  mkdirSync(dir);
  return dir;
}

/** Resident memory of a process (now and at its peak), MiB. */
function rss(pid: number): { now: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { now: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** A kubectl-like node of about 1.5 KiB of YAML, as an item of a `kind: List`. */
function nodeItem(i: number): string {
  return `- apiVersion: v1
  kind: Node
  metadata:
    name: node-${i}
    labels:
      kubernetes.io/os: linux
      kubernetes.io/arch: amd64
      kubernetes.io/hostname: node-${i}
      topology.kubernetes.io/zone: zone-${i % 3}
      node.kubernetes.io/instance-type: m5.large
    annotations:
      node.alpha.kubernetes.io/ttl: "0"
      volumes.kubernetes.io/controller-managed-attach-detach: "true"
  spec:
    podCIDR: 10.${(i >> 8) & 255}.${i & 255}.0/24
    providerID: aws:///zone-${i % 3}/i-${i.toString(16).padStart(12, '0')}
  status:
    capacity: {cpu: "4", memory: 16Gi, pods: "110"}
    allocatable: {cpu: 3920m, memory: 15Gi, pods: "110"}
    conditions:
    - {type: Ready, status: "True", reason: KubeletReady, message: kubelet is posting ready status, lastHeartbeatTime: "2024-01-01T00:00:00Z"}
    - {type: MemoryPressure, status: "False", reason: KubeletHasSufficientMemory, message: kubelet has sufficient memory available}
    - {type: DiskPressure, status: "False", reason: KubeletHasNoDiskPressure, message: kubelet has no disk pressure}
    images:
    - names: [registry.example.com/team/agent@sha256:${'a'.repeat(64)}, registry.example.com/team/agent:v1.0.0]
      sizeBytes: 123456789
    - names: [registry.example.com/team/proxy@sha256:${'b'.repeat(64)}, registry.example.com/team/proxy:v2.0.0]
      sizeBytes: 23456789
    nodeInfo: {architecture: amd64, operatingSystem: linux, kubeletVersion: v1.36.0, containerRuntimeVersion: "containerd://2.0.0", kernelVersion: 6.1.0, osImage: Ubuntu 24.04, machineID: m, systemUUID: u, bootID: b}
`;
}

/** A YAML inventory (`kubectl get nodes -o yaml`) of about `mib` MiB. */
function yamlInventory(mib: number): string {
  const parts = ['apiVersion: v1\nkind: List\nitems:\n'];
  let size = parts[0].length;
  for (let i = 0; size < mib * 1024 * 1024; i++) {
    const item = nodeItem(i);
    parts.push(item);
    size += item.length;
  }
  return parts.join('');
}

/** Starts the server, opens a manifest beside the files the test made, and answers configuration with `settings`. */
async function serverWith(settings: Record<string, unknown> = {}, env: Record<string, string> = {}): Promise<LspClient> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await LspClient.start({ settings, timeoutMs: 20_000 });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Waits for the inventoryChanged notification whose info satisfies `where`. */
function inventoryChanged(c: LspClient, where: (info: InventoryInfo) => boolean, timeoutMs: number): Promise<InventoryInfo> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching daemonset/inventoryChanged within ${timeoutMs} ms\n${c.stderr.slice(-1500)}`)), timeoutMs);
    c.connection.onNotification('daemonset/inventoryChanged', (info: InventoryInfo) => {
      if (!where(info)) return;
      clearTimeout(timer);
      resolve(info);
    });
  });
}

/**
 * A server with a manifest open beside `file`, switched to `file` as its inventory: `body` gets the
 * inventoryChanged that answers the switch (the file loaded or refused).
 */
async function withInventoryFile(
  file: string,
  opts: { env?: Record<string, string>; timeoutMs: number },
  body: (c: LspClient, uri: string, info: InventoryInfo) => Promise<void>,
): Promise<void> {
  const c = await serverWith({}, opts.env);
  try {
    const uri = pathToFileURL(path.join(path.dirname(file), 'ds.yaml')).href;
    await c.open(uri, DS);
    const changed = inventoryChanged(c, (i) => i.requested?.source === 'file', opts.timeoutMs);
    await c.setSettings({ daemonset: { inventory: { source: 'file', files: [file] } } });
    await body(c, uri, await changed);
  } finally {
    c.kill();
  }
}

/** The server answers and is still running. */
async function assertAlive(c: LspClient, uri: string): Promise<void> {
  const t0 = performance.now();
  await c.hover(uri, { line: 13, character: 12 }, 5000);
  assert.ok(performance.now() - t0 < 1000, 'a hover is answered at once');
  assert.equal(c.child.exitCode, null, 'the server is still running');
}

describe('security: a kustomization.yaml beside an opened file', () => {
  it('a link to /dev/zero is refused unread: diagnostics at once, memory flat, the refusal logged', async () => {
    const dir = newDir();
    symlinkSync('/dev/zero', path.join(dir, 'kustomization.yaml'));
    writeFileSync(path.join(dir, 'ds.yaml'), DS);
    const c = await serverWith();
    try {
      const uri = pathToFileURL(path.join(dir, 'ds.yaml')).href;
      const t0 = performance.now();
      await c.open(uri, DS);
      // Before: no diagnostics after 25 s, the server at 1.9 GB and growing (16.5 GB in 60 s reported).
      await c.waitForDiagnostics(uri, { timeoutMs: 5000 });
      const ms = performance.now() - t0;
      assert.ok(ms < 2000, `diagnostics after ${ms.toFixed(0)} ms`);
      assert.ok(rss(c.child.pid!).peak < 400, `server peak RSS ${rss(c.child.pid!).peak.toFixed(0)} MB`);
      assert.match(c.stderr, /kustomization\.yaml was not read: not a regular file \(a symbolic link to a character device\)/);
      await assertAlive(c, uri);
    } finally {
      c.kill();
    }
  });

  it('a FIFO is refused unopened: the server does not hang on it', async () => {
    const dir = newDir();
    const made = spawnSync('mkfifo', [path.join(dir, 'kustomization.yaml')]);
    assert.equal(made.status, 0, 'mkfifo');
    const c = await serverWith();
    try {
      const uri = pathToFileURL(path.join(dir, 'ds.yaml')).href;
      await c.open(uri, DS);
      // Before: readFileSync on the FIFO waits for a writer forever; no diagnostics, no answers.
      await c.waitForDiagnostics(uri, { timeoutMs: 5000 });
      assert.match(c.stderr, /kustomization\.yaml was not read: not a regular file \(a named pipe \(FIFO\)\)/);
      await assertAlive(c, uri);
    } finally {
      c.kill();
    }
  });

  it('an 18 MB kustomization is refused by its size: diagnostics at once, the message names the size and the bound', async () => {
    const dir = newDir();
    const line = '  - path: patches/a-patch-with-a-long-name.yaml\n';
    writeFileSync(path.join(dir, 'kustomization.yaml'), 'kind: Kustomization\npatches:\n' + line.repeat(Math.ceil(18e6 / line.length)));
    const c = await serverWith();
    try {
      const uri = pathToFileURL(path.join(dir, 'ds.yaml')).href;
      const t0 = performance.now();
      await c.open(uri, DS);
      // Before: 33.7 s to the first diagnostics here (14.6 s reported), 1.4 GB peak RSS.
      await c.waitForDiagnostics(uri, { timeoutMs: 5000 });
      const ms = performance.now() - t0;
      assert.ok(ms < 2000, `diagnostics after ${ms.toFixed(0)} ms`);
      assert.match(c.stderr, /kustomization\.yaml was not read: file is too large \(17\.2 MiB; the limit is 1\.0 MiB\)/);
      assert.ok(rss(c.child.pid!).peak < 400, `server peak RSS ${rss(c.child.pid!).peak.toFixed(0)} MB`);
    } finally {
      c.kill();
    }
  });

  it('a large kustomization under the bound is parsed off the diagnostics pass; the patch it lists is then checked as a patch', async () => {
    const dir = newDir();
    // ~900 KiB: thousands of other patches, then this one. Parsing it takes seconds (3.7 s measured on the event loop before).
    const others = Array.from({ length: 22_000 }, (_, i) => `  - path: patches/other-patch-${i}.yaml\n`).join('');
    writeFileSync(path.join(dir, 'kustomization.yaml'), `kind: Kustomization\npatches:\n${others}  - path: ds.yaml\n`);
    const c = await serverWith();
    try {
      const uri = pathToFileURL(path.join(dir, 'ds.yaml')).href;
      const t0 = performance.now();
      await c.open(uri, PATCH);
      const first = await c.waitForDiagnostics(uri, { timeoutMs: 10_000 });
      const ms = performance.now() - t0;
      assert.ok(ms < 1000, `first diagnostics after ${ms.toFixed(0)} ms`);
      await assertAlive(c, uri);
      // Once the worker has read it, the file is checked again as the patch it is: no missing-required.
      const since = first.diagnostics.some((d) => d.code === 'missing-required') ? c.mark() : 0;
      await c.waitForDiagnostics(uri, { since, where: (d) => !d.some((x) => x.code === 'missing-required'), timeoutMs: 30_000 });
    } finally {
      c.kill();
    }
  });
});

describe('security: inventory files', () => {
  it('a 5 MiB YAML inventory is parsed in a worker: hover is answered within a second all through the load', async () => {
    const dir = newDir();
    const file = path.join(dir, 'nodes.yaml');
    writeFileSync(file, yamlInventory(5));
    const c = await serverWith();
    try {
      const uri = pathToFileURL(path.join(dir, 'ds.yaml')).href;
      await c.open(uri, DS);
      await c.waitForDiagnostics(uri);
      const loaded = inventoryChanged(c, (i) => i.source === 'file', 120_000);
      let changedAt: number | undefined;
      void loaded.then(() => (changedAt = performance.now())).catch(() => undefined);
      const start = performance.now();
      await c.setSettings({ daemonset: { inventory: { source: 'file', files: [file] } } });
      // Hover after hover until the new inventory is announced: the longest stretch without an
      // answer (from the settings to the first answer, between answers, from the last answer to
      // the announcement) is how long the event loop was held.
      const answers: number[] = [];
      while (changedAt === undefined) {
        await c.hover(uri, { line: 13, character: 12 }, 60_000);
        answers.push(performance.now());
        await new Promise<void>((r) => setImmediate(r));
      }
      const info = await loaded;
      assert.ok(info.nodes > 600, `${info.nodes} nodes`);
      const points = [start, ...answers.filter((t) => t < changedAt!), changedAt];
      const gaps = points.slice(1).map((t, i) => t - points[i]);
      const worst = Math.max(...gaps);
      assert.ok(points.length >= 5, `${points.length - 2} hovers answered during a load of ${(changedAt - start).toFixed(0)} ms`);
      // Before: the parse held the event loop (8.3 s for 10 MiB); no hover was answered meanwhile.
      assert.ok(worst < 1000, `the event loop answered nothing for ${worst.toFixed(0)} ms during the load`);
    } finally {
      c.kill();
    }
  });

  it('a 60 MiB inventory is refused by its size: the message names the file, the size and the bound; the sample is used; the server lives', async () => {
    const dir = newDir();
    const file = path.join(dir, 'huge.yaml');
    writeFileSync(file, yamlInventory(60));
    await withInventoryFile(file, { timeoutMs: 20_000 }, async (c, uri) => {
      // Before: the whole file parsed on the event loop (58 s, 1.9 GB here; V8 out of memory with a smaller heap).
      const info = await c.request<InventoryInfo>('daemonset/inventory', null);
      assert.equal(info.source, 'sample');
      assert.equal(info.requested?.error, `${file}: file is too large (60.0 MiB; the limit is 50.0 MiB)`);
      await assertAlive(c, uri);
    });
  });

  it('more than 5,000 nodes is refused with Kubernetes’ limit named', async () => {
    const dir = newDir();
    const file = path.join(dir, 'many.json');
    const items = Array.from({ length: 5001 }, (_, i) => ({ metadata: { name: `n${i}` } }));
    writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'NodeList', items }));
    await withInventoryFile(file, { timeoutMs: 20_000 }, async (c, uri, info) => {
      // Before: 5,001 nodes loaded without a word.
      assert.equal(info.source, 'sample');
      assert.equal(info.requested?.error, 'many.json: more than 5000 nodes (Kubernetes supports clusters of up to 5000 nodes); the inventory is not used');
      await assertAlive(c, uri);
    });
  });

  it('a parse that exhausts the worker’s heap ends the worker, not the server: a clear error, the sample in use', async () => {
    const dir = newDir();
    const file = path.join(dir, 'nodes.yaml');
    writeFileSync(file, yamlInventory(5));
    // A small worker heap stands in for a file built to exhaust the real one (2 GiB).
    await withInventoryFile(file, { env: { DAEMONSET_PARSE_WORKER_MAX_MB: '32' }, timeoutMs: 60_000 }, async (c, uri, info) => {
      // Before: no worker and no limit; the parse ran in the server's own heap (a 60 MiB file: V8 out of memory, the server gone).
      assert.equal(info.source, 'sample');
      assert.equal(info.requested?.error, 'nodes.yaml: parsing needed more than 32 MiB of memory; it was stopped');
      await assertAlive(c, uri);
    });
  });
});

describe('security: the CLI walking a tree', () => {
  const cli = path.join(repoRoot, 'dist', 'cli.js');
  const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 60_000 });

  it('a link loop, a dangling link, a FIFO and a link to /dev/zero are reported one by one; every other file is checked; exit 2 at the end', () => {
    const dir = newDir();
    writeFileSync(path.join(dir, 'a-good.yaml'), DS);
    symlinkSync('b-loop.yaml', path.join(dir, 'b-loop.yaml'));
    symlinkSync('missing.yaml', path.join(dir, 'c-dangling.yaml'));
    assert.equal(spawnSync('mkfifo', [path.join(dir, 'd-fifo.yaml')]).status, 0, 'mkfifo');
    symlinkSync('/dev/zero', path.join(dir, 'e-zero.yaml'));
    writeFileSync(path.join(dir, 'f-good.yaml'), DS);
    symlinkSync('f-good.yaml', path.join(dir, 'g-link-to-good.yaml'));
    const r = run(['--format', 'json', dir]);
    // Before: the loop stopped the run at once (exit 2, nothing checked); a FIFO would have hung it.
    assert.equal(r.status, 2, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(
      out.files.map((f: { path: string }) => path.basename(f.path)),
      ['a-good.yaml', 'f-good.yaml', 'g-link-to-good.yaml'],
    );
    assert.deepEqual(
      out.errors.map((e: { path: string; message: string }) => [path.basename(e.path), e.message]),
      [
        ['b-loop.yaml', 'too many levels of symbolic links (a symbolic link loop)'],
        ['c-dangling.yaml', 'a symbolic link to a file that does not exist'],
        ['d-fifo.yaml', 'not a regular file (a named pipe (FIFO))'],
        ['e-zero.yaml', 'not a regular file (a symbolic link to a character device)'],
      ],
    );
    for (const name of ['b-loop.yaml', 'c-dangling.yaml', 'd-fifo.yaml', 'e-zero.yaml']) assert.match(r.stderr, new RegExp(`cannot read ${dir}/${name}: `));
  });

  it('a directory link out of the tree is not followed; --follow-symlinks follows links, each directory once', () => {
    const outside = newDir();
    writeFileSync(path.join(outside, 'secret.yaml'), DS);
    const dir = newDir();
    writeFileSync(path.join(dir, 'ds.yaml'), DS);
    symlinkSync(outside, path.join(dir, 'elsewhere'));
    mkdirSync(path.join(dir, 'sub'));
    symlinkSync('..', path.join(dir, 'sub', 'up'));
    const plain = run(['--format', 'json', dir]);
    assert.equal(plain.status, 0, plain.stderr);
    // Before: elsewhere/secret.yaml was read and checked (and sub/up looped until ELOOP stopped the run).
    assert.deepEqual(
      JSON.parse(plain.stdout).files.map((f: { path: string }) => path.relative(dir, f.path)),
      ['ds.yaml'],
    );
    assert.match(plain.stderr, /elsewhere: a symbolic link to a directory; not followed \(--follow-symlinks follows it\)/);
    const followed = run(['--format', 'json', '--follow-symlinks', dir]);
    assert.equal(followed.status, 0, followed.stderr);
    assert.deepEqual(
      JSON.parse(followed.stdout).files.map((f: { path: string }) => path.relative(dir, f.path)),
      ['ds.yaml', path.join('elsewhere', 'secret.yaml')],
    );
  });
});
