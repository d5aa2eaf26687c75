/** DaemonSet pods must restart: `restartPolicy` may only be `Always`. */
import { apiRule, fix } from '../helpers/api-rule';
import { t } from '../../l10n';

export const restartPolicy = apiRule({
  meta: {
    id: 'restart-policy',
    title: '`restartPolicy` other than `Always`',
    description:
      'A DaemonSet keeps one pod running on every eligible node, so its pods must restart whenever they exit. The pod API accepts `OnFailure` and `Never`, but the DaemonSet API allows only `Always` (the default) and rejects the manifest with `Unsupported value: "OnFailure": supported values: "Always"`. For run-to-completion work use a Job.',
    bad: 'template:\n  spec:\n    restartPolicy: OnFailure',
    good: 'template:\n  spec:\n    restartPolicy: Always   # or leave it out',
    fix: 'Set `restartPolicy: Always`.',
  },
  explain: () => t('A DaemonSet runs its pods for as long as the node is eligible, so they must always restart; for run-to-completion work use a Job'),
  fixes: (e, ctx) => fix(t('Set restartPolicy to Always'), [ctx.edits.setValue(e.field, 'Always')], true),
});
