/**
 * The language service: one object that owns every cache, over the pure analyses and presenters
 * (after yaml-language-server's `getLanguageService`). A file is split at `---` into documents;
 * each document's analysis is cached by its text, so a keystroke re-analyses only the document it
 * changed, and diagnostics, code actions, CodeLens, hover and the panel all read that one analysis.
 * Configuration (severities, inventory, locale) is part of every analysis: changing it drops them.
 */
import type { CompletionItem, Hover } from 'vscode-languageserver-types';
import { analyzeDocument, type DocumentAnalysis } from '../analysis/document';
import { inventoryHints, inventoryLabel, type InventoryHints } from '../placement/inventory';
import { computePlacement } from '../placement/placement';
import type { Inventory } from '../placement/types';
import type { SeveritySetting } from '../rules/types';
import { parseFile, splitDocuments, type Segment } from '../yaml/document';
import type { Position, Range } from '../yaml/types';
import { fixAll, quickFixes, type Action } from './codeActions';
import { complete } from './completion';
import { finish, placeDocument, shift, tooLargeDiagnostics, type AnalyzeOptions, type Placed } from './diagnostics';
import { hover } from './hover';
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

export interface CodeLensView {
  line: number;
  title: string;
}

export interface LanguageService {
  /** Replaces the configuration; analyses made under the old one are dropped. */
  configure(config: ServiceConfig): void;
  readonly config: Readonly<ServiceConfig>;
  diagnostics(text: string, options?: DocumentOptions): Diagnostic[];
  completion(text: string, position: Position): CompletionItem[];
  hover(text: string, position: Position): Hover | null;
  /** Quick fixes of the diagnostics overlapping `range` and the fix-all action. */
  codeActions(text: string, range: Range, options?: DocumentOptions): { quickFixes: Action[]; fixAll?: Action };
  codeLenses(text: string): CodeLensView[];
  /** Every placeable DaemonSet of the text with its placement, offsets and lines in the whole text. */
  placements(text: string): DaemonSetPlacementView[];
  /** The placement panel's data for the DaemonSet at `line` (the only one, or none), compared with `baselineText`. */
  panel(text: string, line?: number, baselineText?: string): PanelView;
  /** The inventory's labels and taints (cached per inventory). */
  hints(): InventoryHints | undefined;
}

export interface PanelView {
  daemonSets: { name: string; namespace?: string; line: number }[];
  /** Index of the DaemonSet under the cursor, or -1. */
  active: number;
  daemonSet?: PanelDaemonSet;
}

/** Documents kept per cache (a file of 4,000 DaemonSets stays warm). */
const MAX_DOCUMENTS = 4000;

interface Entry {
  analysis: DocumentAnalysis;
  placed?: Placed[];
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
    if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value as K);
    this.map.set(key, value);
  }
  clear(): void {
    this.map.clear();
  }
}

export function createLanguageService(initial: ServiceConfig = {}): LanguageService {
  let config: ServiceConfig = initial;
  // Whole documents and kustomize patches are analysed differently (no missing-field checks in a patch).
  const documents = { whole: new Lru<string, Entry>(MAX_DOCUMENTS), partial: new Lru<string, Entry>(MAX_DOCUMENTS) };
  let hintsFor: { inventory: Inventory; hints: InventoryHints } | undefined;

  const hintsOf = (inventory: Inventory): InventoryHints => {
    if (hintsFor?.inventory !== inventory) hintsFor = { inventory, hints: inventoryHints(inventory) };
    return hintsFor.hints;
  };

  function entry(text: string, partial: boolean): Entry {
    const cache = partial ? documents.partial : documents.whole;
    let e = cache.get(text);
    if (!e) {
      e = {
        analysis: analyzeDocument(parseFile(text), { rules: config.rules, partial, inventory: config.inventory, place: computePlacement, hints: hintsOf }),
      };
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

  function diagnostics(text: string, options: DocumentOptions = {}): Diagnostic[] {
    const partial = !!options.partial;
    const opts = analyzeOptions(partial);
    const large = tooLargeDiagnostics(text, opts);
    if (large) return large;
    const placed: Placed[] = [];
    for (const segment of splitDocuments(text)) {
      const e = entry(segment.text, partial);
      e.placed ??= placeDocument(e.analysis);
      for (const p of e.placed) placed.push(shift(p, segment.startLine));
    }
    return finish(placed, opts);
  }

  const tooBig = (text: string) => config.maxFileSize !== undefined && text.length > config.maxFileSize;

  function placements(text: string): DaemonSetPlacementView[] {
    if (!config.inventory || tooBig(text)) return [];
    const out: DaemonSetPlacementView[] = [];
    for (const segment of splitDocuments(text)) {
      for (const v of placementViews(entry(segment.text, false).analysis)) out.push(shiftView(v, segment.startLine));
    }
    return out;
  }

  /** The document holding a line, and its first line. */
  function segmentAt(text: string, line: number): Segment {
    const segments = splitDocuments(text);
    let found = segments[0];
    for (const s of segments) if (s.startLine <= line) found = s;
    return found;
  }

  return {
    get config() {
      return config;
    },
    configure(next: ServiceConfig): void {
      config = next;
      documents.whole.clear();
      documents.partial.clear();
    },
    diagnostics,
    completion(text, position) {
      if (tooBig(text)) return [];
      return complete(text, position, { hints: config.inventory ? hintsOf(config.inventory) : undefined });
    },
    hover(text, position) {
      if (tooBig(text)) return null;
      const inventory = config.inventory;
      if (!inventory) return hover(text, position);
      const segment = segmentAt(text, position.line);
      const views = placementViews(entry(segment.text, false).analysis);
      const line = position.line - segment.startLine;
      const view = views.find((v) => line >= v.line && line <= v.endLine);
      return hover(text, position, view ? (path) => placementHover(view.value, view.placement, inventory, path) : undefined);
    },
    codeActions(text, range, options = {}) {
      const all = diagnostics(text, options);
      return { quickFixes: quickFixes(all, range), fixAll: fixAll(all) };
    },
    codeLenses(text) {
      const inventory = config.inventory;
      if (!inventory) return [];
      const name = inventoryLabel(inventory).replace(/^the /, '');
      return placements(text).map((p) => ({ line: p.line, title: placementSummary(p.placement, name) }));
    },
    placements,
    panel(text, line, baselineText) {
      const views = placements(text);
      let active = line === undefined ? (views.length ? 0 : -1) : views.findIndex((v) => line >= v.line && line <= v.endLine);
      if (active < 0 && views.length === 1) active = 0;
      const out: PanelView = { daemonSets: views.map((v) => ({ name: v.name, namespace: v.namespace, line: v.line })), active };
      if (active >= 0) {
        const view = views[active];
        const baseline = baselineText === undefined ? undefined : placements(baselineText).find((v) => v.name === view.name && v.namespace === view.namespace);
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
