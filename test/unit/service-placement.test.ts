/** Inventory-aware editing: completion from the inventory's labels and taints, hover on placement, summaries. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleInventory } from '../../server/src/inventory/sample';
import { complete, createLanguageService, inventoryHints, placementHover, placementsOfText, placementSummary } from '../../server/src/service';
import { withCursor } from '../helpers/text';
import { daemonSetHead } from '../helpers/manifests';

const inventory = sampleInventory();
const hints = inventoryHints(inventory);

const head = daemonSetHead('kube-system');

const items = (src: string) => {
  const { text, pos } = withCursor(src);
  return complete(text, pos, { hints });
};

test('nodeSelector keys come from the inventory first, ranked by how many nodes carry them', () => {
  const list = items(`${head}      nodeSelector:\n        |\n`);
  const fromInventory = list.filter((i) => i.sortText?.startsWith('0_'));
  assert.ok(fromInventory.length > 5);
  const counts = fromInventory.map((i) => Number(/^(\d+) node/.exec(i.detail ?? '')?.[1]));
  assert.deepEqual(
    counts,
    [...counts].sort((a, b) => b - a),
    'ranked by node count',
  );
  assert.equal(fromInventory[0].detail, '15 node(s)');
  assert.ok(fromInventory.some((i) => i.label === 'topology.kubernetes.io/zone'));
});

test('label values come from the nodes, with counts', () => {
  const list = items(`${head}      nodeSelector:\n        kubernetes.io/arch: |\n`);
  assert.deepEqual(
    list.slice(0, 2).map((i) => [i.label, i.detail]),
    [
      ['amd64', '13 node(s)'],
      ['arm64', '2 node(s)'],
    ],
  );
  const zones = items(
    `${head}      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n              - matchExpressions:\n                  - key: topology.kubernetes.io/zone\n                    operator: In\n                    values:\n                      - |\n`,
  );
  assert.ok(zones.some((i) => i.label === 'eu-west-1a'));
});

test('toleration keys and values come from the taints on the nodes', () => {
  const keys = items(`${head}      tolerations:\n        - key: |\n`);
  const top = keys.filter((i) => i.sortText?.startsWith('0_')).map((i) => i.label);
  assert.equal(top[0], 'node-role.kubernetes.io/control-plane');
  assert.ok(top.includes('nvidia.com/gpu') && top.includes('edge.example.com/remote'));
  const values = items(`${head}      tolerations:\n        - key: edge.example.com/remote\n          value: |\n`);
  assert.deepEqual(
    values.map((i) => i.label),
    ['true'],
  );
});

const ds = `${head}      nodeSelector:
        kubernetes.io/arch: arm64
      tolerations:
        - key: nvidia.com/gpu
          operator: Exists
      containers:
        - name: agent
          image: registry.example.com/agent:1.0
`;

test('hover on a nodeSelector entry says which nodes match', () => {
  const [view] = placementsOfText(ds, inventory);
  const value = placementHover(view.value, view.placement, inventory, ['spec', 'template', 'spec', 'nodeSelector', 'kubernetes.io/arch'])!;
  assert.match(value, /2 of 15 nodes have `kubernetes\.io\/arch=arm64`: arm-a-1, arm-b-1/);
  const h = createLanguageService({ inventory }).hover(ds, { line: 13, character: 10 });
  assert.match((h!.contents as { value: string }).value, /\*\*Placement\*\* on the sample cluster/);
  assert.match((h!.contents as { value: string }).value, /2 of 15 nodes have `kubernetes\.io\/arch=arm64`/);
});

test('hover on tolerations lists the tainted nodes tolerated and excluded', () => {
  const h = createLanguageService({ inventory }).hover(ds, { line: 14, character: 8 });
  assert.match((h!.contents as { value: string }).value, /excluded by an untolerated taint/);
});

test('the CodeLens summary reads like kubectl get ds', () => {
  const [view] = placementsOfText(ds, inventory);
  assert.equal(view.name, 'agent');
  assert.equal(view.line, 0);
  assert.equal(placementSummary(view.placement, 'sample cluster'), 'Runs on 2 of 15 nodes · sample cluster');
});
