/**
 * Placement at Kubernetes' documented limits: 5,000 nodes and 150,000 pods.
 * Measures inventory load (JSON text → objects), the one-time per-inventory preparation,
 * placement per DaemonSet (median and p95 of 100 keystrokes), completion with inventory hints, and memory; then two
 * keystrokes that used to cost a verdict explained per node: a DaemonSet already running on every
 * node (its old pods leave each node's sums), and a request larger than any node has free (every
 * node Pending). The keystrokes in the editor follow one analysis of the document (opening it).
 * Run by `npm run bench` after the service bench.
 */
import { parseInventoryText } from '../server/src/inventory/file';
import { computePlacement } from '../server/src/placement/placement';
import type { Inventory } from '../server/src/placement/types';
import { analyzeText, complete, inventoryHints, placementsOfText } from '../server/src/service';
import { stringify } from 'yaml';

const NODES = Number(process.env.BENCH_NODES ?? 5000);
const PODS = Number(process.env.BENCH_PODS ?? 150000);

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function generate(): { nodes: any[]; pods: any[] } {
  const r = rng(42);
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const nodes: any[] = [];
  for (let i = 0; i < NODES; i++) {
    const name = `node-${String(i).padStart(5, '0')}`;
    const role = i < 5 ? 'control-plane' : i % 50 === 0 ? 'gpu' : i % 97 === 0 ? 'edge' : 'worker';
    const arch = i % 10 === 3 ? 'arm64' : 'amd64';
    const taints: any[] = [];
    if (role === 'control-plane') taints.push({ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' });
    if (role === 'gpu') taints.push({ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' });
    if (role === 'edge') taints.push({ key: 'edge.example.com/remote', value: 'true', effect: 'NoSchedule' });
    if (i % 211 === 0) taints.push({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' });
    nodes.push({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        labels: {
          'kubernetes.io/os': 'linux',
          'kubernetes.io/arch': arch,
          'kubernetes.io/hostname': name,
          'topology.kubernetes.io/zone': zones[i % 3],
          'topology.kubernetes.io/region': 'eu-west-1',
          'node.kubernetes.io/instance-type': role === 'gpu' ? 'g5.2xlarge' : 'm6i.2xlarge',
          ...(role === 'control-plane' ? { 'node-role.kubernetes.io/control-plane': '' } : {}),
        },
      },
      spec: { taints: taints.length ? taints : undefined, unschedulable: i % 211 === 0 || undefined },
      status: {
        allocatable: { cpu: '7910m', memory: '31Gi', pods: '110', 'ephemeral-storage': '95Gi', ...(role === 'gpu' ? { 'nvidia.com/gpu': '1' } : {}) },
        conditions: [{ type: 'Ready', status: 'True' }],
      },
    });
  }
  const pods: any[] = [];
  for (let j = 0; j < PODS; j++) {
    const node = nodes[j % NODES].metadata.name;
    const hostPort = j % NODES === j % 7 ? 9100 : undefined;
    pods.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `app-${j}`, namespace: `team-${j % 40}`, labels: { app: `app-${j % 300}` } },
      spec: {
        nodeName: node,
        containers: [
          {
            name: 'app',
            image: 'registry.example.com/app:1.0',
            resources: { requests: { cpu: `${50 + Math.floor(r() * 150)}m`, memory: `${64 + Math.floor(r() * 512)}Mi` } },
            ports: hostPort ? [{ containerPort: 9100, hostPort }] : undefined,
          },
        ],
      },
      status: { phase: 'Running' },
    });
  }
  return { nodes, pods };
}

const daemonSets: Record<string, any> = {
  'log collector (tolerate all, requests)': {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'logs', namespace: 'logging' },
    spec: {
      selector: { matchLabels: { app: 'logs' } },
      template: {
        metadata: { labels: { app: 'logs' } },
        spec: { tolerations: [{ operator: 'Exists' }], containers: [{ name: 'c', image: 'x:1', resources: { requests: { cpu: '100m', memory: '128Mi' } } }] },
      },
    },
  },
  'GPU plugin (affinity + toleration)': {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'gpu', namespace: 'kube-system' },
    spec: {
      selector: { matchLabels: { app: 'gpu' } },
      template: {
        metadata: { labels: { app: 'gpu' } },
        spec: {
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [{ matchExpressions: [{ key: 'node.kubernetes.io/instance-type', operator: 'In', values: ['g5.2xlarge', 'g5.4xlarge'] }] }],
              },
            },
          },
          tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
          containers: [{ name: 'c', image: 'x:1' }],
        },
      },
    },
  },
  'node exporter (hostPort 9100, arch selector)': {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'node-exporter', namespace: 'monitoring' },
    spec: {
      selector: { matchLabels: { app: 'ne' } },
      template: {
        metadata: { labels: { app: 'ne' } },
        spec: {
          hostNetwork: true,
          nodeSelector: { 'kubernetes.io/arch': 'amd64' },
          containers: [{ name: 'c', image: 'x:1', ports: [{ containerPort: 9100, hostPort: 9100 }], resources: { requests: { cpu: '50m', memory: '64Mi' } } }],
        },
      },
    },
  },
};

