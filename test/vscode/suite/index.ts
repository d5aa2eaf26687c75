// Entry point the extension host loads for --extensionTestsPath: runs every bundled
// *.test.js beside it with mocha, prints mocha's spec report, and leaves the counts in a JSON
// file (DAEMONSET_VSCODE_TEST_RESULT) so the runner can print its closing line.
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

export interface SuiteResult {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
  report: string;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  // Keep a copy of the report: in code-server the extension host's console does not reach the
  // runner's terminal, so the runner prints it from the result file.
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const original = base.consoleLog;
  const lines: string[] = [];
  base.consoleLog = (...args: unknown[]) => {
    lines.push(format(...args)); // mocha passes printf-style arguments
    original(...args);
  };

  return new Promise((resolve, reject) => {
    const failures: SuiteResult['failures'] = [];
    const runner = mocha.run((failed) => {
      base.consoleLog = original;
      const result: SuiteResult = {
        passed: runner.stats?.passes ?? 0,
        failed,
        pending: runner.stats?.pending ?? 0,
        failures,
        report: lines.join('\n'),
      };
      const out = process.env.DAEMONSET_VSCODE_TEST_RESULT;
      if (out) writeFileSync(out, JSON.stringify(result, null, 2));
      if (files.length === 0) reject(new Error(`no *.test.js files in ${__dirname}`));
      else if (failed > 0) reject(new Error(`${failed} test(s) failed`));
      else resolve();
    });
    runner.on('fail', (test, err: Error) => {
      failures.push({ title: test.fullTitle(), error: err?.message ?? String(err) });
    });
  });
}
