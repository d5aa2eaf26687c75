/** Finite tolerationSeconds on a NoExecute toleration of a DaemonSet: an evict/recreate loop, or no effect at all. */
import type { Finding } from '../types';
import type { Rule } from '../types';
import { t } from '../../l10n';
import { POD, podSpec, tolerations } from '../helpers/pod';

/** The NoExecute tolerations the DaemonSet controller adds to every daemon pod (semantics §A.2). */
export const AUTO_NOEXECUTE_KEYS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'];

/**
 * `AddOrUpdateTolerationInPodSpec` replaces a user toleration equal in key, operator, value
 * and effect (exact strings; an empty operator is not `Exists`) with the controller's own.
 */
export function replacedByController(t: Record<string, any>): boolean {
  return AUTO_NOEXECUTE_KEYS.includes(t.key) && t.operator === 'Exists' && (t.value ?? '') === '' && t.effect === 'NoExecute';
}

export const finiteTolerationSeconds: Rule = {
  meta: {
    id: 'finite-toleration-seconds',
    category: 'practice',
    defaultSeverity: 'warning',
    title: 'Finite `tolerationSeconds` on a DaemonSet toleration',
    description:
      'For a Deployment, `tolerationSeconds` on a NoExecute toleration means "move away after N seconds". A DaemonSet pod cannot move: the taint-eviction controller deletes it after N seconds, and the DaemonSet controller, which ignores `tolerationSeconds` when deciding where pods belong, creates it again on the same node: an endless evict/recreate loop while the taint is there. A toleration identical (key, operator, value, effect) to one the controller adds itself (`node.kubernetes.io/not-ready` or `node.kubernetes.io/unreachable`, `Exists`, `NoExecute`) is different again: the controller replaces it with its own, which has no `tolerationSeconds`, so the setting never takes effect (kubernetes/kubernetes#92960).',
    severityNote: 'Warning: either the pod churns on tainted nodes, or the manifest promises an eviction that never happens.',
    bad: 'tolerations:\n  - key: node.kubernetes.io/not-ready\n    operator: Exists\n    effect: NoExecute\n    tolerationSeconds: 30',
    good: 'tolerations:\n  - key: node.kubernetes.io/not-ready\n    operator: Exists\n    effect: NoExecute',
    fix: 'Removes `tolerationSeconds` (the pod then stays on the node while the taint is there, which is what a DaemonSet pod does anyway).',
  },
  check(ctx) {
    const out: Finding[] = [];
    for (const { t: tol, index } of tolerations(podSpec(ctx.value))) {
      const seconds = tol.tolerationSeconds;
      if (typeof seconds !== 'number' || tol.effect !== 'NoExecute') continue;
      const path = [...POD, 'tolerations', index, 'tolerationSeconds'];
      const edit = ctx.edits.removeKey(path);
      const fixes = edit ? [{ title: t('Remove tolerationSeconds'), isPreferred: true, edits: [edit] }] : undefined;
      if (replacedByController(tol)) {
        out.push({
          rule: 'finite-toleration-seconds',
          path,
          target: 'key',
          message:
            tol.key === AUTO_NOEXECUTE_KEYS[0]
              ? t(
                  'tolerationSeconds: {0} has no effect: the DaemonSet controller replaces this toleration with its own identical `{1}:NoExecute` toleration, which has no tolerationSeconds, so daemon pods are never evicted from a not-ready node. Remove tolerationSeconds (or the whole toleration: the controller adds it anyway).',
                  seconds,
                  tol.key,
                )
              : t(
                  'tolerationSeconds: {0} has no effect: the DaemonSet controller replaces this toleration with its own identical `{1}:NoExecute` toleration, which has no tolerationSeconds, so daemon pods are never evicted from an unreachable node. Remove tolerationSeconds (or the whole toleration: the controller adds it anyway).',
                  seconds,
                  tol.key,
                ),
          fixes,
        });
      } else {
        const taint = tol.key ? `\`${tol.key}\`` : t('any NoExecute');
        const when = seconds <= 0 ? t('immediately') : t('{0} s after the taint appears', seconds);
        out.push({
          rule: 'finite-toleration-seconds',
          path,
          target: 'key',
          message: t(
            'On a node with a {0} taint the daemon pod is evicted {1}, and the DaemonSet controller (which ignores tolerationSeconds) recreates it on the same node: an evict/recreate loop for as long as the taint is there. Remove tolerationSeconds to keep the pod, or drop the toleration so no pod is placed on such nodes.',
            taint,
            when,
          ),
          fixes,
        });
      }
    }
    return out;
  },
};
