// The placement panel in a real VS Code (code-server 1.100 + Debian's chromium): the extension
// loaded from this checkout, the sidebar view following the editor, reveal, the Tolerate quick
// fix, live updates while typing, and the panel beside the editor. Screenshots go to
// test-results/webview-vscode/. Needs code-server (node scripts/vscode-test/install.mjs) and a
// build (node scripts/build.mjs). Run: node --import tsx --test test/ui/panel.ui.ts
import type * as CodeServerLib from '../../scripts/vscode-test/code-server.mjs';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FrameLocator, Page } from 'playwright-core';
import type { CodeServer, RunDirs } from '../../scripts/vscode-test/code-server.mjs';

const repoRoot = path.resolve(__dirname, '..', '..');
const runDir = path.join(repoRoot, '.vscode-test', 'runs', `webview-${Date.now()}-${process.pid}`);
const shots = path.join(repoRoot, 'test-results', 'webview-vscode');
const workspace = path.join(runDir, 'workspace');
const FILE = 'node-agent.yaml';
const STEP_MS = 30_000;

type Lib = typeof CodeServerLib;
let lib: Lib;
let dirs: RunDirs;
let server: CodeServer | undefined;
let close: (() => Promise<void>) | undefined;
let page: Page;

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
}

async function step(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
    await shot(name);
  } catch (e) {
    await page.screenshot({ path: path.join(shots, `FAILED-${name}.png`) }).catch(() => undefined);
    throw e;
  }
}

async function runCommand(title: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().click();
}

/** The placement page inside the n-th ready webview (code-server serves webviews itself). */
function panel(n = 0): FrameLocator {
  return page.locator('iframe.webview.ready').nth(n).contentFrame().frameLocator('iframe#active-frame');
}

