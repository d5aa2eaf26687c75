/**
 * Where the cursor is, read from indentation rather than the YAML tree: half-written YAML is
 * the normal state while typing, and the tree of a broken line is not to be trusted.
 * Handles block mappings and sequences (`- ` items, indented or not) and skips block scalars.
 */
import type { PathSeg, Position } from './types';

export interface LineInfo {
  blank: boolean;
  /** Column of each `- ` sequence marker on the line, left to right. */
  dashes: number[];
  /** Column of the first character after indentation and dashes. */
  col: number;
  key?: string;
  /** Column just after the key's colon. */
  colon?: number;
  /** Text after the colon, without comment, trimmed ('' when the value is on the next lines). */
  rest?: string;
  /** The line is inside a block scalar (| or >) or a multi-line flow: not structure. */
  opaque: boolean;
}

/** Characters a plain key cannot start with (YAML indicators, quotes, comment). */
const NOT_KEY_START = new Set('#\'"{[]},&*!|>%@`-');
const isSpace = (c: string) => /\s/.test(c);
/** JavaScript's `.`: any character but a line terminator. */
const isLineChar = (c: string) => c !== '\n' && c !== '\r' && c !== '\u2028' && c !== '\u2029';

/**
 * The key at the start of a line's content and the offset just after its colon: a quoted key
 * (spaces may follow it), or a plain one up to the first `: ` before any `#` (its trailing
 * spaces trimmed). One pass over the line: the regex this replaces read a line of 100k spaces
 * in quadratic time (hover took 10.8 s).
 */
export function matchKey(content: string): { key: string; end: number } | undefined {
  const colonAt = (j: number) => content[j] === ':' && (j + 1 === content.length || content[j + 1] === ' ' || content[j + 1] === '\t');
  const c0 = content[0];
  if (c0 === '"' || c0 === "'") {
    let j = 1;
    for (;;) {
      if (j >= content.length) return undefined;
      const c = content[j];
      if (c0 === '"' && c === '\\') {
        if (j + 1 >= content.length || !isLineChar(content[j + 1])) return undefined;
        j += 2;
      } else if (c === c0) {
        if (c0 === "'" && content[j + 1] === "'") j += 2;
        else break;
      } else j++;
    }
    const key = content.slice(0, j + 1);
    j++;
    while (content[j] === ' ' || content[j] === '\t') j++;
    return colonAt(j) ? { key, end: j + 1 } : undefined;
  }
  let from: number;
  if (c0 === '-') {
    const c1 = content[1];
    if (c1 === undefined || c1 === '#' || isSpace(c1)) return undefined;
    from = 2;
  } else {
    if (c0 === undefined || NOT_KEY_START.has(c0) || isSpace(c0)) return undefined;
    from = 1;
  }
  for (let j = from; j < content.length; j++) {
    const c = content[j];
    if (c === '#') return undefined;
    if (colonAt(j)) return { key: content.slice(0, j).trimEnd(), end: j + 1 };
  }
  return undefined;
}

export function scanLine(text: string): LineInfo {
  let i = 0;
  while (i < text.length && text[i] === ' ') i++;
  const dashes: number[] = [];
  while (text[i] === '-' && (i + 1 === text.length || text[i + 1] === ' ' || text[i + 1] === '\t')) {
    dashes.push(i);
    i++;
    while (text[i] === ' ' || text[i] === '\t') i++;
  }
  const content = text.slice(i);
  const blank = content.trim() === '' && dashes.length === 0;
  const info: LineInfo = { blank: blank || (dashes.length === 0 && content.startsWith('#')), dashes, col: i, opaque: false };
  if (content.startsWith('---') || content.startsWith('...')) {
    if (i === 0) info.blank = true;
  }
  const m = matchKey(content);
  if (m) {
    let key = m.key;
    if ((key.startsWith('"') && key.endsWith('"')) || (key.startsWith("'") && key.endsWith("'"))) key = key.slice(1, -1);
    info.key = key;
    info.colon = i + m.end;
    info.rest = stripComment(text.slice(info.colon)).trim();
  }
  return info;
}

function stripComment(s: string): string {
  let q: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === q) q = undefined;
    } else if (c === '"' || c === "'") q = c;
    else if (c === '#' && (i === 0 || s[i - 1] === ' ' || s[i - 1] === '\t')) return s.slice(0, i);
  }
  return s;
}

/** A value that opens a nested block on the following lines: empty, an anchor, a tag, or a block scalar header. */
function opensBlock(rest: string | undefined): boolean {
  return rest !== undefined && rest.split(/\s+/).every((tok) => tok === '' || (tok.startsWith('&') && tok.length > 1) || tok.startsWith('!'));
}

function isBlockScalarHeader(rest: string | undefined): boolean {
  return rest !== undefined && /^(?:(?:&\S+|!\S*)\s+)*[|>][-+0-9]*$/.test(rest);
}

/** The lines of a file, scanned once, with block-scalar content marked opaque. */
export class Lines {
  readonly text: string[];
  readonly info: LineInfo[];

