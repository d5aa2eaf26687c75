import { test } from 'node:test';
import assert from 'node:assert/strict';
import { complete } from '../../server/src/service';
import { withCursor } from '../helpers/text';
import { daemonSetHead } from '../helpers/manifests';

const labels = (src: string) => {
  const { text, pos } = withCursor(src);
  return complete(text, pos).map((c) => c.label);
};

const head = daemonSetHead();

test('taint effect values after `effect: `, on the line being typed', () => {
  assert.deepEqual(labels(`${head}      tolerations:\n      - key: nvidia.com/gpu\n        effect: |\n`).sort(), [
    'NoExecute',
    'NoSchedule',
    'PreferNoSchedule',
  ]);
});

test('enum values with a partial word replace the word', () => {
  const { text, pos } = withCursor(`${head}      tolerations:\n        - operator: Ex|\n`);
  const items = complete(text, pos);
  assert.ok(items.some((i) => i.label === 'Exists'));
  const exists = items.find((i) => i.label === 'Exists')!;
  assert.equal((exists.textEdit as any).range.start.character, 20);
  assert.equal((exists.textEdit as any).range.end.character, 22);
});

test('keys valid at the cursor, minus those present, required first', () => {
  const items = (() => {
    const { text, pos } = withCursor(`${head}      containers:\n        - name: agent\n          im|\n`);
    return complete(text, pos);
  })();
  const names = items.map((i) => i.label);
  assert.ok(names.includes('image'));
  assert.ok(!names.includes('name'), 'present keys are not offered again');
  const ports = items.find((i) => i.label === 'ports')!;
  assert.match((ports.textEdit as any).newText, /^ports:\n\s+- \$0$/, 'an array of objects opens a `- ` item');
  const resources = items.find((i) => i.label === 'resources')!;
  assert.match((resources.textEdit as any).newText, /^resources:\n\s+\$0$/, 'an object opens an indented block');
  assert.ok(resources.documentation, 'has a one-line doc');
});

test('required keys sort first', () => {
  const { text, pos } = withCursor(`apiVersion: apps/v1\nkind: DaemonSet\nspec:\n  |\n`);
  const items = complete(text, pos).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
  assert.deepEqual(
    items
      .slice(0, 2)
      .map((i) => i.label)
      .sort(),
    ['selector', 'template'],
  );
});

test('operators of node selector requirements, update strategy types, imagePullPolicy, dnsPolicy, hostPath type', () => {
  const affinity = `${head}      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n              - matchExpressions:\n                  - key: kubernetes.io/arch\n                    operator: |\n`;
  assert.deepEqual(labels(affinity).sort(), ['DoesNotExist', 'Exists', 'Gt', 'In', 'Lt', 'NotIn']);
  assert.deepEqual(labels(`apiVersion: apps/v1\nkind: DaemonSet\nspec:\n  updateStrategy:\n    type: |\n`).sort(), ['OnDelete', 'RollingUpdate']);
  assert.deepEqual(labels(`${head}      containers:\n        - name: a\n          imagePullPolicy: |\n`).sort(), ['Always', 'IfNotPresent', 'Never']);
  assert.ok(labels(`${head}      dnsPolicy: |\n`).includes('ClusterFirstWithHostNet'));
  assert.ok(
    labels(`${head}      volumes:\n        - name: sock\n          hostPath:\n            path: /run\n            type: |\n`).includes('DirectoryOrCreate'),
  );
  assert.deepEqual(labels(`apiVersion: apps/v1\nkind: DaemonSet\nspec:\n  selector:\n    matchExpressions:\n      - operator: |\n`).sort(), [
    'DoesNotExist',
    'Exists',
    'In',
    'NotIn',
  ]);
});

test('booleans, priority classes, well-known label keys and values, taint keys', () => {
  assert.deepEqual(labels(`${head}      hostNetwork: |\n`), ['true', 'false']);
  assert.deepEqual(labels(`${head}      priorityClassName: |\n`), ['system-node-critical', 'system-cluster-critical']);
  const keys = labels(`${head}      nodeSelector:\n        |\n`);
  for (const k of [
    'kubernetes.io/os',
    'kubernetes.io/arch',
    'kubernetes.io/hostname',
    'node.kubernetes.io/instance-type',
    'topology.kubernetes.io/zone',
    'node-role.kubernetes.io/control-plane',
  ])
    assert.ok(keys.includes(k), k);
  assert.deepEqual(labels(`${head}      nodeSelector:\n        kubernetes.io/os: |\n`), ['linux', 'windows']);
  const exprValues = labels(
    `${head}      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n              - matchExpressions:\n                  - key: kubernetes.io/arch\n                    operator: In\n                    values:\n                      - |\n`,
  );
  assert.ok(exprValues.includes('arm64') && exprValues.includes('amd64'));
  const taints = labels(`${head}      tolerations:\n        - key: |\n`);
  for (const k of [
    'node-role.kubernetes.io/control-plane',
    'node-role.kubernetes.io/master',
    'node.kubernetes.io/not-ready',
    'node.kubernetes.io/unreachable',
    'node.kubernetes.io/disk-pressure',
    'node.kubernetes.io/memory-pressure',
    'node.kubernetes.io/pid-pressure',
    'node.kubernetes.io/unschedulable',
    'node.kubernetes.io/network-unavailable',
    'node.cloudprovider.kubernetes.io/uninitialized',
    'nvidia.com/gpu',
    'CriticalAddonsOnly',
  ])
    assert.ok(taints.includes(k), k);
});

test('a whole-DaemonSet snippet in an empty document and after ---, with labels in step', () => {
  const { text, pos } = withCursor(`apiVersion: v1\nkind: ConfigMap\n---\n|`);
  const items = complete(text, pos);
  assert.equal(items.length, 1);
  const snippet = (items[0].textEdit as any).newText as string;
  assert.match(snippet, /kind: DaemonSet/);
  // The selector and the template labels share one tab stop (mirrored), so they stay in step.
  assert.equal((snippet.match(/app\.kubernetes\.io\/name: \$\{1\}/g) ?? []).length, 3);
  assert.equal(complete('', { line: 0, character: 0 })[0].label, 'DaemonSet');
});

test('other kinds are left alone; a DaemonSet inside a List counts', () => {
  assert.deepEqual(labels(`apiVersion: v1\nkind: ConfigMap\ndata:\n  |\n`), []);
  const list = `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: DaemonSet\n    spec:\n      updateStrategy:\n        type: |\n`;
  assert.deepEqual(labels(list).sort(), ['OnDelete', 'RollingUpdate']);
});

test('non-indented sequences and comments do not confuse the context', () => {
  const src = `${head}      # agents tolerate everything\n      tolerations:\n      - operator: Exists   # all taints\n      - key: foo\n        effect: |\n`;
  assert.deepEqual(labels(src).sort(), ['NoExecute', 'NoSchedule', 'PreferNoSchedule']);
  // A block scalar's content is text, not structure: `effect:` inside it is no key.
  const block = `${head}      containers:\n        - name: a\n          args:\n            - |\n              effect: x\n          imagePullPolicy: |\n`;
  const marker = block.lastIndexOf('|');
  const text = block.slice(0, marker) + block.slice(marker + 1);
  const line = text.split('\n').findIndex((l) => l.includes('imagePullPolicy'));
  const items = complete(text, { line, character: '          imagePullPolicy: '.length });
  assert.deepEqual(items.map((i) => i.label).sort(), ['Always', 'IfNotPresent', 'Never']);
});
