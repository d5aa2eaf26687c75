import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computePlacement } from '../../server/src/placement/placement';
import { existingPodPriority, priorityClassSet, resolvePodPriority } from '../../server/src/placement/priority';
import type { NodePlacement } from '../../server/src/placement/types';
import { placementSummary } from '../../server/src/service/placement';
import { daemonSetObject } from '../helpers/manifests';
import { inventory, node as inventoryNode, pod } from '../helpers/inventory';

/** The shared builders, with this file's habit of passing a node's allocatable directly. */
const node = (name: string, allocatable?: Record<string, string>) => inventoryNode(name, allocatable ? { allocatable } : {});

/** The DaemonSet `agent` in kube-system with one container requesting `cpu` (and a host port), and pod-spec fields. */
function agent(o: { cpu?: string; memory?: string; hostPort?: number; podSpec?: Record<string, unknown>; spec?: Record<string, unknown> } = {}): any {
  const requests = { ...(o.cpu ? { cpu: o.cpu } : {}), ...(o.memory ? { memory: o.memory } : {}) };
  return daemonSetObject({
    podSpec: o.podSpec,
    spec: o.spec,
    container: { resources: { requests }, ...(o.hostPort ? { ports: [{ containerPort: o.hostPort, hostPort: o.hostPort }] } : {}) },
  });
}

const critical = { priorityClassName: 'system-node-critical' };

function only(r: ReturnType<typeof computePlacement>, name = 'n1'): NodePlacement {
  const n = r.nodes.find((x) => x.name === name);
  assert.ok(n, `no node ${name}`);
  return n;
}

