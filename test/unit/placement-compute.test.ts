import assert from 'node:assert/strict';
import { daemonSetObject } from '../helpers/manifests';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { computePlacement } from '../../server/src/placement/placement';
import type { Inventory, NodePlacement } from '../../server/src/placement/types';
import { sharedPath } from '../helpers/paths';

/** Every Node object of shared/corpus/nodes (JSON files, YAML documents, List items). */
function corpusNodes(): any[] {
  const dir = sharedPath('corpus', 'nodes');
  const nodes: any[] = [];
  for (const f of readdirSync(dir).sort()) {
    if (!/\.(json|ya?ml)$/.test(f)) continue;
    const text = readFileSync(`${dir}/${f}`, 'utf8');
    const docs = f.endsWith('.json') ? [JSON.parse(text)] : parseAllDocuments(text).map((d) => d.toJSON());
    for (const d of docs) {
      if (!d) continue;
      if (Array.isArray(d.items)) nodes.push(...d.items.filter((i: any) => i?.kind === 'Node' || !i?.kind));
      // Some recorded nodes were saved without apiVersion/kind.
      else if (d.kind === 'Node' || (!d.kind && d.metadata && d.status)) nodes.push(d);
    }
  }
  return nodes;
}

function corpusManifest(...parts: string[]): any {
  const docs = parseAllDocuments(readFileSync(sharedPath('corpus', ...parts), 'utf8')).map((d) => d.toJSON());
  return docs.find((d) => d?.kind === 'DaemonSet');
}

const inventory = (nodes: any[], pods: any[] = []): Inventory => ({ source: 'file', name: 'test', nodes, pods, messages: [] });

function daemonSet(spec: any = {}, extra: any = {}): any {
  return daemonSetObject({ podSpec: spec, container: { name: 'c', image: 'i', ...(extra.container ?? {}) }, spec: extra.dsSpec });
}

function byName(nodes: NodePlacement[]): Map<string, NodePlacement> {
  return new Map(nodes.map((n) => [n.name, n]));
}

