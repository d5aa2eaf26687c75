/** os-not-constrained: Linux and Windows nodes alike, and no `kubernetes.io/os` selector. */
import type { Rule } from '../types';
import { nodeList } from '../helpers/placement';
import { unconstrained } from '../helpers/unconstrained-label';
import { t } from '../../l10n';

export const osNotConstrained: Rule = {
  meta: {
    id: 'os-not-constrained',
    category: 'placement',
    defaultSeverity: 'warning',
    title: 'Runs on Linux and Windows nodes alike',
    description:
      'The inventory has Linux and Windows nodes and the DaemonSet does not select an operating system, so the controller creates its pod on both; a Linux image fails on a Windows node (and the reverse). Add `kubernetes.io/os` to the nodeSelector.',
    bad: 'nodeSelector: {}',
    good: 'nodeSelector:\n  kubernetes.io/os: linux',
  },
  check: (ctx) =>
    unconstrained(ctx, 'kubernetes.io/os', 'os-not-constrained', (by, sample) => {
      const win = by.get('windows');
      if (!win) return undefined;
      if (sample)
        return t(
          'No `kubernetes.io/os` selector: on the sample cluster the DaemonSet would also run on {0} Windows node(s) ({1}), and so it would on any cluster with Windows nodes; add `kubernetes.io/os: linux` (or windows) to the nodeSelector',
          win.length,
          nodeList(win),
        );
      return t(
        'No `kubernetes.io/os` selector: the DaemonSet would also run on {0} Windows node(s) ({1}); add `kubernetes.io/os: linux` (or windows) to the nodeSelector',
        win.length,
        nodeList(win),
      );
    }),
};
