import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsFrom, openFixture, positionAfter, ruleId, waitFor } from './helpers';

const SOURCE = 'daemonset';

suite('diagnostics', () => {
  test('a misspelled toleration effect is reported, naming the allowed value', async () => {
    const { document } = await openFixture('fluentd-bad-effect.yaml');
    const found = await waitFor(
      'a daemonset diagnostic mentioning NoSchedule',
      () => diagnosticsFrom(document.uri, SOURCE),
      (ds) => ds.some((d) => d.message.includes('NoSchedule')),
    );
    const d = found.find((x) => x.message.includes('NoSchedule'))!;
    assert.equal(d.source, SOURCE);
    const id = ruleId(d);
    assert.equal(typeof id, 'string', `code should be a rule id string, got ${JSON.stringify(d.code)}`);
    assert.ok((id as string).length > 0);
    // It points at the bad value, not somewhere else in the file.
    const line = document.lineAt(d.range.start.line).text;
    assert.match(line, /effect:\s*NoSchedul\b/, `diagnostic is on line ${d.range.start.line + 1}: ${line}`);
  });

  test('a ConfigMap gets no DaemonSet diagnostics', async () => {
    const configMap = await openFixture('kube-proxy-config.yaml');
    // Absence needs a barrier. After the ConfigMap is open, shift the DaemonSet down a line and
    // wait for its diagnostic to follow: the server handles notifications in order, so by then
    // it has seen the ConfigMap and had its chance to report on it.
    const daemonSet = await openFixture('fluentd-bad-effect.yaml');
    const doc = daemonSet.document;
    const badLine = positionAfter(doc, 'effect: NoSchedul').line;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), '# edited by the test\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      await waitFor(
        'the DaemonSet diagnostic to move with the edit',
        () => diagnosticsFrom(doc.uri, SOURCE),
        (ds) => ds.some((d) => d.range.start.line === badLine + 1),
      );
      assert.deepEqual(
        diagnosticsFrom(configMap.document.uri, SOURCE).map((d) => `${d.range.start.line + 1}: ${d.message}`),
        [],
      );
    } finally {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
