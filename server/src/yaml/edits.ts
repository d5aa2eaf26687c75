/**
 * Small, local text edits on a YAML document that keep comments, indentation and quoting
 * style: the building blocks of quick fixes.
 */
import { isMap, isScalar, isSeq, Scalar, type Node } from 'yaml';
import { locate, positionToOffset, rangeOf, type DaemonSetRef, type ParsedFile } from './document';
import type { PathSeg, TextEdit } from './types';

export class Edits {
  constructor(
    private readonly file: ParsedFile,
    private readonly ds: DaemonSetRef,
  ) {}

  private edit(start: number, end: number, newText: string): TextEdit {
    return { range: rangeOf(this.file, start, end), newText };
  }

  /** Replace a scalar's value, keeping its quote style. */
  replaceScalar(node: Node, value: string): TextEdit | undefined {
    if (!node.range) return undefined;
    const type = isScalar(node) ? node.type : undefined;
    let text: string;
    if (type === Scalar.QUOTE_DOUBLE) text = JSON.stringify(value);
    else if (type === Scalar.QUOTE_SINGLE) text = `'${value.replace(/'/g, "''")}'`;
    else text = plainOrQuoted(value);
    return this.edit(node.range[0], node.range[1], text);
  }

  /** Replace the value at a path (a scalar) keeping its quote style. */
  setValue(path: readonly PathSeg[], value: string): TextEdit | undefined {
    const loc = locate(this.ds.node, path);
    if (loc.depth !== path.length || !loc.node) return undefined;
    return this.replaceScalar(loc.node, value);
  }

  /** Rename a key (the key scalar at path's last segment). */
  renameKey(path: readonly PathSeg[], name: string): TextEdit | undefined {
    const loc = locate(this.ds.node, path);
    if (loc.depth !== path.length || !loc.key) return undefined;
    return this.replaceScalar(loc.key, name);
  }

  /** Delete the whole `key: value` entry at path, with its lines when it stands on its own lines. */
  removeKey(path: readonly PathSeg[]): TextEdit | undefined {
    const loc = locate(this.ds.node, path);
    if (loc.depth !== path.length || !loc.key?.range) return undefined;
    const text = this.file.text;
    const start = loc.key.range[0];
    let end = loc.node?.range ? loc.node.range[2] : loc.key.range[2];
    // Entries of a block map: remove from the start of the key's line to the end of the value's last line.
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    if (/^[ \t]*$/.test(text.slice(lineStart, start))) {
      const nl = text.indexOf('\n', Math.max(end - 1, start));
      end = nl === -1 ? text.length : nl + 1;
      // Keep trailing blank/comment lines that belong to what follows.
      const body = text.slice(lineStart, end);
      const keep = trailingBlankOrCommentLines(body);
      if (keep > 0 && body.length - keep - 1 > start - lineStart) end -= keep;
      return this.edit(lineStart, end, '');
    }
    return this.edit(start, end, '');
  }

  /**
   * Insert `key: value` into the map at `mapPath` as its last entry (block style, same
   * indentation as its siblings). `valueYaml` is the YAML of the value: a scalar on the same
   * line, or a multi-line block (lines indented relative to the key) starting with '\n'.
   */
  insertKey(mapPath: readonly PathSeg[], key: string, valueYaml: string): TextEdit | undefined {
    const loc = locate(this.ds.node, mapPath);
    if (loc.depth !== mapPath.length) return undefined;
    const map = loc.node;
    const text = this.file.text;
    if (map && isMap(map) && map.items.length > 0 && !map.flow) {
      const first = map.items[0].key as Node;
      const last = map.items[map.items.length - 1];
      if (!first?.range) return undefined;
      const indent = columnOf(text, first.range[0]);
      const lastEnd = (last.value as Node | null)?.range?.[1] ?? (last.key as Node).range![1];
      const lineEnd = text.indexOf('\n', contentEnd(text, lastEnd));
      const at = lineEnd === -1 ? text.length : lineEnd;
      const pad = ' '.repeat(indent);
      return this.edit(at, at, `\n${pad}${key}:${indentBlock(valueYaml, pad)}`);
    }
    return undefined;
  }

  /**
   * Insert `key: value` as the FIRST entry of the block map at `mapPath`, on the line after the
   * map's own key (so comments above the current first entry stay with it). `valueYaml` as in
   * insertKey. Undefined unless the map is a non-empty block map starting below its key.
   */
  insertKeyFirst(mapPath: readonly PathSeg[], key: string, valueYaml: string): TextEdit | undefined {
    const loc = locate(this.ds.node, mapPath);
    const map = loc.node;
    if (loc.depth !== mapPath.length || !map || !isMap(map) || map.flow || map.items.length === 0 || !loc.key?.range) return undefined;
    const first = map.items[0].key as Node | null;
    if (!first?.range) return undefined;
    const text = this.file.text;
    const keyLineEnd = text.indexOf('\n', loc.key.range[1]);
    if (keyLineEnd === -1 || keyLineEnd >= first.range[0]) return undefined;
    const pad = ' '.repeat(columnOf(text, first.range[0]));
    return this.edit(keyLineEnd + 1, keyLineEnd + 1, `${pad}${key}:${indentBlock(valueYaml, pad)}\n`);
  }

