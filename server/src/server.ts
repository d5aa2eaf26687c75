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
import {
  analyzeText,
  complete,
  daemonSetAtLine,
  fixAll,
  hover,
  inventoryHints,
  inventoryLabel,
  placementHover,
  placementsOfText,
  placementSummary,
  quickFixes,
  targetedNodes,
  KUBERNETES_VERSION,
  type Diagnostic,
  type SeveritySetting,
} from './service';
import { isKustomizePatch } from './kustomize';
import { defaultInventorySettings, InventoryManager, type InventorySettings } from './inventoryManager';
import { listContexts, snapshotToFile } from './inventory/cluster';
import { Notifications, Requests, type ContextsAnswer, type PlacementAnswer, type PlacementParams } from './protocol';
import { bundleDirFrom, configureLocale } from './l10n';

export interface Settings {
  rules: Record<string, SeveritySetting>;
  maxFileSizeMB: number;
  inventory: InventorySettings;
  placement: { enabled: boolean };
  /** auto: leave unknown-field, invalid-type and missing-required to Red Hat's YAML extension when it checks Kubernetes schemas. */
  schemaChecks: 'auto' | 'on' | 'off';
}

/** Reported by Red Hat's YAML extension too, when it has a Kubernetes schema. */
const REDHAT_OVERLAP = ['unknown-field', 'invalid-type', 'missing-required'];

const defaults: Settings = { rules: {}, maxFileSizeMB: 5, inventory: defaultInventorySettings, placement: { enabled: true }, schemaChecks: 'auto' };

function mergeSettings(conf: Partial<Settings> | null | undefined): Settings {
  const c = conf ?? {};
  return {
    rules: c.rules && typeof c.rules === 'object' ? c.rules : {},
    maxFileSizeMB: typeof c.maxFileSizeMB === 'number' && c.maxFileSizeMB > 0 ? c.maxFileSizeMB : defaults.maxFileSizeMB,
    inventory: { ...defaultInventorySettings, ...(c.inventory ?? {}) },
    placement: { enabled: c.placement?.enabled !== false },
    schemaChecks: c.schemaChecks === 'on' || c.schemaChecks === 'off' ? c.schemaChecks : 'auto',
  };
}
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

