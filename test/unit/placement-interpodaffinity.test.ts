// InterPodAffinity: cases of Kubernetes' pkg/scheduler/framework/plugins/interpodaffinity/filtering_test.go
// (1.36) written as our own tests (the Go test and case name in each title), then the plugin
// through computePlacement: topology domains across nodes, the DaemonSet's own replaced pod,
// preemption, and what a reason carries.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyMatchLabelKeys, forkInterPodAffinityState, interPodAffinityPreFilter, updateWithPod } from '../../server/src/placement/podaffinity';
import { computePlacement } from '../../server/src/placement/placement';
import { affinitySnapshotOf, prepareInventory } from '../../server/src/placement/prepare';
import { DEFAULT_FILTER_PLUGINS, preFilter } from '../../server/src/placement/scheduler';
import {
  ErrReasonAffinityRulesNotMatch as AFFINITY,
  ErrReasonAntiAffinityRulesNotMatch as ANTI,
  ErrReasonExistingAntiAffinityRulesNotMatch as EXISTING,
  plugin,
} from '../../server/src/placement/scheduler/interPodAffinity';
import type { NodeInfo } from '../../server/src/placement/scheduler/nodeinfo';
import type { Inventory, NodePlacement } from '../../server/src/placement/types';
import { daemonSetObject } from '../helpers/manifests';

// st.MakePod()-like builders: a term is {key, op, values?, topologyKey}.
type Op = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
interface TermSpec {
  key: string;
  op: Op;
  values?: string[];
  topologyKey: string;
  namespaces?: string[];
  namespaceSelector?: any;
}
const term = (t: TermSpec) => ({
  labelSelector: { matchExpressions: [{ key: t.key, operator: t.op, ...(t.values ? { values: t.values } : {}) }] },
  topologyKey: t.topologyKey,
  ...(t.namespaces ? { namespaces: t.namespaces } : {}),
  ...(t.namespaceSelector !== undefined ? { namespaceSelector: t.namespaceSelector } : {}),
});
const In = (key: string, topologyKey: string, values: string[], extra: Partial<TermSpec> = {}) => term({ key, op: 'In', values, topologyKey, ...extra });
const NotIn = (key: string, topologyKey: string, values: string[]) => term({ key, op: 'NotIn', values, topologyKey });
const Exists = (key: string, topologyKey: string) => term({ key, op: 'Exists', topologyKey });

interface PodSpec {
  name?: string;
  ns?: string;
  node?: string;
  labels?: Record<string, string>;
  affinity?: any[];
  anti?: any[];
}
function pod(p: PodSpec): any {
  const affinity: any = {};
  if (p.affinity) affinity.podAffinity = { requiredDuringSchedulingIgnoredDuringExecution: p.affinity };
  if (p.anti) affinity.podAntiAffinity = { requiredDuringSchedulingIgnoredDuringExecution: p.anti };
  return {
    metadata: { name: p.name ?? '', ...(p.ns !== undefined ? { namespace: p.ns } : {}), ...(p.labels ? { labels: p.labels } : {}) },
    spec: { ...(p.node ? { nodeName: p.node } : {}), ...(p.affinity || p.anti ? { affinity } : {}) },
  };
}
const node = (name: string, labels: Record<string, string>) => ({ metadata: { name, labels } });

/** The test DaemonSet (`agent`) with other template labels (the selector follows them). */
function agentDs(opts: Parameters<typeof daemonSetObject>[0] & { labels?: Record<string, string> } = {}): any {
  const { labels, ...rest } = opts;
  const ds = daemonSetObject(rest);
  if (labels) {
    ds.spec.template.metadata.labels = { ...labels };
    ds.spec.selector = { matchLabels: { ...labels } };
  }
  return ds;
}

const inv = (nodes: any[], pods: any[] = [], extra: Partial<Inventory> = {}): Inventory => ({
  source: 'file',
  name: 'test',
  nodes,
  pods,
  messages: [],
  ...extra,
});

const namespaces = [
  { metadata: { name: 'subteam1.team1', labels: { team: 'team1' } } },
  { metadata: { name: 'subteam2.team1', labels: { team: 'team1' } } },
  { metadata: { name: 'subteam1.team2', labels: { team: 'team2' } } },
  { metadata: { name: 'subteam2.team2', labels: { team: 'team2' } } },
];

/** PreFilter once over the snapshot, then Filter per node: null for success, else [code, reason]. */
function run(incoming: any, nodes: any[], pods: any[] = []): { skip: boolean; statuses: ([string, string] | null)[] } {
  const state = preFilter(incoming, { snapshot: affinitySnapshotOf(nodes, pods, namespaces) });
  const statuses = nodes.map((n) => {
    const r = plugin.preFilterStatus?.(state) ?? plugin.filter(state, { node: n } as NodeInfo);
    return r.code === 'Success' ? null : ([r.code, r.reasons[0]] as [string, string]);
  });
  return { skip: state.interPodAffinity.skip, statuses };
}

const U = 'Unschedulable';
const UU = 'UnschedulableAndUnresolvable';