/** Median and the nearest-rank 95th percentile (with 20 samples the 19th, not the maximum: one GC pause is not a p95). */
function stats(samples: number[]): { median: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.max(0, Math.ceil(s.length * 0.95) - 1)] };
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

/** Placement series of one DaemonSet, each keystroke on a fresh copy. */
function series(ds: any, inventory: Inventory, n = 100): { median: number; p95: number; result: ReturnType<typeof computePlacement> } {
  const samples: number[] = [];
  let result!: ReturnType<typeof computePlacement>;
  for (let i = 0; i < n; i++) {
    const copy = structuredClone(ds);
    const t0 = process.hrtime.bigint();
    result = computePlacement(copy, inventory);
    samples.push(ms(t0));
  }
  return { ...stats(samples), result };
}

/**
 * Keystrokes where every node gets an explanation of its own: the node exporter already running on
 * every node (an inventory with its pods), and its request typed larger than any node has free.
 */
function keystrokesThatExplainEveryNode(inventory: Inventory, summary: Record<string, unknown>): string[] {
  const exporter = daemonSets['node exporter (hostPort 9100, arch selector)'];
  const running = inventory.nodes.map((n, i) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `node-exporter-${i}`,
      namespace: 'monitoring',
      labels: { app: 'ne' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'node-exporter', controller: true }],
    },
    spec: { ...structuredClone(exporter.spec.template.spec), nodeName: n.metadata.name },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
  }));
  const deployed: Inventory = { ...inventory, name: 'bench-deployed.json', pods: [...inventory.pods, ...running] };
  computePlacement(exporter, deployed); // indexes the second inventory
  const big = structuredClone(exporter);
  big.spec.template.spec.containers[0].resources.requests.cpu = '9';
  const rows: string[] = [];
  for (const [name, ds, inv] of [
    ['already running on every node', exporter, deployed],
    ['requests more than any node has', big, inventory],
  ] as const) {
    const s = series(ds, inv);
    rows.push(
      `  node exporter ${name.padEnd(32)} median ${s.median.toFixed(1).padStart(6)} ms   p95 ${s.p95.toFixed(1).padStart(6)} ms   desired ${s.result.desired}, pending ${s.result.counts.pending}`,
    );
    summary[`node exporter ${name}`] = { medianMs: +s.median.toFixed(2), p95Ms: +s.p95.toFixed(2) };
  }
  return rows;
}

