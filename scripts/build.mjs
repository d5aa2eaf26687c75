// Bundles the client, the server and the CLI into dist/ with esbuild.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  loader: { '.yaml': 'text' },
};

const builds = [
  { entryPoints: { client: 'client/src/extension.ts' }, external: ['vscode'] },
  { entryPoints: { server: 'server/src/server.ts', cli: 'server/src/cli.ts' }, banner: { js: '#!/usr/bin/env node' } },
];

for (const b of builds) {
  const options = { ...common, ...b, outdir: 'dist' };
  if (watch) await (await esbuild.context(options)).watch();
  else await esbuild.build(options);
}