  constructor(source: string) {
    this.text = source.split(/\r?\n/);
    this.info = [];
    let blockIndent = -1; // inside a block scalar whose parent key sits at this column
    for (const line of this.text) {
      const info = scanLine(line);
      if (blockIndent >= 0) {
        const indent = line.length - line.trimStart().length;
        if (line.trim() === '' || indent > blockIndent) {
          this.info.push({ ...info, blank: true, opaque: true });
          continue;
        }
        blockIndent = -1;
      }
      if (info.key !== undefined && isBlockScalarHeader(info.rest)) blockIndent = info.col;
      else if (info.key === undefined && info.dashes.length && /^[|>][-+0-9]*$/.test(line.slice(info.col).trim()))
        blockIndent = info.dashes[info.dashes.length - 1];
      this.info.push(info);
    }
  }

  /** The document around a line: [first, last] line numbers between `---` separators. */
  documentBounds(line: number): [number, number] {
    let first = line;
    while (first > 0 && !/^---(\s|$)/.test(this.text[first])) first--;
    if (/^---(\s|$)/.test(this.text[first])) first++;
    let last = line;
    while (last + 1 < this.text.length && !/^---(\s|$)/.test(this.text[last + 1])) last++;
    return [first, Math.max(first, last)];
  }

  /** Path of the mapping whose keys sit at column `col`, for a line `l` that has content at `col`. */
  mappingPath(l: number, col: number, top: number, self = true): PathSeg[] {
    const info = this.info[l];
    if (self && info && !info.blank && info.col === col && info.dashes.length) {
      const d = info.dashes[info.dashes.length - 1];
      const seq = this.seqPath(l, d, top);
      return [...seq.path, seq.index];
    }
    for (let m = l - 1; m >= top; m--) {
      const mi = this.info[m];
      if (mi.blank) continue;
      const first = mi.dashes.length ? mi.dashes[0] : mi.col;
      if (first >= col) continue;
      if (mi.col === col && mi.dashes.length) {
        const d = mi.dashes[mi.dashes.length - 1];
        const seq = this.seqPath(m, d, top);
        return [...seq.path, seq.index];
      }
      if (mi.key !== undefined && mi.col < col) return [...this.mappingPath(m, mi.col, top), mi.key];
      return [];
    }
    return [];
  }

  /** Path of the sequence whose `- ` markers sit at column `d`, and the index of the item on line `l`. */
  seqPath(l: number, d: number, top: number): { path: PathSeg[]; index: number } {
    let count = this.info[l]?.dashes.includes(d) ? 1 : 0;
    for (let m = l - 1; m >= top; m--) {
      const mi = this.info[m];
      if (mi.blank) continue;
      if (mi.dashes.includes(d)) {
        if (mi.dashes[0] === d) count++;
        continue;
      }
      const first = mi.dashes.length ? mi.dashes[0] : mi.col;
      if (first > d) continue;
      if (mi.key !== undefined && mi.col <= d && opensBlock(mi.rest))
        return { path: [...this.mappingPath(m, mi.col, top), mi.key], index: Math.max(0, count - 1) };
      break;
    }
    return { path: [], index: Math.max(0, count - 1) };
  }

  /** Keys (with their inline values) of the mapping at column `col` that contains line `l`. */
  siblings(l: number, col: number, top: number, bottom: number): Map<string, string> {
    const out = new Map<string, string>();
    const add = (i: LineInfo) => {
      if (i.key !== undefined && i.col === col) out.set(i.key, unquote(i.rest ?? ''));
    };
    // Upwards until the line that opens this mapping (the owner key, or the dash that starts the item).
    for (let m = l; m >= top; m--) {
      const mi = this.info[m];
      if (mi.blank) continue;
      if (m !== l) {
        const first = mi.dashes.length ? mi.dashes[0] : mi.col;
        if (first < col && !(mi.col === col && mi.dashes.length)) break;
      }
      if (m !== l || mi.key !== undefined) add(mi);
      if (mi.col === col && mi.dashes.length && mi.dashes[mi.dashes.length - 1] < col) break;
    }
    // Downwards until a line that leaves it (less indented, or the next item's dash).
    for (let m = l + 1; m <= bottom; m++) {
      const mi = this.info[m];
      if (mi.blank) continue;
      const first = mi.dashes.length ? mi.dashes[0] : mi.col;
      if (first < col) break;
      add(mi);
    }
    return out;
  }
}

function unquote(s: string): string {
  if ((s.startsWith('"') && s.endsWith('"') && s.length >= 2) || (s.startsWith("'") && s.endsWith("'") && s.length >= 2)) return s.slice(1, -1);
  return s;
}

export type CursorKind = 'key' | 'value' | 'item' | 'empty-document';

