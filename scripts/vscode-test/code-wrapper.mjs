#!/usr/bin/env node
// A stand-in for the desktop `code` executable that runs an extension-host test suite in
// code-server instead, driven by Debian's chromium: @vscode/test-electron's unchanged
// runTests({ vscodeExecutablePath: <this file> }) spawns it with the desktop CLI's flags.
// Understood: --extensionDevelopmentPath=, --extensionTestsPath=, --user-data-dir=,
// --extensions-dir= (also as two arguments) and a folder, .code-workspace or file to open; every
// other flag (--no-sandbox, --disable-updates, …) is ignored. Exits with the suite's exit code.
import { createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  launchBrowser,
  prepareRunDir,
  removeRunTmp,
  saveFailureArtifacts,
  startCodeServer,
  timeouts,
  waitForWorkbench,
  workbenchUrl,
  writeUserSettings,
} from './code-server.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const log = (msg) => process.stderr.write(`[code-wrapper] ${msg}\n`);

const VALUE_FLAGS = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir']);

export function parseArgs(argv) {
  const o = { extensionDevelopmentPaths: [], extensionTestsPath: undefined, userDataDir: undefined, extensionsDir: undefined, open: [] };
  const set = (name, value) => {
    if (name === 'extensionDevelopmentPath') o.extensionDevelopmentPaths.push(path.resolve(value));
    else if (name === 'extensionTestsPath') o.extensionTestsPath = path.resolve(value);
    else if (name === 'user-data-dir') o.userDataDir = path.resolve(value);
    else if (name === 'extensions-dir') o.extensionsDir = path.resolve(value);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq === -1 ? a.slice(2) : a.slice(2, eq);
      if (!VALUE_FLAGS.has(name)) continue; // a desktop-only flag: nothing to do in code-server
      if (eq !== -1) set(name, a.slice(eq + 1));
      else if (i + 1 < argv.length) set(name, argv[++i]);
    } else if (existsSync(a)) {
      // Only existing paths: the value of an unknown two-part flag is not something to open.
      o.open.push(path.resolve(a));
    }
  }
  return o;
}

function whatToOpen(paths) {
  const p = paths[0];
  if (!p) return {};
  if (p.endsWith('.code-workspace')) return { workspace: p };
  if (statSync(p).isDirectory()) return { folder: p };
  return { folder: path.dirname(p) }; // code-server opens folders; the file's folder holds it
}

/** A user-data-dir must be fresh (hot exit and window restore replay old sessions). */
function freshDir(dir, runDir) {
  const inside = (parent) => !path.relative(parent, dir).startsWith('..');
  if (existsSync(dir) && (inside(path.join(repoRoot, '.vscode-test')) || inside(runDir))) {
    rmSync(dir, { recursive: true, force: true });
  } else if (existsSync(dir)) {
    log(`warning: reusing ${dir} (outside .vscode-test, so not wiped)`);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function main() {
  const started = Date.now();
  const args = parseArgs(process.argv.slice(2));
  if (!args.extensionTestsPath) {
    log('no --extensionTestsPath given: this wrapper only runs extension-host test suites');
    return 2;
  }
  const runDir = path.resolve(process.env.VSCODE_TEST_RUN_DIR ?? path.join(repoRoot, '.vscode-test', 'runs', `wrapper-${Date.now()}-${process.pid}`));
  const resultsDir = path.resolve(process.env.VSCODE_TEST_RESULTS_DIR ?? path.join(repoRoot, 'test-results', 'vscode'));
  const dirs = prepareRunDir(runDir);
  const userDataDir = freshDir(args.userDataDir ?? path.join(runDir, 'user-data'), runDir);
  const extensionsDir = freshDir(args.extensionsDir ?? path.join(runDir, 'extensions'), runDir);
  writeUserSettings(userDataDir);

  let server;
  let browser;
  let automationLogs;
  let exitCode;
  let failure;
  const consoleLog = createWriteStream(path.join(runDir, 'browser-console.log'));

  const cleanup = async () => {
    try {
      await browser?.context.close();
    } catch {
      // the browser is already gone
    }
    const left = server ? await server.stop() : [];
    consoleLog.end();
    removeRunTmp(dirs);
    if (left.length) log(`warning: processes still running after SIGKILL: ${left.join(' ')}`);
  };
  let interrupted = false;
  const onSignal = (sig) => {
    if (interrupted) return;
    interrupted = true;
    log(`${sig}: stopping code-server and chromium`);
    cleanup().finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let page;
  try {
    server = await startCodeServer({ dirs, userDataDir, extensionsDir, env: process.env, log });
    browser = await launchBrowser(dirs);
    page = browser.page;
    page.on('console', (m) => consoleLog.write(`[${m.type()}] ${m.text()}\n`));
    page.on('pageerror', (e) => consoleLog.write(`[pageerror] ${e.stack ?? e.message}\n`));

    let resolveExit;
    const exited = new Promise((r) => (resolveExit = r));
    // The workbench reports the extension host's test output and log lines here…
    await page.exposeFunction('codeAutomationLog', (level, message) => {
      const text = typeof message === 'string' ? message : JSON.stringify(message);
      consoleLog.write(`[automation ${level}] ${text}\n`);
      if (level === 'error' || level === 'warn' || process.env.VSCODE_TEST_VERBOSE) log(`${level}: ${text}`);
    });
    // …and the suite's exit code here, with the workbench's logs.
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      automationLogs = logs;
      resolveExit(typeof code === 'number' ? code : 1);
    });

    const url = workbenchUrl(server, {
      ...whatToOpen(args.open),
      extensionDevelopmentPaths: args.extensionDevelopmentPaths,
      extensionTestsPath: args.extensionTestsPath,
    });
    log(`opening ${url}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeouts.workbench });
    await waitForWorkbench(page);
    log(`workbench ready after ${((Date.now() - started) / 1000).toFixed(1)} s; running ${path.relative(repoRoot, args.extensionTestsPath)}`);

    let timer;
    const timedOut = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the suite did not finish within ${timeouts.suite} ms`)), timeouts.suite);
    });
    const serverDied = new Promise((_, reject) => {
      const check = () => {
        const e = server.exited();
        if (e) reject(new Error(`code-server exited (${e.code ?? e.sig}) during the suite`));
      };
      const t = setInterval(check, 500);
      exited.finally(() => clearInterval(t));
    });
    try {
      exitCode = await Promise.race([exited, timedOut, serverDied]);
    } finally {
      clearTimeout(timer);
    }
    if (exitCode !== 0) failure = `the suite exited with ${exitCode}`;
  } catch (e) {
    failure = e instanceof Error ? e.message : String(e);
    exitCode = 1;
  }

  if (failure) {
    log(`failure: ${failure}`);
    await saveFailureArtifacts({ outDir: resultsDir, name: 'suite', page, server, userDataDir, automationLogs, log });
    const browserLog = path.join(runDir, 'browser-console.log');
    if (existsSync(browserLog)) log(`browser console: ${path.relative(repoRoot, browserLog)}`);
  }
  await cleanup();
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s, exit code ${exitCode}`);
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    log(`crashed: ${e instanceof Error ? e.stack : e}`);
    process.exit(1);
  },
);
