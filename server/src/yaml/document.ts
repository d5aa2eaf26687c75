/**
 * Parsing: text → YAML documents with ranges, and which of them are DaemonSets.
 * Never throws: every half-typed state yields documents (with errors) so completion and
 * hover keep working on the line being typed.
 */
import { type Document, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node, type Pair } from 'yaml';
import type { PathSeg, Position, Range } from './types';

export interface ParsedDoc {
  doc: Document.Parsed;
  /** Offsets of the document in the file text: [start, end). */
  start: number;
  end: number;
  /** Plain value of the document (aliases bounded); undefined when it cannot be built. */
  value: unknown;
  /** The text contains template syntax (`{{ }}`, Helm): checks are toned down. */
  templated: boolean;
}

/** A DaemonSet inside a document: at its root, or an item of a `kind: List`. */
export interface DaemonSetRef {
  parsed: ParsedDoc;
  /** Path of the DaemonSet object inside the document ([] or ['items', i]). */
  base: PathSeg[];
  /** The DaemonSet's YAML node (a map). */
  node: Node;
  value: any;
  apiVersion: string | undefined;
}

export interface ParsedFile {
  text: string;
  lines: LineCounter;
  docs: ParsedDoc[];
}

export const MAX_ALIAS_COUNT = 50;
/** Template syntax: `{{ … }}` (Helm, Go templates), `{{-`, or `{%` (Jinja). */
function isTemplated(text: string): boolean {
  const open = text.indexOf('{{');
  return text.includes('{%') || text.includes('{{-') || (open >= 0 && text.indexOf('}}', open + 2) >= 0);
}

export function parseFile(text: string): ParsedFile {
  // Line starts come from the text itself: yaml's own lineCounter skips newlines inside
  // error tokens, which shifts every later range of a file with a syntax error.
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  let raw: Document.Parsed[];
  try {
    const parsed = parseAllDocuments(text, { version: '1.1', uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
    raw = Array.isArray(parsed) ? parsed : [];
  } catch {
    raw = [];
  }
  const docs: ParsedDoc[] = raw.map((doc) => {
    const [start, , end] = doc.range ?? [0, 0, text.length];
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch {
      value = undefined;
    }
    return { doc, start, end, value, templated: isTemplated(text.slice(start, end)) };
  });
  return { text, lines, docs };
}

export function offsetToPosition(file: ParsedFile, offset: number): Position {
  const p = file.lines.linePos(Math.max(0, Math.min(offset, file.text.length)));
  return { line: p.line - 1, character: p.col - 1 };
}

export function positionToOffset(file: ParsedFile, pos: Position): number {
  const starts = file.lines.lineStarts;
  if (pos.line >= starts.length) return file.text.length;
  return Math.min(starts[Math.max(0, pos.line)] + pos.character, file.text.length);
}

export function rangeOf(file: ParsedFile, start: number, end: number): Range {
  return { start: offsetToPosition(file, start), end: offsetToPosition(file, end) };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** The DaemonSets of a file: documents with `kind: DaemonSet`, and DaemonSet items of `kind: List`. */
export function findDaemonSets(file: ParsedFile): DaemonSetRef[] {
  const out: DaemonSetRef[] = [];
  for (const parsed of file.docs) {
    const root = parsed.doc.contents;
    if (!isMap(root)) continue;
    const value = parsed.value as any;
    if (!value || typeof value !== 'object') continue;
    if (value.kind === 'DaemonSet') {
      out.push({ parsed, base: [], node: root, value, apiVersion: str(value.apiVersion) });
    } else if (value.kind === 'List' || (typeof value.kind === 'string' && value.kind.endsWith('List'))) {
      const items = root.get('items', true);
      if (!isSeq(items)) continue;
      items.items.forEach((item, i) => {
        const v = Array.isArray(value.items) ? value.items[i] : undefined;
        if (isMap(item) && v && typeof v === 'object' && v.kind === 'DaemonSet') {
          out.push({ parsed, base: ['items', i], node: item as Node, value: v, apiVersion: str(v.apiVersion) });
        }
      });
    }
  }
  return out;
}

/** The pair holding `key` in a map node, or undefined. */
export function pairOf(map: Node, key: string): Pair<Node, Node | null> | undefined {
  if (!isMap(map)) return undefined;
  for (const p of map.items as Pair<Node, Node | null>[]) {
    if (isScalar(p.key) && String(p.key.value) === key) return p;
  }
  return undefined;
}

export interface Located {
  /** The node at the path, when present (null values give undefined). */
  node?: Node | null;
  /** The key scalar of the last segment when it is a map key. */
  key?: Node;
  /** The deepest existing ancestor when the path does not exist. */
  nearest: Node;
  /** How many segments were found. */
  depth: number;
}

/** Walk a path from a node. Stops at the deepest existing node. */
export function locate(root: Node, path: readonly PathSeg[]): Located {
  let node: Node = root;
  let key: Node | undefined;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (typeof seg === 'number') {
      if (!isSeq(node) || seg >= node.items.length) return { nearest: node, depth: i };
      const next = node.items[seg] as Node | null;
      key = undefined;
      if (next == null) return { node: next, nearest: node, depth: i + 1 };
      node = next;
    } else {
      const p = pairOf(node, seg);
      if (!p) return { nearest: node, depth: i };
      key = p.key;
      if (p.value == null) return { node: null, key, nearest: node, depth: i + 1 };
      node = p.value;
    }
  }
  return { node, key, nearest: node, depth: path.length };
}

/** Offsets [start, end) of a node's value (without trailing comments/newlines). */
export function nodeSpan(node: Node): [number, number] | undefined {
  const r = node.range;
  if (!r) return undefined;
  return [r[0], r[1]];
}

/** A YAML document of a file, as its own text, and the line it starts on. */
export interface Segment {
  text: string;
  startLine: number;
}

/** Splits at `---` lines (column 0, which no block content can be) and keeps each separator with the document it opens. */
export function splitDocuments(text: string): Segment[] {
  const out: Segment[] = [];
  const re = /^---(?=[ \t]|\r?$)/gm;
  let start = 0;
  let line = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m.index === 0) continue;
    const chunk = text.slice(start, m.index);
    out.push({ text: chunk, startLine: line });
    line += countLines(chunk);
    start = m.index;
  }
  out.push({ text: text.slice(start), startLine: line });
  return out;
}

function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
