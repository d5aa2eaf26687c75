/**
 * The placement panel: a webview view in its own "DaemonSet" activity-bar container, and the
 * same page beside the editor. Registers the view provider and the commands
 * `daemonset.showPlacement` (the CodeLens: args uri?, line?) and `daemonset.openPlacementBeside`.
 * Its view container, view and commands are contributed in package.json.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PlacementPanel } from './controller';

export const PLACEMENT_VIEW_ID = 'daemonset.placement';

/**
 * `onInventoryChanged`: pass InventoryState.onDidChange (a second `onNotification` for
 * `daemonset/inventoryChanged` would replace the client's only handler).
 */
export function registerPlacementPanel(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  onInventoryChanged?: vscode.Event<unknown>,
): vscode.Disposable {
  const panel = new PlacementPanel(context, client, onInventoryChanged);
  const provider: vscode.WebviewViewProvider = {
    resolveWebviewView: (view) => panel.resolveView(view),
  };
  const disposable = vscode.Disposable.from(
    panel,
    vscode.window.registerWebviewViewProvider(PLACEMENT_VIEW_ID, provider),
    vscode.commands.registerCommand('daemonset.showPlacement', (uri?: string | vscode.Uri, line?: number) => panel.show(uri, line)),
    vscode.commands.registerCommand('daemonset.openPlacementBeside', () => panel.openBeside()),
  );
  context.subscriptions.push(disposable);
  return disposable;
}
