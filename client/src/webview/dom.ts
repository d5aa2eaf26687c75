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
