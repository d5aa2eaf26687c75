/**
 * Diagnostics: the presenter of analyses. Places each finding of a document's analysis on a
 * range (only here do paths become ranges), applies in-file suppressions and the user's
 * severities, and adds the file-level message for files too large to check while typing.
 */
import { isMap, isSeq, type Node } from 'yaml';
import type { AnalysisOptions, DocumentAnalysis } from '../analysis/document';
import { rulesById } from '../rules';
import type { Finding, Fix, Severity, SeveritySetting } from '../rules/types';
import { locate, rangeOf, type DaemonSetRef, type ParsedDoc, type ParsedFile } from '../yaml/document';
import { formatPath, type Range } from '../yaml/types';
import { SOURCE, type Diagnostic } from './types';
import { t } from '../l10n';

export type { SeveritySetting };

export interface AnalyzeOptions extends Omit<AnalysisOptions, 'place' | 'hints'> {
  /** Base URL of the rule documentation pages; the page is `<base><rule-id>.md`. */
  docsBaseUrl?: string;
  /** Files above this size (characters) are declined with one message. */
  maxFileSize?: number;
}

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

/** A finding on a range. */
export interface Placed {
  finding: Finding;
  range: Range;
}

/** For a file too large to check while typing: one message instead of diagnostics; undefined when it is not. */
export function tooLargeDiagnostics(text: string, options: AnalyzeOptions): Diagnostic[] | undefined {
  const max = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (text.length <= max) return undefined;
  if (!text.includes('DaemonSet')) return [];
  const mb = (text.length / 1024 / 1024).toFixed(1);
  const finding = {
    rule: 'file-too-large',
    path: [],
    message: t(
      'This file is {0} MB; DaemonSet checks are off in the editor above {1} MB. Run `daemonset-check` on it instead.',
      mb,
      (max / 1024 / 1024).toFixed(0),
    ),
  };
  return finish([{ finding, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }], options);
}

function shiftRange(r: Range, lines: number): Range {
  return { start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } };
}

/** A placed finding moved down by `lines` (its document starts further into the file). */
export function shift(p: Placed, lines: number): Placed {
  if (lines === 0) return p;
  const move = (fixes: Fix[] | undefined) => fixes?.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, range: shiftRange(e.range, lines) })) }));
  const fixes = move(p.finding.fixes);
  const lazy = p.finding.lazyFixes;
  let finding = fixes ? { ...p.finding, fixes } : p.finding;
  if (lazy) {
    let moved: Fix[] | undefined | null = null;
    finding = { ...finding, lazyFixes: () => (moved === null ? (moved = move(lazy())) : moved) };
  }
  return { finding, range: shiftRange(p.range, lines) };
}

/** The findings of a document's analysis on ranges of its text, minus the suppressed ones. */
export function placeDocument(analysis: DocumentAnalysis): Placed[] {
  const { file } = analysis;
  const placed: Placed[] = analysis.documentFindings.map(({ finding, at }) => ({ finding, range: rangeOf(file, at[0], at[1]) }));
  for (const ds of analysis.daemonSets) for (const f of ds.findings()) placed.push(place(file, ds.ref, f));
  return applySuppressions(file, placed);
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
  const s = node.range[0];
  let e = node.range[1];
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
    const ids = new Set(
      m[2]
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter((s) => /^[a-z0-9-]+$/.test(s)),
    );
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

/** Placed findings as diagnostics: the user's severities (off drops them), placement on the sample as information, rule pages. */
export function finish(placed: Placed[], options: AnalyzeOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { finding, range } of placed) {
    const rule = rulesById.get(finding.rule);
    const setting = options.rules?.[finding.rule];
    if (setting === 'off') continue;
    let severity: Severity = setting ?? finding.severity ?? rule?.meta.defaultSeverity ?? 'warning';
    // Judged against the bundled sample cluster, not the user's nodes: say it, do not warn about it.
    if (!setting && rule?.meta.category === 'placement' && options.inventory?.source === 'sample' && (severity === 'warning' || severity === 'error'))
      severity = 'information';
    out.push({
      range,
      severity,
      code: finding.rule,
      source: SOURCE,
      message: finding.message,
      path: formatPath(finding.path),
      docUrl: options.docsBaseUrl ? `${options.docsBaseUrl}${finding.rule}.md` : undefined,
      fixes: finding.fixes,
      ...(finding.lazyFixes ? { lazyFixes: finding.lazyFixes } : {}),
    });
  }
  return out;
}
