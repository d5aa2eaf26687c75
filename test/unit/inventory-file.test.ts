import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { InventoryFileError, parseInventoryText } from '../../server/src/inventory/file';
import { loadInventoryFiles } from '../../server/src/inventory/file-reader';
import { sampleInventory } from '../../server/src/inventory/sample';
import { snapshotToFile } from '../../server/src/inventory/snapshot';
import { makeTempDir } from '../helpers/fake-apiserver';
import { sharedPath } from '../helpers/paths';

const corpusDir = sharedPath('corpus', 'nodes');
const corpusFiles = readdirSync(corpusDir)
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .sort();

function throwsFileError(fn: () => unknown, message: RegExp | string): InventoryFileError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof InventoryFileError, `expected InventoryFileError, got ${e}`);
    if (typeof message === 'string') assert.equal(e.message, message);
    else assert.match(e.message, message);
    return e;
  }
  assert.fail('expected an InventoryFileError');
}

const node = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: { 'kubernetes.io/os': 'linux' } },
  ...extra,
});
const pod = (name: string, nodeName: string | undefined, phase = 'Running') => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: { ...(nodeName ? { nodeName } : {}), containers: [{ name: 'c', image: 'busybox' }] },
  status: { phase },
});

describe('inventory files: the recorded real nodes', () => {
  it('finds the 13 corpus files', () => {
    assert.equal(corpusFiles.length, 13);
  });

  for (const file of corpusFiles) {
    it(`parses ${file}`, () => {
      const text = readFileSync(path.join(corpusDir, file), 'utf8');
      const parsed = parseInventoryText(text, file);
      const expected = file.startsWith('popeye--') ? 5 : 1;
      assert.equal(parsed.nodes.length, expected);
      assert.deepEqual(parsed.pods, []);
      for (const n of parsed.nodes) {
        assert.equal(n.kind, 'Node');
        assert.equal(typeof n.metadata.name, 'string');
      }
      if (file.startsWith('openshift-')) {
        // The insights archive drops kind/apiVersion; the shape (nodeInfo, /nodes/ selfLink) says Node.
        assert.equal(parsed.messages.length, 1);
        assert.match(parsed.messages[0], new RegExp(`^${file.replace(/\./g, '\\.')}: the object has no kind; read as a Node \\(`));
        assert.equal(parsed.nodes[0].apiVersion, 'v1');
      } else {
        assert.deepEqual(parsed.messages, []);
      }
    });
  }

  it('keeps what placement reads: taints, unschedulable, labels, allocatable (popeye kind cluster)', () => {
    const file = 'popeye--kind-arm64-mixed-nodelist.yaml';
    const { nodes } = parseInventoryText(readFileSync(path.join(corpusDir, file), 'utf8'), file);
    const cordoned = nodes.filter((n) => n.spec?.unschedulable === true);
    assert.equal(cordoned.length, 1);
    assert.ok(nodes.some((n) => n.spec?.taints?.length));
    // The fixture's n5 has a tiny allocatable, n3 none at all (edited dump): both kept as they are.
    assert.equal(nodes.find((n) => n.metadata.name === 'n5').status.allocatable.cpu, '100m');
    assert.equal(nodes.find((n) => n.metadata.name === 'n3').status?.allocatable, undefined);
  });

  it('reads all corpus files together into 17 nodes', async () => {
    const inv = await loadInventoryFiles(corpusFiles.map((f) => path.join(corpusDir, f)));
    assert.equal(inv.source, 'file');
    assert.equal(inv.nodes.length, 17);
    assert.ok(inv.fetchedAt);
  });
});

