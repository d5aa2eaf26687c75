/**
 * Issue 10, item 1 (workspace trust) and item 7 (a workspace raising the file-size cap), through
 * the built server over stdio. The server is started from a hostile folder: its working directory
 * holds a kubeconfig whose user runs an `exec` credential plugin that writes a marker file and
 * sends a token to a loopback API server, and an inventory file. With no workspace folder open, a
 * relative path in the settings must be refused with a message in InventoryInfo; nothing may be
 * read from the server's working directory, nothing may run, no request may reach the server.
 */
import assert from 'node:assert/strict';
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { after, before, describe, it } from 'node:test';
import type { InventoryInfo } from '../../server/src/protocol';
import { makeCertificate, makeTempDir, startFakeApiServer, writeKubeconfig, type Certificate, type FakeApiServer } from '../helpers/fake-apiserver';
import { LspClient } from '../helpers/lsp-client';
import { node } from '../helpers/inventory';

const TOKEN = 'stolen-token';

describe('trust: relative paths and the file-size cap (built server over stdio)', { timeout: 120_000 }, () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let cert: Certificate;
  let api: FakeApiServer;
  let marker: string;
  const clients: LspClient[] = [];

  before(async () => {
    tmp = makeTempDir('trust-cwd-');
    cert = makeCertificate(tmp.dir);
    api = await startFakeApiServer({ cert, token: TOKEN, nodes: [node('from-the-hostile-cluster')] });
    marker = path.join(tmp.dir, 'exec-ran');
    const plugin = path.join(tmp.dir, 'credential-plugin.sh');
    const credential = JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: TOKEN } });
    writeFileSync(plugin, `#!/bin/sh\necho ran > '${marker}'\necho '${credential}'\n`);
    chmodSync(plugin, 0o755);
    writeKubeconfig(tmp.dir, { server: api.url, caFile: cert.certPath, context: 'hostile', exec: { command: plugin, args: [] } });
    writeFileSync(
      path.join(tmp.dir, 'nodes.json'),
      JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Node', ...node('from-the-cwd') }] }),
    );
  });

  after(async () => {
    for (const c of clients) c.kill();
    await api?.close();
    tmp?.cleanup();
  });

  async function start(settings: Record<string, unknown>): Promise<LspClient> {
    const client = await LspClient.start({ cwd: tmp.dir, settings: { daemonset: settings }, timeoutMs: 20_000 });
    clients.push(client);
    return client;
  }

  /** The inventory once the server has settled on one: a fallback with a reason, or the source it was asked for. */
  async function settled(client: LspClient, source: string): Promise<InventoryInfo> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const info = await client.request<InventoryInfo>('daemonset/inventory', null);
      if (info.requested || info.source === source) return info;
      if (Date.now() > deadline) throw new Error(`the inventory never settled: ${JSON.stringify(info)}`);
      await new Promise((r) => setTimeout(r, 50)); // polling the server's state
    }
  }

  it('a relative kubeconfig with no workspace folder is refused: nothing runs, nothing is read from the cwd, no request is sent', async () => {
    const client = await start({ inventory: { source: 'cluster', kubeconfig: 'kubeconfig' } });
    const info = await settled(client, 'cluster');
    assert.equal(info.source, 'sample', `the sample stays in use (got ${info.source}: ${info.name})`);
    assert.equal(info.requested?.source, 'cluster');
    assert.match(info.requested?.error ?? '', /kubeconfig is a relative path and no workspace folder is open/);
    assert.equal(existsSync(marker), false, 'the kubeconfig credential plugin ran');
    assert.equal(api.requests.length, 0, `the API server got ${api.requests.length} request(s)`);
    // The contexts the picker offers come from the same setting: refused the same way.
    const contexts = await client.request<{ contexts: unknown[]; error?: string }>('daemonset/listContexts', {});
    assert.deepEqual(contexts.contexts, []);
    assert.match(contexts.error ?? '', /relative path/);
    assert.equal(existsSync(marker), false);
    assert.equal(api.requests.length, 0);
  });

  it('a relative inventory file with no workspace folder is refused, not read from the cwd', async () => {
    const client = await start({ inventory: { source: 'file', files: ['nodes.json'] } });
    const info = await settled(client, 'file');
    assert.equal(info.source, 'sample', `read ${info.name} (${info.nodes} nodes) from the server's working directory`);
    assert.equal(info.requested?.source, 'file');
    assert.match(info.requested?.error ?? '', /nodes\.json is a relative path and no workspace folder is open/);
  });

  it('relative paths resolve against the workspace folder when one is open', async () => {
    const client = await LspClient.start({
      cwd: path.dirname(tmp.dir),
      workspaceFolder: tmp.dir,
      settings: { daemonset: { inventory: { source: 'file', files: ['nodes.json'] } } },
      timeoutMs: 20_000,
    });
    clients.push(client);
    const info = await settled(client, 'file');
    assert.equal(info.source, 'file', JSON.stringify(info.requested));
    assert.equal(info.nodes, 1);
  });

  it('maxFileSizeMB: 100 is clamped to 10 MB (an 11 MB file is declined with a message)', async () => {
    const client = await start({ maxFileSizeMB: 100 });
    const head = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: big\n';
    const filler = `# ${'x'.repeat(1000)}\n`;
    const text = head + filler.repeat(Math.ceil((11 * 1024 * 1024) / filler.length));
    const uri = 'file:///big/daemonset.yaml';
    await client.open(uri, text);
    // The server checks at once with its defaults (5 MB) and again when it has pulled the settings.
    const defaults = (d: Diagnostic[]) => d.length === 1 && /above 5 MB/.test(String(d[0].message));
    const published = await client.waitForDiagnostics(uri, { timeoutMs: 60_000, where: (d) => !defaults(d) });
    const codes = published.diagnostics.map((d) => d.code);
    assert.deepEqual(codes, ['file-too-large'], `diagnostics: ${codes.join(', ')}`);
    assert.match(String(published.diagnostics[0].message), /above 10 MB/);
  });
});
