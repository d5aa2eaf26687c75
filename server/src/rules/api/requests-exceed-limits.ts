/** A request above its limit (or unequal, for resources that cannot be overcommitted). */
import { apiRule } from '../helpers/api-rule';

export const requestsExceedLimits = apiRule({
  meta: {
    id: 'requests-exceed-limits',
    title: 'Resource request above its limit',
    description:
      "A container's request is what the scheduler reserves and its limit is the most it may use, so a request may not exceed the limit. Resources that cannot be overcommitted (extended resources such as `nvidia.com/gpu`, and hugepages) need the request equal to the limit.",
    bad: 'resources:\n  requests:\n    memory: 512Mi\n  limits:\n    memory: 256Mi',
    good: 'resources:\n  requests:\n    memory: 256Mi\n  limits:\n    memory: 512Mi',
  },
});
