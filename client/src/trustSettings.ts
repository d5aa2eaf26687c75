/**
 * Which of the settings that reach a file, a program or a cluster the server may see. Pure: the
 * VS Code glue (trust.ts) passes what `getConfiguration('daemonset').inspect(key)` says, whether
 * the workspace is trusted, and the answers the user gave; this decides.
 *
 * - Untrusted workspace: only the user's (global) or default values pass; the workspace's are dropped.
 * - Trusted workspace: an inventory choice that reaches out (a cluster, a kubeconfig, a context,
 *   inventory files) and was made by the workspace's settings passes only after the user allowed
 *   those exact values once for this workspace; until then the user's own values are used.
 *   A workspace that only asks for the bundled sample, or sets maxFileSizeMB (the server clamps
 *   it), needs no confirmation.
 */

/** The settings (under `daemonset.`) listed in package.json `capabilities.untrustedWorkspaces.restrictedConfigurations`. */
export const RESTRICTED_KEYS = ['inventory.source', 'inventory.files', 'inventory.kubeconfig', 'inventory.context', 'maxFileSizeMB'] as const;
export type RestrictedKey = (typeof RESTRICTED_KEYS)[number];
export const INVENTORY_KEYS = ['inventory.source', 'inventory.files', 'inventory.kubeconfig', 'inventory.context'] as const;
export type InventoryKey = (typeof INVENTORY_KEYS)[number];

/** The part of VS Code's `WorkspaceConfiguration.inspect()` answer read here. */
export interface Inspected {
  defaultValue?: unknown;
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

export type InspectedSettings = Partial<Record<RestrictedKey, Inspected>>;

/** Where a value the workspace chose comes from. */
export type Scope = 'workspace' | 'workspaceFolder';

export interface PendingChoice {
  /** Key of the answer in workspaceState: the exact values, so new values ask again. */
  fingerprint: string;
  /** The workspace's values that need the user's word (only those that reach out). */
  values: Partial<Record<InventoryKey, unknown>>;
  /** Which settings scope set each of them. */
  scopes: Partial<Record<InventoryKey, Scope>>;
}

export interface Effective {
  /** The value to forward for each restricted key (undefined: not set anywhere). */
  values: Record<RestrictedKey, unknown>;
  /** Set when the workspace's inventory choice waits for (or was refused) the user's confirmation. */
  pending?: PendingChoice;
}

/** The user's recorded answer for a fingerprint. */
export type Answer = 'allow' | 'keep';

const present = (v: unknown) => v !== undefined;

function userValue(i: Inspected | undefined): unknown {
  return present(i?.globalValue) ? i?.globalValue : i?.defaultValue;
}

function mergedValue(i: Inspected | undefined): { value: unknown; scope?: Scope } {
  if (present(i?.workspaceFolderValue)) return { value: i?.workspaceFolderValue, scope: 'workspaceFolder' };
  if (present(i?.workspaceValue)) return { value: i?.workspaceValue, scope: 'workspace' };
  return { value: userValue(i) };
}

/** The inventory keys that matter for a source: what it would read or connect with. */
function relevantKeys(source: unknown): InventoryKey[] {
  if (source === 'file') return ['inventory.source', 'inventory.files'];
  if (source === 'cluster') return ['inventory.source', 'inventory.kubeconfig', 'inventory.context'];
  return ['inventory.source'];
}

/** The exact values, in a fixed order: the key under which an answer is remembered. */
export function fingerprint(values: Partial<Record<InventoryKey, unknown>>): string {
  return JSON.stringify(INVENTORY_KEYS.map((k) => [k, values[k] ?? null]));
}

/**
 * The settings the server may see.
 * @param answers the user's answers so far, by fingerprint (from workspaceState).
 */
export function effectiveSettings(inspected: InspectedSettings, trusted: boolean, answers: ReadonlyMap<string, Answer> | Record<string, Answer>): Effective {
  const answerOf = (fp: string) => (answers instanceof Map ? answers.get(fp) : (answers as Record<string, Answer>)[fp]);
  const user = Object.fromEntries(RESTRICTED_KEYS.map((k) => [k, userValue(inspected[k])])) as Record<RestrictedKey, unknown>;
  if (!trusted) return { values: user };

  const merged = Object.fromEntries(RESTRICTED_KEYS.map((k) => [k, mergedValue(inspected[k])])) as Record<RestrictedKey, { value: unknown; scope?: Scope }>;
  const values = { ...user, maxFileSizeMB: merged.maxFileSizeMB.value };
  const source = merged['inventory.source'].value;
  // The sample reads nothing the workspace chose: a workspace may always ask for it.
  if (source === 'sample' || source === undefined) return { values: { ...values, 'inventory.source': source } };
  const keys = relevantKeys(source);
  if (!keys.some((k) => merged[k].scope)) {
    // The user's own choice (the workspace set nothing that this source reads).
    return { values };
  }
  const chosen = Object.fromEntries(keys.map((k) => [k, merged[k].value])) as Partial<Record<InventoryKey, unknown>>;
  const scopes = Object.fromEntries(keys.filter((k) => merged[k].scope).map((k) => [k, merged[k].scope])) as Partial<Record<InventoryKey, Scope>>;
  const fp = fingerprint(chosen);
  if (answerOf(fp) === 'allow') return { values: { ...values, ...chosen } };
  return { values, pending: { fingerprint: fp, values: chosen, scopes } };
}

/**
 * The fingerprint the inventory settings will have once `next` is written at workspace level
 * (a folder-level value still wins), so that a choice the user makes in the picker is not asked
 * about again.
 */
export function fingerprintAfterWrite(inspected: InspectedSettings, next: Partial<Record<InventoryKey, unknown>>): string {
  const after: InspectedSettings = { ...inspected };
  for (const k of INVENTORY_KEYS) if (next[k] !== undefined) after[k] = { ...inspected[k], workspaceValue: next[k] };
  const keys = relevantKeys(mergedValue(after['inventory.source']).value);
  return fingerprint(Object.fromEntries(keys.map((k) => [k, mergedValue(after[k]).value])));
}
