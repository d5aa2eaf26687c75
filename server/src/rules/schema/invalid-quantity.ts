/** invalid-quantity: reported by the schema walker (its metadata; the finding is made by rules/schema/walker.ts). */
import type { Rule } from '../types';

export const invalidQuantity: Rule = {
  meta: {
    id: 'invalid-quantity',
    category: 'schema',
    defaultSeverity: 'error',
    title: 'Not a valid resource quantity',
    description:
      'Resource amounts are Kubernetes quantities: a number with an optional suffix, binary (`Ki`, `Mi`, `Gi`, `Ti`, `Pi`, `Ei`), decimal (`n`, `u`, `m`, `k`, `M`, `G`, `T`, `P`, `E`) or an exponent (`1e3`). `128MB` or `1.5 cores` are rejected.',
    bad: 'resources:\n  limits:\n    memory: 128MB',
    good: 'resources:\n  limits:\n    memory: 128Mi',
  },
};
