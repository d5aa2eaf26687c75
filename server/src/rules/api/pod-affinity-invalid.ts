/** Pod (anti-)affinity terms: topologyKey, selectors, namespaces, weights. */
import { apiRule } from '../helpers/api-rule';

export const podAffinityInvalid = apiRule({
  meta: {
    id: 'pod-affinity-invalid',
    title: 'Pod affinity the API server rejects',
    description:
      "Each pod (anti-)affinity term needs a `topologyKey` (a label key such as `kubernetes.io/hostname`); its label selectors follow label syntax, `namespaces` are DNS labels, and a preferred term's `weight` is 1–100.",
    bad: 'podAntiAffinity:\n  requiredDuringSchedulingIgnoredDuringExecution:\n    - labelSelector:\n        matchLabels:\n          app: agent\n      topologyKey: ""',
    good: 'podAntiAffinity:\n  requiredDuringSchedulingIgnoredDuringExecution:\n    - labelSelector:\n        matchLabels:\n          app: agent\n      topologyKey: kubernetes.io/hostname',
  },
});
