/**
 * Kubernetes `resource.Quantity` (k8s.io/apimachinery/pkg/api/resource): parsing to exact values.
 *
 *   <quantity>     ::= <signedNumber><suffix>
 *   <signedNumber> ::= [+-]? ( <digits> | <digits>.<digits>? | .<digits> )
 *   <suffix>       ::= Ki|Mi|Gi|Ti|Pi|Ei | n|u|m|""|k|M|G|T|P|E | (e|E)<signedInt>
 *
 * Values are kept as an exact rational (bigint numerator / power-of-ten denominator) so that
 * `1Ei` or `0.1` lose nothing; `value()`/`milliValue()` round up like Go's `Value()`/`MilliValue()`.
 */

const QUANTITY_RE = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(\D.*)?$/;

const BINARY_SI: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_SI: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/** An exact quantity: numerator / denominator (denominator > 0). */
export interface Quantity {
  readonly num: bigint;
  readonly den: bigint;
  /** The suffix family the string used, as Go remembers it for formatting. */
  readonly format: 'BinarySI' | 'DecimalSI' | 'DecimalExponent';
}

/** Parses the suffix into a multiplier as a fraction, or null when it is not a valid suffix. */
function suffixMultiplier(suffix: string): { num: bigint; den: bigint; format: Quantity['format'] } | null {
  if (suffix in BINARY_SI) return { num: 1n << BigInt(BINARY_SI[suffix]), den: 1n, format: 'BinarySI' };
  if (suffix in DECIMAL_SI) return { ...pow10(DECIMAL_SI[suffix]), format: 'DecimalSI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d+$/.test(suffix.slice(1))) {
    const exp = Number(suffix.slice(1));
    // Go's Quantity rejects exponents it cannot represent; keep a generous but finite bound.
    if (!Number.isSafeInteger(exp) || Math.abs(exp) > 1000) return null;
    return { ...pow10(exp), format: 'DecimalExponent' };
  }
  return null;
}

function pow10(exp: number): { num: bigint; den: bigint } {
  return exp >= 0 ? { num: 10n ** BigInt(exp), den: 1n } : { num: 1n, den: 10n ** BigInt(-exp) };
}

/** Parses a quantity string; null when it is not valid Kubernetes quantity syntax. */
export function parseQuantity(s: string): Quantity | null {
  if (typeof s !== 'string') return null;
  const m = QUANTITY_RE.exec(s);
  if (!m) return null;
  const [, sign, number, suffix = ''] = m;
  const mult = suffixMultiplier(suffix);
  if (!mult) return null;
  const dot = number.indexOf('.');
  const intPart = dot < 0 ? number : number.slice(0, dot);
  const fracPart = dot < 0 ? '' : number.slice(dot + 1);
  let num = BigInt((intPart || '0') + fracPart) * mult.num;
  const den = 10n ** BigInt(fracPart.length) * mult.den;
  if (sign === '-') num = -num;
  return { num, den, format: mult.format };
}

/** Syntax check only (what the API server's quantity decoder accepts). */
export function isQuantity(s: string): boolean {
  return parseQuantity(s) !== null;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a > 0n ? q + 1n : q;
}

/** Go `Quantity.Value()`: the integer value, rounded up (bytes, pods, extended resources). */
export function quantityValue(q: Quantity): number {
  return Number(ceilDiv(q.num, q.den));
}

/** Go `Quantity.MilliValue()`: value × 1000, rounded up (cpu). */
export function quantityMilliValue(q: Quantity): number {
  return Number(ceilDiv(q.num * 1000n, q.den));
}

// Inventories repeat the same few quantity strings thousands of times: memoise the parse.
const MEMO_LIMIT = 10_000;
const valueMemo = new Map<string, number>();
const milliMemo = new Map<string, number>();

function memo(cache: Map<string, number>, s: string, compute: (q: Quantity) => number): number {
  const hit = cache.get(s);
  if (hit !== undefined) return hit;
  const q = parseQuantity(s);
  const v = q ? compute(q) : 0;
  if (cache.size >= MEMO_LIMIT) cache.clear();
  cache.set(s, v);
  return v;
}

/** Parses and returns `Value()`; invalid or missing strings count as 0 (the API would reject them). */
export function parseValue(s: unknown): number {
  if (typeof s === 'number') return Math.ceil(s);
  return typeof s === 'string' ? memo(valueMemo, s, quantityValue) : 0;
}

/** Parses and returns `MilliValue()`; invalid or missing strings count as 0. */
export function parseMilliValue(s: unknown): number {
  if (typeof s === 'number') return Math.ceil(s * 1000);
  return typeof s === 'string' ? memo(milliMemo, s, quantityMilliValue) : 0;
}

/** Compares two quantity strings exactly (-1, 0, 1); null when either is invalid. */
export function compareQuantities(a: string, b: string): number | null {
  const qa = parseQuantity(a);
  const qb = parseQuantity(b);
  if (!qa || !qb) return null;
  const l = qa.num * qb.den;
  const r = qb.num * qa.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/**
 * Formats a resource amount the way `kubectl describe` shows it: cpu-like amounts given in
 * milli-units (`500m`, `2`), byte amounts with the largest exact binary suffix (`128Mi`), falling
 * back to decimal suffixes (`100M`) and then plain integers.
 */
export function formatQuantity(amount: number, kind: 'milli' | 'bytes' | 'count' = 'count'): string {
  if (kind === 'milli') return amount % 1000 === 0 ? String(amount / 1000) : `${amount}m`;
  if (amount === 0 || !Number.isInteger(amount)) return String(amount);
  if (kind === 'bytes') {
    for (const [suffix, shift] of Object.entries(BINARY_SI).reverse()) {
      const unit = 2 ** shift;
      if (amount % unit === 0) return `${amount / unit}${suffix}`;
    }
  }
  for (const [suffix, exp] of Object.entries(DECIMAL_SI).reverse()) {
    if (exp <= 0) break;
    const unit = 10 ** exp;
    if (amount % unit === 0) return `${amount / unit}${suffix}`;
  }
  return String(amount);
}

/**
 * A quantity for reading rather than for kubectl: the canonical form when it is short
 * (`500m`, `2Gi`, `110`), otherwise the largest binary unit rounded to three digits with `~`
 * (`107504Ki` → `~105Mi`, `31437808Ki` → `~30Gi`).
 */
export function readableQuantity(amount: number, kind: 'milli' | 'bytes' | 'count' = 'count'): string {
  const exact = formatQuantity(amount, kind);
  if (kind !== 'bytes' || exact.replace(/\D/g, '').length <= 4) return exact;
  const units = Object.entries(BINARY_SI).reverse();
  for (const [suffix, shift] of units) {
    const v = amount / 2 ** shift;
    if (v < 1) continue;
    const rounded = v >= 100 ? Math.round(v) : v >= 10 ? Math.round(v * 10) / 10 : Math.round(v * 100) / 100;
    return `~${rounded}${suffix}`;
  }
  return exact;
}
