/**
 * The inventory the server judges placement against, as the client last heard it.
 *
 * One subscriber to `daemonset/inventoryChanged` for the whole client: vscode-languageclient keeps
 * one handler per notification method (a second `onNotification` replaces the first), so other
 * views (status bar, placement panel) listen to `onDidChange` here instead.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { Notifications, Requests, type InventoryInfo } from '../../../server/src/protocol';

export class InventoryState implements vscode.Disposable {
  private info: InventoryInfo | undefined;
  private readonly emitter = new vscode.EventEmitter<InventoryInfo>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly client: BaseLanguageClient) {
    client.onNotification(Notifications.inventoryChanged, (info: InventoryInfo) => {
      this.set(info);
    });
  }

  get current(): InventoryInfo | undefined {
    return this.info;
  }

  /** Asks the server (the notification may have gone out before the client listened). */
  async fetch(): Promise<InventoryInfo> {
    return this.set(await this.client.sendRequest(Requests.inventory));
  }

  async refresh(): Promise<InventoryInfo> {
    return this.set(await this.client.sendRequest(Requests.refreshInventory));
  }

  /** The next change, or undefined when none comes within `timeoutMs` (settings that change nothing send none). */
  nextChange(timeoutMs: number): Promise<InventoryInfo | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        sub.dispose();
        resolve(undefined);
      }, timeoutMs);
      const sub = this.onDidChange((info) => {
        clearTimeout(timer);
        sub.dispose();
        resolve(info);
      });
    });
  }

  private set(info: InventoryInfo): InventoryInfo {
    this.info = info;
    this.emitter.fire(info);
    return info;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