describe('inventory files: shapes kubectl prints', () => {
  it('JSON NodeList as the API returns it (items without kind)', () => {
    const text = JSON.stringify(
      { kind: 'NodeList', apiVersion: 'v1', metadata: { resourceVersion: '12' }, items: [{ metadata: { name: 'a' } }, { metadata: { name: 'b' } }] },
      null,
      2,
    );
    const parsed = parseInventoryText(text, 'nodes.json');
    assert.deepEqual(
      parsed.nodes.map((n) => [n.kind, n.metadata.name]),
      [
        ['Node', 'a'],
        ['Node', 'b'],
      ],
    );
    assert.deepEqual(parsed.messages, []);
  });

  it('one List holding Nodes and Pods; terminated and unbound pods skipped with a message', () => {
    const text = JSON.stringify({
      apiVersion: 'v1',
      kind: 'List',
      items: [node('a'), pod('p1', 'a'), pod('done', 'a', 'Succeeded'), pod('oops', 'a', 'Failed'), pod('waiting', undefined, 'Pending')],
    });
    const parsed = parseInventoryText(text, 'all.json');
    assert.equal(parsed.nodes.length, 1);
    assert.deepEqual(
      parsed.pods.map((p) => p.metadata.name),
      ['p1'],
    );
    assert.deepEqual(parsed.messages, [
      'all.json: skipped 2 terminated pods (phase Succeeded/Failed)',
      'all.json: skipped 1 pod not bound to a node (no spec.nodeName)',
    ]);
  });

  it('multi-document YAML: other kinds are a message, not an error', () => {
    const text = [
      '',
      'apiVersion: v1\nkind: Node\nmetadata:\n  name: a\nspec:\n  taints:\n  - key: k\n    effect: NoSchedule',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: x\nspec:\n  nodeName: a\n  containers: []\nstatus:\n  phase: Running',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d',
      '',
    ].join('\n---\n');
    const parsed = parseInventoryText(text, 'mixed.yaml');
    assert.equal(parsed.nodes.length, 1);
    assert.deepEqual(parsed.nodes[0].spec.taints, [{ key: 'k', effect: 'NoSchedule' }]);
    assert.equal(parsed.pods.length, 1);
    assert.deepEqual(parsed.messages, ['mixed.yaml: document 3 is a Deployment, not a Node, Pod or PriorityClass; skipped']);
    assert.equal(parsed.priorityClasses, undefined, 'no PriorityClass in the text: which classes exist is unknown');
  });

  it('PriorityClasses beside Nodes and Pods: kept, not skipped; a PriorityClassList says which exist even when empty', () => {
    const text = [
      'apiVersion: v1\nkind: Node\nmetadata:\n  name: a',
      'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: high\nvalue: 100000\npreemptionPolicy: Never',
      'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: broken\nvalue: high',
    ].join('\n---\n');
    const parsed = parseInventoryText(text, 'with-classes.yaml');
    assert.equal(parsed.nodes.length, 1);
    assert.deepEqual(
      parsed.priorityClasses?.map((pc) => [pc.metadata.name, pc.value, pc.preemptionPolicy]),
      [['high', 100000, 'Never']],
    );
    assert.deepEqual(parsed.messages, ['with-classes.yaml: document 3 is a PriorityClass (broken) without an integer value; skipped']);
    // `kubectl get priorityclasses -o json` as the API answers it: items without kind.
    const list = parseInventoryText(
      JSON.stringify({
        apiVersion: 'scheduling.k8s.io/v1',
        kind: 'PriorityClassList',
        items: [{ metadata: { name: 'batch' }, value: 10, globalDefault: true }],
      }),
      'classes.json',
    );
    assert.deepEqual(list.priorityClasses, [
      { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'batch' }, value: 10, globalDefault: true },
    ]);
    assert.deepEqual(list.messages, []);
    assert.deepEqual(parseInventoryText('{"apiVersion":"scheduling.k8s.io/v1","kind":"PriorityClassList","items":[]}', 'none.json').priorityClasses, []);
  });

  it('names the list item that is not a Node/Pod', () => {
    const text =
      'apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Node, metadata: {name: a}}\n- {apiVersion: v1, kind: Node, metadata: {name: b}}\n- {apiVersion: apps/v1, kind: Deployment, metadata: {name: d}}\n- {apiVersion: v1, kind: Node, metadata: {}}\n';
    const parsed = parseInventoryText(text, 'list.yaml');
    assert.deepEqual(
      parsed.nodes.map((n) => n.metadata.name),
      ['a', 'b'],
    );
    assert.deepEqual(parsed.messages, [
      'list.yaml: item 3 is a Deployment, not a Node, Pod or PriorityClass; skipped',
      'list.yaml: item 4 is a Node without metadata.name; skipped',
    ]);
  });

  it('YAML flow style that starts with a brace is still YAML', () => {
    const parsed = parseInventoryText('{kind: Node, apiVersion: v1, metadata: {name: flow}}', 'flow.yaml');
    assert.equal(parsed.nodes[0].metadata.name, 'flow');
  });
});

