/**
 * The DaemonSet the tests build on: `agent`, selector and template labels in step. `podSpec` is
 * the pod spec's own lines, indented six spaces (as under `template.spec`).
 */
export function daemonSet(podSpec: string): string {
  return `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels:
      app: agent
  template:
    metadata:
      labels:
        app: agent
    spec:
${podSpec}`;
}

/** The same in flow style for labels, optionally with a namespace: everything up to `spec:` of the pod. */
export function daemonSetHead(namespace?: string): string {
  return `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
`;
}
