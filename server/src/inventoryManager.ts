/**
 * Edge I/O: which inventory the server judges placement against — the bundled sample (default),
 * inventory files, or a live cluster (list + watch, read-only). Failures fall back to the sample,
 * and say so: the requested source, its error, and the sample's name travel in InventoryInfo.
 */
import path from 'node:path';
import { ClusterInventorySource } from './inventory/cluster';
import { loadInventoryFiles } from './inventory/file-reader';
import { sampleInventory } from './inventory/sample';
import { t } from './l10n';
import type { Inventory } from './placement/types';
import type { InventoryInfo, InventorySource } from './protocol';

export interface InventorySettings {
  source: InventorySource;
  /** Inventory files (absolute, or relative to the first workspace folder). */
  files: string[];
  /** Absolute, or relative to the first workspace folder. */
  kubeconfig?: string;
  context?: string;
}

export const defaultInventorySettings: InventorySettings = { source: 'sample', files: [] };

export class InventoryManager {
  /** Undefined until first asked for: the sample is read only when something needs nodes. */
  private inventory: Inventory | undefined;
  private requested?: InventoryInfo['requested'];
  private cluster?: ClusterInventorySource;
  private settings: InventorySettings = defaultInventorySettings;
  private generation = 0;

  constructor(
    private readonly onChange: () => void,
    private readonly baseDir: () => string | undefined,
  ) {}

  get current(): Inventory {
    return (this.inventory ??= sampleInventory());
  }

  info(): InventoryInfo {
    const inv = this.current;
    return {
      source: inv.source,
      name: inv.name,
      nodes: inv.nodes.length,
      pods: inv.pods.length,
      fetchedAt: inv.fetchedAt,
      stale: inv.stale,
      messages: inv.messages,
      requested: this.requested,
    };
  }

  /**
   * A path from the settings, made absolute against the first workspace folder. Never against
   * the server's working directory (whatever folder it was started from): without a workspace
   * folder a relative path is an error.
   */
  resolvePath(p: string): string {
    if (path.isAbsolute(p)) return p;
    const base = this.baseDir();
    if (!base) throw new Error(t('{0} is a relative path and no workspace folder is open to resolve it against; use an absolute path', p));
    return path.resolve(base, p);
  }

  /** Apply settings; reloads only when the source settings changed (or `force`). */
  async configure(settings: Partial<InventorySettings> | undefined, force = false): Promise<void> {
    const next: InventorySettings = { ...defaultInventorySettings, ...(settings ?? {}) };
    if (!['sample', 'file', 'cluster'].includes(next.source)) next.source = 'sample';
    if (!Array.isArray(next.files)) next.files = [];
    if (!force && JSON.stringify(next) === JSON.stringify(this.settings)) return;
    this.settings = next;
    const gen = ++this.generation;
    await this.cluster?.stop().catch(() => undefined);
    this.cluster = undefined;
    const set = (inv: Inventory, requested?: InventoryInfo['requested']) => {
      if (gen !== this.generation) return; // a newer configuration won
      this.inventory = inv;
      this.requested = requested;
      this.onChange();
    };
    const fallback = (detail: string | undefined, error: string) => set(sampleInventory(), { source: next.source, detail, error });
    try {
      if (next.source === 'file') {
        if (next.files.length === 0) return fallback(undefined, 'no inventory file chosen (setting daemonset.inventory.files)');
        const files = next.files.map((f) => this.resolvePath(f));
        set(await loadInventoryFiles(files));
      } else if (next.source === 'cluster') {
        const kubeconfigPath = next.kubeconfig ? this.resolvePath(next.kubeconfig) : undefined;
        const source = new ClusterInventorySource({ kubeconfigPath, context: next.context || undefined });
        this.cluster = source;
        const inv = await source.start((updated) => {
          if (this.cluster === source) set(updated);
        });
        if (this.cluster === source) set(inv);
        else await source.stop();
      } else set(sampleInventory());
    } catch (e) {
      const detail = next.source === 'file' ? next.files.join(', ') : next.context;
      fallback(detail, (e as Error).message);
    }
  }

  async refresh(): Promise<void> {
    await this.configure(this.settings, true);
  }

  async dispose(): Promise<void> {
    this.generation++;
    await this.cluster?.stop().catch(() => undefined);
  }
}
