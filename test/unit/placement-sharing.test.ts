/**
 * What placement shares to stay fast at 5,000 nodes must never show: nodes decided once per class
 * read exactly as each node placed on its own, results shared between placements are frozen and
 * never carry another DaemonSet's details, verdict-only checks agree with the full filters, and
 * the per-inventory caches answer as a fresh computation would.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { daemonSetObject } from '../helpers/manifests';
import { inventory, node, pod } from '../helpers/inventory';
import { inventoryHints } from '../../server/src/placement/inventory';
import { computePlacement } from '../../server/src/placement/placement';
import { daemonPodsByNode, nodeInfoFrom, nodeInfoWithout, prepareInventory } from '../../server/src/placement/prepare';
import { labelSelectorAsSelector } from '../../server/src/k8s/labels';
import { DEFAULT_FILTER_PLUGINS, failingPlugins, passesAll, preFilter } from '../../server/src/placement/scheduler';
import { addPod, cloneNodeInfo, cloneNodeInfoWithout, newNodeInfo, removePodInfo, sealNodeInfo } from '../../server/src/placement/scheduler/nodeinfo';
import { plugin as nodeResourcesFit } from '../../server/src/placement/scheduler/nodeResourcesFit';
import type { Inventory, PlacementResult } from '../../server/src/placement/types';

const owner = { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', controller: true };

/** Nodes that differ in every way the checks read: labels, taints (values, effects, order), cordons, allocatable. */
function cluster(): { nodes: any[]; pods: any[] } {
  const nodes = [
    node('a1', { labels: { pool: 'a', tier: '1' } }),
    node('a2', { labels: { pool: 'a', tier: '2' } }),
    node('a3', { labels: { pool: 'a', tier: '10' } }),
    node('b1', { labels: { pool: 'b' } }),
    node('b2', { labels: { pool: 'b' }, taints: [{ key: 'dedicated', value: 'b', effect: 'NoSchedule' }] }),
    node('b3', { labels: { pool: 'b' }, taints: [{ key: 'dedicated', value: 'c', effect: 'NoSchedule' }] }),
    node('b4', { labels: { pool: 'b' }, taints: [{ key: 'dedicated', value: '', effect: 'NoSchedule' }] }),
    node('b5', { labels: { pool: 'b' }, taints: [{ key: 'dedicated', effect: 'NoSchedule' }] }),
    node('c1', { taints: [{ key: 'maintenance', effect: 'NoExecute' }] }),
    node('c2', {
      taints: [
        { key: 'maintenance', effect: 'NoExecute' },
        { key: 'dedicated', value: 'b', effect: 'NoSchedule' },
      ],
    }),
    node('c3', {
      taints: [
        { key: 'dedicated', value: 'b', effect: 'NoSchedule' },
        { key: 'maintenance', effect: 'NoExecute' },
      ],
    }),
    node('c4', { taints: [{ key: 'soft', effect: 'PreferNoSchedule' }] }),
    node('d1', { unschedulable: true }),
    node('d2', { unschedulable: true, labels: { pool: 'a' } }),
    node('e1', { allocatable: { cpu: '1', memory: '1Gi', pods: '110' }, labels: { pool: 'a' } }),
    node('e2', { allocatable: { cpu: '1', memory: '1Gi', pods: '2' }, labels: { pool: 'a' } }),
    { apiVersion: 'v1', kind: 'Node', metadata: { name: 'bare' } },
  ];
  const pods = [
    pod('apps', 'web-1', 'e1', { cpu: '600m', priority: 10 }),
    pod('apps', 'web-2', 'e1', { cpu: '300m', priority: 100 }),
    pod('apps', 'web-3', 'e2', { cpu: '100m' }),
    pod('apps', 'web-4', 'e2', { cpu: '100m' }),
    pod('apps', 'ports', 'a2', { hostPort: 9100 }),
    pod('kube-system', 'agent-a1', 'a1', { owner, labels: { app: 'agent' } }),
    pod('kube-system', 'agent-c1', 'c1', { owner, labels: { app: 'agent' } }),
    pod('kube-system', 'agent-b2', 'b2', { owner, labels: { app: 'agent' } }),
    pod('kube-system', 'stray', 'b1', { labels: { app: 'agent' } }),
  ];
  return { nodes, pods };
}