describe('inventory files: malformed input', () => {
  it('a YAML syntax error names file, line and column', () => {
    const e = throwsFileError(
      () => parseInventoryText('apiVersion: v1\nkind: Node\nmetadata:\n  name: a\n   labels: x\n', 'bad.yaml'),
      /^bad\.yaml:4:9: YAML error: Nested mappings are not allowed in compact mappings$/,
    );
    assert.equal(e.line, 4);
  });

  it('a JSON syntax error names file, line and column', () => {
    const e = throwsFileError(
      () => parseInventoryText('{\n  "kind": "NodeList",\n  "items": [\n    {"metadata": {"name": "a"}},,\n  ]\n}', 'bad.json'),
      /^bad\.json:4:33: JSON error: Unexpected token ','/,
    );
    assert.equal(e.line, 4);
  });

  it('truncated JSON', () => {
    throwsFileError(() => parseInventoryText('{"kind":"NodeList","items":[{"metadata":', 'cut.json'), /^cut\.json:1:\d+: JSON error: /);
  });

  it('no Node objects: says what was found instead', () => {
    throwsFileError(
      () => parseInventoryText('kind: Deployment\nmetadata: {name: a}\n---\nkind: Deployment\nmetadata: {name: b}\n', 'deploys.yaml'),
      'deploys.yaml: no Node objects found in deploys.yaml (found: 2 Deployment)',
    );
    throwsFileError(() => parseInventoryText('', 'empty.yaml'), 'empty.yaml: no Node objects found in empty.yaml (the file is empty)');
    throwsFileError(() => parseInventoryText('# nothing yet\n---\n', 'blank.yaml'), 'blank.yaml: no Node objects found in blank.yaml (the file is empty)');
    throwsFileError(() => parseInventoryText('{"kind":"NodeList","items":[]}', 'none.json'), 'none.json: no Node objects found in none.json');
  });

  it('an alias bomb is refused', () => {
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const t0 = Date.now();
    throwsFileError(() => parseInventoryText(bomb.join('\n') + '\nkind: Node\nmetadata: {name: x}\n', 'bomb.yaml'), /^bomb\.yaml: YAML error: .*alias/i);
    assert.ok(Date.now() - t0 < 2000);
  });

  it('a text over the size limit is refused before parsing', () => {
    throwsFileError(() => parseInventoryText('x'.repeat(2048), 'big.yaml', { maxChars: 1024 }), 'big.yaml: file is too large (2 KiB; the limit is 1 KiB)');
  });
});

