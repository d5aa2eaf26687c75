/**
 * The broken manifests of shared/corpus/broken whose cause is placement are named by the
 * placement diagnostics against a fitting inventory (the sample cluster, or a GPU-pool fixture).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseInventoryText } from '../../server/src/inventory/file';
import { sampleInventory } from '../../server/src/inventory/sample';
import type { Inventory } from '../../server/src/placement/types';
import { analyzeText, fixesOf } from '../../server/src/service';
import { repoRoot, sharedPath } from '../helpers/paths';

function fixtureInventory(name: string): Inventory {
  const text = readFileSync(path.join(repoRoot, 'test', 'fixtures', 'inventories', name), 'utf8');
  const parsed = parseInventoryText(text, name);
  return { source: 'file', name, nodes: parsed.nodes, pods: parsed.pods, messages: parsed.messages };
}

const broken = (file: string) => readFileSync(sharedPath('corpus', 'broken', file), 'utf8');

test('GPU driver installer tolerating only nvidia.com/gpu: the dedicated GPU pool taint is named', () => {
  const diags = analyzeText(broken('gke-nvidia-driver-installer--gpu-taint-only-toleration.yaml'), { inventory: fixtureInventory('gpu-pools.yaml') });
  const d = diags.find((x) => x.code === 'excluded-by-taint');
  assert.ok(d, diags.map((x) => x.code).join());
  assert.match(d.message, /dedicated=ml-training:NoSchedule \(gke-a100-ml-pool-1\)/);
  assert.match(d.message, /inventory gpu-pools\.yaml/);
  // The fix is proven: it makes gke-a100-ml-pool-1 run (it already tolerates nvidia.com/gpu).
  assert.deepEqual(
    fixesOf(d)?.map((f) => f.title),
    ['Tolerate dedicated:NoSchedule'],
  );
});

test('vGPU device manager without the nvidia.com/gpu toleration: runs nowhere, the GPU taint is named', () => {
  const diags = analyzeText(broken('gpu-operator-vgpu-device-manager--no-gpu-toleration.yaml'), { inventory: fixtureInventory('gpu-pools.yaml') });
  assert.ok(diags.some((x) => x.code === 'no-matching-nodes' && /runs on none of the 4 nodes/.test(x.message)));
  const taint = diags.find((x) => x.code === 'excluded-by-taint');
  assert.ok(taint);
  assert.match(taint.message, /nvidia\.com\/gpu:NoSchedule \(vgpu-host-1\)/);
  assert.equal(fixesOf(taint)?.[0].title, 'Tolerate nvidia.com/gpu:NoSchedule');
});

test('AMD GPU plugin with no arch or OS selector on a mixed cluster: Windows and arm64 nodes named', () => {
  const diags = analyzeText(broken('rocm-amdgpu-device-plugin--no-arch-or-node-selector.yaml'), { inventory: sampleInventory() });
  const os = diags.find((x) => x.code === 'os-not-constrained');
  assert.ok(os);
  assert.match(os.message, /1 Windows node\(s\) \(win-a-1\)/);
  const arch = diags.find((x) => x.code === 'arch-not-constrained');
  assert.ok(arch);
  assert.match(arch.message, /2 arm64/);
});

test('a DaemonSet tolerating only the old master taint misses the control-plane nodes', () => {
  const text = `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: kube-system}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      nodeSelector: {kubernetes.io/os: linux}
      tolerations:
        - key: node-role.kubernetes.io/master
          operator: Exists
          effect: NoSchedule
      containers:
        - name: agent
          image: registry.example.com/agent:1.0
`;
  const d = analyzeText(text, { inventory: sampleInventory() }).find((x) => x.code === 'excluded-by-taint');
  assert.ok(d);
  assert.match(d.message, /node-role\.kubernetes\.io\/control-plane:NoSchedule \(cp-1, cp-2, cp-3\)/);
  assert.equal(d.severity, 'information');
});

test('against the sample, placement findings inform; against a real inventory they warn', () => {
  const text = broken('gpu-operator-vgpu-device-manager--no-gpu-toleration.yaml');
  const sample = analyzeText(text, { inventory: sampleInventory() }).filter((d) => d.code === 'no-matching-nodes');
  assert.equal(sample[0]?.severity, 'information');
  const file = analyzeText(text, { inventory: fixtureInventory('gpu-pools.yaml') }).filter((d) => d.code === 'no-matching-nodes');
  assert.equal(file[0]?.severity, 'warning');
});
