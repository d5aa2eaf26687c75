/**
 * Loads the placement page the way VS Code does, without VS Code: the page shell from
 * client/src/panel/html.ts (same CSP, nonce, stylesheets), the page script bundled fresh from
 * client/src/webview, served from a local origin that plays the webview's cspSource, and a fake
 * `acquireVsCodeApi` that records what the page posts. Driven by Debian's chromium.
 */
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { makeNonce, pageHtml } from '../../client/src/panel/html';
import type { FromPage, ToPage } from '../../client/src/panel/messages';
import type { PanelState } from '../../client/src/panel/model';
import { panelStrings, type PanelStrings } from '../../client/src/panel/strings';
import { repoRoot } from '../helpers/paths';
import { CHROMIUM_ARGS } from '../../scripts/vscode-test/code-server.mjs';
import { THEMES, type ThemeName } from './themes';

export const shotsDir = path.join(repoRoot, 'test-results', 'webview');
export const englishStrings: PanelStrings = panelStrings({ t: (s) => s });

const CHROMIUM_FLAGS = ['--headless', ...CHROMIUM_ARGS];

export interface Harness {
  context: BrowserContext;
  origin: string;
  close(): Promise<void>;
}

/** `entry`: another build of the page (a before/after measurement); the page of this tree by default. */
export async function startHarness(opts: { entry?: string } = {}): Promise<Harness> {
  // Each run's screenshots only: a stale FAILED-… from an earlier run would mislead.
  rmSync(shotsDir, { recursive: true, force: true });
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'ds-webview-'));
  const media = path.join(tmp, 'media');
  mkdirSync(path.join(media, 'codicons'), { recursive: true });
  await esbuild.build({
    entryPoints: { panel: opts.entry ?? path.join(repoRoot, 'client/src/webview/panel.ts') },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    outdir: media,
    logLevel: 'warning',
  });
  cpSync(path.join(repoRoot, 'media/panel.css'), path.join(media, 'panel.css'));
  for (const f of ['codicon.css', 'codicon.ttf']) cpSync(path.join(repoRoot, 'node_modules/@vscode/codicons/dist', f), path.join(media, 'codicons', f));

  let origin = '';
  const types: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf', '.html': 'text/html' };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        pageHtml({
          cspSource: origin,
          nonce: makeNonce((n) => randomBytes(n)),
          scriptUri: `${origin}/media/panel.js`,
          styleUri: `${origin}/media/panel.css`,
          codiconsUri: `${origin}/media/codicons/codicon.css`,
          lang: 'en',
          title: 'DaemonSet placement',
        }),
      );
      return;
    }
    const file = path.join(tmp, path.normalize(url.pathname));
    if (!file.startsWith(media)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const profile = path.join(tmp, 'profile');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 460, height: 900 },
  });
  return {
    context,
    origin,
    async close() {
      await context.close().catch(() => undefined);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export interface PanelPage {
  page: Page;
  /** Dialogs opened by the page (an injected script would show one). */
  dialogs: string[];
  /** Console errors and uncaught exceptions, CSP violations included. */
  errors: string[];
  /** What the page posted to the extension. */
  posted(): Promise<FromPage[]>;
  send(m: ToPage): Promise<void>;
  setState(state: PanelState): Promise<void>;
  theme(name: ThemeName): Promise<void>;
  shot(name: string): Promise<void>;
}

export async function openPanel(
  h: Harness,
  opts: { state: PanelState; theme?: ThemeName; strings?: PanelStrings; beside?: boolean; savedUi?: unknown },
): Promise<PanelPage> {
  const page = await h.context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  // tsx compiles with keepNames, which wraps functions in `__name(...)`; functions this file
  // hands to the page are serialized with those calls, so give the page the helper.
  await page.addInitScript('globalThis.__name = (fn) => fn;');
  await page.addInitScript((savedUi) => {
    const w = window as any;
    w.__posted = [];
    let state = savedUi;
    let acquired = false;
    w.acquireVsCodeApi = () => {
      // VS Code allows one call per page.
      if (acquired) throw new Error('acquireVsCodeApi called twice');
      acquired = true;
      return { postMessage: (m: unknown) => w.__posted.push(m), getState: () => state, setState: (s: unknown) => (state = s) };
    };
  }, opts.savedUi);
  await page.goto(`${h.origin}/index.html`);
  const pp: PanelPage = {
    page,
    dialogs,
    errors,
    posted: () => page.evaluate(() => (window as any).__posted as FromPage[]),
    send: async (m) => {
      // As text: the extension host sends JSON too, and playwright's own serialization of a big object is slower than the page.
      await page.evaluate((json) => window.postMessage(JSON.parse(json), '*'), JSON.stringify(m));
    },
    setState: (state) => pp.send({ type: 'state', state }),
    theme: async (name) => {
      const t = THEMES[name];
      await page.evaluate((theme) => {
        const root = document.documentElement;
        for (const [k, v] of Object.entries(theme.vars)) root.style.setProperty(`--vscode-${k}`, v);
        document.body.className = theme.bodyClass;
        document.body.dataset.vscodeThemeKind = theme.kind;
      }, t);
    },
    shot: async (name) => {
      mkdirSync(shotsDir, { recursive: true });
      // A virtual list of 10,000 nodes is a page a million pixels tall: keep to the viewport there.
      const tall = await page.evaluate(() => document.documentElement.scrollHeight > 20000);
      await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: !tall });
    },
  };
  await pp.theme(opts.theme ?? 'dark');
  await page.waitForFunction(() => ((window as any).__posted as { type: string }[]).some((m) => m.type === 'ready'));
  await pp.send({ type: 'init', strings: opts.strings ?? englishStrings, state: opts.state, beside: opts.beside ?? false });
  await page.waitForSelector('#app[aria-busy="false"]');
  // Fonts decide layout: wait until the codicon font is in use.
  await page.waitForFunction(() => document.fonts.check('16px codicon'));
  return pp;
}

export function loadState(name: string): PanelState {
  return JSON.parse(readFileSync(path.join(repoRoot, 'test', 'fixtures', 'placement', `${name}.state.json`), 'utf8')) as PanelState;
}
