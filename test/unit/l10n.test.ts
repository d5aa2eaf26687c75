// Localisation is complete: every package.json string has a Korean entry, and every
// `l10n.t('…')` message in the client's sources and every `t('…')` message in the language
// server's sources (plus the hand-written schema notes it translates) is in both runtime bundles.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { FIELD_OVERRIDES } from '../../scripts/schema-overrides';

const repo = path.resolve(import.meta.dirname, '..', '..');
const readJson = (rel: string) => JSON.parse(readFileSync(path.join(repo, rel), 'utf8')) as Record<string, any>;

const placeholders = (s: string) =>
  [...s.matchAll(/\{(\d+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');
const commandLinks = (s: string) => [...s.matchAll(/\(command:[^)]+\)/g)].map((m) => m[0]).join(' ');
const settingLinks = (s: string) =>
  [...s.matchAll(/`#[\w.]+#`/g)]
    .map((m) => m[0])
    .sort()
    .join(' ');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

const codeSpans = (s: string) =>
  [...s.matchAll(/`[^`]*`/g)]
    .map((m) => m[0])
    .sort()
    .join(' ');

/** The client calls `vscode.l10n.t(…)`; the server calls its wrapper `t(…)` (server/src/l10n.ts). */
const CLIENT_CALL = /\bl10n\.t\(\s*/g;
const SERVER_CALL = /(?<![\w.$])t\(\s*/g;

/** The message of each `l10n.t(…)` call; a call whose message is not a plain literal is reported as a problem. */
function scanMessages(text: string, pattern: RegExp = CLIENT_CALL): { messages: string[]; problems: string[] } {
  const messages: string[] = [];
  const problems: string[] = [];
  const call = new RegExp(pattern.source, 'g');
  for (let m = call.exec(text); m; m = call.exec(text)) {
    const start = call.lastIndex;
    const quote = text[start];
    const line = text.slice(0, start).split('\n').length;
    if (quote !== "'" && quote !== '"' && quote !== '`') {
      problems.push(`line ${line}: l10n.t with a non-literal message`);
      continue;
    }
    let i = start + 1;
    let raw = '';
    for (; i < text.length && text[i] !== quote; i++) {
      if (text[i] === '\\') raw += text[i++];
      raw += text[i];
    }
    if (quote === '`' && raw.includes('${')) {
      problems.push(`line ${line}: l10n.t with an interpolated template literal; use {0} placeholders`);
      continue;
    }
    // The literal as JavaScript reads it (escapes such as \" or \n).
    messages.push(new Function(`return ${quote}${raw}${quote}`)() as string);
  }
  return { messages, problems };
}

describe('package.nls', () => {
  const en = readJson('package.nls.json');
  const ko = readJson('package.nls.ko.json');

  it('every %key% used in package.json is in package.nls.json', () => {
    const text = readFileSync(path.join(repo, 'package.json'), 'utf8');
    const used = [...new Set([...text.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]))];
    assert.ok(used.length > 20, `only ${used.length} localised package.json strings`);
    assert.deepEqual(
      used.filter((k) => !(k in en)),
      [],
    );
  });

  it('every key has a Korean entry, and no Korean key is stale', () => {
    assert.deepEqual(
      Object.keys(en).filter((k) => typeof ko[k] !== 'string' || ko[k].trim() === ''),
      [],
    );
    assert.deepEqual(
      Object.keys(ko).filter((k) => !(k in en)),
      [],
    );
  });

  it('the Korean entries keep command links and setting links', () => {
    for (const k of Object.keys(en)) {
      assert.equal(commandLinks(ko[k]), commandLinks(en[k]), k);
      assert.equal(settingLinks(ko[k]), settingLinks(en[k]), k);
    }
  });

  it('the Korean entries are Korean where the English is prose', () => {
    const prose = Object.keys(en).filter((k) => /\s/.test(en[k]) && !/^DaemonSet$/.test(en[k]));
    assert.ok(prose.length > 10);
    assert.deepEqual(
      prose.filter((k) => !/[\uac00-\ud7a3]/.test(ko[k])),
      [],
    );
  });
});

