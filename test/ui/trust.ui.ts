// Issue 10, item 1: a hostile repository opened in a real VS Code (code-server 1.100 + Debian's
// chromium) with workspace trust ON. The folder's .vscode/settings.json asks for a cluster through
// its own kubeconfig (.vscode/kubeconfig), whose user runs an `exec` credential plugin that writes
// a marker file, against a loopback HTTPS API server that counts requests. Untrusted (Restricted
// Mode): the language features work against the bundled sample, nothing runs, no request is
// sent. Then trusted: the extension asks before using the workspace's cluster; "Keep my settings"
// keeps the sample. Screenshots go to test-results/ui/trust-*.png.
// Run: VSCODE_TEST_UI_ONLY=trust VSCODE_TEST_SUITE=0 node test/vscode/run.mjs
// (or node --import tsx --test test/ui/trust.ui.ts after a build and the code-server install).
import type * as CodeServerLib from '../../scripts/vscode-test/code-server.mjs';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { CodeServer, RunDirs } from '../../scripts/vscode-test/code-server.mjs';
import { clearValueAndSuggest } from './monaco';
import { makeCertificate, startFakeApiServer, writeKubeconfig, type FakeApiServer } from '../helpers/fake-apiserver';
import { node } from '../helpers/inventory';

const repoRoot = path.resolve(__dirname, '..', '..');
const extensionPath = path.resolve(process.env.VSCODE_TEST_EXTENSION_PATH ?? repoRoot);
const runDir = path.resolve(
  process.env.VSCODE_TEST_RUN_DIR
    ? path.join(process.env.VSCODE_TEST_RUN_DIR, 'trust')
    : path.join(repoRoot, '.vscode-test', 'runs', `trust-${Date.now()}-${process.pid}`),
);
const shots = path.join(repoRoot, 'test-results', 'ui');
const workspace = path.join(runDir, 'hostile-repo');
const marker = path.join(runDir, 'credential-plugin-ran');
const FILE = 'fluentd-bad-effect.yaml';
const BAD_VALUE = 'NoSchedul';
const STEP_MS = 60_000;
const TOKEN = 'token-sent-to-the-repository-server';

type Lib = typeof CodeServerLib;
let lib: Lib;
let dirs: RunDirs;
let server: CodeServer | undefined;
let api: FakeApiServer | undefined;
let close: (() => Promise<void>) | undefined;
let page: Page;
let failed = false;

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(shots, `trust-${name}.png`) });
}

async function step(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
    await shot(name);
  } catch (e) {
    failed = true;
    await lib.saveFailureArtifacts({ outDir: shots, name: `trust-${name}`, page, log: (s) => console.log(s) });
    throw e;
  }
}

/** Nothing ran and nothing reached the repository's API server. */
function assertNothingReachedOut(): void {
  assert.equal(existsSync(marker), false, 'the kubeconfig credential plugin ran');
  assert.equal(api?.requests.length, 0, `the repository's API server got ${api?.requests.length} request(s): ${JSON.stringify(api?.requests)}`);
}

const statusItem = () => page.locator('.statusbar-item', { hasText: /sample cluster · \d+ nodes/ }).first();

let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      await close?.().catch(() => undefined);
      await server?.stop();
      await api?.close();
      if (dirs) lib.removeRunTmp(dirs);
      process.exit(sig === 'SIGINT' ? 130 : 143);
    })();
  });
}

