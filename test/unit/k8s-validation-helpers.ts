/** Builders shared by the k8s-validation tests: a minimal valid, defaulted DaemonSet. */
export function minimalDaemonSet(): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: {
        metadata: { labels: { app: 'agent' } },
        spec: { containers: [{ name: 'agent', image: 'busybox:1.36' }] },
      },
    },
  };
}

export function fieldsOf(errs: Array<{ field: string; type: string }>): string[] {
  return errs.map((e) => `${e.field} ${e.type}`);
}
