/** Resource names and amounts other than request-vs-limit. */
import { apiRule } from '../helpers/api-rule';

export const resourceInvalid = apiRule({
  meta: {
    id: 'resource-invalid',
    title: 'Invalid resource name or amount',
    description:
      'Container resources are `cpu`, `memory`, `ephemeral-storage`, `hugepages-<size>` or a fully qualified extended resource (`vendor.example/device`). Amounts may not be negative; extended resources are whole numbers and need a limit (requests alone are rejected); hugepages need a cpu or memory request or limit too.',
    bad: 'resources:\n  limits:\n    gpu: 1',
    good: 'resources:\n  limits:\n    nvidia.com/gpu: 1',
  },
});
