/** Documents the protocol tests open (small, written for the test; real manifests live in ../shared). */
import { daemonSet } from '../helpers/manifests';

export const BAD_ENUM = daemonSet(`      tolerations:
        - key: node-role.kubernetes.io/control-plane
          operator: Exists
          effect: NoSchedul
      containers:
        - name: agent
          image: busybox:1.36
          imagePullPolic: Always
`);

/** Line and value of the bad effect in BAD_ENUM. */
export const EFFECT_LINE = 16;

export const REMOVED_API = BAD_ENUM.replace('apiVersion: apps/v1', 'apiVersion: extensions/v1beta1');

export const CONFIGMAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  effect: NoSchedul
  imagePullPolic: Always
`;

export const NOT_KUBERNETES = `# docker-compose style file: not a Kubernetes object
services:
  web:
    image: nginx:1.27
    ports: ["8080:80"]
    effect: NoSchedul
`;

export function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${JSON.stringify(needle)} not in text`);
  const before = text.slice(0, offset + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}

/** LSP 3.18 allows Markdown messages; this server sends plain strings. */
export function messageOf(d: { message: string | { value: string } }): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}
