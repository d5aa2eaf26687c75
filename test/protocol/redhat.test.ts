/**
 * With Red Hat's YAML extension checking a Kubernetes schema, unknown fields, wrong types and
 * missing required fields would be reported twice: by default (schemaChecks: auto) the server
 * leaves them to it; `on` keeps them; the client tells the server when that changes.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lsp-client';
import { daemonSetHead } from '../helpers/manifests';

const text = `${daemonSetHead()}      nodeselector: {kubernetes.io/os: linux}
      tolerations:
        - key: nvidia.com/gpu
          operator: Exists
          effect: NoSchedul
      containers:
        - name: agent
          image: registry.example.com/agent:1.0
`;

const codes = (ds: Diagnostic[]) =>
  ds
    .filter((d) => d.severity === 1)
    .map((d) => d.code)
    .sort();

describe('one problem, reported once, beside Red Hat YAML', () => {
  const clients: LspClient[] = [];
  after(() => clients.forEach((c) => c.kill()));

  const start = async (redHatKubernetesSchema: boolean, schemaChecks?: string) => {
    const c = await LspClient.start({ initializationOptions: { redHatKubernetesSchema }, settings: { daemonset: { schemaChecks } } });
    clients.push(c);
    return c;
  };

  test('without Red Hat YAML, every finding is reported', async () => {
    const c = await start(false);
    await c.open('file:///rh/a.yaml', text);
    const p = await c.waitForDiagnostics('file:///rh/a.yaml', { where: (d) => d.length > 0 });
    assert.deepEqual(codes(p.diagnostics), ['invalid-enum', 'unknown-field']);
  });

  test('with Red Hat YAML checking a Kubernetes schema, its overlap is left to it; enum values stay ours', async () => {
    const c = await start(true);
    await c.open('file:///rh/b.yaml', text);
    const p = await c.waitForDiagnostics('file:///rh/b.yaml', { where: (d) => d.some((x) => x.code === 'invalid-enum') });
    assert.deepEqual(codes(p.diagnostics), ['invalid-enum']);
  });

  test('schemaChecks: on keeps them; the environment notification switches at run time', async () => {
    const on = await start(true, 'on');
    await on.open('file:///rh/c.yaml', text);
    const p = await on.waitForDiagnostics('file:///rh/c.yaml', { where: (d) => d.some((x) => x.code === 'unknown-field') });
    assert.deepEqual(codes(p.diagnostics), ['invalid-enum', 'unknown-field']);

    const auto = await start(false);
    await auto.open('file:///rh/d.yaml', text);
    await auto.waitForDiagnostics('file:///rh/d.yaml', { where: (d) => d.some((x) => x.code === 'unknown-field') });
    const since = auto.mark();
    await auto.connection.sendNotification('daemonset/environment', { redHatKubernetesSchema: true });
    const after = await auto.waitForDiagnostics('file:///rh/d.yaml', { since, where: (d) => !d.some((x) => x.code === 'unknown-field') });
    assert.deepEqual(codes(after.diagnostics), ['invalid-enum']);
  });
});
