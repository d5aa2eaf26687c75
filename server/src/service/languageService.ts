/**
 * The language service: one object that owns every cache, over the pure analyses and presenters
 * (after yaml-language-server's `getLanguageService`). A file is split at `---` into documents;
 * each document's analysis is cached by its text, so a keystroke re-analyses only the document it
 * changed, and diagnostics, code actions, CodeLens, hover and the panel all read that one analysis.
 * Configuration (severities, inventory, locale) is part of every analysis: changing it drops them.
 *
 * Large files stay answerable: a document without a DaemonSet is not parsed at all, a document
 * above `limits.maxDocumentSize` is declined with one message, code actions and hover read only
 * the documents under the cursor, diagnostics come one document per step (`diagnosticSteps`, the
 * server yields between steps), and CodeLens and the panel analyse at most `limits.viewBudget`
 * characters of documents the diagnostics have not reached yet. No clock here: the front decides
 * when to step.
 */
import type { CompletionItem, Hover } from 'vscode-languageserver-types';
import { analyzeDocument, emptyAnalysis, type DocumentAnalysis } from '../analysis/document';
import { inventoryHints, inventoryLabel, type InventoryHints } from '../placement/inventory';
import { computePlacement } from '../placement/placement';
import type { Inventory } from '../placement/types';
import type { SeveritySetting } from '../rules/types';
import { parseFile, splitDocuments, type Segment } from '../yaml/document';
import type { Position, Range, TextEdit } from '../yaml/types';
import { fixAll, quickFixes, type Action } from './codeActions';
import { complete } from './completion';
import { finish, placeDocument, shift, tooLargeDiagnostics, type AnalyzeOptions, type Placed } from './diagnostics';
import { t } from '../l10n';
import { hover, type HoverExtra } from './hover';
import { placementHover, placementSummary, placementViews, shiftView, type DaemonSetPlacementView } from './placement';
import { panelDaemonSet } from './panel';
import type { Diagnostic } from './types';
import type { PanelDaemonSet } from '../protocol';

export interface ServiceConfig {
  /** Severity per rule id (`daemonset.rules`). */
  rules?: Record<string, SeveritySetting>;
  /** The nodes placement is judged against; undefined turns placement off. */
  inventory?: Inventory;
  /** Base URL of the rule pages. */
  docsBaseUrl?: string;
  /** Files above this many characters are declined with one message. */
  maxFileSize?: number;
}

export interface DocumentOptions {
  /** The file is a kustomize patch: a partial object. */
  partial?: boolean;
}

export interface CodeActionOptions extends DocumentOptions {
  /** Compute the fix-all action, which reads every document of the file (default true). */
  fixAll?: boolean;
}

/** What an editor can afford per request; unset (the CLI, tests) means no limit. */
export interface ServiceLimits {
  /** A DaemonSet document above this many characters is declined with one message instead of analysed. */
  maxDocumentSize?: number;
  /** CodeLens and the panel analyse at most this many characters of documents not analysed yet; the others wait for diagnostics. */
  viewBudget?: number;
}

export interface CodeLensView {
  line: number;
  title: string;
}

export interface LanguageService {
  /** Replaces the configuration; analyses made under the old one are dropped. */
  configure(config: ServiceConfig): void;
  readonly config: Readonly<ServiceConfig>;
  diagnostics(text: string, options?: DocumentOptions): Diagnostic[];
  /**
   * The same diagnostics, one document per step: each `next()` analyses at most one document, and
   * the last returns the diagnostics. The front steps it between other work (and may stop early).
   */
  diagnosticSteps(text: string, options?: DocumentOptions): Generator<void, Diagnostic[], void>;
  completion(text: string, position: Position): CompletionItem[];
  hover(text: string, position: Position): Hover | null;
  /** Quick fixes of the diagnostics overlapping `range` (only its documents are analysed) and the fix-all action. */
  codeActions(text: string, range: Range, options?: CodeActionOptions): { quickFixes: Action[]; fixAll?: Action };
  codeLenses(text: string): CodeLensView[];
  /** Every placeable DaemonSet of the text with its placement, offsets and lines in the whole text. */
  placements(text: string): DaemonSetPlacementView[];
  /** The placement panel's data for the DaemonSet at `line` (the only one, or none), compared with `baselineText`. */
  panel(text: string, line?: number, baselineText?: string): PanelView;
  /** The inventory's labels and taints (cached per inventory). */
  hints(): InventoryHints | undefined;
  /** At most `max` of a file's diagnostics, the most severe first, and one message saying how many more there are. */
  atMost(diagnostics: Diagnostic[], max: number): Diagnostic[];
}

