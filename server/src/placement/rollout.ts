/**
 * What a rolling update does with a DaemonSet (pkg/controller/daemon/update.go,
 * `updatedDesiredNodeCounts`): apps/v1 defaulting gives RollingUpdate with maxUnavailable 1 and
 * maxSurge 0; both scaling to 0 with pods to run makes the controller use maxUnavailable 1.
 */
import { scaledValue } from '../k8s/intstr';

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
  /** The controller's error for a value it cannot scale. */
  error?: string;
}

function intOrPercent(v: unknown, defaultValue: number, desired: number): IntOrPercentValue {
  if (v === undefined || v === null) return { raw: defaultValue, value: defaultValue, defaulted: true };
  return { raw: v as number | string, value: scaledValue(v, desired), defaulted: false };
}

export function rolloutPlan(ds: any, desired: number): RolloutPlan {
  const strategy = ds?.spec?.updateStrategy ?? {};
  const type: string = typeof strategy.type === 'string' && strategy.type ? strategy.type : 'RollingUpdate';
  const mrs = ds?.spec?.minReadySeconds;
  const minReadySeconds = typeof mrs === 'number' && mrs > 0 ? mrs : 0;
  if (type !== 'RollingUpdate') return { type, desired, surge: false, minReadySeconds };
  const ru = strategy.rollingUpdate && typeof strategy.rollingUpdate === 'object' ? strategy.rollingUpdate : {};
  const mu = intOrPercent(ru.maxUnavailable, 1, desired);
  const ms = intOrPercent(ru.maxSurge, 0, desired);
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
