/** Completion, hover, code actions and CodeLens: each asks the language service, then converts to LSP. */
import { CodeActionKind, CompletionTriggerKind, type CodeAction } from 'vscode-languageserver/node';
import type { ServerContext } from './context';
import { menuTitle, toLspDiagnostic } from './convert';
import { runInSlices } from './slices';

/** How long an explicit fix-all request waits for the file's diagnostics, ms (the answer must come within a second). */
const FIX_ALL_WAIT_MS = 300;

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

  connection.onCodeAction(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const { version } = doc;
    const text = doc.getText();
    const partial = guard('kustomize lookup', false, () => ctx.isPatch(doc.uri));
    // The light bulb (no `only`, on every cursor move) reads only the documents under the cursor.
    // Fix-all reads the whole file: asked for explicitly (a source action, on save), it waits for
    // the file's diagnostics a bounded time, in slices, and is left out if they are not ready.
    let fixAllReady = false;
    if (params.context.only?.some((o) => o.startsWith(CodeActionKind.Source))) {
      const steps = guard('code actions', undefined, () => ctx.service.diagnosticSteps(text, { partial }));
      const stale = () => token.isCancellationRequested || documents.get(doc.uri)?.version !== version;
      fixAllReady = !!steps && (await runInSlices(steps, { stop: stale, deadlineMs: FIX_ALL_WAIT_MS }).catch(() => undefined)) !== undefined;
      if (stale()) return [];
    }
    return guard('code actions', [] as CodeAction[], () => {
      const only = params.context.only;
      const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
      const actions = ctx.service.codeActions(text, params.range, { partial, fixAll: fixAllReady });
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
    });
  });

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
