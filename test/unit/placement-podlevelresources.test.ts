// PodLevelResources (beta, on in 1.36): pod-level spec.resources.requests replace the containers'
// aggregate for cpu, memory and hugepages (component-helpers PodRequests), and the Pod the
// controller creates is defaulted first (pkg/apis/core/v1/defaults.go SetDefaults_Pod:
// defaultHugePagePodLimits, then defaultPodRequests). Cases from TestPodResourcesDefaults.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computePlacement } from '../../server/src/placement/placement';
import { defaultedPodLevelRequests, podRequests } from '../../server/src/placement/resources';
import type { Inventory } from '../../server/src/placement/types';
import { daemonSetObject } from '../helpers/manifests';

const Mi = 2 ** 20;
const HP = 'hugepages-2Mi';
const containers = (...rs: any[]) => rs.map((resources, i) => ({ name: `c${i}`, resources }));
/** The created Pod's effective requests, as a plain object (cpu in millicores, the rest in bytes). */
const created = (spec: any) => Object.fromEntries(podRequests(spec, { defaultRequestsFromLimits: true }));

describe('Pod defaulting of pod-level requests (TestPodResourcesDefaults)', () => {
  it('pod resources=unset, container requests=unset limits=set: container limits become requests, no pod-level requests appear', () => {
    const spec = { containers: containers({ limits: { cpu: '2m', memory: '1Mi' } }, { limits: { cpu: '1m', memory: '5Mi' } }) };
    assert.equal(defaultedPodLevelRequests(spec, new Map()), undefined);
    assert.deepEqual(created(spec), { cpu: 3, memory: 6 * Mi });
  });

  it('pod requests=unset cpu limits=set, container resources=unset: the pod requests its limit', () => {
    const spec = { resources: { limits: { cpu: '4m' } }, containers: containers({}, {}) };
    assert.deepEqual(created(spec), { cpu: 4 });
    // The template is not defaulted: without the defaulting the pod requests nothing.
    assert.deepEqual(Object.fromEntries(podRequests(spec)), {});
  });

  it('pod requests=unset limits=set, container requests=set limits=unset: pod-level requests are the containers aggregate', () => {
    const spec = {
      resources: { limits: { cpu: '4m', memory: '8Mi' } },
      containers: containers({ requests: { cpu: '1m', memory: '1Mi' } }, { requests: { cpu: '1m', memory: '2Mi' } }),
    };
    assert.deepEqual(
      Object.fromEntries(
        defaultedPodLevelRequests(
          spec,
          new Map([
            ['cpu', 2],
            ['memory', 3 * Mi],
          ]),
        )!,
      ),
      { cpu: 2, memory: 3 * Mi },
    );
    assert.deepEqual(created(spec), { cpu: 2, memory: 3 * Mi });
  });

  it('pod requests=unset limits=set, container memory requests=set limits=unset: memory from the containers, cpu from the pod limit', () => {
    const spec = {
      resources: { limits: { cpu: '4m', memory: '8Mi' } },
      containers: containers({ requests: { memory: '1Mi' } }, { requests: { memory: '2Mi' } }),
    };
    assert.deepEqual(created(spec), { cpu: 4, memory: 3 * Mi });
  });

  it('pod limits=set, container unsupported requests=set limits=set: only cpu, memory and hugepages are pod-level', () => {
    const spec = {
      resources: { limits: { cpu: '2m', memory: '1Mi' } },
      containers: containers({ limits: { storage: '1Mi' } }, { limits: { 'ephemeral-storage': '5Mi' } }),
    };
    assert.deepEqual(created(spec), { storage: Mi, 'ephemeral-storage': 5 * Mi, cpu: 2, memory: Mi });
  });

  it('pod has cpu limit with hugepages requests=unset limits=unset, container hugepages requests=unset limits=set', () => {
    const spec = {
      resources: { limits: { cpu: '5m' } },
      containers: containers({ limits: { cpu: '2m', [HP]: '4Mi' } }, { limits: { cpu: '1m', [HP]: '2Mi' } }),
    };
    // Hugepages: the pod-level limit defaults to the containers' limits (6Mi), then the request to that limit.
    assert.deepEqual(created(spec), { cpu: 3, [HP]: 6 * Mi });
  });

  it('pod has cpu request with hugepages requests=unset limits=unset, container hugepages requests=unset limits=set', () => {
    const spec = {
      resources: { requests: { cpu: '5m' } },
      containers: containers({ limits: { cpu: '2m', [HP]: '4Mi' } }, { limits: { cpu: '1m', [HP]: '2Mi' } }),
    };
    assert.deepEqual(created(spec), { cpu: 5, [HP]: 6 * Mi });
  });

  it('pod hugepages requests=set limits=set, container hugepages requests=unset limits=unset: the pod-level request stands', () => {
    const spec = { resources: { requests: { cpu: '5m', [HP]: '4Mi' }, limits: { cpu: '5m', [HP]: '8Mi' } }, containers: containers({}) };
    assert.deepEqual(created(spec), { cpu: 5, [HP]: 4 * Mi });
  });

  it('different hugepage sizes at pod and container level each get their own default', () => {
    const spec = { resources: { limits: { cpu: '5m', 'hugepages-1Gi': '2Gi' } }, containers: containers({ limits: { cpu: '1m', [HP]: '2Mi' } }) };
    assert.deepEqual(created(spec), { cpu: 1, [HP]: 2 * Mi, 'hugepages-1Gi': 2 * 1024 * Mi });
  });

  it('PodLevelResources off: neither defaulted nor honoured', () => {
    const spec = { resources: { limits: { cpu: '4m' }, requests: { memory: '1Mi' } }, containers: containers({ requests: { cpu: '1m' } }) };
    assert.deepEqual(Object.fromEntries(podRequests(spec, { defaultRequestsFromLimits: true, skipPodLevelResources: true })), { cpu: 1 });
  });
});

describe('PodLevelResources through computePlacement', () => {
  const node = (cpu: string) => ({
    metadata: { name: 'n', labels: { 'kubernetes.io/hostname': 'n' } },
    status: { allocatable: { cpu, memory: '8Gi', pods: '110' }, conditions: [{ type: 'Ready', status: 'True' }] },
  });
  const inv = (n: any): Inventory => ({ source: 'file', name: 't', nodes: [n], pods: [], messages: [] });

  it('a template with only pod-level limits requests them once the Pod is created', () => {
    const ds = daemonSetObject({ podSpec: { resources: { limits: { cpu: '2' } } } });
    const small = computePlacement(ds, inv(node('1'))).nodes[0];
    assert.equal(small.verdict, 'pending');
    assert.deepEqual(
      small.reasons.map((r) => [r.message, r.resource?.requested]),
      [['Insufficient cpu', 2000]],
    );
    assert.equal(computePlacement(ds, inv(node('4'))).nodes[0].verdict, 'runs');
  });

  it('pod-level requests replace the containers aggregate for cpu', () => {
    const ds = daemonSetObject({ podSpec: { resources: { requests: { cpu: '500m' } } }, container: { resources: { requests: { cpu: '3' } } } });
    assert.equal(computePlacement(ds, inv(node('1'))).nodes[0].verdict, 'runs');
    const off = computePlacement(ds, inv(node('1')), { gates: { PodLevelResources: false } }).nodes[0];
    assert.deepEqual([off.verdict, off.reasons[0]?.message], ['pending', 'Insufficient cpu']);
  });
});
