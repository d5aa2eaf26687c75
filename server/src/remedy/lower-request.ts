/**
 * Resources: lower the request that does not fit to what the node has free. Only offered when
 * the engine shows the pod then fits; a request that exceeds allocatable may still be cured
 * this way, preemption never can.
 */
import { parseMilliValue, parseValue } from '../k8s/quantity';
import type { PlacementReason } from '../placement/types';
import type { PathSeg } from '../yaml/types';
import { t } from '../l10n';
import type { Candidate, RemedyContext, RemedyGenerator } from './types';

const POD: readonly PathSeg[] = ['spec', 'template', 'spec'];
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

/** Where the pod's request for `name` is written: the pod-level request, else each container's request (or limit, which defaults it). */
function writtenRequests(ds: any, name: string): { path: PathSeg[]; amount: number; owner?: string }[] {
  const spec = ds?.spec?.template?.spec;
  const podLevel = spec?.resources?.requests?.[name] ?? spec?.resources?.limits?.[name];
  if (podLevel !== undefined) {
    const where = spec.resources.requests?.[name] !== undefined ? 'requests' : 'limits';
    return [{ path: [...POD, 'resources', where, name], amount: amountOf(name, podLevel) }];
  }
  const out: { path: PathSeg[]; amount: number; owner?: string }[] = [];
  for (const list of ['containers', 'initContainers'] as const) {
    const cs = spec?.[list];
    if (!Array.isArray(cs)) continue;
    cs.forEach((c: any, i: number) => {
      const req = c?.resources?.requests?.[name];
      const lim = c?.resources?.limits?.[name];
      const v = req ?? lim;
      if (v === undefined) return;
      const where = req !== undefined ? 'requests' : 'limits';
      out.push({ path: [...POD, list, i, 'resources', where, name], amount: amountOf(name, v), owner: typeof c?.name === 'string' ? c.name : `#${i}` });
    });
  }
  return out.sort((a, b) => b.amount - a.amount);
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
  const deficit = res.requested - free;
  if (deficit <= 0) return [];
  const out: Candidate[] = [];
  for (const w of writtenRequests(ctx.value, res.name).slice(0, 2)) {
    const q = quantity(res.name, w.amount - deficit);
    if (!q) continue;
    const e = ctx.edits.setValue(w.path, q);
    if (e) out.push({ kind: 'lower-request', title: lowerTitle(res.name, w.path.at(-2) === 'limits', w.owner, q), edits: [e] });
  }
  return out;
}

export const lowerRequests: RemedyGenerator = (ctx, _node, reasons) => reasons.filter((r) => r.predicate === 'NodeResourcesFit').map((r) => lower(ctx, r));
