/** Container fields: at least one container, an image, policies, env names, init container rules. */
import { apiRule } from '../helpers/api-rule';
import { t } from '../../l10n';

export const containerInvalid = apiRule({
  meta: {
    id: 'container-invalid',
    title: 'Container the API server rejects',
    description:
      'The pod template needs at least one container, and every container an `image` (the schema marks it optional for tools that fill it in, the API server does not). Environment variable names are printable ASCII without `=`. Ordinary init containers run to completion, so they may not have probes or lifecycle hooks (only `restartPolicy: Always` sidecars may); ephemeral containers cannot be in a template.',
    bad: 'containers:\n  - name: agent\n    # image set by a tool',
    good: 'containers:\n  - name: agent\n    image: example/agent:1.4.2',
  },
  explain(e) {
    if (/\.image$/.test(e.error.field) && e.error.type === 'FieldValueRequired') return t('Every container needs an image');
    return undefined;
  },
});
