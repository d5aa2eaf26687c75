/**
 * Latency and memory of the language service: completion, hover and full diagnostics on a
 * small DaemonSet and on 500 DaemonSets in one file, in process and through the built server
 * over stdio. Run: `npm run bench` (builds, then `node --expose-gc --import tsx scripts/bench.ts`).
 * Options: --quick (fewer runs), --no-lsp.
 */
import { readFileSync } from 'node:fs';
import { createLanguageService, type Position } from '../server/src/service';
import { manyDaemonSets, realisticDaemonSet, Rng } from '../test/helpers/generate';
import { LspClient } from '../test/helpers/lsp-client';

const quick = process.argv.includes('--quick');
const withLsp = !process.argv.includes('--no-lsp');
const TARGETS = { completionP95: 10, diagnosticsLarge: 150 };

interface Row {
  where: 'service' | 'lsp';
  file: string;
  op: string;
  runs: number;
  median: number;
  p95: number;
  max: number;
  /** Median CPU time of the call (service only): unlike wall time, not inflated by other processes. */
  cpuMedian?: number;
}

const rows: Row[] = [];
const memory: Record<string, { rssMB: number; heapUsedMB: number }> = {};

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function record(where: Row['where'], file: string, op: string, samples: number[], cpu?: number[]): void {
  const s = [...samples].sort((a, b) => a - b);
  const c = cpu && [...cpu].sort((a, b) => a - b);
  rows.push({ where, file, op, runs: s.length, median: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1], cpuMedian: c && percentile(c, 50) });
}

/** Peak memory while running fn (sampled after each call), from a collected baseline. */
class Peak {
  rss = 0;
  heap = 0;
  sample(): void {
    const m = process.memoryUsage();
    this.rss = Math.max(this.rss, m.rss);
    this.heap = Math.max(this.heap, m.heapUsed);
  }
}

function measure(file: string, op: string, warmup: number, runs: number, peak: Peak, fn: () => unknown): void {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    peak.sample();
  }
  record('service', file, op, samples, cpu);
}

/** The line and column just after `needle` on its n-th occurrence. */
function after(text: string, needle: string, nth = 0): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`${needle} not found`);
  const end = at + needle.length;
  const line = text.slice(0, end).split('\n').length - 1;
  return { line, character: end - (text.lastIndexOf('\n', end - 1) + 1) };
}

/** Positions to ask at: a toleration effect value, a key inside a container, and the `tolerations` key. */
function positions(text: string, nth: number) {
  return {
    value: after(text, 'effect: ', nth * 2),
    key: { ...after(text, '          image: ', nth), character: 10 },
    hover: { ...after(text, '      tolerations', nth), character: 8 },
  };
}

function benchService(name: string, text: string, runs: { fast: number; diag: number }): void {
  const nth = Math.floor((text.split('kind: DaemonSet').length - 1) / 2);
  const pos = positions(text, nth);
  gc();
  const peak = new Peak();
  peak.sample();
  // One language service, as the server holds one: it caches each document's analysis by its text.
  const service = createLanguageService();
  measure(name, 'completion (value)', 20, runs.fast, peak, () => service.completion(text, pos.value));
  measure(name, 'completion (key)', 20, runs.fast, peak, () => service.completion(text, pos.key));
  measure(name, 'hover', 20, runs.fast, peak, () => service.hover(text, pos.hover));
  // Cold: every document is new to the per-document cache (as on opening the file).
  let cold = 0;
  measure(name, 'diagnostics (cold)', 0, Math.max(3, Math.floor(runs.diag / 3)), peak, () =>
    service.diagnostics(text.replace(/^kind: DaemonSet$/gm, `kind: DaemonSet # ${++cold}`)),
  );
  // A keystroke: one document in the middle changes, the others are as before.
  const mid = text.indexOf('kind: DaemonSet', Math.floor(text.length / 2));
  let key = 0;
  measure(name, 'diagnostics', 3, runs.diag, peak, () =>
    service.diagnostics(`${text.slice(0, mid)}kind: DaemonSet # edit ${++key}${text.slice(mid + 'kind: DaemonSet'.length)}`),
  );
  memory[`service ${name}`] = { rssMB: peak.rss / 2 ** 20, heapUsedMB: peak.heap / 2 ** 20 };
  // A sanity check that the positions ask what they mean to.
  const labels = service.completion(text, pos.value).map((i) => i.label);
  if (!labels.includes('NoSchedule')) throw new Error(`completion at ${JSON.stringify(pos.value)} gave ${labels.join(',')}`);
}

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const out = await fn();
  return [out, performance.now() - t];
}

