/**
 * End to end over stdio against the built server: what publishDiagnostics carries for real
 * mistakes, what it leaves alone, and how settings and ignore comments change it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lsp-client';
import { BAD_ENUM, CONFIGMAP, EFFECT_LINE, messageOf, NOT_KUBERNETES, REMOVED_API } from './texts';

const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);
/** Error-severity codes: best-practice warnings and placement notes come and go with the rules set. */
const errorCodes = (ds: Diagnostic[]) => codes(ds.filter((d) => d.severity === 1));

describe('diagnostics over LSP', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { daemonset: { rules: {}, maxFileSizeMB: 5 } } });
  });
  after(() => client.kill());

  test('a misspelt toleration effect is invalid-enum on the value, with the path and the right value', async () => {
    const uri = 'file:///protocol/bad-enum.yaml';
    await client.open(uri, BAD_ENUM);
    const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
    const d = diagnostics.find((x) => x.code === 'invalid-enum');
    assert.ok(d, `no invalid-enum in ${JSON.stringify(codes(diagnostics))}`);
    assert.equal(d.source, 'daemonset');
    assert.deepEqual(d.data, { path: 'spec.template.spec.tolerations[0].effect' });
    assert.deepEqual(d.range, { start: { line: EFFECT_LINE, character: 18 }, end: { line: EFFECT_LINE, character: 27 } });
    assert.equal(BAD_ENUM.split('\n')[EFFECT_LINE].slice(18, 27), 'NoSchedul');
    assert.match(messageOf(d), /NoSchedule/);
    assert.equal(d.severity, 1);
  });

  test('an unknown field names the field and suggests the real one', async () => {
    const uri = 'file:///protocol/unknown-field.yaml';
    await client.open(uri, BAD_ENUM);
    const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
    const d = diagnostics.find((x) => x.code === 'unknown-field');
    assert.ok(d, `no unknown-field in ${JSON.stringify(codes(diagnostics))}`);
    assert.match(messageOf(d), /imagePullPolic\b/);
    assert.match(messageOf(d), /Did you mean `imagePullPolicy`/);
    assert.deepEqual(d.data, { path: 'spec.template.spec.containers[0].imagePullPolic' });
    assert.deepEqual(d.range, { start: { line: 20, character: 10 }, end: { line: 20, character: 24 } });
  });

  test('a removed apiVersion is reported on the apiVersion value', async () => {
    const uri = 'file:///protocol/removed-api.yaml';
    await client.open(uri, REMOVED_API);
    const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
    const d = diagnostics.find((x) => x.code === 'removed-api-version');
    assert.ok(d, `no removed-api-version in ${JSON.stringify(codes(diagnostics))}`);
    assert.equal(d.severity, 1);
    assert.match(messageOf(d), /extensions\/v1beta1/);
    assert.match(messageOf(d), /apps\/v1/);
    assert.deepEqual(d.range, { start: { line: 0, character: 12 }, end: { line: 0, character: 30 } });
  });

  test('a ConfigMap and a non-Kubernetes YAML file get no diagnostics', async () => {
    const cm = 'file:///protocol/configmap.yaml';
    const other = 'file:///protocol/compose.yaml';
    await client.open(cm, CONFIGMAP);
    await client.open(other, NOT_KUBERNETES);
    assert.deepEqual((await client.waitForDiagnostics(cm, { version: 1 })).diagnostics, []);
    assert.deepEqual((await client.waitForDiagnostics(other, { version: 1 })).diagnostics, []);
  });

  test('# daemonset-ignore invalid-enum silences that rule on its line only', async () => {
    const trailing = 'file:///protocol/ignore-trailing.yaml';
    const above = 'file:///protocol/ignore-above.yaml';
    await client.open(trailing, BAD_ENUM.replace('effect: NoSchedul', 'effect: NoSchedul # daemonset-ignore invalid-enum'));
    await client.open(above, BAD_ENUM.replace('          effect: NoSchedul', '          # daemonset-ignore invalid-enum\n          effect: NoSchedul'));
    for (const uri of [trailing, above]) {
      const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
      assert.ok(!codes(diagnostics).includes('invalid-enum'), uri);
      assert.deepEqual(errorCodes(diagnostics), ['unknown-field'], uri);
    }
  });

  test('daemonset.rules { "invalid-enum": "off" } via workspace/configuration removes it, and setting it back restores it', async () => {
    const uri = 'file:///protocol/settings.yaml';
    await client.open(uri, BAD_ENUM);
    await client.waitForDiagnostics(uri, { version: 1, where: (ds) => codes(ds).includes('invalid-enum') });

    let mark = client.mark();
    await client.setSettings({ daemonset: { rules: { 'invalid-enum': 'off' }, maxFileSizeMB: 5 } });
    const off = await client.waitForDiagnostics(uri, { since: mark, where: (ds) => !codes(ds).includes('invalid-enum') });
    // Only that rule is off: the unknown field is still reported.
    assert.deepEqual(errorCodes(off.diagnostics), ['unknown-field']);

    mark = client.mark();
    await client.setSettings({ daemonset: { rules: { 'invalid-enum': 'warning' }, maxFileSizeMB: 5 } });
    const back = await client.waitForDiagnostics(uri, { since: mark, where: (ds) => codes(ds).includes('invalid-enum') });
    assert.equal(back.diagnostics.find((d) => d.code === 'invalid-enum')?.severity, 2);

    mark = client.mark();
    await client.setSettings({ daemonset: { rules: {}, maxFileSizeMB: 5 } });
    await client.waitForDiagnostics(uri, { since: mark, where: (ds) => ds.find((d) => d.code === 'invalid-enum')?.severity === 1 });
  });
});
