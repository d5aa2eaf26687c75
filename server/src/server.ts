/**
 * The language server: LSP wiring only. Documents and settings go to the language service
 * (service/languageService.ts); the handlers of each concern live in lsp/. Nothing about
 * Kubernetes is decided here.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { InventoryManager } from './inventoryManager';
import { KustomizePatches } from './kustomize';
import { bundleDirFrom, configureLocale } from './l10n';
import type { ServerContext } from './lsp/context';
import { toLspDiagnostic } from './lsp/convert';
import { registerFeatures } from './lsp/features';
import { registerInventoryRequests } from './lsp/inventory';
import { registerPlacementRequest } from './lsp/placement';
import { runInSlices } from './lsp/slices';
import { defaultSettings, effectiveRules, mergeSettings, type Settings } from './lsp/settings';
import { Notifications } from './protocol';
import { KUBERNETES_VERSION } from './schema/schema';
import { FIX_ALL_KIND } from './service/codeActions';
import { createLanguageService } from './service/languageService';
import type { Diagnostic } from './service/types';

const DEBOUNCE_MS = 150;
/** Diagnostics published per file: sending more (200,000 of them are 90 MB of JSON) would hold the server for seconds. */
const MAX_PUBLISHED = 10_000;
/** What one request may analyse on its own, so that each is answered within a second on any file the server accepts. */
const EDITOR_LIMITS = { maxDocumentSize: 48 * 1024, viewBudget: 64 * 1024 };

