/**
 * The extension side of the placement page: follows the active YAML editor, asks the language
 * server for placement, posts the panel state to every open page (the sidebar view and the
 * panel beside the editor), and carries out what a page asks for. Decides nothing about
 * Kubernetes: the server computes everything the page shows, including each reason's YAML range
 * and the edits that remedy it.
 */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Requests, type InventoryInfo, type PlacementAnswer, type PlacementParams } from '../../../server/src/protocol';
import { makeNonce, pageHtml } from './html';
import type { FromPage, ToPage } from './messages';
import { panelState, type PanelState } from './model';
import { panelStrings } from './strings';
import { answerKey, answerStillValid, checkPageMessage, StatePoster, type AnswerKey, type Shown, type TextEdit } from './sync';

/** Typing and cursor moves settle this long before the panel asks the server again. */
const DEBOUNCE_MS = 200;
/** Only a slow answer shows the progress bar (a quick one would just flicker it). */
const BUSY_AFTER_MS = 300;

interface Page {
  webview: vscode.Webview;
  beside: boolean;
  ready: boolean;
  visible: () => boolean;
}

export class PlacementPanel implements vscode.Disposable {
  private readonly pages = new Set<Page>();
  private readonly disposables: vscode.Disposable[] = [];
  /** The YAML editor the panel follows; kept while focus is in the panel itself. */
  private target: vscode.TextEditor | undefined;
  private state: PanelState = { empty: 'noEditor' };
  /** The last answer and the document it is for: what a page's reveal or fix is looked up in. */
  private lastAnswer: { uri: string; answer: PlacementAnswer } | undefined;
  /** What the state shown was computed from: a cursor move that stays inside it asks the server nothing. */
  private lastKey: AnswerKey | undefined;
  /** Bumped when the inventory, the settings or the server change: answers computed before no longer hold. */
  private epoch = 0;
  /** The state each page was last sent: a page gets only what changed since. */
  private readonly poster = new StatePoster<Page>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;
  /** An update was skipped because no page was visible. */
  private pendingWhileHidden = false;
  private view: vscode.WebviewView | undefined;
  private besidePanel: vscode.WebviewPanel | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    /** InventoryState.onDidChange: the client keeps one handler per notification, so the panel never subscribes itself. */
    onInventoryChanged?: vscode.Event<unknown>,
  ) {
    this.target = usable(vscode.window.activeTextEditor);
    const w = vscode.window;
    const ws = vscode.workspace;
    this.disposables.push(
      w.onDidChangeActiveTextEditor((e) => {
        // Focus in a webview or the output panel leaves no active editor: keep following the last one.
        if (!e || e.document.uri.scheme === 'output') return;
        this.target = e;
        this.refresh(0);
      }),
      w.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document.uri.scheme === 'output') return;
        if (e.textEditor !== this.target) this.target = e.textEditor;
        this.refresh(DEBOUNCE_MS);
      }),
      ws.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && e.document === this.target?.document) this.refresh(DEBOUNCE_MS);
      }),
      ws.onDidSaveTextDocument((d) => {
        if (d === this.target?.document) this.refresh(0);
      }),
      ws.onDidCloseTextDocument((d) => {
        if (d === this.target?.document) {
          this.target = usable(w.activeTextEditor);
          this.refresh(0);
        }
      }),
    );
    const invalidate = () => {
      this.epoch++;
      this.refresh(0);
    };
    this.disposables.push(
      ws.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('daemonset')) invalidate();
      }),
      client.onDidChangeState(invalidate),
    );
    if (onInventoryChanged) this.disposables.push(onInventoryChanged(invalidate));
  }

  // ------------------------------------------------------------ pages

  /** Sets up a webview (the sidebar view's or the beside panel's) with the page. */
  attach(webview: vscode.Webview, beside: boolean, visible: () => boolean): vscode.Disposable {
    const media = vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'media');
    webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [media] };
    webview.html = pageHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce((n) => randomBytes(n)),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'panel.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'panel.css')).toString(),
      codiconsUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'codicons', 'codicon.css')).toString(),
      lang: vscode.env.language,
      title: vscode.l10n.t('DaemonSet placement'),
    });
    const page: Page = { webview, beside, ready: false, visible };
    this.pages.add(page);
    const sub = webview.onDidReceiveMessage((m: FromPage) => void this.onMessage(page, m));
    return new vscode.Disposable(() => {
      sub.dispose();
      this.pages.delete(page);
      this.poster.forget(page);
    });
  }

  resolveView(view: vscode.WebviewView): void {
    this.view = view;
    const attached = this.attach(view.webview, false, () => view.visible);
    view.onDidChangeVisibility(() => {
      if (view.visible && this.pendingWhileHidden) this.refresh(0);
    });
    view.onDidDispose(() => {
      attached.dispose();
      if (this.view === view) this.view = undefined;
    });
  }

  openBeside(): void {
    if (this.besidePanel) {
      this.besidePanel.reveal(undefined, true);
      return;
    }
    const media = vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'media');
    const panel = vscode.window.createWebviewPanel(
      'daemonset.placementBeside',
      vscode.l10n.t('DaemonSet placement'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [media] },
    );
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'media', 'daemonset.svg');
    this.besidePanel = panel;
    const attached = this.attach(panel.webview, true, () => panel.visible);
    panel.onDidChangeViewState(() => {
      if (panel.visible && this.pendingWhileHidden) this.refresh(0);
    });
    panel.onDidDispose(() => {
      attached.dispose();
      this.besidePanel = undefined;
    });
  }

  /** The CodeLens and palette entry: follow that DaemonSet and bring a page into view. */
  async show(uri?: string | vscode.Uri, line?: number): Promise<void> {
    if (uri !== undefined) {
      const u = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
      const doc = await vscode.workspace.openTextDocument(u);
      const pos = new vscode.Position(typeof line === 'number' && line >= 0 ? line : 0, 0);
      const existing = vscode.window.visibleTextEditors.find((e) => e.document === doc);
      const editor = await vscode.window.showTextDocument(doc, {
        viewColumn: existing?.viewColumn,
        preserveFocus: false,
        selection: typeof line === 'number' ? new vscode.Range(pos, pos) : undefined,
      });
      this.target = editor;
    }
    if (this.besidePanel) this.besidePanel.reveal(undefined, true);
    else if (this.view) this.view.show(true);
    else await vscode.commands.executeCommand('daemonset.placement.focus');
    this.refresh(0);
  }

  // ------------------------------------------------------------ state

  private post(page: Page, m: ToPage): void {
    void page.webview.postMessage(m);
  }

  private broadcast(m: ToPage): void {
    for (const p of this.pages) if (p.ready) this.post(p, m);
  }

  /** Sends each ready page what changed since its last state (nothing when nothing did). */
  private broadcastState(state: PanelState): void {
    for (const p of this.pages) {
      if (!p.ready) continue;
      const m = this.poster.message(p, state);
      if (m) this.post(p, m);
    }
  }

  refresh(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  private async update(): Promise<void> {
    if (![...this.pages].some((p) => p.visible())) {
      this.pendingWhileHidden = true;
      return;
    }
    this.pendingWhileHidden = false;
    const seq = ++this.seq;
    // The cursor moved inside the DaemonSet shown, nothing else changed: the answer would be the same.
    const editor = this.target;
    if (
      editor &&
      !editor.document.isClosed &&
      answerStillValid(this.lastKey, {
        uri: editor.document.uri.toString(),
        version: editor.document.version,
        dirty: editor.document.isDirty,
        epoch: this.epoch,
        line: editor.selection.active.line,
      })
    )
      return;
    const busy = setTimeout(() => this.broadcast({ type: 'busy', busy: true }), BUSY_AFTER_MS);
    try {
      const state = await this.compute();
      if (seq !== this.seq) return; // a newer update is under way
      this.state = state;
      this.broadcastState(state);
    } finally {
      clearTimeout(busy);
      if (seq === this.seq) this.broadcast({ type: 'busy', busy: false });
    }
  }

  private async inventoryInfo(): Promise<InventoryInfo | undefined> {
    if (!this.client.isRunning()) return undefined;
    return (await this.client.sendRequest(Requests.inventory).then(undefined, () => undefined)) ?? undefined;
  }

  private async compute(): Promise<PanelState> {
    this.lastKey = undefined;
    const epoch = this.epoch;
    const editor = this.target;
    if (!this.client.isRunning()) return { empty: 'serverStarting' };
    if (!editor || editor.document.isClosed) return { empty: 'noEditor', inventory: await this.inventoryInfo() };
    const doc = editor.document;
    const fileName = path.basename(doc.uri.path) || doc.uri.toString();
    if (doc.languageId !== 'yaml') return { empty: 'notYaml', fileName, uri: doc.uri.toString(), inventory: await this.inventoryInfo() };
    const params: PlacementParams = {
      uri: doc.uri.toString(),
      position: { line: editor.selection.active.line, character: editor.selection.active.character },
      baselineText: doc.isDirty ? await savedText(doc.uri) : undefined,
    };
    let answer: PlacementAnswer | null;
    try {
      answer = await this.client.sendRequest(Requests.placement, params);
    } catch (e) {
      return { empty: 'error', error: e instanceof Error ? e.message : String(e), uri: params.uri, fileName };
    }
    if (!answer) return { empty: 'error', error: vscode.l10n.t('The language server returned no placement.'), uri: params.uri, fileName };
    this.lastAnswer = { uri: params.uri, answer };
    if (epoch === this.epoch) this.lastKey = answerKey(params.uri, doc.isDirty, epoch, answer);
    return panelState(answer, { uri: params.uri, fileName, dirty: doc.isDirty });
  }

  // ------------------------------------------------------------ page requests

  /** The document and answer a page's request is checked against: the ones the panel shows. */
  private shown(): Shown | undefined {
    const uri = this.state.uri;
    if (!uri || this.lastAnswer?.uri !== uri) return undefined;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    return { uri, lineCount: doc && !doc.isClosed ? doc.lineCount : 0, answer: this.lastAnswer.answer };
  }

  private async onMessage(page: Page, m: FromPage): Promise<void> {
    const checked = checkPageMessage(m, this.shown());
    if (!checked.ok) {
      // A page asks only for what it shows; anything else is a stale page or a page not to be trusted.
      this.client.outputChannel.appendLine(vscode.l10n.t('Placement panel: ignored a message from the page ({0})', checked.why));
      return;
    }
    const r = checked.request;
    try {
      switch (r.type) {
        case 'ready': {
          // A (re)loaded page starts from a fresh answer, not from an empty state that flashes by.
          const seqAtStart = this.seq;
          const state = await this.compute().catch(() => this.state);
          this.state = state;
          page.ready = true;
          this.poster.sent(page, state);
          this.post(page, { type: 'init', strings: panelStrings(vscode.l10n), state, beside: page.beside });
          // An update that finished meanwhile went only to pages that were ready then.
          if (this.seq !== seqAtStart) this.refresh(0);
          return;
        }
        case 'reveal':
          return await this.reveal(r.uri, r.range);
        case 'goToLine':
          return await this.reveal(r.uri, { start: { line: r.line, character: 0 }, end: { line: r.line, character: 0 } });
        case 'applyFix':
          return await this.applyFix(r.uri, r.edits);
        case 'selectInventory':
          await vscode.commands.executeCommand('daemonset.selectInventory');
          return;
        case 'refreshInventory':
          // The command updates the status bar too, and the change comes back through onInventoryChanged.
          await vscode.commands.executeCommand('daemonset.refreshInventory');
          this.epoch++;
          this.refresh(0);
          return;
      }
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('DaemonSet placement: {0}', e instanceof Error ? e.message : String(e)));
    }
  }

  private async editorFor(uri: string): Promise<vscode.TextEditor> {
    const u = vscode.Uri.parse(uri);
    const doc = await vscode.workspace.openTextDocument(u);
    const existing = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    // Reuse the editor's column so the panel beside it stays where it is.
    return vscode.window.showTextDocument(doc, { viewColumn: existing?.viewColumn ?? this.target?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
  }

  private async reveal(uri: string, r: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<void> {
    const editor = await this.editorFor(uri);
    const sel = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
    editor.selection = new vscode.Selection(sel.start, sel.end);
    editor.revealRange(sel, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    this.target = editor;
  }

  /**
   * Applies a remedy the server computed for the version of the file it answered for. A file that
   * changed since gets no edit (it would land in the wrong place): the panel refreshes instead.
   */
  private async applyFix(uri: string, edits: TextEdit[]): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    if (this.lastAnswer?.uri !== uri || this.lastAnswer.answer.version !== doc.version) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The file changed since the panel was drawn; the panel is up to date again, try once more.'));
      this.refresh(0);
      return;
    }
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits)
      edit.replace(doc.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
    await vscode.workspace.applyEdit(edit);
    this.refresh(0);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.besidePanel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function usable(e: vscode.TextEditor | undefined): vscode.TextEditor | undefined {
  return e && e.document.uri.scheme !== 'output' ? e : undefined;
}

/** The file as last saved (the baseline for "what changed"); undefined for untitled or unreadable files. */
async function savedText(uri: vscode.Uri): Promise<string | undefined> {
  if (uri.scheme !== 'file' && uri.scheme !== 'vscode-remote') return undefined;
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