describe('placement reasons name the pods behind them', () => {
  it('Insufficient cpu lists the pods requesting cpu, largest first, at most 5 with the rest counted', () => {
    const pods = [
      pod('shop', 'a', 'n1', { cpu: '500m' }),
      pod('shop', 'b', 'n1', { cpu: '1' }),
      pod('batch', 'c', 'n1', { cpu: '250m' }),
      pod('batch', 'd', 'n1', { cpu: '750m' }),
      pod('web', 'e', 'n1', { cpu: '100m' }),
      pod('web', 'f', 'n1', { cpu: '1200m' }),
      pod('web', 'g', 'n1', { cpu: '100m' }),
      pod('kube-system', 'no-requests', 'n1'),
    ];
    const r = computePlacement(agent({ cpu: '200m' }), inventory([node('n1')], pods));
    const n = only(r);
    assert.equal(n.verdict, 'pending');
    assert.equal(n.reasons.length, 1);
    const reason = n.reasons[0];
    assert.equal(reason.message, 'Insufficient cpu');
    assert.equal(
      reason.detail,
      'requests 200m; the node has 100m free of 4 allocatable (3900m requested by web/f (1200m), shop/b (1), batch/d (750m), shop/a (500m), batch/c (250m) and 2 more)',
    );
    assert.deepEqual(reason.pods, [
      { namespace: 'web', name: 'f', amount: '1200m', priority: 0 },
      { namespace: 'shop', name: 'b', amount: '1', priority: 0 },
      { namespace: 'batch', name: 'd', amount: '750m', priority: 0 },
      { namespace: 'shop', name: 'a', amount: '500m', priority: 0 },
      { namespace: 'batch', name: 'c', amount: '250m', priority: 0 },
    ]);
  });

  it('Insufficient memory names only the pods requesting memory, in memory units', () => {
    const pods = [pod('db', 'pg', 'n1', { cpu: '100m', memory: '6Gi' }), pod('web', 'w', 'n1', { cpu: '3' }), pod('cache', 'r', 'n1', { memory: '1536Mi' })];
    const n = only(computePlacement(agent({ memory: '1Gi' }), inventory([node('n1')], pods)));
    assert.deepEqual(
      n.reasons.map((r) => r.message),
      ['Insufficient memory'],
    );
    assert.equal(n.reasons[0].detail, 'requests 1Gi; the node has 512Mi free of 8Gi allocatable (7680Mi requested by db/pg (6Gi), cache/r (1536Mi))');
    assert.deepEqual(
      n.reasons[0].pods?.map((p) => [p.name, p.amount]),
      [
        ['pg', '6Gi'],
        ['r', '1536Mi'],
      ],
    );
  });

  it('Too many pods says the count', () => {
    const pods = [pod('a', 'p1', 'n1'), pod('a', 'p2', 'n1')];
    const n = only(computePlacement(agent(), inventory([node('n1', { cpu: '4', memory: '8Gi', pods: '2' })], pods)));
    assert.deepEqual(
      n.reasons.map((r) => [r.message, r.detail]),
      [['Too many pods', '2 of 2 pods already on the node']],
    );
  });

  it("a host port conflict names the pod holding the port, and the DaemonSet's own old pod is not in the way (unless maxSurge keeps it)", () => {
    const exporter = pod('monitoring', 'node-exporter-abcde', 'n1', { hostPort: 9100, priority: 0 });
    const n = only(computePlacement(agent({ hostPort: 9100 }), inventory([node('n1')], [exporter])));
    assert.equal(n.verdict, 'pending');
    assert.equal(n.reasons[0].predicate, 'NodePorts');
    assert.equal(n.reasons[0].detail, 'host port TCP/0.0.0.0:9100 is held by monitoring/node-exporter-abcde');
    assert.deepEqual(n.reasons[0].pods, [{ namespace: 'monitoring', name: 'node-exporter-abcde', priority: 0 }]);

    // The DaemonSet's own old pod holds the port (and cpu): the new pod replaces it.
    const ds = agent({ hostPort: 9100, cpu: '3' });
    ds.metadata.uid = 'ds-uid';
    const owner = { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: 'ds-uid', controller: true };
    const own = pod('kube-system', 'agent-old', 'n1', { hostPort: 9100, cpu: '3', labels: { app: 'agent' }, owner });
    const replaced = only(computePlacement(ds, inventory([node('n1')], [own])));
    assert.equal(replaced.verdict, 'runs');
    assert.equal(replaced.daemonPods, 1);
    // …and the pods named for a shortage are the ones that stay.
    const crowded = only(computePlacement(ds, inventory([node('n1')], [own, pod('shop', 'web', 'n1', { cpu: '2' })])));
    assert.deepEqual(
      crowded.reasons.map((r) => [r.message, r.pods?.map((p) => p.name), r.detail]),
      [['Insufficient cpu', ['web'], 'requests 3; the node has 2 free of 4 allocatable (2 requested by shop/web (2))']],
    );
    // With maxSurge the old pod stays beside the new one: it is the holder, and it is the one named.
    const surge = structuredClone(ds);
    surge.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } };
    const beside = only(computePlacement(surge, inventory([node('n1')], [own])));
    assert.equal(beside.verdict, 'pending');
    assert.deepEqual(
      [...beside.reasons, ...(beside.laterReasons ?? [])].map((r) => [r.predicate, r.pods?.map((p) => p.name)]),
      [
        ['NodePorts', ['agent-old']],
        ['NodeResourcesFit', ['agent-old']],
      ],
    );
    assert.deepEqual(
      beside.reasons.map((r) => r.predicate),
      ['NodePorts'],
    );
    assert.match(
      beside.reasons[0].detail!,
      /^host port TCP\/0\.0\.0\.0:9100 is held by kube-system\/agent-old; maxSurge starts the new pod beside the old one/,
    );
  });
});