describe('InterPodAffinity: TestRequiredAffinitySingleNode', () => {
  const podLabel = { service: 'securityscan' };
  const podLabel2 = { security: 'S1' };
  const node1 = node('node1', { region: 'r1', zone: 'z11' });
  const existing = pod({ name: 'p', labels: podLabel, node: 'node1' });
  const cases: { name: string; pod: any; pods?: any[]; want: [string, string] | null; skip?: boolean }[] = [
    {
      name: 'A pod that has no required pod affinity scheduling rules can schedule onto a node with no existing pods',
      pod: pod({}),
      want: null,
      skip: true,
    },
    {
      name: 'satisfies with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using In operator that matches the existing pod',
      pod: pod({ labels: podLabel2, affinity: [In('service', 'region', ['securityscan', 'value2'])] }),
      pods: [existing],
      want: null,
    },
    {
      name: 'satisfies the pod with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using not in operator in labelSelector that matches the existing pod',
      pod: pod({ labels: podLabel2, affinity: [NotIn('service', 'region', ['securityscan3', 'value3'])] }),
      pods: [existing],
      want: null,
    },
    {
      name: 'Does not satisfy the PodAffinity with labelSelector because of diff Namespace',
      pod: pod({ labels: podLabel2, affinity: [{ ...In('service', '', ['securityscan', 'value2']), namespaces: ['DiffNameSpace'] }] }),
      pods: [pod({ ns: 'ns', labels: podLabel, node: 'node1' })],
      want: [UU, AFFINITY],
    },
    {
      name: "Doesn't satisfy the PodAffinity because of unmatching labelSelector with the existing pod",
      pod: pod({ labels: podLabel, affinity: [In('service', '', ['antivirusscan', 'value2'])] }),
      pods: [existing],
      want: [UU, AFFINITY],
    },
    {
      name: 'satisfies the PodAffinity with different label Operators in multiple RequiredDuringSchedulingIgnoredDuringExecution',
      pod: pod({
        labels: podLabel2,
        affinity: [
          {
            labelSelector: {
              matchExpressions: [
                { key: 'service', operator: 'Exists' },
                { key: 'wrongkey', operator: 'DoesNotExist' },
              ],
            },
            topologyKey: 'region',
          },
          {
            labelSelector: {
              matchExpressions: [
                { key: 'service', operator: 'In', values: ['securityscan'] },
                { key: 'service', operator: 'NotIn', values: ['WrongValue'] },
              ],
            },
            topologyKey: 'region',
          },
        ],
      }),
      pods: [existing],
      want: null,
    },
    {
      name: "The labelSelector requirements(items of matchExpressions) are ANDed, the pod cannot schedule onto the node because one of the matchExpression item don't match.",
      pod: pod({
        labels: podLabel2,
        affinity: [
          {
            labelSelector: {
              matchExpressions: [
                { key: 'service', operator: 'Exists' },
                { key: 'wrongkey', operator: 'DoesNotExist' },
              ],
            },
            topologyKey: 'region',
          },
          {
            labelSelector: {
              matchExpressions: [
                { key: 'service', operator: 'In', values: ['securityscan2'] },
                { key: 'service', operator: 'NotIn', values: ['WrongValue'] },
              ],
            },
            topologyKey: 'region',
          },
        ],
      }),
      pods: [existing],
      want: [UU, AFFINITY],
    },
    {
      name: 'satisfies the PodAffinity and PodAntiAffinity with the existing pod',
      pod: pod({
        labels: podLabel2,
        affinity: [In('service', 'region', ['securityscan', 'value2'])],
        anti: [In('service', 'node', ['antivirusscan', 'value2'])],
      }),
      pods: [existing],
      want: null,
    },
    {
      name: 'satisfies the PodAffinity and PodAntiAffinity and PodAntiAffinity symmetry with the existing pod',
      pod: pod({
        labels: podLabel2,
        affinity: [In('service', 'region', ['securityscan', 'value2'])],
        anti: [In('service', 'node', ['antivirusscan', 'value2'])],
      }),
      pods: [pod({ node: 'node1', labels: podLabel, anti: [In('service', 'node', ['antivirusscan', 'value2'])] })],
      want: null,
    },
    {
      name: "satisfies the PodAffinity but doesn't satisfy the PodAntiAffinity with the existing pod",
      pod: pod({
        labels: podLabel2,
        affinity: [In('service', 'region', ['securityscan', 'value2'])],
        anti: [In('service', 'zone', ['securityscan', 'value2'])],
      }),
      pods: [existing],
      want: [U, ANTI],
    },
    {
      name: "satisfies the PodAffinity and PodAntiAffinity but doesn't satisfy PodAntiAffinity symmetry with the existing pod",
      pod: pod({
        labels: podLabel,
        affinity: [In('service', 'region', ['securityscan', 'value2'])],
        anti: [In('service', 'node', ['antivirusscan', 'value2'])],
      }),
      pods: [pod({ node: 'node1', labels: podLabel, anti: [In('service', 'zone', ['securityscan', 'value2'])] })],
      want: [U, EXISTING],
    },
    {
      name: 'pod matches its own Label in PodAffinity and that matches the existing pod Labels',
      pod: pod({ labels: podLabel, affinity: [NotIn('service', 'region', ['securityscan', 'value2'])] }),
      // On node2, which the snapshot does not hold.
      pods: [pod({ labels: podLabel, node: 'node2' })],
      want: [UU, AFFINITY],
    },
    {
      name: "verify that PodAntiAffinity from existing pod is respected when pod has no AntiAffinity constraints. doesn't satisfy PodAntiAffinity symmetry with the existing pod",
      pod: pod({ labels: podLabel }),
      pods: [pod({ node: 'node1', labels: podLabel, anti: [In('service', 'zone', ['securityscan', 'value2'])] })],
      want: [U, EXISTING],
    },
    {
      name: 'verify that PodAntiAffinity from existing pod is respected when pod has no AntiAffinity constraints. satisfy PodAntiAffinity symmetry with the existing pod',
      pod: pod({ labels: podLabel }),
      pods: [pod({ node: 'node1', labels: podLabel, anti: [NotIn('service', 'zone', ['securityscan', 'value2'])] })],
      want: null,
      skip: true,
    },
    {
      name: "satisfies the PodAntiAffinity with existing pod but doesn't satisfy PodAntiAffinity symmetry with incoming pod",
      pod: pod({ labels: podLabel, anti: [Exists('service', 'region'), Exists('security', 'region')] }),
      pods: [pod({ node: 'node1', labels: podLabel2, anti: [Exists('security', 'zone')] })],
      want: [U, ANTI],
    },
    {
      name: 'PodAntiAffinity symmetry check a1: incoming pod and existing pod partially match each other on AffinityTerms',
      pod: pod({ labels: podLabel, anti: [Exists('service', 'zone'), Exists('security', 'zone')] }),
      pods: [pod({ node: 'node1', labels: podLabel2, anti: [Exists('security', 'zone')] })],
      want: [U, ANTI],
    },
    {
      name: 'PodAntiAffinity symmetry check a2: incoming pod and existing pod partially match each other on AffinityTerms',
      pod: pod({ labels: podLabel2, anti: [Exists('security', 'zone')] }),
      pods: [pod({ node: 'node1', labels: podLabel, anti: [Exists('service', 'zone'), Exists('security', 'zone')] })],
      want: [U, EXISTING],
    },
    {
      name: 'PodAntiAffinity symmetry check b1: incoming pod and existing pod partially match each other on AffinityTerms',
      pod: pod({ labels: { abc: '', xyz: '' }, anti: [Exists('abc', 'zone'), Exists('def', 'zone')] }),
      pods: [pod({ node: 'node1', labels: { def: '', xyz: '' }, anti: [Exists('abc', 'zone'), Exists('def', 'zone')] })],
      want: [U, ANTI],
    },
    {
      name: 'PodAntiAffinity symmetry check b2: incoming pod and existing pod partially match each other on AffinityTerms',
      pod: pod({ labels: { def: '', xyz: '' }, anti: [Exists('abc', 'zone'), Exists('def', 'zone')] }),
      pods: [pod({ node: 'node1', labels: { abc: '', xyz: '' }, anti: [Exists('abc', 'zone'), Exists('def', 'zone')] })],
      want: [U, ANTI],
    },
    {
      name: 'affinity with NamespaceSelector',
      pod: pod({
        labels: podLabel2,
        affinity: [
          In('service', 'region', ['securityscan', 'value2'], {
            namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['team1'] }] },
          }),
        ],
      }),
      pods: [pod({ ns: 'subteam1.team1', labels: podLabel, node: 'node1' })],
      want: null,
    },
    {
      name: 'affinity with non-matching NamespaceSelector',
      pod: pod({
        labels: podLabel2,
        affinity: [
          In('service', 'region', ['securityscan', 'value2'], {
            namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['team1'] }] },
          }),
        ],
      }),
      pods: [pod({ ns: 'subteam1.team2', labels: podLabel, node: 'node1' })],
      want: [UU, AFFINITY],
    },
    {
      name: 'anti-affinity with matching NamespaceSelector',
      pod: pod({
        ns: 'subteam1.team1',
        labels: podLabel2,
        anti: [
          In('service', 'zone', ['securityscan', 'value2'], { namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['team1'] }] } }),
        ],
      }),
      pods: [pod({ ns: 'subteam2.team1', labels: podLabel, node: 'node1' })],
      want: [U, ANTI],
    },
    {
      name: 'anti-affinity with matching all NamespaceSelector',
      pod: pod({ ns: 'subteam1.team1', labels: podLabel2, anti: [In('service', 'zone', ['securityscan', 'value2'], { namespaceSelector: {} })] }),
      pods: [pod({ ns: 'subteam2.team1', labels: podLabel, node: 'node1' })],
      want: [U, ANTI],
    },
    {
      name: 'anti-affinity with non-matching NamespaceSelector',
      pod: pod({
        ns: 'subteam1.team1',
        labels: podLabel2,
        anti: [
          In('service', 'zone', ['securityscan', 'value2'], { namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['team1'] }] } }),
        ],
      }),
      pods: [pod({ ns: 'subteam1.team2', labels: podLabel, node: 'node1' })],
      want: null,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = run(c.pod, [node1], c.pods ?? []);
      assert.deepEqual(r.statuses, [c.want]);
      assert.equal(r.skip, c.skip === true);
    });
  }

  const badValue =
    `values[0][service]: Invalid value: "{{.bad-value.}}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', ` +
    `and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`;
  it('PodAffinity fails PreFilter with an invalid affinity label syntax (every node, before any filter)', () => {
    const incoming = pod({ labels: podLabel, affinity: [In('service', 'region', ['{{.bad-value.}}']), In('service', 'node', ['antivirusscan', 'value2'])] });
    const state = preFilter(incoming, { snapshot: affinitySnapshotOf([node1], []) });
    const r = plugin.preFilterStatus!(state)!;
    assert.equal(r.code, UU);
    assert.deepEqual(r.reasons, [`parsing pod: requiredAffinityTerms: ${badValue}`]);
  });
  it('PodAntiAffinity fails PreFilter with an invalid antiaffinity label syntax; errors of several lists aggregate', () => {
    const anti = pod({ labels: podLabel, anti: [In('service', 'node', ['{{.bad-value.}}'])] });
    assert.equal(run(anti, [node1]).statuses[0]![1], `parsing pod: requiredAntiAffinityTerms: ${badValue}`);
    const both = pod({
      labels: podLabel,
      affinity: [In('service', 'region', ['{{.bad-value.}}'])],
      anti: [{ labelSelector: { matchExpressions: [{ key: 'a', operator: 'Bogus' }] }, topologyKey: 'z' }],
    });
    assert.equal(
      run(both, [node1]).statuses[0]![1],
      `parsing pod: [requiredAffinityTerms: ${badValue}, requiredAntiAffinityTerms: "Bogus" is not a valid label selector operator]`,
    );
  });
});