const ds = (podSpec: any = {}, extra: { container?: any; spec?: any } = {}) => daemonSetObject({ podSpec, container: extra.container, spec: extra.spec });

/** DaemonSets that exercise every way a node is left out, kept Pending, or run (no inter-pod affinity: its domains span nodes). */
const DAEMONSETS: Record<string, any> = {
  'no constraints': ds(),
  'node selector': ds({ nodeSelector: { pool: 'a' } }),
  'node selector on a missing label': ds({ nodeSelector: { gpu: 'yes' } }),
  'required affinity, several terms': ds({
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            {
              matchExpressions: [
                { key: 'pool', operator: 'In', values: ['a'] },
                { key: 'tier', operator: 'Gt', values: ['1'] },
              ],
            },
            { matchExpressions: [{ key: 'pool', operator: 'DoesNotExist' }] },
          ],
        },
      },
    },
  }),
  'matchFields on the node name': ds({
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['b1'] }] }] },
      },
    },
  }),
  'a term that does not parse': ds({
    affinity: {
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'pool', operator: 'Bogus' }] }] } },
    },
  }),
  'template nodeName': ds({ nodeName: 'a2' }),
  'tolerates one taint value': ds({ tolerations: [{ key: 'dedicated', value: 'b', effect: 'NoSchedule' }] }),
  'tolerates NoExecute for a while': ds({ tolerations: [{ key: 'maintenance', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }] }),
  'tolerates everything': ds({ tolerations: [{ operator: 'Exists' }] }),
  'host port': ds({ hostNetwork: true }, { container: { ports: [{ containerPort: 9100, hostPort: 9100 }] } }),
  'host port with maxSurge': ds(
    { hostNetwork: true },
    {
      container: { ports: [{ containerPort: 9100, hostPort: 9100 }] },
      spec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } },
    },
  ),
  'requests too much': ds({}, { container: { resources: { requests: { cpu: '2' } } } }),
  'requests what preemption frees': ds(
    { priorityClassName: 'system-node-critical', nodeSelector: { pool: 'a' } },
    { container: { resources: { requests: { cpu: '500m' } } } },
  ),
  'scheduling gates': ds({ schedulingGates: [{ name: 'example.com/quota' }] }),
  'unknown scheduler': ds({ schedulerName: 'other' }),
};

/** The inventory with only one node and the pods on it. */
function alone(nodes: any[], pods: any[], i: number): Inventory {
  const name = nodes[i]?.metadata?.name;
  return inventory(
    [nodes[i]],
    pods.filter((p) => p.spec.nodeName === name),
  );
}

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v));

describe('placement: nodes decided once per class read as each node on its own', () => {
  const { nodes, pods } = cluster();
  const inv = inventory(nodes, pods);
  for (const [name, daemonSet] of Object.entries(DAEMONSETS)) {
    it(name, () => {
      const all = computePlacement(daemonSet, inv);
      assert.equal(all.nodes.length, nodes.length);
      for (let i = 0; i < nodes.length; i++) {
        const one = computePlacement(daemonSet, alone(nodes, pods, i)).nodes[0];
        assert.deepStrictEqual(all.nodes[i], one, `node ${nodes[i].metadata.name}`);
      }
    });
  }
});

