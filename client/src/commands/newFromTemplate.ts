/** DaemonSet: New DaemonSet from Template — an untitled YAML document from client/src/templates. */
import * as vscode from 'vscode';
import { findTemplate, TEMPLATES, templateText, type DaemonSetTemplate, type TemplateId } from '../templates/index';

/** Localised titles and descriptions, by template id (the templates module stays free of vscode). */
function describe(id: TemplateId): { title: string; detail: string } {
  switch (id) {
    case 'log-collector':
      return { title: vscode.l10n.t('Log collector'), detail: vscode.l10n.t('Ships container logs from every node; read-only /var/log') };
    case 'node-exporter':
      return { title: vscode.l10n.t('Node exporter'), detail: vscode.l10n.t('Node metrics on port 9100; host network, non-root, read-only host mounts') };
    case 'gpu-device-plugin':
      return { title: vscode.l10n.t('GPU device plugin'), detail: vscode.l10n.t('Advertises nvidia.com/gpu on GPU nodes; tolerates the GPU taint') };
    case 'gpu-monitor':
      return { title: vscode.l10n.t('GPU monitor'), detail: vscode.l10n.t('GPU metrics on GPU nodes; tolerates the GPU taint') };
    case 'cni-agent':
      return { title: vscode.l10n.t('CNI agent'), detail: vscode.l10n.t('Pod networking on every node; tolerates every taint') };
    case 'security-agent':
      return { title: vscode.l10n.t('Security agent'), detail: vscode.l10n.t('Runtime security with eBPF; capabilities instead of privileged mode') };
  }
}

/** Opens the template as an untitled YAML document; with a template id, skips the quick pick. */
export async function newFromTemplate(id?: unknown): Promise<vscode.TextDocument | undefined> {
  let template: DaemonSetTemplate | undefined;
  if (typeof id === 'string') {
    template = findTemplate(id);
    if (!template) {
      void vscode.window.showErrorMessage(vscode.l10n.t('There is no DaemonSet template "{0}". Templates: {1}', id, TEMPLATES.map((t) => t.id).join(', ')));
      return undefined;
    }
  } else {
    const picked = await vscode.window.showQuickPick(
      TEMPLATES.map((t) => {
        const d = describe(t.id);
        return { label: d.title, description: t.agent, detail: d.detail, template: t };
      }),
      { title: vscode.l10n.t('New DaemonSet from Template'), placeHolder: vscode.l10n.t('Which node agent?'), matchOnDescription: true, matchOnDetail: true },
    );
    template = picked?.template;
  }
  if (!template) return undefined;
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: templateText(template) });
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}