function main(): void {
  const gen = generate();
  const text = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [...gen.nodes, ...gen.pods] });
  gen.nodes.length = 0;
  gen.pods.length = 0;
  global.gc?.();
  const before = process.memoryUsage();
  let t0 = process.hrtime.bigint();
  const parsed = parseInventoryText(text, 'bench.json', { maxChars: text.length + 1 });
  const loadMs = ms(t0);
  const inventory: Inventory = { source: 'file', name: 'bench.json', nodes: parsed.nodes, pods: parsed.pods, messages: parsed.messages };
  const ds0 = Object.values(daemonSets)[0];
  t0 = process.hrtime.bigint();
  computePlacement(ds0, inventory);
  const firstMs = ms(t0);
  const rows: string[] = [];
  const summary: Record<string, unknown> = {
    nodes: inventory.nodes.length,
    pods: inventory.pods.length,
    textMB: +(text.length / 1024 / 1024).toFixed(1),
    loadMs: +loadMs.toFixed(0),
    firstPlacementMs: +firstMs.toFixed(0),
  };
  for (const [name, ds] of Object.entries(daemonSets)) {
    // A keystroke changes the template: a fresh object each time, as the editor would parse it.
    const s = series(ds, inventory);
    rows.push(
      `  ${name.padEnd(46)} median ${s.median.toFixed(1).padStart(6)} ms   p95 ${s.p95.toFixed(1).padStart(6)} ms   desired ${s.result.desired}, pending ${s.result.counts.pending}`,
    );
    summary[name] = { medianMs: +s.median.toFixed(2), p95Ms: +s.p95.toFixed(2) };
  }
  // A keystroke in the editor: the DaemonSet's diagnostics (every rule, placement among them) on a fresh parse.
  // The document was analysed once when it was opened (untimed; it also warms the rules up).
  analyzeText(stringify(ds0), { inventory });
  for (const [name, ds] of Object.entries(daemonSets)) {
    const text = stringify(ds);
    const samples: number[] = [];
    for (let i = 0; i < 40; i++) {
      const edited = text.replace(`name: ${ds.metadata.name}\n`, `name: ${ds.metadata.name}\n  labels: {edit: "${i}"}\n`);
      t0 = process.hrtime.bigint();
      analyzeText(edited, { inventory });
      samples.push(ms(t0));
    }
    const s = stats(samples);
    rows.push(`  diagnostics per keystroke: ${name.padEnd(28)} median ${s.median.toFixed(1).padStart(6)} ms   p95 ${s.p95.toFixed(1).padStart(6)} ms`);
    summary[`diagnostics: ${name}`] = { medianMs: +s.median.toFixed(2), p95Ms: +s.p95.toFixed(2) };
  }
  // Remedies for the node under the cursor or the one clicked: the first node each DaemonSet leaves out or Pending.
  for (const [name, ds] of Object.entries(daemonSets)) {
    const text = stringify(ds);
    const samples: number[] = [];
    let target = '';
    let found = 0;
    for (let i = 0; i < 40; i++) {
      const [view] = placementsOfText(text, inventory);
      const node = view.placement.nodes.find((n) => n.verdict !== 'runs');
      if (!node) break;
      target = node.name;
      t0 = process.hrtime.bigint();
      found = view.remedies({ nodes: new Set([node.name]) }).get(node.name)?.fixes.length ?? 0;
      samples.push(ms(t0));
    }
    if (samples.length === 0) continue;
    const s = stats(samples);
    rows.push(
      `  remedies for one node: ${name.padEnd(32)} median ${s.median.toFixed(1).padStart(6)} ms   p95 ${s.p95.toFixed(1).padStart(6)} ms   (${target}: ${found} proven)`,
    );
    summary[`remedies: ${name}`] = { medianMs: +s.median.toFixed(2), p95Ms: +s.p95.toFixed(2), node: target, proven: found };
  }
  t0 = process.hrtime.bigint();
  const hints = inventoryHints(inventory);
  const hintsMs = ms(t0);
  const doc = 'apiVersion: apps/v1\nkind: DaemonSet\nspec:\n  template:\n    spec:\n      nodeSelector:\n        topology.kubernetes.io/zone: \n';
  const completion: number[] = [];
  for (let i = 0; i < 200; i++) {
    t0 = process.hrtime.bigint();
    complete(doc, { line: 6, character: 37 }, { hints });
    completion.push(ms(t0));
  }
  const c = stats(completion);
  global.gc?.();
  const after = process.memoryUsage();
  rows.push(...keystrokesThatExplainEveryNode(inventory, summary));
  summary.hintsMs = +hintsMs.toFixed(1);
  summary.completionWithHints = { medianMs: +c.median.toFixed(3), p95Ms: +c.p95.toFixed(3) };
  summary.heapUsedMB = +((after.heapUsed - before.heapUsed) / 1024 / 1024).toFixed(0);
  summary.rssMB = +(after.rss / 1024 / 1024).toFixed(0);
  console.log(`\nPlacement at scale: ${inventory.nodes.length} nodes, ${inventory.pods.length} pods (${mb(text.length)} of JSON)`);
  console.log(`  load (parse the inventory file)                 ${loadMs.toFixed(0)} ms`);
  console.log(`  first placement (includes indexing pods by node) ${firstMs.toFixed(0)} ms`);
  rows.forEach((r) => console.log(r));
  console.log(`  inventory hints (labels/taints, once)          ${hintsMs.toFixed(1)} ms`);
  console.log(`  completion with inventory hints                median ${c.median.toFixed(2)} ms   p95 ${c.p95.toFixed(2)} ms`);
  console.log(`  memory: inventory heap ${mb(after.heapUsed - before.heapUsed)}, process rss ${mb(after.rss)}`);
  console.log(`BENCH_PLACEMENT ${JSON.stringify(summary)}`);
}

main();
