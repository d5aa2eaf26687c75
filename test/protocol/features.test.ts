/**
 * Completion, hover and code actions end to end: requests go over stdio to the built server,
 * and code-action edits are applied here the way an editor would apply them.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits, LspClient } from '../helpers/lsp-client';
import { BAD_ENUM, EFFECT_LINE, positionOf } from './texts';

const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);
/** Error-severity codes: best-practice warnings and placement notes come and go with the rules set. */
const errorCodes = (ds: Diagnostic[]) => codes(ds.filter((d) => d.severity === 1));
const items = (r: CompletionItem[] | CompletionList | null): CompletionItem[] => (r === null ? [] : Array.isArray(r) ? r : r.items);

function editsFor(action: CodeAction, uri: string): TextEdit[] {
  const edits = action.edit?.changes?.[uri];
  assert.ok(edits?.length, `action ${JSON.stringify(action.title)} has no edits for ${uri}`);
  return edits;
}

describe('completion, hover and code actions over LSP', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { daemonset: { rules: {}, maxFileSizeMB: 5 } } });
  });
  after(() => client.kill());

  test('completion after `effect: ` offers the three taint effects', async () => {
    const uri = 'file:///protocol/complete-effect.yaml';
    const text = BAD_ENUM.replace('effect: NoSchedul', 'effect: ');
    await client.open(uri, text);
    const got = items(await client.completion(uri, { line: EFFECT_LINE, character: 18 }));
    assert.deepEqual(got.map((i) => i.label).sort(), ['NoExecute', 'NoSchedule', 'PreferNoSchedule']);
  });

  test('key completion on a half-typed line inside a container offers Container fields not yet present', async () => {
    const uri = 'file:///protocol/complete-key.yaml';
    const text = BAD_ENUM.replace('          imagePullPolic: Always\n', '          resou\n');
    await client.open(uri, text);
    const pos = positionOf(text, '          resou', 15);
    const got = items(await client.completion(uri, pos));
    const labels = got.map((i) => i.label);
    for (const want of ['resources', 'imagePullPolicy', 'volumeMounts', 'securityContext'])
      assert.ok(labels.includes(want), `${want} missing from ${labels.join(', ')}`);
    // Keys already in the container, and fields of other types, are not offered.
    for (const not of ['name', 'image', 'tolerations', 'containers']) assert.ok(!labels.includes(not), `${not} offered`);
    const resources = got.find((i) => i.label === 'resources')!;
    const edit = resources.textEdit as TextEdit;
    assert.deepEqual(edit.range, { start: { line: pos.line, character: 10 }, end: pos });
  });

  test('hover on `tolerations` shows the official description and the API reference link', async () => {
    const uri = 'file:///protocol/hover.yaml';
    await client.open(uri, BAD_ENUM);
    const h = await client.hover(uri, positionOf(BAD_ENUM, 'tolerations:', 3));
    assert.ok(h, 'no hover');
    const value = (h.contents as MarkupContent).value;
    assert.equal((h.contents as MarkupContent).kind, 'markdown');
    assert.match(value, /If specified, the pod's tolerations\./);
    assert.match(value, /\(https:\/\/kubernetes\.io\/docs\/reference\/generated\/kubernetes-api\/v1\.36\/#podspec-v1-core\)/);
    assert.deepEqual(h.range, { start: { line: 13, character: 6 }, end: { line: 13, character: 17 } });
  });

  test('the quick fix for invalid-enum, applied and sent as didChange, makes the diagnostic go away', async () => {
    const uri = 'file:///protocol/quickfix.yaml';
    await client.open(uri, BAD_ENUM);
    const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1, where: (ds) => codes(ds).includes('invalid-enum') });
    const d = diagnostics.find((x) => x.code === 'invalid-enum')!;
    const actions = (await client.codeActions(uri, d.range, [d], ['quickfix'])) as CodeAction[];
    const fix = actions.find((a) => a.title === "Change to 'NoSchedule'");
    assert.ok(fix, `no fix among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    const fixed = applyEdits(BAD_ENUM, editsFor(fix, uri));
    assert.equal(fixed.split('\n')[EFFECT_LINE], '          effect: NoSchedule');
    await client.change(uri, fixed, 2);
    const after2 = await client.waitForDiagnostics(uri, { version: 2 });
    assert.ok(!codes(after2.diagnostics).includes('invalid-enum'));
    assert.deepEqual(errorCodes(after2.diagnostics), ['unknown-field']);
  });

  test('source.fixAll (our source.fixAll.daemonset) applies every mechanical fix at once', async () => {
    const uri = 'file:///protocol/fixall.yaml';
    const second = BAD_ENUM.replace('name: agent', 'name: agent-2').replace('effect: NoSchedul', 'effect: noexecute');
    const text = `${BAD_ENUM}---\n${second}---\n${BAD_ENUM.replace('apiVersion: apps/v1', 'apiVersion: apps/v1beta2')}`;
    await client.open(uri, text);
    const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
    assert.deepEqual(errorCodes(diagnostics).sort(), ['invalid-enum', 'invalid-enum', 'removed-api-version', 'unknown-field', 'unknown-field']);
    const end = { line: text.split('\n').length - 1, character: 0 };
    const all = async (current: string): Promise<string> => {
      const actions = (await client.codeActions(uri, { start: { line: 0, character: 0 }, end }, [], ['source.fixAll'])) as CodeAction[];
      assert.equal(actions.length, 1, JSON.stringify(actions.map((a) => a.title)));
      assert.equal(actions[0].kind, 'source.fixAll.daemonset');
      return applyEdits(current, editsFor(actions[0], uri));
    };
    const fixed = await all(text);
    const lines = fixed.split('\n');
    assert.ok(lines.includes('          effect: NoExecute'), 'the case-only typo is fixed');
    assert.equal(lines.filter((l) => l === '          effect: NoSchedule').length, 1);
    assert.equal(lines.filter((l) => l === 'apiVersion: apps/v1').length, 3);
    await client.change(uri, fixed, 2);
    const after2 = await client.waitForDiagnostics(uri, { version: 2 });
    // The third DaemonSet is checked now that its apiVersion is apps/v1: its enum shows up;
    // the unknown fields have no preferred fix (two candidates each). The edits left valid YAML.
    assert.deepEqual(errorCodes(after2.diagnostics).sort(), ['invalid-enum', 'unknown-field', 'unknown-field', 'unknown-field']);
    const final = await all(fixed);
    await client.change(uri, final, 3);
    assert.deepEqual(errorCodes((await client.waitForDiagnostics(uri, { version: 3 })).diagnostics), ['unknown-field', 'unknown-field', 'unknown-field']);
  });
});
