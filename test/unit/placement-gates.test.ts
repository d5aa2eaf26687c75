// Before and around the filters: a gated pod never reaches them (SchedulingGates, PreEnqueue), a pod
// naming a scheduler the cluster does not run is never picked up, and the scheduler reports only the
// first failing filter plugin (framework RunFilterPlugins), the rest following in laterReasons,
// while the controller's exclusion lists every failure.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computePlacement } from '../../server/src/placement/placement';
import { reasonLabel } from '../../server/src/placement/reasons';
import { preEnqueue, SchedulingGatedMessage } from '../../server/src/placement/scheduler/schedulingGates';
import type { Inventory, NodePlacement } from '../../server/src/placement/types';
import { daemonSetObject } from '../helpers/manifests';

function node(name: string, o: { cpu?: string; labels?: Record<string, string>; taints?: any[] } = {}): any {
  return {
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(o.labels ?? {}) } },
    spec: o.taints ? { taints: o.taints } : {},
    status: { allocatable: { cpu: o.cpu ?? '4', memory: '8Gi', pods: '110' }, conditions: [{ type: 'Ready', status: 'True' }] },
  };
}
const inv = (nodes: any[], pods: any[] = []): Inventory => ({ source: 'file', name: 'test', nodes, pods, messages: [] });
const byName = (nodes: NodePlacement[]) => new Map(nodes.map((n) => [n.name, n]));
const summary = (n: NodePlacement) => ({
  verdict: n.verdict,
  reasons: n.reasons.map((r) => [r.predicate, r.message, r.code]),
  later: (n.laterReasons ?? []).map((r) => [r.predicate, r.message]),
});

const nodes = [node('big'), node('small', { cpu: '1' }), node('master', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] })];
const withCpu = (podSpec: any = {}) => daemonSetObject({ podSpec, container: { resources: { requests: { cpu: '2' } } } });

describe('SchedulingGates: the pod never reaches the filters', () => {
  it('every node the controller targets is pending with one reason worded like the PodScheduled condition; the filters follow in laterReasons', () => {
    const ds = withCpu({ schedulingGates: [{ name: 'example.com/quota' }, { name: 'example.com/image-ready' }] });
    const r = computePlacement(ds, inv(nodes));
    const m = byName(r.nodes);
    assert.deepEqual(summary(m.get('big')!), {
      verdict: 'pending',
      reasons: [['SchedulingGates', 'Scheduling is blocked due to non-empty scheduling gates', 'UnschedulableAndUnresolvable']],
      later: [],
    });
    assert.deepEqual(m.get('big')!.reasons[0].schedulingGates, ['example.com/quota', 'example.com/image-ready']);
    assert.match(m.get('big')!.reasons[0].detail!, /^waiting for scheduling gates: \[example\.com\/quota example\.com\/image-ready\]/);
    assert.deepEqual(summary(m.get('small')!), {
      verdict: 'pending',
      reasons: [['SchedulingGates', SchedulingGatedMessage, 'UnschedulableAndUnresolvable']],
      later: [['NodeResourcesFit', 'Insufficient cpu']],
    });
    // The controller does not look at gates: a node it excludes stays excluded, for its own reasons.
    assert.equal(m.get('master')!.verdict, 'excluded');
    assert.equal(m.get('master')!.reasons[0].predicate, 'TaintToleration');
    assert.deepEqual(r.counts, { runs: 0, excluded: 1, pending: 2 });
    assert.equal(r.desired, 2);
  });

  it('no gates, or an empty list: nothing held', () => {
    assert.equal(preEnqueue({}), undefined);
    assert.equal(preEnqueue({ schedulingGates: [] }), undefined);
    assert.equal(computePlacement(withCpu({ schedulingGates: [] }), inv(nodes)).counts.runs, 1);
  });

  it('a gated pod is not preempted for, whatever its priority', () => {
    const ds = withCpu({ schedulingGates: [{ name: 'g' }], priorityClassName: 'system-node-critical' });
    const busy = {
      metadata: { namespace: 'default', name: 'web', labels: { app: 'web' } },
      spec: { nodeName: 'big', priority: 0, containers: [{ name: 'c', image: 'i', resources: { requests: { cpu: '3' } } }] },
      status: { phase: 'Running' },
    };
    const big = byName(computePlacement(ds, inv(nodes, [busy])).nodes).get('big')!;
    assert.deepEqual([big.verdict, big.preempts, big.reasons[0].predicate], ['pending', undefined, 'SchedulingGates']);
    // Without the gate the same pod preempts web.
    const open = byName(computePlacement(withCpu({ priorityClassName: 'system-node-critical' }), inv(nodes, [busy])).nodes).get('big')!;
    assert.deepEqual([open.verdict, open.preempts?.map((p) => p.name)], ['runs', ['web']]);
  });

  it('with spec.nodeName in the template the API server refuses the gated pod; the detail says so', () => {
    const r = preEnqueue({ nodeName: 'big', schedulingGates: [{ name: 'g' }] })!;
    assert.equal(r.message, SchedulingGatedMessage);
    assert.match(r.detail!, /spec\.nodeName: Forbidden: cannot be set until all schedulingGates have been cleared/);
  });
});

