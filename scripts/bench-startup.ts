/**
 * Startup of the built language server, as an editor meets it: spawn `dist/server.js --stdio`,
 * `initialize`, then open one DaemonSet and wait for its diagnostics (which loads the bundled
 * sample inventory and places the DaemonSet on it). Each run is a fresh process.
 * Run by `npm run bench`; alone: `node --import tsx scripts/bench-startup.ts [--runs N]`.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { realisticDaemonSet, Rng } from '../test/helpers/generate';
import { LspClient } from '../test/helpers/lsp-client';
import { repoRoot } from '../test/helpers/paths';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 10;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function once(text: string): Promise<{ initialize: number; firstDiagnostics: number }> {
  const t0 = performance.now();
  const client = await LspClient.start({ settings: { daemonset: { rules: {}, maxFileSizeMB: 5 } }, timeoutMs: 60_000 });
  const initialize = performance.now() - t0;
  try {
    const uri = 'file:///bench/startup.yaml';
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, { version: 1, timeoutMs: 60_000 });
    const firstDiagnostics = performance.now() - t0;
    await client.shutdown();
    return { initialize, firstDiagnostics };
  } finally {
    client.kill();
  }
}

async function main(): Promise<void> {
  const text = realisticDaemonSet(new Rng(1), 0);
  await once(text); // warm the file system cache
  const init: number[] = [];
  const first: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await once(text);
    init.push(r.initialize);
    first.push(r.firstDiagnostics);
  }
  const size = (f: string) => statSync(path.join(repoRoot, 'dist', f)).size / 1024;
  const result = {
    runs: RUNS,
    initializeMs: { median: median(init), min: Math.min(...init) },
    firstDiagnosticsMs: { median: median(first), min: Math.min(...first) },
    bundleKB: { server: size('server.js'), client: size('client.js'), cli: size('cli.js') },
  };
  console.log(
    `server startup (${RUNS} fresh processes): spawn → initialize ${result.initializeMs.median.toFixed(0)} ms median; spawn → first diagnostics on the sample cluster ${result.firstDiagnosticsMs.median.toFixed(0)} ms median`,
  );
  console.log(
    `bundles: server.js ${result.bundleKB.server.toFixed(0)} KB, client.js ${result.bundleKB.client.toFixed(0)} KB, cli.js ${result.bundleKB.cli.toFixed(0)} KB`,
  );
  console.log(JSON.stringify({ bench: 'server-startup', ...result }));
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
