// The panel's view model without a browser: rollout arithmetic (Kubernetes' rounding), the
// footprint, the reveal ranges, and the fixtures staying in step with the engine.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { locate, parseFile, findDaemonSets } from '../../server/src/yaml/document';
import { footprint, panelState, rolloutPlan, scaledValue, selectorKeys } from '../../client/src/panel/model';
import { daemonSetValueAt, reasonRange } from '../../client/src/panel/locate';
import { fmt, panelStrings } from '../../client/src/panel/strings';
import { pageHtml } from '../../client/src/panel/html';
import { fixtureNames, fixturesDir, stateFor } from '../fixtures/placement/generate';
import type { PlacementResult } from '../../server/src/placement/types';

const ds = (strategy: unknown, extra: Record<string, unknown> = {}) => ({ spec: { updateStrategy: strategy, ...extra } });

describe('scaledValue (intstr.GetScaledValueFromIntOrPercent)', () => {
  it('rounds percentages up for DaemonSets and takes ints as they are', () => {
    assert.equal(scaledValue('25%', 9), 3); // 2.25 → 3
    assert.equal(scaledValue('10%', 5), 1); // 0.5 → 1
    assert.equal(scaledValue('0%', 50), 0);
    assert.equal(scaledValue('100%', 7), 7);
    assert.equal(scaledValue(4, 100), 4);
    assert.equal(scaledValue('25%', 9, false), 2);
  });
  it('rejects strings that are not <int>%', () => {
    assert.equal(scaledValue('25', 9), undefined);
    assert.equal(scaledValue('abc%', 9), undefined);
    assert.equal(scaledValue(1.5, 9), undefined);
  });
});

describe('rolloutPlan', () => {
  it('applies apps/v1 defaults: RollingUpdate, maxUnavailable 1, maxSurge 0', () => {
    const r = rolloutPlan({ spec: {} }, 9);
    assert.equal(r.type, 'RollingUpdate');
    assert.deepEqual(r.maxUnavailable, { raw: 1, value: 1, defaulted: true });
    assert.deepEqual(r.maxSurge, { raw: 0, value: 0, defaulted: true });
    assert.equal(r.step, 1);
    assert.equal(r.waves, 9);
    assert.equal(r.surge, false);
  });
  it('scales a percent maxUnavailable against DESIRED, rounding up', () => {
    const r = rolloutPlan(ds({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '30%' } }, { minReadySeconds: 15 }), 10);
    assert.equal(r.maxUnavailable?.value, 3);
    assert.equal(r.step, 3);
    assert.equal(r.waves, 4); // ceil(10 / 3)
    assert.equal(r.minReadySeconds, 15);
  });
  it('surges when maxSurge is set (maxUnavailable 0)', () => {
    const r = rolloutPlan(ds({ rollingUpdate: { maxSurge: '20%', maxUnavailable: 0 } }), 12);
    assert.equal(r.surge, true);
    assert.equal(r.maxSurge?.value, 3); // 2.4 → 3
    assert.equal(r.step, 3);
    assert.equal(r.waves, 4);
  });
  it('falls back to maxUnavailable 1 when both scale to 0 (the controller does)', () => {
    const r = rolloutPlan(ds({ rollingUpdate: { maxUnavailable: '0%', maxSurge: 0 } }), 5);
    assert.equal(r.fallbackToOne, true);
    assert.equal(r.step, 1);
    assert.equal(r.waves, 5);
  });
  it('reports an invalid percent the way the controller does', () => {
    const r = rolloutPlan(ds({ rollingUpdate: { maxUnavailable: 'half' } }), 5);
    assert.match(r.error ?? '', /invalid value for MaxUnavailable: half/);
    assert.equal(r.waves, undefined);
  });
  it('OnDelete has no waves', () => {
    const r = rolloutPlan(ds({ type: 'OnDelete' }), 5);
    assert.equal(r.type, 'OnDelete');
    assert.equal(r.step, undefined);
    assert.equal(r.maxUnavailable, undefined);
  });
  it('no nodes, no waves', () => {
    assert.equal(rolloutPlan({ spec: {} }, 0).waves, 0);
  });
});

describe('footprint', () => {
  const placement = (runs: number, pending = 0) => ({ counts: { runs, pending, excluded: 0 } }) as unknown as PlacementResult;
  it('sums containers, takes the largest init container, multiplies by the nodes it runs on', () => {
    const spec = {
      initContainers: [{ resources: { requests: { cpu: '500m', memory: '16Mi' } } }],
      containers: [{ resources: { requests: { cpu: '100m', memory: '128Mi' } } }, { resources: { requests: { cpu: '50m', memory: '64Mi' } } }],
    };
    const f = footprint({ spec: { template: { spec } } }, placement(4, 2));
    assert.deepEqual(f.perPod, { cpuMilli: 500, memoryBytes: 192 * 2 ** 20 });
    assert.deepEqual(f.total, { cpuMilli: 2000, memoryBytes: 4 * 192 * 2 ** 20 });
    assert.deepEqual(f.text, { cpu: '500m', memory: '192Mi', totalCpu: '2', totalMemory: '768Mi' });
    assert.equal(f.nodes, 4);
    assert.equal(f.pending, 2);
  });
  it('counts limits as requests when requests are missing (pod defaulting)', () => {
    const f = footprint({ spec: { template: { spec: { containers: [{ resources: { limits: { cpu: '1', memory: '1Gi', 'example.com/gpu': '1' } } }] } } } }, placement(3));
    assert.equal(f.text.totalCpu, '3');
    assert.equal(f.text.totalMemory, '3Gi');
    assert.deepEqual(f.other, [{ name: 'example.com/gpu', perPod: '1', total: '3' }]);
  });
});