describe('PriorityClass resolution (the Priority admission plugin)', () => {
  const classes = priorityClassSet([
    { metadata: { name: 'agents' }, value: 1000000 },
    { metadata: { name: 'polite' }, value: 5000, preemptionPolicy: 'Never' },
    { metadata: { name: 'default-a' }, value: 300, globalDefault: true },
    { metadata: { name: 'default-b' }, value: 200, globalDefault: true },
  ]);

  it('system classes are built in; other names come from PriorityClass objects; no name takes the lowest globalDefault', () => {
    assert.deepEqual(resolvePodPriority({ priorityClassName: 'system-node-critical' }, priorityClassSet(undefined)), {
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
      preemptionPolicy: 'PreemptLowerPriority',
    });
    assert.equal(resolvePodPriority({ priorityClassName: 'system-cluster-critical' }, priorityClassSet([])).priority, 2000000000);
    assert.deepEqual(resolvePodPriority({ priorityClassName: 'agents' }, classes), {
      priority: 1000000,
      priorityClassName: 'agents',
      preemptionPolicy: 'PreemptLowerPriority',
    });
    assert.deepEqual(resolvePodPriority({ priorityClassName: 'polite' }, classes), { priority: 5000, priorityClassName: 'polite', preemptionPolicy: 'Never' });
    assert.deepEqual(resolvePodPriority({}, classes), { priority: 200, priorityClassName: 'default-b', preemptionPolicy: 'PreemptLowerPriority' });
    assert.deepEqual(resolvePodPriority({}, priorityClassSet([])), { priority: 0, priorityClassName: '', preemptionPolicy: 'PreemptLowerPriority' });
  });

  it("a name that is not found is admission's error when the classes are known, and unknown otherwise", () => {
    assert.deepEqual(resolvePodPriority({ priorityClassName: 'missing' }, priorityClassSet([])), {
      priorityClassName: 'missing',
      preemptionPolicy: 'PreemptLowerPriority',
      error: 'no PriorityClass with name missing was found',
    });
    const unknown = resolvePodPriority({ priorityClassName: 'missing' }, priorityClassSet(undefined));
    assert.equal(unknown.priority, undefined);
    assert.match(unknown.error!, /PriorityClass missing is not in the inventory/);
    // Workspace classes fill in names the inventory lacks; the inventory's own win.
    const mixed = priorityClassSet(
      [{ metadata: { name: 'agents' }, value: 7 }],
      [
        { metadata: { name: 'agents' }, value: 9 },
        { metadata: { name: 'new' }, value: 11 },
      ],
    );
    assert.equal(resolvePodPriority({ priorityClassName: 'agents' }, mixed).priority, 7);
    assert.equal(resolvePodPriority({ priorityClassName: 'new' }, mixed).priority, 11);
  });

  it('a pod spec that sets priority or preemptionPolicy against its class is rejected, in Kubernetes words', () => {
    assert.equal(
      resolvePodPriority({ priorityClassName: 'agents', priority: 5 }, classes).error,
      'the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 1000000 from the given PriorityClass name',
    );
    assert.equal(resolvePodPriority({ priorityClassName: 'agents', priority: 1000000 }, classes).priority, 1000000);
    assert.equal(
      resolvePodPriority({ priorityClassName: 'system-node-critical', preemptionPolicy: 'Never' }, classes).error,
      'the string value of PreemptionPolicy (Never) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name',
    );
    assert.deepEqual(resolvePodPriority({ priorityClassName: 'polite', preemptionPolicy: 'Never' }, classes), {
      priority: 5000,
      priorityClassName: 'polite',
      preemptionPolicy: 'Never',
    });
  });

  it('pods already on nodes use spec.priority, else resolve their class (0 when admission would not know it)', () => {
    assert.equal(existingPodPriority({ spec: { priority: 42, priorityClassName: 'agents' } }, classes), 42);
    assert.equal(existingPodPriority({ spec: { priorityClassName: 'agents' } }, classes), 1000000);
    assert.equal(existingPodPriority({ spec: { priorityClassName: 'missing' } }, classes), 0);
    assert.equal(existingPodPriority({ spec: {} }, classes), 200);
  });
});

