/** The extension's settings as the server reads them (`daemonset.*`), with defaults for anything missing or malformed. */
import { defaultInventorySettings, type InventorySettings } from '../inventoryManager';
import type { SeveritySetting } from '../rules/types';

export interface Settings {
  rules: Record<string, SeveritySetting>;
  maxFileSizeMB: number;
  inventory: InventorySettings;
  placement: { enabled: boolean };
  /** auto: leave unknown-field, invalid-type and missing-required to Red Hat's YAML extension when it checks Kubernetes schemas. */
  schemaChecks: 'auto' | 'on' | 'off';
}

export const defaultSettings: Settings = {
  rules: {},
  maxFileSizeMB: 5,
  inventory: defaultInventorySettings,
  placement: { enabled: true },
  schemaChecks: 'auto',
};

/**
 * The most `maxFileSizeMB` can raise the editor's limit to, whatever the settings say (a
 * workspace's settings among them). A single Kubernetes object cannot exceed etcd's 1.5 MiB
 * request limit, so even a file of many documents (a rendered chart) fits well inside 10 MB,
 * while 100 MB kept the server busy for minutes; larger files are for `daemonset-check`.
 */
export const MAX_FILE_SIZE_MB_BOUND = 10;

export function mergeSettings(conf: Partial<Settings> | null | undefined): Settings {
  const c = conf ?? {};
  return {
    rules: c.rules && typeof c.rules === 'object' ? c.rules : {},
    maxFileSizeMB:
      typeof c.maxFileSizeMB === 'number' && c.maxFileSizeMB > 0 ? Math.min(c.maxFileSizeMB, MAX_FILE_SIZE_MB_BOUND) : defaultSettings.maxFileSizeMB,
    inventory: { ...defaultInventorySettings, ...(c.inventory && typeof c.inventory === 'object' ? c.inventory : {}) },
    placement: { enabled: c.placement?.enabled !== false },
    schemaChecks: c.schemaChecks === 'on' || c.schemaChecks === 'off' ? c.schemaChecks : 'auto',
  };
}

/** Reported by Red Hat's YAML extension too, when it has a Kubernetes schema. */
const REDHAT_OVERLAP = ['unknown-field', 'invalid-type', 'missing-required'];

/** The user's severities, plus the overlap with Red Hat's YAML extension turned off when it applies (explicit settings win). */
export function effectiveRules(settings: Settings, redHatKubernetesSchema: boolean): Record<string, SeveritySetting> {
  const dedupe = settings.schemaChecks === 'off' || (settings.schemaChecks === 'auto' && redHatKubernetesSchema);
  if (!dedupe) return settings.rules;
  const explicit = Object.fromEntries(Object.entries(settings.rules).filter(([, v]) => typeof v === 'string'));
  return { ...Object.fromEntries(REDHAT_OVERLAP.map((id) => [id, 'off' as const])), ...explicit };
}
