/** unknown-field: reported by the schema walker (its metadata; the finding is made by rules/schema/walker.ts). */
import type { Rule } from '../types';

export const unknownField: Rule = {
  meta: {
    id: 'unknown-field',
    category: 'schema',
    defaultSeverity: 'error',
    title: 'Field not in the Kubernetes API',
    description:
      'The field is not part of this object in the Kubernetes API. `kubectl apply` (strict field validation, the default since 1.25) rejects it with `unknown field`; older clients drop it silently, so the setting never takes effect.',
    bad: 'tolerations:\n  - key: nvidia.com/gpu\n    efect: NoSchedule',
    good: 'tolerations:\n  - key: nvidia.com/gpu\n    effect: NoSchedule',
    fix: 'Rename the key to the closest field name (best match first).',
  },
};