describe('InterPodAffinity: TestRequiredAffinityMultipleNodes', () => {
  const rgChina = { region: 'China' };
  const rgChinaAzAz1 = { region: 'China', az: 'az1' };
  const rgIndia = { region: 'India' };
  const nodesABZ = (zoneB: string, zoneA = 'z1') => [
    node('nodeA', { region: 'r1', zone: zoneA, hostname: 'nodeA' }),
    node('nodeB', { region: 'r1', zone: zoneB, hostname: 'nodeB' }),
  ];
  const cases: { name: string; pod: any; pods: any[]; nodes: any[]; want: ([string, string] | null)[]; skip?: boolean }[] = [
    {
      name: 'A pod can be scheduled onto all the nodes that have the same topology key & label value with one of them has an existing pod that matches the affinity rules',
      pod: pod({ affinity: [In('foo', 'region', ['bar'])] }),
      pods: [pod({ name: 'p1', node: 'node1', labels: { foo: 'bar' } })],
      nodes: [node('node1', rgChina), node('node2', rgChinaAzAz1), node('node3', rgIndia)],
      want: [null, null, [UU, AFFINITY]],
    },
    {
      name: "The affinity rule is to schedule all of the pods of this collection to the same zone. The first pod of the collection should not be blocked from being scheduled onto any node, even there's no existing pod that matches the rule anywhere.",
      pod: pod({ labels: { foo: 'bar', service: 'securityscan' }, affinity: [In('foo', 'zone', ['bar']), In('service', 'zone', ['securityscan'])] }),
      pods: [pod({ name: 'p1', node: 'nodeA', labels: { foo: 'bar' } })],
      nodes: [node('nodeA', { zone: 'az1', hostname: 'h1' }), node('nodeB', { zone: 'az2', hostname: 'h2' })],
      want: [null, null],
    },
    {
      name: 'The first pod of the collection can only be scheduled on nodes labelled with the requested topology keys',
      pod: pod({ labels: { foo: 'bar', service: 'securityscan' }, affinity: [In('foo', 'zone', ['bar']), In('service', 'zone', ['securityscan'])] }),
      pods: [pod({ name: 'p1', node: 'nodeA', labels: { foo: 'bar' } })],
      nodes: [node('nodeA', { zoneLabel: 'az1', hostname: 'h1' }), node('nodeB', { zoneLabel: 'az2', hostname: 'h2' })],
      want: [
        [UU, AFFINITY],
        [UU, AFFINITY],
      ],
    },
    {
      name: 'NodeA and nodeB have same topologyKey and label value. NodeA has an existing pod that matches the inter pod affinity rule. The pod can not be scheduled onto nodeA and nodeB.',
      pod: pod({ anti: [In('foo', 'region', ['abc'])] }),
      pods: [pod({ node: 'nodeA', labels: { foo: 'abc' } })],
      nodes: [node('nodeA', { region: 'r1', hostname: 'nodeA' }), node('nodeB', { region: 'r1', hostname: 'nodeB' })],
      want: [
        [U, ANTI],
        [U, ANTI],
      ],
    },
    {
      name: 'This test ensures that anti-affinity matches a pod when any term of the anti-affinity rule matches a pod.',
      pod: pod({ anti: [In('foo', 'region', ['abc']), In('service', 'zone', ['securityscan'])] }),
      pods: [pod({ node: 'nodeA', labels: { foo: 'abc', service: 'securityscan' } })],
      nodes: nodesABZ('z2'),
      want: [
        [U, ANTI],
        [U, ANTI],
      ],
    },
    {
      name: 'NodeA and nodeB have same topologyKey and label value. NodeA has an existing pod that matches the inter pod affinity rule. The pod can not be scheduled onto nodeA and nodeB but can be scheduled onto nodeC',
      pod: pod({ anti: [In('foo', 'region', ['abc'])] }),
      pods: [pod({ node: 'nodeA', labels: { foo: 'abc' } })],
      nodes: [node('nodeA', rgChina), node('nodeB', rgChinaAzAz1), node('nodeC', rgIndia)],
      want: [[U, ANTI], [U, ANTI], null],
    },
    {
      name: 'NodeA and nodeB have same topologyKey and label value. NodeA has an existing pod that matches the inter pod affinity rule. The pod can not be scheduled onto nodeA, nodeB, but can be scheduled onto nodeC (NodeC has an existing pod that match the inter pod affinity rule but in different namespace)',
      pod: pod({ ns: 'NS1', labels: { foo: '123' }, anti: [In('foo', 'region', ['bar'])] }),
      pods: [pod({ node: 'nodeA', ns: 'NS1', labels: { foo: 'bar' } }), pod({ node: 'nodeC', ns: 'NS2', anti: [In('foo', 'region', ['123'])] })],
      nodes: [node('nodeA', rgChina), node('nodeB', rgChinaAzAz1), node('nodeC', rgIndia)],
      want: [[U, ANTI], [U, ANTI], null],
    },
    {
      name: "Test existing pod's anti-affinity: if an existing pod has a term with invalid topologyKey, labelSelector of the term is firstly checked, and then topologyKey of the term is also checked",
      pod: pod({ labels: { foo: '' } }),
      pods: [pod({ node: 'nodeA', anti: [Exists('foo', 'invalid-node-label')] })],
      nodes: nodesABZ('z1'),
      want: [null, null],
      skip: true,
    },
    {
      name: "Test incoming pod's anti-affinity: even if labelSelector matches, we still check if topologyKey matches",
      pod: pod({ node: 'nodeA', anti: [Exists('foo', 'invalid-node-label')] }),
      pods: [pod({ node: 'nodeA', labels: { foo: '' } })],
      nodes: nodesABZ('z1'),
      want: [null, null],
    },
    {
      name: "Test existing pod's anti-affinity: incoming pod wouldn't considered as a fit as it violates each existingPod's terms on all nodes",
      pod: pod({ labels: { foo: '', bar: '' } }),
      pods: [pod({ node: 'nodeA', anti: [Exists('foo', 'zone')] }), pod({ node: 'nodeA', anti: [Exists('bar', 'region')] })],
      nodes: nodesABZ('z2'),
      want: [
        [U, EXISTING],
        [U, EXISTING],
      ],
    },
    {
      name: "Test incoming pod's anti-affinity: incoming pod wouldn't considered as a fit as it at least violates one anti-affinity rule of existingPod",
      pod: pod({ anti: [Exists('foo', 'zone'), Exists('bar', 'region')] }),
      pods: [pod({ node: 'nodeA', labels: { foo: '' } }), pod({ node: 'nodeB', labels: { bar: '' } })],
      nodes: nodesABZ('z2'),
      want: [
        [U, ANTI],
        [U, ANTI],
      ],
    },
    {
      name: "Test existing pod's anti-affinity: only when labelSelector and topologyKey both match, it's counted as a single term match - case when one term has invalid topologyKey",
      pod: pod({ labels: { foo: '', bar: '' } }),
      pods: [pod({ node: 'nodeA', anti: [Exists('foo', 'invalid-node-label'), Exists('bar', 'zone')] })],
      nodes: nodesABZ('z2'),
      want: [[U, EXISTING], null],
    },
    {
      name: "Test incoming pod's anti-affinity: only when labelSelector and topologyKey both match, it's counted as a single term match - case when one term has invalid topologyKey",
      pod: pod({ anti: [Exists('foo', 'invalid-node-label'), Exists('bar', 'zone')] }),
      pods: [pod({ name: 'podA', node: 'nodeA', labels: { foo: '', bar: '' } })],
      nodes: nodesABZ('z2'),
      want: [[U, ANTI], null],
    },
    {
      name: "Test existing pod's anti-affinity: only when labelSelector and topologyKey both match, it's counted as a single term match - case when all terms have valid topologyKey",
      pod: pod({ labels: { foo: '', bar: '' } }),
      pods: [pod({ node: 'nodeA', anti: [Exists('foo', 'region'), Exists('bar', 'zone')] })],
      nodes: nodesABZ('z2'),
      want: [
        [U, EXISTING],
        [U, EXISTING],
      ],
    },
    {
      name: "Test incoming pod's anti-affinity: only when labelSelector and topologyKey both match, it's counted as a single term match - case when all terms have valid topologyKey",
      pod: pod({ anti: [Exists('foo', 'region'), Exists('bar', 'zone')] }),
      pods: [pod({ node: 'nodeA', labels: { foo: '', bar: '' } })],
      nodes: nodesABZ('z2'),
      want: [
        [U, ANTI],
        [U, ANTI],
      ],
    },
    {
      name: "Test existing pod's anti-affinity: existingPod on nodeA and nodeB has at least one anti-affinity term matches incoming pod, so incoming pod can only be scheduled to nodeC",
      pod: pod({ labels: { foo: '', bar: '' } }),
      pods: [
        pod({ node: 'nodeA', anti: [Exists('foo', 'zone'), Exists('labelA', 'zone')] }),
        pod({ node: 'nodeB', anti: [Exists('bar', 'zone'), Exists('labelB', 'zone')] }),
      ],
      nodes: [...nodesABZ('z2'), node('nodeC', { region: 'r1', zone: 'z3', hostname: 'nodeC' })],
      want: [[U, EXISTING], [U, EXISTING], null],
    },
    {
      name: "Test incoming pod's affinity: firstly check if all affinityTerms match, and then check if all topologyKeys match",
      pod: pod({ affinity: [Exists('foo', 'region'), Exists('bar', 'zone')] }),
      pods: [pod({ name: 'pod1', labels: { foo: '', bar: '' }, node: 'nodeA' })],
      nodes: nodesABZ('z1'),
      want: [null, null],
    },
    {
      name: "Test incoming pod's affinity: firstly check if all affinityTerms match, and then check if all topologyKeys match, and the match logic should be satisfied on the same pod",
      pod: pod({ affinity: [Exists('foo', 'region'), Exists('bar', 'zone')] }),
      pods: [pod({ name: 'pod1', node: 'nodeA', labels: { foo: '' } }), pod({ name: 'pod2', node: 'nodeB', labels: { bar: '' } })],
      nodes: nodesABZ('z2'),
      want: [
        [UU, AFFINITY],
        [UU, AFFINITY],
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = run(c.pod, c.nodes, c.pods);
      assert.deepEqual(r.statuses, c.want);
      assert.equal(r.skip, c.skip === true);
    });
  }
});

