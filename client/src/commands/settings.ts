/** Reading and writing the `daemonset.inventory.*` settings the server follows. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { InventorySource } from '../../../server/src/protocol';

export interface InventorySettings {
  source: InventorySource;
  files: string[];
  kubeconfig?: string;
  context?: string;
}

export function readInventorySettings(): InventorySettings {
  const c = vscode.workspace.getConfiguration('daemonset');
  return {
    source: c.get<InventorySource>('inventory.source', 'sample'),
    files: c.get<string[]>('inventory.files', []),
    kubeconfig: c.get<string>('inventory.kubeconfig') || undefined,
    context: c.get<string>('inventory.context') || undefined,
  };
}

/**
 * The workspace when one is open and trusted (inventory files are per project), the user settings
 * otherwise (Restricted Mode ignores the workspace's inventory settings).
 */
export function settingsTarget(): vscode.ConfigurationTarget {
  return vscode.workspace.workspaceFolders?.length && vscode.workspace.isTrusted ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
}

/**
 * Writes the inventory settings; `source` last, so the server (which reloads on every change)
 * never starts on the new source with the old files or context.
 */
export async function writeInventorySettings(next: Partial<InventorySettings> & { source: InventorySource }): Promise<void> {
  const c = vscode.workspace.getConfiguration('daemonset');
  const target = settingsTarget();
  if (next.files !== undefined) await c.update('inventory.files', next.files, target);
  if (next.context !== undefined) await c.update('inventory.context', next.context, target);
  await c.update('inventory.source', next.source, target);
}

/** The server resolves relative paths against the first workspace folder: store paths inside it relative. */
export function settingPathFor(uri: vscode.Uri): string {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (root?.scheme === 'file' && uri.scheme === 'file') {
    const rel = path.relative(root.fsPath, uri.fsPath);
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/');
  }
  return uri.fsPath;
}
