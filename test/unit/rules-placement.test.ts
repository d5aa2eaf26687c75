/** Placement rules against an inventory: no matching node, unknown labels with did-you-mean, taints with a fix, Pending pods. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { sampleInventory } from '../../server/src/inventory/sample';
import type { Inventory } from '../../server/src/placement/types';
import { analyzeText, fixesOf } from '../../server/src/service';
import { applyEdits } from '../helpers/text';
import { daemonSetHead } from '../helpers/manifests';
import { ruleTester } from '../helpers/rule-tester';

// A copy of the sample marked as a file: findings then keep their real severity.
const inventory: Inventory = { ...sampleInventory(), source: 'file', name: 'nodes.yaml' };
const options = { inventory };

const ds = (spec: string) => `${daemonSetHead('monitoring')}${spec}      containers:
        - name: agent
          image: registry.example.com/agent:1.0
          resources:
            requests: {cpu: 50m, memory: 64Mi}
`;

const find = (text: string, code: string) => analyzeText(text, { inventory }).filter((d) => d.code === code);

// Placement fixes are applied with plain applyEdits rather than the rule tester's `output`
// (applyFix): fixing one cause of a placement finding legitimately reveals the next (the taints
// once the label matches, the remaining taints once one is tolerated), which applyFix rejects.

const typoValue = ds('      nodeSelector:\n        kubernetes.io/arch: amd65\n');
const typoValueFixed = ds('      nodeSelector:\n        kubernetes.io/arch: amd64\n');
const affinityKey = (key: string) =>
  ds(`      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions:
                  - key: ${key}
                    operator: In
                    values: [eu-west-1a]
`);
const typoKey = affinityKey('topology.kubernetes.io/zonee');
const withoutInventory = { name: 'without an inventory, no placement finding', code: typoValue };

ruleTester('unknown-node-label', {
  valid: [withoutInventory, { name: 'the nodeSelector after the did-you-mean fix', code: typoValueFixed, options }],
  invalid: [
    {
      name: 'a nodeSelector value no node carries: the values on the nodes and a did-you-mean',
      code: typoValue,
      options,
      errors: [
        {
          severity: 'warning',
          path: 'spec.template.spec.nodeSelector.kubernetes.io/arch',
          message: /No node of inventory nodes\.yaml has `kubernetes\.io\/arch=amd65`; values on the nodes: amd64 \(13\), arm64 \(2\)\. Did you mean `amd64`\?/,
        },
      ],
    },
    {
      name: 'an unknown label key in an affinity expression is named with the keys the nodes carry',
      code: typoKey,
      options,
      errors: [
        { message: /No node of inventory nodes\.yaml has the label `topology\.kubernetes\.io\/zonee`\. Did you mean `topology\.kubernetes\.io\/zone`\?/ },
      ],
    },
  ],
});

test('unknown-node-label: the did-you-mean fix changes the value or the key', () => {
  const [d] = find(typoValue, 'unknown-node-label');
  const fixed = applyEdits(typoValue, d.fixes![0].edits);
  assert.equal(fixed, typoValueFixed);
  assert.match(fixed, /kubernetes\.io\/arch: amd64\n/);
  assert.deepEqual(find(fixed, 'unknown-node-label'), []);
  const [k] = find(typoKey, 'unknown-node-label');
  const fixedKey = applyEdits(typoKey, k.fixes![0].edits);
  assert.equal(fixedKey, affinityKey('topology.kubernetes.io/zone'));
  assert.match(fixedKey, /- key: topology\.kubernetes\.io\/zone\n/);
});

ruleTester('no-matching-nodes', {
  valid: [withoutInventory],
  invalid: [
    {
      name: 'a nodeSelector value no node carries: DESIRED 0',
      code: typoValue,
      options,
      errors: [{ message: /runs on none of the 15 nodes of inventory nodes\.yaml \(DESIRED 0\)/ }],
    },
  ],
});

const linux = ds('      nodeSelector:\n        kubernetes.io/os: linux\n');
const linuxControlPlaneTolerated = `${linux}      tolerations:
        - key: node-role.kubernetes.io/control-plane
          operator: Exists
          effect: NoSchedule
`;
const withList = ds('      tolerations:\n        - key: edge.example.com/remote\n          operator: Exists\n');

ruleTester('excluded-by-taint', {
  valid: [withoutInventory],
  invalid: [
    {
      name: 'nodes excluded only by taints: one finding naming the taints and their nodes',
      code: linux,
      options,
      errors: [{ severity: 'information', message: /node-role\.kubernetes\.io\/control-plane:NoSchedule \(cp-1, cp-2, cp-3\)/ }],
    },
    {
      name: 'once the control-plane taint is tolerated, the finding names only the others',
      code: linuxControlPlaneTolerated,
      options,
      // The message does not mention control-plane.
      errors: [{ message: /^(?![\s\S]*control-plane)/ }],
    },
    { name: 'an existing tolerations list', code: withList, options, errors: [{}] },
  ],
});

test('excluded-by-taint: a Tolerate fix per taint, applied cleanly', () => {
  const [d] = find(linux, 'excluded-by-taint');
  const titles = fixesOf(d)!.map((f) => f.title);
  // Each fix says how many of the finding's nodes it makes run (proven by re-placing the edited manifest).
  assert.deepEqual(titles, [
    'Tolerate node-role.kubernetes.io/control-plane:NoSchedule (3 nodes run)',
    'Tolerate edge.example.com/remote:NoSchedule (2 nodes run)',
    'Tolerate nvidia.com/gpu:NoSchedule (2 nodes run)',
  ]);
  const fix = fixesOf(d)![0];
  const fixed = applyEdits(linux, fix.edits);
  assert.equal(fixed, linuxControlPlaneTolerated);
  assert.ok(
    parseAllDocuments(fixed).every((doc) => doc.errors.length === 0),
    fixed,
  );
  const after = find(fixed, 'excluded-by-taint');
  assert.doesNotMatch(after[0]?.message ?? '', /control-plane/);
});

test('excluded-by-taint: appending to an existing list keeps its style', () => {
  const edge = fixesOf(find(withList, 'excluded-by-taint')[0])!.find((f) => f.title.startsWith('Tolerate nvidia.com/gpu'))!;
  const fixed = applyEdits(withList, edge.edits);
  assert.equal(
    fixed,
    ds(
      '      tolerations:\n        - key: edge.example.com/remote\n          operator: Exists\n        - key: nvidia.com/gpu\n          operator: Exists\n          effect: NoSchedule\n',
    ),
  );
  assert.match(fixed, /operator: Exists\n {8}- key: nvidia\.com\/gpu\n {10}operator: Exists\n {10}effect: NoSchedule\n/);
});

ruleTester('pending-pods', {
  valid: [],
  invalid: [
    {
      name: 'a request no node can fit names the predicate, the reason and the nodes',
      code: ds('').replace('requests: {cpu: 50m, memory: 64Mi}', 'requests: {cpu: "2", memory: 64Mi}'),
      options,
      errors: [
        {
          message: /pod\(s\) would stay Pending on inventory nodes\.yaml \(NodeResourcesFit: Insufficient cpu\): .*worker-c-1/,
          path: 'spec.template.spec.containers[0].resources.requests.cpu',
        },
      ],
    },
    {
      name: 'a host port taken on the nodes',
      code: ds('').replace('          resources:', '          ports:\n            - containerPort: 9100\n              hostPort: 9100\n          resources:'),
      options,
      errors: [
        { message: /NodePorts: node\(s\) didn't have free ports for the requested pod ports/, path: 'spec.template.spec.containers[0].ports[0].hostPort' },
      ],
    },
  ],
});