describe('InterPodAffinity: TestPreFilterStateAddRemovePod (AddPod / RemovePod on a fork)', () => {
  const nodes = [node('nodeA', { region: 'r1', zone: 'z11' }), node('nodeB', { region: 'r1', zone: 'z12' }), node('nodeC', { region: 'r2', zone: 'z21' })];
  const antiFooBar = [In('foo', 'region', ['bar'])];
  const antiComplex = [In('foo', 'region', ['bar', 'buzz']), NotIn('service', 'zone', ['bar', 'security', 'test'])];
  /** Every non-zero count of a TopologyCounts, as `key=value: n`. */
  const counts = (c: { keys(): Iterable<string>; values(k: string): Iterable<string>; count(k: string, v: string): number }) => {
    const out: Record<string, number> = {};
    for (const k of c.keys()) for (const v of c.values(k)) if (c.count(k, v) > 0) out[`${k}=${v}`] = c.count(k, v);
    return out;
  };
  const cases = [
    {
      name: 'preFilterState anti-affinity terms are updated correctly after adding and removing a pod',
      pending: pod({ name: 'pending', labels: { foo: 'bar' }, anti: antiFooBar }),
      existing: [pod({ name: 'p1', labels: { foo: 'bar' }, node: 'nodeA' }), pod({ name: 'p2', node: 'nodeC', anti: antiFooBar })],
      added: pod({ name: 'addedPod', labels: { foo: 'bar' }, node: 'nodeB', anti: antiFooBar }),
      anti: { 'region=r1': 2 },
    },
    {
      name: 'preFilterState anti-affinity terms are updated correctly after adding and removing a pod (complex terms)',
      pending: pod({ name: 'pending', labels: { foo: 'bar' }, anti: antiComplex }),
      existing: [pod({ name: 'p1', labels: { foo: 'bar' }, node: 'nodeA' }), pod({ name: 'p2', node: 'nodeC', anti: antiFooBar })],
      added: pod({ name: 'addedPod', labels: { foo: 'bar' }, node: 'nodeA', anti: antiComplex }),
      anti: { 'region=r1': 2, 'zone=z11': 2, 'zone=z21': 1 },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      // The state with the added pod among the existing ones; RemovePod on a fork gives the state without it, AddPod back gives it again.
      const all = affinitySnapshotOf(nodes, [...c.existing, c.added]);
      const full = interPodAffinityPreFilter(c.pending, all);
      assert.deepEqual(counts(full.antiAffinity), c.anti);
      const without = interPodAffinityPreFilter(c.pending, affinitySnapshotOf(nodes, c.existing));
      const added = all.podsByNamespace.get('default')!.find((p) => p.name === 'addedPod')!;
      const fork = forkInterPodAffinityState(full);
      updateWithPod(fork, added, -1);
      for (const k of ['antiAffinity', 'affinity', 'existingAntiAffinity'] as const) assert.deepEqual(counts(fork[k]), counts(without[k]), k);
      updateWithPod(fork, added, -1); // taken out twice: still once
      assert.deepEqual(counts(fork.antiAffinity), counts(without.antiAffinity));
      updateWithPod(fork, added, 1);
      for (const k of ['antiAffinity', 'affinity', 'existingAntiAffinity'] as const) assert.deepEqual(counts(fork[k]), counts(full[k]), k);
      // The original state never changed.
      assert.deepEqual(counts(full.antiAffinity), c.anti);
    });
  }
});

