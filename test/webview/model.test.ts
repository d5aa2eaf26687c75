// The panel's state without a browser: the fixtures staying in step with the engine, the empty
// states, the page shell and its strings.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { panelState } from '../../client/src/panel/model';
import { fmt, panelStrings } from '../../client/src/panel/strings';
import { pageHtml } from '../../client/src/panel/html';
import { fixtureNames, fixturesDir, stateFor } from '../fixtures/placement/generate';

describe('fixtures and page shell', () => {
  it('the committed fixtures match what the engine computes now (regenerate with test/fixtures/placement/generate.ts)', () => {
    for (const name of fixtureNames()) {
      const committed = JSON.parse(readFileSync(path.join(fixturesDir, `${name}.state.json`), 'utf8'));
      assert.deepEqual(committed, JSON.parse(JSON.stringify(stateFor(name))), name);
    }
  });
  it('panelState reports no DaemonSet and a cursor outside every DaemonSet', () => {
    const inventory = { source: 'sample' as const, name: 'sample cluster', nodes: 1, pods: 0, messages: [] };
    assert.equal(panelState({ inventory, daemonSets: [], active: -1 }, { uri: 'u', fileName: 'f', dirty: false }).empty, 'noDaemonSet');
    const st = panelState({ inventory, active: -1, daemonSets: [{ name: 'x', line: 3 }] }, { uri: 'u', fileName: 'f', dirty: false });
    assert.equal(st.empty, 'noDaemonSetHere');
    assert.deepEqual(st.others, [{ name: 'x', line: 3 }]);
    assert.equal(stateFor('gpu-plugin').daemonSet?.name, 'nvidia-device-plugin');
  });
  it('the page shell has a strict CSP with a nonce and no inline script or style', () => {
    const html = pageHtml({
      cspSource: 'https://x.vscode-cdn.net',
      nonce: 'abc123',
      scriptUri: 'https://x/p.js',
      styleUri: 'https://x/p.css',
      codiconsUri: 'https://x/c.css',
      lang: 'ko',
      title: '<t>',
    });
    assert.match(
      html,
      /content="default-src 'none'; style-src https:\/\/x\.vscode-cdn\.net; font-src https:\/\/x\.vscode-cdn\.net; img-src https:\/\/x\.vscode-cdn\.net; script-src 'nonce-abc123'"/,
    );
    assert.match(html, /<script nonce="abc123" src="https:\/\/x\/p\.js"><\/script>/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.doesNotMatch(html, /<style|style=/);
    assert.match(html, /<title>&lt;t&gt;<\/title>/);
  });
  it('every page string goes through l10n.t and placeholders fill like vscode.l10n.t', () => {
    const seen: string[] = [];
    const strings = panelStrings({ t: (m) => (seen.push(m), `ko:${m}`) });
    assert.equal(Object.keys(strings).length, seen.length);
    assert.ok(Object.values(strings).every((v) => v.startsWith('ko:')));
    assert.equal(fmt('{0} of {1} nodes shown', 3, 15), '3 of 15 nodes shown');
    assert.equal(fmt('{0} {2}', 'a'), 'a {2}');
  });
});
