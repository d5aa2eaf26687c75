/** `activeDeadlineSeconds` is forbidden in a DaemonSet's pod template. */
import { apiRule, fix } from '../helpers/api-rule';
import { t } from '../../l10n';

export const activeDeadlineSeconds = apiRule({
  meta: {
    id: 'active-deadline-seconds',
    title: '`activeDeadlineSeconds` in a DaemonSet',
    description:
      '`activeDeadlineSeconds` kills a pod after a fixed time; a DaemonSet pod is meant to run for as long as its node is eligible, so the API server rejects the field with `Forbidden: activeDeadlineSeconds in DaemonSet is not Supported`.',
    bad: 'template:\n  spec:\n    activeDeadlineSeconds: 3600',
    good: 'template:\n  spec:\n    # no activeDeadlineSeconds',
    fix: 'Remove `activeDeadlineSeconds`.',
  },
  fixes: (e, ctx) => fix(t('Remove activeDeadlineSeconds'), [ctx.edits.removeKey(e.field)], true),
});