describe('matchLabelKeys / mismatchLabelKeys (the API server merges them into the selector at Pod creation)', () => {
  it('adds key In (value) / key NotIn (value) for the keys the pod carries, leaves terms without labelSelector alone', () => {
    const spec: any = {
      affinity: {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            { labelSelector: { matchLabels: { app: 'x' } }, topologyKey: 'zone', matchLabelKeys: ['track', 'absent'], mismatchLabelKeys: ['tenant'] },
            { topologyKey: 'zone', matchLabelKeys: ['track'] },
          ],
        },
      },
    };
    const out = applyMatchLabelKeys(spec, { app: 'x', track: 'canary', tenant: 'a' });
    assert.deepEqual(out.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector, {
      matchLabels: { app: 'x' },
      matchExpressions: [
        { key: 'track', operator: 'In', values: ['canary'] },
        { key: 'tenant', operator: 'NotIn', values: ['a'] },
      ],
    });
    assert.equal(out.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[1].labelSelector, undefined);
    assert.equal(spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchLabels.app, 'x');
    assert.equal(spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions, undefined);
    assert.equal(applyMatchLabelKeys(spec, {}), spec);
  });

  it('so a DaemonSet keyed on a label only avoids pods that share its value', () => {
    const nodes = [node('a', { 'kubernetes.io/hostname': 'a' }), node('b', { 'kubernetes.io/hostname': 'b' })];
    // Pods of another controller (not orphans this DaemonSet would adopt), labelled like it.
    const owner = { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent-canary', uid: 'other', controller: true };
    const other = (name: string, n: string, track: string) => {
      const p = pod({ name, ns: 'default', node: n, labels: { app: 'agent', track } });
      p.metadata.ownerReferences = [owner];
      return { ...p, status: { phase: 'Running' } };
    };
    const ds = agentDs({
      namespace: 'default',
      labels: { app: 'agent', track: 'stable' },
      podSpec: {
        affinity: {
          podAntiAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [
              { labelSelector: { matchLabels: { app: 'agent' } }, topologyKey: 'kubernetes.io/hostname', matchLabelKeys: ['track'] },
            ],
          },
        },
      },
    });
    const r = computePlacement(ds, inv(nodes, [other('agent-old', 'a', 'stable'), other('agent-canary', 'b', 'canary')]));
    assert.deepEqual(
      r.nodes.map((n) => [n.name, n.verdict]),
      [
        ['a', 'pending'],
        ['b', 'runs'],
      ],
    );
  });
});

