/** daemonset-check with an inventory: the JSON contract, the text table, and inventory errors. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../helpers/paths';
import { applyEdits } from '../helpers/text';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: repoRoot, encoding: 'utf8' });
const example = path.join('examples', 'daemonsets', 'fluent-bit.yaml');

test('--sample --format json adds a placement per DaemonSet in the documented shape', () => {
  const r = run('--sample', '--format', 'json', example);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.version, 1);
  const [file] = out.files;
  assert.equal(file.path, example);
  assert.ok(Array.isArray(file.diagnostics));
  const [ds] = file.daemonsets;
  assert.equal(ds.name, 'fluent-bit');
  assert.equal(ds.namespace, 'logging');
  assert.deepEqual(ds.range.start, { line: 1, character: 0 });
  assert.deepEqual(ds.placement.inventory, { source: 'sample', name: 'sample cluster', nodes: 15 });
  assert.equal(ds.placement.desired, 9);
  assert.equal(ds.placement.nodes.length, 15);
  const OPTIONAL_REASON_KEYS = ['code', 'taint', 'resource', 'ports', 'pods', 'detail', 'fixes'];
  for (const n of ds.placement.nodes) {
    assert.deepEqual(
      Object.keys(n)
        .filter((k) => k !== 'advice' && k !== 'laterReasons')
        .sort(),
      ['existingPod', 'name', 'reasons', 'verdict'],
    );
    assert.ok(['runs', 'excluded', 'pending'].includes(n.verdict));
    assert.ok(['none', 'kept', 'evicted'].includes(n.existingPod));
    for (const reason of n.reasons) {
      assert.deepEqual(
        Object.keys(reason)
          .filter((k) => !OPTIONAL_REASON_KEYS.includes(k))
          .sort(),
        ['message', 'predicate', 'range'],
      );
      assert.equal(reason.predicate === 'TaintToleration', 'taint' in reason, 'a taint reason names its taint, and only it does');
      for (const fix of reason.fixes ?? []) {
        assert.equal(typeof fix.title, 'string');
        assert.ok(fix.edits.length > 0 && fix.edits.every((e: any) => e.range.start.line >= 0 && typeof e.newText === 'string'));
      }
    }
  }
  const gpu = ds.placement.nodes.find((n: any) => n.name === 'gpu-a-1');
  const [reason] = gpu.reasons;
  assert.equal(gpu.reasons.length, 1);
  assert.deepEqual(
    { predicate: reason.predicate, message: reason.message, code: reason.code, taint: reason.taint, detail: reason.detail },
    {
      predicate: 'TaintToleration',
      message: 'node(s) had untolerated taint(s)',
      code: 'UnschedulableAndUnresolvable',
      taint: { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' },
      detail: 'untolerated taint nvidia.com/gpu=present:NoSchedule; no new pod is created; an existing daemon pod would keep running (NoSchedule)',
    },
  );
  // The range is the manifest's tolerations list, where a toleration goes.
  const text = readFileSync(path.join(repoRoot, example), 'utf8');
  assert.match(text.split('\n')[reason.range.start.line], /^\s+tolerations:/);
  assert.deepEqual(gpu.advice, ['Or on the node: kubectl taint nodes gpu-a-1 nvidia.com/gpu:NoSchedule-']);
  // The fix is proven: applied to the file, the checker now runs the pod on both GPU nodes and on nothing else new.
  const [fix] = reason.fixes;
  assert.equal(fix.title, 'Tolerate nvidia.com/gpu:NoSchedule (2 nodes run)');
  assert.equal(fix.preferred, true);
  const dir = mkdtempSync(path.join(tmpdir(), 'ds-cli-'));
  const fixed = path.join(dir, 'fixed.yaml');
  writeFileSync(fixed, applyEdits(text, fix.edits));
  const after = JSON.parse(run('--sample', '--format', 'json', fixed).stdout).files[0].daemonsets[0].placement;
  const verdicts = (p: any) => Object.fromEntries(p.nodes.map((n: any) => [n.name, n.verdict]));
  assert.deepEqual(verdicts(after), { ...verdicts(ds.placement), 'gpu-a-1': 'runs', 'gpu-b-1': 'runs' });
  // An unreachable node gets no fix, only the explanation.
  const unreachable = ds.placement.nodes.find((n: any) => n.name === 'worker-a-2');
  assert.equal(unreachable.reasons[0].fixes, undefined);
  assert.match(unreachable.advice[0], /^worker-a-2 is unreachable .*nothing to change in the manifest/);
});

test('the text output has a kubectl-like table per DaemonSet', () => {
  const r = run('--sample', example);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /logging\/fluent-bit on the sample cluster \(15 nodes\): DESIRED 9/);
  assert.match(r.stdout, /win-a-1\s+excluded\s+NodeAffinity: node\(s\) didn't match Pod's node affinity\/selector/);
  // Under the table: the proven edits with the nodes they make run, and why nothing helps the others.
  assert.match(
    r.stdout,
    /Edits proven to make nodes run \(re-checked on this inventory\):\n {4}- Tolerate edge\.example\.com\/remote:NoSchedule: edge-berlin-1, edge-munich-1\n/,
  );
  assert.match(r.stdout, /\n {4}- Tolerate nvidia\.com\/gpu:NoSchedule: gpu-a-1, gpu-b-1\n/);
  assert.match(r.stdout, /\n {2}win-a-1: win-a-1 runs windows and the DaemonSet selects linux/);
  assert.doesNotMatch(r.stdout, /kubernetes\.io\/os=windows|Remove nodeSelector kubernetes\.io\/os/, 'never proposes running a Linux image on Windows');
  assert.match(r.stdout, /\n {2}worker-a-2: worker-a-2 is unreachable/);
});

test('an inventory file is used as given; a malformed one is named in a clear error (exit 2)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ds-cli-'));
  const good = path.join(dir, 'nodes.yaml');
  writeFileSync(
    good,
    'apiVersion: v1\nkind: NodeList\nitems:\n  - metadata: {name: only-node, labels: {kubernetes.io/os: linux}}\n    status: {allocatable: {cpu: "2", memory: 4Gi, pods: "110"}}\n',
  );
  const r = run('--inventory', good, '--format', 'json', example);
  assert.equal(r.status, 0, r.stderr);
  const ds = JSON.parse(r.stdout).files[0].daemonsets[0];
  assert.deepEqual(ds.placement.inventory, { source: 'file', name: 'nodes.yaml', nodes: 1 });
  assert.equal(ds.placement.nodes[0].verdict, 'runs');

  const bad = path.join(dir, 'broken.yaml');
  writeFileSync(bad, 'kind: NodeList\nitems: [\n');
  const e = run('--inventory', bad, example);
  assert.equal(e.status, 2);
  assert.match(e.stderr, /broken\.yaml/);
  assert.equal(run('--inventory', path.join(dir, 'missing.yaml'), example).status, 2);
  assert.equal(run('--sample', '--context', 'x', example).status, 2, 'one inventory at a time');
});

test('a node won only by preempting other pods reads `runs (preempts ns/name)`; the JSON verdict stays runs with the victims', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ds-cli-'));
  const file = path.join(dir, 'exporter.yaml');
  writeFileSync(
    file,
    [
      'apiVersion: apps/v1',
      'kind: DaemonSet',
      'metadata: {name: exporter, namespace: monitoring}',
      'spec:',
      '  selector: {matchLabels: {app: exporter}}',
      '  template:',
      '    metadata: {labels: {app: exporter}}',
      '    spec:',
      '      priorityClassName: system-node-critical',
      '      nodeSelector: {kubernetes.io/os: linux}',
      '      containers:',
      '        - name: e',
      '          image: prom/node-exporter:v1.8.0',
      '          ports: [{containerPort: 9100, hostPort: 9100}]',
      '',
    ].join('\n'),
  );
  const text = run('--sample', file);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /— runs \d+ \(\d+ by preempting other pods\), pending 0, excluded \d+/);
  assert.match(
    text.stdout,
    /worker-a-1\s+runs \(preempts monitoring\/node-exporter-rhxwp\)\s+NodePorts: node\(s\) didn't have free ports for the requested pod ports/,
  );
  assert.match(text.stdout, /\n {2}arm-a-1\s+runs \(preempts monitoring\/node-exporter-rcg4c\)/);

  const json = run('--sample', '--format', 'json', file);
  assert.equal(json.status, 0, json.stderr);
  const placement = JSON.parse(json.stdout).files[0].daemonsets[0].placement;
  const worker = placement.nodes.find((n: any) => n.name === 'worker-a-1');
  assert.equal(worker.verdict, 'runs');
  assert.deepEqual(worker.reasons, []);
  assert.deepEqual(worker.preempts, [{ namespace: 'monitoring', name: 'node-exporter-rhxwp', priority: 0 }]);
  assert.equal(worker.preemptedReasons[0].predicate, 'NodePorts');
  assert.match(worker.preemptedReasons[0].detail, /^host port TCP\/0\.0\.0\.0:9100 is held by monitoring\/node-exporter-rhxwp; resolved by preempting/);
  assert.equal(placement.preempting, placement.nodes.filter((n: any) => n.preempts).length);
  assert.ok(placement.preempting >= 5, String(placement.preempting));
  assert.equal(placement.nodes.find((n: any) => n.name === 'cp-1').preempts, undefined, 'a node with room is not a preemption node');
});
