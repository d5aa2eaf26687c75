/**
 * A tiny DOM builder for the placement page. Text always goes in through text nodes and
 * attributes through setAttribute with fixed names, so no string from a manifest or a cluster
 * is ever parsed as HTML.
 */
export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  /** Fixed attribute names chosen by the page (never from data); values are data-safe. */
  attrs?: Record<string, string | number | boolean | undefined>;
  on?: { [K in keyof HTMLElementEventMap]?: (ev: HTMLElementEventMap[K]) => void };
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props?.class) el.className = props.class;
  for (const [k, v] of Object.entries(props?.attrs ?? {})) {
    if (v === undefined || v === false) continue;
    if (/^on/i.test(k)) throw new Error(`event attributes are not allowed: ${k}`);
    el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const [k, fn] of Object.entries(props?.on ?? {})) el.addEventListener(k, fn as EventListener);
  append(el, children);
  return el;
}

export function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/**
 * Text with line-break opportunities after `/ . = : -` (as <wbr> elements between text nodes):
 * label keys, taints and node names are long words that otherwise break mid-word in a sidebar.
 */
export function breakable(text: string): DocumentFragment {
  const f = document.createDocumentFragment();
  for (const part of text.split(/(?<=[/.=:-])/)) {
    if (f.childNodes.length) f.append(document.createElement('wbr'));
    f.append(document.createTextNode(part));
  }
  return f;
}

/** A codicon, hidden from screen readers (the text beside it carries the meaning). */
export function icon(name: string, extra = ''): HTMLSpanElement {
  return h('span', { class: `codicon codicon-${name}${extra ? ` ${extra}` : ''}`, attrs: { 'aria-hidden': 'true' } });
}

/**
 * Re-renders a section only when its content changed (by signature), keeping the element so
 * scroll position and layout stay put.
 */
const signatures = new WeakMap<Element, string>();

export function updateSection(el: HTMLElement, signature: string, build: () => Child[]): void {
  if (signatures.get(el) === signature) return;
  signatures.set(el, signature);
  el.replaceChildren();
  append(el, build());
}

/** Text from a manifest or a cluster that may hold right-to-left script or bidi controls (anything beyond printable ASCII). */
const NEEDS_ISOLATION = /[^\x20-\x7e]/;

/** A value isolated for bidi (<bdi>: its own direction, and nothing in it reorders the text around it). */
export function bdi(value: string): HTMLElement {
  const el = document.createElement('bdi');
  el.append(breakable(value));
  return el;
}

/**
 * `breakable(text)` where each occurrence of one of `values` (node names, label values, taints,
 * pod names the text quotes) that holds non-ASCII characters is isolated in a <bdi>: a name in
 * Hebrew or with U+202E in a server sentence cannot turn the rest of the sentence around.
 */
export function isolated(text: string, values: Iterable<string>): DocumentFragment {
  const risky = [...new Set(values)].filter((v) => v && NEEDS_ISOLATION.test(v) && text.includes(v)).sort((a, b) => b.length - a.length);
  if (risky.length === 0) return breakable(text);
  const f = document.createDocumentFragment();
  let rest = text;
  while (rest) {
    let at = -1;
    let hit = '';
    for (const v of risky) {
      const i = rest.indexOf(v);
      if (i >= 0 && (at < 0 || i < at)) [at, hit] = [i, v];
    }
    if (at < 0) {
      f.append(breakable(rest));
      break;
    }
    if (at > 0) f.append(breakable(rest.slice(0, at)));
    f.append(bdi(hit));
    rest = rest.slice(at + hit.length);
  }
  return f;
}

/** fmt() with each argument isolated in a <bdi> (names from the data inside the page's own sentences). */
export function fmtIsolated(template: string, ...args: string[]): DocumentFragment {
  const f = document.createDocumentFragment();
  let last = 0;
  for (const m of template.matchAll(/\{(\d+)\}/g)) {
    const i = Number(m[1]);
    if (i >= args.length) continue;
    if (m.index > last) f.append(template.slice(last, m.index));
    f.append(bdi(args[i]));
    last = m.index + m[0].length;
  }
  if (last < template.length) f.append(template.slice(last));
  return f;
}
