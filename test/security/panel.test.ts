// Messages from the placement page are not trusted (issue 10, item 8): the extension acts on
// `reveal`, `applyFix` and `goToLine` only for the document the panel shows, for lines and
// ranges inside it, and for nodes, reasons and fixes of the answer it holds, with integer
// indexes in bounds; anything else is ignored (the controller logs it). Before, a page could
// open any URI (`reveal`/`goToLine` took the page's uri) and a reason out of bounds revealed the
// DaemonSet instead of being refused. Also: the page applies patches without letting a key
// reach an object's prototype.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPageMessage, type Shown } from '../../client/src/panel/sync';
import { applyPatch } from '../../client/src/webview/patch';
import { stateFor } from '../fixtures/placement/generate';

const st = stateFor('node-agent');
const uri = st.uri!;
const ds = st.daemonSet!;
const shown: Shown = { uri, lineCount: 60, answer: { inventory: st.inventory!, version: 1, daemonSets: st.others!, active: 0, daemonSet: ds } };
const gpu = ds.placement.nodes.find((n) => n.name === 'gpu-a-1')!;
const worker = ds.placement.nodes.find((n) => n.name === 'worker-c-1')!;
const cp2 = ds.placement.nodes.find((n) => n.name === 'cp-2')!;

const refused = (m: unknown, s: Shown | null = shown) => {
  const r = checkPageMessage(m, s ?? undefined);
  assert.equal(r.ok, false, JSON.stringify(m));
  return r.ok ? '' : r.why;
};

describe('page messages are checked against the document and answer shown', () => {
  it('accepts what the page legitimately sends, taking ranges and edits from the answer', () => {
    const reveal = checkPageMessage({ type: 'reveal', uri, node: 'gpu-a-1', reason: 0 }, shown);
    assert.deepEqual(reveal, { ok: true, request: { type: 'reveal', uri, range: gpu.reasons[0].range } });
    const later = checkPageMessage({ type: 'reveal', uri, node: 'worker-c-1', reason: worker.reasons.length }, shown);
    assert.equal(later.ok, true);
    const fix = checkPageMessage({ type: 'applyFix', uri, node: 'gpu-a-1', reason: 0, fix: 0 }, shown);
    assert.deepEqual(fix, { ok: true, request: { type: 'applyFix', uri, edits: gpu.reasons[0].fixes![0].edits } });
    assert.equal(checkPageMessage({ type: 'applyFix', uri, node: 'cp-2', reason: -1, fix: 0 }, shown).ok, true);
    assert.deepEqual(checkPageMessage({ type: 'goToLine', uri, line: 59 }, shown), { ok: true, request: { type: 'goToLine', uri, line: 59 } });
    for (const type of ['ready', 'selectInventory', 'refreshInventory'])
      assert.deepEqual(checkPageMessage({ type }, undefined), { ok: true, request: { type } });
  });

  it('another document: no reveal, fix or go-to-line outside the file shown', () => {
    for (const other of ['file:///etc/passwd', 'untitled:x', `${uri}#x`, 'command:workbench.action.terminal.new', undefined, 7])
      for (const m of [
        { type: 'reveal', uri: other, node: 'gpu-a-1', reason: 0 },
        { type: 'applyFix', uri: other, node: 'gpu-a-1', reason: 0, fix: 0 },
        { type: 'goToLine', uri: other, line: 0 },
      ])
        assert.match(refused(m), /not the document the panel shows/);
    assert.match(refused({ type: 'goToLine', uri, line: 0 }, null), /shows no document/);
  });

  it('lines outside the document and non-integer or out-of-range indexes', () => {
    for (const line of [-1, 60, 1e9, 1.5, '3', NaN, null]) refused({ type: 'goToLine', uri, line });
    for (const reason of [-1, -2, 1.5, '0', null, gpu.reasons.length + (gpu.laterReasons?.length ?? 0), 1e9])
      refused({ type: 'reveal', uri, node: 'gpu-a-1', reason });
    for (const fix of [-1, 1, 0.5, '0', null, 1e9]) refused({ type: 'applyFix', uri, node: 'gpu-a-1', reason: 0, fix });
    refused({ type: 'applyFix', uri, node: 'gpu-a-1', reason: 7, fix: 0 });
    refused(
      { type: 'applyFix', uri, node: 'worker-c-1', reason: -1, fix: 0 },
      { ...shown, answer: { ...shown.answer, daemonSet: { ...ds, placement: { ...ds.placement, nodes: [{ ...worker, fixes: undefined }] } } } },
    );
    for (const node of ['no-such-node', 3, undefined, '__proto__', 'constructor']) refused({ type: 'reveal', uri, node, reason: 0 });
  });

  it('ranges of the answer that fall outside the document (it shrank since) are refused', () => {
    const short: Shown = { ...shown, lineCount: 3 };
    assert.match(refused({ type: 'reveal', uri, node: 'gpu-a-1', reason: 0 }, short), /outside the document/);
    assert.match(refused({ type: 'applyFix', uri, node: 'gpu-a-1', reason: 0, fix: 0 }, short), /outside the document/);
    assert.ok(cp2.fixes?.length);
  });

  it('unknown or malformed messages are refused, not thrown', () => {
    for (const m of [
      null,
      undefined,
      'reveal',
      42,
      [],
      {},
      { type: 'tolerate', uri, node: 'gpu-a-1' },
      { type: 'runCommand', command: 'x' },
      { type: { toString: () => 'reveal' } },
    ])
      refused(m);
  });
});

describe('the page applies patches without reaching a prototype', () => {
  it('refuses __proto__, constructor and prototype keys and paths the diff never produces', () => {
    for (const p of [
      ['__proto__', 'polluted'],
      ['daemonSet', '__proto__', 'polluted'],
      ['constructor', 'prototype', 'polluted'],
      ['inventory', 'prototype'],
    ]) {
      const state = structuredClone(st);
      assert.equal(applyPatch(state, [{ p, v: 'yes' }]), undefined, p.join('.'));
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(applyPatch(structuredClone(st), [{ p: ['daemonSet', 'placement', 'nodes', 99], v: {} }]), undefined, 'index out of range');
    assert.equal(applyPatch(structuredClone(st), [{ p: ['nothing', 'here'], v: 1 }]), undefined, 'missing parent');
  });
});