/** A Ready node with room for pods, in a zone. */
function clusterNode(name: string, zone: string, allocatable: Record<string, string> = { cpu: '4', memory: '8Gi', pods: '110' }): any {
  return {
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'topology.kubernetes.io/zone': zone } },
    status: { allocatable, conditions: [{ type: 'Ready', status: 'True' }] },
  };
}
function running(ns: string, name: string, nodeName: string, labels: Record<string, string>, spec: any = {}): any {
  return {
    metadata: { namespace: ns, name, labels },
    spec: { nodeName, containers: [{ name: 'c', image: 'i' }], ...spec },
    status: { phase: 'Running', startTime: '2026-01-01T00:00:00Z', conditions: [{ type: 'Ready', status: 'True' }] },
  };
}
const byName = (nodes: NodePlacement[]) => new Map(nodes.map((n) => [n.name, n]));
const agentAnti = (selector: any, topologyKey: string) => ({
  affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: selector, topologyKey }] } },
});

describe('InterPodAffinity through computePlacement', () => {
  const nodes = [clusterNode('n1', 'z1'), clusterNode('n2', 'z1'), clusterNode('n3', 'z2'), clusterNode('n4', 'z3')];

  it('anti-affinity against an app on some nodes: those nodes are pending, naming the pod; the others run', () => {
    const ds = agentDs({ namespace: 'monitoring', podSpec: agentAnti({ matchLabels: { app: 'db' } }, 'kubernetes.io/hostname') });
    const pods = [
      running('monitoring', 'db-0', 'n1', { app: 'db' }),
      running('monitoring', 'db-1', 'n3', { app: 'db' }),
      running('shop', 'db-x', 'n4', { app: 'db' }),
    ];
    const r = computePlacement(ds, inv(nodes, pods));
    const m = byName(r.nodes);
    assert.deepEqual(
      r.nodes.map((n) => [n.name, n.verdict]),
      [
        ['n1', 'pending'],
        ['n2', 'runs'],
        ['n3', 'pending'],
        // db-x lives in another namespace: the term looks at the pod's own namespace only.
        ['n4', 'runs'],
      ],
    );
    const reason = m.get('n1')!.reasons;
    assert.equal(reason.length, 1);
    assert.equal(reason[0].predicate, 'InterPodAffinity');
    assert.equal(reason[0].message, "node(s) didn't match pod anti-affinity rules");
    assert.equal(reason[0].code, 'Unschedulable');
    assert.deepEqual(reason[0].pods, [{ namespace: 'monitoring', name: 'db-0', node: 'n1', priority: 0 }]);
    assert.deepEqual(reason[0].podAffinityTerm, {
      of: 'pod',
      kind: 'podAntiAffinity',
      index: 0,
      selector: 'app=db',
      topologyKey: 'kubernetes.io/hostname',
      domain: 'kubernetes.io/hostname=n1',
    });
    assert.match(reason[0].detail!, /monitoring\/db-0 \(on n1\) run in kubernetes\.io\/hostname=n1/);
    assert.equal(r.counts.pending, 2);
  });

  it('topologyKey zone: a pod on another node of the same zone counts; namespaceSelector {} reaches every namespace', () => {
    const ds = agentDs({ namespace: 'monitoring', podSpec: agentAnti({ matchLabels: { app: 'db' } }, 'topology.kubernetes.io/zone') });
    const pods = [running('monitoring', 'db-0', 'n1', { app: 'db' }), running('shop', 'db-x', 'n4', { app: 'db' })];
    const r = computePlacement(ds, inv(nodes, pods));
    assert.deepEqual(
      r.nodes.map((n) => n.verdict),
      ['pending', 'pending', 'runs', 'runs'],
    );
    assert.deepEqual(byName(r.nodes).get('n2')!.reasons[0].pods, [{ namespace: 'monitoring', name: 'db-0', node: 'n1', priority: 0 }]);
    const all = structuredClone(ds);
    all.spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].namespaceSelector = {};
    assert.deepEqual(
      computePlacement(all, inv(nodes, pods)).nodes.map((n) => n.verdict),
      ['pending', 'pending', 'runs', 'pending'],
    );
  });

  it('namespaceSelector reads Namespace labels when the inventory has Namespace objects, else only kubernetes.io/metadata.name', () => {
    const term = (namespaceSelector: any) => ({
      affinity: {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            { labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'kubernetes.io/hostname', namespaceSelector },
          ],
        },
      },
    });
    const pods = [running('shop', 'db-0', 'n1', { app: 'db' })];
    const byTeam = agentDs({ namespace: 'monitoring', podSpec: term({ matchLabels: { team: 'shop' } }) });
    assert.equal(computePlacement(byTeam, inv(nodes, pods)).nodes[0].verdict, 'runs');
    const namespaces = [{ metadata: { name: 'shop', labels: { team: 'shop' } } }];
    assert.equal(computePlacement(byTeam, inv(nodes, pods, { namespaces })).nodes[0].verdict, 'pending');
    const byName2 = agentDs({ namespace: 'monitoring', podSpec: term({ matchLabels: { 'kubernetes.io/metadata.name': 'shop' } }) });
    assert.equal(computePlacement(byName2, inv(nodes, pods)).nodes[0].verdict, 'pending');
  });

  it('required affinity to an app in one zone: nodes of other zones are pending (UnschedulableAndUnresolvable), the detail says where it runs', () => {
    const ds = agentDs({
      namespace: 'shop',
      podSpec: {
        affinity: {
          podAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'cache' } }, topologyKey: 'topology.kubernetes.io/zone' }],
          },
        },
      },
    });
    const r = computePlacement(ds, inv(nodes, [running('shop', 'cache-0', 'n2', { app: 'cache' })]));
    assert.deepEqual(
      r.nodes.map((n) => n.verdict),
      ['runs', 'runs', 'pending', 'pending'],
    );
    const n3 = byName(r.nodes).get('n3')!.reasons[0];
    assert.deepEqual([n3.message, n3.code], ["node(s) didn't match pod affinity rules", 'UnschedulableAndUnresolvable']);
    assert.match(
      n3.detail!,
      /no pod matching all required podAffinity terms runs in topology\.kubernetes\.io\/zone=z2; matching pods run in topology\.kubernetes\.io\/zone=z1/,
    );
    // No such pod anywhere, and the DaemonSet's pods are not cache pods: pending everywhere.
    assert.equal(computePlacement(ds, inv(nodes)).counts.pending, 4);
  });

  it('affinity to its own label: the first pod of the group may start, so a fresh DaemonSet runs everywhere', () => {
    const ds = agentDs({
      labels: { app: 'agent' },
      podSpec: {
        affinity: {
          podAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'agent' } }, topologyKey: 'topology.kubernetes.io/zone' }],
          },
        },
      },
    });
    assert.equal(computePlacement(ds, inv(nodes)).counts.runs, 4);
  });

  it("self anti-affinity per node: the DaemonSet's own old pod does not count (it is replaced), unless maxSurge keeps it beside the new one", () => {
    const owner = { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: 'u1', controller: true };
    const podSpec = agentAnti({ matchLabels: { app: 'agent' } }, 'kubernetes.io/hostname');
    const ds = agentDs({ namespace: 'kube-system', labels: { app: 'agent' }, podSpec });
    ds.metadata.uid = 'u1';
    const own = nodes.map((n) => ({
      ...running('kube-system', `agent-${n.metadata.name}`, n.metadata.name, { app: 'agent' }, podSpec),
      metadata: { namespace: 'kube-system', name: `agent-${n.metadata.name}`, labels: { app: 'agent' }, ownerReferences: [owner] },
    }));
    const r = computePlacement(ds, inv(nodes, own));
    assert.equal(r.counts.runs, 4);
    const surge = structuredClone(ds);
    surge.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } };
    const s = computePlacement(surge, inv(nodes, own));
    assert.equal(s.counts.pending, 4);
    const n1 = byName(s.nodes).get('n1')!;
    // The incoming pod's anti-affinity fails first (Kubernetes checks it before the existing pods').
    assert.deepEqual(
      n1.reasons.map((x) => [x.message, x.pods?.map((p) => p.name)]),
      [["node(s) didn't match pod anti-affinity rules", ['agent-n1']]],
    );
  });

  it("an existing pod's anti-affinity rejects the DaemonSet pod on its node and names the pod (its term looks at its own namespace)", () => {
    const ds = agentDs({ namespace: 'default', labels: { app: 'agent' } });
    const loner = running(
      'default',
      'loner',
      'n3',
      { app: 'loner' },
      agentAnti({ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, 'kubernetes.io/hostname'),
    );
    const r = computePlacement(ds, inv(nodes, [loner]));
    const n3 = byName(r.nodes).get('n3')!;
    assert.equal(n3.verdict, 'pending');
    assert.equal(n3.reasons[0].message, "node(s) didn't satisfy existing pods anti-affinity rules");
    assert.deepEqual(n3.reasons[0].pods, [{ namespace: 'default', name: 'loner', node: 'n3', priority: 0 }]);
    assert.equal(n3.reasons[0].podAffinityTerm?.of, 'existing');
    assert.equal(r.counts.runs, 3);
    // The same DaemonSet in another namespace is not what loner's term selects.
    assert.equal(computePlacement(agentDs({ namespace: 'kube-system' }), inv(nodes, [loner])).counts.runs, 4);
  });

  it('a DaemonSet without pod (anti-)affinity skips the plugin when no existing anti-affinity matches it', () => {
    const inventory = inv(nodes, [running('default', 'loner', 'n3', { app: 'loner' }, agentAnti({ matchLabels: { app: 'other' } }, 'kubernetes.io/hostname'))]);
    const prepared = prepareInventory(inventory);
    assert.equal(prepared.affinity.podsWithRequiredAntiAffinity.length, 1);
    const state = preFilter({ metadata: { labels: { app: 'agent' } }, spec: {} }, { snapshot: prepared.affinity });
    assert.equal(state.interPodAffinity.skip, true);
    assert.equal(computePlacement(agentDs({ labels: { app: 'agent' } }), inventory).counts.runs, 4);
  });

  it('is in the default profile after NodeResourcesFit; a node failing earlier filters reports those first, InterPodAffinity later', () => {
    assert.deepEqual(
      DEFAULT_FILTER_PLUGINS.map((p) => p.name),
      ['NodeUnschedulable', 'NodeName', 'TaintToleration', 'NodeAffinity', 'NodePorts', 'NodeResourcesFit', 'InterPodAffinity'],
    );
    const full = clusterNode('n1', 'z1', { cpu: '1', memory: '8Gi', pods: '110' });
    const ds = agentDs({
      namespace: 'monitoring',
      podSpec: agentAnti({ matchLabels: { app: 'db' } }, 'kubernetes.io/hostname'),
      container: { resources: { requests: { cpu: '2' } } },
    });
    const n = computePlacement(ds, inv([full], [running('monitoring', 'db-0', 'n1', { app: 'db' })])).nodes[0];
    assert.deepEqual(
      n.reasons.map((x) => x.predicate),
      ['NodeResourcesFit'],
    );
    assert.deepEqual(
      n.laterReasons?.map((x) => [x.predicate, x.message]),
      [['InterPodAffinity', "node(s) didn't match pod anti-affinity rules"]],
    );
  });

  it('pods the scheduler does not hold are not counted: unbound, terminal, or on nodes outside the inventory', () => {
    const ds = agentDs({ namespace: 'monitoring', podSpec: agentAnti({ matchLabels: { app: 'db' } }, 'topology.kubernetes.io/zone') });
    const done = { ...running('monitoring', 'db-done', 'n1', { app: 'db' }), status: { phase: 'Succeeded' } };
    const pending = running('monitoring', 'db-pending', '', { app: 'db' });
    const elsewhere = running('monitoring', 'db-far', 'gone', { app: 'db' });
    assert.equal(computePlacement(ds, inv(nodes, [done, pending, elsewhere])).counts.runs, 4);
  });
});

