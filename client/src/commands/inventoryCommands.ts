/** DaemonSet: Refresh Inventory, and DaemonSet: Snapshot Cluster to Inventory File. */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { Requests } from '../../../server/src/protocol';
import type { InventoryTrust } from '../trust';
import type { InventoryState } from './inventoryState';
import { apply } from './selectInventory';
import { settingPathFor } from './settings';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function refreshInventory(state: InventoryState): Promise<void> {
  try {
    const info = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Refreshing the DaemonSet inventory…') },
      () => state.refresh(),
    );
    if (info.requested) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          '{0} could not be used: {1}. Placement uses {2} until this is fixed.',
          info.requested.detail ?? info.requested.source,
          info.requested.error,
          info.name,
        ),
      );
    } else {
      vscode.window.setStatusBarMessage(vscode.l10n.t('Inventory refreshed: {0} · {1} nodes', info.name, info.nodes), 5000);
    }
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The inventory could not be refreshed: {0}', errorText(e)));
  }
}

export async function snapshotCluster(client: BaseLanguageClient, state: InventoryState, trust?: InventoryTrust): Promise<void> {
  let info;
  try {
    info = await state.fetch();
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The inventory could not be read: {0}', errorText(e)));
    return;
  }
  if (info.source !== 'cluster') {
    const select = vscode.l10n.t('Select Inventory…');
    const message =
      info.requested?.source === 'cluster'
        ? vscode.l10n.t(
            'A snapshot needs a live cluster, but {0} could not be reached: {1}',
            info.requested.detail ?? info.requested.source,
            info.requested.error,
          )
        : vscode.l10n.t(
            'A snapshot copies the nodes and pods of a live cluster into a file, but the inventory in use is {0}. Choose a kubeconfig context first.',
            info.name,
          );
    const button = await vscode.window.showInformationMessage(message, select);
    if (button === select) await vscode.commands.executeCommand('daemonset.selectInventory');
    return;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const fileName = `inventory-${info.name.replace(/[^\w.-]+/g, '-')}.yaml`;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
    filters: { [vscode.l10n.t('Inventory (YAML)')]: ['yaml', 'yml'] },
    saveLabel: vscode.l10n.t('Save Snapshot'),
    title: vscode.l10n.t('Snapshot of {0}: {1} nodes, {2} pods', info.name, info.nodes, info.pods),
  });
  if (!target) return;
  let text: string | null;
  try {
    text = await client.sendRequest(Requests.snapshot);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The snapshot failed: {0}', errorText(e)));
    return;
  }
  if (text === null) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The snapshot failed; the "DaemonSet Language Server" output has the details.'));
    return;
  }
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} could not be written: {1}', target.fsPath, errorText(e)));
    return;
  }
  const use = vscode.l10n.t('Use as Inventory');
  const open = vscode.l10n.t('Open');
  const button = await vscode.window.showInformationMessage(
    vscode.l10n.t('Saved {0} nodes and {1} pods to {2}.', info.nodes, info.pods, vscode.workspace.asRelativePath(target)),
    use,
    open,
  );
  if (button === use) await apply(state, { source: 'file', files: [settingPathFor(target)] }, trust);
  else if (button === open) await vscode.window.showTextDocument(target);
}
