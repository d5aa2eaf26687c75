/** Counts and durations of the DaemonSet that may not be negative. */
import { apiRule } from '../helpers/api-rule';

export const negativeValue = apiRule({
  meta: {
    id: 'negative-value',
    title: 'Negative count or duration',
    description: '`minReadySeconds`, `revisionHistoryLimit` and the template generation are counts: the API server rejects negative values.',
    bad: 'spec:\n  minReadySeconds: -5',
    good: 'spec:\n  minReadySeconds: 5',
  },
});
