/**
 * Issue 10, item 3: lines that made a regular expression backtrack catastrophically, fed to the
 * built server over stdio. Each request must be answered (and diagnostics published) in well
 * under a second. Before the fixes: completion below `spec: !!!…! &` took over 60 s (exponential),
 * hover on a long line of spaces 10.8 s, diagnostics of a 300k-`{` comment 21.7 s, of a 100 KB
 * env value 7–12 s; each figure is in the report of the change that fixed it.
 *
 * One server per attack: a runaway regex must not make the next test fail for the wrong reason.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../helpers/lsp-client';

/** Completion and hover answer within this, measured from send to answer. */
const ANSWER_MS = 500;
/** Diagnostics are published within this after the document opens (the server debounces by 150 ms at most). */
const PUBLISH_MS = 1000;

/**
 * The editor declines a DaemonSet document above 48 KB (server.ts EDITOR_LIMITS), so each attack
 * stays under it and a file carries several such documents where one would be too quick to tell.
 */
const ATTACK_BYTES = 44_000;
const DOCUMENTS = 5;

/** A DaemonSet whose pod spec ends with `podSpec` (indented 6). */
function daemonSet(podSpec: string): string {
  return [
    'apiVersion: apps/v1',
    'kind: DaemonSet',
    'metadata:',
    '  name: agent',
    'spec:',
    '  selector:',
    '    matchLabels: {app: agent}',
    '  template:',
    '    metadata:',
    '      labels: {app: agent}',
    '    spec:',
    podSpec,
  ].join('\n');
}

/** A file of DOCUMENTS copies of a document. */
function times(doc: string): string {
  return Array.from({ length: DOCUMENTS }, () => doc).join('\n---\n');
}

/** A server that has answered once already: what is timed is the attack, not start-up and the schema's first load. */
async function warmServer(): Promise<LspClient> {
  const client = await LspClient.start({ timeoutMs: 10_000 });
  const uri = 'file:///security/warm.yaml';
  await client.open(uri, daemonSet('      hostNetwork: true\n      containers: []\n'));
  await client.waitForDiagnostics(uri);
  await client.hover(uri, { line: 11, character: 8 });
  await client.completion(uri, { line: 11, character: 6 });
  return client;
}

async function within<T>(what: string, limitMs: number, run: (timeoutMs: number) => Promise<T>): Promise<T> {
  const start = performance.now();
  // The request's own timeout is generous so a slow answer fails with its figure, not a timeout message.
  const out = await run(30_000);
  const ms = performance.now() - start;
  assert.ok(ms < limitMs, `${what} took ${ms.toFixed(0)} ms (limit ${limitMs} ms)`);
  return out;
}

async function publishedWithin(client: LspClient, uri: string, text: string): Promise<void> {
  const since = client.mark();
  await within(`diagnostics of ${uri}`, PUBLISH_MS, async (timeoutMs) => {
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, { since, timeoutMs });
  });
}

describe('catastrophic regexes, through the protocol', () => {
  test('completion below `spec: !!!…! &` (tags and an anchor scanned for a nested block) answers at once', async () => {
    const client = await warmServer();
    try {
      const uri = 'file:///security/tags.yaml';
      // The old `opensBlock` regex /^(?:(?:&\S+|!\S*)\s*)*$/ was exponential in the number of `!`
      // when the value does not end like a tag (here an anchor without a name).
      const text = ['apiVersion: apps/v1', 'kind: DaemonSet', `spec: ${'!'.repeat(30)} &`, '  - '].join('\n');
      await client.open(uri, text);
      await within('completion of the item', ANSWER_MS, (timeoutMs) => client.completion(uri, { line: 3, character: 4 }, timeoutMs));
      await within('completion on the tag line', ANSWER_MS, (timeoutMs) => client.completion(uri, { line: 2, character: 38 }, timeoutMs));
    } finally {
      client.kill();
    }
  });

  test('hover on a line of 44k spaces after a word answers at once', async () => {
    const client = await warmServer();
    try {
      const uri = 'file:///security/spaces.yaml';
      // The old key scanner /…[^#]*?[ \t]*:/ tried every split of the spaces: quadratic.
      const text = daemonSet(`      hostNetwork: true\n      x${' '.repeat(ATTACK_BYTES)}\n      containers: []\n`);
      await client.open(uri, text);
      const onLine = await within('hover on the line', ANSWER_MS, (timeoutMs) => client.hover(uri, { line: 12, character: ATTACK_BYTES / 2 }, timeoutMs));
      assert.equal(onLine, null);
      // Every line of the document is scanned for a hover elsewhere in it.
      const onKey = await within('hover on hostNetwork', ANSWER_MS, (timeoutMs) => client.hover(uri, { line: 11, character: 8 }, timeoutMs));
      assert.ok(onKey, 'hostNetwork has a hover');
      await within('completion after the spaces', ANSWER_MS, (timeoutMs) => client.completion(uri, { line: 12, character: ATTACK_BYTES + 7 }, timeoutMs));
    } finally {
      client.kill();
    }
  });

  test('diagnostics of a file with comments of 5 × 44k `{` are published at once', async () => {
    const client = await warmServer();
    try {
      // The old template detector /\{\{[\s\S]*?\}\}/ scanned to the end from every `{{`: quadratic.
      await publishedWithin(client, 'file:///security/braces.yaml', times(daemonSet(`      # ${'{'.repeat(ATTACK_BYTES)}\n      containers: []\n`)));
    } finally {
      client.kill();
    }
  });

  test('diagnostics of hostNetwork DaemonSets with 44 KB env values are published at once', async () => {
    const client = await warmServer();
    try {
      const uri = 'file:///security/env.yaml';
      // host-network-dns-policy looked for a Service name with /\b[a-z0-9-]+\.[a-z0-9-]+\.svc…/: quadratic on `a-a-a-…`.
      const value = 'a-'.repeat(ATTACK_BYTES / 2);
      const pod = (v: string) =>
        [
          '      hostNetwork: true',
          '      containers:',
          '        - name: agent',
          '          image: agent:1',
          '          env:',
          '            - name: SINK',
          `              value: "${v}"`,
          '',
        ].join('\n');
      await publishedWithin(client, uri, times(daemonSet(pod(value))));
      // The rule still finds a Service name at the end of such a value.
      const since = client.mark();
      await client.change(uri, daemonSet(pod(`${value} http://collector.monitoring.svc:4318`)), 2);
      const { diagnostics } = await client.waitForDiagnostics(uri, { since, version: 2 });
      const dns = diagnostics.find((d) => d.code === 'host-network-dns-policy');
      assert.ok(dns, JSON.stringify(diagnostics.map((d) => d.code)));
      assert.equal(typeof dns.message, 'string');
      assert.match(dns.message as string, /collector\.monitoring\.svc/);
    } finally {
      client.kill();
    }
  });

  test('diagnostics of a syntax error on a long line of `${` placeholders are published at once', async () => {
    const client = await warmServer();
    try {
      // The placeholder regex /\$\{[^}]+\}/ scanned to the end of the line from every `${`: quadratic.
      const line = `      command: ${'${'.repeat(ATTACK_BYTES / 2)} : x: y`;
      const uri = 'file:///security/placeholder.yaml';
      await publishedWithin(client, uri, times(daemonSet(`${line}\n      containers: []\n`)));
      const last = client.published.filter((p) => p.uri === uri).pop()!;
      assert.ok(
        last.diagnostics.some((d) => d.code === 'yaml-syntax'),
        JSON.stringify(last.diagnostics.map((d) => d.code)),
      );
    } finally {
      client.kill();
    }
  });
});
