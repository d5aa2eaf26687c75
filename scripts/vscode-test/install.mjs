#!/usr/bin/env node
// Installs what the real-VS-Code tests need on a fresh machine, skipping what is present:
// Debian's chromium (the browser playwright drives) with a Korean font (fonts-nanum: the
// screenshots of the Korean UI must show Hangul, not boxes), libkrb5-dev and ripgrep (code-server's
// native deps), and code-server from npm into .vscode-test/code-server (gitignored, never in
// package.json: it is 300 MB and only these tests use it).
// These machines reach only npm and Debian, so each step that would download from elsewhere is
// fixed up front (see /work/shared/guide/real-vscode-testing.md).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
const APT_PACKAGES = ['chromium', 'fonts-nanum', 'libkrb5-dev', 'ripgrep'];
// What @vscode/ripgrep (pulled in by code-server 4.100.3) looks for in its download cache.
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const codeServerPrefix = path.join(repoRoot, '.vscode-test', 'code-server');
export const codeServerEntry = path.join(codeServerPrefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const chromiumPath = '/usr/bin/chromium';

const log = (msg) => console.log(`[vscode-test install] ${msg}`);
const seconds = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

function debInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

function ensureDebianPackages() {
  const missing = APT_PACKAGES.filter((p) => !debInstalled(p));
  if (missing.length === 0) {
    log(`Debian packages present: ${APT_PACKAGES.join(', ')}`);
    return;
  }
  const t0 = Date.now();
  log(`installing Debian packages: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = (args) => (asRoot.length ? run('sudo', ['apt-get', ...args], { env }) : run('apt-get', args, { env }));
  apt(['update', '-q']);
  apt(['install', '-y', '-q', '--no-install-recommends', ...missing]);
  log(`Debian packages installed in ${seconds(t0)}`);
}

function codeServerInstalledVersion() {
  const pj = path.join(codeServerPrefix, 'node_modules', 'code-server', 'package.json');
  // lib/vscode/node_modules is what code-server's postinstall adds: without it the install is half done.
  const postinstalled = path.join(codeServerPrefix, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules');
  if (!existsSync(pj) || !existsSync(codeServerEntry) || !existsSync(postinstalled)) return undefined;
  try {
    return JSON.parse(readFileSync(pj, 'utf8')).version;
  } catch {
    return undefined;
  }
}

function ensureCodeServer() {
  const have = codeServerInstalledVersion();
  if (have === CODE_SERVER_VERSION) {
    log(`code-server ${have} present in ${path.relative(repoRoot, codeServerPrefix)}`);
    return;
  }
  const t0 = Date.now();
  log(`installing code-server@${CODE_SERVER_VERSION} into ${path.relative(repoRoot, codeServerPrefix)}${have ? ` (replacing ${have})` : ''}`);
  mkdirSync(codeServerPrefix, { recursive: true });
  // Its own package.json makes this folder the npm project root, so the install never
  // touches the repository's package.json or lock file.
  writeFileSync(path.join(codeServerPrefix, 'package.json'), JSON.stringify({ name: 'vscode-test-code-server', private: true }, null, 2) + '\n');
  const tmp = path.join(repoRoot, '.vscode-test', 'tmp-install');
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(path.join(tmp, RIPGREP_CACHE), { recursive: true });
  // @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache holds the asset.
  run('tar', ['czf', path.join(tmp, RIPGREP_CACHE, RIPGREP_ASSET), '-C', '/usr/bin', 'rg']);
  const env = {
    ...process.env,
    TMPDIR: tmp,
    npm_config_unsafe_perm: 'true', // root: code-server's postinstall needs it
    npm_config_yes: 'true', // node-pty's `npx node-gyp` aborts without a TTY otherwise
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  run('npm', ['install', '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: codeServerPrefix,
    env,
  });
  rmSync(tmp, { recursive: true, force: true });
  if (codeServerInstalledVersion() !== CODE_SERVER_VERSION) throw new Error('code-server did not install');
  log(`code-server installed in ${seconds(t0)}`);
}

export function install() {
  const t0 = Date.now();
  ensureDebianPackages();
  ensureCodeServer();
  log(`ready in ${seconds(t0)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    install();
  } catch (e) {
    console.error(`[vscode-test install] failed: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
}
