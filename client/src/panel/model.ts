/**
 * The placement panel's view model: what the page renders, built from the server's
 * PlacementAnswer and the DaemonSet's own spec (requests, update strategy). Pure: no vscode,
 * no I/O, so the page's fixtures come from the same code the extension runs.
 */
import type { DaemonSetPlacement, InventoryInfo, PlacementAnswer } from '../../../server/src/protocol';
import type { PlacementResult } from '../../../server/src/placement/types';
import { podRequests } from '../../../server/src/placement/resources';
import { formatQuantity } from '../../../server/src/k8s/quantity';

/** Why the panel has nothing to show, each with its own next step on the page. */
export type EmptyReason = 'noEditor' | 'notYaml' | 'noDaemonSet' | 'noDaemonSetHere' | 'serverStarting' | 'error';

export interface Footprint {
  /** Per pod, as the scheduler counts it (PodRequests of the defaulted pod). */
  perPod: { cpuMilli: number; memoryBytes: number };
  /** Nodes where the pod runs (verdict runs): requests are reserved only once the pod is bound. */
  nodes: number;
  /** Nodes where a pod is created but stays Pending (it would reserve as much once scheduled). */
  pending: number;
  total: { cpuMilli: number; memoryBytes: number };
  /** Display strings the way kubectl describe prints quantities. */
  text: { cpu: string; memory: string; totalCpu: string; totalMemory: string };
  /** Other requested resources per pod (ephemeral-storage, hugepages-*, extended resources). */
  other: { name: string; perPod: string; total: string }[];
}

export interface IntOrPercentValue {
  /** As written (or the default), e.g. 1, "25%". */
  raw: number | string;
  /** Absolute value after scaling against DESIRED (rounded up), or undefined when invalid. */
  value?: number;
  defaulted: boolean;
}

export interface RolloutPlan {
  type: 'RollingUpdate' | 'OnDelete' | string;
  desired: number;
  maxUnavailable?: IntOrPercentValue;
  maxSurge?: IntOrPercentValue;
  /** Pods replaced per wave: maxSurge when surging, else maxUnavailable. */
  step?: number;
  waves?: number;
  /** Both scaled to 0: the controller falls back to maxUnavailable 1. */
  fallbackToOne?: boolean;
  surge: boolean;
  minReadySeconds: number;
  error?: string;
}

export interface PanelState {
  /** Present when there is nothing to show; the page renders the matching empty state. */
  empty?: EmptyReason;
  /** Error text for empty === 'error'. */
  error?: string;
  uri?: string;
  fileName?: string;
  dirty?: boolean;
  inventory?: InventoryInfo;
  /** The DaemonSet under the cursor. */
  daemonSet?: { name: string; namespace?: string; line: number; index: number; placement: PlacementResult };
  /** All DaemonSets of the file (name, line), to offer a choice when the cursor is elsewhere. */
  others?: { name: string; namespace?: string; line: number }[];
  changes?: { gained: string[]; lost: string[] };
  /** Label keys the DaemonSet selects on (nodeSelector, required node affinity): the labels that matter per node. */
  selectorKeys?: string[];
  footprint?: Footprint;
  rollout?: RolloutPlan;
}

/**
 * intstr.GetScaledValueFromIntOrPercent(intOrPercent, total, roundUp): an int is taken as is; a
 * string must be `<int>%` and scales against total, rounded up for DaemonSets
 * (util.UnavailableCount/SurgeCount pass roundUp=true).
 */
export function scaledValue(v: unknown, total: number, roundUp = true): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const m = /^(-?\d+)%$/.exec(v);
  if (!m) return undefined;
  const pct = Number(m[1]);
  return roundUp ? Math.ceil((pct * total) / 100) : Math.floor((pct * total) / 100);
}

/**
 * What a rolling update does with this DaemonSet (pkg/controller/daemon: updatedDesiredNodeCounts):
 * apps/v1 defaulting gives RollingUpdate with maxUnavailable 1, maxSurge 0; both scaling to 0 with
 * pods to run makes the controller accept maxUnavailable 1.
 */
