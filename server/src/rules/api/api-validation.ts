/** Every other error of Kubernetes' validation (so none is ever silently lost). */
import { apiRule } from '../helpers/api-rule';

export const apiValidation = apiRule({
  meta: {
    id: 'api-validation',
    title: 'Rejected by the API server',
    description:
      "Kubernetes' own validation rejects the value; the message is what `kubectl apply` prints. This rule collects the errors that no more specific rule covers.",
    bad: 'imagePullSecrets:\n  - name: ""',
    good: 'imagePullSecrets:\n  - name: registry-credentials',
  },
});