describe('spec.schedulerName', () => {
  it('a scheduler the cluster does not run: every targeted node pending, nothing ever binds the pod', () => {
    const r = computePlacement(withCpu({ schedulerName: 'volcano' }), inv(nodes));
    const big = byName(r.nodes).get('big')!;
    assert.deepEqual(summary(big), {
      verdict: 'pending',
      reasons: [['SchedulerName', 'no scheduler named "volcano" in this cluster: the pod is never scheduled', 'UnschedulableAndUnresolvable']],
      later: [],
    });
    assert.match(big.reasons[0].detail!, /spec\.schedulerName: volcano; schedulers running: default-scheduler/);
    assert.equal(byName(r.nodes).get('small')!.laterReasons?.[0].message, 'Insufficient cpu');
    assert.equal(byName(r.nodes).get('master')!.verdict, 'excluded');
  });

  it('the default (absent or empty) and any scheduler the options list are picked up', () => {
    assert.equal(computePlacement(withCpu({ schedulerName: 'default-scheduler' }), inv(nodes)).counts.runs, 1);
    assert.equal(computePlacement(withCpu({ schedulerName: '' }), inv(nodes)).counts.runs, 1);
    assert.equal(computePlacement(withCpu({ schedulerName: 'volcano' }), inv(nodes), { schedulerNames: ['default-scheduler', 'volcano'] }).counts.runs, 1);
    assert.equal(computePlacement(withCpu(), inv(nodes), { schedulerNames: ['volcano'] }).counts.pending, 2);
  });

  it('an unknown scheduler comes first, gates after it', () => {
    const big = byName(computePlacement(withCpu({ schedulerName: 'x', schedulingGates: [{ name: 'g' }] }), inv(nodes)).nodes).get('big')!;
    assert.deepEqual(
      [...big.reasons, ...(big.laterReasons ?? [])].map((r) => r.predicate),
      ['SchedulerName', 'SchedulingGates'],
    );
  });

  it('spec.nodeName bypasses the scheduler: its name does not matter', () => {
    const ds = withCpu({ schedulerName: 'nobody', nodeName: 'big' });
    assert.equal(byName(computePlacement(ds, inv(nodes)).nodes).get('big')!.verdict, 'runs');
  });
});

describe('the first failing filter plugin is what the scheduler reports', () => {
  it('pending: reasons hold the first failing plugin only, later ones in laterReasons in profile order', () => {
    const holder = {
      metadata: { namespace: 'default', name: 'proxy', labels: { app: 'proxy' } },
      spec: { nodeName: 'small', containers: [{ name: 'c', image: 'i', ports: [{ containerPort: 80, hostPort: 80 }] }] },
      status: { phase: 'Running' },
    };
    const ds = daemonSetObject({ container: { ports: [{ containerPort: 80, hostPort: 80 }], resources: { requests: { cpu: '2' } } } });
    const small = byName(computePlacement(ds, inv(nodes, [holder])).nodes).get('small')!;
    assert.deepEqual(summary(small), {
      verdict: 'pending',
      reasons: [['NodePorts', "node(s) didn't have free ports for the requested pod ports", 'Unschedulable']],
      later: [['NodeResourcesFit', 'Insufficient cpu']],
    });
    // A node that fails one plugin only has no laterReasons at all.
    const big = byName(computePlacement(withCpu(), inv([node('big', { cpu: '1' })])).nodes).get('big')!;
    assert.deepEqual([big.verdict, big.laterReasons], ['pending', undefined]);
  });

  it('one plugin may report several failures of its own (Insufficient cpu and memory)', () => {
    const ds = daemonSetObject({ container: { resources: { requests: { cpu: '8', memory: '16Gi' } } } });
    const n = computePlacement(ds, inv([node('big')])).nodes[0];
    assert.deepEqual(
      n.reasons.map((r) => r.message),
      ['Insufficient cpu', 'Insufficient memory'],
    );
    assert.equal(n.laterReasons, undefined);
  });

  it('excluded: the controller checks node affinity and taints on their own, so every failure is listed', () => {
    const tainted = node('gpu', { labels: { pool: 'gpu' }, taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }] });
    const n = computePlacement(daemonSetObject({ podSpec: { nodeSelector: { pool: 'cpu' } } }), inv([tainted])).nodes[0];
    assert.equal(n.verdict, 'excluded');
    assert.deepEqual(
      n.reasons.map((r) => r.predicate),
      ['NodeAffinity', 'TaintToleration'],
    );
    assert.equal(n.laterReasons, undefined);
  });
});

describe('reasonLabel: what a reason is about, beside Kubernetes wording, shared by nodes failing alike', () => {
  it('names the gates, the inter-pod affinity term, the taint; nothing for the rest', () => {
    assert.equal(
      reasonLabel({ message: SchedulingGatedMessage, schedulingGates: ['a', 'b'] }),
      'Scheduling is blocked due to non-empty scheduling gates (a, b)',
    );
    assert.equal(
      reasonLabel({
        message: "node(s) didn't match pod anti-affinity rules",
        podAffinityTerm: {
          of: 'pod',
          kind: 'podAntiAffinity',
          index: 0,
          selector: 'app=db',
          topologyKey: 'kubernetes.io/hostname',
          domain: 'kubernetes.io/hostname=n1',
        },
      }),
      "node(s) didn't match pod anti-affinity rules (app=db; topologyKey kubernetes.io/hostname)",
    );
    assert.equal(reasonLabel({ message: 'm', taint: { key: 'k', value: 'v', effect: 'NoSchedule' } }), 'm (k=v:NoSchedule)');
    assert.equal(reasonLabel({ message: 'Insufficient cpu' }), 'Insufficient cpu');
  });
});
