/**
 * The built CLI (`node dist/cli.js`) as a user runs it: exit codes, the JSON contract,
 * directory walking, and the real corpus (clean files stay clean, broken ones name the cause).
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot, sharedPath } from '../helpers/paths';

const cliPath = path.join(repoRoot, 'dist', 'cli.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Run {
  assert.ok(existsSync(cliPath), `${cliPath} is missing: run \`npm run build\` first`);
  const r = spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
  path: string;
}
interface JsonReport {
  version: number;
  files: { path: string; diagnostics: JsonDiagnostic[] }[];
}

function json(run: Run): JsonReport {
  try {
    return JSON.parse(run.stdout) as JsonReport;
  } catch (e) {
    throw new Error(`stdout is not JSON (${(e as Error).message}):\n${run.stdout.slice(0, 500)}\nstderr: ${run.stderr}`, { cause: e });
  }
}

const CLEAN = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-agent
  namespace: kube-system
spec:
  selector:
    matchLabels:
      app: node-agent
  template:
    metadata:
      labels:
        app: node-agent
    spec:
      tolerations:
        - operator: Exists
      containers:
        - name: agent
          image: registry.k8s.io/pause:3.10
`;

const BROKEN = CLEAN.replace('        - operator: Exists', '        - operator: Exists\n          effect: NoSchedul');

describe('daemonset-check CLI', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'daemonset-cli-'));
    writeFileSync(path.join(dir, 'clean.yaml'), CLEAN);
    writeFileSync(path.join(dir, 'broken.yaml'), BROKEN);
    mkdirSync(path.join(dir, 'nested', 'deeper'), { recursive: true });
    writeFileSync(path.join(dir, 'nested', 'deeper', 'also-broken.yml'), BROKEN);
    writeFileSync(path.join(dir, 'nested', 'notes.txt'), BROKEN);
    writeFileSync(path.join(dir, 'nested', 'config.json'), '{"kind": "DaemonSet"}');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('exit 0 on a clean DaemonSet, with no error in the output', () => {
    const r = cli(path.join(dir, 'clean.yaml'));
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.doesNotMatch(r.stdout, /: error: /);
    assert.match(r.stdout, /1 file\(s\) checked: 0 error\(s\)/);
  });

  test('exit 1 with errors, each printed as path:line:col: severity: message [code]', () => {
    const file = path.join(dir, 'broken.yaml');
    const r = cli(file);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    const line = BROKEN.split('\n').findIndex((l) => l.includes('NoSchedul')) + 1;
    assert.ok(r.stdout.includes(`${file}:${line}:19: error: `), r.stdout);
    assert.match(r.stdout, /NoSchedule.*\[invalid-enum\]/);
  });

  test('exit 2 on a missing path and on --format xml, with a message on stderr', () => {
    const missing = cli(path.join(dir, 'does-not-exist.yaml'));
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /does-not-exist\.yaml: no such file or directory/);
    // The run goes on (nothing else to check here) and its summary counts what could not be read.
    assert.match(missing.stdout, /0 file\(s\) checked.*\n1 file\(s\) or folder\(s\) could not be read/);
    const xml = cli('--format', 'xml', path.join(dir, 'clean.yaml'));
    assert.equal(xml.status, 2);
    assert.match(xml.stderr, /--format/);
    assert.equal(xml.stdout, '');
    assert.equal(cli().status, 2, 'no input at all is bad usage too');
  });

  test('--format json matches the contract exactly', () => {
    const file = path.join(dir, 'broken.yaml');
    const r = cli('--format', 'json', file);
    assert.equal(r.status, 1);
    const report = json(r);
    assert.deepEqual(Object.keys(report), ['version', 'files']);
    assert.equal(report.version, 1);
    assert.equal(report.files.length, 1);
    assert.deepEqual(Object.keys(report.files[0]), ['path', 'diagnostics']);
    assert.equal(report.files[0].path, file);
    const line = BROKEN.split('\n').findIndex((l) => l.includes('NoSchedul'));
    const enumDiag = report.files[0].diagnostics.find((d) => d.code === 'invalid-enum');
    assert.ok(enumDiag, JSON.stringify(report));
    // 0-based ranges, exactly these keys in this order, nothing else (no fixes, no source).
    assert.deepEqual(enumDiag, {
      range: { start: { line, character: 18 }, end: { line, character: 27 } },
      severity: 'error',
      code: 'invalid-enum',
      message: enumDiag.message,
      path: 'spec.template.spec.tolerations[0].effect',
    });
    assert.match(enumDiag.message, /NoSchedule/);
    for (const d of report.files[0].diagnostics) {
      assert.deepEqual(Object.keys(d), ['range', 'severity', 'code', 'message', 'path']);
      assert.deepEqual(Object.keys(d.range), ['start', 'end']);
      assert.deepEqual(Object.keys(d.range.start), ['line', 'character']);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity), d.severity);
      assert.equal(typeof d.message, 'string');
      assert.equal(typeof d.path, 'string');
    }
  });

  test('directories are walked for *.yaml and *.yml only, in sorted order', () => {
    const r = cli('--format', 'json', dir);
    assert.equal(r.status, 1);
    const paths = json(r).files.map((f) => path.relative(dir, f.path));
    assert.deepEqual(paths, ['broken.yaml', 'clean.yaml', path.join('nested', 'deeper', 'also-broken.yml')]);
  });

  test('--format=json is accepted too, and text is the default', () => {
    const r = cli(`--format=json`, path.join(dir, 'clean.yaml'));
    assert.equal(r.status, 0);
    assert.deepEqual(
      json(r).files[0].diagnostics.filter((d) => d.severity === 'error'),
      [],
    );
  });
});

describe('daemonset-check on the real corpus', () => {
  const corpusDir = sharedPath('corpus', 'daemonsets');

  test('no error-severity diagnostic on any production DaemonSet', () => {
    const files = readdirSync(corpusDir)
      .filter((n) => /\.ya?ml$/.test(n))
      .map((n) => path.join(corpusDir, n));
    assert.ok(files.length >= 45, `only ${files.length} files`);
    const r = cli('--format', 'json', ...files);
    const report = json(r);
    assert.equal(report.files.length, files.length);
    const errors = report.files.flatMap((f) =>
      f.diagnostics.filter((d) => d.severity === 'error').map((d) => `${path.basename(f.path)}:${d.range.start.line + 1}: ${d.code} ${d.path}: ${d.message}`),
    );
    assert.deepEqual(errors, []);
    assert.equal(r.status, 0, r.stderr);
  });

  // What is really wrong with each file, read from the file itself.
  const expected: Record<string, { code: string; path?: string; line?: number; message: RegExp }[]> = {
    // apps/v1 without spec.selector (required since apps/v1).
    'calico--pod2daemon-nodeagent.yaml': [{ code: 'missing-required', path: 'spec', line: 4, message: /`selector`/ }],
    'elastic-beats--filebeat-legacy.yaml': [{ code: 'removed-api-version', path: 'apiVersion', line: 0, message: /extensions\/v1beta1.*removed/ }],
    // `__EXTRA_PARAMS__` on line 36 breaks the flow sequence of args.
    'kubernetes--konnectivity-agent.yaml': [{ code: 'yaml-syntax', line: 35, message: /__EXTRA_PARAMS__/ }],
    'kubernetes-examples--flexvolume-deploy.yaml': [{ code: 'removed-api-version', path: 'apiVersion', line: 0, message: /extensions\/v1beta1/ }],
    'kubernetes-examples--newrelic-infra.yaml': [{ code: 'removed-api-version', path: 'apiVersion', line: 0, message: /extensions\/v1beta1/ }],
    // An operator asset: no metadata.name, no selector, no image (set at runtime).
    'openshift--dns-default.yaml': [{ code: 'missing-required', path: 'spec', line: 3, message: /`selector`/ }],
  };

  test('each nonvalid file gets an error naming its real problem', () => {
    const dir = path.join(corpusDir, 'nonvalid');
    const names = readdirSync(dir)
      .filter((n) => /\.ya?ml$/.test(n))
      .sort();
    assert.deepEqual(names, Object.keys(expected).sort(), 'a nonvalid file without an expectation');
    const r = cli('--format', 'json', dir);
    assert.equal(r.status, 1);
    const report = json(r);
    for (const file of report.files) {
      const name = path.basename(file.path);
      const errors = file.diagnostics.filter((d) => d.severity === 'error');
      for (const want of expected[name]) {
        const hit = errors.find(
          (d) =>
            d.code === want.code &&
            (want.path === undefined || d.path === want.path) &&
            (want.line === undefined || d.range.start.line === want.line) &&
            want.message.test(d.message),
        );
        assert.ok(
          hit,
          `${name}: no ${want.code} error at ${want.path ?? ''} line ${want.line} matching ${want.message}; got ${JSON.stringify(errors.map((d) => [d.code, d.path, d.range.start.line, d.message]))}`,
        );
      }
    }
    assert.equal(report.files.length, names.length);
  });
});
