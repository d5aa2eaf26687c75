import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMilliValue, parseValue } from '../../server/src/k8s/quantity';
import { SAMPLE_NAME, sampleInventory } from '../../server/src/inventory/sample';

const inv = sampleInventory();
const byName = new Map(inv.nodes.map((n) => [n.metadata.name as string, n]));
const labelled = (key: string, value?: string) =>
  inv.nodes.filter((n) => key in (n.metadata.labels ?? {}) && (value === undefined || n.metadata.labels[key] === value));
const taintsOf = (n: any): any[] => n.spec?.taints ?? [];
const hasTaint = (n: any, key: string, effect: string, value?: string) =>
  taintsOf(n).some((t) => t.key === key && t.effect === effect && (value === undefined || t.value === value));
const ready = (n: any) => n.status.conditions.find((c: any) => c.type === 'Ready')?.status;
const podsOn = (name: string) => inv.pods.filter((p) => p.spec.nodeName === name);

/** Effective requests of a pod: sum over containers (no init containers in the sample). */
function podRequests(p: any): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of p.spec.containers) {
    for (const [k, v] of Object.entries<any>(c.resources?.requests ?? {})) out[k] = (out[k] ?? 0) + (k === 'cpu' ? parseMilliValue(v) : parseValue(v));
  }
  return out;
}
function free(nodeName: string): { cpuMilli: number; memory: number; pods: number } {
  const n = byName.get(nodeName);
  const used = podsOn(nodeName)
    .map(podRequests)
    .reduce((a, r) => ({ cpu: a.cpu + (r.cpu ?? 0), memory: a.memory + (r.memory ?? 0) }), { cpu: 0, memory: 0 });
  return {
    cpuMilli: parseMilliValue(n.status.allocatable.cpu) - used.cpu,
    memory: parseValue(n.status.allocatable.memory) - used.memory,
    pods: parseValue(n.status.allocatable.pods) - podsOn(nodeName).length,
  };
}