/** Menus show titles as plain text: `code` spans read better as 'quoted' words there. */
function menuTitle(title: string): string {
  return title.replace(/`([^`]+)`/g, "'$1'");
}

/** Severities the user set explicitly win over the dedupe. */
function pickExplicit(rules: Record<string, SeveritySetting>): Record<string, SeveritySetting> {
  return Object.fromEntries(Object.entries(rules).filter(([, v]) => typeof v === 'string'));
}

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
  let redHatKubernetesSchema = false;
  const timers = new Map<string, NodeJS.Timeout>();
  const docsBase = docsBaseUrl();
  let workspaceRoot: string | undefined;
  const inventories = new InventoryManager(
    () => {
      void connection.sendNotification(Notifications.inventoryChanged, inventories.info());
      documents.all().forEach((d) => schedule(d, 0));
      void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    },
    () => workspaceRoot,
  );
  const inventory = () => (settings.placement.enabled ? inventories.current : undefined);
  const tooBig = (text: string) => text.length > settings.maxFileSizeMB * 1024 * 1024;

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
    return analyzeText(doc.getText(), { rules: effectiveRules(), partial, docsBaseUrl: docsBase, maxFileSize: settings.maxFileSizeMB * 1024 * 1024, inventory: inventory() });
  }

  /** The user's severities, plus the overlap with Red Hat's YAML extension turned off when it applies. */
  function effectiveRules(): Record<string, SeveritySetting> {
    const dedupe = settings.schemaChecks === 'off' || (settings.schemaChecks === 'auto' && redHatKubernetesSchema);
    if (!dedupe) return settings.rules;
    return { ...Object.fromEntries(REDHAT_OVERLAP.map((id) => [id, 'off' as const])), ...pickExplicit(settings.rules) };
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
    // VS Code's language client sends the display language; messages follow it (English without a bundle).
    configureLocale(params.locale, bundleDirFrom(__dirname));
    supportsConfiguration = !!params.capabilities.workspace?.configuration;
    const init = params.initializationOptions as (Partial<Settings> & { redHatKubernetesSchema?: boolean }) | undefined;
    if (init) settings = mergeSettings(init);
    redHatKubernetesSchema = init?.redHatKubernetesSchema === true;
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    if (folder?.startsWith('file:')) workspaceRoot = new URL(folder).pathname;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [' ', ':', '-'], resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
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
      const conf = (await connection.workspace.getConfiguration('daemonset')) as Partial<Settings> | null;
      settings = mergeSettings(conf);
    } catch {
      settings = defaults;
    }
    documents.all().forEach((d) => schedule(d, 0));
    void inventories.configure(settings.inventory);
  }

  connection.onDidChangeConfiguration((change) => {
    if (supportsConfiguration) void refreshSettings();
    else {
      settings = mergeSettings(change.settings?.daemonset as Partial<Settings>);
      documents.all().forEach((d) => schedule(d, 0));
      void inventories.configure(settings.inventory);
    }
  });

  connection.onNotification('daemonset/environment', (env: { redHatKubernetesSchema?: boolean }) => {
    redHatKubernetesSchema = env?.redHatKubernetesSchema === true;
    documents.all().forEach((d) => schedule(d, 0));
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
    validated.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCompletion((params) =>
    guard('completion', null, () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return null;
      const text = doc.getText();
      if (tooBig(text)) return null;
      if (params.context?.triggerKind === 2 /* TriggerCharacter */) {
        const line = text.split('\n', params.position.line + 1)[params.position.line] ?? '';
        const before = line.slice(0, params.position.character);
        if (!/(:|^\s*-) $/.test(before)) return null;
      }
      const inv = inventory();
      return { isIncomplete: false, items: complete(text, params.position, { hints: inv ? inventoryHints(inv) : undefined }) };
    }),
  );

  connection.onHover((params) =>
    guard('hover', null, () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return null;
      const text = doc.getText();
      if (tooBig(text)) return null;
      const inv = inventory();
      const ds = inv ? daemonSetAtLine(text, params.position.line) : undefined;
      return hover(text, params.position, ds && inv ? (path) => placementHover(ds, inv, path) : undefined);
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
          out.push({ title: menuTitle(a.title), kind: CodeActionKind.QuickFix, isPreferred: a.isPreferred, diagnostics: a.diagnostic ? [toLspDiagnostic(a.diagnostic)] : undefined, edit: { changes: { [doc.uri]: a.edits } } });
        }
      }
      if (wants(CodeActionKind.SourceFixAll) || (only?.includes(CodeActionKind.Source) ?? false)) {
        const all = fixAll(diagnostics);
        if (all) out.push({ title: all.title, kind: CodeActionKind.SourceFixAll, edit: { changes: { [doc.uri]: all.edits } } });
      }
      return out;
    }),
  );

  connection.onCodeLens((params) =>
    guard('code lens', [], () => {
      const doc = documents.get(params.textDocument.uri);
      const inv = inventory();
      if (!doc || !inv || tooBig(doc.getText())) return [];
      const name = inventoryLabel(inv).replace(/^the /, '');
      return placementsOfText(doc.getText(), inv).map((p) => ({
        range: { start: { line: p.line, character: 0 }, end: { line: p.line, character: 0 } },
        command: { title: placementSummary(p.placement, name), command: 'daemonset.showPlacement', arguments: [doc.uri, p.line] },
      }));
    }),
  );

  connection.onRequest(Requests.placement, (params: PlacementParams): PlacementAnswer | null =>
    guard('placement', null, () => {
      const doc = documents.get(params.uri);
      const inv = inventories.current;
      const text = doc?.getText();
      if (text === undefined || tooBig(text)) return { inventory: inventories.info(), daemonSets: [], active: -1 };
      const views = placementsOfText(text, inv);
      const line = params.position?.line;
      let active = line === undefined ? (views.length ? 0 : -1) : views.findIndex((v) => line >= doc!.positionAt(v.start).line && line <= doc!.positionAt(v.end).line);
      if (active < 0 && views.length === 1) active = 0;
      let changes: PlacementAnswer['changes'];
      if (active >= 0 && params.baselineText !== undefined && !tooBig(params.baselineText)) {
        const before = placementsOfText(params.baselineText, inv).find((v) => v.name === views[active].name && v.namespace === views[active].namespace);
        if (before) {
          const now = targetedNodes(views[active].placement);
          const then = targetedNodes(before.placement);
          changes = { gained: [...now].filter((n) => !then.has(n)), lost: [...then].filter((n) => !now.has(n)) };
        }
      }
      return {
        inventory: inventories.info(),
        active,
        changes,
        daemonSets: views.map((v) => ({ name: v.name, namespace: v.namespace, line: v.line, range: { start: doc!.positionAt(v.start), end: doc!.positionAt(v.end) }, placement: v.placement })),
      };
    }),
  );
  connection.onRequest(Requests.inventory, () => inventories.info());
  connection.onRequest(Requests.refreshInventory, async () => {
    await inventories.refresh();
    return inventories.info();
  });
  connection.onRequest(Requests.listContexts, async (params: { kubeconfig?: string } | undefined): Promise<ContextsAnswer> => {
    try {
      const c = await listContexts(params?.kubeconfig || settings.inventory.kubeconfig || undefined);
      return { current: c.current, contexts: c.contexts.map((x) => ({ name: x.name, cluster: x.cluster, namespace: x.namespace })) };
    } catch (e) {
      return { contexts: [], error: (e as Error).message };
    }
  });
  connection.onRequest(Requests.snapshot, () => guard('snapshot', null, () => snapshotToFile(inventories.current)));
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