export interface PanelView {
  daemonSets: { name: string; namespace?: string; line: number }[];
  /** Index of the DaemonSet under the cursor, or -1. */
  active: number;
  daemonSet?: PanelDaemonSet;
}

/**
 * What the analyses kept per cache may weigh, in estimated bytes of memory: a file at the 5 MB
 * cap of realistic DaemonSets (3,000 documents, about 175 MB) fits whole.
 */
const MAX_CACHED_WEIGHT = 256 * 1024 * 1024;
/** The estimated memory of a DaemonSet document's analysis (measured: 32 KB for a 200-character one, 54 KB for 1.5 KB). */
const analysisWeight = (text: string) => 28 * 1024 + 17 * text.length;
/** An entry that parsed nothing. */
const EMPTY_WEIGHT = 512;
/** What analysing a document costs beyond its length, in characters' worth (for the view budget). */
const DOCUMENT_OVERHEAD = 4096;
/** Files whose documents and whole-file diagnostics are remembered. */
const MAX_FILES = 4;

interface Entry {
  analysis: DocumentAnalysis;
  placed?: Placed[];
  /** The finished diagnostics of the document moved to the line it last started on. */
  at?: { line: number; diagnostics: Diagnostic[] };
  weight: number;
}

/**
 * A map bounded by the total weight of its values that forgets the least recently used entries
 * first, but never one used since the current pass began (`pass()`): when every entry is that
 * recent, a new one is not kept. A pass over more documents than fit (a diagnostics run over a
 * file) then keeps finding the ones that did fit, instead of evicting each just before it is
 * needed again (plain LRU: no hit at all past the bound, the cliff seen at 4,000 documents).
 */
class Cache<K, V> {
  private readonly map = new Map<K, { value: V; pass: number }>();
  private total = 0;
  private current = 0;
  constructor(
    private readonly max: number,
    private readonly weigh: (v: V) => number,
  ) {}
  /** A new pass begins: what it uses from now on is protected from its own evictions. */
  pass(): void {
    this.current++;
  }
  get(key: K): V | undefined {
    const hit = this.map.get(key);
    if (hit === undefined) return undefined;
    this.map.delete(key);
    hit.pass = this.current;
    this.map.set(key, hit);
    return hit.value;
  }
  set(key: K, value: V): void {
    const old = this.map.get(key);
    if (old !== undefined) {
      this.total -= this.weigh(old.value);
      this.map.delete(key);
    }
    const weight = this.weigh(value);
    while (this.total + weight > this.max && this.map.size > 0) {
      const [k, oldest] = this.map.entries().next().value as [K, { value: V; pass: number }];
      if (oldest.pass === this.current) return;
      this.map.delete(k);
      this.total -= this.weigh(oldest.value);
    }
    this.map.set(key, { value, pass: this.current });
    this.total += weight;
  }
  clear(): void {
    this.map.clear();
    this.total = 0;
  }
}

/** A bounded map that forgets the least recently used entry first. */
class Lru<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly max: number) {}
  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: K, value: V): void {
    this.map.delete(key);
    if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value as K);
    this.map.set(key, value);
  }
  clear(): void {
    this.map.clear();
  }
}

/** Any DaemonSet a document could hold names its kind: a document without the word has nothing to check. */
const mayHoldDaemonSet = (text: string) => text.includes('DaemonSet');

function shiftRange(r: Range, lines: number): Range {
  return { start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } };
}

/** A completion item of a document moved to the document's place in the file. */
function shiftEdit(item: CompletionItem, lines: number): void {
  const e = item.textEdit as { range?: Range } | undefined;
  if (e?.range) e.range = shiftRange(e.range, lines);
  if (item.additionalTextEdits) item.additionalTextEdits = item.additionalTextEdits.map((a) => ({ ...a, range: shiftRange(a.range, lines) }));
}

