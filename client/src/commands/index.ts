/** Registers the client's commands (package.json `contributes.commands`). */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { refreshInventory, snapshotCluster } from './inventoryCommands';
import type { InventoryState } from './inventoryState';
import { newFromTemplate } from './newFromTemplate';
import { openExample } from './openExample';
import { openRuleDocs } from './openRuleDocs';
import { selectInventory } from './selectInventory';
import type { InventoryTrust } from '../trust';

export const COMMANDS = {
  selectInventory: 'daemonset.selectInventory',
  refreshInventory: 'daemonset.refreshInventory',
  snapshotCluster: 'daemonset.snapshotCluster',
  newFromTemplate: 'daemonset.newFromTemplate',
  openRuleDocs: 'daemonset.openRuleDocs',
  openExample: 'daemonset.openExample',
} as const;

export function registerCommands(
  context: vscode.ExtensionContext,
  client: BaseLanguageClient,
  state: InventoryState,
  trust?: InventoryTrust,
): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.selectInventory, () => selectInventory(client, state, trust)),
    vscode.commands.registerCommand(COMMANDS.refreshInventory, () => refreshInventory(state)),
    vscode.commands.registerCommand(COMMANDS.snapshotCluster, () => snapshotCluster(client, state, trust)),
    vscode.commands.registerCommand(COMMANDS.newFromTemplate, (id?: unknown) => newFromTemplate(id)),
    vscode.commands.registerCommand(COMMANDS.openRuleDocs, (rule?: unknown) => openRuleDocs(context.extensionUri, rule)),
    vscode.commands.registerCommand(COMMANDS.openExample, () => openExample(context.extensionUri)),
  );
}