describe('computePlacement over the real corpus nodes', () => {
  const nodes = corpusNodes();
  const inv = inventory(nodes);

  it('loads all corpus Node objects', () => {
    assert.ok(nodes.length >= 15, `got ${nodes.length}`);
  });

  it('excludes the OpenShift masters for their master taint; workers run', () => {
    const r = computePlacement(daemonSet(), inv);
    const m = byName(r.nodes);
    const masters = r.nodes.filter((n) => n.name.startsWith('ci-ln-ywdpkbt-f76d1-vw6lz-master-'));
    assert.equal(masters.length, 3);
    for (const master of masters) {
      assert.equal(master.verdict, 'excluded');
      assert.deepEqual(master.roles, ['master']);
      assert.deepEqual(
        master.reasons.map((x) => [x.predicate, x.message]),
        [['TaintToleration', 'node(s) had untolerated taint(s)']],
      );
      assert.deepEqual(master.reasons[0].taint, { key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' });
      assert.equal(master.shouldContinueRunning, true);
    }
    for (const w of ['ci-ln-ywdpkbt-f76d1-vw6lz-worker-b-tdhq6', 'ci-ln-ywdpkbt-f76d1-vw6lz-worker-c-k5w6k']) {
      assert.equal(m.get(w)!.verdict, 'runs');
      assert.equal(m.get(w)!.zone?.startsWith('us-east1-'), true);
    }
    assert.equal(r.inventory.nodes, nodes.length);
    assert.equal(r.counts.runs + r.counts.excluded + r.counts.pending, nodes.length);
    assert.equal(r.desired, r.counts.runs + r.counts.pending);
    assert.equal(r.current, undefined);
  });

  it('a tolerate-everything DaemonSet runs on the masters too', () => {
    const r = computePlacement(daemonSet({ tolerations: [{ operator: 'Exists' }] }), inv);
    assert.equal(r.counts.excluded, 0);
    assert.ok(byName(r.nodes).get('ci-ln-ywdpkbt-f76d1-vw6lz-master-0')!.verdict === 'runs');
  });

  it('arch affinity excludes the arm64 kind nodes with the failing expression', () => {
    const ds = daemonSet({
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] }] }],
          },
        },
      },
    });
    const r = computePlacement(ds, inv);
    const arm = r.nodes.filter((n) => n.arch === 'arm64');
    assert.ok(arm.length >= 3);
    for (const n of arm) {
      assert.equal(n.verdict, 'excluded');
      const reason = n.reasons.find((x) => x.predicate === 'NodeAffinity')!;
      assert.equal(reason.message, "node(s) didn't match Pod's node affinity/selector");
      assert.deepEqual(reason.selector, { kind: 'requiredAffinity', terms: ['kubernetes.io/arch in (amd64)'] });
    }
  });

  it('the flannel DaemonSet (os affinity, tolerates all NoSchedule) needs the kubernetes.io/os label, not nodeInfo', () => {
    const ds = corpusManifest('daemonsets', 'flannel--kube-flannel-ds.yaml');
    const r = computePlacement(ds, inv);
    for (const n of r.nodes) {
      if (n.labels['kubernetes.io/os'] === 'linux') assert.notEqual(n.verdict, 'excluded', n.name);
      else {
        // e.g. the kind nodes report linux only in status.nodeInfo: the label is what counts
        assert.equal(n.verdict, 'excluded', n.name);
        assert.deepEqual(
          n.reasons.map((x) => x.predicate),
          ['NodeAffinity'],
        );
      }
    }
    assert.ok(r.nodes.some((n) => n.os === 'linux' && n.verdict === 'excluded'));
  });

  it('hostport-with-nodeselector: non-matching nodes report the selector, not port conflicts', () => {
    const ds = corpusManifest('broken', 'reconstructed', 'hostport-with-nodeselector.yaml');
    const apiServer = {
      metadata: { name: 'apiserver', namespace: 'kube-system' },
      spec: { nodeName: 'ci-ln-ywdpkbt-f76d1-vw6lz-master-0', containers: [{ name: 'a', ports: [{ containerPort: 443, hostPort: 443 }] }] },
    };
    const edge = { ...structuredClone(nodes.find((n) => n.metadata.name === 'minikube')), metadata: { name: 'edge-1', labels: { role: 'edge' } } };
    const edgeApi = { ...apiServer, metadata: { name: 'x', namespace: 'default' }, spec: { ...apiServer.spec, nodeName: 'edge-1' } };
    const r = computePlacement(ds, inventory([...nodes, edge], [apiServer, edgeApi]));
    const master = byName(r.nodes).get('ci-ln-ywdpkbt-f76d1-vw6lz-master-0')!;
    assert.deepEqual(
      master.reasons.map((x) => x.predicate),
      ['NodeAffinity', 'TaintToleration'],
    );
    assert.deepEqual(master.reasons[0].selector, { kind: 'nodeSelector', key: 'role', want: 'edge' });
    const e = byName(r.nodes).get('edge-1')!;
    assert.equal(e.verdict, 'pending');
    assert.deepEqual(
      e.reasons.map((x) => [x.predicate, x.message, x.code]),
      [['NodePorts', "node(s) didn't have free ports for the requested pod ports", 'Unschedulable']],
    );
    assert.deepEqual(e.reasons[0].ports, ['TCP/0.0.0.0:443']);
  });

  it('tolerationseconds-notready-ignored: the auto tolerations replace the 30s ones, no eviction loop', () => {
    const ds = corpusManifest('broken', 'reconstructed', 'tolerationseconds-notready-ignored.yaml');
    const notReady = {
      metadata: { name: 'nr' },
      spec: { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }] },
      status: { allocatable: { pods: '10' } },
    };
    const r = computePlacement(ds, inventory([notReady]));
    assert.equal(r.nodes[0].verdict, 'runs');
    assert.equal(r.nodes[0].evictionWarnings, undefined);
  });
});

