// What the extension posts to the placement page (client/src/panel/sync.ts, pure): the whole state
// once, then only what changed, nothing for an answer that did not change, and no request at all
// for a cursor move inside the DaemonSet shown. The page applies the same operations
// (client/src/webview/patch.ts). Figures are for a 10,000-node state.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PanelState } from '../../client/src/panel/model';
import { answerKey, answerStillValid, diffState, StatePoster } from '../../client/src/panel/sync';
import { applyPatch } from '../../client/src/webview/patch';
import { largeState } from '../fixtures/placement/generate';

const bytes = (m: unknown) => (m === undefined ? 0 : Buffer.byteLength(JSON.stringify(m)));
const clone = (s: PanelState) => JSON.parse(JSON.stringify(s)) as PanelState;

describe('posting changes to the page', () => {
  const big = largeState(10_000);
  const full = bytes({ type: 'state', state: big });

  it('a repeated identical answer posts nothing; the first post is the whole state', () => {
    const poster = new StatePoster<string>();
    const first = poster.message('view', big);
    assert.equal(first?.type, 'state');
    assert.ok(full > 10_000_000, `the whole state is ${full} bytes`);
    const again = poster.message('view', clone(big));
    assert.equal(again, undefined);
    console.log(`# 10,000 nodes: whole state ${full} bytes; identical answer again: ${bytes(again)} bytes`);
  });

  it('one node that changed posts that node only, and the page ends with the same state', () => {
    const poster = new StatePoster<string>();
    poster.message('view', big);
    const next = clone(big);
    const n = next.daemonSet!.placement.nodes[7_777];
    n.verdict = 'runs';
    n.reasons = [];
    next.daemonSet!.placement.counts = { ...next.daemonSet!.placement.counts, runs: next.daemonSet!.placement.counts.runs + 1 };
    const m = poster.message('view', next);
    assert.equal(m?.type, 'patch');
    assert.ok(bytes(m) < 5_000, `${bytes(m)} bytes`);
    const page = clone(big);
    const applied = applyPatch(page, m!.type === 'patch' ? m!.ops : []);
    assert.deepEqual(applied, next);
    console.log(`# one node changed: ${bytes(m)} bytes instead of ${full}`);
  });

  it('each page has its own memory: a page that reloaded gets the whole state', () => {
    const poster = new StatePoster<string>();
    poster.message('view', big);
    poster.message('beside', big);
    assert.equal(poster.message('view', big), undefined);
    poster.forget('beside');
    assert.equal(poster.message('beside', big)?.type, 'state');
  });

  it('another DaemonSet, another file or an empty state is sent whole', () => {
    const poster = new StatePoster<string>();
    poster.message('view', big);
    const other = clone(big);
    other.daemonSet!.name = 'other';
    assert.deepEqual(
      diffState(big, other).map((o) => o.p.join('.')),
      ['daemonSet.name'],
    );
    assert.equal(poster.message('view', { empty: 'noEditor' })?.type, 'state');
    assert.equal(poster.message('view', big)?.type, 'state');
  });

  it('a cursor move inside the DaemonSet shown needs no new answer; a change of line, version, save or inventory does', () => {
    const answer = {
      inventory: big.inventory!,
      version: 4,
      daemonSets: [
        { name: 'a', line: 0 },
        { name: 'b', line: 30 },
      ],
      active: 1,
      daemonSet: { ...big.daemonSet!, line: 30, range: { start: { line: 30, character: 0 }, end: { line: 60, character: 0 } } },
    };
    const key = answerKey('file:///w/x.yaml', false, 0, answer);
    const at = (line: number, over: Partial<{ uri: string; version: number; dirty: boolean; epoch: number }> = {}) =>
      answerStillValid(key, { uri: 'file:///w/x.yaml', version: 4, dirty: false, epoch: 0, line, ...over });
    assert.equal(at(31), true);
    assert.equal(at(60), true);
    assert.equal(at(10), false, 'the other DaemonSet');
    assert.equal(at(31, { version: 5 }), false, 'an edit');
    assert.equal(at(31, { dirty: true }), false);
    assert.equal(at(31, { epoch: 1 }), false, 'the inventory or the settings changed');
    assert.equal(at(31, { uri: 'file:///w/y.yaml' }), false);
    // The only DaemonSet of a file is shown wherever the cursor is.
    const single = answerKey('file:///w/x.yaml', false, 0, { ...answer, daemonSets: [{ name: 'b', line: 30 }], active: 0 });
    assert.equal(answerStillValid(single, { uri: 'file:///w/x.yaml', version: 4, dirty: false, epoch: 0, line: 2 }), true);
    // No DaemonSet shown: always ask.
    const none = answerKey('file:///w/x.yaml', false, 0, { ...answer, active: -1, daemonSet: undefined });
    assert.equal(answerStillValid(none, { uri: 'file:///w/x.yaml', version: 4, dirty: false, epoch: 0, line: 31 }), false);
  });
});
