import assert from 'node:assert/strict';
import { daemonSetObject } from '../helpers/manifests';
import { describe, it } from 'node:test';
import {
  createPodTemplate,
  getTargetNodeName,
  newPod,
  nodeShouldRunDaemonPod,
  replaceDaemonSetPodNodeNameNodeAffinity,
  syncDaemonSet,
} from '../../server/src/placement/controller';

const labels = { app: 'agent' };
function daemonSet(spec: any = {}, meta: any = {}): any {
  return daemonSetObject({ podSpec: spec, metadata: meta, container: { name: 'c', image: 'i' } });
}
function node(name: string, extra: any = {}): any {
  return {
    metadata: { name, labels: extra.labels ?? {} },
    spec: { taints: extra.taints ?? [], unschedulable: extra.unschedulable },
    status: { allocatable: { pods: '110', cpu: '1', memory: '1Gi' } },
  };
}
function daemonPod(name: string, nodeName: string, extra: any = {}): any {
  return {
    metadata: {
      name,
      namespace: 'kube-system',
      labels,
      ownerReferences: [{ kind: 'DaemonSet', name: 'agent', controller: true }],
      creationTimestamp: extra.created ?? '2024-01-01T00:00:00Z',
      ...(extra.meta ?? {}),
    },
    spec: { nodeName },
    status: { phase: extra.phase ?? 'Running' },
  };
}

describe('NodeShouldRunDaemonPod', () => {
  it('does not look at unschedulable, conditions, resources or PreferNoSchedule', () => {
    const n = node('n', { unschedulable: true, taints: [{ key: 'x', effect: 'PreferNoSchedule' }] });
    n.status.conditions = [{ type: 'Ready', status: 'False' }];
    assert.deepEqual(nodeShouldRunDaemonPod(n, daemonSet({ containers: [{ name: 'c', resources: { requests: { cpu: '64' } } }] })), {
      shouldRun: true,
      shouldContinueRunning: true,
    });
  });

  it('NoSchedule untolerated: no new pod, existing pod kept', () => {
    assert.deepEqual(nodeShouldRunDaemonPod(node('n', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }), daemonSet()), {
      shouldRun: false,
      shouldContinueRunning: true,
    });
  });

  it('NoExecute untolerated: no pod, existing evicted', () => {
    assert.deepEqual(nodeShouldRunDaemonPod(node('n', { taints: [{ key: 'dedicated', value: 'x', effect: 'NoExecute' }] }), daemonSet()), {
      shouldRun: false,
      shouldContinueRunning: false,
    });
  });

  it('auto-tolerates not-ready/unreachable NoExecute and pressure taints, but not not-ready NoSchedule', () => {
    const ok = node('n', {
      taints: [
        { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' },
        { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
        { key: 'node.kubernetes.io/disk-pressure', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
      ],
    });
    assert.equal(nodeShouldRunDaemonPod(ok, daemonSet()).shouldRun, true);
    const notReady = node('n', { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }] });
    assert.deepEqual(nodeShouldRunDaemonPod(notReady, daemonSet()), { shouldRun: false, shouldContinueRunning: true });
  });

  it('network-unavailable is tolerated only by hostNetwork pods', () => {
    const n = node('n', { taints: [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }] });
    assert.equal(nodeShouldRunDaemonPod(n, daemonSet()).shouldRun, false);
    assert.equal(nodeShouldRunDaemonPod(n, daemonSet({ hostNetwork: true })).shouldRun, true);
  });

  it('a finite tolerationSeconds still tolerates for the controller', () => {
    const n = node('n', { taints: [{ key: 'k', effect: 'NoExecute' }] });
    assert.deepEqual(nodeShouldRunDaemonPod(n, daemonSet({ tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 5 }] })), {
      shouldRun: true,
      shouldContinueRunning: true,
    });
  });

  it('template nodeName and affinity mismatches evict', () => {
    assert.deepEqual(nodeShouldRunDaemonPod(node('a'), daemonSet({ nodeName: 'b' })), { shouldRun: false, shouldContinueRunning: false });
    assert.deepEqual(nodeShouldRunDaemonPod(node('a'), daemonSet({ nodeSelector: { gpu: 'true' } })), { shouldRun: false, shouldContinueRunning: false });
    // affinity mismatch wins over a NoSchedule taint: (false, false)
    assert.deepEqual(nodeShouldRunDaemonPod(node('a', { taints: [{ key: 't', effect: 'NoSchedule' }] }), daemonSet({ nodeSelector: { gpu: 'true' } })), {
      shouldRun: false,
      shouldContinueRunning: false,
    });
  });

  it('a Gt toleration needs the TaintTolerationComparisonOperators gate', () => {
    const n = node('n', { taints: [{ key: 'sla', value: '900', effect: 'NoSchedule' }] });
    const ds = daemonSet({ tolerations: [{ key: 'sla', operator: 'Gt', value: '500', effect: 'NoSchedule' }] });
    assert.equal(nodeShouldRunDaemonPod(n, ds).shouldRun, false);
    assert.equal(nodeShouldRunDaemonPod(n, ds, { TaintTolerationComparisonOperators: true }).shouldRun, true);
  });
});