describe('placement: what results share', () => {
  const { nodes, pods } = cluster();
  const inv = inventory(nodes, pods);

  it('placing again gives the same answer, nodes that read alike are shared and frozen', () => {
    const daemonSet = DAEMONSETS['node selector'];
    const first = computePlacement(daemonSet, inv);
    const before = copy(first);
    const again = computePlacement(structuredClone(daemonSet), inv);
    assert.deepStrictEqual(copy(again), before);
    const b3 = again.nodes.findIndex((n) => n.name === 'b3');
    assert.equal(again.nodes[b3].verdict, 'excluded');
    assert.equal(again.nodes[b3], first.nodes[b3], 'an excluded node that reads as before is the same object');
    assert.ok(Object.isFrozen(again.nodes[b3]) && Object.isFrozen(again.nodes[b3].reasons));
    assert.throws(() => {
      (again.nodes[b3] as any).verdict = 'runs';
    }, TypeError);
    // Nodes left out for the same reasons share one explanation, even where other things about them differ (a cordon, a soft taint).
    const b4 = again.nodes.find((n) => n.name === 'b4')!;
    assert.deepStrictEqual(
      b4.reasons.map((r) => r.predicate),
      ['NodeAffinity', 'TaintToleration'],
    );
    assert.notEqual(b4.reasons, again.nodes[b3].reasons, 'different taints are different explanations');
    const c4 = again.nodes.find((n) => n.name === 'c4')!;
    const d1 = again.nodes.find((n) => n.name === 'd1')!;
    assert.equal(c4.reasons, d1.reasons);
    assert.deepStrictEqual(
      c4.reasons.map((r) => r.detail),
      ['nodeSelector pool=a: node has no label pool'],
    );
  });

  it('alternating DaemonSets never see each other’s details', () => {
    const names = Object.keys(DAEMONSETS);
    const fresh = new Map<string, PlacementResult>();
    for (const name of names) fresh.set(name, copy(computePlacement(DAEMONSETS[name], inventory(copy(nodes), copy(pods)))));
    for (let round = 0; round < 2; round++) {
      for (const name of [...names].reverse())
        assert.deepStrictEqual(copy(computePlacement(DAEMONSETS[name], inv)), fresh.get(name), `${name}, round ${round}`);
    }
  });

  it('the eviction warning of one DaemonSet is not shared with another that has none', () => {
    const warns = computePlacement(DAEMONSETS['tolerates NoExecute for a while'], inv);
    const plain = computePlacement(DAEMONSETS['tolerates everything'], inv);
    const c1w = warns.nodes.find((n) => n.name === 'c1')!;
    const c1p = plain.nodes.find((n) => n.name === 'c1')!;
    assert.equal(c1w.evictionWarnings?.length, 1);
    assert.equal(c1p.evictionWarnings, undefined);
  });
});

describe('placement: verdict-only checks agree with the filters', () => {
  const { nodes, pods } = cluster();
  const states = Object.values(DAEMONSETS).map((d) =>
    preFilter({ metadata: { namespace: 'kube-system', labels: { app: 'agent' } }, spec: d.spec.template.spec }, { applyPodDefaults: true }),
  );
  const infos = nodes.map((n) =>
    newNodeInfo(
      n,
      pods.filter((p) => p.spec.nodeName === n.metadata.name),
    ),
  );

  it('passes(), skips() and passesAll() answer as filter() and failingPlugins() do', () => {
    for (const state of states) {
      for (const info of infos) {
        for (const p of DEFAULT_FILTER_PLUGINS) {
          const fits = p.filter(state, info).failures.length === 0;
          if (p.passes) assert.equal(p.passes(state, info), fits, `${p.name} on ${info.node.metadata.name}`);
          if (p.skips?.(state)) assert.ok(fits, `${p.name} skips but fails on ${info.node.metadata.name}`);
        }
        assert.equal(passesAll(DEFAULT_FILTER_PLUGINS, state, info), failingPlugins(DEFAULT_FILTER_PLUGINS, state, info).length === 0);
      }
    }
  });

  it('cloneNodeInfoWithout is cloneNodeInfo and RemovePod of each', () => {
    const info = newNodeInfo(nodes[0], [
      pod('a', 'p1', 'a1', { cpu: '1', hostPort: 80 }),
      pod('a', 'p2', 'a1', { cpu: '2', hostPort: 81 }),
      pod('a', 'p3', 'a1', { cpu: '1' }),
    ]);
    const without = [info.pods[0], info.pods[2]];
    const one = cloneNodeInfoWithout(info, new Set(without));
    const two = cloneNodeInfo(info);
    for (const p of without) removePodInfo(two, p);
    assert.deepStrictEqual(one.pods, two.pods);
    assert.deepStrictEqual(one.requested, two.requested);
    assert.equal(one.podCount, two.podCount);
    for (const port of [80, 81]) assert.equal(one.usedPorts.checkConflict(undefined, 'TCP', port), two.usedPorts.checkConflict(undefined, 'TCP', port));
    assert.equal(info.pods.length, 3, 'the original is untouched');
  });
});

