/**
 * Diagnostics: parse once, then run the schema walker and every rule on each DaemonSet,
 * apply the user's severities and in-file suppressions, and place each finding on a range.
 */
import { isMap, isSeq, type Node } from 'yaml';
import { rulesById, checkRules } from '../rules';
import type { Inventory } from '../placement/types';
import { findDaemonSets, locate, parseFile, rangeOf, splitDocuments, type DaemonSetRef, type ParsedDoc, type ParsedFile } from '../yaml/document';
import { Edits } from '../yaml/edits';
import { checkSchema } from '../rules/schema/walker';
import { addSelectorEdits } from '../rules/helpers/selector-fixes';
import { formatPath, type Range } from '../yaml/types';
import { SOURCE, type Diagnostic } from './types';
import { type Finding, type Severity } from '../rules/types';
import { currentLocale, t } from '../l10n';

export type SeveritySetting = Severity | 'off';

export interface AnalyzeOptions {
  /** Per-rule severity from the user's settings (`daemonset.rules`). */
  rules?: Record<string, SeveritySetting>;
  /** The file is a partial object (a kustomize patch): no missing-required checks. */
  partial?: boolean;
  inventory?: Inventory;
  /** Base URL of the rule documentation pages; the page is `<base><rule-id>.md`. */
  docsBaseUrl?: string;
  /** Files above this size (characters) are declined with one message. */
  maxFileSize?: number;
}

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
const REMOVED_API_VERSIONS = new Set(['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2']);
const DAEMONSET_KIND_RE = /^[ \t-]*kind:[ \t]*["']?DaemonSet\b/m;

export function analyzeText(text: string, options: AnalyzeOptions = {}): Diagnostic[] {
  const max = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (text.length > max) {
    if (!text.includes('DaemonSet')) return [];
    const mb = (text.length / 1024 / 1024).toFixed(1);
    return finish([{ rule: 'file-too-large', path: [], message: t('This file is {0} MB; DaemonSet checks are off in the editor above {1} MB. Run `daemonset-check` on it instead.', mb, (max / 1024 / 1024).toFixed(0)) }].map((f) => placeAt(f, zeroRange())), options);
  }
  const placed: Placed[] = [];
  for (const segment of splitDocuments(text)) {
    for (const p of analyzeSegment(segment.text, options)) placed.push(segment.startLine ? shift(p, segment.startLine) : p);
  }
  return finish(placed, options);
}

export function analyzeFile(file: ParsedFile, options: AnalyzeOptions = {}): Diagnostic[] {
  return finish(findingsOfFile(file, options), options);
}

/**
 * A file is checked document by document, and each document's findings are cached by its text:
 * a keystroke re-parses and re-checks only the document it changed, which keeps a 500-document
 * file responsive. Documents are independent in YAML, so nothing is lost.
 */

const NO_INVENTORY = {};
const MAX_CACHED_SEGMENTS = 4000;
const segmentCache = new WeakMap<object, Map<string, Placed[]>>();

function analyzeSegment(text: string, options: AnalyzeOptions): Placed[] {
  let cache = segmentCache.get(options.inventory ?? NO_INVENTORY);
  if (!cache) segmentCache.set(options.inventory ?? NO_INVENTORY, (cache = new Map()));
  // Severities decide whether advice is shown (errors first), so they are part of the key; so is the messages' language.
  const key = `${currentLocale()}\u0000${options.partial ? 1 : 0}${options.rules ? JSON.stringify(options.rules) : ''}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit); // most recently used last
    return hit;
  }
  const placed = findingsOfFile(parseFile(text), options);
  if (cache.size >= MAX_CACHED_SEGMENTS) cache.delete(cache.keys().next().value!);
  cache.set(key, placed);
  return placed;
}

function shiftRange(r: Range, lines: number): Range {
  return { start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } };
}

function shift(p: Placed, lines: number): Placed {
  const fixes = p.finding.fixes?.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, range: shiftRange(e.range, lines) })) }));
  return { finding: fixes ? { ...p.finding, fixes } : p.finding, range: shiftRange(p.range, lines) };
}

function findingsOfFile(file: ParsedFile, options: AnalyzeOptions): Placed[] {
  const placed: Placed[] = [];
  for (const parsed of file.docs) {
    if (parsed.templated && DAEMONSET_KIND_RE.test(file.text.slice(parsed.start, parsed.end))) {
      placed.push(placeAt({ rule: 'template-syntax', path: [], message: t('Template syntax ({{ }}) in this document: DaemonSet checks are skipped. Check the rendered output (helm template) instead.') }, rangeOf(file, parsed.start, Math.min(parsed.end, lineEndOf(file.text, parsed.start)))));
      continue;
    }
    if (parsed.doc.errors.length && DAEMONSET_KIND_RE.test(file.text.slice(parsed.start, parsed.end))) {
      // The first error is the cause; the ones after it are usually its echoes.
      const err = parsed.doc.errors[0];
      const [s, e] = err.pos;
      const end = e > s ? e : Math.max(lineEndOf(file.text, s), s + 1);
      const lineStart = file.text.lastIndexOf('\n', s - 1) + 1;
      const lineText = file.text.slice(lineStart, lineEndOf(file.text, s));
      const placeholder = /(__[A-Z0-9_]+__|\$\{[^}]+\}|\{\{[^}]*\}\})/.exec(lineText)?.[1];
      // The yaml library's own wording stays as it is.
      let message = t('YAML syntax error: {0}.', err.message.split('\n')[0]);
      if (placeholder) message += ' ' + t('The line holds the unrendered placeholder `{0}`: render the template before applying it.', placeholder);
      if (parsed.doc.errors.length > 1) message += ' ' + t('({0} more error(s) follow from it.)', parsed.doc.errors.length - 1);
      placed.push(placeAt({ rule: 'yaml-syntax', path: [], message }, rangeOf(file, s, Math.min(end, file.text.length))));
    }
  }
  for (const ds of findDaemonSets(file)) {
    // Broken YAML gives a tree that is not what the author meant: report the syntax error only.
    if (ds.parsed.templated || ds.parsed.doc.errors.length) continue;
    for (const f of checkDaemonSet(file, ds, options)) placed.push(place(file, ds, f));
  }
  return applySuppressions(file, placed);
}

/** Findings of one DaemonSet (paths relative to the DaemonSet). */
export function checkDaemonSet(file: ParsedFile, ds: DaemonSetRef, options: AnalyzeOptions): Finding[] {
  const edits = new Edits(file, ds);
  const apiVersion = ds.apiVersion;
  if (apiVersion !== 'apps/v1') return [apiVersionFinding(ds, edits)];
  const out = checkSchema(ds, edits, { partial: !!options.partial });
  const ctx = { file, ds, value: ds.value, partial: !!options.partial, inventory: options.inventory, edits };
  const run = (rules: typeof checkRules) => {
    for (const rule of rules) {
      try {
        out.push(...rule.check!(ctx));
      } catch {
        // A rule that fails on an unexpected shape reports nothing rather than breaking the others.
      }
    }
  };
  run(checkRules.filter((r) => r.meta.category === 'api'));
  // An object the API server rejects gets its errors first, and nothing else: advice on a
  // manifest that cannot be applied is noise until it can.
  const rejected = out.some((f) => effectiveSeverity(f, options) === 'error');
  if (!rejected) run(checkRules.filter((r) => r.meta.category !== 'api'));
  return out;
}

function effectiveSeverity(f: Finding, options: AnalyzeOptions): SeveritySetting {
  return options.rules?.[f.rule] ?? f.severity ?? rulesById.get(f.rule)?.meta.defaultSeverity ?? 'warning';
}

function apiVersionFinding(ds: DaemonSetRef, edits: Edits): Finding {
  const v = ds.apiVersion;
  const fix = edits.setValue(['apiVersion'], 'apps/v1');
  let fixes = fix ? [{ title: t('Change apiVersion to apps/v1'), isPreferred: true, edits: [fix] }] : undefined;
  // The old API versions defaulted the selector from the template labels; apps/v1 requires it.
  const spec = ds.value?.spec;
  const selector = fix && spec && typeof spec === 'object' && (spec.selector === undefined || spec.selector === null) ? addSelectorEdits(ds, edits) : undefined;
  if (fix && selector) fixes = [{ title: t('Change apiVersion to apps/v1 and add spec.selector from the template labels'), isPreferred: true, edits: [fix, ...selector.edits] }];
  if (v === undefined) return { rule: 'missing-required', path: [], target: 'key', message: t('Missing `apiVersion`: a DaemonSet needs `apiVersion: apps/v1`.') };
  if (REMOVED_API_VERSIONS.has(v)) {
    return { rule: 'removed-api-version', path: ['apiVersion'], message: t('DaemonSet in {0} was removed in Kubernetes 1.16 (no matches for kind "DaemonSet" in version "{0}"). Use apps/v1, which also requires spec.selector to match the template labels.', v), fixes };
  }
  return { rule: 'removed-api-version', path: ['apiVersion'], message: t('Kubernetes serves DaemonSet only in apps/v1, not {0}.', JSON.stringify(v)), fixes };
}

interface Placed {
  finding: Finding;
  range: Range;
}

function placeAt(finding: Finding, range: Range): Placed {
  return { finding, range };
}

function zeroRange(): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

function lineEndOf(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl;
}

/** The range of a finding: its exact offsets, the key or value at its path, or the nearest ancestor's key. */
export function findingOffsets(file: ParsedFile, ds: DaemonSetRef, f: Finding): [number, number] {
  if (f.at) return f.at;
  const loc = locate(ds.node, f.path);
  let node: Node | undefined;
  if (loc.depth === f.path.length) {
    if (f.target === 'key' && loc.key) node = loc.key;
    else node = loc.node ?? loc.key ?? loc.nearest;
    if (f.target === 'key' && !loc.key && loc.node) node = loc.node;
  } else {
    const parent = locate(ds.node, f.path.slice(0, loc.depth));
    node = parent.key ?? parent.node ?? ds.node;
  }
  if (!node?.range) return [ds.parsed.start, ds.parsed.start];
  let [s, e] = node.range;
  // A whole block (map or list) is pointed at by its first line only.
  if (isMap(node) || isSeq(node)) e = Math.min(e, lineEndOf(file.text, s));
  return [s, Math.max(s, e)];
}

function place(file: ParsedFile, ds: DaemonSetRef, f: Finding): Placed {
  const [s, e] = findingOffsets(file, ds, f);
  return { finding: { ...f, path: [...ds.base, ...f.path] }, range: rangeOf(file, s, e) };
}

const IGNORE_RE = /#\s*daemonset-ignore(-document)?\b([^\n]*)/g;

/**
 * `# daemonset-ignore rule-a, rule-b` on a line or the line above silences those rules there;
 * `# daemonset-ignore-document rule-a` (or `all`) anywhere in a document silences them in it.
 * Without ids, the comment silences every rule.
 */
function applySuppressions(file: ParsedFile, placed: Placed[]): Placed[] {
  if (!file.text.includes('daemonset-ignore')) return placed;
  const byLine = new Map<number, Set<string>>();
  const byDoc: { doc: ParsedDoc; ids: Set<string> }[] = [];
  for (const m of file.text.matchAll(IGNORE_RE)) {
    const ids = new Set(m[2].split(/[\s,]+/).map((s) => s.trim()).filter((s) => /^[a-z0-9-]+$/.test(s)));
    if (ids.size === 0) ids.add('all');
    const offset = m.index ?? 0;
    if (m[1]) {
      // A comment before a document's first key belongs to that document.
      const doc = file.docs.find((d) => offset <= d.end);
      if (doc) byDoc.push({ doc, ids });
    } else {
      const line = file.lines.linePos(offset).line - 1;
      const own = /^[ \t]*#/.test(file.text.slice(file.lines.lineStarts[line], offset + 1));
      // A comment on its own line covers the next line; a trailing comment covers its own line.
      const target = own ? line + 1 : line;
      byLine.set(target, new Set([...(byLine.get(target) ?? []), ...ids]));
    }
  }
  return placed.filter(({ finding, range }) => {
    const id = finding.rule;
    const lineIds = byLine.get(range.start.line);
    if (lineIds && (lineIds.has(id) || lineIds.has('all'))) return false;
    const startOffset = file.lines.lineStarts[range.start.line] ?? 0;
    for (const { doc, ids } of byDoc) {
      if (startOffset >= doc.start && startOffset <= doc.end && (ids.has(id) || ids.has('all'))) return false;
    }
    return true;
  });
}

function finish(placed: Placed[], options: AnalyzeOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { finding, range } of placed) {
    const rule = rulesById.get(finding.rule);
    const setting = options.rules?.[finding.rule];
    if (setting === 'off') continue;
    let severity: Severity = setting ?? finding.severity ?? rule?.meta.defaultSeverity ?? 'warning';
    // Judged against the bundled sample cluster, not the user's nodes: say it, do not warn about it.
    if (!setting && rule?.meta.category === 'placement' && options.inventory?.source === 'sample' && (severity === 'warning' || severity === 'error')) severity = 'information';
    out.push({
      range,
      severity,
      code: finding.rule,
      source: SOURCE,
      message: finding.message,
      path: formatPath(finding.path),
      docUrl: options.docsBaseUrl ? `${options.docsBaseUrl}${finding.rule}.md` : undefined,
      fixes: finding.fixes,
    });
  }
  return out;
}