  /**
   * Replace the whole value at `path` (a scalar or a flow collection, written on one line) with
   * `valueYaml` as given. Undefined for block collections, which span lines.
   */
  replaceValue(path: readonly PathSeg[], valueYaml: string): TextEdit | undefined {
    const loc = locate(this.ds.node, path);
    if (loc.depth !== path.length || !loc.node?.range) return undefined;
    if ((isMap(loc.node) || isSeq(loc.node)) && !loc.node.flow) return undefined;
    return this.edit(loc.node.range[0], loc.node.range[1], valueYaml);
  }

  /** Remove item `index` of the block sequence at `seqPath`, with its lines. Undefined for flow sequences. */
  removeItem(seqPath: readonly PathSeg[], index: number): TextEdit | undefined {
    const loc = locate(this.ds.node, seqPath);
    if (loc.depth !== seqPath.length || !loc.node || !isSeq(loc.node) || loc.node.flow) return undefined;
    const item = loc.node.items[index] as Node | null;
    if (!item?.range) return undefined;
    const text = this.file.text;
    const dash = text.lastIndexOf('-', item.range[0]);
    const lineStart = text.lastIndexOf('\n', dash - 1) + 1;
    if (dash < 0 || !/^[ \t]*$/.test(text.slice(lineStart, dash))) return undefined;
    const next = loc.node.items[index + 1] as Node | null | undefined;
    let end: number;
    if (next?.range) {
      const nextDash = text.lastIndexOf('-', next.range[0]);
      end = text.lastIndexOf('\n', nextDash - 1) + 1;
    } else {
      const nl = text.indexOf('\n', contentEnd(text, item.range[1]));
      end = nl === -1 ? text.length : nl + 1;
    }
    return this.edit(lineStart, end, '');
  }

  /** Append an item (YAML of a map, lines without indentation) to the sequence at path. */
  appendItem(seqPath: readonly PathSeg[], itemYaml: string): TextEdit | undefined {
    const loc = locate(this.ds.node, seqPath);
    if (loc.depth !== seqPath.length || !loc.node || !isSeq(loc.node) || loc.node.flow || loc.node.items.length === 0) return undefined;
    const text = this.file.text;
    const first = loc.node.items[0] as Node;
    const last = loc.node.items[loc.node.items.length - 1] as Node;
    if (!first?.range || !last?.range) return undefined;
    const dashCol = columnOf(text, text.lastIndexOf('-', first.range[0]));
    const pad = ' '.repeat(dashCol);
    const lines = itemYaml.replace(/\n$/, '').split('\n');
    const body = lines.map((l, i) => (i === 0 ? `${pad}- ${l}` : `${pad}  ${l}`)).join('\n');
    const lineEnd = text.indexOf('\n', contentEnd(text, last.range[1]));
    const at = lineEnd === -1 ? text.length : lineEnd;
    return this.edit(at, at, `\n${body}`);
  }

  /**
   * Set the value at `path` to `valueYaml` (raw YAML, quoted by the caller: a scalar on the
   * key's line, or a block starting with '\n' whose lines are indented relative to the key),
   * creating the missing parent maps in block style. An existing scalar is replaced; an empty
   * value (`key:`, `key: {}`, `key: null`) becomes a block under its key, keeping a trailing
   * comment on the key's line. Undefined when the shape does not allow a clean edit (a flow
   * collection with content, a missing list item, a scalar where a map is needed).
   */
  setPath(path: readonly PathSeg[], valueYaml: string): TextEdit[] | undefined {
    const loc = locate(this.ds.node, path);
    if (loc.depth === path.length) {
      const node = loc.node;
      if (node && isScalar(node) && node.value != null && node.range && !valueYaml.startsWith('\n')) {
        return [this.edit(node.range[0], node.range[1], valueYaml)];
      }
      if (loc.key && isEmptyValue(node)) return this.fillEmpty(loc.key, node, valueYaml);
      return undefined;
    }
    const missing = path.slice(loc.depth);
    if (missing.some((s) => typeof s === 'number')) return undefined;
    const [first, ...rest] = missing as string[];
    const value = nestKeys(rest, valueYaml);
    const parentPath = path.slice(0, loc.depth);
    const parent = locate(this.ds.node, parentPath);
    if (parent.node && isMap(parent.node) && !parent.node.flow && parent.node.items.length > 0) {
      const e = this.insertKey(parentPath, first, value);
      return e ? [e] : undefined;
    }
    if (parent.key && isEmptyValue(parent.node)) return this.fillEmpty(parent.key, parent.node, nestKeys([first], value));
    return undefined;
  }

