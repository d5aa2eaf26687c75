/** Volumes and volume mounts: names, references, mount paths. */
import { apiRule } from '../helpers/api-rule';
import { t } from '../../l10n';

export const volumeInvalid = apiRule({
  meta: {
    id: 'volume-invalid',
    title: 'Volume or volume mount the API server rejects',
    description:
      "Volume names are unique DNS labels; every `volumeMounts[].name` must be one of the pod's `volumes` (`Not found` otherwise); `mountPath` is required and unique within a container.",
    bad: 'containers:\n  - name: agent\n    volumeMounts:\n      - name: proc\n        mountPath: /host/proc\nvolumes:\n  - name: sys\n    hostPath:\n      path: /sys',
    good: 'containers:\n  - name: agent\n    volumeMounts:\n      - name: proc\n        mountPath: /host/proc\nvolumes:\n  - name: proc\n    hostPath:\n      path: /proc',
  },
  explain(e) {
    if (e.error.type === 'FieldValueNotFound') return t("A volume mount must name one of the pod's `volumes`");
    return undefined;
  },
});
