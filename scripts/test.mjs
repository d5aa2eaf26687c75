#!/usr/bin/env node
// `npm test` (after the build): every test stage in turn, its output shown as it runs, then one
// closing line `N passed, N failed` over all stages. Exits non-zero when any stage failed.
// Stages: typecheck (tsc), lint (ESLint, Prettier), unit (node:test, the layering test among them),
// protocol (the built server over stdio), security (the safety attacks, through the built server, the CLI and a
// hostile loopback API server), webview (the placement page in headless Chromium),
// grammar (vscode-tmgrammar-test), vscode (the extension-host suite and the UI scenarios in
// code-server). A typecheck or lint stage counts as one test.
// TEST_STAGES=unit,protocol limits the run (e.g. for a quick loop: npm run test:fast).
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const files = (dir, re) =>
  readdirSync(path.join(root, dir))
    .filter((f) => re.test(f))
    .sort()
    .map((f) => path.join(dir, f));

const nodeTestCounts = (out) => ({
  passed: Number(/^# pass (\d+)/m.exec(out)?.[1] ?? 0),
  failed: Number(/^# fail (\d+)/m.exec(out)?.[1] ?? 0) + Number(/^# cancelled (\d+)/m.exec(out)?.[1] ?? 0),
});
const closingLineCounts = (out) => {
  const m = [...out.matchAll(/^(\d+) passed, (\d+) failed/gm)].pop();
  return m ? { passed: Number(m[1]), failed: Number(m[2]) } : { passed: 0, failed: 0 };
};
const grammarCounts = (out) => ({
  passed: (out.match(/^[ \t]*✓/gm) ?? []).length,
  failed: (out.match(/^[ \t]*(?:✖|✗|ERROR)/gm) ?? []).length,
});

const exitCodeCounts = (_out, code) => (code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });

const stages = [
  { name: 'typecheck', cmd: process.execPath, args: ['node_modules/typescript/bin/tsc', '-p', '.', '--noEmit'], counts: exitCodeCounts },
  { name: 'lint', cmd: 'npm', args: ['run', '-s', 'lint'], counts: exitCodeCounts },
  {
    name: 'unit',
    cmd: process.execPath,
    args: ['--import', 'tsx', '--test', '--test-reporter=tap', ...files('test/unit', /\.test\.ts$/)],
    counts: nodeTestCounts,
  },
  {
    name: 'protocol',
    cmd: process.execPath,
    args: ['--import', 'tsx', '--test', '--test-reporter=tap', ...files('test/protocol', /\.test\.ts$/)],
    counts: nodeTestCounts,
  },
  {
    // One test per attack of the safety issue: hostile settings, files, regexes, fix-all, API servers.
    name: 'security',
    cmd: process.execPath,
    args: ['--import', 'tsx', '--test', '--test-reporter=tap', ...files('test/security', /\.test\.ts$/)],
    counts: nodeTestCounts,
  },
  {
    name: 'webview',
    cmd: process.execPath,
    args: ['--import', 'tsx', '--test', '--test-reporter=tap', ...files('test/webview', /\.test\.ts$/)],
    counts: nodeTestCounts,
  },
  { name: 'grammar', cmd: 'npm', args: ['run', '-s', 'test:grammar'], counts: grammarCounts },
  { name: 'vscode', cmd: process.execPath, args: ['test/vscode/run.mjs'], counts: closingLineCounts },
];

const only = process.env.TEST_STAGES?.split(',').map((s) => s.trim());

function run(stage) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    process.stdout.write(`\n=== ${stage.name} ===\n`);
    const child = spawn(stage.cmd, stage.args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      out += d;
      process.stderr.write(d);
    });
    child.on('close', (code) => {
      const counts = stage.counts(out, code);
      // A stage that exits non-zero without a counted failure still fails the run.
      if (code !== 0 && counts.failed === 0) counts.failed = 1;
      if (code === 0 && counts.passed === 0) counts.failed += 1; // a stage that ran no test is a failure
      process.stdout.write(`=== ${stage.name}: ${counts.passed} passed, ${counts.failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s) ===\n`);
      resolve(counts);
    });
  });
}

// Chromium and code-server (for the webview and vscode stages) install once, idempotently.
if (!only || only.includes('webview') || only.includes('vscode')) {
  const setup = spawn(process.execPath, ['scripts/vscode-test/install.mjs'], { cwd: root, stdio: 'inherit' });
  const code = await new Promise((resolve) => setup.on('close', resolve));
  if (code !== 0) process.stdout.write(`setup (scripts/vscode-test/install.mjs) exited with ${code}; the browser stages will fail\n`);
}

let passed = 0;
let failed = 0;
for (const stage of stages) {
  if (only && !only.includes(stage.name)) continue;
  const c = await run(stage);
  passed += c.passed;
  failed += c.failed;
}
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exitCode = failed === 0 ? 0 : 1;
