import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, diagnosticsFrom, ruleId, waitFor } from './helpers';

const SOURCE = 'daemonset';

/** The parts of daemonset/inventory's answer these tests look at (server/src/protocol.ts). */
interface InventoryInfo {
  source: 'sample' | 'file' | 'cluster';
  name: string;
  nodes: number;
  requested?: { source: string; detail?: string; error: string };
}

/** What activate() returns (client/src/extension.ts DaemonSetApi), as far as tests use it. */
interface Api {
  client: { sendRequest<R>(method: string, params?: unknown): Promise<R> };
  inventory: { current?: InventoryInfo };
  trust: {
    effective(): Record<string, unknown>;
    chosenByUser(next: { source?: string; files?: string[] }): Promise<void>;
    notifyServer(): void;
  };
}

async function api(): Promise<Api> {
  const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  return ext.isActive ? ext.exports : ext.activate();
}

const inventoryNow = async () => (await api()).client.sendRequest<InventoryInfo>('daemonset/inventory');

/**
 * Absence of diagnostics needs a barrier: the server validates and publishes documents in the
 * order it saw them, so once a later document with a known error has its diagnostic, every
 * earlier one has been published too.
 */
async function diagnosticsBarrier(): Promise<void> {
  const probe = await vscode.workspace.openTextDocument({
    language: 'yaml',
    content:
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: barrier\nspec:\n  template:\n    spec:\n      tolerations:\n        - effect: NoSchedul\n',
  });
  await waitFor(
    'the barrier document to be checked',
    () => diagnosticsFrom(probe.uri, SOURCE),
    (ds) => ds.some((d) => d.message.includes('NoSchedule')),
  );
}

