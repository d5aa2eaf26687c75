/**
 * Is Red Hat's YAML extension checking Kubernetes manifests against a Kubernetes schema?
 * Then it already reports unknown fields, wrong types and missing required fields, and the
 * server leaves those to it (setting `daemonset.schemaChecks`: auto) so one problem is reported once.
 */
import * as vscode from 'vscode';

export function redHatKubernetesSchemaActive(): boolean {
  const ext = vscode.extensions.getExtension('redhat.vscode-yaml');
  if (!ext) return false;
  const yaml = vscode.workspace.getConfiguration('yaml');
  if (yaml.get<boolean>('validate') === false) return false;
  const schemas = yaml.get<Record<string, unknown>>('schemas') ?? {};
  return Object.keys(schemas).some((k) => /kubernetes/i.test(k));
}
