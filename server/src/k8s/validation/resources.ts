/**
 * ValidateResourceRequirements (pkg/apis/core/validation): resource names, non-negative
 * quantities, integer extended resources, requests ≤ limits (= for non-overcommitable resources).
 */
import { isQualifiedName } from '../syntax';
import { compareQuantities, parseQuantity } from '../quantity';
import { type ErrorList, type Path, forbidden, invalid, required } from './field';
import { obj } from './json';

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

function isHugePages(name: string): boolean {
  return name.startsWith('hugepages-');
}

/** IsNativeResource: no domain, or one containing `kubernetes.io/`. */
function isNative(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

function isExtended(name: string): boolean {
  return !isNative(name) && !name.startsWith('requests.') && isQualifiedName(`requests.${name}`).length === 0;
}

/** Only native non-hugepage resources may be overcommitted (request < limit). */
function isOvercommitAllowed(name: string): boolean {
  return isNative(name) && !isHugePages(name);
}

const STANDARD_RESOURCES = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'storage',
  'pods',
  'services',
  'replicationcontrollers',
  'resourcequotas',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'services.nodeports',
  'services.loadbalancers',
]);

function isStandardResourceName(name: string): boolean {
  return STANDARD_RESOURCES.has(name) || isHugePages(name) || name.startsWith('requests.') || name.startsWith('limits.');
}

function validateContainerResourceName(name: string, path: Path): ErrorList {
  const errs: ErrorList = isQualifiedName(name).map((msg) => invalid(path, name, msg));
  if (errs.length > 0) return errs;
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePages(name)) {
      // validateResourceName first, then the container-specific rule: Go reports both.
      if (!isStandardResourceName(name)) errs.push(invalid(path, name, 'must be a standard resource type or fully qualified'));
      errs.push(invalid(path, name, 'must be a standard resource for containers'));
    }
  } else if (!isNative(name) && !isExtended(name)) {
    errs.push(invalid(path, name, "doesn't follow extended resource name standard"));
  }
  return errs;
}

/** A quantity as the user wrote it (number or string); null when it does not parse. */
function quantityText(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'string' && parseQuantity(v)) return v;
  return null;
}

function validateQuantityValue(name: string, q: string, path: Path): ErrorList {
  const errs: ErrorList = [];
  const parsed = parseQuantity(q);
  if (!parsed) return errs;
  if (parsed.num < 0n) errs.push(invalid(path, q, 'must be greater than or equal to 0'));
  // Extended resources are counted in whole units: MilliValue() (rounded up) must be a multiple of 1000.
  if (isExtended(name)) {
    const n = parsed.num * 1000n;
    const milli = n / parsed.den + (n % parsed.den !== 0n && n > 0n ? 1n : 0n);
    if (milli % 1000n !== 0n) errs.push(invalid(path, q, 'must be an integer'));
  }
  return errs;
}

export function validateResourceRequirements(resources: unknown, path: Path): ErrorList {
  const r = obj(resources);
  if (!r) return [];
  const errs: ErrorList = [];
  const limPath = path.child('limits');
  const reqPath = path.child('requests');
  const limits = obj(r.limits) ?? {};
  const requests = obj(r.requests) ?? {};
  let limCpuMem = false;
  let reqCpuMem = false;
  let hugePages = false;
  for (const [name, v] of Object.entries(limits)) {
    const p = limPath.key(name);
    errs.push(...validateContainerResourceName(name, p));
    const q = quantityText(v);
    if (q !== null) errs.push(...validateQuantityValue(name, q, p));
    if (isHugePages(name)) hugePages = true;
    if (name === 'cpu' || name === 'memory') limCpuMem = true;
  }
  for (const [name, v] of Object.entries(requests)) {
    const p = reqPath.key(name);
    errs.push(...validateContainerResourceName(name, p));
    const q = quantityText(v);
    if (q !== null) {
      errs.push(...validateQuantityValue(name, q, p));
      const lim = quantityText(limits[name]);
      if (name in limits) {
        const cmp = lim === null ? null : compareQuantities(q, lim);
        if (cmp !== null) {
          // The message names the limit as written (Go prints the canonical Quantity string).
          if (cmp !== 0 && !isOvercommitAllowed(name)) {
            errs.push(invalid(reqPath, q, `must be equal to ${name} limit of ${lim}`));
          } else if (cmp > 0) {
            errs.push(invalid(reqPath, q, `must be less than or equal to ${name} limit of ${lim}`));
          }
        }
      } else if (!isOvercommitAllowed(name)) {
        errs.push(required(limPath, 'Limit must be set for non overcommitable resources'));
      }
    }
    if (isHugePages(name)) hugePages = true;
    if (name === 'cpu' || name === 'memory') reqCpuMem = true;
  }
  if (!limCpuMem && !reqCpuMem && hugePages) errs.push(forbidden(path, 'HugePages require cpu or memory'));
  return errs;
}
