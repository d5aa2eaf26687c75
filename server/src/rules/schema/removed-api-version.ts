/** removed-api-version: reported by the schema walker (its metadata; the finding is made in rules/schema/api-version.ts). */
import type { Rule } from '../types';

export const removedApiVersion: Rule = {
  meta: {
    id: 'removed-api-version',
    category: 'schema',
    defaultSeverity: 'error',
    title: 'DaemonSet API version removed from Kubernetes',
    description:
      '`extensions/v1beta1`, `apps/v1beta1` and `apps/v1beta2` DaemonSets were removed in Kubernetes 1.16; the API server answers `no matches for kind "DaemonSet" in version …`. Use `apps/v1`, which also requires `spec.selector`.',
    bad: 'apiVersion: extensions/v1beta1\nkind: DaemonSet',
    good: 'apiVersion: apps/v1\nkind: DaemonSet',
    fix: 'Rewrite the apiVersion to `apps/v1` (and add a selector matching the template labels when there is none). Fix-all (`source.fixAll.daemonset`) applies the rewrite only when the DaemonSet already has a selector: choosing a selector (immutable, it decides which pods the DaemonSet owns) is left to a quick fix.',
  },
};
