/** Placement rules against an inventory: no matching node, unknown labels with did-you-mean, taints with a fix, Pending pods. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { sampleInventory } from '../../server/src/inventory/sample';
import type { Inventory } from '../../server/src/placement/types';
import { analyzeText } from '../../server/src/service';
import { applyEdits } from '../helpers/text';
import { daemonSetHead } from '../helpers/manifests';

// A copy of the sample marked as a file: findings then keep their real severity.
const inventory: Inventory = { ...sampleInventory(), source: 'file', name: 'nodes.yaml' };

const ds = (spec: string) => `${daemonSetHead('monitoring')}${spec}      containers:
        - name: agent
          image: registry.example.com/agent:1.0
          resources:
            requests: {cpu: 50m, memory: 64Mi}
`;

const find = (text: string, code: string) => analyzeText(text, { inventory }).filter((d) => d.code === code);

test('a nodeSelector value no node carries: the values on the nodes and a did-you-mean fix', () => {
  const text = ds('      nodeSelector:\n        kubernetes.io/arch: amd65\n');
  const [d] = find(text, 'unknown-node-label');
  assert.equal(d.severity, 'warning');
  assert.match(
    d.message,
    /No node of inventory nodes\.yaml has `kubernetes\.io\/arch=amd65`; values on the nodes: amd64 \(13\), arm64 \(2\)\. Did you mean `amd64`\?/,
  );
  assert.equal(d.path, 'spec.template.spec.nodeSelector.kubernetes.io/arch');
  const fixed = applyEdits(text, d.fixes![0].edits);
  assert.match(fixed, /kubernetes\.io\/arch: amd64\n/);
  assert.deepEqual(find(fixed, 'unknown-node-label'), []);
  const [none] = find(text, 'no-matching-nodes');
  assert.match(none.message, /runs on none of the 15 nodes of inventory nodes\.yaml \(DESIRED 0\)/);
});

test('an unknown label key in an affinity expression is named with the keys the nodes carry', () => {
  const text = ds(`      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions:
                  - key: topology.kubernetes.io/zonee
                    operator: In
                    values: [eu-west-1a]
`);
  const [d] = find(text, 'unknown-node-label');
  assert.match(d.message, /No node of inventory nodes\.yaml has the label `topology\.kubernetes\.io\/zonee`\. Did you mean `topology\.kubernetes\.io\/zone`\?/);
  assert.match(applyEdits(text, d.fixes![0].edits), /- key: topology\.kubernetes\.io\/zone\n/);
});

test('nodes excluded only by taints: one finding, a Tolerate fix per taint, applied cleanly', () => {
  const text = ds('      nodeSelector:\n        kubernetes.io/os: linux\n');
  const [d] = find(text, 'excluded-by-taint');
  assert.equal(d.severity, 'information');
  assert.match(d.message, /node-role\.kubernetes\.io\/control-plane:NoSchedule \(cp-1, cp-2, cp-3\)/);
  const titles = d.fixes!.map((f) => f.title);
  assert.ok(titles.includes('Tolerate node-role.kubernetes.io/control-plane:NoSchedule'), titles.join());
  const fix = d.fixes!.find((f) => f.title === 'Tolerate node-role.kubernetes.io/control-plane:NoSchedule')!;
  const fixed = applyEdits(text, fix.edits);
  assert.ok(
    parseAllDocuments(fixed).every((doc) => doc.errors.length === 0),
    fixed,
  );
  const after = find(fixed, 'excluded-by-taint');
  assert.doesNotMatch(after[0]?.message ?? '', /control-plane/);
  // Appending to an existing list keeps its style.
  const withList = ds('      tolerations:\n        - key: edge.example.com/remote\n          operator: Exists\n');
  const edge = find(withList, 'excluded-by-taint')[0].fixes!.find((f) => f.title.startsWith('Tolerate nvidia.com/gpu'))!;
  assert.match(applyEdits(withList, edge.edits), /operator: Exists\n {8}- key: nvidia\.com\/gpu\n {10}operator: Exists\n {10}effect: NoSchedule\n/);
});

test('pods that would stay Pending name the predicate, the reason and the nodes', () => {
  const text = ds('').replace('requests: {cpu: 50m, memory: 64Mi}', 'requests: {cpu: "2", memory: 64Mi}');
  const [d] = find(text, 'pending-pods');
  assert.match(d.message, /pod\(s\) would stay Pending on inventory nodes\.yaml \(NodeResourcesFit: Insufficient cpu\): .*worker-c-1/);
  assert.match(d.path, /containers\[0\]\.resources\.requests$/);
  const ports = ds('').replace(
    '          resources:',
    '          ports:\n            - containerPort: 9100\n              hostPort: 9100\n          resources:',
  );
  const [p] = find(ports, 'pending-pods');
  assert.match(p.message, /NodePorts: node\(s\) didn't have free ports for the requested pod ports/);
  assert.match(p.path, /ports\[0\]\.hostPort$/);
});

test('without an inventory, no placement finding', () => {
  const text = ds('      nodeSelector:\n        kubernetes.io/arch: amd65\n');
  assert.deepEqual(
    analyzeText(text).filter((d) => ['unknown-node-label', 'no-matching-nodes', 'excluded-by-taint'].includes(d.code)),
    [],
  );
});
