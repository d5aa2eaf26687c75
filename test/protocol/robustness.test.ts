/**
 * The server stays responsive on hostile files (10 MB, binary junk) and ends cleanly on
 * shutdown + exit.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, CompletionItem, CompletionList, Position } from 'vscode-languageserver-protocol';
import { binaryJunk, largeDaemonSetFile, Rng } from '../helpers/generate';
import { LspClient } from '../helpers/lsp-client';
import { BAD_ENUM, messageOf } from './texts';

/** Every request must be answered within this (measured from send to answer). */
const ANSWER_MS = 1000;

async function timed<T>(what: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const out = await run();
  const ms = performance.now() - start;
  assert.ok(ms < ANSWER_MS, `${what} took ${ms.toFixed(0)} ms`);
  return out;
}

/** Completion, hover and code actions at a few positions, each answered in time. */
async function probe(client: LspClient, uri: string, positions: Position[]): Promise<void> {
  for (const pos of positions) {
    const range = { start: pos, end: pos };
    await timed(`completion at ${JSON.stringify(pos)}`, () => client.completion(uri, pos, ANSWER_MS) as Promise<CompletionItem[] | CompletionList | null>);
    await timed(`hover at ${JSON.stringify(pos)}`, () => client.hover(uri, pos, ANSWER_MS));
    await timed(`code actions at ${JSON.stringify(pos)}`, () => client.codeActions(uri, range, [], undefined, ANSWER_MS) as Promise<CodeAction[]>);
  }
}

describe('robustness over LSP', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { daemonset: { rules: {}, maxFileSizeMB: 5 } } });
  });
  after(() => client.kill());

  test('a 10 MB file with a DaemonSet is declined with a visible file-too-large diagnostic and requests stay fast', async () => {
    const uri = 'file:///protocol/huge.yaml';
    const text = largeDaemonSetFile(10 * 1024 * 1024);
    assert.ok(text.length >= 10 * 1024 * 1024);
    await client.open(uri, text);
    // Sending 10 MB through the pipe takes a moment; the diagnostic itself is immediate.
    const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1, timeoutMs: 30_000 });
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    const [d] = diagnostics;
    assert.equal(d.code, 'file-too-large');
    assert.equal(d.source, 'daemonset');
    // Visible: shown in the Problems panel (a hint would not be).
    assert.ok(d.severity !== undefined && d.severity <= 3, `severity ${d.severity}`);
    assert.match(messageOf(d), /10\.0 MB/);
    assert.match(messageOf(d), /daemonset-check/);
    const lines = text.split('\n').length;
    await probe(client, uri, [
      { line: 0, character: 0 },
      { line: 20, character: 8 },
      { line: Math.floor(lines / 2), character: 4 },
      { line: lines - 1, character: 0 },
    ]);
  });

  test('binary junk gets no diagnostics and requests stay fast', async () => {
    const uri = 'file:///protocol/junk.yaml';
    const text = binaryJunk(new Rng(42), 1024 * 1024);
    await client.open(uri, text);
    const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1, timeoutMs: 30_000 });
    assert.deepEqual(diagnostics, []);
    const rng = new Rng(43);
    const lines = text.split('\n');
    const positions: Position[] = [];
    for (let i = 0; i < 5; i++) {
      const line = rng.int(lines.length);
      positions.push({ line, character: rng.int(lines[line].length + 1) });
    }
    await probe(client, uri, positions);
  });

  test('junk with a DaemonSet header gets a YAML syntax error, not a crash', async () => {
    const uri = 'file:///protocol/junk-ds.yaml';
    const text = `apiVersion: apps/v1\nkind: DaemonSet\nspec: ${binaryJunk(new Rng(44), 64 * 1024)}`;
    await client.open(uri, text);
    const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1, timeoutMs: 30_000 });
    assert.ok(diagnostics.length >= 1, 'no diagnostic for broken YAML in a DaemonSet');
    await probe(client, uri, [
      { line: 2, character: 6 },
      { line: 1, character: 3 },
    ]);
  });

  test('the server still works after all that', async () => {
    const uri = 'file:///protocol/after.yaml';
    await client.open(uri, BAD_ENUM);
    const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
    assert.ok(diagnostics.some((d) => d.code === 'invalid-enum'));
  });
});

test('shutdown then exit ends the server with exit code 0', async () => {
  const client = await LspClient.start();
  try {
    const uri = 'file:///protocol/shutdown.yaml';
    await client.open(uri, BAD_ENUM);
    await client.waitForDiagnostics(uri, { version: 1 });
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
});
