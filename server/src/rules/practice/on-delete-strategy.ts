/** updateStrategy OnDelete: template changes reach a node only when its pod is deleted. */
import type { Rule } from '../types';
import { t } from '../../l10n';

export const onDeleteStrategy: Rule = {
  meta: {
    id: 'on-delete-strategy',
    category: 'practice',
    defaultSeverity: 'information',
    title: '`updateStrategy: OnDelete`',
    description:
      "With `OnDelete` the DaemonSet controller never replaces running pods: a changed template (new image, new config) reaches a node only when someone deletes that node's pod or the node is replaced. This is useful when node-by-node updates are driven by another tool, but it surprises people who expect `kubectl apply` to roll out. `kubectl rollout status` does not wait for anything.",
    severityNote: 'Information: OnDelete is a legitimate choice; the rule only makes sure it is a conscious one.',
    bad: 'updateStrategy:\n  type: OnDelete',
    good: 'updateStrategy:\n  type: RollingUpdate\n  rollingUpdate:\n    maxUnavailable: 10%',
  },
  check(ctx) {
    if (ctx.value?.spec?.updateStrategy?.type !== 'OnDelete') return [];
    // No quick fix: OnDelete is usually deliberate, and switching changes how every node is updated.
    return [
      {
        rule: 'on-delete-strategy',
        path: ['spec', 'updateStrategy', 'type'],
        message: t(
          'With OnDelete, applying a changed template updates no running pod: each node gets the new version only when its pod is deleted. Make sure something deletes them (or use RollingUpdate).',
        ),
      },
    ];
  },
};