describe('l10n bundles', () => {
  const en = readJson('l10n/bundle.l10n.json');
  const ko = readJson('l10n/bundle.l10n.ko.json');
  const used = new Map<string, string>();
  const problems: string[] = [];
  const serverUsed = new Map<string, string>();
  const collect = (file: string, pattern: RegExp, into: Map<string, string>[]) => {
    const scan = scanMessages(readFileSync(file, 'utf8'), pattern);
    const rel = path.relative(repo, file);
    scan.problems.forEach((p) => problems.push(`${rel} ${p}`));
    for (const m of scan.messages) for (const map of into) if (!map.has(m)) map.set(m, rel);
  };
  for (const file of sources(path.join(repo, 'client', 'src'))) collect(file, CLIENT_CALL, [used]);
  // server/src/l10n.ts is the wrapper itself: its calls pass the message through.
  for (const file of sources(path.join(repo, 'server', 'src'))) if (path.basename(file) !== 'l10n.ts') collect(file, SERVER_CALL, [used, serverUsed]);
  // The notes and enum meanings of schema-overrides.ts reach the server as schema data and are
  // looked up at display time (tData), so they are messages too.
  const overrides = 'scripts/schema-overrides.ts';
  for (const o of Object.values(FIELD_OVERRIDES)) {
    for (const m of [o.note, ...Object.values(o.enumMeanings ?? {}), ...(o.enum ?? []).map(([, meaning]) => meaning)]) {
      if (!m) continue;
      if (!used.has(m)) used.set(m, overrides);
      if (!serverUsed.has(m)) serverUsed.set(m, overrides);
    }
  }

  it('the scanner reads literals the way JavaScript does', () => {
    const scan = scanMessages(`vscode.l10n.t('a \\'b\\' {0}', x); l10n.t("c \\"d\\""); l10n.t(\`e\`); l10n.t(name); l10n.t(\`\${x}\`)`);
    assert.deepEqual(scan.messages, ["a 'b' {0}", 'c "d"', 'e']);
    assert.equal(scan.problems.length, 2);
  });

  it('every l10n.t message in client/src and t message in server/src is a literal', () => {
    assert.ok(used.size > 40, `only ${used.size} messages found`);
    assert.ok(serverUsed.size > 300, `only ${serverUsed.size} server messages found`);
    assert.deepEqual(problems, []);
  });

  it('the server scanner finds t(…) calls and nothing else', () => {
    const scan = scanMessages(`t('a {0}', x); tData(note); x.t('b'); split('c'); l10n.t('d'); t(\`e\`)`, SERVER_CALL);
    assert.deepEqual(scan.messages, ['a {0}', 'e']);
    assert.deepEqual(scan.problems, []);
  });

  it('every message is in bundle.l10n.json and bundle.l10n.ko.json', () => {
    const missing = (bundle: Record<string, string>) => Object.fromEntries([...used].filter(([m]) => typeof bundle[m] !== 'string').map(([m, f]) => [m, f]));
    assert.deepEqual(missing(en), {}, 'missing from l10n/bundle.l10n.json (message: file)');
    assert.deepEqual(missing(ko), {}, 'missing from l10n/bundle.l10n.ko.json (message: file)');
  });

  it('the bundles hold no stale messages, and the English one is the identity', () => {
    assert.deepEqual(
      Object.keys(en).filter((m) => !used.has(m)),
      [],
    );
    assert.deepEqual(
      Object.keys(ko).filter((m) => !used.has(m)),
      [],
    );
    assert.deepEqual(
      Object.entries(en).filter(([k, v]) => k !== v),
      [],
    );
  });

  it('the Korean messages keep their placeholders', () => {
    assert.deepEqual(
      Object.keys(ko).filter((m) => placeholders(ko[m]) !== placeholders(m)),
      [],
    );
  });

  it('the Korean server messages keep field names and values verbatim (code spans)', () => {
    assert.deepEqual(
      [...serverUsed.keys()].filter((m) => codeSpans(ko[m] ?? '') !== codeSpans(m)),
      [],
    );
  });

  it('the Korean server messages are Korean where the English is prose', () => {
    const prose = [...serverUsed.keys()].filter((m) => /[a-z]{2}.*\s.*[a-z]{2}/i.test(m.replace(/`[^`]*`|\{\d+\}/g, '')));
    assert.ok(prose.length > 250, `only ${prose.length} prose messages`);
    assert.deepEqual(
      prose.filter((m) => !/[\uac00-\ud7a3]/.test(ko[m] ?? '')),
      [],
    );
  });
});
