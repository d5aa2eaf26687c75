/** Container requests as the resource rules read them. */
import { isObject } from './pod';

/** Starting values for the quick fix; the message asks the user to size them from real usage. */
export const DEFAULT_CPU = '100m';
export const DEFAULT_MEMORY = '128Mi';

/** The container's effective requests: Pod defaulting copies limits into missing requests. */
export function effectiveRequests(c: Record<string, any>): { cpu: boolean; memory: boolean } {
  const r = isObject(c.resources) ? c.resources : {};
  const req = isObject(r.requests) ? r.requests : {};
  const lim = isObject(r.limits) ? r.limits : {};
  return { cpu: req.cpu != null || lim.cpu != null, memory: req.memory != null || lim.memory != null };
}
