/** Node affinity: at least one term, values by operator, matchFields on metadata.name, weights 1–100. */
import { apiRule, fix } from '../helpers/api-rule';
import { t } from '../../l10n';

export const nodeAffinityInvalid = apiRule({
  meta: {
    id: 'node-affinity-invalid',
    title: 'Node affinity the API server rejects',
    description:
      "Required node affinity needs at least one `nodeSelectorTerms` entry. In a requirement, `In`/`NotIn` need `values`, `Exists`/`DoesNotExist` must have none, `Gt`/`Lt` exactly one; `matchFields` only supports the key `metadata.name` with `In`/`NotIn` and one value; keys and (required) values follow label syntax; a preferred term's `weight` is 1–100.",
    bad: 'nodeAffinity:\n  requiredDuringSchedulingIgnoredDuringExecution:\n    nodeSelectorTerms:\n      - matchExpressions:\n          - key: kubernetes.io/os\n            operator: Exists\n            values: [linux]',
    good: 'nodeAffinity:\n  requiredDuringSchedulingIgnoredDuringExecution:\n    nodeSelectorTerms:\n      - matchExpressions:\n          - key: kubernetes.io/os\n            operator: In\n            values: [linux]',
    fix: 'Remove `values` from an `Exists`/`DoesNotExist` requirement.',
  },
  explain(e) {
    const d = e.error.detail;
    if (/at least one node selector term/.test(d))
      return t('An empty list of terms matches no node: add a term or remove `requiredDuringSchedulingIgnoredDuringExecution`');
    if (/not a valid field selector key/.test(d)) return t('matchFields only supports `metadata.name`; use matchExpressions for node labels');
    if (/range 1-100/.test(d)) return t('Each preferred term needs a weight from 1 to 100');
    return undefined;
  },
  fixes(e, ctx) {
    if (/may not be specified when `operator` is 'Exists'/.test(e.error.detail)) return fix(t('Remove values'), [ctx.edits.removeKey(e.field)], true);
    return undefined;
  },
});