describe('DefaultPreemption: the daemon pod preempts lower-priority pods on its node', () => {
  it('a full node: a system-node-critical pod runs by preempting the fewest, least important pods; a default-priority one stays Pending', () => {
    // 4 cpu; 3900m requested. The agent needs 1 cpu: 900m must go.
    const pods = [
      pod('kube-system', 'kube-proxy', 'n1', { cpu: '100m', priority: 2000001000 }),
      pod('shop', 'old', 'n1', { cpu: '1', priority: 0, startTime: '2025-01-01T00:00:00Z' }),
      pod('shop', 'new', 'n1', { cpu: '1', priority: 0, startTime: '2026-03-01T00:00:00Z' }),
      pod('batch', 'big', 'n1', { cpu: '1500m', priority: 100 }),
      pod('batch', 'small', 'n1', { cpu: '300m', priority: 100 }),
    ];
    const inv = inventory([node('n1')], pods);
    const plain = computePlacement(agent({ cpu: '1' }), inv);
    assert.equal(only(plain).verdict, 'pending');
    assert.equal(only(plain).preempts, undefined);
    assert.equal(plain.preempting, 0);

    const r = computePlacement(agent({ cpu: '1', podSpec: critical }), inv);
    const n = only(r);
    assert.equal(n.verdict, 'runs');
    assert.deepEqual(n.reasons, []);
    // Reprieve from the most important down: big (100) and small (100) come back, then shop/old
    // (started first) fits, shop/new does not: it is the one victim.
    assert.deepEqual(n.preempts, [{ namespace: 'shop', name: 'new', priority: 0 }]);
    assert.deepEqual(
      n.preemptedReasons?.map((x) => [x.predicate, x.message, x.code]),
      [['NodeResourcesFit', 'Insufficient cpu', 'Unschedulable']],
    );
    assert.match(n.preemptedReasons![0].detail!, /^requests 1; the node has 100m free of 4 allocatable \(3900m requested by /);
    assert.match(
      n.preemptedReasons![0].detail!,
      /resolved by preempting lower-priority pods \(the pod's priority is 2000001000; PodDisruptionBudgets are not checked\)$/,
    );
    assert.deepEqual(r.counts, { runs: 1, excluded: 0, pending: 0 });
    assert.equal(r.preempting, 1);
    assert.equal(r.messages, undefined);
  });

  it('victims are listed most important first (higher priority, then earlier start), as SelectVictimsOnNode returns them', () => {
    const pods = [
      pod('a', 'p0-late', 'n1', { cpu: '1', priority: 0, startTime: '2026-02-01T00:00:00Z' }),
      pod('a', 'p10', 'n1', { cpu: '1', priority: 10 }),
      pod('a', 'p0-early', 'n1', { cpu: '1', priority: 0, startTime: '2025-02-01T00:00:00Z' }),
      pod('a', 'p5', 'n1', { cpu: '1', priority: 5 }),
    ];
    const n = only(computePlacement(agent({ cpu: '4', podSpec: critical }), inventory([node('n1')], pods)));
    assert.equal(n.verdict, 'runs');
    assert.deepEqual(
      n.preempts?.map((p) => [p.name, p.priority]),
      [
        ['p10', 10],
        ['p5', 5],
        ['p0-early', 0],
        ['p0-late', 0],
      ],
    );
  });

  it('no preemption when the room is held by pods of equal or higher priority, or the request exceeds allocatable', () => {
    const peers = [pod('kube-system', 'peer', 'n1', { cpu: '3500m', priority: 2000001000 }), pod('x', 'low', 'n1', { cpu: '400m', priority: 0 })];
    const n = only(computePlacement(agent({ cpu: '1', podSpec: critical }), inventory([node('n1')], peers)));
    assert.equal(n.verdict, 'pending', 'removing every lower-priority pod still does not make room');
    assert.equal(n.preempts, undefined);
    const none = only(
      computePlacement(agent({ cpu: '1', podSpec: critical }), inventory([node('n1')], [pod('x', 'same', 'n1', { cpu: '4', priority: 2000001000 })])),
    );
    assert.equal(none.verdict, 'pending', 'no lower-priority pods at all');
    // Unresolvable: more memory than the node has; cpu alone could be freed, but the pod can never fit.
    const huge = only(computePlacement(agent({ cpu: '1', memory: '16Gi', podSpec: critical }), inventory([node('n1')], [pod('x', 'low', 'n1', { cpu: '4' })])));
    assert.equal(huge.verdict, 'pending');
    assert.deepEqual(
      huge.reasons.map((r) => [r.message, r.code]),
      [
        ['Insufficient cpu', 'Unschedulable'],
        ['Insufficient memory', 'UnschedulableAndUnresolvable'],
      ],
    );
  });

  it('Too many pods and host ports are resolvable: the least important pod goes, the port holder goes', () => {
    const pods = [
      pod('a', 'first', 'n1', { priority: 0, startTime: '2025-01-01T00:00:00Z' }),
      pod('a', 'second', 'n1', { priority: 0, startTime: '2025-06-01T00:00:00Z' }),
      pod('a', 'unstarted', 'n1', { priority: 0, startTime: '' }),
    ];
    const full = only(computePlacement(agent({ podSpec: critical }), inventory([node('n1', { cpu: '4', memory: '8Gi', pods: '3' })], pods)));
    assert.equal(full.verdict, 'runs');
    assert.deepEqual(
      full.preempts?.map((p) => p.name),
      ['unstarted'],
      'a pod that has not started counts as the newest',
    );
    assert.deepEqual(
      full.preemptedReasons?.map((r) => r.message),
      ['Too many pods'],
    );

    const exporter = pod('monitoring', 'node-exporter-abcde', 'n1', { hostPort: 9100, priority: 0 });
    const other = pod('shop', 'web', 'n1', { cpu: '100m', priority: 0 });
    const port = only(computePlacement(agent({ hostPort: 9100, podSpec: critical }), inventory([node('n1')], [exporter, other])));
    assert.equal(port.verdict, 'runs');
    assert.deepEqual(port.preempts, [{ namespace: 'monitoring', name: 'node-exporter-abcde', priority: 0 }]);
    assert.equal(port.preemptedReasons?.[0].predicate, 'NodePorts');
    // A holder of equal priority is not a victim.
    const peer = pod('kube-system', 'peer-exporter', 'n1', { hostPort: 9100, priority: 2000001000 });
    assert.equal(only(computePlacement(agent({ hostPort: 9100, podSpec: critical }), inventory([node('n1')], [peer]))).verdict, 'pending');
  });

  it('a pod that may not preempt stays Pending: preemptionPolicy Never, spec.nodeName, an unknown class (with admission’s message)', () => {
    const pods = [pod('x', 'low', 'n1', { cpu: '4', priority: 0 })];
    const classes = [{ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'polite' }, value: 1000000, preemptionPolicy: 'Never' }];
    const inv = inventory([node('n1')], pods, classes);
    const polite = computePlacement(agent({ cpu: '1', podSpec: { priorityClassName: 'polite' } }), inv);
    assert.equal(only(polite).verdict, 'pending');
    assert.equal(polite.messages, undefined);
    // The same class beside the DaemonSet (workspace) when the inventory does not list classes.
    const beside = computePlacement(agent({ cpu: '1', podSpec: { priorityClassName: 'polite' } }), inventory([node('n1')], pods), { priorityClasses: classes });
    assert.equal(only(beside).verdict, 'pending');
    const eager = computePlacement(agent({ cpu: '1', podSpec: { priorityClassName: 'eager' } }), inventory([node('n1')], pods), {
      priorityClasses: [{ metadata: { name: 'eager' }, value: 1000 }],
    });
    assert.equal(only(eager).verdict, 'runs');
    assert.deepEqual(only(eager).preempts, [{ namespace: 'x', name: 'low', priority: 0 }]);

    const pinned = computePlacement(agent({ cpu: '1', podSpec: { ...critical, nodeName: 'n1' } }), inv);
    assert.equal(only(pinned).verdict, 'pending', 'the kubelet admits a pod that bypasses the scheduler; no scheduler preempts for it');

    const missing = computePlacement(agent({ cpu: '1', podSpec: { priorityClassName: 'no-such-class' } }), inv);
    assert.equal(only(missing).verdict, 'pending');
    assert.deepEqual(missing.messages, ['no PriorityClass with name no-such-class was found']);
    // Classes unknown (the inventory lists none): said only where preemption hinges on it.
    const unknown = computePlacement(agent({ cpu: '1', podSpec: { priorityClassName: 'no-such-class' } }), inventory([node('n1')], pods));
    assert.equal(only(unknown).verdict, 'pending');
    assert.match(unknown.messages?.[0] ?? '', /^PriorityClass no-such-class is not in the inventory/);
    assert.equal(computePlacement(agent({ podSpec: { priorityClassName: 'no-such-class' } }), inventory([node('n1')])).messages, undefined);
  });

  it("existing pods without spec.priority take their class's value from the inventory", () => {
    const classes = [{ metadata: { name: 'important' }, value: 2000001000 }];
    const pods = [pod('x', 'classy', 'n1', { cpu: '4', priorityClassName: 'important' })];
    assert.equal(only(computePlacement(agent({ cpu: '1', podSpec: critical }), inventory([node('n1')], pods, classes))).verdict, 'pending');
    assert.equal(only(computePlacement(agent({ cpu: '1', podSpec: critical }), inventory([node('n1')], pods))).verdict, 'runs');
  });

  it('the summary tells nodes won by preemption apart from free ones', () => {
    const pods = [pod('x', 'low', 'n1', { cpu: '4', priority: 0 })];
    const r = computePlacement(agent({ cpu: '1', podSpec: critical }), inventory([node('n1'), node('n2')], pods));
    assert.deepEqual(r.counts, { runs: 2, excluded: 0, pending: 0 });
    assert.equal(r.preempting, 1);
    assert.equal(only(r, 'n2').preempts, undefined);
    assert.equal(placementSummary(r, 'test'), 'Runs on 2 of 2 nodes (1 by preempting other pods) · test');
  });
});
