/** Container names are unique across containers and init containers. */
import { apiRule } from '../helpers/api-rule';
import { t } from '../../l10n';

export const containerNameDuplicate = apiRule({
  meta: {
    id: 'container-name-duplicate',
    title: 'Two containers with the same name',
    description:
      'Container names identify containers in logs, probes, `kubectl exec -c` and status, so they must be unique across `containers` and `initContainers` of the pod; the API server rejects a repeat as `Duplicate value`.',
    bad: 'initContainers:\n  - name: agent\n    image: busybox\ncontainers:\n  - name: agent\n    image: example/agent:1.0',
    good: 'initContainers:\n  - name: agent-init\n    image: busybox\ncontainers:\n  - name: agent\n    image: example/agent:1.0',
  },
  explain: () => t('Container names must be unique across containers and initContainers'),
});
