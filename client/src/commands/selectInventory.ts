/**
 * DaemonSet: Select Inventory — the sample cluster, inventory files, or a kubeconfig context.
 * Writes the settings; the server reloads and the status bar follows its notification.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { Requests, type ContextsAnswer, type InventoryInfo } from '../../../server/src/protocol';
import type { InventoryTrust } from '../trust';
import type { InventoryState } from './inventoryState';
import { readInventorySettings, settingPathFor, writeInventorySettings } from './settings';

interface Choice extends vscode.QuickPickItem {
  run?: () => Promise<void>;
}

/** How long to wait for the server to report the new inventory before giving up on telling the user about it. */
const REPORT_TIMEOUT_MS = 60_000;

export async function selectInventory(client: BaseLanguageClient, state: InventoryState, trust?: InventoryTrust): Promise<void> {
  const settings = readInventorySettings();
  const inUse = vscode.l10n.t('in use');
  const mark = (used: boolean, text?: string) => [used ? `$(check) ${inUse}` : undefined, text].filter(Boolean).join(' · ') || undefined;

  const fixed: Choice[] = [
    {
      label: `$(server-environment) ${vscode.l10n.t('Sample cluster')}`,
      description: mark(settings.source === 'sample', vscode.l10n.t('Bundled with the extension: control-plane, GPU, edge, arm64 and Windows nodes')),
      run: () => apply(state, { source: 'sample' }, trust),
    },
    {
      label: `$(file) ${vscode.l10n.t('Inventory file…')}`,
      description: mark(settings.source === 'file', settings.files.join(', ') || undefined),
      detail: vscode.l10n.t('Nodes (and pods) as `kubectl get nodes,pods -A -o yaml` prints them'),
      run: () => chooseFiles(state, trust),
    },
  ];

  const pick = vscode.window.createQuickPick<Choice>();
  pick.title = vscode.l10n.t('Inventory for the DaemonSet placement preview');
  pick.placeholder = vscode.l10n.t('Where should placement come from?');
  pick.items = fixed;
  pick.busy = true;
  pick.matchOnDescription = true;

  void client
    .sendRequest(Requests.listContexts, { kubeconfig: settings.kubeconfig })
    .then(
      (answer) => answer,
      (e: unknown): ContextsAnswer => ({ contexts: [], error: e instanceof Error ? e.message : String(e) }),
    )
    .then((answer) => {
      pick.items = [...fixed, ...contextChoices(answer, settings.source === 'cluster' ? (settings.context ?? answer.current) : undefined, state, trust)];
      pick.busy = false;
    });

  const chosen = await new Promise<Choice | undefined>((resolve) => {
    pick.onDidAccept(() => resolve(pick.selectedItems[0]));
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  await chosen?.run?.();
}

function contextChoices(answer: ContextsAnswer, used: string | undefined, state: InventoryState, trust?: InventoryTrust): Choice[] {
  const out: Choice[] = [{ label: vscode.l10n.t('Kubeconfig contexts'), kind: vscode.QuickPickItemKind.Separator }];
  if (answer.error) {
    const error = answer.error;
    // No kubeconfig at all is a normal state (sample and files still work), not an error.
    const missing = /^No kubeconfig found/.test(error);
    out.push({
      label: missing ? `$(info) ${vscode.l10n.t('No kubeconfig found')}` : `$(error) ${vscode.l10n.t('The kubeconfig could not be read')}`,
      detail: error,
      run: async () => {
        const settings = vscode.l10n.t('Open Settings');
        const button = await vscode.window.showErrorMessage(vscode.l10n.t('The kubeconfig could not be read: {0}', error), settings);
        if (button === settings) await vscode.commands.executeCommand('workbench.action.openSettings', 'daemonset.inventory.kubeconfig');
      },
    });
    return out;
  }
  if (answer.contexts.length === 0) {
    out.push({
      label: `$(info) ${vscode.l10n.t('No contexts in the kubeconfig')}`,
      detail: vscode.l10n.t('Set daemonset.inventory.kubeconfig, or KUBECONFIG, to a kubeconfig file'),
    });
    return out;
  }
  for (const c of answer.contexts) {
    const where = [c.cluster, c.namespace].filter(Boolean).join(' / ');
    const parts = [c.name === answer.current ? vscode.l10n.t('current context') : undefined, where || undefined].filter(Boolean).join(' · ');
    out.push({
      label: `$(cloud) ${c.name}`,
      description: [c.name === used ? `$(check) ${vscode.l10n.t('in use')}` : undefined, parts || undefined].filter(Boolean).join(' · ') || undefined,
      run: () => apply(state, { source: 'cluster', context: c.name }, trust),
    });
  }
  return out;
}

async function chooseFiles(state: InventoryState, trust?: InventoryTrust): Promise<void> {
  const uris = await vscode.window.showOpenDialog({
    canSelectMany: true,
    canSelectFiles: true,
    canSelectFolders: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    openLabel: vscode.l10n.t('Use as Inventory'),
    title: vscode.l10n.t('Inventory files: nodes and pods as YAML or JSON'),
    filters: { [vscode.l10n.t('Inventory (YAML, JSON)')]: ['yaml', 'yml', 'json'] },
  });
  if (!uris?.length) return;
  await apply(state, { source: 'file', files: uris.map(settingPathFor) }, trust);
}

export async function apply(state: InventoryState, next: Parameters<typeof writeInventorySettings>[0], trust?: InventoryTrust): Promise<void> {
  const reported = state.nextChange(REPORT_TIMEOUT_MS);
  try {
    // The user's own choice: not to be asked about as if the workspace had made it (recorded before
    // the write, which makes the server ask for its settings again).
    await trust?.chosenByUser(next);
    await writeInventorySettings(next);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The inventory settings could not be saved: {0}', e instanceof Error ? e.message : String(e)));
    return;
  }
  void reported.then((info) => info && reportFallback(info));
}

/** The status bar shows a fallback quietly; right after the user chose, say it out loud. */
function reportFallback(info: InventoryInfo): void {
  if (!info.requested) return;
  const what = info.requested.detail ?? info.requested.source;
  void vscode.window.showWarningMessage(
    vscode.l10n.t('{0} could not be used: {1}. Placement uses {2} until this is fixed.', what, info.requested.error, info.name),
  );
}