/** Peak RSS of a process (Linux), MB. */
function peakRss(pid: number | undefined): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function benchLsp(name: string, text: string, runs: { fast: number; diag: number }): Promise<void> {
  const client = await LspClient.start({ settings: { daemonset: { rules: {}, maxFileSizeMB: 5 } }, timeoutMs: 60_000 });
  try {
    const uri = 'file:///bench/large.yaml';
    const nth = Math.floor((text.split('kind: DaemonSet').length - 1) / 2);
    const pos = positions(text, nth);
    const [, openMs] = await time(async () => {
      await client.open(uri, text);
      await client.waitForDiagnostics(uri, { version: 1, timeoutMs: 120_000 });
    });
    const ops: [string, () => Promise<unknown>][] = [
      ['completion (value)', () => client.completion(uri, pos.value)],
      ['completion (key)', () => client.completion(uri, pos.key)],
      ['hover', () => client.hover(uri, pos.hover)],
    ];
    for (const [op, fn] of ops) {
      for (let i = 0; i < 10; i++) await fn();
      const samples: number[] = [];
      for (let i = 0; i < runs.fast; i++) samples.push((await time(fn))[1]);
      record('lsp', name, op, samples);
    }
    // didChange → publishDiagnostics (includes the server's debounce), alternating two texts.
    const samples: number[] = [];
    let version = 1;
    for (let i = 0; i < runs.diag + 1; i++) {
      version++;
      const next = i % 2 === 0 ? text.replace('name: agent-0\n', 'name: agent-x\n') : text;
      const [, ms] = await time(async () => {
        await client.change(uri, next, version);
        await client.waitForDiagnostics(uri, { version, timeoutMs: 120_000 });
      });
      if (i > 0) samples.push(ms); // the first is warm-up
    }
    record('lsp', name, 'didChange → diagnostics', samples);
    rows.push({ where: 'lsp', file: name, op: 'didOpen → diagnostics', runs: 1, median: openMs, p95: openMs, max: openMs });
    const rss = peakRss(client.child.pid);
    if (rss !== undefined) memory[`server ${name}`] = { rssMB: rss, heapUsedMB: NaN };
    await client.shutdown();
  } finally {
    client.kill();
  }
}

function fmt(n: number): string {
  return Number.isNaN(n) ? '-' : n < 10 ? n.toFixed(2) : n.toFixed(1);
}

async function main(): Promise<void> {
  const small = realisticDaemonSet(new Rng(1), 0);
  const large = manyDaemonSets(500);
  const files = {
    small: `1 DaemonSet, ${small.split('\n').length} lines`,
    large: `500 DaemonSets, ${large.split('\n').length} lines, ${(large.length / 1024).toFixed(0)} KB`,
  };
  console.log(`small: ${files.small}\nlarge: ${files.large}`);
  // Wall times on a shared machine are inflated by other processes; the load says how much to trust them.
  const load = (await import('node:os')).loadavg()[0];
  console.log(`load average ${load.toFixed(1)} on ${(await import('node:os')).cpus().length} cores\n`);
  benchService('small', small, quick ? { fast: 50, diag: 50 } : { fast: 500, diag: 300 });
  benchService('large', large, quick ? { fast: 10, diag: 3 } : { fast: 100, diag: 15 });
  if (withLsp) await benchLsp('large', large, quick ? { fast: 10, diag: 3 } : { fast: 50, diag: 8 });

  const header = ['where', 'file', 'request', 'runs', 'median ms', 'p95 ms', 'max ms', 'CPU median ms'];
  const table = rows.map((r) => [
    r.where,
    r.file,
    r.op,
    String(r.runs),
    fmt(r.median),
    fmt(r.p95),
    fmt(r.max),
    r.cpuMedian === undefined ? '-' : fmt(r.cpuMedian),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const t of table) console.log(line(t));
  console.log('\npeak memory (MB):');
  for (const [k, v] of Object.entries(memory))
    console.log(`  ${k.padEnd(16)} rss ${v.rssMB.toFixed(0)}${Number.isNaN(v.heapUsedMB) ? '' : `, heapUsed ${v.heapUsedMB.toFixed(0)}`}`);

  const get = (where: string, file: string, op: string) => rows.find((r) => r.where === where && r.file === file && r.op === op);
  const completionP95 = Math.max(...rows.filter((r) => r.where === 'service' && r.op.startsWith('completion')).map((r) => r.p95));
  const diagLarge = get('service', 'large', 'diagnostics')!.median;
  const targets = {
    completionP95: { target: TARGETS.completionP95, actual: completionP95, met: completionP95 < TARGETS.completionP95 },
    diagnosticsLarge: { target: TARGETS.diagnosticsLarge, actual: diagLarge, met: diagLarge < TARGETS.diagnosticsLarge },
  };
  console.log(
    `\ntargets: completion p95 < ${TARGETS.completionP95} ms: ${completionP95.toFixed(1)} ms ${targets.completionP95.met ? 'MET' : 'MISSED'}; diagnostics (large, median) < ${TARGETS.diagnosticsLarge} ms: ${diagLarge.toFixed(0)} ms ${targets.diagnosticsLarge.met ? 'MET' : 'MISSED'}`,
  );
  console.log(JSON.stringify({ bench: 'daemonset-language-service', files, load, rows, memory, targets }));
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
