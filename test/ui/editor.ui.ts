// What a user sees: the extension loaded in code-server (a real VS Code 1.100 workbench),
// driven through Debian's chromium by playwright. Each step waits on the workbench's own
// elements (selectors from /work/shared/guide/real-vscode-testing.md) and leaves a screenshot
// in test-results/ui/. Run by test/vscode/run.mjs after the extension-host suite.
import type * as CodeServerLib from '../../scripts/vscode-test/code-server.mjs';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { CodeServer, RunDirs } from '../../scripts/vscode-test/code-server.mjs';
import { clearValueAndSuggest } from './monaco';

const repoRoot = path.resolve(__dirname, '..', '..');
const extensionPath = path.resolve(process.env.VSCODE_TEST_EXTENSION_PATH ?? repoRoot);
const runDir = path.resolve(process.env.VSCODE_TEST_RUN_DIR ?? path.join(repoRoot, '.vscode-test', 'runs', `ui-${Date.now()}-${process.pid}`));
const shots = path.join(repoRoot, 'test-results', 'ui');
// The scenario edits a file: work on a copy of the fixtures (run.mjs makes one per run).
const workspace = process.env.VSCODE_TEST_WORKSPACE ?? path.join(runDir, 'workspace');
if (!existsSync(workspace)) cpSync(path.join(repoRoot, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });

const FILE = 'fluentd-bad-effect.yaml';
const BAD_VALUE = 'NoSchedul';
const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const STEP_MS = 30_000;

type Lib = typeof CodeServerLib;
let lib: Lib;
let dirs: RunDirs;
let server: CodeServer | undefined;
let close: (() => Promise<void>) | undefined;
let page: Page;
let failed = false;

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
}

/** Runs a step; on failure keeps a screenshot and the logs next to the step screenshots. */
async function step(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    failed = true;
    await lib.saveFailureArtifacts({ outDir: shots, name, page, log: (s) => console.log(s) });
    throw e;
  }
}

// Interrupted (Ctrl+C, a CI timeout): stop code-server and chromium before exiting, since the
// test runner would end this process without running after().
let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (stopping) return; // a second signal (terminal and runner both send one)
    stopping = true;
    void (async () => {
      await close?.().catch(() => undefined);
      await server?.stop();
      if (dirs) lib.removeRunTmp(dirs);
      process.exit(sig === 'SIGINT' ? 130 : 143);
    })();
  });
}

describe('DaemonSet editing in VS Code (code-server)', { timeout: 240_000 }, () => {
  before(async () => {
    const text = readFileSync(path.join(workspace, FILE), 'utf8');
    assert.ok(text.includes(`effect: ${BAD_VALUE}\n`), `${FILE} must hold "effect: ${BAD_VALUE}" for this scenario`);
    // ESM module from a CommonJS-compiled test: load it dynamically.
    lib = await import('../../scripts/vscode-test/code-server.mjs');
    mkdirSync(shots, { recursive: true });
    const wb = await lib.openWorkbench({ runDir, folder: workspace, extensionPath, stepMs: STEP_MS });
    ({ dirs, server, page } = wb);
    close = wb.closeBrowser;
  });

  after(async () => {
    if (failed && server) {
      await lib.saveFailureArtifacts({ outDir: shots, name: 'ui', server, userDataDir: path.join(runDir, 'user-data') });
    }
    await close?.().catch(() => undefined);
    const left = (await server?.stop()) ?? [];
    if (dirs) lib.removeRunTmp(dirs);
    assert.deepEqual(left, [], 'code-server processes outlived the scenario');
  });

  it('opens the DaemonSet with Ctrl+P', () =>
    step('01-open', async () => {
      await page
        .locator('.monaco-workbench')
        .click({ position: { x: 700, y: 450 } })
        .catch(() => undefined);
      await lib.quickOpen(page, FILE);
      await page.locator('.monaco-editor .view-line', { hasText: `effect: ${BAD_VALUE}` }).waitFor();
      await shot('01-open');
    }));

  it('underlines the misspelled effect as an error', () =>
    step('02-squiggle', async () => {
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached' });
      await shot('02-squiggle');
    }));

  it('lists the problem in the Problems panel (Ctrl+Shift+M)', () =>
    step('03-problems', async () => {
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row[aria-label*="NoSchedule"]').first();
      await row.waitFor();
      const label = (await row.getAttribute('aria-label')) ?? '';
      console.log(`Problems row: ${label}`);
      assert.match(label, /NoSchedule/);
      assert.match(label, /daemonset/, 'the row names the diagnostic source');
      assert.match(label, /\bError\b/i);
      await shot('03-problems');
    }));

  it('offers the quick fix (Ctrl+.), which clears the error; undo restores it', () =>
    step('04-quickfix', async () => {
      const line = page.locator('.monaco-editor .view-line', { hasText: `effect: ${BAD_VALUE}` }).first();
      await line.click();
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Control+.');
      const item = page.locator('.action-widget .monaco-list-row', { hasText: "Change to 'NoSchedule'" }).first();
      await item.waitFor();
      await shot('04-quickfix');
      // The preferred fix is the focused row: Enter applies it, as a keyboard user would.
      assert.match((await item.getAttribute('class')) ?? '', /\bfocused\b/);
      await page.keyboard.press('Enter');
      // (Monaco renders spaces as no-break spaces: string matching normalises them, a RegExp would not.)
      await page.locator('.monaco-editor .view-line', { hasText: 'effect: NoSchedule' }).first().waitFor();
      await page.waitForFunction(() => !document.querySelector('.monaco-editor .squiggly-error'));
      await page.keyboard.press('Control+Z');
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached' });
      assert.equal(await page.locator('.monaco-editor .view-line', { hasText: 'effect: NoSchedule' }).count(), 0, 'undo restored the misspelling');
    }));

  it('offers the three effects after "effect: " (Ctrl+Space)', () =>
    step('05-completion', async () => {
      await clearValueAndSuggest(page, 'effect', BAD_VALUE);
      const rows = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
      await rows.first().waitFor();
      for (const effect of EFFECTS) {
        await page
          .locator('.editor-widget.suggest-widget.visible .monaco-list-row', {
            has: page.locator('.label-name', { hasText: new RegExp(`^${effect}$`) }),
          })
          .first()
          .waitFor();
      }
      const labels = await rows.locator('.label-name').allInnerTexts();
      console.log(`Suggestions: ${labels.join(', ')}`);
      for (const effect of EFFECTS) assert.ok(labels.includes(effect), `${effect} missing from ${labels.join(', ')}`);
      await shot('05-completion');
      await page.keyboard.press('Escape');
    }));
});
