/**
 * Resources: lower the request that does not fit to what the node has free. Only offered when
 * the engine shows the pod then fits; a request that exceeds allocatable may still be cured
 * this way, preemption never can.
 */
import { parseMilliValue, parseValue } from '../k8s/quantity';
import type { PlacementReason } from '../placement/types';
import { POD, type PathSeg } from '../yaml/types';
import { t } from '../l10n';
import type { Candidate, RemedyContext, RemedyGenerator } from './types';

const MI = 1024 * 1024;

/** The amount as a quantity a person would write (cpu in millicores, bytes in Mi), or undefined when it rounds to nothing. */
function quantity(name: string, amount: number): string | undefined {
  if (name === 'cpu') {
    const m = Math.floor(amount);
    if (m < 1) return undefined;
    return m % 1000 === 0 ? String(m / 1000) : `${m}m`;
  }
  if (name === 'memory' || name === 'ephemeral-storage' || name.startsWith('hugepages-')) {
    const mi = Math.floor(amount / MI);
    return mi < 1 ? undefined : `${mi}Mi`;
  }
  const n = Math.floor(amount);
  return n < 1 ? undefined : String(n);
}

function amountOf(name: string, v: unknown): number {
  return name === 'cpu' ? parseMilliValue(v) : parseValue(v);
}

interface Written {
  path: PathSeg[];
  amount: number;
  owner?: string;
}

function written(c: any, name: string, path: PathSeg[], owner: string): Written | undefined {
  const req = c?.resources?.requests?.[name];
  const lim = c?.resources?.limits?.[name];
  const v = req ?? lim;
  if (v === undefined) return undefined;
  // A container with only a limit requests its limit (Pod defaulting).
  return { path: [...path, 'resources', req !== undefined ? 'requests' : 'limits', name], amount: amountOf(name, v), owner };
}

/**
 * The edits that bring the pod's effective request for `name` down to `target`, the way
 * PodRequests adds it up: the pod-level request when there is one; else the regular containers
 * and sidecars (init containers with restartPolicy Always) summed, and each other init container
 * with the sidecars before it. Undefined when the written values cannot get there.
 */
function lowerTo(ds: any, name: string, target: number): { w: Written; to: number }[] | undefined {
  const spec = ds?.spec?.template?.spec;
  const podLevel = spec?.resources?.requests?.[name] ?? spec?.resources?.limits?.[name];
  if (podLevel !== undefined) {
    const w = written(spec, name, [...POD], '');
    return w && w.amount > target ? [{ w: { ...w, owner: undefined }, to: target }] : undefined;
  }
  const regular: Written[] = [];
  const inits: { w: Written; sidecarsBefore: number }[] = [];
  let sidecars = 0;
  const cs = Array.isArray(spec?.containers) ? spec.containers : [];
  cs.forEach((c: any, i: number) => {
    const w = written(c, name, [...POD, 'containers', i], typeof c?.name === 'string' ? c.name : `#${i}`);
    if (w) regular.push(w);
  });
  const ics = Array.isArray(spec?.initContainers) ? spec.initContainers : [];
  ics.forEach((c: any, i: number) => {
    const w = written(c, name, [...POD, 'initContainers', i], typeof c?.name === 'string' ? c.name : `#${i}`);
    if (c?.restartPolicy === 'Always') {
      if (w) regular.push(w);
      sidecars += w?.amount ?? 0;
    } else if (w) inits.push({ w, sidecarsBefore: sidecars });
  });
  const out: { w: Written; to: number }[] = [];
  const sum = regular.reduce((a, w) => a + w.amount, 0);
  if (sum > target) {
    // Take the excess off the largest request.
    const largest = [...regular].sort((a, b) => b.amount - a.amount)[0];
    const to = largest.amount - (sum - target);
    if (to <= 0) return undefined;
    out.push({ w: largest, to });
  }
  for (const { w, sidecarsBefore } of inits) {
    if (w.amount + sidecarsBefore <= target) continue;
    const to = target - sidecarsBefore;
    if (to <= 0) return undefined;
    out.push({ w, to });
  }
  return out.length ? out : undefined;
}

/** Whole sentences per case, so each translates as one. */
function lowerTitle(resource: string, limit: boolean, container: string | undefined, to: string): string {
  if (container === undefined)
    return limit
      ? t('Lower the pod-level {0} limit to {1} (what the node has free)', resource, to)
      : t('Lower the pod-level {0} request to {1} (what the node has free)', resource, to);
  return limit
    ? t('Lower the {0} limit of container {1} to {2} (what the node has free)', resource, container, to)
    : t('Lower the {0} request of container {1} to {2} (what the node has free)', resource, container, to);
}

function lower(ctx: RemedyContext, r: PlacementReason): Candidate[] {
  const res = r.resource;
  if (!res || res.name === 'pods') return [];
  const free = Math.max(0, res.capacity - res.used);
  if (res.requested <= free) return [];
  // Written quantities are rounded down (to 1m cpu, 1Mi memory): aim for what they will read as.
  const plan = lowerTo(ctx.value, res.name, free);
  if (!plan) return [];
  const edits = [];
  const titles = [];
  for (const { w, to } of plan) {
    const q = quantity(res.name, to);
    if (!q) return [];
    const e = ctx.edits.setValue(w.path, q);
    if (!e) return [];
    edits.push(e);
    titles.push(lowerTitle(res.name, w.path.at(-2) === 'limits', w.owner, q));
  }
  return [{ kind: 'lower-request', title: titles.join('; '), edits }];
}

export const lowerRequests: RemedyGenerator = (ctx, _node, reasons) => reasons.filter((r) => r.predicate === 'NodeResourcesFit').map((r) => lower(ctx, r));
