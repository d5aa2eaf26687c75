/**
 * Remedies through the built server over stdio, against the bundled sample (the default
 * inventory): the quick fixes of the placement diagnostics and the panel's remedies are the
 * engine's proven edits; applied as an editor would and sent back, the nodes run.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import type { PlacementAnswer } from '../../server/src/protocol';
import { applyEdits, LspClient } from '../helpers/lsp-client';
import { daemonSet } from '../helpers/manifests';

const POD = `      nodeSelector:
        kubernetes.io/os: linux
      containers:
        - name: agent
          image: registry.example.com/agent:1.0
          resources:
            requests: {cpu: 20m, memory: 32Mi}
`;

async function placement(client: LspClient, uri: string): Promise<PlacementAnswer> {
  const a = await client.request<PlacementAnswer | null>('daemonset/placement', { uri, position: { line: 1, character: 0 } });
  assert.ok(a?.daemonSet, 'a placement answer for the DaemonSet');
  return a;
}

const verdict = (a: PlacementAnswer, node: string) => a.daemonSet!.placement.nodes.find((n) => n.name === node)!.verdict;

describe('remedies over LSP', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { daemonset: { rules: {}, maxFileSizeMB: 5 } } });
  });
  after(() => client.kill());

  test('excluded-by-taint: the quick fix is the proven toleration; applied, the control-plane nodes run', async () => {
    const uri = 'file:///protocol/remedy-taint.yaml';
    const text = daemonSet(POD, { namespace: 'logging' });
    await client.open(uri, text);
    const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1, where: (ds) => ds.some((d) => d.code === 'excluded-by-taint') });
    const d = diagnostics.find((x) => x.code === 'excluded-by-taint') as Diagnostic;
    const actions = (await client.codeActions(uri, d.range, [d], ['quickfix'])) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Tolerate node-role.kubernetes.io/control-plane:NoSchedule (3 nodes run)'), titles.join(' | '));
    assert.ok(!titles.some((x) => x.includes('unreachable')), 'no toleration of the unreachable taint is offered');
    const fix = actions.find((a) => a.title.startsWith('Tolerate node-role.kubernetes.io/control-plane'))!;
    const fixed = applyEdits(text, fix.edit!.changes![uri] as TextEdit[]);
    await client.change(uri, fixed, 2);
    await client.waitForDiagnostics(uri, { version: 2 });
    const after2 = await placement(client, uri);
    for (const cp of ['cp-1', 'cp-2', 'cp-3']) assert.equal(verdict(after2, cp), 'runs');
  });

  test('the panel answer carries the fix of a misspelled toleration, for the version it was computed for', async () => {
    const uri = 'file:///protocol/remedy-misspelled.yaml';
    const text = daemonSet(
      `      tolerations:
        - key: node-role.kubernetes.io/control-plane
          operator: Exists
          effect: NoSchedul
${POD}`,
      { namespace: 'kube-system' },
    );
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, { version: 1 });
    const a = await placement(client, uri);
    assert.equal(a.version, 1);
    const cp = a.daemonSet!.placement.nodes.find((n) => n.name === 'cp-1')!;
    assert.equal(cp.verdict, 'excluded');
    const [first] = cp.reasons[0].fixes!;
    assert.equal(first.title, 'Fix toleration 1: effect `NoSchedul` → `NoSchedule` (3 nodes run)');
    assert.equal(first.preferred, true);
    const fixed = applyEdits(text, first.edits);
    assert.equal(fixed, text.replace('effect: NoSchedul\n', 'effect: NoSchedule\n'));
    await client.change(uri, fixed, 2);
    await client.waitForDiagnostics(uri, { version: 2 });
    const b = await placement(client, uri);
    assert.equal(b.version, 2);
    for (const n of ['cp-1', 'cp-2', 'cp-3']) assert.equal(verdict(b, n), 'runs');
    // An unreachable node: advice, no fix.
    const gone = b.daemonSet!.placement.nodes.find((n) => n.name === 'worker-a-2')!;
    assert.equal(gone.reasons[0].fixes, undefined);
    assert.match(gone.advice![0], /^worker-a-2 is unreachable/);
  });

  test('pending-pods: lowering the request to what the node has free, proven; the detail names the pods', async () => {
    const uri = 'file:///protocol/remedy-pending.yaml';
    const text = daemonSet(POD.replace('memory: 32Mi', 'memory: 256Mi'), { namespace: 'monitoring' });
    await client.open(uri, text);
    const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1, where: (ds) => ds.some((d) => d.code === 'pending-pods') });
    const d = diagnostics.find((x) => x.code === 'pending-pods') as Diagnostic;
    assert.match(
      d.message as string,
      /Insufficient memory\): worker-c-1\. On worker-c-1: requests 256Mi; the node has ~105Mi free .*shop\/checkout-api-5b7c9d8f46-78nxd \(12Gi\)/,
    );
    const actions = (await client.codeActions(uri, d.range, [d], ['quickfix'])) as CodeAction[];
    const lower = actions.find((a) => a.title.startsWith('Lower the memory request of container agent to '));
    assert.ok(lower, actions.map((a) => a.title).join(' | '));
    const preempt = actions.find((a) => a.title.startsWith('Set priorityClassName: system-node-critical (preempts '));
    assert.ok(preempt, actions.map((a) => a.title).join(' | '));
    const fixed = applyEdits(text, lower.edit!.changes![uri] as TextEdit[]);
    await client.change(uri, fixed, 2);
    const after2 = await client.waitForDiagnostics(uri, { version: 2 });
    assert.ok(!after2.diagnostics.some((x) => x.code === 'pending-pods'), 'no pod stays Pending');
    assert.equal(verdict(await placement(client, uri), 'worker-c-1'), 'runs');
  });
});