describe('computePlacement: existing pods, resources and summary', () => {
  const node = (name: string, extra: any = {}) => ({
    metadata: { name, labels: { 'kubernetes.io/os': 'linux', ...(extra.labels ?? {}) } },
    spec: { taints: extra.taints ?? [] },
    status: { allocatable: { cpu: '1', memory: '1Gi', pods: '10' }, conditions: [{ type: 'Ready', status: 'True' }] },
  });
  const own = (name: string, nodeName: string, extra: any = {}) => ({
    metadata: {
      name,
      namespace: 'kube-system',
      labels: { app: 'agent' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', controller: true }],
    },
    spec: { nodeName, containers: [{ name: 'c', resources: { requests: { cpu: '600m' } }, ports: extra.ports ?? [] }] },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: extra.ready === false ? 'False' : 'True' }] },
  });
  const other = (nodeName: string, cpu: string) => ({
    metadata: { name: `o-${nodeName}`, namespace: 'default' },
    spec: { nodeName, containers: [{ name: 'c', resources: { requests: { cpu } } }] },
  });

  it('existing pod kept on NoSchedule, evicted on NoExecute; summary like kubectl get ds', () => {
    const nodes = [
      node('a'),
      node('b', { taints: [{ key: 'x', effect: 'NoSchedule' }] }),
      node('c', { taints: [{ key: 'y', effect: 'NoExecute' }] }),
      node('d'),
    ];
    const pods = [own('p-a', 'a'), own('p-b', 'b'), own('p-c', 'c'), own('p-d', 'd', { ready: false })];
    const r = computePlacement(daemonSet(), inventory(nodes, pods));
    const m = byName(r.nodes);
    assert.deepEqual(
      ['a', 'b', 'c', 'd'].map((n) => [m.get(n)!.verdict, m.get(n)!.existingPod]),
      [
        ['runs', 'kept'],
        ['excluded', 'kept'],
        ['excluded', 'evicted'],
        ['runs', 'kept'],
      ],
    );
    assert.deepEqual([r.desired, r.current, r.ready, r.misscheduled], [2, 2, 1, 2]);
    assert.deepEqual(r.counts, { runs: 2, excluded: 2, pending: 0 });
  });

  it('the DaemonSet own old pod does not count against the new pod, unless maxSurge runs both', () => {
    const nodes = [node('a')];
    const pods = [own('p-a', 'a', { ports: [{ containerPort: 9100, hostPort: 9100 }] })];
    const tmpl = { container: { resources: { requests: { cpu: '600m' } }, ports: [{ containerPort: 9100, hostPort: 9100 }] } };
    assert.equal(computePlacement(daemonSet({}, tmpl), inventory(nodes, pods)).nodes[0].verdict, 'runs');
    const surge = daemonSet({}, { ...tmpl, dsSpec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } } });
    const r = computePlacement(surge, inventory(nodes, pods));
    assert.equal(r.nodes[0].verdict, 'pending');
    // The scheduler reports the first failing plugin; the next one follows once that is resolved.
    assert.deepEqual(
      r.nodes[0].reasons.map((x) => x.predicate),
      ['NodePorts'],
    );
    assert.deepEqual(
      r.nodes[0].laterReasons?.map((x) => x.predicate),
      ['NodeResourcesFit'],
    );
  });

  it('hostNetwork pods get hostPort = containerPort when created, so two such DaemonSets collide', () => {
    const exporter = {
      metadata: { name: 'node-exporter-x', namespace: 'monitoring', ownerReferences: [{ kind: 'DaemonSet', name: 'node-exporter', controller: true }] },
      spec: { nodeName: 'a', hostNetwork: true, containers: [{ name: 'e', ports: [{ containerPort: 9100 }] }] },
    };
    const r = computePlacement(
      daemonSet({ hostNetwork: true }, { container: { ports: [{ containerPort: 9100, name: 'metrics' }] } }),
      inventory([node('a')], [exporter]),
    );
    assert.equal(r.nodes[0].verdict, 'pending');
    assert.deepEqual(r.nodes[0].reasons[0].ports, ['TCP/0.0.0.0:9100']);
    // without hostNetwork the containerPort stays off the host
    assert.equal(
      computePlacement(daemonSet({}, { container: { ports: [{ containerPort: 9100 }] } }), inventory([node('a')], [exporter])).nodes[0].verdict,
      'runs',
    );
  });

  it('Insufficient cpu: resolvable vs unresolvable, with limits defaulting into requests', () => {
    const nodes = [node('a')];
    const r = computePlacement(daemonSet({}, { container: { resources: { limits: { cpu: '500m' } } } }), inventory(nodes, [other('a', '700m')]));
    const reason = r.nodes[0].reasons[0];
    assert.deepEqual([r.nodes[0].verdict, reason.predicate, reason.message, reason.code], ['pending', 'NodeResourcesFit', 'Insufficient cpu', 'Unschedulable']);
    assert.deepEqual(reason.resource, { name: 'cpu', requested: 500, used: 700, capacity: 1000, unresolvable: false });
    const huge = computePlacement(daemonSet({}, { container: { resources: { requests: { cpu: '2' } } } }), inventory(nodes));
    assert.equal(huge.nodes[0].reasons[0].code, 'UnschedulableAndUnresolvable');
  });

  it('finite tolerationSeconds on a NoExecute taint warns of an evict-and-recreate loop', () => {
    const nodes = [node('a', { taints: [{ key: 'maintenance', effect: 'NoExecute' }] })];
    const r = computePlacement(daemonSet({ tolerations: [{ operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 }] }), inventory(nodes));
    assert.equal(r.nodes[0].verdict, 'runs');
    assert.equal(r.nodes[0].evictionWarnings?.[0].tolerationSeconds, 30);
    assert.deepEqual(r.nodes[0].evictionWarnings?.[0].taint, { key: 'maintenance', effect: 'NoExecute' });
  });

  it('template nodeName pins the DaemonSet to one node', () => {
    const r = computePlacement(daemonSet({ nodeName: 'b' }), inventory([node('a'), node('b')]));
    assert.deepEqual(
      r.nodes.map((n) => [n.name, n.verdict, n.reasons[0]?.predicate]),
      [
        ['a', 'excluded', 'NodeName'],
        ['b', 'runs', undefined],
      ],
    );
  });

  it('an empty selector is reported', () => {
    const ds = daemonSet();
    ds.spec.selector = {};
    assert.deepEqual(computePlacement(ds, inventory([node('a')])).messages, ['This daemon set is selecting all pods. A non-empty selector is required.']);
  });

  it('serialises to the CLI JSON contract', () => {
    const r = JSON.parse(JSON.stringify(computePlacement(daemonSet(), inventory([node('a')]))));
    assert.deepEqual(Object.keys(r.inventory).sort(), ['name', 'nodes', 'source']);
    assert.equal(typeof r.desired, 'number');
    for (const k of ['name', 'verdict', 'existingPod', 'reasons']) assert.ok(k in r.nodes[0], k);
  });
});

