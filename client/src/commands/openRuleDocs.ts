/** DaemonSet: Open Rule Documentation — the rule pages shipped in docs/rules, in the Markdown preview. */
import * as vscode from 'vscode';

interface RulePage {
  id: string;
  title?: string;
  uri: vscode.Uri;
}

const RULE_ID_RE = /^[a-z0-9][a-z0-9-]*$/;

async function rulePages(extensionUri: vscode.Uri): Promise<RulePage[]> {
  const dir = vscode.Uri.joinPath(extensionUri, 'docs', 'rules');
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(dir);
  } catch {
    return [];
  }
  const pages = entries
    .filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.md') && name.toLowerCase() !== 'readme.md' && name.toLowerCase() !== 'index.md')
    .map(([name]) => ({ id: name.slice(0, -3), uri: vscode.Uri.joinPath(dir, name) }))
    .sort((a, b) => a.id.localeCompare(b.id));
  // The first heading names the rule; the pages are small and few.
  return Promise.all(
    pages.map(async (p) => {
      try {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(p.uri));
        // "# `rule-id` — Title": the id is the label already.
        const heading = /^#[ \t]+(\S.*)$/m.exec(text)?.[1]?.replace(/`/g, '').trim();
        const title = heading?.startsWith(p.id) ? heading.slice(p.id.length).replace(/^\s*[—:-]\s*/, '') : heading;
        return { ...p, title: title || undefined };
      } catch {
        return p;
      }
    }),
  );
}

/** The rule id from a string, or from a diagnostic-like `{ value }` code. */
function ruleIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object' && typeof (arg as { value?: unknown }).value === 'string') return (arg as { value: string }).value;
  return undefined;
}

export async function openRuleDocs(extensionUri: vscode.Uri, arg?: unknown): Promise<vscode.Uri | undefined> {
  const pages = await rulePages(extensionUri);
  if (pages.length === 0) {
    void vscode.window.showErrorMessage(vscode.l10n.t('No rule documentation was found in {0}.', vscode.Uri.joinPath(extensionUri, 'docs', 'rules').fsPath));
    return undefined;
  }
  const wanted = ruleIdOf(arg);
  let page: RulePage | undefined;
  if (wanted !== undefined) {
    page = RULE_ID_RE.test(wanted) ? pages.find((p) => p.id === wanted) : undefined;
    if (!page) {
      void vscode.window.showErrorMessage(vscode.l10n.t('There is no documentation for the rule "{0}".', wanted));
      return undefined;
    }
  } else {
    const picked = await vscode.window.showQuickPick(
      pages.map((p) => ({ label: p.id, description: p.title, page: p })),
      { title: vscode.l10n.t('Open Rule Documentation'), placeHolder: vscode.l10n.t('Rule id, as shown in the diagnostic code'), matchOnDescription: true },
    );
    page = picked?.page;
  }
  if (!page) return undefined;
  await vscode.commands.executeCommand('markdown.showPreview', page.uri);
  return page.uri;
}
