/**
 * The built server speaks the client's language: initialized with `locale: 'ko'` (as VS Code's
 * language client sends it), its diagnostics, quick fixes and hovers are Korean; field names,
 * values and Kubernetes' own wording stay verbatim. Without a locale, English.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lsp-client';
import { BAD_ENUM, EFFECT_LINE, messageOf } from './texts';

const HANGUL = /[\uac00-\ud7a3]/;

describe('a Korean client', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ locale: 'ko', settings: { daemonset: { rules: {}, maxFileSizeMB: 5 } } });
  });
  after(() => client.kill());

  test('gets Korean diagnostics that keep the field names and values verbatim', async () => {
    const uri = 'file:///protocol/l10n-bad-enum.yaml';
    await client.open(uri, BAD_ENUM);
    const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
    const invalidEnum = diagnostics.find((d) => d.code === 'invalid-enum');
    assert.ok(invalidEnum, JSON.stringify(diagnostics.map((d) => d.code)));
    assert.equal(
      messageOf(invalidEnum),
      '지원되지 않는 `effect` 값 "NoSchedul"(Unsupported value). 지원되는 값: "NoExecute", "NoSchedule", "PreferNoSchedule". 혹시 "NoSchedule"인가요?',
    );
    assert.deepEqual(invalidEnum.data, { path: 'spec.template.spec.tolerations[0].effect' }, 'codes and paths do not change with the language');
    const unknown = diagnostics.find((d) => d.code === 'unknown-field');
    assert.ok(unknown);
    assert.match(messageOf(unknown), HANGUL);
    assert.ok(messageOf(unknown).includes('`imagePullPolic`') && messageOf(unknown).includes('`imagePullPolicy`'), messageOf(unknown));

    const actions = ((await client.codeActions(uri, invalidEnum.range, [invalidEnum], ['quickfix'])) ?? []) as CodeAction[];
    // Menus show code spans as 'quoted' words.
    assert.ok(
      actions.some((a) => a.title === "'NoSchedule'(으)로 변경"),
      JSON.stringify(actions.map((a) => a.title)),
    );
  });

  test('gets a Korean hover around the English API description', async () => {
    const uri = 'file:///protocol/l10n-hover.yaml';
    await client.open(uri, BAD_ENUM);
    const h = await client.hover(uri, { line: EFFECT_LINE, character: 12 });
    const value = (h?.contents as { value: string }).value;
    assert.ok(value.includes('**effect** · `string` · 선택 사항'), value);
    assert.ok(value.includes('허용되는 값:'), value);
    assert.ok(value.includes('Effect indicates the taint effect to match.'), 'the official description stays English');
  });
});

describe('a client without a locale', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { daemonset: { rules: {}, maxFileSizeMB: 5 } } });
  });
  after(() => client.kill());

  test('gets English', async () => {
    const uri = 'file:///protocol/l10n-english.yaml';
    await client.open(uri, BAD_ENUM);
    const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
    const d = diagnostics.find((x) => x.code === 'invalid-enum');
    assert.ok(d);
    assert.ok(messageOf(d).startsWith('Unsupported value "NoSchedul" for `effect`'), messageOf(d));
  });
});
