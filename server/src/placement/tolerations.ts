/**
 * Taints and tolerations: k8s.io/api core/v1 toleration.go (`ToleratesTaint`,
 * `compareNumericValues`), component-helpers scheduling/corev1 helpers.go
 * (`FindMatchingUntoleratedTaint`), pkg/apis/core/v1/helper (`AddOrUpdateTolerationInPodSpec`)
 * and pkg/controller/daemon/util (`AddOrUpdateDaemonPodTolerations`).
 */
import { list } from '../util/list';
import type { Taint, Toleration } from './types';

export interface TolerationGates {
  TaintTolerationComparisonOperators: boolean;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
/** Canonical decimal int64: no sign `+`, no leading zeros, no spaces, no `-0`. */
const CANONICAL_INT = /^(0|-?[1-9]\d*)$/;

function parseCanonicalInt64(s: string | undefined): bigint | null {
  if (typeof s !== 'string' || !CANONICAL_INT.test(s)) return null;
  const v = BigInt(s);
  return v < INT64_MIN || v > INT64_MAX ? null : v;
}

/**
 * `compareNumericValues(tolerationValue, taintValue, op)`: Gt ⇒ taint > toleration,
 * Lt ⇒ taint < toleration. Either value not a canonical int64 ⇒ false.
 */
export function compareNumericValues(tolerationValue: string | undefined, taintValue: string | undefined, operator: string): boolean {
  const tol = parseCanonicalInt64(tolerationValue);
  const taint = parseCanonicalInt64(taintValue);
  if (tol === null || taint === null) return false;
  if (operator === 'Gt') return taint > tol;
  if (operator === 'Lt') return taint < tol;
  return false;
}

/** `Toleration.ToleratesTaint`: tolerationSeconds is deliberately not consulted. */
export function toleratesTaint(toleration: Toleration, taint: Taint, gates?: Partial<TolerationGates>): boolean {
  if (!toleration || !taint) return false;
  const tEffect = toleration.effect ?? '';
  const tKey = toleration.key ?? '';
  if (tEffect.length > 0 && tEffect !== taint.effect) return false;
  if (tKey.length > 0 && tKey !== taint.key) return false;
  switch (toleration.operator ?? '') {
    case '':
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    case 'Lt':
    case 'Gt':
      if (!gates?.TaintTolerationComparisonOperators) return false;
      return compareNumericValues(toleration.value, taint.value, toleration.operator!);
    default:
      return false;
  }
}

/** `TolerationsTolerateTaint`: some toleration in the list tolerates the taint. */
export function tolerationsTolerateTaint(tolerations: readonly Toleration[] | null | undefined, taint: Taint, gates?: Partial<TolerationGates>): boolean {
  for (const t of list<Toleration>(tolerations)) if (toleratesTaint(t, taint, gates)) return true;
  return false;
}

export type TaintFilter = (taint: Taint) => boolean;

/** The filter both the controller and the scheduler use: only NoSchedule and NoExecute count. */
export const doNotScheduleTaintsFilter: TaintFilter = (t) => t?.effect === 'NoSchedule' || t?.effect === 'NoExecute';
/** The controller's shouldContinueRunning filter. */
export const noExecuteTaintsFilter: TaintFilter = (t) => t?.effect === 'NoExecute';

/**
 * `FindMatchingUntoleratedTaint`: the first taint (list order) passing `filter` that no
 * toleration tolerates, or undefined when all of them are tolerated.
 */
export function findMatchingUntoleratedTaint(
  taints: readonly Taint[] | null | undefined,
  tolerations: readonly Toleration[] | null | undefined,
  filter?: TaintFilter | null,
  gates?: Partial<TolerationGates>,
): Taint | undefined {
  if (!Array.isArray(taints)) return undefined;
  for (const taint of taints as readonly Taint[]) {
    if (filter && !filter(taint)) continue;
    if (!tolerationsTolerateTaint(tolerations, taint, gates)) return taint;
  }
  return undefined;
}

/** `Toleration.MatchToleration`: same key, effect, operator and value (exact strings). */
export function matchToleration(a: Toleration, b: Toleration): boolean {
  return (
    (a?.key ?? '') === (b?.key ?? '') &&
    (a?.effect ?? '') === (b?.effect ?? '') &&
    (a?.operator ?? '') === (b?.operator ?? '') &&
    (a?.value ?? '') === (b?.value ?? '')
  );
}

function semanticEqual(a: Toleration, b: Toleration): boolean {
  return matchToleration(a, b) && (a?.tolerationSeconds ?? null) === (b?.tolerationSeconds ?? null);
}

/**
 * `AddOrUpdateTolerationInPodSpec`: a toleration with the same key/effect/operator/value is
 * replaced in place (dropping its tolerationSeconds); otherwise the toleration is appended.
 * Returns the new list (the input is not modified).
 */
export function addOrUpdateToleration(tolerations: readonly Toleration[] | null | undefined, toleration: Toleration): Toleration[] {
  const current = list<Toleration>(tolerations);
  const next: Toleration[] = [];
  let updated = false;
  for (const t of current) {
    if (matchToleration(toleration, t)) {
      if (semanticEqual(toleration, t)) return [...current];
      next.push({ ...toleration });
      updated = true;
      continue;
    }
    next.push(t);
  }
  if (!updated) next.push({ ...toleration });
  return next;
}

export const TaintNodeNotReady = 'node.kubernetes.io/not-ready';
export const TaintNodeUnreachable = 'node.kubernetes.io/unreachable';
export const TaintNodeDiskPressure = 'node.kubernetes.io/disk-pressure';
export const TaintNodeMemoryPressure = 'node.kubernetes.io/memory-pressure';
export const TaintNodePIDPressure = 'node.kubernetes.io/pid-pressure';
export const TaintNodeUnschedulable = 'node.kubernetes.io/unschedulable';
export const TaintNodeNetworkUnavailable = 'node.kubernetes.io/network-unavailable';

/** The tolerations the DaemonSet controller adds to every daemon pod, in the controller's order. */
export function daemonPodTolerations(hostNetwork: boolean): Toleration[] {
  const list: Toleration[] = [
    { key: TaintNodeNotReady, operator: 'Exists', effect: 'NoExecute' },
    { key: TaintNodeUnreachable, operator: 'Exists', effect: 'NoExecute' },
    { key: TaintNodeDiskPressure, operator: 'Exists', effect: 'NoSchedule' },
    { key: TaintNodeMemoryPressure, operator: 'Exists', effect: 'NoSchedule' },
    { key: TaintNodePIDPressure, operator: 'Exists', effect: 'NoSchedule' },
    { key: TaintNodeUnschedulable, operator: 'Exists', effect: 'NoSchedule' },
  ];
  // Only host-network pods can run before the CNI is ready.
  if (hostNetwork) list.push({ key: TaintNodeNetworkUnavailable, operator: 'Exists', effect: 'NoSchedule' });
  return list;
}

/**
 * `AddOrUpdateDaemonPodTolerations(spec)`: returns a copy of the pod spec whose tolerations
 * carry the daemon tolerations (A.2).
 */
export function addOrUpdateDaemonPodTolerations<T extends { tolerations?: Toleration[] | null; hostNetwork?: boolean }>(
  podSpec: T,
): Omit<T, 'tolerations'> & { tolerations: Toleration[] } {
  let tolerations = list<Toleration>(podSpec.tolerations);
  for (const t of daemonPodTolerations(podSpec.hostNetwork === true)) tolerations = addOrUpdateToleration(tolerations, t);
  return { ...podSpec, tolerations };
}

/**
 * `GetMatchingTolerations` (taint eviction): for each taint, the first toleration (list order)
 * that tolerates it; null when some taint is untolerated.
 */
export function getMatchingTolerations(
  taints: readonly Taint[],
  tolerations: readonly Toleration[] | null | undefined,
  gates?: Partial<TolerationGates>,
): Toleration[] | null {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const t = list(tolerations).find((x) => toleratesTaint(x, taint, gates));
    if (!t) return null;
    used.push(t);
  }
  return used;
}

/**
 * NoExecute taints a pod tolerates only for a while: the taint eviction controller deletes the
 * pod `min(tolerationSeconds)` after it sees the taint; a DaemonSet then recreates it — a loop.
 */
export function finiteNoExecuteTolerations(
  taints: readonly Taint[] | null | undefined,
  tolerations: readonly Toleration[] | null | undefined,
  gates?: Partial<TolerationGates>,
): { taint: Taint; tolerationSeconds: number }[] {
  const out: { taint: Taint; tolerationSeconds: number }[] = [];
  for (const taint of list(taints)) {
    if (taint?.effect !== 'NoExecute') continue;
    const used = getMatchingTolerations([taint], tolerations, gates);
    const seconds = used?.[0]?.tolerationSeconds;
    if (typeof seconds === 'number') out.push({ taint, tolerationSeconds: Math.max(0, seconds) });
  }
  return out;
}
