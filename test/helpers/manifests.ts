/**
 * The one DaemonSet the tests build on: `agent`, with selector and template labels `app: agent`
 * in step. As YAML text (rules, service, protocol tests: exact lines matter) and as a plain object
 * (engine and validation tests); both come from the same defaults.
 */

export const NAME = 'agent';
export const LABELS = { app: 'agent' } as const;
/** The pod spec's own lines when a test gives none: one container. */
export const DEFAULT_POD = '      containers:\n        - name: agent\n          image: example/agent:1.0\n';

export interface DaemonSetText {
  /** `metadata.namespace`. */
  namespace?: string;
  /** More lines of `metadata` after `name:` (indented two spaces). */
  metadata?: string;
  /** The body of `spec.selector` (indented four spaces); null leaves the selector out. */
  selector?: string | null;
  /** Lines of the DaemonSet spec between the selector and the template (indented two spaces). */
  spec?: string;
  /** The template labels (indented eight spaces); null leaves the template's metadata out. */
  labels?: string | null;
  /** Flow-style selector and labels (`{app: agent}`), as many real manifests write them. */
  flow?: boolean;
}

/**
 * A DaemonSet manifest around `podSpec`, the pod spec's own lines (indented six spaces, as under
 * `template.spec`; a leading newline is dropped).
 */
export function daemonSet(podSpec: string = DEFAULT_POD, opts: DaemonSetText = {}): string {
  const ns = opts.namespace ? `\n  namespace: ${opts.namespace}` : '';
  const selector =
    opts.selector === null
      ? ''
      : opts.flow && opts.selector === undefined
        ? '  selector:\n    matchLabels: {app: agent}\n'
        : `  selector:\n${opts.selector ?? '    matchLabels:\n      app: agent\n'}`;
  const labels =
    opts.labels === null
      ? ''
      : opts.flow && opts.labels === undefined
        ? '    metadata:\n      labels: {app: agent}\n'
        : `    metadata:\n      labels:\n${opts.labels ?? '        app: agent\n'}`;
  return `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent${ns}
${opts.metadata ?? ''}spec:
${selector}${opts.spec ?? ''}  template:
${labels}    spec:
${podSpec.replace(/^\n/, '')}`;
}

/** The same with the options first (the pod spec among them), for tests that vary the DaemonSet around a default pod. */
export function ds(opts: DaemonSetText & { pod?: string } = {}): string {
  return daemonSet(opts.pod, opts);
}

/** Everything up to the pod spec's `spec:` (flow-style labels), for tests that append pod-spec lines. */
export function daemonSetHead(namespace?: string): string {
  return daemonSet('', { namespace, flow: true });
}

export interface DaemonSetObject {
  namespace?: string;
  /** Fields of `metadata` besides name and namespace. */
  metadata?: Record<string, unknown>;
  /** Fields of the pod spec besides `containers`. */
  podSpec?: Record<string, unknown>;
  /** Fields of the DaemonSet spec besides selector and template. */
  spec?: Record<string, unknown>;
  /** The one container (merged over the default `{name, image}`). */
  container?: Record<string, unknown>;
}

/** The DaemonSet as a plain object, as the API server would hand it over. */
export function daemonSetObject(opts: DaemonSetObject = {}): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: NAME, namespace: opts.namespace ?? 'kube-system', ...(opts.metadata ?? {}) },
    spec: {
      selector: { matchLabels: { ...LABELS } },
      template: {
        metadata: { labels: { ...LABELS } },
        spec: { containers: [{ name: NAME, image: 'example/agent:1.0', ...(opts.container ?? {}) }], ...(opts.podSpec ?? {}) },
      },
      ...(opts.spec ?? {}),
    },
  };
}
