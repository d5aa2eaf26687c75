// Waiting on the real VS Code API: every wait is for a condition, bounded by a timeout.
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'daemonset-tools.daemonset-tools';
export const TIMEOUT_MS = 20_000;

/** test/fixtures/workspace: the opened folder, or found from this bundle (dist/test/vscode/suite). */
export function fixturesDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (folder && path.basename(folder) === 'workspace') return folder;
  return path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'workspace');
}

export function fixtureUri(name: string): vscode.Uri {
  return vscode.Uri.file(path.join(fixturesDir(), name));
}

export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(name));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Calls `probe` until `accept` holds; on timeout fails with what was seen last. */
export async function waitFor<T>(what: string, probe: () => T | Thenable<T>, accept: (value: T) => boolean, timeoutMs = TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await probe();
      if (accept(last)) return last;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const seen = lastError ? `error ${String(lastError)}` : JSON.stringify(last, null, 1)?.slice(0, 2000);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${seen}`);
    }
    // Re-probe when something changes, or at the latest after a short poll interval:
    // language-feature providers register asynchronously and emit no event we could await.
    await new Promise<void>((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics(() => done());
      const timer = setTimeout(() => done(), 200);
      function done() {
        sub.dispose();
        clearTimeout(timer);
        resolve();
      }
    });
  }
}

export function diagnosticsFrom(uri: vscode.Uri, source: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === source);
}

/** The rule id, whether the server sent a bare code or a code with a documentation link. */
export function ruleId(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

/** The position right after `prefix` on the first line of `doc` that contains it. */
export function positionAfter(doc: vscode.TextDocument, prefix: string): vscode.Position {
  for (let line = 0; line < doc.lineCount; line++) {
    const col = doc.lineAt(line).text.indexOf(prefix);
    if (col !== -1) return new vscode.Position(line, col + prefix.length);
  }
  throw new Error(`"${prefix}" not found in ${doc.uri.fsPath}`);
}

/** A position inside the mapping key `key` (e.g. `tolerations:` or `- effect:`), not in a comment. */
export function keyPosition(doc: vscode.TextDocument, key: string): vscode.Position {
  const re = new RegExp(`^(\\s*(?:-\\s+)?)${key}\\s*:`);
  for (let line = 0; line < doc.lineCount; line++) {
    const m = re.exec(doc.lineAt(line).text);
    if (m) return new vscode.Position(line, m[1].length + Math.floor(key.length / 2));
  }
  throw new Error(`no "${key}:" key in ${doc.uri.fsPath}`);
}

export function completionLabels(list: vscode.CompletionList | undefined): string[] {
  return (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

export function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}
