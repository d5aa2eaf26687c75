/**
 * npm run conformance -- <corpus.json>...
 * Runs every case of each corpus through the project's engine; one line per failing case
 * (id, expected, got), then `N passed, N failed`. An op without a handler counts as failed.
 * Exit 0 when nothing failed, 1 when something did, 2 on bad usage or unreadable input.
 */
import { readFileSync } from 'node:fs';
import type { ConformanceCase, OpHandler } from './conformance/types';
import { placementOps } from './conformance/placement-ops';
import { validationOps } from './conformance/validation-ops';

const handlers: Record<string, OpHandler> = { ...placementOps, ...validationOps };

function main(argv: string[]): number {
  const files = argv.filter((a) => !a.startsWith('-'));
  const verbose = argv.includes('--verbose');
  if (files.length === 0) {
    process.stderr.write('usage: npm run conformance -- <corpus.json>... [--verbose]\n');
    return 2;
  }
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    let cases: ConformanceCase[];
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8'));
      cases = Array.isArray(parsed) ? parsed : parsed.cases;
      if (!Array.isArray(cases)) throw new Error('no "cases" array');
    } catch (e) {
      process.stderr.write(`conformance: cannot read ${file}: ${(e as Error).message}\n`);
      return 2;
    }
    for (const c of cases) {
      const handler = handlers[c.op];
      let outcome: ReturnType<OpHandler>;
      if (!handler) outcome = { expected: c.expect, got: `unsupported op "${c.op}"` };
      else {
        try {
          outcome = handler(c);
        } catch (e) {
          outcome = { expected: c.expect, got: `exception: ${(e as Error).stack ?? e}` };
        }
      }
      if (outcome === null) {
        passed++;
        if (verbose) process.stdout.write(`ok   ${c.id}\n`);
      } else {
        failed++;
        process.stdout.write(`FAIL ${c.id}  expected ${JSON.stringify(outcome.expected)}  got ${JSON.stringify(outcome.got)}\n`);
      }
    }
  }
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