describe('selectorKeys', () => {
  it('collects nodeSelector keys and required affinity expression keys', () => {
    const keys = selectorKeys(
      parse(`spec:
  template:
    spec:
      nodeSelector: { kubernetes.io/os: linux }
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions:
                  - { key: node.kubernetes.io/instance-type, operator: In, values: [m5.large] }
`),
    );
    assert.deepEqual(keys, ['kubernetes.io/os', 'node.kubernetes.io/instance-type']);
  });
});

describe('reasonRange (reveal the YAML responsible)', () => {
  const text = readFileSync(path.join(fixturesDir, 'node-agent.yaml'), 'utf8');
  const lines = text.split('\n');
  const dsLine = lines.findIndex((l) => l.startsWith('apiVersion:'));
  const at = (r: ReturnType<typeof reasonRange>) => lines[r!.start.line].slice(r!.start.character, r!.end.line === r!.start.line ? r!.end.character : undefined);

  it('a nodeSelector mismatch selects the nodeSelector entry', () => {
    const r = reasonRange(text, dsLine, { predicate: 'NodeAffinity', message: "node(s) didn't match Pod's node affinity/selector", selector: { kind: 'nodeSelector', key: 'kubernetes.io/os', want: 'linux', have: 'windows' } });
    assert.equal(at(r), 'kubernetes.io/os: linux');
  });
  it('an untolerated taint selects the tolerations (where a toleration goes)', () => {
    const r = reasonRange(text, dsLine, { predicate: 'TaintToleration', message: 'x', taint: { key: 'a', effect: 'NoSchedule' } });
    assert.equal(at(r), 'tolerations');
  });
  it('a port conflict selects the hostPort', () => {
    const r = reasonRange(text, dsLine, { predicate: 'NodePorts', message: 'x', ports: ['TCP/0.0.0.0:9100'] });
    assert.equal(at(r), 'hostPort: 9100');
  });
  it('insufficient memory selects the first container request for memory', () => {
    const r = reasonRange(text, dsLine, { predicate: 'NodeResourcesFit', message: 'Insufficient memory', resource: { name: 'memory', requested: 1, used: 1, capacity: 1, unresolvable: false } });
    assert.equal(at(r), 'memory: 128Mi');
    assert.ok(lines.slice(0, r!.start.line).some((l) => l.includes('name: agent')));
  });
  it('without tolerations, the pod spec is where a toleration would go; unknown predicates land on the DaemonSet', () => {
    const plain = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: a\nspec:\n  template:\n    spec:\n      containers: []\n';
    const r = reasonRange(plain, 0, { predicate: 'TaintToleration', message: 'x' });
    assert.equal(r!.start.line, 6);
    const other = reasonRange(plain, 0, { predicate: 'VolumeBinding', message: 'x' });
    assert.deepEqual(other, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  });
  it('finds the second DaemonSet of a file by its line', () => {
    const two = `${text}---\n${text.replace('name: node-agent\n  namespace', 'name: second\n  namespace')}`;
    const second = findDaemonSets(parseFile(two))[1];
    const line = parseFile(two).lines.linePos(second.node.range![0]).line - 1;
    assert.equal(daemonSetValueAt(two, line).metadata.name, 'second');
    const r = reasonRange(two, line, { predicate: 'NodePorts', message: 'x', ports: [] });
    assert.ok(r!.start.line > text.split('\n').length);
    assert.ok(locate(second.node, ['spec']).node);
  });
});

describe('fixtures and page shell', () => {
  it('the committed fixtures match what the engine computes now (regenerate with test/fixtures/placement/generate.ts)', () => {
    for (const name of fixtureNames()) {
      const committed = JSON.parse(readFileSync(path.join(fixturesDir, `${name}.state.json`), 'utf8'));
      assert.deepEqual(committed, JSON.parse(JSON.stringify(stateFor(name))), name);
    }
  });
  it('panelState reports no DaemonSet and a cursor outside every DaemonSet', () => {
    const inventory = { source: 'sample' as const, name: 'sample cluster', nodes: 1, pods: 0, messages: [] };
    assert.equal(panelState({ inventory, daemonSets: [], active: -1 }, { uri: 'u', fileName: 'f', dirty: false }, () => undefined).empty, 'noDaemonSet');
    const s = stateFor('gpu-plugin');
    const answer = { inventory, active: -1, daemonSets: [{ name: 'x', line: 3, range: { start: { line: 3, character: 0 }, end: { line: 9, character: 0 } }, placement: s.daemonSet!.placement }] };
    const st = panelState(answer, { uri: 'u', fileName: 'f', dirty: false }, () => undefined);
    assert.equal(st.empty, 'noDaemonSetHere');
    assert.deepEqual(st.others, [{ name: 'x', namespace: undefined, line: 3 }]);
  });
  it('the page shell has a strict CSP with a nonce and no inline script or style', () => {
    const html = pageHtml({ cspSource: 'https://x.vscode-cdn.net', nonce: 'abc123', scriptUri: 'https://x/p.js', styleUri: 'https://x/p.css', codiconsUri: 'https://x/c.css', lang: 'ko', title: '<t>' });
    assert.match(html, /content="default-src 'none'; style-src https:\/\/x\.vscode-cdn\.net; font-src https:\/\/x\.vscode-cdn\.net; img-src https:\/\/x\.vscode-cdn\.net; script-src 'nonce-abc123'"/);
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
