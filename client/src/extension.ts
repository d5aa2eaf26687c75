/**
 * The VS Code side: starts the language server and relays. It computes nothing about Kubernetes.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { redHatKubernetesSchemaActive } from './redhat';
import { registerCommands } from './commands';
import { InventoryState } from './commands/inventoryState';
import { createInventoryStatusBar } from './statusBar';
import { registerPlacementPanel } from './panel';
import { Notifications } from '../../server/src/protocol';
import { InventoryTrust } from './trust';

let client: LanguageClient | undefined;

/** What `activate` returns (tests reach the server through it). Grow it by adding fields. */
export interface DaemonSetApi {
  client: LanguageClient;
  /** The inventory in use; listen to `onDidChange` rather than to the notification (one handler per method). */
  inventory: InventoryState;
  /** Which workspace-chosen inventory settings the server may see (workspace trust, the user's confirmation). */
  trust: InventoryTrust;
}

export async function activate(context: vscode.ExtensionContext): Promise<DaemonSetApi> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  // The server pulls `daemonset` through workspace/configuration; the trust middleware decides what
  // it sees of the settings that reach a file, a program or a cluster. (No `synchronize`: it would
  // push the raw values; the server is told to pull again instead.)
  const trust = new InventoryTrust(context.workspaceState);
  context.subscriptions.push(trust);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    middleware: { workspace: trust.middleware() },
    outputChannelName: 'DaemonSet Language Server',
    initializationOptions: { redHatKubernetesSchema: redHatKubernetesSchemaActive() },
  };
  client = new LanguageClient('daemonset', 'DaemonSet Language Server', serverOptions, clientOptions);
  context.subscriptions.push(client);
  // Commands and the status bar before start: they work (and wait for the server) while it starts.
  const inventory = new InventoryState(client);
  context.subscriptions.push(inventory, registerCommands(context, client, inventory, trust), createInventoryStatusBar(inventory));
  await client.start();
  trust.notifyServer = () => void client?.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  registerPlacementPanel(context, client, inventory.onDidChange);
  void inventory.fetch().catch(() => undefined);
  const environment = () => void client?.sendNotification(Notifications.environment, { redHatKubernetesSchema: redHatKubernetesSchemaActive() });
  context.subscriptions.push(
    vscode.extensions.onDidChange(environment),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('yaml')) environment();
      if (e.affectsConfiguration('daemonset')) trust.notifyServer();
    }),
  );
  return { client, inventory, trust };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
