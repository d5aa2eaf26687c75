/**
 * The page's side of posting changes: applies the operations the extension's diff
 * (client/src/panel/sync.ts diffState) produced to the state the page holds. Pure (no DOM).
 */
import type { PatchOp } from '../panel/messages';
import type { PanelState } from '../panel/model';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys a patch may never set (the page applies patches to plain objects). */
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * Applies a patch to a state the page holds (in place) and returns it; a malformed operation
 * (a path the diff never produces) makes it return undefined, and the page then asks for the whole state.
 */
export function applyPatch(state: PanelState, ops: PatchOp[]): PanelState | undefined {
  for (const op of ops) {
    if (!op || !Array.isArray(op.p)) return undefined;
    if (op.p.length === 0) {
      if (!isObject(op.v)) return undefined;
      state = op.v as PanelState;
      continue;
    }
    let target: any = state;
    for (let i = 0; i < op.p.length - 1; i++) {
      const k = op.p[i];
      if (typeof k === 'string' ? FORBIDDEN.has(k) || !Object.hasOwn(target, k) : !Array.isArray(target)) return undefined;
      target = target[k];
      if (typeof target !== 'object' || target === null) return undefined;
    }
    const last = op.p[op.p.length - 1];
    if (typeof last === 'string') {
      if (FORBIDDEN.has(last) || Array.isArray(target)) return undefined;
      if ('v' in op) target[last] = op.v;
      else delete target[last];
    } else {
      if (!Array.isArray(target) || !Number.isInteger(last) || last < 0 || last >= target.length || !('v' in op)) return undefined;
      target[last] = op.v;
    }
  }
  return state;
}