  /**
   * Insert a copy of the block value at `fromPath` as `key` into the map at `mapPath` (last
   * entry), re-indented for its new place; comments inside the copied block are kept.
   */
  copyValueAs(fromPath: readonly PathSeg[], mapPath: readonly PathSeg[], key: string): TextEdit | undefined {
    const loc = locate(this.ds.node, fromPath);
    if (loc.depth !== fromPath.length || !loc.node?.range) return undefined;
    if (!isMap(loc.node) && !isSeq(loc.node)) return undefined;
    if ((loc.node as { flow?: boolean }).flow) return undefined;
    const text = this.file.text;
    const [start, end] = loc.node.range;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    // A block value starts on its own line below the key; anything else is not a plain copy.
    if (!/^[ \t-]*$/.test(text.slice(lineStart, start))) return undefined;
    const lines = text.slice(lineStart, end).trimEnd().split('\n');
    const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
    return this.insertKey(mapPath, key, '\n' + lines.map((l) => l.slice(indent)).join('\n'));
  }

  /** Put a block (or scalar) value under a key whose value is empty. */
  private fillEmpty(key: Node, node: Node | null | undefined, valueYaml: string): TextEdit[] | undefined {
    if (!key.range) return undefined;
    const text = this.file.text;
    const colon = text.indexOf(':', key.range[1]);
    if (colon === -1) return undefined;
    const valueEnd = node?.range ? node.range[1] : colon + 1;
    const lineEnd = text.indexOf('\n', valueEnd) === -1 ? text.length : text.indexOf('\n', valueEnd);
    const trailing = text.slice(valueEnd, lineEnd);
    // Only a comment may follow the value on its line.
    if (!/^[ \t]*(#.*)?$/.test(trailing)) return undefined;
    const pad = ' '.repeat(columnOf(text, key.range[0]));
    if (!valueYaml.startsWith('\n')) return [this.edit(colon + 1, valueEnd, ` ${valueYaml}`)];
    return [this.edit(colon + 1, lineEnd, `${trailing.replace(/^[ \t]*/, trailing.trim() ? ' ' : '')}${indentBlock(valueYaml, pad)}`)];
  }
}

/** Length of the lines at the end of `body` (never its first line) that are blank or only a comment; 0 unless body ends with a newline. */
function trailingBlankOrCommentLines(body: string): number {
  if (!body.endsWith('\n')) return 0;
  let cut = body.length;
  for (;;) {
    const prevNl = body.lastIndexOf('\n', cut - 2);
    if (prevNl < 0 || !/^[ \t]*(?:#.*)?$/.test(body.slice(prevNl + 1, cut - 1))) break;
    cut = prevNl + 1;
  }
  return body.length - cut;
}

/** `key:` (null), `key: ~`, `key: {}` or `key: []`. */
function isEmptyValue(node: Node | null | undefined): boolean {
  if (node == null) return true;
  if (isScalar(node)) return node.value == null;
  if (isMap(node) || isSeq(node)) return node.items.length === 0 && !!node.flow;
  return false;
}

/** `['a','b']`, `x` → the block value of `a:` holding `b: x`. */
function nestKeys(keys: readonly string[], valueYaml: string): string {
  if (keys.length === 0) return valueYaml;
  const inner = nestKeys(keys.slice(1), valueYaml);
  const k = plainOrQuoted(keys[0]);
  if (!inner.startsWith('\n')) return `\n${k}: ${inner}`;
  return (
    `\n${k}:` +
    inner
      .split('\n')
      .slice(1)
      .map((l) => `\n  ${l}`)
      .join('')
  );
}

/**
 * A block collection's range ends after its last line break: step back over trailing
 * whitespace so "the end of the line" is the line of its last content.
 */
function contentEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1])) e--;
  return e;
}

export function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function indentBlock(valueYaml: string, pad: string): string {
  if (!valueYaml.startsWith('\n')) return ` ${valueYaml}`;
  return valueYaml
    .split('\n')
    .map((l, i) => (i === 0 ? '' : `${pad}  ${l}`))
    .join('\n');
}

/** A YAML 1.1 plain scalar when it reads back as the same string, else double-quoted. */
export function plainOrQuoted(value: string): string {
  if (value === '') return '""';
  if (/^[A-Z_/][\w./-]*$/i.test(value) && !/^([yYnN~]|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$/.test(value))
    return value;
  return JSON.stringify(value);
}

/**
 * The text after LSP edits whose positions are in `file` (same-position inserts keep their
 * order); undefined when two edits overlap.
 */
export function applyTextEdits(file: ParsedFile, edits: readonly TextEdit[]): string | undefined {
  const spans = edits
    .map((e, i) => ({ start: positionToOffset(file, e.range.start), end: positionToOffset(file, e.range.end), newText: e.newText, i }))
    .sort((a, b) => b.start - a.start || b.i - a.i);
  for (let i = 1; i < spans.length; i++) if (spans[i].end > spans[i - 1].start) return undefined;
  let out = file.text;
  for (const sp of spans) out = out.slice(0, sp.start) + sp.newText + out.slice(sp.end);
  return out;
}
