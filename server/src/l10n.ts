/**
 * The language server's messages. `t()` is a pure lookup in the bundle configured at startup;
 * without one (English, the default) a message is its own translation. Only `configureLocale`
 * reads files, and only the edges call it: server.ts at initialize, cli.ts for `--lang`.
 * The bundles are the extension's `l10n/bundle.l10n.<locale>.json`, shared with the client.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as l10n from '@vscode/l10n';

export type Arg = string | number | boolean;

let current = 'en';

/** A message with `{0}`-style placeholders, translated when the configured bundle has it. */
export function t(message: string, ...args: Arg[]): string {
  return l10n.t(message, ...args);
}

/**
 * Hand-written text that reaches the service as data (the DaemonSet notes and enum meanings of
 * schema-overrides.ts, baked into the generated schema): translated when the bundle has it,
 * else shown as it is (the official API descriptions stay English).
 */
export function tData(text: string): string {
  return l10n.t(text);
}

/** The locale whose bundle is in use ('en' when none): part of cache keys for translated output. */
export function currentLocale(): string {
  return current;
}

/** The extension's `l10n/` folder seen from a script's directory: dist/ (built) or server/src/ (sources). */
export function bundleDirFrom(scriptDir: string): string {
  const candidates = [path.resolve(scriptDir, '..', 'l10n'), path.resolve(scriptDir, '..', '..', 'l10n')];
  return candidates.find((d) => existsSync(d)) ?? candidates[0];
}

/** `ko-KR` → `ko-kr`, `ko`; `en` → nothing (English needs no bundle). */
function candidates(locale: string | undefined): string[] {
  const l = (locale ?? '').trim().toLowerCase().replace(/_/g, '-');
  if (!l || l === 'en' || l.startsWith('en-')) return [];
  const base = l.split('-')[0];
  return base !== l ? [l, base] : [l];
}

/**
 * Loads `bundle.l10n.<locale>.json` from `bundleDir` (`ko-kr` falls back to `ko`); English when
 * there is no such bundle or it cannot be read. Returns the locale in use.
 */
export function configureLocale(locale: string | undefined, bundleDir: string): string {
  for (const c of candidates(locale)) {
    const file = path.join(bundleDir, `bundle.l10n.${c}.json`);
    if (!existsSync(file)) continue;
    try {
      l10n.config({ contents: JSON.parse(readFileSync(file, 'utf8')) as Record<string, string> });
      current = c;
      return c;
    } catch {
      // An unreadable bundle: English rather than no messages.
    }
  }
  l10n.config({ contents: {} });
  current = 'en';
  return current;
}
