/**
 * The language server: LSP wiring only. Documents, settings and requests go to the pure
 * language service; nothing about Kubernetes is decided here.
 */
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { existsSync } from 'node:fs';
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText, complete, fixAll, hover, quickFixes, KUBERNETES_VERSION, type Diagnostic, type SeveritySetting } from './service';
import { isKustomizePatch } from './kustomize';

export interface Settings {
  rules: Record<string, SeveritySetting>;
  maxFileSizeMB: number;
}

const defaults: Settings = { rules: {}, maxFileSizeMB: 5 };
const DEBOUNCE_MS = 150;

function docsBaseUrl(): string {
  // dist/server.js → <extension>/docs/rules/
  for (const dir of [path.resolve(__dirname, '..', 'docs', 'rules'), path.resolve(__dirname, '..', '..', 'docs', 'rules')]) {
    if (existsSync(dir)) return pathToFileURL(dir).href + '/';
  }
  return pathToFileURL(path.resolve(__dirname, '..', 'docs', 'rules')).href + '/';
}

const severityToLsp: Record<string, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  return {
    range: d.range,
    severity: severityToLsp[d.severity],
    code: d.code,
    codeDescription: d.docUrl ? { href: d.docUrl } : undefined,
    source: d.source,
    message: d.message,
    data: { path: d.path },
  };
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let settings: Settings = defaults;
  let supportsConfiguration = false;
  const timers = new Map<string, NodeJS.Timeout>();
  const docsBase = docsBaseUrl();

  const log = (msg: string) => connection.console.error(`[daemonset] ${msg}`);
  const guard = <T>(what: string, fallback: T, fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      log(`${what} failed: ${(e as Error).stack ?? e}`);
      return fallback;
    }
  };

  function analyze(doc: TextDocument): Diagnostic[] {
    const partial = doc.uri.startsWith('file:') ? guard('kustomize lookup', false, () => isKustomizePatch(new URL(doc.uri).pathname)) : false;
    return analyzeText(doc.getText(), { rules: settings.rules, partial, docsBaseUrl: docsBase, maxFileSize: settings.maxFileSizeMB * 1024 * 1024 });
  }

  function validate(doc: TextDocument): void {
    const diagnostics = guard('validation', [] as Diagnostic[], () => analyze(doc));
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: diagnostics.map(toLspDiagnostic) });
  }

  function schedule(doc: TextDocument, delay = DEBOUNCE_MS): void {
    clearTimeout(timers.get(doc.uri));
    timers.set(doc.uri, setTimeout(() => {
      timers.delete(doc.uri);
      const current = documents.get(doc.uri);
      if (current) validate(current);
    }, delay));
  }

  connection.onInitialize((params): InitializeResult => {
    supportsConfiguration = !!params.capabilities.workspace?.configuration;
    const init = params.initializationOptions as Partial<Settings> | undefined;
    if (init) settings = { ...defaults, ...init };
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [' ', ':', '-'], resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
      },
      serverInfo: { name: 'daemonset-language-server', version: `0.1.0 (Kubernetes ${KUBERNETES_VERSION})` },
    };
  });

  connection.onInitialized(() => {
    if (supportsConfiguration) void refreshSettings();
  });

  async function refreshSettings(): Promise<void> {
    try {
      const conf = (await connection.workspace.getConfiguration('daemonset')) as Partial<Settings> | null;
      settings = { ...defaults, ...(conf ?? {}) };
    } catch {
      settings = defaults;
    }
    documents.all().forEach((d) => schedule(d, 0));
  }

  connection.onDidChangeConfiguration((change) => {
    if (supportsConfiguration) void refreshSettings();
    else {
      settings = { ...defaults, ...((change.settings?.daemonset as Partial<Settings>) ?? {}) };
      documents.all().forEach((d) => schedule(d, 0));
    }
  });

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCompletion((params) =>
    guard('completion', null, () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return null;
      const text = doc.getText();
      if (text.length > settings.maxFileSizeMB * 1024 * 1024) return null;
      if (params.context?.triggerKind === 2 /* TriggerCharacter */) {
        const line = text.split('\n', params.position.line + 1)[params.position.line] ?? '';
        const before = line.slice(0, params.position.character);
        if (!/(:|^\s*-) $/.test(before)) return null;
      }
      return { isIncomplete: false, items: complete(text, params.position) };
    }),
  );

  connection.onHover((params) =>
    guard('hover', null, () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return null;
      const text = doc.getText();
      if (text.length > settings.maxFileSizeMB * 1024 * 1024) return null;
      return hover(text, params.position);
    }),
  );

  connection.onCodeAction((params) =>
    guard('code actions', [] as CodeAction[], () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      const diagnostics = analyze(doc);
      const only = params.context.only;
      const out: CodeAction[] = [];
      const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
      if (wants(CodeActionKind.QuickFix)) {
        for (const a of quickFixes(diagnostics, params.range)) {
          out.push({ title: a.title, kind: CodeActionKind.QuickFix, isPreferred: a.isPreferred, diagnostics: a.diagnostic ? [toLspDiagnostic(a.diagnostic)] : undefined, edit: { changes: { [doc.uri]: a.edits } } });
        }
      }
      if (wants(CodeActionKind.SourceFixAll) || (only?.includes(CodeActionKind.Source) ?? false)) {
        const all = fixAll(diagnostics);
        if (all) out.push({ title: all.title, kind: CodeActionKind.SourceFixAll, edit: { changes: { [doc.uri]: all.edits } } });
      }
      return out;
    }),
  );

  documents.listen(connection);
  connection.listen();
}

process.on('uncaughtException', (e) => {
  process.stderr.write(`[daemonset] uncaught: ${e.stack ?? e}\n`);
});

if (require.main === module) {
  if (process.argv.includes('--version')) {
    process.stdout.write(`daemonset-language-server 0.1.0 (Kubernetes ${KUBERNETES_VERSION})\n`);
    process.exit(0);
  }
  startServer(createConnection(ProposedFeatures.all));
}
