/**
 * Workspace trust for the settings that reach a file, a program or a cluster: the server pulls
 * `daemonset` through workspace/configuration, and this middleware decides (trustSettings.ts)
 * which values of the restricted keys it sees. A workspace's own cluster, kubeconfig, context or
 * inventory files are used only after the user allowed those exact values once (a notification;
 * the answer is kept in workspaceState).
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import {
  effectiveSettings,
  fingerprintAfterWrite,
  RESTRICTED_KEYS,
  type Answer,
  type InspectedSettings,
  type InventoryKey,
  type PendingChoice,
  type RestrictedKey,
} from './trustSettings';

const ANSWERS_KEY = 'daemonset.trust.inventoryAnswers';

export class InventoryTrust implements vscode.Disposable {
  /** Fingerprints asked about in this session (one notification per choice, however often the server asks). */
  private readonly asked = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Tells the server to read its settings again (set once the client exists). */
  notifyServer: () => void = () => undefined;

  constructor(private readonly state: vscode.Memento) {
    this.disposables.push(vscode.workspace.onDidGrantWorkspaceTrust(() => this.notifyServer()));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private answers(): Record<string, Answer> {
    return this.state.get<Record<string, Answer>>(ANSWERS_KEY, {});
  }

  private async remember(fp: string, answer: Answer): Promise<void> {
    await this.state.update(ANSWERS_KEY, { ...this.answers(), [fp]: answer });
  }

  private inspect(scope?: vscode.Uri): InspectedSettings {
    const c = vscode.workspace.getConfiguration('daemonset', scope);
    return Object.fromEntries(RESTRICTED_KEYS.map((k) => [k, c.inspect(k)])) as InspectedSettings;
  }

  /** The restricted values the server may see now; asks the user about a workspace's choice (once per choice). */
  effective(scope?: vscode.Uri): Record<RestrictedKey, unknown> {
    const answers = this.answers();
    const result = effectiveSettings(this.inspect(scope), vscode.workspace.isTrusted, answers);
    const pending = result.pending;
    if (pending && !answers[pending.fingerprint] && !this.asked.has(pending.fingerprint)) {
      this.asked.add(pending.fingerprint);
      void this.ask(pending);
    }
    return result.values;
  }

  /** The user chose these inventory values in the picker: their own choice needs no confirmation. */
  async chosenByUser(next: { source?: unknown; files?: unknown; kubeconfig?: unknown; context?: unknown }): Promise<void> {
    const values = {
      'inventory.source': next.source,
      'inventory.files': next.files,
      'inventory.kubeconfig': next.kubeconfig,
      'inventory.context': next.context,
    };
    await this.remember(fingerprintAfterWrite(this.inspect(), values), 'allow');
  }

  private async ask(pending: PendingChoice): Promise<void> {
    const names: Record<InventoryKey, string> = {
      'inventory.source': 'daemonset.inventory.source',
      'inventory.files': 'daemonset.inventory.files',
      'inventory.kubeconfig': 'daemonset.inventory.kubeconfig',
      'inventory.context': 'daemonset.inventory.context',
    };
    const values = (Object.keys(pending.values) as InventoryKey[])
      .filter((k) => pending.values[k] !== undefined && pending.values[k] !== '')
      .map((k) => `${names[k]}: ${JSON.stringify(pending.values[k])}`)
      .join(', ');
    const folder = vscode.workspace.workspaceFolders?.[0];
    const files = [...new Set(Object.values(pending.scopes))].map((scope) =>
      scope === 'workspace' && vscode.workspace.workspaceFile && vscode.workspace.workspaceFile.scheme !== 'untitled'
        ? vscode.workspace.asRelativePath(vscode.workspace.workspaceFile)
        : folder
          ? vscode.workspace.asRelativePath(vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json'), true)
          : '.vscode/settings.json',
    );
    const cluster = pending.values['inventory.source'] === 'cluster';
    const message = cluster
      ? vscode.l10n.t(
          "This workspace's settings ({0}) ask the DaemonSet extension to use {1}. Connecting uses your own Kubernetes credentials and may run the credential program named in the kubeconfig. Until you allow it, your own settings are used.",
          files.join(', '),
          values,
        )
      : vscode.l10n.t(
          "This workspace's settings ({0}) ask the DaemonSet extension to read {1}. Until you allow it, your own settings are used.",
          files.join(', '),
          values,
        );
    const allow = vscode.l10n.t('Allow');
    const keep = vscode.l10n.t('Keep my settings');
    const answer = await vscode.window.showWarningMessage(message, allow, keep);
    if (answer === allow) {
      await this.remember(pending.fingerprint, 'allow');
      this.notifyServer();
    } else if (answer === keep) {
      await this.remember(pending.fingerprint, 'keep');
    } else {
      // Dismissed: ask again next session (nothing is used meanwhile).
    }
  }

  /** LanguageClient middleware: the `daemonset` section the server pulls, with the restricted keys decided here. */
  middleware(): Middleware['workspace'] {
    return {
      configuration: async (params, token, next) => {
        const result = await next(params, token);
        if (!Array.isArray(result)) return result;
        return result.map((value: unknown, i: number) => {
          const item = params.items[i];
          const scope = item?.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
          if (item?.section === 'daemonset') return this.applyTo(value, scope);
          if (item?.section === 'daemonset.inventory') return (this.applyTo({ inventory: value }, scope) as { inventory: unknown }).inventory;
          if (!item?.section && value && typeof value === 'object' && 'daemonset' in value)
            return { ...(value as object), daemonset: this.applyTo((value as { daemonset: unknown }).daemonset, scope) };
          return value;
        });
      },
    };
  }

  private applyTo(section: unknown, scope: vscode.Uri | undefined): unknown {
    const v = this.effective(scope);
    const base = section && typeof section === 'object' ? (section as Record<string, unknown>) : {};
    const inventory = base.inventory && typeof base.inventory === 'object' ? (base.inventory as Record<string, unknown>) : {};
    const out: Record<string, unknown> = { ...base, inventory: { ...inventory } };
    for (const k of RESTRICTED_KEYS) {
      const [head, tail] = k.split('.');
      const target = tail ? (out[head] as Record<string, unknown>) : out;
      const name = tail ?? head;
      if (v[k] === undefined) delete target[name];
      else target[name] = v[k];
    }
    return out;
  }
}