describe('daemon pod construction', () => {
  it('NewPod sets namespace, nodeName and daemon tolerations without touching the DaemonSet', () => {
    const ds = daemonSet({ tolerations: [{ key: 'a', operator: 'Exists' }] });
    const pod = newPod(ds, 'n1');
    assert.equal(pod.metadata.namespace, 'kube-system');
    assert.equal(pod.spec.nodeName, 'n1');
    assert.equal(pod.spec.tolerations.length, 7);
    assert.equal(ds.spec.template.spec.tolerations.length, 1);
  });

  it('CreatePodTemplate adds the hash and generation labels', () => {
    const t = createPodTemplate(daemonSet().spec.template, 3, 'abc');
    assert.deepEqual(t.metadata.labels, { app: 'agent', 'pod-template-generation': '3', 'controller-revision-hash': 'abc' });
  });

  it('ReplaceDaemonSetPodNodeNameNodeAffinity drops user terms but keeps preferred terms', () => {
    const preferred = [{ weight: 1, preference: { matchExpressions: [{ key: 'a', operator: 'Exists' }] } }];
    const a = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: 'x', operator: 'NotIn', values: ['y'] }] },
            { matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['n'] }] },
          ],
        },
        preferredDuringSchedulingIgnoredDuringExecution: preferred,
      },
      podAntiAffinity: { foo: 1 },
    };
    const r = replaceDaemonSetPodNodeNameNodeAffinity(a, 'n');
    assert.deepEqual(r.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution, {
      nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n'] }] }],
    });
    assert.deepEqual(r.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution, preferred);
    assert.deepEqual(r.podAntiAffinity, { foo: 1 });
    assert.equal(a.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms.length, 2);
    assert.deepEqual(
      replaceDaemonSetPodNodeNameNodeAffinity({}, 'n').nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values,
      ['n'],
    );
  });

  it('GetTargetNodeName: nodeName first, then the first metadata.name In matchFields, errors otherwise', () => {
    assert.deepEqual(getTargetNodeName({ spec: { nodeName: 'a' } }), { nodeName: 'a' });
    const pinned = { spec: { affinity: replaceDaemonSetPodNodeNameNodeAffinity(null, 'b') } };
    assert.deepEqual(getTargetNodeName(pinned), { nodeName: 'b' });
    const ambiguous = {
      spec: {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['a', 'b'] }] }],
            },
          },
        },
      },
    };
    assert.ok('error' in getTargetNodeName(ambiguous));
    assert.ok(
      'error' in getTargetNodeName({ spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } } } }),
    );
  });
});

describe('syncDaemonSet', () => {
  it('creates on eligible nodes and keeps one pod per node (the oldest)', () => {
    const pods = [daemonPod('p1', 'a', { created: '2024-01-02T00:00:00Z' }), daemonPod('p0', 'a', { created: '2024-01-01T00:00:00Z' })];
    const r = syncDaemonSet(daemonSet(), [node('a'), node('b')], pods);
    assert.deepEqual(r.creates, ['b']);
    assert.deepEqual(r.deletes, ['p1']);
    assert.equal(r.status.desiredNumberScheduled, 2);
    assert.equal(r.status.currentNumberScheduled, 1);
  });

  it('NoSchedule-untolerated keeps the existing pod and counts it misscheduled; NoExecute deletes it', () => {
    const ns = syncDaemonSet(daemonSet(), [node('a', { taints: [{ key: 't', effect: 'NoSchedule' }] })], [daemonPod('p', 'a')]);
    assert.deepEqual([ns.creates, ns.deletes, ns.status.numberMisscheduled], [[], [], 1]);
    const ne = syncDaemonSet(daemonSet(), [node('a', { taints: [{ key: 't', effect: 'NoExecute' }] })], [daemonPod('p', 'a')]);
    assert.deepEqual([ne.creates, ne.deletes], [[], ['p']]);
  });

  it('deletes failed and succeeded pods (without recreating in the same sync) and emits FailedDaemonPod', () => {
    const r = syncDaemonSet(
      daemonSet(),
      [node('a')],
      [daemonPod('f', 'a', { phase: 'Failed' }), daemonPod('r1', 'a'), daemonPod('r2', 'a', { created: '2024-02-01T00:00:00Z' })],
    );
    assert.deepEqual(r.deletes.sort(), ['f', 'r2']);
    assert.deepEqual(r.creates, []);
    assert.deepEqual(
      r.events.map((e) => e.reason),
      ['FailedDaemonPod'],
    );
  });

  it('adopts matching orphans, ignores other controllers and non-matching pods', () => {
    const orphan = { ...daemonPod('o', 'a'), metadata: { name: 'o', namespace: 'kube-system', labels } };
    const foreign = {
      ...daemonPod('x', 'b'),
      metadata: { name: 'x', namespace: 'kube-system', labels, ownerReferences: [{ kind: 'ReplicaSet', name: 'rs', controller: true }] },
    };
    const r = syncDaemonSet(daemonSet(), [node('a'), node('b')], [orphan, foreign]);
    assert.deepEqual(r.creates, ['b']);
  });

  it('does nothing when being deleted or selecting everything', () => {
    assert.deepEqual(syncDaemonSet(daemonSet({}, { deletionTimestamp: '2024-01-01T00:00:00Z' }), [node('a')], []).creates, []);
    const all = daemonSet();
    all.spec.selector = {};
    const r = syncDaemonSet(all, [node('a')], []);
    assert.deepEqual([r.creates, r.events[0].reason], [[], 'SelectingAll']);
  });

  it('deletes pending pods pinned to nodes that no longer exist', () => {
    const pending = { ...daemonPod('p', ''), spec: { affinity: replaceDaemonSetPodNodeNameNodeAffinity(null, 'gone') } };
    const bound = daemonPod('q', 'gone-too');
    assert.deepEqual(syncDaemonSet(daemonSet(), [], [pending, bound]).deletes, ['p']);
  });

  it('creates at most burstReplicas pods per sync', () => {
    const nodes = Array.from({ length: 300 }, (_, i) => node(`n${i}`));
    assert.equal(syncDaemonSet(daemonSet(), nodes, []).creates.length, 250);
  });
});
