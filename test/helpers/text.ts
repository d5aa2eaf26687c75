import type { Position, TextEdit } from '../../server/src/service/types';

/** Text with a `|` cursor marker → the text without it, and the cursor position. */
export function withCursor(src: string): { text: string; pos: Position } {
  const i = src.indexOf('|');
  if (i < 0) throw new Error('no | cursor marker');
  const text = src.slice(0, i) + src.slice(i + 1);
  const before = text.slice(0, i).split('\n');
  return { text, pos: { line: before.length - 1, character: before[before.length - 1].length } };
}

function offsetAt(text: string, p: Position): number {
  const lines = text.split('\n');
  let o = 0;
  for (let l = 0; l < p.line; l++) o += lines[l].length + 1;
  return o + p.character;
}

/** Apply LSP text edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offsetAt(out, e.range.start)) + e.newText + out.slice(offsetAt(out, e.range.end));
  return out;
}
