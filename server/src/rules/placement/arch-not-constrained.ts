/** arch-not-constrained: nodes of several CPU architectures, and no `kubernetes.io/arch` selector. */
import type { Rule } from '../types';
import { unconstrained } from '../helpers/unconstrained-label';
import { t } from '../../l10n';

export const archNotConstrained: Rule = {
  meta: {
    id: 'arch-not-constrained',
    category: 'placement',
    defaultSeverity: 'information',
    title: 'Runs on nodes of several CPU architectures',
    description:
      'The inventory mixes CPU architectures (amd64 and arm64) and the DaemonSet does not select one, so it runs on all of them. That is right for multi-arch images; a single-arch image crash-loops (`exec format error`) on the other nodes.',
    severityNote: "Information: most public images are multi-arch; the tool cannot see the image's platforms.",
    bad: '# image built for amd64 only, no selector',
    good: 'nodeSelector:\n  kubernetes.io/arch: amd64',
  },
  check: (ctx) =>
    unconstrained(ctx, 'kubernetes.io/arch', 'arch-not-constrained', (by, sample) => {
      const parts = [...by.entries()].map(([arch, nodes]) => t('{0} {1}', nodes.length, arch)).reduce((a, b) => t('{0} and {1}', a, b));
      return sample
        ? t(
            'No `kubernetes.io/arch` selector: on the sample cluster the DaemonSet would run on {0} node(s); if your cluster mixes architectures too, make sure the image is built for each, or select an architecture',
            parts,
          )
        : t('No `kubernetes.io/arch` selector: the DaemonSet runs on {0} node(s); make sure the image is built for each, or select an architecture', parts);
    }),
};
