// Starts code-server (a real VS Code 1.100 workbench with the real Node extension host) and
// Debian's chromium through playwright-core, both confined to one run folder, and stops them
// without leaving processes behind. Shared by the desktop-CLI wrapper (extension-host suite)
// and the playwright UI scenarios. See /work/shared/guide/real-vscode-testing.md.
import { spawn } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { codeServerEntry, chromiumPath } from './install.mjs';

/** Settings for a fresh user-data-dir: nothing from a previous session, nothing online. */
export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
  'files.autoSave': 'off',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'github.copilot.enable': { '*': false },
};

/** Chromium's flags on these machines: no sandbox as root, and none of its background traffic (the network is closed). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const isTrue = (v) => v !== undefined && v !== '' && v !== '0' && v !== 'false';

/** How long to wait for each phase; VSCODE_TEST_TIMEOUT_SCALE stretches them on slow machines. */
export const timeouts = (() => {
  const scale = Number(process.env.VSCODE_TEST_TIMEOUT_SCALE ?? '1') || 1;
  return {
    listen: 60_000 * scale,
    health: 30_000 * scale,
    workbench: 60_000 * scale,
    suite: 240_000 * scale,
  };
})();

/**
 * Folders a run confines HOME, XDG_* and TMPDIR to, so nothing lands in the real home or /tmp.
 * TMPDIR is the exception to "inside the run folder": chromium, VS Code and the language client
 * put unix sockets there, and a socket path may not exceed 107 bytes, so it is a short private
 * folder (linked from the run folder as tmp/) that removeRunDirs() deletes.
 */