describe('a hostile repository in VS Code with workspace trust on (code-server)', { timeout: 300_000 }, () => {
  before(async () => {
    lib = await import('../../scripts/vscode-test/code-server.mjs');
    mkdirSync(shots, { recursive: true });
    mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
    cpSync(path.join(repoRoot, 'test', 'fixtures', 'workspace', FILE), path.join(workspace, FILE));
    const cert = makeCertificate(runDir);
    api = await startFakeApiServer({ cert, token: TOKEN, nodes: [node('repository-chosen-node')] });
    const credential = JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: TOKEN } });
    writeKubeconfig(path.join(workspace, '.vscode'), {
      server: api.url,
      caFile: cert.certPath,
      context: 'hostile',
      exec: { command: '/bin/sh', args: ['-c', `echo ran > '${marker}'; echo '${credential}'`] },
    });
    writeFileSync(
      path.join(workspace, '.vscode', 'settings.json'),
      JSON.stringify(
        {
          'daemonset.inventory.source': 'cluster',
          'daemonset.inventory.kubeconfig': '.vscode/kubeconfig',
          'daemonset.inventory.context': 'hostile',
          'daemonset.maxFileSizeMB': 100,
        },
        null,
        2,
      ),
    );
    const wb = await lib.openWorkbench({
      runDir,
      folder: workspace,
      extensionPath,
      stepMs: STEP_MS,
      workspaceTrust: true,
      // No modal question at startup: the folder opens untrusted, in Restricted Mode.
      userSettings: { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'always' },
    });
    ({ dirs, server, page } = wb);
    close = wb.closeBrowser;
  });

  after(async () => {
    if (failed && server) {
      await lib.saveFailureArtifacts({ outDir: shots, name: 'trust', server, userDataDir: path.join(runDir, 'user-data') });
    }
    await close?.().catch(() => undefined);
    const left = (await server?.stop()) ?? [];
    await api?.close();
    if (dirs) lib.removeRunTmp(dirs);
    assert.deepEqual(left, [], 'code-server processes outlived the scenario');
  });

  it('opens the folder in Restricted Mode', () =>
    step('01-restricted', async () => {
      await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor();
    }));

  it('checks the DaemonSet in Restricted Mode: diagnostics', () =>
    step('02-diagnostics', async () => {
      await page
        .locator('.monaco-workbench')
        .click({ position: { x: 700, y: 450 } })
        .catch(() => undefined);
      await lib.quickOpen(page, FILE);
      await page.locator('.monaco-editor .view-line', { hasText: `effect: ${BAD_VALUE}` }).waitFor();
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached' });
    }));

  it('places it on the bundled sample: the CodeLens and the status bar name the sample cluster', () =>
    step('03-sample', async () => {
      await page
        .locator('.monaco-editor .codelens-decoration', { hasText: /Runs on \d+ of \d+ nodes · sample cluster/ })
        .first()
        .waitFor();
      await statusItem().waitFor();
      assertNothingReachedOut();
    }));

  it('completes in Restricted Mode (Ctrl+Space offers the effects)', () =>
    step('04-completion', async () => {
      await clearValueAndSuggest(page, 'effect', BAD_VALUE);
      await page
        .locator('.editor-widget.suggest-widget.visible .monaco-list-row', { has: page.locator('.label-name', { hasText: /^NoSchedule$/ }) })
        .first()
        .waitFor();
      await shot('04a-completion-list');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Z');
      await page
        .locator('.monaco-editor .view-line', { hasText: `effect: ${BAD_VALUE}` })
        .first()
        .waitFor();
      assertNothingReachedOut();
    }));

  it('trusted: asks before using the workspace cluster, naming the values and the file; "Keep my settings" keeps the sample', () =>
    step('05-trusted-asks', async () => {
      // Trust the folder as a user would: the Restricted Mode item opens the trust editor.
      await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().click();
      const trust = page.locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust$/ }).first();
      await trust.waitFor();
      await shot('05a-trust-editor');
      await trust.click();
      await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ state: 'detached' });
      const toast = page.locator('.notification-toast', { hasText: 'ask the DaemonSet extension to use' }).first();
      await toast.waitFor();
      const text = (await toast.innerText()).replace(/\s+/g, ' ');
      console.log(`notification: ${text}`);
      assert.match(text, /\.vscode\/settings\.json/);
      assert.match(text, /daemonset\.inventory\.source: "cluster"/);
      assert.match(text, /daemonset\.inventory\.kubeconfig: "\.vscode\/kubeconfig"/);
      assert.match(text, /daemonset\.inventory\.context: "hostile"/);
      assert.match(text, /credential program/);
      await shot('05b-notification');
      assertNothingReachedOut();
      await toast.locator('.monaco-button', { hasText: 'Keep my settings' }).click();
      await toast.waitFor({ state: 'detached' });
      // The server re-read its settings on the trust grant and still judges against the sample.
      // (The status bar item shows while a YAML editor is active: back to the DaemonSet's tab.)
      await page.locator(`.tabs-container .tab[aria-label^="${FILE}"]`).first().click();
      await statusItem().waitFor();
      await page
        .locator('.monaco-editor .codelens-decoration', { hasText: /· sample cluster/ })
        .first()
        .waitFor();
      assertNothingReachedOut();
    }));
});
