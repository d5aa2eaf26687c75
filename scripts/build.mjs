// Bundles the client, the server and the CLI into dist/ with esbuild.
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  // Smaller bundles load faster on activation; names are kept so stack traces stay readable.
  minify: !watch,
  keepNames: true,
  logLevel: 'warning',
};

const builds = [
  { entryPoints: { client: 'client/src/extension.ts' }, external: ['vscode'] },
  { entryPoints: { server: 'server/src/server.ts', cli: 'server/src/cli.ts' }, banner: { js: '#!/usr/bin/env node' } },
  // Inventory files and large kustomizations are parsed in a worker thread (server/src/inventory/worker.ts starts it).
  { entryPoints: { 'parse-worker': 'server/src/inventory/parse-worker.ts' } },
  // The placement page runs in a webview (a browser): its script lives in dist/media, the one webview resource root.
  { entryPoints: { panel: 'client/src/webview/panel.ts' }, platform: 'browser', format: 'iife', target: 'chrome120', outdir: 'dist/media' },
];

// The placement page's stylesheet and the codicon font, beside its script.
mkdirSync('dist/media/codicons', { recursive: true });
cpSync('media/panel.css', 'dist/media/panel.css');
// The bundled sample cluster is an inventory file read on first use, beside server.js and cli.js.
cpSync('server/src/inventory/sample-cluster.json', 'dist/sample-cluster.json');
// The DaemonSet templates are YAML files the client reads when one is chosen.
mkdirSync('dist/templates', { recursive: true });
for (const f of readdirSync('client/src/templates').filter((f) => f.endsWith('.yaml'))) cpSync(`client/src/templates/${f}`, `dist/templates/${f}`);
for (const f of ['codicon.css', 'codicon.ttf']) cpSync(`node_modules/@vscode/codicons/dist/${f}`, `dist/media/codicons/${f}`);

for (const b of builds) {
  const options = { ...common, outdir: 'dist', ...b };
  if (watch) await (await esbuild.context(options)).watch();
  else await esbuild.build(options);
}
