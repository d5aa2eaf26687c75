/** How Kubernetes writes a taint (`Taint.ToString()`, k8s.io/api core/v1): `key=value:effect`, as `kubectl taint` takes it. */
export interface TaintLike {
  key: string;
  value?: string;
  effect?: string;
}

/** `key=value:effect`; `key:effect` without a value; `key=value:` / `key` without an effect. */
export function taintString(t: TaintLike): string {
  const value = t.value ?? '';
  if (!t.effect) return value ? `${t.key}=${value}:` : t.key;
  return value ? `${t.key}=${value}:${t.effect}` : `${t.key}:${t.effect}`;
}
