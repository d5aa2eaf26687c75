/** Label keys and values: in labels, selectors, nodeSelector and selector expressions. */
import { apiRule } from '../helpers/api-rule';

export const labelSyntax = apiRule({
  meta: {
    id: 'label-syntax',
    title: 'Invalid label key or value',
    description:
      'Label keys are an optional DNS-subdomain prefix and a name of at most 63 characters (letters, digits, `-`, `_`, `.`, starting and ending alphanumeric); values are empty or follow the same name rules. This applies to `metadata.labels`, the template labels, `spec.selector`, `nodeSelector` and selector expressions; the API server prints the exact rule that failed.',
    bad: 'nodeSelector:\n  node-role.kubernetes.io/ingress: "yes please"',
    good: 'nodeSelector:\n  node-role.kubernetes.io/ingress: "true"',
  },
});