function docsBaseUrl(): string {
  // dist/server.js → <extension>/docs/rules/
  for (const dir of [path.resolve(__dirname, '..', 'docs', 'rules'), path.resolve(__dirname, '..', '..', 'docs', 'rules')]) {
    if (existsSync(dir)) return pathToFileURL(dir).href + '/';
  }
  return pathToFileURL(path.resolve(__dirname, '..', 'docs', 'rules')).href + '/';
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let settings: Settings = defaultSettings;
  let supportsConfiguration = false;
  let redHatKubernetesSchema = false;
  let workspaceRoot: string | undefined;
  const timers = new Map<string, NodeJS.Timeout>();
  const docsBase = docsBaseUrl();
  const service = createLanguageService({}, EDITOR_LIMITS);
  const placementService = createLanguageService({}, EDITOR_LIMITS);

  const log = (msg: string) => connection.console.error(`[daemonset] ${msg}`);
  const guard = <T>(what: string, fallback: T, fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      log(`${what} failed: ${(e as Error).stack ?? e}`);
      return fallback;
    }
  };

  const inventories = new InventoryManager(
    () => {
      reconfigure();
      void connection.sendNotification(Notifications.inventoryChanged, inventories.info());
      void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    },
    () => workspaceRoot,
  );

  /** Settings, the inventory or the editor around changed: configure the service and check every open document again. */
  function reconfigure(): void {
    const maxFileSize = settings.maxFileSizeMB * 1024 * 1024;
    const rules = effectiveRules(settings, redHatKubernetesSchema);
    service.configure({ rules, inventory: settings.placement.enabled ? inventories.current : undefined, docsBaseUrl: docsBase, maxFileSize });
    // With placement off the panel still judges against the inventory in use, through a service of its own.
    if (!settings.placement.enabled) placementService.configure({ rules, inventory: inventories.current, docsBaseUrl: docsBase, maxFileSize });
    else placementService.configure({});
    documents.all().forEach((d) => schedule(d, 0));
  }

  const filePath = (uri: string) => (uri.startsWith('file:') ? guard('file URI', undefined, () => fileURLToPath(uri)) : undefined);
  // The kustomization beside a file is read off the diagnostics pass; once known, the file is checked again.
  const kustomize = new KustomizePatches({
    warn: log,
    learned: (file) => documents.all().forEach((d) => filePath(d.uri) === file && schedule(d, 0)),
  });
  const isPatch = (uri: string) => {
    const file = filePath(uri);
    return file !== undefined && guard('kustomize lookup', false, () => kustomize.isPatch(file));
  };

  /** Diagnostics under way per document: a newer version or a close stops them. */
  const validations = new Map<string, { stopped: boolean }>();
  const stopValidation = (uri: string) => {
    const running = validations.get(uri);
    if (running) running.stopped = true;
    validations.delete(uri);
  };

  /** Checks a document in slices (one document of the file per step), so requests are answered meanwhile; publishes when done. */
  function validate(doc: TextDocument): void {
    stopValidation(doc.uri);
    const job = { stopped: false };
    validations.set(doc.uri, job);
    const { uri, version } = doc;
    const publish = (diagnostics: Diagnostic[]) =>
      void connection.sendDiagnostics({ uri, version, diagnostics: service.atMost(diagnostics, MAX_PUBLISHED).map(toLspDiagnostic) });
    let long = false;
    const steps = guard('validation', undefined, () => service.diagnosticSteps(doc.getText(), { partial: isPatch(uri) }));
    if (!steps) return publish([]);
    runInSlices(steps, { stop: () => job.stopped, onLong: () => (long = true) }).then(
      (diagnostics) => {
        if (!diagnostics || job.stopped) return;
        validations.delete(uri);
        publish(diagnostics);
        // CodeLens asked meanwhile saw only the documents analysed by then.
        if (long) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
      },
      (e: unknown) => {
        if (job.stopped) return;
        validations.delete(uri);
        log(`validation failed: ${(e as Error).stack ?? e}`);
        publish([]);
      },
    );
  }

  function schedule(doc: TextDocument, delay = DEBOUNCE_MS): void {
    stopValidation(doc.uri);
    clearTimeout(timers.get(doc.uri));
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (current) validate(current);
      }, delay),
    );
  }

  connection.onInitialize((params): InitializeResult => {
    // VS Code's language client sends the display language; messages follow it (English without a bundle).
    configureLocale(params.locale, bundleDirFrom(__dirname));
    supportsConfiguration = !!params.capabilities.workspace?.configuration;
    const init = params.initializationOptions as (Partial<Settings> & { redHatKubernetesSchema?: boolean }) | undefined;
    if (init) settings = mergeSettings(init);
    redHatKubernetesSchema = init?.redHatKubernetesSchema === true;
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    if (folder?.startsWith('file:')) workspaceRoot = fileURLToPath(folder);
    reconfigure();
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [' ', ':', '-'], resolveProvider: false },
        hoverProvider: true,
        // Our own fix-all sub-kind (as `source.fixAll.eslint`); it applies only mechanical fixes,
        // because a user's `"source.fixAll"` on save matches sub-kinds too.
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'daemonset-language-server', version: `0.1.0 (Kubernetes ${KUBERNETES_VERSION})` },
    };
  });

  connection.onInitialized(() => {
    if (supportsConfiguration) void refreshSettings();
    else void inventories.configure(settings.inventory);
  });

  async function refreshSettings(): Promise<void> {
    try {
      settings = mergeSettings((await connection.workspace.getConfiguration('daemonset')) as Partial<Settings> | null);
    } catch {
      settings = defaultSettings;
    }
    reconfigure();
    void inventories.configure(settings.inventory);
  }

  connection.onDidChangeConfiguration((change) => {
    if (supportsConfiguration) return void refreshSettings();
    settings = mergeSettings(change.settings?.daemonset as Partial<Settings>);
    reconfigure();
    void inventories.configure(settings.inventory);
  });

  connection.onNotification(Notifications.environment, (env) => {
    redHatKubernetesSchema = env?.redHatKubernetesSchema === true;
    reconfigure();
  });

  // Open: check at once. (TextDocuments also reports the opening as a change; that version is done.)
  const validated = new Map<string, number>();
  documents.onDidOpen((e) => {
    validate(e.document);
    validated.set(e.document.uri, e.document.version);
  });
  documents.onDidChangeContent((e) => {
    if (validated.get(e.document.uri) === e.document.version) return;
    schedule(e.document);
  });
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    stopValidation(e.document.uri);
    validated.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  const ctx: ServerContext = {
    connection,
    documents,
    service,
    placementService: () => (settings.placement.enabled ? service : placementService),
    inventories,
    settings: () => settings,
    isPatch,
    guard,
  };
  registerFeatures(ctx);
  registerPlacementRequest(ctx);
  registerInventoryRequests(ctx);
  connection.onShutdown(() => inventories.dispose());

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