describe('inventory files: reading from disk', () => {
  const tmp = makeTempDir();
  after(() => tmp.cleanup());

  it('a nodes file and a separate pods file make one inventory; orphan pods are dropped', async () => {
    const nodesFile = path.join(tmp.dir, 'nodes.yaml');
    const podsFile = path.join(tmp.dir, 'pods.json');
    writeFileSync(nodesFile, 'apiVersion: v1\nkind: NodeList\nitems:\n- metadata: {name: a}\n- metadata: {name: b}\n');
    writeFileSync(
      podsFile,
      JSON.stringify({ kind: 'PodList', apiVersion: 'v1', items: [pod('on-a', 'a'), pod('on-b', 'b'), pod('elsewhere', 'zz')].map(({ kind: _k, ...p }) => p) }),
    );
    const inv = await loadInventoryFiles([nodesFile, podsFile]);
    assert.equal(inv.name, 'nodes.yaml + pods.json');
    assert.deepEqual(
      inv.nodes.map((n) => n.metadata.name),
      ['a', 'b'],
    );
    assert.deepEqual(inv.pods.map((p) => p.metadata.name).sort(), ['on-a', 'on-b']);
    assert.deepEqual(inv.messages, ['1 pod bound to nodes not in the inventory; ignored']);
    assert.equal(inv.stale, undefined);
  });

  it('later files win for the same node, and say so', async () => {
    const f1 = path.join(tmp.dir, 'old.yaml');
    const f2 = path.join(tmp.dir, 'new.yaml');
    writeFileSync(f1, 'kind: Node\napiVersion: v1\nmetadata: {name: a, labels: {v: old}}\n');
    writeFileSync(f2, 'kind: Node\napiVersion: v1\nmetadata: {name: a, labels: {v: new}}\n');
    const inv = await loadInventoryFiles([f1, f2]);
    assert.equal(inv.nodes.length, 1);
    assert.equal(inv.nodes[0].metadata.labels.v, 'new');
    assert.deepEqual(inv.messages, ['new.yaml: Node a appears more than once; using the last one']);
  });

  it('a PriorityClass file beside the nodes: merged like pods (the later file wins), carried into the inventory', async () => {
    const nodesFile = path.join(tmp.dir, 'pc-nodes.yaml');
    const old = path.join(tmp.dir, 'pc-old.yaml');
    const newer = path.join(tmp.dir, 'pc-new.yaml');
    writeFileSync(nodesFile, 'apiVersion: v1\nkind: Node\nmetadata: {name: a}\n');
    writeFileSync(old, 'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: agents}\nvalue: 1000\n');
    writeFileSync(
      newer,
      'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClassList\nitems:\n- {metadata: {name: agents}, value: 5000}\n- {metadata: {name: batch}, value: -10}\n',
    );
    const inv = await loadInventoryFiles([nodesFile, old, newer]);
    assert.deepEqual(
      inv.priorityClasses?.map((pc) => [pc.metadata.name, pc.value]),
      [
        ['agents', 5000],
        ['batch', -10],
      ],
    );
    assert.deepEqual(inv.messages, []);
    // A snapshot keeps them.
    const f = path.join(tmp.dir, 'pc-snapshot.yaml');
    writeFileSync(f, snapshotToFile(inv));
    const back = await loadInventoryFiles([f]);
    assert.deepEqual(back.priorityClasses, inv.priorityClasses);
    assert.equal((await loadInventoryFiles([nodesFile])).priorityClasses, undefined);
  });

  it('a pods-only selection has no nodes: clear error', async () => {
    const f = path.join(tmp.dir, 'only-pods.yaml');
    writeFileSync(f, 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {nodeName: a, containers: []}\n');
    await assert.rejects(loadInventoryFiles([f]), { name: 'InventoryFileError', message: 'only-pods.yaml: no Node objects found in only-pods.yaml' });
  });

  it('missing file, directory, oversized file', async () => {
    await assert.rejects(loadInventoryFiles([path.join(tmp.dir, 'missing.yaml')]), { message: `${path.join(tmp.dir, 'missing.yaml')}: file not found` });
    await assert.rejects(loadInventoryFiles([tmp.dir]), { message: `${tmp.dir}: not a regular file (a directory)` });
    const big = path.join(tmp.dir, 'big.yaml');
    writeFileSync(big, 'x'.repeat(3 * 1024 * 1024));
    await assert.rejects(loadInventoryFiles([big], { maxBytes: 1024 * 1024 }), { message: `${big}: file is too large (3.0 MiB; the limit is 1.0 MiB)` });
  });

  it('a snapshot of the sample written to disk reads back identically', async () => {
    const sample = sampleInventory();
    const f = path.join(tmp.dir, 'snapshot.yaml');
    writeFileSync(f, snapshotToFile(sample));
    const inv = await loadInventoryFiles([f]);
    assert.deepEqual(inv.nodes, sample.nodes);
    assert.deepEqual(inv.pods, sample.pods);
    assert.deepEqual(inv.messages, []);
  });
});

describe('bounded reads', () => {
  it('a file whose size lies (procfs says 0 bytes) is still read with the bound: at most bound + 1 bytes, then refused', async () => {
    const { readFileBounded, readFileBoundedSync } = await import('../../server/src/inventory/bounded-read');
    const maps = '/proc/self/maps';
    assert.throws(() => readFileBoundedSync(maps, { maxBytes: 64 }), {
      message: `${maps}: file is too large (it grew past the limit of 64 bytes while being read)`,
    });
    await assert.rejects(readFileBounded(maps, { maxBytes: 64 }), {
      message: `${maps}: file is too large (it grew past the limit of 64 bytes while being read)`,
    });
    assert.ok(readFileBoundedSync(maps, { maxBytes: 1024 * 1024 }).bytes.length > 64, 'within the bound it is read whole');
  });
});
