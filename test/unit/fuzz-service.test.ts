/**
 * Fuzzing the pure language service with seeded inputs: mutated real DaemonSets, random YAML,
 * alias bombs, 10k-deep nesting and binary junk. Nothing may throw or take a second, every
 * diagnostic must be well formed, and fixes must not break YAML that parsed before.
 *
 * Replay: FUZZ_SEED=<seed> (the base seed), or FUZZ_CASE=<case seed> to run one case of a strategy.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  analyzeText,
  complete,
  DEFAULT_MAX_FILE_SIZE,
  fixAll,
  hover,
  quickFixes,
  type Diagnostic,
  type Position,
  type TextEdit,
} from '../../server/src/service';
import { aliasBomb, binaryJunk, deepFlow, deepIndent, mutate, randomYaml, Rng } from '../helpers/generate';
import { applyEdits } from '../helpers/lsp-client';
import { sharedPath } from '../helpers/paths';

const BASE_SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const ONLY_CASE = process.env.FUZZ_CASE === undefined ? undefined : Number(process.env.FUZZ_CASE);
const LIMIT_MS = 1000;
const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);

interface Failure {
  strategy: string;
  caseSeed: number;
  what: string;
  excerpt: string;
}

const failures: Failure[] = [];
const counts: Record<string, number> = {};
let slowest = { ms: 0, what: '' };

/** Runs fn; fails when it takes a second of both wall time and CPU time (the machine is shared, so wall time alone is noisy). */
function bounded<T>(what: string, fn: () => T): T {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const out = fn();
  const wallMs = performance.now() - wall;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const ms = Math.min(wallMs, cpuMs);
  if (ms > slowest.ms) slowest = { ms, what };
  if (ms >= LIMIT_MS) throw new Error(`${what} took ${wallMs.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU`);
  return out;
}

function lineLengths(text: string): number[] {
  return text.split('\n').map((l) => l.length);
}

function checkRange(r: Diagnostic['range'], lens: number[]): string | undefined {
  const ok = (p: Position) =>
    Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lens.length && p.character >= 0 && p.character <= lens[p.line];
  if (!ok(r.start) || !ok(r.end)) return `range ${JSON.stringify(r)} outside the text (${lens.length} lines)`;
  if (r.end.line < r.start.line || (r.end.line === r.start.line && r.end.character < r.start.character))
    return `range ${JSON.stringify(r)} ends before it starts`;
  return undefined;
}

function checkDiagnostic(d: Diagnostic, lens: number[]): string | undefined {
  const bad = checkRange(d.range, lens);
  if (bad) return `${d.code}: ${bad}`;
  if (typeof d.code !== 'string' || !d.code) return `diagnostic without code: ${JSON.stringify(d)}`;
  if (d.source !== 'daemonset') return `diagnostic source ${JSON.stringify(d.source)}`;
  if (typeof d.path !== 'string') return `diagnostic ${d.code} path is ${typeof d.path}`;
  if (typeof d.message !== 'string' || !d.message) return `diagnostic ${d.code} without message`;
  if (!SEVERITIES.has(d.severity)) return `diagnostic ${d.code} severity ${JSON.stringify(d.severity)}`;
  for (const fix of d.fixes ?? []) {
    for (const e of fix.edits) {
      const badEdit = checkRange(e.range, lens);
      if (badEdit) return `${d.code} fix ${JSON.stringify(fix.title)}: ${badEdit}`;
    }
  }
  return undefined;
}

function parsesCleanly(text: string): boolean {
  try {
    return parseAllDocuments(text, { version: '1.1', uniqueKeys: false }).every((d) => d.errors.length === 0);
  } catch {
    return false;
  }
}

function randomPositions(rng: Rng, text: string, n: number): Position[] {
  const lens = lineLengths(text);
  const out: Position[] = [];
  for (let i = 0; i < n; i++) {
    const line = rng.chance(0.05) ? lens.length + rng.int(3) : rng.int(lens.length);
    const len = lens[line] ?? 0;
    out.push({ line, character: rng.chance(0.1) ? len + rng.int(5) : rng.int(len + 1) });
  }
  return out;
}

