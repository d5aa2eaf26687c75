/** Names: the DaemonSet's, its namespace, containers, and names of referenced objects. */
import { apiRule } from '../helpers/api-rule';
import { t } from '../../l10n';

export const objectName = apiRule({
  meta: {
    id: 'object-name',
    title: 'Missing or invalid name',
    description:
      'The DaemonSet needs `metadata.name` (`kubectl apply` cannot use `generateName`); it and referenced object names (`serviceAccountName`, `priorityClassName`, `runtimeClassName`, `nodeName`) are DNS subdomains: lower-case letters, digits, `-` and `.`, at most 253 characters. The namespace, container names, `hostname` and `subdomain` are DNS labels: lower-case letters, digits and `-`, at most 63 characters.',
    bad: 'metadata:\n  name: Node_Exporter\nspec:\n  template:\n    spec:\n      containers:\n        - name: nodeExporter',
    good: 'metadata:\n  name: node-exporter\nspec:\n  template:\n    spec:\n      containers:\n        - name: node-exporter',
  },
  explain(e) {
    if (e.error.field === 'metadata.name' && e.error.type === 'FieldValueRequired') return t('Set `metadata.name`');
    return undefined;
  },
});
