/** missing-required: reported by the schema walker (its metadata; the finding is made by rules/schema/walker.ts). */
import type { Rule } from '../types';

export const missingRequired: Rule = {
  meta: {
    id: 'missing-required',
    category: 'schema',
    defaultSeverity: 'error',
    title: 'Required field missing',
    description:
      'The Kubernetes API marks the field as required; the object is rejected without it. A file that a `kustomization.yaml` lists as a patch is a partial object and is not checked for this.',
    bad: 'spec:\n  template: …          # no selector',
    good: 'spec:\n  selector:\n    matchLabels:\n      app: agent\n  template: …',
    fix: 'For a missing `spec.selector`: add `selector.matchLabels` from the template labels.',
  },
};
