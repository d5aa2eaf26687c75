/** `intstr.IntOrString` scaling (k8s.io/apimachinery pkg/util/intstr). */

/**
 * `GetScaledValueFromIntOrPercent(intOrPercent, total, roundUp)`: an int is taken as is; a string
 * must be `<int>%` and scales against total (DaemonSets round up: util.UnavailableCount and
 * SurgeCount pass roundUp=true). Undefined where Go returns an error.
 */
export function scaledValue(v: unknown, total: number, roundUp = true): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const m = /^(-?\d+)%$/.exec(v);
  if (!m) return undefined;
  const pct = Number(m[1]);
  return roundUp ? Math.ceil((pct * total) / 100) : Math.floor((pct * total) / 100);
}

/** `1`, `"1"`, `"10%"` → a number and whether it is a percentage; undefined when not an int-or-string. */
export function parseIntOrPercent(v: unknown): { n: number; percent: boolean } | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return { n: v, percent: false };
  if (typeof v === 'string') {
    const m = /^(\d+)(%?)$/.exec(v.trim());
    if (m) return { n: Number(m[1]), percent: m[2] === '%' };
  }
  return undefined;
}
