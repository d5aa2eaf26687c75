import type { Position, TextEdit } from '../../server/src/yaml/types';

/** Text with a `|` cursor marker → the text without it, and the cursor position. */
export function withCursor(src: string): { text: string; pos: Position } {
  const i = src.indexOf('|');
  if (i < 0) throw new Error('no | cursor marker');
  const text = src.slice(0, i) + src.slice(i + 1);
  const before = text.slice(0, i).split('\n');
  return { text, pos: { line: before.length - 1, character: before[before.length - 1].length } };
}

/** Offset of an LSP position in a text (clamped to the text). */
export function offsetAt(text: string, pos: Position): number {
  let offset = 0;
  for (let line = 0; line < pos.line; line++) {
    const nl = text.indexOf('\n', offset);
    if (nl === -1) return text.length;
    offset = nl + 1;
  }
  return Math.min(offset + pos.character, text.length);
}

/** Apply LSP text edits (positions in the original text; same-position inserts keep their order; overlaps fail). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const spans = edits
    .map((e, i) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText, i }))
    .sort((a, b) => b.start - a.start || b.i - a.i);
  for (let i = 1; i < spans.length; i++) if (spans[i].end > spans[i - 1].start) throw new Error('edits overlap');
  let out = text;
  for (const sp of spans) out = out.slice(0, sp.start) + sp.newText + out.slice(sp.end);
  return out;
}
