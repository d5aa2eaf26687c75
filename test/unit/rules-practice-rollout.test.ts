import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import type { Inventory } from '../../server/src/placement/types';
import { ruleTester } from '../helpers/rule-tester';
import { applyFix, daemonSet } from './rules-practice-helpers';

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
const readiness = '          readinessProbe:\n            tcpSocket: {port: 9808}\n';
const onDelete = { spec: '  updateStrategy:\n    type: OnDelete\n' };

ruleTester('no-readiness-probe', {
  valid: [
    { name: 'a startupProbe', code: daemonSet(container + '          startupProbe:\n            tcpSocket: {port: 9808}\n') },
    { name: 'OnDelete', code: daemonSet(container, onDelete) },
    { name: 'a minReadySeconds that catches early crashes', code: daemonSet(container, { spec: '  minReadySeconds: 30\n' }) },
  ],
  invalid: [
    {
      name: 'once per DaemonSet, on `containers`; the fix reuses the livenessProbe',
      code: daemonSet(container + liveness),
      errors: [{ severity: 'information', range: 'containers', message: [/rolling update moves on to the next node/, /`agent` has a livenessProbe/] }],
      output: daemonSet(
        container +
          liveness +
          `          readinessProbe:
            httpGet:   # the agent's health endpoint
              path: /healthz
              port: 9808
            periodSeconds: 10
`,
      ),
    },
    { name: 'without a livenessProbe to reuse: no fix', code: daemonSet(container), errors: [{}], output: null },
  ],
});

test('no-readiness-probe: the fix copies the livenessProbe, comments included', () => {
  const out = applyFix(daemonSet(container + liveness), 'no-readiness-probe');
  const c = parse(out).spec.template.spec.containers[0];
  assert.deepEqual(c.readinessProbe, c.livenessProbe);
  assert.match(out, /readinessProbe:\n {12}httpGet: {3}# the agent's health endpoint\n {14}path: \/healthz/);
});

ruleTester('on-delete-strategy', {
  valid: [{ name: 'the default RollingUpdate', code: daemonSet(container) }],
  invalid: [
    {
      name: 'information on the OnDelete value, without a fix',
      code: daemonSet(container, onDelete),
      errors: [{ severity: 'information', range: 'OnDelete', message: /only when its pod is deleted/ }],
      output: null,
    },
  ],
});

function inventory(n: number, source: Inventory['source'] = 'file'): Inventory {
  return { source, name: 'prod.yaml', nodes: Array.from({ length: n }, (_, i) => ({ metadata: { name: `node-${i}` } })), pods: [], messages: [] };
}

const explicit = daemonSet(container, { spec: '  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 1\n' });

ruleTester('max-unavailable-one', {
  valid: [
    { name: 'an explicit maxUnavailable: 1 without an inventory', code: explicit },
    { name: 'an explicit 1 with the sample inventory', code: explicit, options: { inventory: inventory(40, 'sample') } },
    { name: 'an explicit 1 on fewer than 10 nodes', code: explicit, options: { inventory: inventory(3) } },
    {
      name: 'a percentage',
      code: daemonSet(container, { spec: '  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 10%\n' }),
      options: { inventory: inventory(40) },
    },
  ],
  invalid: [
    {
      name: 'a hint on `spec` when omitted; the fix sets 10%',
      code: daemonSet(container + readiness),
      errors: [{ severity: 'hint', range: 'spec', message: /defaults to 1/ }],
      output: daemonSet(container + readiness) + '  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 10%\n',
    },
    {
      name: 'information naming the node count with a real inventory of 10+ nodes',
      code: explicit,
      options: { inventory: inventory(40) },
      errors: [{ severity: 'information', range: '1', message: /40 nodes of prod\.yaml/ }],
    },
  ],
});

test('max-unavailable-one: the fix sets maxUnavailable: 10%', () => {
  const out = applyFix(daemonSet(container + readiness), 'max-unavailable-one');
  assert.deepEqual(parse(out).spec.updateStrategy, { rollingUpdate: { maxUnavailable: '10%' } });
});