describe('InterPodAffinity and preemption (the filters run again without the victims)', () => {
  const nodes = [clusterNode('n1', 'z1'), clusterNode('n2', 'z1')];
  const critical = (podSpec: any) => agentDs({ namespace: 'monitoring', podSpec: { priorityClassName: 'system-node-critical', ...podSpec } });

  it('a lower-priority pod on the node whose own anti-affinity rejects the DaemonSet pod is preempted', () => {
    const loner = running(
      'monitoring',
      'loner',
      'n1',
      { app: 'loner' },
      { priority: 0, ...agentAnti({ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, 'kubernetes.io/hostname') },
    );
    const r = computePlacement(critical({}), inv(nodes, [loner]));
    const n1 = byName(r.nodes).get('n1')!;
    assert.equal(n1.verdict, 'runs');
    assert.deepEqual(n1.preempts, [{ namespace: 'monitoring', name: 'loner', priority: 0 }]);
    assert.equal(n1.preemptedReasons?.[0].predicate, 'InterPodAffinity');
    assert.equal(r.preempting, 1);
  });

  it('a conflict with a pod on another node of the zone is not resolved by preempting on this node', () => {
    const loner = running(
      'monitoring',
      'loner',
      'n2',
      { app: 'loner' },
      { priority: 0, ...agentAnti({ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, 'topology.kubernetes.io/zone') },
    );
    const n1 = byName(computePlacement(critical({}), inv(nodes, [loner])).nodes).get('n1')!;
    assert.equal(n1.verdict, 'pending');
    assert.equal(n1.preempts, undefined);
    assert.equal(n1.reasons[0].message, "node(s) didn't satisfy existing pods anti-affinity rules");
  });

  it("the DaemonSet pod's own anti-affinity against a lower-priority pod on the node is resolved by preempting it; a higher-priority one stays", () => {
    const podSpec = agentAnti({ matchLabels: { app: 'db' } }, 'kubernetes.io/hostname');
    const low = running('monitoring', 'db-0', 'n1', { app: 'db' }, { priority: 0 });
    const n1 = byName(computePlacement(critical(podSpec), inv(nodes, [low])).nodes).get('n1')!;
    assert.deepEqual([n1.verdict, n1.preempts?.map((p) => p.name)], ['runs', ['db-0']]);
    const high = running('monitoring', 'db-0', 'n1', { app: 'db' }, { priority: 2000001000 });
    const stays = byName(computePlacement(critical(podSpec), inv(nodes, [high])).nodes).get('n1')!;
    assert.deepEqual([stays.verdict, stays.preempts], ['pending', undefined]);
  });

  it('an affinity failure (UnschedulableAndUnresolvable) is never preempted for, even behind a resolvable first failure', () => {
    const podSpec = {
      affinity: {
        podAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'cache' } }, topologyKey: 'kubernetes.io/hostname' }],
        },
      },
      containers: [{ name: 'c', image: 'i', ports: [{ containerPort: 80, hostPort: 80 }] }],
    };
    const web = {
      ...running('default', 'web', 'n1', { app: 'web' }, { priority: 0 }),
      spec: { nodeName: 'n1', priority: 0, containers: [{ name: 'c', image: 'i', ports: [{ containerPort: 80, hostPort: 80 }] }] },
    };
    const cache = running('default', 'cache', 'n2', { app: 'cache' });
    const n1 = byName(computePlacement(critical(podSpec), inv(nodes, [web, cache])).nodes).get('n1')!;
    assert.equal(n1.verdict, 'pending');
    assert.deepEqual(
      [n1.reasons[0].predicate, n1.laterReasons?.[0].predicate, n1.laterReasons?.[0].code],
      ['NodePorts', 'InterPodAffinity', 'UnschedulableAndUnresolvable'],
    );
    assert.equal(n1.preempts, undefined);
  });
});
