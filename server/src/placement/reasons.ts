/** How a reason reads on one line: Kubernetes' wording, with the taint it is about beside it. */
import { taintString } from '../k8s/taints';
import type { PlacementReason } from './types';

/** `node(s) had untolerated taint(s) (nvidia.com/gpu=present:NoSchedule)`; other reasons as Kubernetes words them. */
export function reasonLabel(r: Pick<PlacementReason, 'message' | 'taint'>): string {
  return r.taint ? `${r.message} (${taintString(r.taint)})` : r.message;
}
