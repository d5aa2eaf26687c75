/**
 * Small, local text edits on a YAML document that keep comments, indentation and quoting
 * style: the building blocks of quick fixes.
 */
import { isMap, isScalar, isSeq, Scalar, type Node } from 'yaml';
import { locate, rangeOf, type DaemonSetRef, type ParsedFile } from './document';
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
      const keep = /\n((?:[ \t]*(?:#[^\n]*)?\n)+)$/.exec(body);
      if (keep && keep.index > start - lineStart) end -= keep[1].length;
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
      const lineEnd = text.indexOf('\n', lastEnd);
      const at = lineEnd === -1 ? text.length : lineEnd;
      const pad = ' '.repeat(indent);
      return this.edit(at, at, `\n${pad}${key}:${indentBlock(valueYaml, pad)}`);
    }
    return undefined;
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
    const lineEnd = text.indexOf('\n', last.range[1]);
    const at = lineEnd === -1 ? text.length : lineEnd;
    return this.edit(at, at, `\n${body}`);
  }
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
  if (/^[A-Za-z_/][\w./-]*$/.test(value) && !/^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/.test(value)) return value;
  return JSON.stringify(value);
}