describe('computePlacement on half-typed input', () => {
  it('never throws on lists that are not lists, nulls or wrong scalar types', () => {
    const inv = inventory(
      [{ metadata: { name: 'a', labels: { x: 'y' } }, spec: { taints: 'oops' }, status: { allocatable: { cpu: 'x', pods: 5 } } }, {}, null],
      [null, { spec: { nodeName: 'a', containers: 'c' } }, { spec: { nodeName: 'a', containers: [{ ports: 5, resources: 'r' }] } }],
    );
    const weird = [
      null,
      {},
      { spec: null },
      {
        spec: {
          selector: 'x',
          template: {
            spec: {
              containers: 'abc',
              initContainers: {},
              tolerations: 'x',
              nodeSelector: 'str',
              affinity: {
                nodeAffinity: {
                  requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: 'abc', matchFields: {} }, 'x', null] },
                },
              },
            },
          },
        },
      },
      {
        spec: {
          selector: { matchLabels: { a: 'b' }, matchExpressions: 'x' },
          template: {
            spec: {
              containers: [{ ports: [{ hostPort: '80' }, null] }],
              tolerations: [null, 'x', { operator: 'Exists' }],
              affinity: {
                nodeAffinity: {
                  requiredDuringSchedulingIgnoredDuringExecution: {
                    nodeSelectorTerms: [{ matchExpressions: [null, { key: 5, operator: 'In', values: 'abc' }] }],
                  },
                },
              },
            },
          },
        },
      },
    ];
    for (const ds of weird) {
      const r = computePlacement(ds, inv);
      assert.equal(r.nodes.length, 3);
    }
  });
});

describe('computePlacement at Kubernetes limits', () => {
  it('5,000 nodes and 150,000 pods: indexes once, counts stay right', () => {
    const nodes: any[] = [];
    const pods: any[] = [];
    for (let i = 0; i < 5000; i++) {
      nodes.push({
        metadata: {
          name: `node-${i}`,
          labels: { 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': i % 3 ? 'amd64' : 'arm64', 'topology.kubernetes.io/zone': `z${i % 3}` },
        },
        spec: i < 3 ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {},
        status: { allocatable: { cpu: '8', memory: '32Gi', pods: '110' }, conditions: [{ type: 'Ready', status: 'True' }] },
      });
      for (let j = 0; j < 30; j++) {
        pods.push({
          metadata: {
            name: `p-${i}-${j}`,
            namespace: j === 0 ? 'kube-system' : 'default',
            labels: { app: j === 0 ? 'agent' : `w${j}` },
            ownerReferences: [{ kind: j === 0 ? 'DaemonSet' : 'ReplicaSet', name: j === 0 ? 'agent' : `rs-${j}`, controller: true }],
          },
          spec: {
            nodeName: `node-${i}`,
            containers: [
              { name: 'c', resources: { requests: { cpu: '100m', memory: '256Mi' } }, ports: j === 1 ? [{ containerPort: 80, hostPort: 8080 }] : [] },
            ],
          },
          status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
        });
      }
    }
    const inv = inventory(nodes, pods);
    const ds = daemonSet(
      {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] }] }],
            },
          },
        },
      },
      { container: { resources: { requests: { cpu: '100m' } }, ports: [{ containerPort: 9100, hostPort: 9100 }] } },
    );
    const first = computePlacement(ds, inv); // builds the per-inventory index
    // amd64 nodes (i % 3 != 0) minus the two tainted control-plane ones among them
    assert.equal(first.desired, 3331);
    assert.equal(first.current, 3331);
    assert.equal(first.misscheduled, 1669);
    // Speed is measured by `npm run bench` (scripts/bench-placement.ts), not asserted here.
    const again = computePlacement(structuredClone(ds), inv);
    assert.deepEqual(again.counts, first.counts, 'the cached index gives the same answer');
  });
});
