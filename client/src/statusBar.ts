/**
 * The status bar item naming the inventory placement is judged against ("sample cluster · 15
 * nodes"), with a warning when the data is stale or the requested source fell back. Shown while a
 * YAML editor is active; a click switches the inventory.
 */
import * as vscode from 'vscode';
import type { InventoryInfo, InventorySource } from '../../server/src/protocol';
import type { InventoryState } from './commands/inventoryState';

export function sourceLabel(source: InventorySource): string {
  switch (source) {
    case 'sample':
      return vscode.l10n.t('bundled sample');
    case 'file':
      return vscode.l10n.t('inventory file');
    case 'cluster':
      return vscode.l10n.t('live cluster');
  }
}

/** Whether the user should look: old data, or not the inventory they asked for. */
export function isDegraded(info: InventoryInfo): boolean {
  return !!info.stale || !!info.requested;
}

export function statusText(info: InventoryInfo): string {
  const icon = isDegraded(info) ? '$(warning)' : '$(server-environment)';
  return `${icon} ${vscode.l10n.t('{0} · {1} nodes', info.name, info.nodes)}`;
}

export function statusTooltip(info: InventoryInfo): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${vscode.l10n.t('DaemonSet placement inventory')}**\n\n`);
  md.appendText(`${info.name} (${sourceLabel(info.source)}): ${vscode.l10n.t('{0} nodes, {1} pods', info.nodes, info.pods)}`);
  md.appendMarkdown('\n\n');
  if (info.fetchedAt) {
    md.appendText(vscode.l10n.t('Data from {0}', new Date(info.fetchedAt).toLocaleString(vscode.env.language)));
    md.appendMarkdown('\n\n');
  }
  if (info.requested) {
    const what = info.requested.detail ? `${sourceLabel(info.requested.source)} (${info.requested.detail})` : sourceLabel(info.requested.source);
    md.appendMarkdown('$(warning) ');
    md.appendText(vscode.l10n.t('The {0} could not be used: {1}. Showing {2} instead.', what, info.requested.error, info.name));
    md.appendMarkdown('\n\n');
  }
  if (info.stale) {
    md.appendMarkdown('$(warning) ');
    md.appendText(vscode.l10n.t('The data is stale: the cluster has not answered lately.'));
    md.appendMarkdown('\n\n');
  }
  for (const m of info.messages) {
    md.appendMarkdown('- ');
    md.appendText(m);
    md.appendMarkdown('\n');
  }
  md.appendMarkdown('\n');
  md.appendText(vscode.l10n.t('Click to switch the inventory.'));
  return md;
}

export function createInventoryStatusBar(state: InventoryState): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('daemonset.inventory', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('DaemonSet Inventory');
  item.command = 'daemonset.selectInventory';
  item.text = `$(server-environment) ${vscode.l10n.t('DaemonSet inventory')}`;

  const render = (info: InventoryInfo | undefined) => {
    if (!info) return;
    item.text = statusText(info);
    item.tooltip = statusTooltip(info);
    item.backgroundColor = isDegraded(info) ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.accessibilityInformation = { label: vscode.l10n.t('DaemonSet inventory: {0}, {1} nodes', info.name, info.nodes) };
  };
  const updateVisibility = () => {
    const yaml = vscode.window.activeTextEditor?.document.languageId === 'yaml';
    const enabled = vscode.workspace.getConfiguration('daemonset').get<boolean>('placement.enabled', true);
    if (yaml && enabled) item.show();
    else item.hide();
  };

  render(state.current);
  updateVisibility();
  return vscode.Disposable.from(
    item,
    state.onDidChange(render),
    vscode.window.onDidChangeActiveTextEditor(updateVisibility),
    vscode.workspace.onDidOpenTextDocument(updateVisibility), // a language change re-opens the document
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('daemonset.placement.enabled')) updateVisibility();
    }),
  );
}