describe('placement: per-inventory caches answer as a fresh computation', () => {
  it('an explanation kept for a sealed NodeInfo is not reused once the NodeInfo changes', () => {
    const n = node('x', { allocatable: { cpu: '1', memory: '1Gi', pods: '110' } });
    const info = sealNodeInfo(newNodeInfo(n, [pod('a', 'big', 'x', { cpu: '800m' })]));
    const state = preFilter({ spec: { containers: [{ name: 'c', resources: { requests: { cpu: '500m' } } }] } });
    const first = nodeResourcesFit.filter(state, info).failures[0];
    assert.match(first.detail!, /a\/big/);
    assert.equal(nodeResourcesFit.filter(state, info).failures[0].detail, first.detail);
    addPod(info, pod('a', 'bigger', 'x', { cpu: '100m' }));
    const after = nodeResourcesFit.filter(state, info).failures[0];
    assert.match(after.detail!, /a\/bigger/);
    assert.deepStrictEqual(
      after.pods!.map((p) => p.name),
      ['big', 'bigger'],
    );
  });

  it('nodeInfoWithout: the same answer from the cache as computed afresh', () => {
    const { nodes, pods } = cluster();
    const prepared = prepareInventory(inventory(nodes, pods));
    const pn = prepared.byName.get('a1')!;
    const own = pn.pods.filter((p) => p.name === 'agent-a1');
    const first = nodeInfoWithout(pn, own);
    assert.equal(nodeInfoWithout(pn, [...own]), first);
    const fresh = nodeInfoFrom(pn.node, pn.pods, new Set(own));
    assert.deepStrictEqual(first.requested, fresh.requested);
    assert.equal(first.podCount, fresh.podCount);
    assert.deepStrictEqual(first.pods, fresh.pods);
  });

  it('daemonPodsByNode: orphans of other namespaces stay out, unnamespaced ones are adopted, and a changed selector is asked afresh', () => {
    const nodes = [node('n1'), node('n2')];
    const pods = [
      pod('kube-system', 'mine', 'n1', { owner, labels: { app: 'agent' } }),
      pod('kube-system', 'orphan', 'n2', { labels: { app: 'agent' } }),
      pod('other', 'elsewhere', 'n2', { labels: { app: 'agent' } }),
      { ...pod('x', 'unnamespaced', 'n1', { labels: { app: 'agent' } }), metadata: { name: 'unnamespaced', labels: { app: 'agent' } } },
    ];
    const prepared = prepareInventory(inventory(nodes, pods));
    const d = daemonSetObject();
    const names = (r: readonly (any[] | undefined)[]) => r.map((l) => (l ?? []).map((p) => p.name).sort());
    const claimed = daemonPodsByNode(prepared, d, labelSelectorAsSelector(d.spec.selector));
    assert.deepStrictEqual(names(claimed), [['mine', 'unnamespaced'], ['orphan']]);
    assert.equal(daemonPodsByNode(prepared, structuredClone(d), labelSelectorAsSelector(d.spec.selector)), claimed);
    const other = { ...d, spec: { ...d.spec, selector: { matchLabels: { app: 'other' } } } };
    assert.deepStrictEqual(names(daemonPodsByNode(prepared, other, labelSelectorAsSelector(other.spec.selector))), []);
    const anywhere = { ...d, metadata: { name: 'agent' } };
    assert.deepStrictEqual(names(daemonPodsByNode(prepared, anywhere, labelSelectorAsSelector(d.spec.selector))), [
      ['mine', 'unnamespaced'],
      ['elsewhere', 'orphan'],
    ]);
  });

  it('inventoryHints counts once per inventory and names it as it is now', () => {
    const inv = inventory([node('a', { taints: [{ key: 'k', effect: 'NoSchedule' }] }), node('b')]);
    const inv2: Inventory = { ...inv, source: 'cluster', name: 'dev' };
    const first = inventoryHints(inv2);
    assert.equal(first.labels.get('kubernetes.io/hostname')?.size, 2);
    assert.deepStrictEqual(first.taints, [{ key: 'k', value: undefined, effect: 'NoSchedule', count: 1 }]);
    inv2.stale = true;
    const again = inventoryHints(inv2);
    assert.equal(again.labels, first.labels);
    assert.notEqual(again.inventoryName, first.inventoryName);
    assert.match(again.inventoryName, /stale/);
  });
});
