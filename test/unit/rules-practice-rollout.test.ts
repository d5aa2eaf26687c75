import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import type { Inventory } from '../../server/src/placement/types';
import { applyFix, daemonSet, diagnostics, rangeText } from './rules-practice-helpers';

const container = `      containers:
        - name: agent
          image: example/agent:1.4.2
          resources:
            requests: {cpu: 10m, memory: 32Mi}
            limits: {memory: 32Mi}
`;
const liveness = `          livenessProbe:
            httpGet:   # the agent's health endpoint
              path: /healthz
              port: 9808
            periodSeconds: 10
`;

test('no-readiness-probe: once per DaemonSet, on `containers`; the fix reuses the livenessProbe', () => {
  const text = daemonSet(container + liveness);
  const [d] = diagnostics(text, 'no-readiness-probe');
  assert.equal(d.severity, 'information');
  assert.equal(rangeText(text, d), 'containers');
  assert.match(d.message, /rolling update moves on to the next node/);
  assert.match(d.message, /`agent` has a livenessProbe/);
  const out = applyFix(text, 'no-readiness-probe');
  const c = parse(out).spec.template.spec.containers[0];
  assert.deepEqual(c.readinessProbe, c.livenessProbe);
  assert.match(out, /readinessProbe:\n {12}httpGet: {3}# the agent's health endpoint\n {14}path: \/healthz/);
});

test('no-readiness-probe: silent with a startupProbe, OnDelete, or a minReadySeconds that catches early crashes', () => {
  const text = daemonSet(container);
  assert.equal(diagnostics(text, 'no-readiness-probe').length, 1);
  assert.equal(diagnostics(text, 'no-readiness-probe')[0].fixes, undefined);
  assert.deepEqual(diagnostics(daemonSet(container + '          startupProbe:\n            tcpSocket: {port: 9808}\n'), 'no-readiness-probe'), []);
  assert.deepEqual(diagnostics(daemonSet(container, { spec: '  updateStrategy:\n    type: OnDelete\n' }), 'no-readiness-probe'), []);
  assert.deepEqual(diagnostics(daemonSet(container, { spec: '  minReadySeconds: 30\n' }), 'no-readiness-probe'), []);
});

test('on-delete-strategy: information on the OnDelete value, without a fix', () => {
  const text = daemonSet(container, { spec: '  updateStrategy:\n    type: OnDelete\n' });
  const [d] = diagnostics(text, 'on-delete-strategy');
  assert.equal(d.severity, 'information');
  assert.equal(rangeText(text, d), 'OnDelete');
  assert.match(d.message, /only when its pod is deleted/);
  assert.equal(d.fixes, undefined);
  assert.deepEqual(diagnostics(daemonSet(container), 'on-delete-strategy'), []);
});

function inventory(n: number, source: Inventory['source'] = 'file'): Inventory {
  return { source, name: 'prod.yaml', nodes: Array.from({ length: n }, (_, i) => ({ metadata: { name: `node-${i}` } })), pods: [], messages: [] };
}

test('max-unavailable-one: a hint when omitted; information naming the node count with a real inventory of 10+ nodes', () => {
  const text = daemonSet(container + '          readinessProbe:\n            tcpSocket: {port: 9808}\n');
  const [h] = diagnostics(text, 'max-unavailable-one');
  assert.equal(h.severity, 'hint');
  assert.equal(rangeText(text, h), 'spec');
  assert.match(h.message, /defaults to 1/);
  const out = applyFix(text, 'max-unavailable-one');
  assert.deepEqual(parse(out).spec.updateStrategy, { rollingUpdate: { maxUnavailable: '10%' } });

  const explicit = daemonSet(container, { spec: '  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 1\n' });
  assert.deepEqual(diagnostics(explicit, 'max-unavailable-one'), []);
  const [i] = diagnostics(explicit, 'max-unavailable-one', { inventory: inventory(40) });
  assert.equal(i.severity, 'information');
  assert.equal(rangeText(explicit, i), '1');
  assert.match(i.message, /40 nodes of prod\.yaml/);
  assert.deepEqual(diagnostics(explicit, 'max-unavailable-one', { inventory: inventory(40, 'sample') }), []);
  assert.deepEqual(diagnostics(explicit, 'max-unavailable-one', { inventory: inventory(3) }), []);
  const percent = daemonSet(container, { spec: '  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 10%\n' });
  assert.deepEqual(diagnostics(percent, 'max-unavailable-one', { inventory: inventory(40) }), []);
});