export interface CursorContext {
  kind: CursorKind;
  /** key: path of the mapping being filled; value: path of the field; item: path of the item (…, index). */
  path: PathSeg[];
  /** The word typed so far. */
  prefix: string;
  /** Character where the typed word starts (the replace range is [replaceStart, cursor]). */
  replaceStart: number;
  /** End of the word under the cursor (for replacing a whole value). */
  replaceEnd: number;
  /** For key: the keys already present in the mapping, with their inline values. For value/item: the field's siblings. */
  siblings: Map<string, string>;
  /** Column of the keys of the mapping (key), or of the key (value). */
  col: number;
  /** Leading whitespace of the cursor line (snippets are indented relative to it). */
  lineIndent: number;
  /** The cursor line has a `- ` marker for the current item. */
  onDashLine: boolean;
  /** First and last line of the YAML document. */
  docLines: [number, number];
  lines: Lines;
}

/** The completion/hover context at a position. */
export function cursorContext(lines: Lines, pos: Position): CursorContext {
  const lineText = lines.text[pos.line] ?? '';
  const ch = Math.min(pos.character, lineText.length);
  const [top, bottom] = lines.documentBounds(pos.line);
  const before = lineText.slice(0, ch);
  const info = scanLine(before);
  const lineIndent = lineText.length - lineText.trimStart().length;
  const wordEnd = (from: number) => {
    let e = from;
    while (e < lineText.length && !/[\s#]/.test(lineText[e])) e++;
    return e;
  };
  const base = { docLines: [top, bottom] as [number, number], lines, lineIndent };

  const docEmpty = lines.info
    .slice(top, bottom + 1)
    .every((i, n) => i.blank || (top + n === pos.line && lineText.trim().length <= ch && !info.key && !info.dashes.length));
  if (docEmpty) {
    const start = lineIndent;
    return {
      ...base,
      kind: 'empty-document',
      path: [],
      prefix: before.slice(start),
      replaceStart: start,
      replaceEnd: wordEnd(ch),
      siblings: new Map(),
      col: 0,
      onDashLine: false,
    };
  }

  if (info.key !== undefined && info.colon !== undefined && ch >= info.colon) {
    // Value position: `key: partial`
    const fullInfo = scanLine(lineText);
    let start = info.colon;
    while (start < ch && (before[start] === ' ' || before[start] === '\t')) start++;
    const col = info.col;
    const mapPath = lines.mappingPath(pos.line, col, top, true);
    const siblings = lines.siblings(pos.line, col, top, bottom);
    return {
      ...base,
      kind: 'value',
      path: [...mapPath, info.key],
      prefix: before.slice(start),
      replaceStart: start,
      replaceEnd: Math.max(ch, start + (fullInfo.rest?.length ?? 0) > ch ? wordEnd(ch) : ch),
      siblings,
      col,
      onDashLine: info.dashes.length > 0,
    };
  }

  // Key (or sequence item) position: `partial`, `- partial`, or a blank line.
  const col = info.blank && info.dashes.length === 0 ? ch : info.col;
  const prefix = before.slice(Math.min(col, ch));
  if (info.dashes.length && info.col === col) {
    const d = info.dashes[info.dashes.length - 1];
    const seq = lines.seqPath(pos.line, d, top);
    const siblings = lines.siblings(pos.line, col, top, bottom);
    siblings.delete(prefix);
    return { ...base, kind: 'item', path: [...seq.path, seq.index], prefix, replaceStart: col, replaceEnd: wordEnd(ch), siblings, col, onDashLine: true };
  }
  const path = lines.mappingPath(pos.line, col, top, false);
  const siblings = lines.siblings(pos.line, col, top, bottom);
  if (info.key === undefined) siblings.delete(prefix);
  return { ...base, kind: 'key', path, prefix, replaceStart: col, replaceEnd: wordEnd(ch), siblings, col, onDashLine: false };
}

/** Path of the key on a line (for hover): the mapping path of the line plus its key. */
export function keyPathAt(lines: Lines, line: number): { path: PathSeg[]; info: LineInfo } | undefined {
  const info = lines.info[line];
  if (!info || info.blank || info.key === undefined) return undefined;
  const [top] = lines.documentBounds(line);
  return { path: [...lines.mappingPath(line, info.col, top, true), info.key], info };
}

/**
 * The YAML document around a line, as its own text: completion and hover only need that
 * document, so a 25k-line file is not scanned on every keystroke.
 */
export function documentAround(text: string, line: number): { text: string; startLine: number } {
  // Offsets of line starts up to the document's end, found by searching for `\n---`.
  let lineNo = 0;
  let offset = 0;
  let docStart = 0;
  let docStartLine = 0;
  const sep = /^---(?=[ \t]|\r?$)/gm;
  let m: RegExpExecArray | null;
  while ((m = sep.exec(text))) {
    // Count lines between the previous position and this separator.
    for (let i = text.indexOf('\n', offset); i !== -1 && i < m.index; i = text.indexOf('\n', i + 1)) lineNo++;
    offset = m.index;
    if (lineNo > line) return { text: text.slice(docStart, m.index), startLine: docStartLine };
    docStart = m.index;
    docStartLine = lineNo;
  }
  return { text: text.slice(docStart), startLine: docStartLine };
}
