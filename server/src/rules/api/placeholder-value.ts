/** A rejected value that is a placeholder a tool fills in: the file is a template, not a manifest. */
import { apiRule } from '../helpers/api-rule';
import { t } from '../../l10n';

export const placeholderValue = apiRule({
  meta: {
    id: 'placeholder-value',
    defaultSeverity: 'warning',
    title: 'Placeholder value the API server would reject',
    description:
      'The value looks like a placeholder that an operator or a deploy script replaces (`FILLED BY THE OPERATOR`, `__NAMESPACE__`, `${NAMESPACE}`, `<namespace>`). Applied as written, the API server rejects it; apply the rendered manifest instead.',
    severityNote: 'A warning rather than an error: the file is usually a template that is not meant to be applied as it stands.',
    bad: 'metadata:\n  namespace: "FILLED BY THE OPERATOR"',
    good: 'metadata:\n  namespace: gpu-operator',
  },
  explain: () => t('The value looks like a placeholder that a tool fills in: apply the rendered manifest'),
});
