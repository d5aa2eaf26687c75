/**
 * Issue 10, item 8: text an inventory file or a manifest chooses (label keys and values, node
 * names, taints) reaches hover Markdown escaped: it cannot add a link, an image, HTML, emphasis
 * or a heading, nor close the code span it sits in. The hovers come from the built server over
 * stdio with an inventory file (daemonset.inventory.source = file) and are rendered by
 * markdown-it (a CommonMark renderer, with HTML and bare-URL links on: more permissive than
 * VS Code's hover), then the HTML is read.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Hover } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lsp-client';

/** Backticks to close a code span, a javascript: link, an image, HTML, emphasis, autolinks and a line break that would start a heading. */
const HOSTILE =
  'a`b](javascript:alert(1)) <img src=x onerror=alert(1)> *em* __strong__ www.evil.example https://evil.example/x ![i](https://evil.example/i.png)\n\n# heading';
const HOSTILE_NODE = '<img src=x>[n](https://evil.example)';
/** A label key that is snippet syntax: completion inserts it as a snippet. */
const SNIPPET_KEY = 'k${1:evil}$2';

// markdown-it comes with @vscode/vsce (a devDependency); it has no types of its own.
interface Renderer {
  render(markdown: string): string;
  linkify: { set(options: { fuzzyLink: boolean }): void };
}
const MarkdownIt = createRequire(__filename)('markdown-it') as new (options: { html: boolean; linkify: boolean }) => Renderer;
// Bare URLs become links as in VS Code (GFM autolinks: a scheme or `www.`), not every dotted name.
const md = new MarkdownIt({ html: true, linkify: true });
md.linkify.set({ fuzzyLink: false });

function decode(html: string): string {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** What a client would show: no link, image, raw HTML, emphasis or heading made from the data. */
function assertInert(markdown: string, what: string): string {
  const html = md.render(markdown);
  const context = `${what}\n--- markdown ---\n${markdown}\n--- html ---\n${html}`;
  // The server's own links (the API reference) only.
  for (const m of html.matchAll(/<a\b[^>]*>/g)) assert.match(m[0], /^<a href="https:\/\/kubernetes\.io\/docs\//, `a link in ${context}`);
  assert.doesNotMatch(html, /<img[\s>]/, `an image in ${context}`);
  assert.doesNotMatch(html, /<em>/, `emphasis in ${context}`);
  assert.doesNotMatch(html, /<h\d>/, `a heading in ${context}`);
  assert.doesNotMatch(html, /<strong>strong<\/strong>/, `bold from the data in ${context}`);
  return html;
}

/** The hostile value, on one line, shown whole inside one code span. */
function assertShownInCode(html: string, value: string, what: string): void {
  const codes = [...html.matchAll(/<code>(.*?)<\/code>/g)].map((m) => decode(m[1]));
  assert.ok(codes.includes(value.replace(/\n/g, ' ')), `${what}: ${JSON.stringify(value)} is not one code span of ${JSON.stringify(codes)}`);
}

const inventory = `apiVersion: v1
kind: NodeList
items:
  - apiVersion: v1
    kind: Node
    metadata:
      name: ${JSON.stringify(HOSTILE_NODE)}
      labels:
        pool: ${JSON.stringify(HOSTILE)}
        ${JSON.stringify(SNIPPET_KEY)}: "1"
    spec:
      taints:
        - key: dedicated
          value: ${JSON.stringify(HOSTILE)}
          effect: NoSchedule
    status:
      allocatable: {cpu: "4", memory: 8Gi, pods: "110"}
  - apiVersion: v1
    kind: Node
    metadata:
      name: plain-node
      labels:
        pool: ${JSON.stringify(HOSTILE)}
    status:
      allocatable: {cpu: "4", memory: 8Gi, pods: "110"}
`;

const manifest = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
      nodeSelector:
        pool: ${JSON.stringify(HOSTILE)}
      tolerations:
        - key: other
          operator: Exists
      containers:
        - name: agent
          image: agent:1
          resources:
            limits:
              "x](javascript:alert(1))<img src=y>": "1"
`;
const line = (text: string) => manifest.split('\n').findIndex((l) => l.includes(text));

describe('hover Markdown built from data', () => {
  let client: LspClient;
  let dir: string;
  const uri = 'file:///security/hover-markdown.yaml';

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ds-hover-md-'));
    const file = path.join(dir, 'hostile-nodes.yaml');
    writeFileSync(file, inventory);
    client = await LspClient.start({ settings: { daemonset: { inventory: { source: 'file', files: [file] } } } });
    // The inventory loads after the settings arrive: wait until the server uses it.
    const deadline = Date.now() + 10_000;
    for (;;) {
      const info = await client.request<{ source: string; nodes?: number }>('daemonset/inventory', null);
      if (info.source === 'file') break;
      if (Date.now() > deadline) throw new Error(`the inventory file was not loaded: ${JSON.stringify(info)}${client.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await client.open(uri, manifest);
    await client.waitForDiagnostics(uri);
  });
  after(() => {
    client?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  async function hoverMarkdown(at: string, character: number): Promise<string> {
    const h = await client.hover(uri, { line: line(at), character });
    assert.ok(h, `a hover on ${at}`);
    const contents = (h as Hover).contents as { kind: string; value: string };
    assert.equal(contents.kind, 'markdown');
    return contents.value;
  }

  test('a hostile label value (in the inventory and the nodeSelector) and node name stay text in the nodeSelector hover', async () => {
    const value = await hoverMarkdown('pool:', 9);
    assert.match(value, /\*\*Placement\*\* on inventory/);
    const html = assertInert(value, 'nodeSelector hover');
    // The selector `pool=<value>` and the inventory's values of `pool`, each exactly as written.
    assertShownInCode(html, `pool=${HOSTILE}`, 'the selector');
    assertShownInCode(html, HOSTILE, "the nodes' values");
    // The matching nodes are listed by name, as text.
    assert.ok(decode(html).includes(HOSTILE_NODE), `node name shown as text in ${html}`);
  });

  test('a node excluded by a taint with a hostile value and name stays text in the tolerations hover', async () => {
    const value = await hoverMarkdown('tolerations:', 8);
    const html = assertInert(value, 'tolerations hover');
    assert.ok(decode(html).includes(HOSTILE_NODE), `node name shown as text in ${html}`);
  });

  test('a hostile map key from the document stays text in its hover', async () => {
    const value = await hoverMarkdown('"x](javascript', 16);
    const html = assertInert(value, 'resource name hover');
    assert.ok(decode(html).includes('x](javascript:alert(1))<img src=y>'), html);
  });

  test('a label key that reads as snippet syntax is inserted as written by completion', async () => {
    const other = 'file:///security/snippet-key.yaml';
    const text = manifest.replace(/^( +)pool: .*$/m, '$1');
    await client.open(other, text);
    const at = text.split('\n').findIndex((l) => /^ +$/.test(l));
    const result = await client.completion(other, { line: at, character: 8 });
    const items = Array.isArray(result) ? result : (result?.items ?? []);
    const item = items.find((i) => i.label === SNIPPET_KEY);
    assert.ok(item, `no item for the key among ${JSON.stringify(items.map((i) => i.label))}`);
    const newText = (item.textEdit as { newText: string }).newText;
    // Tab stops of the server's own only ($0); the key's `$` and `}` are escaped.
    assert.equal(newText, '"k\\${1:evil\\}\\$2": $0');
  });
});
