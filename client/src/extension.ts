/**
 * The VS Code side: starts the language server and relays. It computes nothing about Kubernetes.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { redHatKubernetesSchemaActive } from './redhat';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    synchronize: { configurationSection: 'daemonset' },
    outputChannelName: 'DaemonSet Language Server',
    initializationOptions: { redHatKubernetesSchema: redHatKubernetesSchemaActive() },
  };
  client = new LanguageClient('daemonset', 'DaemonSet Language Server', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
  const environment = () => void client?.sendNotification('daemonset/environment', { redHatKubernetesSchema: redHatKubernetesSchemaActive() });
  context.subscriptions.push(
    vscode.extensions.onDidChange(environment),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('yaml')) environment();
    }),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
