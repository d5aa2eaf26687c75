import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { podRequests } from '../../server/src/placement/resources';
import * as nodeAffinity from '../../server/src/placement/scheduler/nodeAffinity';
import { newNodeInfo } from '../../server/src/placement/scheduler/nodeinfo';
import * as nodeName from '../../server/src/placement/scheduler/nodeName';
import * as nodePorts from '../../server/src/placement/scheduler/nodePorts';
import * as fit from '../../server/src/placement/scheduler/nodeResourcesFit';
import * as nodeUnschedulable from '../../server/src/placement/scheduler/nodeUnschedulable';
import * as taintToleration from '../../server/src/placement/scheduler/taintToleration';

const podWithPorts = (...ports: any[]) => ({ spec: { containers: [{ name: 'c', ports }] } });
const allocatable = (a: Record<string, string>) => ({ metadata: { name: 'n' }, status: { allocatable: a } });

describe('NodePorts', () => {
  const used = newNodeInfo({}, [podWithPorts({ hostPort: 80, containerPort: 80 }), podWithPorts({ hostPort: 53, protocol: 'UDP', hostIP: '10.0.0.1' })]);

  it('empty hostIP means 0.0.0.0 and conflicts with every IP; empty protocol means TCP', () => {
    assert.equal(nodePorts.filter(podWithPorts({ hostPort: 80, hostIP: '127.0.0.1', protocol: 'TCP' }), used).code, 'Unschedulable');
    assert.equal(nodePorts.filter(podWithPorts({ hostPort: 80, protocol: 'UDP' }), used).code, 'Success');
    assert.equal(nodePorts.filter(podWithPorts({ hostPort: 53, protocol: 'UDP', hostIP: '0.0.0.0' }), used).code, 'Unschedulable');
    assert.equal(nodePorts.filter(podWithPorts({ hostPort: 53, protocol: 'UDP', hostIP: '10.0.0.2' }), used).code, 'Success');
    assert.equal(nodePorts.filter(podWithPorts({ hostPort: 53, protocol: 'UDP', hostIP: '10.0.0.1' }), used).code, 'Unschedulable');
  });

  it('reports Kubernetes wording and the conflicting ports', () => {
    const s = nodePorts.filter(podWithPorts({ hostPort: 80 }), used);
    assert.deepEqual(s.reasons, ["node(s) didn't have free ports for the requested pod ports"]);
    assert.deepEqual(s.conflicts, ['TCP/0.0.0.0:80']);
  });

  it('ignores containerPort-only ports and ordinary init containers, checks sidecars', () => {
    assert.equal(nodePorts.filter(podWithPorts({ containerPort: 80 }), used).code, 'Success');
    const init = { spec: { containers: [], initContainers: [{ name: 'i', ports: [{ hostPort: 80 }] }] } };
    assert.equal(nodePorts.filter(init, used).code, 'Success');
    const sidecar = { spec: { containers: [], initContainers: [{ name: 'i', restartPolicy: 'Always', ports: [{ hostPort: 80 }] }] } };
    assert.equal(nodePorts.filter(sidecar, used).code, 'Unschedulable');
  });
});

describe('PodRequests', () => {
  it('init containers count as a max, not a sum', () => {
    const r = podRequests({
      containers: [{ resources: { requests: { cpu: '100m', memory: '100Mi' } } }, { resources: { requests: { cpu: '100m' } } }],
      initContainers: [{ resources: { requests: { cpu: '500m', memory: '10Mi' } } }, { resources: { requests: { cpu: '300m', memory: '300Mi' } } }],
    });
    assert.equal(r.get('cpu'), 500);
    assert.equal(r.get('memory'), 300 * 2 ** 20);
  });

  it('sidecars add to the regular sum and to every later init container', () => {
    const r = podRequests({
      containers: [{ resources: { requests: { cpu: '100m' } } }],
      initContainers: [{ restartPolicy: 'Always', resources: { requests: { cpu: '200m' } } }, { resources: { requests: { cpu: '250m' } } }],
    });
    // max(100+200, 250+200)
    assert.equal(r.get('cpu'), 450);
  });

  it('adds overhead; pod-level requests replace cpu/memory only', () => {
    const r = podRequests({
      containers: [{ resources: { requests: { cpu: '100m', memory: '1Mi', 'ephemeral-storage': '1Gi' } } }],
      resources: { requests: { cpu: '1', 'ephemeral-storage': '5Gi' } },
      overhead: { cpu: '10m' },
    });
    assert.equal(r.get('cpu'), 1010);
    assert.equal(r.get('ephemeral-storage'), 2 ** 30);
    assert.equal(podRequests({ containers: [], resources: { requests: { cpu: '1' } } }, { skipPodLevelResources: true }).get('cpu'), undefined);
  });

  it('limits become requests only when the pod is created (defaulting)', () => {
    const spec = { containers: [{ resources: { limits: { cpu: '2', memory: '1Gi' }, requests: { memory: '512Mi' } } }] };
    assert.equal(podRequests(spec).get('cpu'), undefined);
    const d = podRequests(spec, { defaultRequestsFromLimits: true });
    assert.equal(d.get('cpu'), 2000);
    assert.equal(d.get('memory'), 512 * 2 ** 20);
  });
});