export function createLanguageService(initial: ServiceConfig = {}, limits: ServiceLimits = {}): LanguageService {
  let config: ServiceConfig = initial;
  // Whole documents and kustomize patches are analysed differently (no missing-field checks in a patch).
  const weigh = (e: Entry) => e.weight;
  const documents = { whole: new Cache<string, Entry>(MAX_CACHED_WEIGHT, weigh), partial: new Cache<string, Entry>(MAX_CACHED_WEIGHT, weigh) };
  // A file's documents, and its diagnostics once every document was analysed (under the current configuration).
  const splits = new Lru<string, Segment[]>(MAX_FILES);
  const files = { whole: new Lru<string, Diagnostic[]>(MAX_FILES), partial: new Lru<string, Diagnostic[]>(MAX_FILES) };
  let generation = 0;
  let hintsFor: { inventory: Inventory; hints: InventoryHints } | undefined;

  const hintsOf = (inventory: Inventory): InventoryHints => {
    if (hintsFor?.inventory !== inventory) hintsFor = { inventory, hints: inventoryHints(inventory) };
    return hintsFor.hints;
  };

  const declined = (text: string) => limits.maxDocumentSize !== undefined && text.length > limits.maxDocumentSize && mayHoldDaemonSet(text);

  /** The one message of a document too large to analyse in the editor, on its first line. */
  function declinedFinding(text: string): Placed {
    const kb = (n: number) => Math.ceil(n / 1024).toFixed(0);
    const finding = {
      rule: 'file-too-large',
      path: [],
      message: t(
        'This document is {0} KB; DaemonSet checks are off in the editor for a document above {1} KB. Run `daemonset-check` on the file instead.',
        kb(text.length),
        kb(limits.maxDocumentSize ?? 0),
      ),
    };
    const line = text.startsWith('---') ? 1 : 0;
    return { finding, range: { start: { line, character: 0 }, end: { line, character: 0 } } };
  }

  function cached(text: string, partial: boolean): Entry | undefined {
    return (partial ? documents.partial : documents.whole).get(text);
  }

  function entry(text: string, partial: boolean): Entry {
    const cache = partial ? documents.partial : documents.whole;
    let e = cache.get(text);
    if (!e) {
      if (declined(text)) e = { analysis: emptyAnalysis(text), placed: [declinedFinding(text)], weight: EMPTY_WEIGHT };
      else if (!mayHoldDaemonSet(text)) e = { analysis: emptyAnalysis(text), placed: [], weight: EMPTY_WEIGHT };
      else {
        const analysis = analyzeDocument(parseFile(text), {
          rules: config.rules,
          partial,
          inventory: config.inventory,
          place: computePlacement,
          hints: hintsOf,
        });
        e = { analysis, weight: analysisWeight(text) };
      }
      cache.set(text, e);
    }
    return e;
  }

  const analyzeOptions = (partial: boolean): AnalyzeOptions => ({
    rules: config.rules,
    partial,
    inventory: config.inventory,
    docsBaseUrl: config.docsBaseUrl,
    maxFileSize: config.maxFileSize,
  });

  /** The documents of a file (remembered for the last few files: every request of a keystroke splits the same text). */
  function segmentsOf(text: string): Segment[] {
    let s = splits.get(text);
    if (!s) splits.set(text, (s = splitDocuments(text)));
    return s;
  }

  /** The diagnostics of one document of a file, on the file's lines. */
  function documentDiagnostics(segment: Segment, partial: boolean): Diagnostic[] {
    const e = entry(segment.text, partial);
    if (e.at?.line === segment.startLine) return e.at.diagnostics;
    e.placed ??= placeDocument(e.analysis);
    const diagnostics = finish(
      e.placed.map((p) => shift(p, segment.startLine)),
      analyzeOptions(partial),
    );
    e.at = { line: segment.startLine, diagnostics };
    return diagnostics;
  }

  function* diagnosticSteps(text: string, options: DocumentOptions = {}): Generator<void, Diagnostic[], void> {
    const partial = !!options.partial;
    const memo = partial ? files.partial : files.whole;
    const known = memo.get(text);
    if (known) return known;
    const large = tooLargeDiagnostics(text, analyzeOptions(partial));
    if (large) return large;
    (partial ? documents.partial : documents.whole).pass();
    const started = generation;
    const out: Diagnostic[] = [];
    for (const segment of segmentsOf(text)) {
      for (const d of documentDiagnostics(segment, partial)) out.push(d);
      yield;
    }
    // A configuration that changed meanwhile made part of this answer stale: do not remember it.
    if (started === generation) memo.set(text, out);
    return out;
  }

  function diagnostics(text: string, options: DocumentOptions = {}): Diagnostic[] {
    const steps = diagnosticSteps(text, options);
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
    }
  }

  const tooBig = (text: string) => config.maxFileSize !== undefined && text.length > config.maxFileSize;

  /**
   * A spender of the view budget: true when a document may be analysed now (it is cached, holds
   * no DaemonSet, or its cost fits what is left); each document costs its length plus a fixed
   * overhead, so many tiny documents are bounded too.
   */
  function budget(partial = false): (text: string) => boolean {
    let left = limits.viewBudget ?? Infinity;
    return (text) => {
      if (!mayHoldDaemonSet(text) || declined(text) || cached(text, partial)) return true;
      const cost = text.length + DOCUMENT_OVERHEAD;
      if (cost > left) return false;
      left -= cost;
      return true;
    };
  }

  /**
   * Placement views of the file's documents. With a view budget, a document not analysed yet is
   * analysed only while the budget lasts (the one at `line` always); the others are left out
   * until the diagnostics reach them.
   */
  function placements(text: string, line?: number): DaemonSetPlacementView[] {
    if (!config.inventory || tooBig(text)) return [];
    const affordable = budget();
    const out: DaemonSetPlacementView[] = [];
    const segments = segmentsOf(text);
    const mine = line === undefined ? -1 : segmentIndexAt(segments, line);
    segments.forEach((segment, i) => {
      if (i !== mine && !affordable(segment.text)) return;
      for (const v of placementViews(entry(segment.text, false).analysis)) out.push(shiftView(v, segment.startLine));
    });
    return out;
  }

  /** The index of the document holding a line. */
  function segmentIndexAt(segments: Segment[], line: number): number {
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segments[mid].startLine <= line) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * The diagnostics of the documents a range touches (and of the one before, when the range starts
   * on a document's first line). Past the range's first document, a document not analysed yet is
   * read only within the view budget (a selection of the whole file does not analyse it all).
   */
  function diagnosticsAround(text: string, range: Range, partial: boolean): Diagnostic[] {
    const segments = segmentsOf(text);
    const at = segmentIndexAt(segments, range.start.line);
    const first = at > 0 && range.start.line === segments[at].startLine ? at - 1 : at;
    const last = segmentIndexAt(segments, range.end.line);
    const affordable = budget(partial);
    const out: Diagnostic[] = [];
    for (let i = first; i <= last; i++) {
      const segment = segments[i];
      if (i > at && !affordable(segment.text)) continue;
      for (const d of documentDiagnostics(segment, partial)) out.push(d);
    }
    return out;
  }

  /**
   * Fix-all of a file, document by document (edits of two documents never meet), so that its cost
   * grows with the file, not with the square of its fixes.
   */
  function fixAllOf(text: string, all: Diagnostic[]): Action | undefined {
    const segments = segmentsOf(text);
    let action: Action | undefined;
    const edits: TextEdit[] = [];
    let i = 0;
    segments.forEach((_, k) => {
      const end = k + 1 < segments.length ? segments[k + 1].startLine : Infinity;
      const mine: Diagnostic[] = [];
      for (; i < all.length && all[i].range.start.line < end; i++) mine.push(all[i]);
      const a = mine.length ? fixAll(mine) : undefined;
      if (!a) return;
      action ??= a;
      for (const e of a.edits) edits.push(e);
    });
    return action && { ...action, edits };
  }

  /** A position inside the document at its line, and that document. */
  function local(text: string, position: Position): { segment: Segment; position: Position } {
    const segments = segmentsOf(text);
    const segment = segments[segmentIndexAt(segments, position.line)];
    return { segment, position: { line: position.line - segment.startLine, character: position.character } };
  }

  return {
    get config() {
      return config;
    },
    configure(next: ServiceConfig): void {
      config = next;
      generation++;
      documents.whole.clear();
      documents.partial.clear();
      files.whole.clear();
      files.partial.clear();
    },
    diagnostics,
    diagnosticSteps,
    completion(text, position) {
      if (tooBig(text)) return [];
      // Only the cursor's document is read: its lines, not the file's.
      const { segment, position: at } = local(text, position);
      if (declined(segment.text)) return [];
      const items = complete(segment.text, at, { hints: config.inventory ? hintsOf(config.inventory) : undefined });
      if (segment.startLine) for (const item of items) shiftEdit(item, segment.startLine);
      return items;
    },
    hover(text, position) {
      if (tooBig(text)) return null;
      const { segment, position: at } = local(text, position);
      if (declined(segment.text)) return null;
      const inventory = config.inventory;
      let extra: HoverExtra | undefined;
      if (inventory) {
        const view = placementViews(entry(segment.text, false).analysis).find((v) => at.line >= v.line && at.line <= v.endLine);
        if (view) extra = (path) => placementHover(view.value, view.placement, inventory, path);
      }
      const h = hover(segment.text, at, extra);
      if (h?.range && segment.startLine) h.range = shiftRange(h.range, segment.startLine);
      return h;
    },
    codeActions(text, range, options = {}) {
      if (tooBig(text)) return { quickFixes: [] };
      const partial = !!options.partial;
      const quick = quickFixes(diagnosticsAround(text, range, partial), range);
      if (options.fixAll === false) return { quickFixes: quick };
      return { quickFixes: quick, fixAll: fixAllOf(text, diagnostics(text, options)) };
    },
    codeLenses(text) {
      const inventory = config.inventory;
      if (!inventory) return [];
      const name = inventoryLabel(inventory).replace(/^the /, '');
      return placements(text).map((p) => ({ line: p.line, title: placementSummary(p.placement, name) }));
    },
    placements: (text) => placements(text),
    atMost(list, max) {
      if (list.length <= max) return list;
      const rank = { error: 0, warning: 1, information: 2, hint: 3 };
      const kept = list
        .map((d, i) => ({ d, i }))
        .sort((a, b) => rank[a.d.severity] - rank[b.d.severity] || a.i - b.i)
        .slice(0, max)
        .sort((a, b) => a.i - b.i)
        .map(({ d }) => d);
      const finding = {
        rule: 'file-too-large',
        path: [],
        message: t(
          '{0} more problems in this file are not shown: the editor shows at most {1} per file, the most severe first. Run `daemonset-check` on it for all of them.',
          list.length - max,
          max,
        ),
      };
      return [...finish([{ finding, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }], analyzeOptions(false)), ...kept];
    },
    panel(text, line, baselineText) {
      const views = placements(text, line);
      let active = line === undefined ? (views.length ? 0 : -1) : views.findIndex((v) => line >= v.line && line <= v.endLine);
      if (active < 0 && views.length === 1) active = 0;
      const out: PanelView = { daemonSets: views.map((v) => ({ name: v.name, namespace: v.namespace, line: v.line })), active };
      if (active >= 0) {
        const view = views[active];
        const baseline =
          baselineText === undefined ? undefined : placements(baselineText, view.line).find((v) => v.name === view.name && v.namespace === view.namespace);
        out.daemonSet = panelDaemonSet(view, baseline);
      }
      return out;
    },
    hints() {
      return config.inventory ? hintsOf(config.inventory) : undefined;
    },
  };
}

/** Every diagnostic of a text, once (the CLI and tests): a language service of its own, used for one text. */
export function analyzeText(text: string, options: AnalyzeOptions = {}): Diagnostic[] {
  const { partial, ...config } = options;
  return createLanguageService(config).diagnostics(text, { partial });
}

/** Placement of every placeable DaemonSet of a text, once. */
export function placementsOfText(text: string, inventory: Inventory): DaemonSetPlacementView[] {
  return createLanguageService({ inventory }).placements(text);
}