describe('bundled sample inventory', () => {
  it('parses into a sample inventory of at least 14 well-formed nodes, without messages', () => {
    assert.equal(inv.source, 'sample');
    assert.equal(inv.name, SAMPLE_NAME);
    assert.deepEqual(inv.messages, []);
    assert.ok(inv.nodes.length >= 14, `${inv.nodes.length} nodes`);
    for (const n of inv.nodes) {
      assert.equal(n.kind, 'Node');
      assert.equal(n.apiVersion, 'v1');
      const name = n.metadata.name;
      assert.equal(n.metadata.labels['kubernetes.io/hostname'], name);
      assert.equal(n.metadata.labels['kubernetes.io/arch'], n.status.nodeInfo.architecture, name);
      assert.equal(n.metadata.labels['kubernetes.io/os'], n.status.nodeInfo.operatingSystem, name);
      assert.match(n.spec.podCIDR, /^10\.244\.\d+\.0\/24$/);
      for (const key of ['cpu', 'memory', 'pods', 'ephemeral-storage']) {
        assert.ok(n.status.capacity[key] && n.status.allocatable[key], `${name} ${key}`);
        assert.ok(parseMilliValue(n.status.allocatable[key]) <= parseMilliValue(n.status.capacity[key]), `${name} allocatable ${key} ≤ capacity`);
      }
      assert.deepEqual(
        n.status.conditions.map((c: any) => c.type),
        ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'],
      );
      assert.ok(n.status.addresses.some((a: any) => a.type === 'InternalIP'));
      for (const t of taintsOf(n)) assert.ok(['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(t.effect));
    }
    assert.equal(new Set(inv.nodes.map((n) => n.metadata.uid)).size, inv.nodes.length, 'unique node uids');
  });

  it('has 3 control-plane nodes with the current taint and role label', () => {
    const cps = labelled('node-role.kubernetes.io/control-plane', '');
    assert.equal(cps.length, 3);
    for (const n of cps) {
      assert.ok(hasTaint(n, 'node-role.kubernetes.io/control-plane', 'NoSchedule'), n.metadata.name);
      assert.equal(taintsOf(n).find((t) => t.key === 'node-role.kubernetes.io/control-plane').value, undefined);
    }
    assert.equal(inv.nodes.filter((n) => hasTaint(n, 'node-role.kubernetes.io/master', 'NoSchedule')).length, 0, '1.36 no longer uses the master taint');
  });

  it('has amd64 linux workers across 3 zones with region and instance-type labels', () => {
    const workers = inv.nodes.filter((n) => n.metadata.labels['node.example.com/pool'] === 'general');
    assert.ok(workers.length >= 4);
    for (const n of workers) {
      assert.equal(n.metadata.labels['kubernetes.io/arch'], 'amd64');
      assert.equal(n.metadata.labels['kubernetes.io/os'], 'linux');
      assert.equal(n.metadata.labels['topology.kubernetes.io/region'], 'eu-west-1');
      assert.ok(n.metadata.labels['node.kubernetes.io/instance-type']);
    }
    assert.deepEqual([...new Set(workers.map((n) => n.metadata.labels['topology.kubernetes.io/zone']))].sort(), ['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
  });

  it('has 2 arm64 workers', () => {
    const arm = labelled('kubernetes.io/arch', 'arm64');
    assert.equal(arm.length, 2);
    for (const n of arm) assert.deepEqual(taintsOf(n), []);
  });

  it('has a GPU pool of 2 tainted nodes with product labels and allocatable GPUs', () => {
    const gpu = inv.nodes.filter((n) => hasTaint(n, 'nvidia.com/gpu', 'NoSchedule', 'present'));
    assert.equal(gpu.length, 2);
    for (const n of gpu) {
      assert.equal(n.metadata.labels['nvidia.com/gpu.product'], 'NVIDIA-A10G');
      assert.equal(n.status.allocatable['nvidia.com/gpu'], '1');
    }
    // The GPU of gpu-a-1 is taken by an inference pod.
    const gpuUsers = inv.pods.filter((p) => podRequests(p)['nvidia.com/gpu']);
    assert.equal(gpuUsers.length, 1);
    assert.ok(gpu.some((n) => n.metadata.name === gpuUsers[0].spec.nodeName));
  });

  it('has an edge pool with a custom taint', () => {
    const edge = inv.nodes.filter((n) => hasTaint(n, 'edge.example.com/remote', 'NoSchedule', 'true'));
    assert.equal(edge.length, 2);
    for (const n of edge) assert.ok(n.metadata.labels['edge.example.com/site']);
  });

  it('has one NotReady node (Ready=Unknown) with both unreachable taints and timeAdded', () => {
    const notReady = inv.nodes.filter((n) => ready(n) !== 'True');
    assert.equal(notReady.length, 1);
    const [n] = notReady;
    assert.equal(ready(n), 'Unknown');
    assert.ok(hasTaint(n, 'node.kubernetes.io/unreachable', 'NoSchedule'));
    assert.ok(hasTaint(n, 'node.kubernetes.io/unreachable', 'NoExecute'));
    for (const t of taintsOf(n)) assert.ok(!Number.isNaN(Date.parse(t.timeAdded)), 'timeAdded');
    // The node controller marks the pods there not Ready.
    assert.ok(podsOn(n.metadata.name).every((p) => p.status.conditions.find((c: any) => c.type === 'Ready').status === 'False'));
  });

  it('has one cordoned node with spec.unschedulable and the unschedulable taint', () => {
    const cordoned = inv.nodes.filter((n) => n.spec.unschedulable === true);
    assert.equal(cordoned.length, 1);
    assert.ok(hasTaint(cordoned[0], 'node.kubernetes.io/unschedulable', 'NoSchedule'));
    assert.equal(inv.nodes.filter((n) => hasTaint(n, 'node.kubernetes.io/unschedulable', 'NoSchedule')).length, 1);
    assert.equal(ready(cordoned[0]), 'True');
  });

  it('has one Windows node with its build label', () => {
    const win = labelled('kubernetes.io/os', 'windows');
    assert.equal(win.length, 1);
    assert.equal(win[0].metadata.labels['node.kubernetes.io/windows-build'], '10.0.20348');
    assert.equal(win[0].status.nodeInfo.operatingSystem, 'windows');
  });

  it('pods are running, bound to nodes of the sample, with unique names and requests the nodes can hold', () => {
    assert.ok(inv.pods.length > 30);
    const keys = new Set<string>();
    for (const p of inv.pods) {
      assert.equal(p.kind, 'Pod');
      assert.ok(byName.has(p.spec.nodeName), `${p.metadata.name} → ${p.spec.nodeName}`);
      assert.equal(p.status.phase, 'Running');
      assert.ok(Array.isArray(p.spec.containers) && p.spec.containers.length > 0);
      const key = `${p.metadata.namespace}/${p.metadata.name}`;
      assert.ok(!keys.has(key), key);
      keys.add(key);
    }
    // The scheduler never overcommits requests: every node's pods fit its allocatable.
    for (const name of byName.keys()) {
      const f = free(name);
      assert.ok(f.cpuMilli >= 0 && f.memory >= 0 && f.pods >= 0, `${name} overcommitted: ${JSON.stringify(f)}`);
    }
  });

  it('kube-proxy runs on every linux node and not on Windows; control planes run their static pods', () => {
    const proxyNodes = inv.pods
      .filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-proxy')
      .map((p) => p.spec.nodeName)
      .sort();
    const linux = labelled('kubernetes.io/os', 'linux')
      .map((n) => n.metadata.name)
      .sort();
    assert.deepEqual(proxyNodes, linux);
    for (const n of labelled('node-role.kubernetes.io/control-plane')) {
      const components = podsOn(n.metadata.name)
        .map((p) => p.metadata.labels?.component)
        .filter(Boolean)
        .sort();
      assert.deepEqual(components, ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']);
    }
  });

  it('an existing node-exporter DaemonSet holds hostPort 9100 on some nodes', () => {
    const exporters = inv.pods.filter((p) => p.metadata.ownerReferences?.[0]?.kind === 'DaemonSet' && p.metadata.ownerReferences[0].name === 'node-exporter');
    assert.ok(exporters.length >= 3 && exporters.length < inv.nodes.length);
    for (const p of exporters) {
      assert.equal(p.metadata.ownerReferences[0].controller, true);
      assert.ok(p.spec.containers.some((c: any) => c.ports?.some((port: any) => port.hostPort === 9100 && port.protocol === 'TCP')));
    }
    assert.equal(new Set(exporters.map((p) => p.spec.nodeName)).size, exporters.length, 'one daemon pod per node');
  });

  it('one worker is nearly full: a DaemonSet pod requesting 200m cpu / 128Mi would be Pending there', () => {
    const full = [...byName.keys()].filter((name) => free(name).cpuMilli < 200);
    assert.deepEqual(full, ['worker-c-1']);
    const f = free('worker-c-1');
    assert.ok(f.memory < 128 * 1024 * 1024, `free memory ${f.memory}`);
    assert.ok(f.cpuMilli > 0, 'small things still fit');
  });

  it('returns an independent copy each call', () => {
    const a = sampleInventory();
    a.nodes[0].metadata.labels.mutated = 'yes';
    assert.equal(sampleInventory().nodes[0].metadata.labels.mutated, undefined);
  });
});

describe('the sample is data', () => {
  it('is an ordinary inventory file (kubectl List JSON) that --inventory reads to the same nodes and pods', async () => {
    const { loadInventoryFiles } = await import('../../server/src/inventory/file-reader');
    const { samplePath } = await import('../../server/src/inventory/sample');
    const fromFile = await loadInventoryFiles([samplePath()]);
    assert.deepEqual(fromFile.nodes, inv.nodes);
    assert.deepEqual(fromFile.pods, inv.pods);
    assert.deepEqual(fromFile.messages, []);
  });
  it('every call is a fresh copy', () => {
    const a = sampleInventory();
    a.nodes[0].metadata.name = 'changed';
    assert.notEqual(sampleInventory().nodes[0].metadata.name, 'changed');
  });
});
