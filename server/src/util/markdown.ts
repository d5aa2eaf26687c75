/**
 * Text that comes from a document, an inventory file or a cluster (keys, label values, node
 * names, inventory names, taints), placed in the Markdown of hovers and completion details. A
 * repository or an inventory chooses that text: it must not become a link, an image, HTML,
 * emphasis or a list, nor close the code span it sits in.
 */

/** Line breaks would end a paragraph or a list item: the text is kept on one line. */
function oneLine(s: string): string {
  let out = '';
  for (const c of s) out += c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029' ? ' ' : c;
  return out;
}

/**
 * As plain text: every ASCII punctuation character that Markdown reads (CommonMark lets a
 * backslash escape any of them) is escaped, except `-`, `.` and `/`, which names are made of and
 * which start nothing inside a line; those are escaped where they would (a leading `-` or
 * `1.`, the `.` of `www.` that would make an autolink). `:` and `@` are escaped, so
 * `https://…` and `a@b.c` are not autolinked either.
 */
export function mdText(s: string): string {
  const text = oneLine(s).trimStart();
  let digits = 0;
  while (text[digits] >= '0' && text[digits] <= '9') digits++;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const code = c.charCodeAt(0);
    const punct = (code >= 0x21 && code <= 0x2f) || (code >= 0x3a && code <= 0x40) || (code >= 0x5b && code <= 0x60) || (code >= 0x7b && code <= 0x7e);
    let escape = punct && c !== '-' && c !== '.' && c !== '/';
    if (c === '-' && i === 0) escape = true;
    // `1.` or `1)` at the start would begin an ordered list inside a list item.
    if (c === '.' && i === digits && digits > 0) escape = true;
    if (c === '.' && i >= 3 && text.slice(i - 3, i).toLowerCase() === 'www') escape = true;
    out += escape ? `\\${c}` : c;
  }
  return out;
}

/**
 * As an inline code span: the fence is one backtick longer than the longest run of backticks in
 * the text, so nothing in it can close the span (Markdown reads no links, HTML or emphasis
 * inside a code span). A space pads a text that starts or ends with a backtick or a space; the
 * renderer strips exactly that space.
 */
export function mdCode(s: string): string {
  const text = oneLine(s);
  if (text === '') return '` `';
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === '`' ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