export function prepareRunDir(runDir) {
  mkdirSync(runDir, { recursive: true });
  const base = (process.env.TMPDIR ?? '/tmp').length <= 40 ? (process.env.TMPDIR ?? '/tmp') : '/tmp';
  const tmp = mkdtempSync(path.join(base, 'vst-'));
  const link = path.join(runDir, 'tmp');
  rmSync(link, { recursive: true, force: true });
  symlinkSync(tmp, link);
  const dirs = {
    runDir,
    home: path.join(runDir, 'home'),
    config: path.join(runDir, 'home', '.config'),
    data: path.join(runDir, 'home', '.local', 'share'),
    cache: path.join(runDir, 'home', '.cache'),
    tmp,
    browserProfile: path.join(runDir, 'chromium-profile'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  return dirs;
}

/** Deletes the run's private TMPDIR (the rest of the run folder is kept for inspection). */
export function removeRunTmp(dirs) {
  rmSync(dirs.tmp, { recursive: true, force: true });
  rmSync(path.join(dirs.runDir, 'tmp'), { force: true });
}

export function confinedEnv(dirs, extra = {}) {
  const env = {
    ...process.env,
    ...extra,
    HOME: dirs.home,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    TMPDIR: dirs.tmp,
  };
  // A VS Code launched from inside VS Code would otherwise talk to the outer one.
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_IPC') || k === 'ELECTRON_RUN_AS_NODE') delete env[k];
  return env;
}

export function writeUserSettings(userDataDir, extraSettings = {}) {
  const user = path.join(userDataDir, 'User');
  mkdirSync(user, { recursive: true });
  writeFileSync(path.join(user, 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...extraSettings }, null, 2) + '\n');
}

function waitFor(what, ms, poll) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    poll(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/** All pids whose process group is `pgid` (read from /proc: Linux only, which is what runs this). */
export function processesInGroup(pgid) {
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the parenthesised command: state ppid pgrp …
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

async function killGroup(pgid, graceMs) {
  const signal = (sig) => {
    try {
      process.kill(-pgid, sig);
    } catch {
      // group already gone
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (processesInGroup(pgid).length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100)); // polling for exit, not a fixed wait
  }
  if (processesInGroup(pgid).length > 0) signal('SIGKILL');
  const killDeadline = Date.now() + 5000;
  while (processesInGroup(pgid).length > 0 && Date.now() < killDeadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
  return processesInGroup(pgid);
}

/**
 * Starts code-server on a free port in its own process group (so the extension host and the
 * language server it forks can be stopped with it).
 * @param {{ dirs: ReturnType<typeof prepareRunDir>, userDataDir: string, extensionsDir: string, env?: Record<string,string|undefined>, workspaceTrust?: boolean, log?: (s: string) => void }} o
 */
export async function startCodeServer(o) {
  if (!existsSync(codeServerEntry)) {
    throw new Error(`code-server is not installed (${codeServerEntry}); run node scripts/vscode-test/install.mjs`);
  }
  mkdirSync(o.userDataDir, { recursive: true });
  mkdirSync(o.extensionsDir, { recursive: true });
  const logFile = path.join(o.dirs.runDir, 'code-server.log');
  const configFile = path.join(o.dirs.runDir, 'code-server.yaml');
  writeFileSync(configFile, 'auth: none\n');
  const out = createWriteStream(logFile);
  const args = [
    codeServerEntry,
    '--config',
    configFile,
    '--bind-addr',
    '127.0.0.1:0',
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    // Trust on (a scenario about Restricted Mode): VS Code's own workspace trust decides.
    ...(o.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir',
    o.userDataDir,
    '--extensions-dir',
    o.extensionsDir,
  ];
  const child = spawn(process.execPath, args, {
    // An empty gallery: these machines reach no marketplace, and the tests install nothing.
    env: confinedEnv(o.dirs, { EXTENSIONS_GALLERY: '{}', ...o.env }),
    cwd: o.dirs.runDir,
    detached: true, // own process group: killed as a whole at the end
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pgid = child.pid;
  let exited = null;
  child.on('exit', (code, sig) => {
    exited = { code, sig };
  });
  let output = '';
  const listeners = new Set();
  const onData = (chunk) => {
    const s = chunk.toString();
    out.write(s);
    output += s;
    if (isTrue(process.env.VSCODE_TEST_VERBOSE)) process.stderr.write(s);
    for (const l of listeners) l();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  // Last resort when the caller dies without stop() (a crash, process.exit from a signal
  // handler): the group is killed synchronously as the process exits.
  const killOnExit = () => {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  if (pgid !== undefined) process.on('exit', killOnExit);
  const stop = async () => {
    if (pgid === undefined) return [];
    const left = await killGroup(pgid, 5000);
    process.removeListener('exit', killOnExit);
    out.end();
    return left;
  };

  try {
    const port = await waitFor('code-server to listen', timeouts.listen, (resolve, reject) => {
      const check = () => {
        const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
        if (m) resolve(Number(m[1]));
        else if (exited) reject(new Error(`code-server exited (${exited.code ?? exited.sig}) before listening:\n${output}`));
      };
      listeners.add(check);
      child.on('exit', check);
      check();
    });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/healthz`, timeouts.health, (resolve, reject) => {
      const attempt = async () => {
        if (exited) return reject(new Error(`code-server exited (${exited.code ?? exited.sig})`));
        try {
          const res = await fetch(`${base}/healthz`);
          if (res.ok) return resolve(undefined);
        } catch {
          // not accepting yet
        }
        setTimeout(attempt, 100);
      };
      attempt();
    });
    o.log?.(`code-server listening on ${base} (pgid ${pgid})`);
    return { port, base, pgid, logFile, stop, output: () => output, exited: () => exited };
  } catch (e) {
    await stop();
    throw e;
  }
}

/**
 * The workbench URL that opens `folder` with the extension under development loaded from disk,
 * and, when given, the extension-host test module that VS Code runs instead of a user session.
 */
export function workbenchUrl(server, { folder, workspace, extensionDevelopmentPaths = [], extensionTestsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${path.resolve(p)}`;
  const payload = extensionDevelopmentPaths.map((p) => ['extensionDevelopmentPath', remote(p)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const q = new URLSearchParams();
  if (workspace) q.set('workspace', path.resolve(workspace));
  else if (folder) q.set('folder', path.resolve(folder));
  else q.set('ew', 'true'); // empty window
  if (payload.length) q.set('payload', JSON.stringify(payload));
  return `${server.base}/?${q.toString()}`;
}

/** Launches Debian's chromium headless with a new empty profile inside the run folder. */
export async function launchBrowser(dirs, { viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(dirs.browserProfile, {
    executablePath: process.env.VSCODE_TEST_CHROMIUM ?? chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    env: confinedEnv(dirs),
    timeout: 60_000,
    // The callers stop chromium and code-server together on a signal; playwright's own
    // handlers would exit the process first and leave code-server running.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/** Waits until the workbench is drawn and (when a folder is open) the explorer lists it. */
export async function waitForWorkbench(page, { explorer = false } = {}) {
  await page.locator('.monaco-workbench').first().waitFor({ state: 'visible', timeout: timeouts.workbench });
  if (explorer) {
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: timeouts.workbench });
  }
}

/** Copies what explains a failure into `outDir`: screenshot, code-server and extension-host logs. */
export async function saveFailureArtifacts({ outDir, name, page, server, userDataDir, automationLogs, log }) {
  mkdirSync(outDir, { recursive: true });
  const saved = [];
  if (page) {
    try {
      const file = path.join(outDir, `${name}-failure.png`);
      await page.screenshot({ path: file, timeout: 10_000 });
      saved.push(file);
    } catch (e) {
      log?.(`could not take a screenshot: ${e instanceof Error ? e.message : e}`);
    }
  }
  if (server?.logFile && existsSync(server.logFile)) {
    const file = path.join(outDir, `${name}-code-server.log`);
    cpSync(server.logFile, file);
    saved.push(file);
  }
  if (userDataDir && existsSync(path.join(userDataDir, 'logs'))) {
    const dir = path.join(outDir, `${name}-logs`);
    cpSync(path.join(userDataDir, 'logs'), dir, { recursive: true });
    saved.push(dir);
  }
  if (automationLogs?.length) {
    const dir = path.join(outDir, `${name}-workbench-logs`);
    for (const l of automationLogs) {
      if (!l || typeof l.relativePath !== 'string') continue;
      const file = path.join(dir, l.relativePath.replace(/\.{2,}/g, '_'));
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, String(l.contents ?? ''));
    }
    saved.push(dir);
  }
  for (const s of saved) log?.(`saved ${path.relative(process.cwd(), s) || s}`);
  return saved;
}

/** Opens a workspace file with Quick Open (Ctrl+P), as a user would, and waits for its tab. */
export async function quickOpen(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab[aria-label^="${name}"]`).first().waitFor();
}

/**
 * Everything a UI scenario needs before its first step: a fresh run folder and user settings,
 * code-server, Chromium, and the workbench with `folder` open and the extension loaded.
 * If any part fails, what was started is stopped before the error is rethrown.
 */
export async function openWorkbench({ runDir, folder, extensionPath, viewport, stepMs, workspaceTrust, userSettings, log = (s) => console.log(s) }) {
  const dirs = prepareRunDir(runDir);
  const userDataDir = path.join(runDir, 'user-data');
  writeUserSettings(userDataDir, { ...(workspaceTrust ? { 'security.workspace.trust.enabled': true } : {}), ...userSettings });
  const server = await startCodeServer({ dirs, userDataDir, extensionsDir: path.join(runDir, 'extensions'), workspaceTrust, log });
  let browser;
  try {
    browser = await launchBrowser(dirs, viewport ? { viewport } : undefined);
    if (stepMs) browser.page.setDefaultTimeout(stepMs);
    await browser.page.goto(workbenchUrl(server, { folder, extensionDevelopmentPaths: [extensionPath] }), { waitUntil: 'domcontentloaded' });
    await waitForWorkbench(browser.page, { explorer: true });
  } catch (e) {
    await browser?.context.close().catch(() => undefined);
    await server.stop();
    removeRunTmp(dirs);
    throw e;
  }
  return { dirs, server, userDataDir, page: browser.page, closeBrowser: () => browser.context.close() };
}