describe('NodeResourcesFit', () => {
  const node = allocatable({ cpu: '1', memory: '1Gi', pods: '3', 'nvidia.com/gpu': '1' });

  it('Insufficient <resource> is resolvable while the request fits allocatable', () => {
    const info = newNodeInfo(node, [{ spec: { containers: [{ resources: { requests: { cpu: '800m' } } }] } }]);
    const s = fit.filter({ spec: { containers: [{ resources: { requests: { cpu: '300m', memory: '2Gi' } } }] } }, info);
    assert.equal(s.code, 'UnschedulableAndUnresolvable');
    assert.deepEqual(s.reasons, ['Insufficient cpu', 'Insufficient memory']);
    assert.deepEqual(
      s.insufficientResources.map((r) => [r.resourceName, r.unresolvable]),
      [
        ['cpu', false],
        ['memory', true],
      ],
    );
    assert.equal(fit.filter({ spec: { containers: [{ resources: { requests: { cpu: '300m' } } }] } }, info).code, 'Unschedulable');
  });

  it('Too many pods is checked even for a pod requesting nothing', () => {
    const info = newNodeInfo(node, [{}, {}, {}]);
    assert.deepEqual(fit.filter({ spec: { containers: [{ name: 'c' }] } }, info).reasons, ['Too many pods']);
  });

  it('extended resources missing from allocatable count as 0; ignoredResources skip only extended names', () => {
    const info = newNodeInfo(node, []);
    const pod = { spec: { containers: [{ resources: { requests: { 'example.com/foo': '1', 'nvidia.com/gpu': '1' } } }] } };
    assert.deepEqual(fit.filter(pod, info).reasons, ['Insufficient example.com/foo']);
    assert.equal(fit.filter(pod, info, { ignoredResourceGroups: ['example.com'] }).code, 'Success');
    const unprefixed = { spec: { containers: [{ resources: { requests: { foo: '1' } } }] } };
    assert.equal(fit.filter(unprefixed, info).code, 'Success');
  });

  it('the SidecarContainers gate off treats restartPolicy Always init containers as ordinary', () => {
    const info = newNodeInfo(allocatable({ cpu: '300m', pods: '10' }), []);
    const pod = {
      spec: {
        containers: [{ resources: { requests: { cpu: '200m' } } }],
        initContainers: [{ restartPolicy: 'Always', resources: { requests: { cpu: '200m' } } }],
      },
    };
    assert.equal(fit.filter(pod, info).code, 'UnschedulableAndUnresolvable');
    assert.equal(fit.filter(pod, info, {}, { enableSidecarContainers: false }).code, 'Success');
  });
});

describe('NodeUnschedulable / TaintToleration / NodeAffinity / NodeName', () => {
  it('an unschedulable node needs the unschedulable toleration', () => {
    const n = { spec: { unschedulable: true } };
    const r = nodeUnschedulable.filter({ spec: {} }, n);
    assert.deepEqual({ code: r.code, reasons: r.reasons }, { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) were unschedulable'] });
    assert.equal(nodeUnschedulable.filter({ spec: { tolerations: [{ operator: 'Exists' }] } }, n).code, 'Success');
    assert.equal(
      nodeUnschedulable.filter({ spec: { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Equal', value: 'x' }] } }, n).code,
      'UnschedulableAndUnresolvable',
    );
  });

  it('TaintToleration ignores PreferNoSchedule and names the taint in the result', () => {
    const n = {
      spec: {
        taints: [
          { key: 'soft', effect: 'PreferNoSchedule' },
          { key: 'hard', value: 'v', effect: 'NoExecute' },
        ],
      },
    };
    const s = taintToleration.filter({ spec: {} }, n);
    assert.equal(s.code, 'UnschedulableAndUnresolvable');
    assert.deepEqual(s.reasons, ['node(s) had untolerated taint(s)']);
    assert.deepEqual(s.failures[0].taint, { key: 'hard', value: 'v', effect: 'NoExecute' });
    assert.equal(s.failures[0].detail, 'untolerated taint hard=v:NoExecute');
    assert.equal(taintToleration.filter({ spec: { tolerations: [{ key: 'hard', operator: 'Exists' }] } }, n).code, 'Success');
  });

  it('NodeAffinity and NodeName use Kubernetes wording', () => {
    assert.deepEqual(nodeAffinity.filterPod({ spec: { nodeSelector: { a: 'b' } } }, { metadata: { name: 'n' } }).reasons, [
      "node(s) didn't match Pod's node affinity/selector",
    ]);
    assert.deepEqual(nodeName.filter({ spec: { nodeName: 'x' } }, { metadata: { name: 'n' } }).reasons, ["node(s) didn't match the requested node name"]);
    assert.equal(nodeName.filter({ spec: {} }, { metadata: { name: 'n' } }).code, 'Success');
  });
});
