/** The walkthrough's example: a DaemonSet with a deliberate mistake, opened as an untitled copy. */
import * as vscode from 'vscode';

export async function openExample(extensionUri: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  const uri = vscode.Uri.joinPath(extensionUri, 'media', 'walkthrough', 'example.yaml');
  let content: string;
  try {
    content = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} could not be read: {1}', uri.fsPath, e instanceof Error ? e.message : String(e)));
    return undefined;
  }
  // An untitled copy: fixing it must not change the file shipped with the extension.
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content });
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}
