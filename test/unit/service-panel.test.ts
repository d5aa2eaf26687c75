// The panel's data as the server computes it: rollout arithmetic (Kubernetes' rounding), the
// footprint, the selector keys and the YAML behind each reason.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { sampleInventory } from '../../server/src/inventory/sample';
import { scaledValue } from '../../server/src/k8s/intstr';
import { rolloutPlan } from '../../server/src/placement/rollout';
import type { PlacementResult } from '../../server/src/placement/types';
import { createLanguageService } from '../../server/src/service';
import { footprint, reasonRange, selectorKeysOf } from '../../server/src/service/panel';
import { fixturesDir } from '../fixtures/placement/generate';

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
    assert.deepEqual(f.text, { cpu: '500m', memory: '192Mi', totalCpu: '2', totalMemory: '768Mi', pendingCpu: '1', pendingMemory: '384Mi' });
    assert.equal(f.nodes, 4);
    assert.equal(f.pending, 2);
  });
  it('counts limits as requests when requests are missing (pod defaulting)', () => {
    const f = footprint(
      { spec: { template: { spec: { containers: [{ resources: { limits: { cpu: '1', memory: '1Gi', 'example.com/gpu': '1' } } }] } } } },
      placement(3),
    );
    assert.equal(f.text.totalCpu, '3');
    assert.equal(f.text.totalMemory, '3Gi');
    assert.deepEqual(f.other, [{ name: 'example.com/gpu', perPod: '1', total: '3' }]);
  });
});

describe('selectorKeys', () => {
  it('collects nodeSelector keys and required affinity expression keys', () => {
    const keys = selectorKeysOf(
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
  const service = createLanguageService({ inventory: sampleInventory() });
  const viewAt = (t: string, i = 0) => service.placements(t)[i];
  const at = (r: ReturnType<typeof reasonRange>) => lines[r.start.line].slice(r.start.character, r.end.line === r.start.line ? r.end.character : undefined);

  it('a nodeSelector mismatch selects the nodeSelector entry', () => {
    const r = reasonRange(viewAt(text), {
      predicate: 'NodeAffinity',
      message: "node(s) didn't match Pod's node affinity/selector",
      selector: { kind: 'nodeSelector', key: 'kubernetes.io/os', want: 'linux', have: 'windows' },
    });
    assert.equal(at(r), 'kubernetes.io/os: linux');
  });
  it('an untolerated taint selects the tolerations (where a toleration goes)', () => {
    const r = reasonRange(viewAt(text), { predicate: 'TaintToleration', message: 'x', taint: { key: 'a', effect: 'NoSchedule' } });
    assert.equal(at(r), 'tolerations');
  });
  it('a port conflict selects the hostPort', () => {
    const r = reasonRange(viewAt(text), { predicate: 'NodePorts', message: 'x', ports: ['TCP/0.0.0.0:9100'] });
    assert.equal(at(r), 'hostPort: 9100');
  });
  it('insufficient memory selects the first container request for memory', () => {
    const r = reasonRange(viewAt(text), {
      predicate: 'NodeResourcesFit',
      message: 'Insufficient memory',
      resource: { name: 'memory', requested: 1, used: 1, capacity: 1, unresolvable: false },
    });
    assert.equal(at(r), 'memory: 128Mi');
    assert.ok(lines.slice(0, r!.start.line).some((l) => l.includes('name: agent')));
  });
  it('without tolerations, the pod spec is where a toleration would go; unknown predicates land on the DaemonSet', () => {
    const plain = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: a\nspec:\n  template:\n    spec:\n      containers: []\n';
    const r = reasonRange(viewAt(plain), { predicate: 'TaintToleration', message: 'x' });
    assert.equal(r.start.line, 6);
    const other = reasonRange(viewAt(plain), { predicate: 'VolumeBinding', message: 'x' });
    assert.deepEqual(other, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  });
  it('ranges of the second DaemonSet of a file are in the whole file', () => {
    const two = `${text}---\n${text.replace('name: node-agent\n  namespace', 'name: second\n  namespace')}`;
    const second = viewAt(two, 1);
    assert.equal(second.name, 'second');
    const r = reasonRange(second, { predicate: 'NodePorts', message: 'x', ports: ['TCP/0.0.0.0:9100'] });
    assert.ok(r.start.line > text.split('\n').length);
    assert.equal(two.split('\n')[r.start.line].slice(r.start.character, r.end.character), 'hostPort: 9100');
  });
});
