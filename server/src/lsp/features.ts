/** Completion, hover, code actions and CodeLens: each asks the language service, then converts to LSP. */
import { CodeActionKind, CompletionTriggerKind, type CodeAction } from 'vscode-languageserver/node';
import type { ServerContext } from './context';
import { menuTitle, toLspDiagnostic } from './convert';

/** A trigger character answers only right after `key: ` or `- `, where a value or item starts. */
function triggeredInPlace(text: string, line: number, character: number): boolean {
  const lineText = text.split('\n', line + 1)[line] ?? '';
  return /(:|^\s*-) $/.test(lineText.slice(0, character));
}

export function registerFeatures(ctx: ServerContext): void {
  const { connection, documents, guard } = ctx;

  connection.onCompletion((params) =>
    guard('completion', null, () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return null;
      const text = doc.getText();
      if (params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter && !triggeredInPlace(text, params.position.line, params.position.character))
        return null;
      return { isIncomplete: false, items: ctx.service.completion(text, params.position) };
    }),
  );

  connection.onHover((params) =>
    guard('hover', null, () => {
      const doc = documents.get(params.textDocument.uri);
      return doc ? ctx.service.hover(doc.getText(), params.position) : null;
    }),
  );

  connection.onCodeAction((params) =>
    guard('code actions', [] as CodeAction[], () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      const only = params.context.only;
      const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
      const actions = ctx.service.codeActions(doc.getText(), params.range, { partial: ctx.isPatch(doc.uri) });
      const out: CodeAction[] = [];
      if (wants(CodeActionKind.QuickFix)) {
        for (const a of actions.quickFixes) {
          out.push({
            title: menuTitle(a.title),
            kind: CodeActionKind.QuickFix,
            isPreferred: a.isPreferred,
            diagnostics: a.diagnostic ? [toLspDiagnostic(a.diagnostic)] : undefined,
            edit: { changes: { [doc.uri]: a.edits } },
          });
        }
      }
      // Kinds are hierarchical: `only: ['source.fixAll']` (a global fix-all on save) and `['source']`
      // both ask for ours, which is why fix-all carries mechanical fixes only (service/codeActions.ts).
      if (actions.fixAll && wants(actions.fixAll.kind)) {
        out.push({ title: actions.fixAll.title, kind: actions.fixAll.kind, edit: { changes: { [doc.uri]: actions.fixAll.edits } } });
      }
      return out;
    }),
  );

  connection.onCodeLens((params) =>
    guard('code lens', [], () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      return ctx.service.codeLenses(doc.getText()).map((lens) => ({
        range: { start: { line: lens.line, character: 0 }, end: { line: lens.line, character: 0 } },
        command: { title: lens.title, command: 'daemonset.showPlacement', arguments: [doc.uri, lens.line] },
      }));
    }),
  );
}