describe('placement panel in VS Code (code-server)', { timeout: 300_000 }, () => {
  before(async () => {
    lib = await import('../../scripts/vscode-test/code-server.mjs');
    mkdirSync(shots, { recursive: true });
    mkdirSync(workspace, { recursive: true });
    for (const f of [FILE, 'gpu-plugin.yaml']) cpSync(path.join(repoRoot, 'test/fixtures/placement', f), path.join(workspace, f));
    cpSync(path.join(repoRoot, 'test/fixtures/inventories/gpu-pools.yaml'), path.join(workspace, 'gpu-pools.yaml'));
    for (const f of ['log-collector.yaml', 'misspelled-effect.yaml', 'full-node.yaml'])
      cpSync(path.join(repoRoot, 'test/fixtures/ui', f), path.join(workspace, f));
    const wb = await lib.openWorkbench({ runDir, folder: workspace, extensionPath: repoRoot, viewport: { width: 1500, height: 950 }, stepMs: STEP_MS });
    ({ dirs, server, page } = wb);
    close = wb.closeBrowser;
  });

  after(async () => {
    await close?.().catch(() => undefined);
    const left = (await server?.stop()) ?? [];
    if (dirs) lib.removeRunTmp(dirs);
    assert.deepEqual(left, [], 'code-server processes outlived the scenario');
  });

  it('shows the DaemonSet under the cursor in the sidebar view', () =>
    step('01-view', async () => {
      await page
        .locator('.monaco-workbench')
        .click({ position: { x: 700, y: 450 } })
        .catch(() => undefined);
      await lib.quickOpen(page, FILE);
      await page.locator('.monaco-editor .view-line', { hasText: 'name: node-agent' }).first().click();
      await runCommand('DaemonSet: Show Placement Preview');
      const p = panel();
      await p.locator('.summary .stat[data-k="desired"] .stat-value').waitFor();
      assert.equal(await p.locator('.summary .stat[data-k="desired"] .stat-value').textContent(), '9');
      assert.equal(await p.locator('.ds-name').textContent(), 'node-agent');
      assert.equal(await p.locator('.summary .count[data-verdict="excluded"] .count-value').textContent(), '6');
      // The codicon font loaded under the webview's CSP.
      assert.equal(await p.locator('body').evaluate(() => document.fonts.check('16px codicon')), true);
    }));

  it('reveals the nodeSelector entry behind a NodeAffinity reason', () =>
    step('02-reveal', async () => {
      const group = panel().locator('.group').filter({ hasText: "didn't match Pod's node affinity/selector" });
      await group.locator('.group-block .reason').click();
      const want =
        readFileSync(path.join(workspace, FILE), 'utf8')
          .split('\n')
          .findIndex((l) => l.includes('kubernetes.io/os: linux')) + 1;
      await page
        .locator('.statusbar-item', { hasText: new RegExp(`Ln ${want}, Col \\d+ \\(\\d+ selected\\)`) })
        .first()
        .waitFor();
    }));

  it('Tolerate applies the quick fix and the panel follows', () =>
    step('03-tolerate', async () => {
      const p = panel();
      const group = p.locator('.group').filter({ hasText: 'edge.example.com/remote' });
      await group.locator('.fix').click();
      await page.locator('.monaco-editor .view-line', { hasText: 'key: edge.example.com/remote' }).first().waitFor();
      await p.locator('.summary .count[data-verdict="excluded"] .count-value', { hasText: /^4$/ }).waitFor();
      // Unsaved now: the gained nodes are listed against the saved file.
      await p.locator('.changes .gained', { hasText: 'edge-berlin-1, edge-munich-1' }).waitFor();
    }));

  it('updates while typing: maxUnavailable 25% → 50% changes the waves', () =>
    step('04-typing', async () => {
      const p = panel();
      const desired = Number(await p.locator('.summary .stat[data-k="desired"] .stat-value').textContent());
      await page.locator('.monaco-editor .view-line', { hasText: 'maxUnavailable: 25%' }).first().click();
      await page.keyboard.press('End');
      for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
      await page.keyboard.type('50%');
      const step = Math.ceil((desired * 50) / 100);
      await p.locator('.rollout .plan', { hasText: `Deletes up to ${step} old pods at a time` }).waitFor();
      assert.equal(await p.locator('.rollout .stat[data-k="waves"] .stat-value').textContent(), String(Math.ceil(desired / step)));
    }));

  it('opens the same page beside the editor', () =>
    step('05-beside', async () => {
      await runCommand('DaemonSet: Open Placement Preview Beside the Editor');
      await page.locator('iframe.webview.ready').nth(1).waitFor();
      const beside = [panel(0), panel(1)];
      for (const p of beside) await p.locator('.ds-name', { hasText: 'node-agent' }).waitFor();
    }));

  it('the CodeLens of another file shows its DaemonSet in the open pages', () =>
    step('06-codelens', async () => {
      await lib.quickOpen(page, 'gpu-plugin.yaml');
      const lens = page.locator('.monaco-editor .codelens-decoration a', { hasText: /Runs on 2 of 15 nodes/ }).first();
      await lens.click();
      for (const p of [panel(0), panel(1)]) await p.locator('.ds-name', { hasText: 'nvidia-device-plugin' }).waitFor();
      assert.equal(await panel(1).locator('.rollout .stat[data-k="waves"] .stat-value').textContent(), '2');
    }));

  it('a log collector: "Tolerate node-role.kubernetes.io/control-plane" makes the control-plane nodes join', () =>
    step('07-tolerate-control-plane', async () => {
      await lib.quickOpen(page, 'log-collector.yaml');
      await page.locator('.monaco-editor .view-line', { hasText: 'kubernetes.io/arch: amd64' }).first().click();
      const p = panel(0);
      await p.locator('.ds-name', { hasText: 'log-collector' }).waitFor();
      await p.locator('.summary .stat[data-k="desired"] .stat-value', { hasText: /^4$/ }).waitFor();
      const group = p.locator('.group').filter({ hasText: 'node-role.kubernetes.io/control-plane' });
      await group.locator('.fix').click();
      await page.locator('.monaco-editor .view-line', { hasText: 'key: node-role.kubernetes.io/control-plane' }).first().waitFor();
      await p.locator('.summary .stat[data-k="desired"] .stat-value', { hasText: /^7$/ }).waitFor();
      for (const cp of ['cp-1', 'cp-2', 'cp-3']) await p.locator('.group.runs .row', { hasText: cp }).first().waitFor();
    }));

  it('editing the nodeSelector (amd64 → arm64) changes the table as you type', () =>
    step('08-edit-node-selector', async () => {
      const line = page.locator('.monaco-editor .view-line', { hasText: 'kubernetes.io/arch: amd64' }).first();
      await line.click();
      await page.keyboard.press('End');
      for (let i = 0; i < 'amd64'.length; i++) await page.keyboard.press('Backspace');
      await page.keyboard.type('arm64');
      const p = panel(0);
      await p.locator('.summary .stat[data-k="desired"] .stat-value', { hasText: /^2$/ }).waitFor();
      for (const n of ['arm-a-1', 'arm-b-1']) await p.locator('.group.runs .row', { hasText: n }).first().waitFor();
      assert.equal(await p.locator('.group.runs .row', { hasText: 'cp-1' }).count(), 0, 'cp-1 is amd64: no longer selected');
    }));

  it('a toleration with a misspelled effect: the panel offers to fix that toleration, and the control-plane nodes join', () =>
    step('09-fix-misspelled-toleration', async () => {
      await lib.quickOpen(page, 'misspelled-effect.yaml');
      await page.locator('.monaco-editor .view-line', { hasText: 'name: cni-agent' }).first().click();
      const p = panel(0);
      await p.locator('.ds-name', { hasText: 'cni-agent' }).waitFor();
      const group = p.locator('.group').filter({ hasText: 'node-role.kubernetes.io/control-plane' });
      // The fix of the toleration that almost matches comes first and is the preferred one; adding a second toleration is the other choice.
      const fixes = group.locator('.group-block .fix');
      await fixes.first().waitFor();
      assert.deepEqual(await fixes.allTextContents(), [
        'Fix toleration 1: effect `NoSchedul` → `NoSchedule` (3 nodes run)',
        'Tolerate node-role.kubernetes.io/control-plane:NoSchedule (3 nodes run)',
      ]);
      assert.match((await fixes.first().getAttribute('class'))!, /\bprimary\b/);
      await shot('09-remedies-offered');
      await fixes.first().click();
      // Monaco renders spaces as no-break spaces: match the words, not the whitespace.
      await page
        .locator('.monaco-editor .view-line', { hasText: /effect:\sNoSchedule$/ })
        .first()
        .waitFor();
      for (const cp of ['cp-1', 'cp-2', 'cp-3']) await p.locator('.group.runs .row', { hasText: cp }).first().waitFor();
      assert.equal(
        await page.locator('.monaco-editor .view-line', { hasText: 'key: node-role.kubernetes.io/control-plane' }).count(),
        1,
        'fixed in place, not added twice',
      );
    }));

  it('a node too full for the pod: the reason names the pods using the memory; a priority that preempts makes it run', () =>
    step('10-pending-preemption', async () => {
      await lib.quickOpen(page, 'full-node.yaml');
      await page.locator('.monaco-editor .view-line', { hasText: 'name: node-agent-large' }).first().click();
      const p = panel(0);
      await p.locator('.ds-name', { hasText: 'node-agent-large' }).waitFor();
      const pending = p.locator('.group.pending').filter({ hasText: 'Insufficient memory' });
      await pending.locator('.group-block .detail', { hasText: 'shop/checkout-api-5b7c9d8f46-78nxd (12Gi)' }).waitFor();
      assert.match((await pending.locator('.group-block .detail').textContent())!, /^requests 256Mi; the node has ~105Mi free of ~30Gi allocatable/);
      const priority = pending.locator('.group-block .fix', { hasText: 'Set priorityClassName: system-node-critical' });
      assert.equal(await priority.textContent(), 'Set priorityClassName: system-node-critical (preempts search/search-indexer-78f5c6b9d4-z768r)');
      await shot('10-pending-offered');
      await priority.click();
      await page.locator('.monaco-editor .view-line', { hasText: 'priorityClassName: system-node-critical' }).first().waitFor();
      const row = p.locator('.group.runs .row', { hasText: 'worker-c-1' });
      await row.locator('.preempts', { hasText: 'Runs only by preempting search/search-indexer-78f5c6b9d4-z768r' }).waitFor();
      assert.equal(await p.locator('.summary .count[data-verdict="pending"] .count-value').textContent(), '0');
    }));

  it('switches to an inventory file from the command palette; the panel and status bar follow', () =>
    step('11-inventory-file', async () => {
      // Back to the log collector's tab (open since step 07).
      await page.locator('.tabs-container .tab', { hasText: 'log-collector.yaml' }).first().click();
      await page.locator('.tabs-container .tab.active', { hasText: 'log-collector.yaml' }).first().waitFor();
      await runCommand('DaemonSet: Select Inventory Source');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Inventory file' }).first().click();
      // code-server's file dialog is a quick input that takes a path.
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await input.fill(`${workspace}/`);
      // Choosing a file in the list accepts it.
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'gpu-pools.yaml' }).first().click();
      const p = panel(0);
      await p.locator('.inventory-name', { hasText: 'gpu-pools.yaml' }).waitFor();
      await page.locator('.statusbar-item', { hasText: 'gpu-pools.yaml' }).first().waitFor();
      await p.locator('.ds-name', { hasText: 'log-collector' }).waitFor();
      // The CodeLens is recomputed against the new inventory too.
      await page.locator('.monaco-editor .codelens-decoration', { hasText: 'Runs on 0 of 4 nodes · inventory gpu-pools.yaml' }).first().waitFor();
    }));
});
