#!/usr/bin/env node
// `npm run test:vscode`: the extension inside a real VS Code.
//  1. bundles the extension-host suite (test/vscode/suite) into dist/test/vscode/suite;
//  2. runs it with @vscode/test-electron's runTests, unchanged: by default against code-server
//     through scripts/vscode-test/code-wrapper.mjs (these machines cannot download VS Code),
//     or against a downloaded desktop VS Code with VSCODE_TEST_DESKTOP=1 (or VSCODE_TEST_CODE_SERVER=0);
//  3. runs the playwright UI scenarios (test/ui/*.ui.ts) in code-server;
//  4. prints `N passed, N failed` and exits non-zero on any failure.
// Env: VSCODE_TEST_EXTENSION_PATH (default: the repository) to point at another extension,
// VSCODE_TEST_UI=0 to skip the UI scenarios, VSCODE_TEST_UI_ONLY=trust,editor to run only the
// scenarios whose file name contains one of the words, VSCODE_TEST_SUITE=0 to skip the
// extension-host suite, VSCODE_TEST_VERBOSE=1 for code-server's output.
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const wrapper = path.join(repoRoot, 'scripts', 'vscode-test', 'code-wrapper.mjs');
const suiteSrc = path.join(repoRoot, 'test', 'vscode', 'suite');
const suiteOut = path.join(repoRoot, 'dist', 'test', 'vscode', 'suite');
const uiDir = path.join(repoRoot, 'test', 'ui');
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'workspace');
const extensionPath = path.resolve(process.env.VSCODE_TEST_EXTENSION_PATH ?? repoRoot);
const flag = (name, dflt) => {
  const v = process.env[name];
  return v === undefined || v === '' ? dflt : !['0', 'false', 'no'].includes(v.toLowerCase());
};
const desktop = flag('VSCODE_TEST_DESKTOP', false) || !flag('VSCODE_TEST_CODE_SERVER', true);
const runUi = flag('VSCODE_TEST_UI', true);
const runSuiteToo = flag('VSCODE_TEST_SUITE', true);
const uiOnly = (process.env.VSCODE_TEST_UI_ONLY ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

const t0 = Date.now();
const log = (msg) => console.log(`[test:vscode] ${msg}`);
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

/** One run folder per invocation; older ones (from other runs) are removed once stale. */
function makeRunDir() {
  const runs = path.join(repoRoot, '.vscode-test', 'runs');
  mkdirSync(runs, { recursive: true });
  for (const d of readdirSync(runs)) {
    const p = path.join(runs, d);
    // An hour old cannot be a run still in progress (a run takes minutes).
    if (Date.now() - statSync(p).mtimeMs > 3_600_000) rmSync(p, { recursive: true, force: true });
  }
  const dir = path.join(runs, `${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function buildSuite() {
  const { build } = await import('esbuild');
  rmSync(suiteOut, { recursive: true, force: true });
  const entries = readdirSync(suiteSrc)
    .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
    .map((f) => path.join(suiteSrc, f));
  await build({
    entryPoints: entries,
    outdir: suiteOut,
    outbase: suiteSrc,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    // vscode is the extension host's; mocha is loaded from node_modules (it requires its
    // reporters dynamically, which a bundle would break).
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return entries.length - 1;
}

/** The tests edit documents; a copy per run keeps the checked-in fixtures intact whatever happens. */
function copyWorkspace(runDir, name) {
  const dir = path.join(runDir, name, 'workspace');
  cpSync(fixtures, dir, { recursive: true });
  return dir;
}

async function runSuite(runDir) {
  const resultFile = path.join(runDir, 'suite-result.json');
  const suiteRunDir = path.join(runDir, 'suite');
  const { runTests } = await import('@vscode/test-electron');
  const options = {
    extensionDevelopmentPath: extensionPath,
    extensionTestsPath: path.join(suiteOut, 'index.js'),
    launchArgs: [
      copyWorkspace(runDir, 'suite'),
      `--user-data-dir=${path.join(suiteRunDir, 'user-data')}`,
      `--extensions-dir=${path.join(suiteRunDir, 'extensions')}`,
    ],
    extensionTestsEnv: {
      DAEMONSET_VSCODE_TEST_RESULT: resultFile,
      VSCODE_TEST_RUN_DIR: suiteRunDir,
      VSCODE_TEST_RESULTS_DIR: path.join(repoRoot, 'test-results', 'vscode'),
    },
  };
  let exitCode;
  try {
    if (desktop) {
      log('running the suite in a downloaded desktop VS Code 1.100.3');
      exitCode = await runTests({ ...options, version: '1.100.3', launchArgs: [...options.launchArgs, '--disable-extensions'] });
    } else {
      chmodSync(wrapper, 0o755); // runTests spawns it directly
      log(`running the suite in code-server (${path.relative(repoRoot, wrapper)})`);
      exitCode = await runTests({ ...options, vscodeExecutablePath: wrapper });
    }
  } catch (e) {
    // runTests rejects with TestRunFailedError on a non-zero exit code.
    exitCode = typeof e?.code === 'number' ? e.code : 1;
    if (typeof e?.code !== 'number') log(`the suite did not run: ${e instanceof Error ? e.message : e}`);
  }
  const result = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : undefined;
  if (result && !desktop) {
    // In code-server the extension host's console stays in the browser: show mocha's report here.
    console.log(result.report);
  }
  let { passed = 0, failed = 0 } = result ?? {};
  if (!result) {
    log('the suite wrote no result (it crashed or never started): counted as 1 failure');
    failed += 1;
  } else if (exitCode !== 0 && failed === 0) {
    log(`the suite exited with ${exitCode} although no test failed: counted as 1 failure`);
    failed += 1;
  }
  return { passed, failed };
}

function runUiScenarios(runDir) {
  const files = existsSync(uiDir)
    ? readdirSync(uiDir)
        .filter((f) => f.endsWith('.ui.ts') && (uiOnly.length === 0 || uiOnly.some((w) => f.includes(w))))
        .sort()
    : [];
  if (files.length === 0) return Promise.resolve({ passed: 0, failed: 0 });
  const tap = path.join(runDir, 'ui.tap');
  const args = [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files.map((f) => path.join(uiDir, f)),
  ];
  log(`running UI scenarios: ${files.join(', ')}`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: repoRoot,
      stdio: 'inherit',
      env: {
        ...process.env,
        VSCODE_TEST_RUN_DIR: path.join(runDir, 'ui'),
        VSCODE_TEST_EXTENSION_PATH: extensionPath,
        VSCODE_TEST_WORKSPACE: copyWorkspace(runDir, 'ui'),
      },
    });
    child.on('exit', (code, signal) => {
      const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
      const count = (k) => Number(new RegExp(`^# ${k} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
      let passed = count('pass');
      let failed = count('fail') + count('cancelled');
      if (code !== 0 && failed === 0) {
        log(`the UI scenarios exited with ${code ?? signal} although no test failed: counted as 1 failure`);
        failed += 1;
      }
      resolve({ passed, failed });
    });
  });
}