async function closeAllEditors(): Promise<void> {
  // Untitled documents would ask to be saved: revert them while closing.
  for (const editor of vscode.window.visibleTextEditors) {
    if (editor.document.isUntitled) {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

const TEMPLATE_IDS = ['log-collector', 'node-exporter', 'gpu-device-plugin', 'gpu-monitor', 'cni-agent', 'security-agent'];

suite('commands', () => {
  suiteTeardown(closeAllEditors);

  test('the commands are registered and contributed', async () => {
    await api();
    const registered = await vscode.commands.getCommands(true);
    const contributed = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    for (const id of [
      'daemonset.selectInventory',
      'daemonset.refreshInventory',
      'daemonset.snapshotCluster',
      'daemonset.newFromTemplate',
      'daemonset.openRuleDocs',
      'daemonset.openExample',
    ]) {
      assert.ok(registered.includes(id), `${id} is not registered`);
      assert.ok(contributed.includes(id), `${id} is not in package.json contributes.commands`);
    }
  });

  test('New DaemonSet from Template with an id opens each template as an untitled YAML DaemonSet without errors or warnings', async () => {
    await api();
    const docs: vscode.TextDocument[] = [];
    for (const id of TEMPLATE_IDS) {
      const doc = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('daemonset.newFromTemplate', id);
      assert.ok(doc, `${id}: no document`);
      assert.equal(doc.isUntitled, true, id);
      assert.equal(doc.languageId, 'yaml', id);
      assert.match(doc.getText(), /^kind: DaemonSet$/m, id);
      assert.equal(vscode.window.activeTextEditor?.document, doc, `${id}: the template is in the active editor`);
      docs.push(doc);
    }
    await diagnosticsBarrier();
    // The templates were checked: the CNI agent's writable CNI directories are worth a hint.
    const cni = docs[TEMPLATE_IDS.indexOf('cni-agent')];
    assert.ok(
      diagnosticsFrom(cni.uri, SOURCE).some((d) => ruleId(d) === 'writable-host-path'),
      'the cni-agent template was not checked',
    );
    for (const [i, doc] of docs.entries()) {
      const loud = diagnosticsFrom(doc.uri, SOURCE)
        .filter((d) => d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning)
        .map((d) => `${ruleId(d)} line ${d.range.start.line + 1}: ${d.message}`);
      assert.deepEqual(loud, [], TEMPLATE_IDS[i]);
    }
    await closeAllEditors();
  });

  test('an unknown template id opens nothing', async () => {
    const untitled = () => vscode.workspace.textDocuments.filter((d) => d.isUntitled).length;
    const before = untitled();
    const doc = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('daemonset.newFromTemplate', 'no-such-template');
    assert.equal(doc, undefined);
    assert.equal(untitled(), before);
  });

  // The user's own settings: a workspace's inventory choice waits for the user's word (next test).
  test('switching daemonset.inventory.source to file changes what daemonset/inventory reports', async () => {
    const { inventory } = await api();
    const before = await waitFor('the sample inventory', inventoryNow, (i) => i.source === 'sample');
    assert.equal(before.requested, undefined);
    const conf = vscode.workspace.getConfiguration('daemonset');
    try {
      await conf.update('inventory.files', ['inventory/two-nodes.yaml'], vscode.ConfigurationTarget.Global);
      await conf.update('inventory.source', 'file', vscode.ConfigurationTarget.Global);
      const info = await waitFor('the file inventory', inventoryNow, (i) => i.source === 'file');
      assert.equal(info.name, 'two-nodes.yaml');
      assert.equal(info.nodes, 2);
      assert.equal(info.requested, undefined);
      // The client's view (status bar, placement panel) follows the server's notification.
      await waitFor(
        'the client to hear of the file inventory',
        () => inventory.current,
        (i) => i?.source === 'file' && i.nodes === 2,
      );

      await conf.update('inventory.files', ['inventory/no-such-file.yaml'], vscode.ConfigurationTarget.Global);
      const fallback = await waitFor('the fallback to the sample', inventoryNow, (i) => i.source === 'sample' && !!i.requested);
      assert.equal(fallback.requested?.source, 'file');
      assert.match(fallback.requested?.error ?? '', /no-such-file\.yaml.*file not found/);
    } finally {
      await conf.update('inventory.source', undefined, vscode.ConfigurationTarget.Global);
      await conf.update('inventory.files', undefined, vscode.ConfigurationTarget.Global);
    }
    const after = await waitFor('the sample inventory again', inventoryNow, (i) => i.source === 'sample' && !i.requested);
    assert.equal(after.nodes, before.nodes);
  });

  test("a workspace's own inventory files are used only once the user allowed them", async () => {
    const { trust } = await api();
    await waitFor('the sample inventory', inventoryNow, (i) => i.source === 'sample' && !i.requested);
    const conf = vscode.workspace.getConfiguration('daemonset');
    try {
      await conf.update('inventory.files', ['inventory/two-nodes.yaml'], vscode.ConfigurationTarget.Workspace);
      await conf.update('inventory.source', 'file', vscode.ConfigurationTarget.Workspace);
      // What the server is given for the restricted keys: the user's values (the sample) until allowed.
      const gated = trust.effective();
      assert.equal(gated['inventory.source'], 'sample');
      assert.deepEqual(gated['inventory.files'], []);
      // The settings the server pulls (workspace/configuration through the middleware) say the same.
      const pulled = await (await api()).client.sendRequest<InventoryInfo>('daemonset/refreshInventory');
      assert.equal(pulled.source, 'sample');
      // Allowed (as the notification's Allow, or a choice in the picker): the server switches.
      await trust.chosenByUser({ source: 'file', files: ['inventory/two-nodes.yaml'] });
      trust.notifyServer();
      const info = await waitFor('the file inventory', inventoryNow, (i) => i.source === 'file');
      assert.equal(info.nodes, 2);
    } finally {
      await conf.update('inventory.source', undefined, vscode.ConfigurationTarget.Workspace);
      await conf.update('inventory.files', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the sample inventory again', inventoryNow, (i) => i.source === 'sample' && !i.requested);
  });

  test('Open Rule Documentation with a rule id opens its page in the Markdown preview', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('daemonset.openRuleDocs', 'image-tag-latest');
    assert.ok(uri, 'no page opened');
    assert.match(uri.path, /\/docs\/rules\/image-tag-latest\.md$/);
    await waitFor(
      'a Markdown preview tab of the rule page',
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)),
      (labels) => labels.some((l) => l.includes('image-tag-latest')),
    );
    assert.equal(await vscode.commands.executeCommand('daemonset.openRuleDocs', 'no-such-rule'), undefined);
    await closeAllEditors();
  });

  test("the walkthrough's example has an error whose quick fix removes it", async () => {
    const doc = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('daemonset.openExample');
    assert.ok(doc && doc.isUntitled);
    const [error] = await waitFor(
      'the example error',
      () => diagnosticsFrom(doc.uri, SOURCE).filter((d) => d.severity === vscode.DiagnosticSeverity.Error),
      (ds) => ds.length > 0,
    );
    assert.match(doc.lineAt(error.range.start.line).text, /effect:\s*NoSchedul$/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      error.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title.includes('NoSchedule') && a.edit);
    assert.ok(fix, `no quick fix to NoSchedule among ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.match(doc.getText(), /effect: NoSchedule\n/);
    await waitFor(
      'the error to go',
      () => diagnosticsFrom(doc.uri, SOURCE).filter((d) => d.severity === vscode.DiagnosticSeverity.Error),
      (ds) => ds.length === 0,
    );
    await closeAllEditors();
  });
});
