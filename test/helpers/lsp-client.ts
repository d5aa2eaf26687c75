/**
 * A small real LSP client for tests and the bench: spawns the built server
 * (`dist/server.js --stdio`), speaks JSON-RPC over its stdio, answers
 * `workspace/configuration` from `settings`, and records every publishDiagnostics.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import {
  CodeActionRequest,
  CompletionRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type CodeAction,
  type Command,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type InitializeResult,
  type Position,
  type PublishDiagnosticsParams,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { repoRoot } from './paths';

export const serverPath = path.join(repoRoot, 'dist', 'server.js');

export interface StartOptions {
  /** Settings by section, e.g. `{ daemonset: { rules: { 'invalid-enum': 'off' } } }`. */
  settings?: Record<string, unknown>;
  /** Announce the workspace.configuration capability (default true). */
  configuration?: boolean;
  initializationOptions?: unknown;
  /** InitializeParams.locale, as VS Code's language client sends its display language (e.g. 'ko'). */
  locale?: string;
  /** Default timeout of requests and waits, ms. */
  timeoutMs?: number;
  /** The server process's working directory (default: this process's). */
  cwd?: string;
  /** The workspace folder announced at initialize (default: none). */
  workspaceFolder?: string;
}

interface Waiter {
  match: (p: PublishDiagnosticsParams, seq: number) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
}

const live = new Set<ChildProcessWithoutNullStreams>();
// A failing test must not leave a server behind.
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export class LspClient {
  settings: Record<string, unknown>;
  readonly published: PublishDiagnosticsParams[] = [];
  stderr = '';
  initializeResult?: InitializeResult;
  readonly exited: Promise<number | null>;
  private readonly waiters = new Set<Waiter>();
  private readonly timeoutMs: number;

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? {};
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.exited = new Promise((resolve) =>
      child.once('exit', (code) => {
        live.delete(child);
        resolve(code);
      }),
    );
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (s: string) => {
      this.stderr += s;
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      const seq = this.published.length - 1;
      for (const w of [...this.waiters]) {
        if (w.match(p, seq)) {
          this.waiters.delete(w);
          w.resolve(p);
        }
      }
    });
    connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => (item.section ? (this.settings[item.section] ?? null) : this.settings)),
    );
    // The server may log through window/logMessage; keep it in stderr for failure messages.
    connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.stderr += `${p.message}\n`;
    });
  }

  /** Spawns the built server and runs initialize/initialized. */
  static async start(options: StartOptions = {}): Promise<LspClient> {
    if (!existsSync(serverPath)) throw new Error(`${serverPath} is missing: run \`npm run build\` first`);
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], cwd: options.cwd });
    live.add(child);
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.onError(() => undefined);
    connection.listen();
    const client = new LspClient(child, connection, options);
    try {
      client.initializeResult = await client.request(InitializeRequest.type.method, {
        processId: process.pid,
        rootUri: options.workspaceFolder ? pathToFileURL(options.workspaceFolder).href : null,
        capabilities: {
          workspace: { configuration: options.configuration ?? true, didChangeConfiguration: { dynamicRegistration: false } },
          textDocument: {
            publishDiagnostics: { relatedInformation: false, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
            completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
            hover: { contentFormat: ['markdown', 'plaintext'] },
            codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
          },
        },
        initializationOptions: options.initializationOptions,
        locale: options.locale,
        workspaceFolders: options.workspaceFolder ? [{ uri: pathToFileURL(options.workspaceFolder).href, name: path.basename(options.workspaceFolder) }] : null,
      });
      await connection.sendNotification(InitializedNotification.type, {});
    } catch (e) {
      client.kill();
      throw e;
    }
    return client;
  }

  /** A request that fails after `timeoutMs` instead of hanging the test. */
  async request<R>(method: string, params: unknown, timeoutMs = this.timeoutMs): Promise<R> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${method} got no answer within ${timeoutMs} ms${this.stderrTail()}`)), timeoutMs);
    });
    try {
      return await Promise.race([this.connection.sendRequest(method, params) as Promise<R>, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async open(uri: string, text: string, version = 1, languageId = 'yaml'): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces the whole text (a full-content change is valid under incremental sync too). */
  async change(uri: string, text: string, version: number): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Sets the settings the client answers with, then tells the server they changed. */
  async setSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  /** Index of the next publish: pass as `since` to wait for a publish after this point. */
  mark(): number {
    return this.published.length;
  }

  /** The first publishDiagnostics for `uri` (at `version`, from index `since`, satisfying `where`). */
  waitForDiagnostics(
    uri: string,
    options: { version?: number; since?: number; where?: (d: Diagnostic[]) => boolean; timeoutMs?: number } = {},
  ): Promise<PublishDiagnosticsParams> {
    const since = options.since ?? 0;
    const match = (p: PublishDiagnosticsParams, seq: number) =>
      seq >= since && p.uri === uri && (options.version === undefined || p.version === options.version) && (!options.where || options.where(p.diagnostics));
    for (let i = since; i < this.published.length; i++) if (match(this.published[i], i)) return Promise.resolve(this.published[i]);
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        match,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const seen = this.published.filter((p) => p.uri === uri).map((p) => `v${p.version}: ${p.diagnostics.map((d) => d.code).join(',') || 'none'}`);
        reject(
          new Error(
            `no matching diagnostics for ${uri} (version ${options.version ?? 'any'}) within ${timeoutMs} ms; seen: [${seen.join(' | ')}]${this.stderrTail()}`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  completion(uri: string, position: Position, timeoutMs?: number): Promise<CompletionItem[] | CompletionList | null> {
    return this.request(CompletionRequest.method, { textDocument: { uri }, position, context: { triggerKind: 1 } }, timeoutMs);
  }

  hover(uri: string, position: Position, timeoutMs?: number): Promise<Hover | null> {
    return this.request(HoverRequest.method, { textDocument: { uri }, position }, timeoutMs);
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[], timeoutMs?: number): Promise<(CodeAction | Command)[] | null> {
    return this.request(CodeActionRequest.method, { textDocument: { uri }, range, context: { diagnostics, only } }, timeoutMs);
  }

  /** shutdown + exit; resolves with the process's exit code. */
  async shutdown(timeoutMs = this.timeoutMs): Promise<number | null> {
    await this.request(ShutdownRequest.method, null, timeoutMs);
    await this.connection.sendNotification(ExitNotification.type);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`server did not exit within ${timeoutMs} ms after exit`)), timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
      this.connection.dispose();
    }
  }

  /** Ends the server if it is still running (for `after` hooks and failures). */
  kill(): void {
    this.connection.dispose();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  private stderrTail(): string {
    return this.stderr ? `\nserver stderr (tail):\n${this.stderr.slice(-2000)}` : '';
  }
}

/** Applies LSP text edits to a text (edits must not overlap; applied back to front). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: Position) =>
    Math.min((starts[p.line] ?? text.length) + p.character, p.line < starts.length ? (starts[p.line + 1] ?? text.length + 1) - 1 : text.length);
  const sorted = edits.map((e) => ({ s: offset(e.range.start), e: offset(e.range.end), t: e.newText })).sort((a, b) => b.s - a.s || b.e - a.e);
  let out = text;
  for (const { s, e, t } of sorted) out = out.slice(0, s) + t + out.slice(e);
  return out;
}
