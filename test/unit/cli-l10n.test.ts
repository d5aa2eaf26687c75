/**
 * `daemonset-check --lang ko`: the built CLI prints Korean messages (field names, values and
 * Kubernetes' wording verbatim); without --lang it stays English, so CI output is stable.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../helpers/paths';
import { daemonSet } from '../helpers/manifests';

const cliPath = path.join(repoRoot, 'dist', 'cli.js');
const HANGUL = /[\uac00-\ud7a3]/;

function cli(...args: string[]) {
  assert.ok(existsSync(cliPath), `${cliPath} is missing: run \`npm run build\` first`);
  const r = spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const BAD = daemonSet(`      tolerations:
        - key: example.com/dedicated
          operator: Exists
          effect: NoSchedul
      containers:
        - name: agent
          image: example/agent:1.0
`);

let dir: string;
let file: string;
before(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cli-l10n-'));
  file = path.join(dir, 'agent.yaml');
  writeFileSync(file, BAD);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('--lang ko prints Korean messages and summary, keeping values and rule ids', () => {
  const r = cli('--lang', 'ko', file);
  assert.equal(r.status, 1, r.stderr);
  assert.ok(r.stdout.includes(`${file}:17:19: error: 지원되지 않는 \`effect\` 값 "NoSchedul"(Unsupported value).`), r.stdout);
  assert.ok(r.stdout.includes('[invalid-enum]'), 'rule ids and severities stay as they are');
  assert.match(r.stdout, /파일 1개 검사: 오류 1개, 경고 \d+개, 기타 \d+개\.\n$/);
});

test("--lang=ko also translates the placement report around kubectl's columns", () => {
  const r = cli('--lang=ko', '--sample', file);
  assert.ok(r.stdout.includes('agent · 샘플 클러스터(노드 15개): DESIRED'), r.stdout);
  assert.ok(r.stdout.includes('NODE') && r.stdout.includes('VERDICT'), 'column names stay as kubectl spells them');
});

test('--lang ko in JSON: messages are Korean, keys and codes are not', () => {
  const r = cli('--lang', 'ko', '--format', 'json', file);
  const report = JSON.parse(r.stdout) as { files: { diagnostics: { code: string; message: string; path: string }[] }[] };
  const d = report.files[0].diagnostics.find((x) => x.code === 'invalid-enum');
  assert.ok(d);
  assert.match(d.message, HANGUL);
  assert.equal(d.path, 'spec.template.spec.tolerations[0].effect');
});

test('without --lang (and with an unknown language) the output is English', () => {
  for (const args of [[file], ['--lang', 'xx', file]]) {
    const r = cli(...args);
    assert.ok(r.stdout.includes('error: Unsupported value "NoSchedul" for `effect`: supported values:'), r.stdout);
    assert.match(r.stdout, /1 file\(s\) checked: 1 error\(s\)/);
    assert.doesNotMatch(r.stdout, HANGUL);
  }
});

test('--help documents --lang; --lang without a value is bad usage', () => {
  const help = cli('--help');
  assert.match(help.stderr, /--lang LOCALE/);
  assert.equal(cli('--lang').status, 2);
});