export function rolloutPlan(ds: any, desired: number): RolloutPlan {
  const strategy = ds?.spec?.updateStrategy ?? {};
  const type: string = typeof strategy.type === 'string' && strategy.type ? strategy.type : 'RollingUpdate';
  const mrs = ds?.spec?.minReadySeconds;
  const minReadySeconds = typeof mrs === 'number' && mrs > 0 ? mrs : 0;
  if (type !== 'RollingUpdate') return { type, desired, surge: false, minReadySeconds };
  const ru = strategy.rollingUpdate && typeof strategy.rollingUpdate === 'object' ? strategy.rollingUpdate : {};
  const mu: IntOrPercentValue = ru.maxUnavailable === undefined || ru.maxUnavailable === null
    ? { raw: 1, value: 1, defaulted: true }
    : { raw: ru.maxUnavailable, value: scaledValue(ru.maxUnavailable, desired), defaulted: false };
  const ms: IntOrPercentValue = ru.maxSurge === undefined || ru.maxSurge === null
    ? { raw: 0, value: 0, defaulted: true }
    : { raw: ru.maxSurge, value: scaledValue(ru.maxSurge, desired), defaulted: false };
  const plan: RolloutPlan = { type, desired, maxUnavailable: mu, maxSurge: ms, surge: false, minReadySeconds };
  if (mu.value === undefined || ms.value === undefined) {
    plan.error = mu.value === undefined ? `invalid value for MaxUnavailable: ${String(mu.raw)}` : `invalid value for MaxSurge: ${String(ms.raw)}`;
    return plan;
  }
  let unavailable = mu.value;
  const surge = ms.value;
  if (desired > 0 && unavailable === 0 && surge === 0) {
    unavailable = 1;
    plan.fallbackToOne = true;
  }
  plan.surge = surge > 0;
  // With surge the controller creates up to maxSurge new pods beside the old ones; otherwise it
  // deletes up to maxUnavailable old pods at a time.
  const step = surge > 0 ? surge : unavailable;
  plan.step = step;
  plan.waves = desired === 0 ? 0 : Math.ceil(desired / Math.max(1, step));
  return plan;
}

/** Per-pod requests × nodes where the pod runs. */
export function footprint(ds: any, placement: PlacementResult): Footprint {
  // The controller's pod is defaulted on creation (limits fill missing requests): count that pod.
  const req = podRequests(ds?.spec?.template?.spec, { defaultRequestsFromLimits: true });
  const nodes = placement.counts.runs;
  const cpu = req.get('cpu') ?? 0;
  const mem = req.get('memory') ?? 0;
  const other = [...req.entries()]
    .filter(([k, v]) => k !== 'cpu' && k !== 'memory' && v > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, v]) => {
      const kind = name === 'ephemeral-storage' || name.startsWith('hugepages-') ? 'bytes' : 'count';
      return { name, perPod: formatQuantity(v, kind), total: formatQuantity(v * nodes, kind) };
    });
  return {
    perPod: { cpuMilli: cpu, memoryBytes: mem },
    nodes,
    pending: placement.counts.pending,
    total: { cpuMilli: cpu * nodes, memoryBytes: mem * nodes },
    text: {
      cpu: formatQuantity(cpu, 'milli'),
      memory: formatQuantity(mem, 'bytes'),
      totalCpu: formatQuantity(cpu * nodes, 'milli'),
      totalMemory: formatQuantity(mem * nodes, 'bytes'),
    },
    other,
  };
}

/** Label keys of spec.template.spec.nodeSelector and the required node affinity's matchExpressions. */
export function selectorKeys(ds: any): string[] {
  const spec = ds?.spec?.template?.spec;
  const keys = new Set<string>();
  const ns = spec?.nodeSelector;
  if (ns && typeof ns === 'object' && !Array.isArray(ns)) for (const k of Object.keys(ns)) keys.add(k);
  const terms = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (Array.isArray(terms)) {
    for (const t of terms) {
      for (const e of Array.isArray(t?.matchExpressions) ? t.matchExpressions : []) if (typeof e?.key === 'string') keys.add(e.key);
    }
  }
  return [...keys];
}

/** The state for one answer: the active DaemonSet's placement plus what the page derives from its spec. */
export function panelState(
  answer: PlacementAnswer,
  doc: { uri: string; fileName: string; dirty: boolean },
  /** The DaemonSet's plain value (parsed from the same text the server saw), when found. */
  dsValue: (ds: DaemonSetPlacement) => any,
): PanelState {
  const base: PanelState = { uri: doc.uri, fileName: doc.fileName, dirty: doc.dirty, inventory: answer.inventory };
  const others = answer.daemonSets.map((d) => ({ name: d.name, namespace: d.namespace, line: d.line }));
  if (answer.daemonSets.length === 0) return { ...base, empty: 'noDaemonSet' };
  const ds = answer.daemonSets[answer.active];
  if (!ds) return { ...base, empty: 'noDaemonSetHere', others };
  const value = dsValue(ds);
  return {
    ...base,
    others,
    daemonSet: { name: ds.name, namespace: ds.namespace, line: ds.line, index: answer.active, placement: ds.placement },
    changes: answer.changes,
    selectorKeys: selectorKeys(value),
    footprint: footprint(value, ds.placement),
    rollout: rolloutPlan(value, ds.placement.desired),
  };
}