/** Every check on one input; problems are recorded, never thrown. */
function exercise(strategy: string, caseSeed: number, text: string): void {
  counts[strategy] = (counts[strategy] ?? 0) + 1;
  const rng = new Rng(caseSeed ^ 0x5bd1e995);
  const fail = (what: string) => failures.push({ strategy, caseSeed, what, excerpt: JSON.stringify(text.slice(0, 160)) });
  try {
    const lens = lineLengths(text);
    const diagnostics = bounded('analyzeText', () => analyzeText(text));
    const lineTexts = text.split('\n');
    for (const d of diagnostics) {
      const bad = checkDiagnostic(d, lens);
      if (bad) fail(bad);
      // A range that is inside the text can still be misplaced: an unknown field's range holds its key.
      else if (d.code === 'unknown-field' && d.range.start.line === d.range.end.line) {
        const at = lineTexts[d.range.start.line].slice(d.range.start.character, d.range.end.character).replace(/^(["'])(.*)\1$/, '$2');
        const key = d.path.slice(d.path.lastIndexOf('.') + 1);
        if (!d.path.endsWith(at) || at === '') fail(`unknown-field range holds ${JSON.stringify(at)}, path ${d.path} (key ${key})`);
      }
    }
    // Like the server: above the size limit, completion and hover are not asked (analyzeText declines in one message).
    for (const pos of text.length <= DEFAULT_MAX_FILE_SIZE ? randomPositions(rng, text, 4) : []) {
      bounded(`complete at ${JSON.stringify(pos)}`, () => complete(text, pos));
      bounded(`hover at ${JSON.stringify(pos)}`, () => hover(text, pos));
    }
    const withFixes = diagnostics.filter((d) => d.fixes?.length);
    for (const d of diagnostics.slice(0, 5)) bounded('quickFixes', () => quickFixes(diagnostics, d.range));
    const all = bounded('fixAll', () => fixAll(diagnostics));
    if (withFixes.length && parsesCleanly(text)) {
      const candidates: { title: string; edits: TextEdit[] }[] = withFixes.flatMap((d) =>
        d.fixes!.map((f) => ({ title: `${d.code}: ${f.title}`, edits: f.edits })),
      );
      if (all) candidates.push({ title: all.title, edits: all.edits });
      for (const c of candidates) {
        const fixed = applyEdits(text, c.edits);
        if (!parsesCleanly(fixed)) fail(`fix ${JSON.stringify(c.title)} breaks YAML that parsed: edits ${JSON.stringify(c.edits)}`);
      }
    }
  } catch (e) {
    fail(`threw: ${(e as Error).stack?.split('\n').slice(0, 4).join(' | ') ?? e}`);
  }
}

function caseSeeds(strategy: number, n: number): number[] {
  if (ONLY_CASE !== undefined) return [ONLY_CASE];
  const rng = new Rng(BASE_SEED + strategy * 7919);
  return Array.from({ length: n }, () => rng.int(2 ** 31));
}

function report(strategy: string): void {
  const mine = failures.filter((f) => f.strategy === strategy);
  // FUZZ_DUMP=<file>: every failure as JSON lines, for triage.
  if (process.env.FUZZ_DUMP) writeFileSync(process.env.FUZZ_DUMP, mine.map((f) => JSON.stringify(f)).join('\n') + '\n', { flag: 'a' });
  const shown = mine
    .slice(0, 15)
    .map((f) => `  [case ${f.caseSeed}] ${f.what}\n      input: ${f.excerpt}`)
    .join('\n');
  assert.equal(mine.length, 0, `${mine.length} failure(s) in ${strategy} (base seed ${BASE_SEED}; replay one with FUZZ_CASE=<case>):\n${shown}`);
}

// Small real manifests as mutation seeds; the two bundles over 100 KB would only slow the loop.
const corpusDir = sharedPath('corpus', 'daemonsets');
const corpus = [corpusDir, path.join(corpusDir, 'nonvalid')]
  .flatMap((dir) =>
    readdirSync(dir)
      .filter((n) => /\.ya?ml$/.test(n))
      .map((n) => path.join(dir, n)),
  )
  .filter((p) => statSync(p).size < 100_000)
  .map((p) => readFileSync(p, 'utf8'));

test('mutated real DaemonSets', { timeout: 120_000 }, () => {
  assert.ok(corpus.length >= 40, `only ${corpus.length} corpus files`);
  for (const seed of caseSeeds(1, 1800)) {
    const rng = new Rng(seed);
    let text = rng.pick(corpus);
    for (let k = rng.range(1, 4); k > 0; k--) text = mutate(rng, text);
    // Windows line endings now and then.
    if (rng.chance(0.1)) text = text.replace(/\r?\n/g, '\r\n');
    exercise('mutation', seed, text);
  }
  report('mutation');
});

test('random YAML from a grammar', { timeout: 120_000 }, () => {
  for (const seed of caseSeeds(2, 1000)) exercise('grammar', seed, randomYaml(new Rng(seed)));
  report('grammar');
});

test('binary junk, alone and inside a DaemonSet', { timeout: 120_000 }, () => {
  for (const seed of caseSeeds(3, 250)) {
    const rng = new Rng(seed);
    const junk = binaryJunk(rng, rng.range(1, 32 * 1024));
    exercise('junk', seed, rng.chance(0.5) ? junk : `${rng.pick(corpus).slice(0, 400)}${junk}`);
  }
  report('junk');
});

test('alias bombs (billion laughs)', { timeout: 120_000 }, () => {
  let seed = 0;
  for (const levels of [3, 6, 9, 12]) {
    for (const width of [2, 9, 20]) {
      for (const ds of [true, false]) exercise('alias-bomb', seed++, aliasBomb(levels, width, ds));
    }
  }
  // Aliases where a DaemonSet's fields are expected: merge keys, tolerations, containers.
  exercise('alias-bomb', seed++, `${aliasBomb(9, 9)}      tolerations: *a9\n  selector: { matchLabels: *a9 }\n`);
  exercise('alias-bomb', seed++, `x: &x [*x]\napiVersion: apps/v1\nkind: DaemonSet\nspec: *x\n`);
  exercise('alias-bomb', seed, `apiVersion: apps/v1\nkind: DaemonSet\nspec: &s\n  template:\n    spec:\n      <<: *s\n`);
  report('alias-bomb');
});

test('10k-deep nesting', { timeout: 120_000 }, () => {
  let seed = 0;
  for (const ds of [true, false]) {
    exercise('deep', seed++, deepFlow(10_000, true, ds));
    exercise('deep', seed++, deepFlow(10_000, false, ds));
    // 10k levels of indentation take 50 MB (declined by size); 2500 levels (3 MB) are checked fully.
    exercise('deep', seed++, deepIndent(10_000, ds));
    exercise('deep', seed++, deepIndent(2_500, ds));
    exercise('deep', seed++, `${ds ? 'apiVersion: apps/v1\nkind: DaemonSet\n' : ''}${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`);
    exercise('deep', seed++, `${ds ? 'apiVersion: apps/v1\nkind: DaemonSet\nspec:\n' : ''}${'- '.repeat(10_000)}x\n`);
    exercise(
      'deep',
      seed++,
      `${ds ? 'apiVersion: apps/v1\nkind: DaemonSet\nspec:\n' : ''}${Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}- `).join('\n')}x\n`,
    );
    exercise(
      'deep',
      seed++,
      `${ds ? 'apiVersion: apps/v1\nkind: DaemonSet\nspec:\n' : ''}${Array.from({ length: 2_500 }, (_, i) => `${' '.repeat(i)}- `).join('\n')}x\n`,
    );
  }
  report('deep');
});

test('at least 3000 inputs ran', () => {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  // A one-case replay runs fewer on purpose.
  if (ONLY_CASE === undefined) assert.ok(total >= 3000, `only ${total} inputs: ${JSON.stringify(counts)}`);
  console.log(`fuzz: ${total} inputs ${JSON.stringify(counts)}; base seed ${BASE_SEED}; slowest call ${slowest.ms.toFixed(0)} ms (${slowest.what})`);
});