/** Direct children of this process (the wrapper, the UI test runner), read from /proc. */
function childPids() {
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid) pids.push(Number(entry));
    } catch {
      // ended while we looked
    }
  }
  return pids;
}

// Ctrl+C or a CI timeout: pass the signal on so the wrapper and the UI scenarios stop their
// code-server and chromium, wait for them, and run nothing further.
let interrupted;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    interrupted ??= sig;
    for (const pid of childPids()) {
      try {
        process.kill(pid, sig);
      } catch {
        // already gone
      }
    }
  });
}

async function main() {
  const runDir = makeRunDir();
  for (const d of ['vscode', 'ui']) rmSync(path.join(repoRoot, 'test-results', d), { recursive: true, force: true });
  if (!existsSync(path.join(extensionPath, 'package.json'))) throw new Error(`no extension at ${extensionPath}`);
  const main = JSON.parse(readFileSync(path.join(extensionPath, 'package.json'), 'utf8')).main;
  if (main && !existsSync(path.join(extensionPath, main))) {
    log(`warning: ${path.join(extensionPath, main)} does not exist (run npm run build first); the suite will fail`);
  }

  if (!desktop || runUi) {
    const { install } = await import('../../scripts/vscode-test/install.mjs');
    install();
  }
  const n = await buildSuite();
  log(`bundled ${n} suite file(s) into ${path.relative(repoRoot, suiteOut)} (${elapsed()})`);

  const suite = runSuiteToo ? await runSuite(runDir) : { passed: 0, failed: 0 };
  if (runSuiteToo) log(`suite: ${suite.passed} passed, ${suite.failed} failed (${elapsed()})`);
  const ui = runUi && !interrupted ? await runUiScenarios(runDir) : { passed: 0, failed: 0 };
  if (runUi && !interrupted) log(`UI: ${ui.passed} passed, ${ui.failed} failed (${elapsed()})`);

  const passed = suite.passed + ui.passed;
  const failed = suite.failed + ui.failed;
  log(`run folder ${path.relative(repoRoot, runDir)}; total ${elapsed()}`);
  console.log(`${passed} passed, ${failed} failed`);
  if (interrupted) {
    log(`interrupted by ${interrupted}`);
    return interrupted === 'SIGINT' ? 130 : 143;
  }
  return failed > 0 || passed === 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`[test:vscode] ${e instanceof Error ? e.stack : e}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
