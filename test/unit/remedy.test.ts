/**
 * The remedy engine: for each kind of remedy, the edit is applied to the manifest, the placement
 * engine re-run on the edited text, and the target node must now run (or, for "exclude", have no
 * pod) while every other node keeps its verdict unless the remedy says otherwise.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Inventory, PlacementResult, Verdict } from '../../server/src/placement/types';
import type { Remedy } from '../../server/src/remedy';
import { placementsOfText } from '../../server/src/service';
import { sampleInventory } from '../../server/src/inventory/sample';
import { inventory, node, pod } from '../helpers/inventory';
import { daemonSet } from '../helpers/manifests';
import { applyEdits } from '../helpers/text';

function view(text: string, inv: Inventory) {
  const [v] = placementsOfText(text, inv);
  assert.ok(v, 'the text holds a placeable DaemonSet');
  return v;
}

function verdicts(p: PlacementResult): Record<string, Verdict> {
  return Object.fromEntries(p.nodes.map((n) => [n.name, n.verdict]));
}

/** The node's remedies, each checked the way the issue asks: applied, re-placed, the node runs, the rest as announced. */
function remediesOf(text: string, inv: Inventory, nodeName: string, opts: { exclusions?: boolean } = {}): { fixes: Remedy[]; advice: string[] } {
  const v = view(text, inv);
  const found = v.remedies(opts).get(nodeName) ?? { fixes: [], advice: [] };
  const before = verdicts(v.placement);
  for (const f of found.fixes) {
    const after = verdicts(view(applyEdits(text, f.edits), inv).placement);
    assert.equal(after[nodeName], f.verdict, `${f.title}: ${nodeName} is ${after[nodeName]}`);
    assert.equal(f.verdict, f.kind === 'exclude-node' ? 'excluded' : 'runs', f.title);
    const changed = Object.keys(after).filter((n) => n !== nodeName && after[n] !== before[n]);
    assert.deepEqual(changed.sort(), f.alsoChanges.map((c) => c.node).sort(), `${f.title}: the other nodes that change are the ones it names`);
  }
  return { fixes: found.fixes, advice: found.advice };
}

const agent = (pod: string, opts: Parameters<typeof daemonSet>[1] = {}) => daemonSet(pod, { namespace: 'monitoring', ...opts });
const CONTAINER = `      containers:
        - name: agent
          image: example/agent:1.0
          resources:
            requests: {cpu: 100m, memory: 64Mi}
`;

describe('taints', () => {
  const inv = inventory([
    node('cp-1', { labels: { 'node-role.kubernetes.io/control-plane': '' }, taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }),
    node('worker-1'),
    node('gone-1', { ready: 'Unknown', taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' }] }),
    node('arm-1', { labels: { 'kubernetes.io/arch': 'arm64' }, taints: [{ key: 'example.com/arm', value: 'true', effect: 'NoSchedule' }] }),
  ]);

  it('a toleration with a misspelled effect is fixed in place, preferred over adding a second one', () => {
    const text = agent(`      tolerations:
        - key: node-role.kubernetes.io/control-plane
          operator: Exists
          effect: NoSchedul
${CONTAINER}`);
    const { fixes } = remediesOf(text, inv, 'cp-1');
    assert.deepEqual(
      fixes.map((f) => [f.kind, f.title, f.preferred]),
      [
        ['fix-toleration', 'Fix toleration 1: effect `NoSchedul` → `NoSchedule`', true],
        ['tolerate-taint', 'Tolerate node-role.kubernetes.io/control-plane:NoSchedule', false],
      ],
    );
    assert.equal(applyEdits(text, fixes[0].edits), text.replace('effect: NoSchedul\n', 'effect: NoSchedule\n'));
  });

  it('a taint the DaemonSet does not tolerate: tolerate exactly it, and nothing else changes', () => {
    const text = agent(CONTAINER);
    const { fixes, advice } = remediesOf(text, inv, 'cp-1');
    assert.deepEqual(
      fixes.map((f) => f.title),
      ['Tolerate node-role.kubernetes.io/control-plane:NoSchedule'],
    );
    assert.deepEqual(fixes[0].alsoChanges, []);
    // Untainting a control-plane node is not advice for one DaemonSet.
    assert.deepEqual(advice, []);
  });

  it('two taints and no tolerations yet: one edit creates the list with both', () => {
    const two = inventory([
      node('ml-1', {
        taints: [
          { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' },
          { key: 'dedicated', value: 'ml-training', effect: 'NoSchedule' },
        ],
      }),
    ]);
    const text = agent(CONTAINER);
    const { fixes } = remediesOf(text, two, 'ml-1');
    assert.deepEqual(
      fixes.map((f) => [f.title, f.edits.length]),
      [['Tolerate nvidia.com/gpu:NoSchedule; Tolerate dedicated:NoSchedule', 1]],
    );
    assert.match(
      applyEdits(text, fixes[0].edits),
      /tolerations:\n {8}- key: nvidia\.com\/gpu\n {10}operator: Exists\n {10}effect: NoSchedule\n {8}- key: dedicated\n/,
    );
  });

  it('an unreachable node gets no fix, only the reason it needs none', () => {
    const { fixes, advice } = remediesOf(agent(CONTAINER), inv, 'gone-1');
    assert.deepEqual(fixes, []);
    assert.equal(advice.length, 1);
    assert.match(
      advice[0],
      /^gone-1 is unreachable \(the node controller set node\.kubernetes\.io\/unreachable:NoSchedule\): nothing to change in the manifest/,
    );
  });

  it('a node the nodeSelector leaves out anyway gets no toleration alone: only an edit that also selects it', () => {
    const text = agent(`      nodeSelector:
        disk: ssd
${CONTAINER}`);
    const ssd = inventory([
      node('a', { labels: { disk: 'ssd' } }),
      node('b', { labels: { disk: 'hdd' }, taints: [{ key: 'example.com/slow', effect: 'NoSchedule' }] }),
    ]);
    const { fixes, advice } = remediesOf(text, ssd, 'b');
    assert.ok(fixes.length > 0);
    for (const f of fixes) assert.ok(f.predicates.includes('NodeAffinity') && f.predicates.includes('TaintToleration'), f.title);
    assert.equal(fixes[0].title, 'Remove nodeSelector disk; Tolerate example.com/slow:NoSchedule');
    assert.ok(
      fixes.some(
        (f) =>
          f.title === 'Select disk=hdd in the nodeSelector; Tolerate example.com/slow:NoSchedule' &&
          f.alsoChanges.some((c) => c.node === 'a' && c.to === 'excluded'),
      ),
    );
    assert.deepEqual(advice, [
      'Or on the node: kubectl label nodes b disk=ssd --overwrite',
      'Or on the node: kubectl taint nodes b example.com/slow:NoSchedule-',
    ]);
  });
});

describe('node selection', () => {
  const inv = inventory([node('a', { labels: { zone: 'z1' } }), node('b', { labels: { zone: 'z2' } }), node('c', { labels: { zone: 'z3' } })]);
  const affinity = (op: string, values: string) =>
    agent(`      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions:
                  - key: zone
                    operator: ${op}
                    values: ${values}
${CONTAINER}`);

  it("In: add the node's value to the list (flow style kept)", () => {
    const text = affinity('In', '[z1]');
    const { fixes } = remediesOf(text, inv, 'b');
    assert.equal(fixes[0].title, 'Add z2 to the values of zone In');
    assert.ok(applyEdits(text, fixes[0].edits).includes('values: [z1, z2]'));
  });

  it("NotIn: take the node's value out", () => {
    const text = affinity('NotIn', '[z2, z3]');
    const { fixes } = remediesOf(text, inv, 'b');
    assert.equal(fixes[0].title, 'Take z2 out of the values of zone NotIn');
    assert.deepEqual(fixes[0].alsoChanges, []);
  });

  it('a nodeSelector on a kubelet label: select the value, never relabel the node; a Linux image is never sent to Windows', () => {
    const mixed = inventory([
      node('lin'),
      node('win', { labels: { 'kubernetes.io/os': 'windows' } }),
      node('arm', { labels: { 'kubernetes.io/arch': 'arm64' } }),
    ]);
    const text = agent(`      nodeSelector:
        kubernetes.io/os: linux
        kubernetes.io/arch: amd64
${CONTAINER}`);
    const win = remediesOf(text, mixed, 'win');
    assert.deepEqual(win.fixes, []);
    assert.deepEqual(win.advice, ['win runs windows and the DaemonSet selects linux: an image is built for one OS, so that node needs its own DaemonSet.']);
    const arm = remediesOf(text, mixed, 'arm');
    assert.equal(arm.fixes[0].title, 'Remove nodeSelector kubernetes.io/arch');
    assert.deepEqual(arm.advice, [], 'the kubelet sets kubernetes.io/arch: relabelling is no remedy');
  });

  it('exclude this node: a NotIn on its hostname leaves only it out', () => {
    const text = agent(CONTAINER);
    const { fixes } = remediesOf(text, inv, 'b', { exclusions: true });
    const exclude = fixes.find((f) => f.kind === 'exclude-node')!;
    assert.equal(exclude.title, 'Exclude node b (required affinity kubernetes.io/hostname NotIn)');
    assert.deepEqual(exclude.alsoChanges, []);
    // Twice: the second exclusion joins the first one's list.
    const once = applyEdits(text, exclude.edits);
    const again = remediesOf(once, inv, 'c', { exclusions: true }).fixes.find((f) => f.kind === 'exclude-node')!;
    assert.match(applyEdits(once, again.edits), /values:\n\s+- b\n\s+- c\n/);
  });
});

describe('Pending', () => {
  it('Insufficient cpu: lower the request to what the node has free; the reason names the numbers and the pods', () => {
    const inv = inventory(
      [node('small', { allocatable: { cpu: '1', memory: '8Gi', pods: '110' } }), node('big')],
      [pod('apps', 'web-1', 'small', { cpu: '700m' })],
    );
    const text = agent(CONTAINER.replace('cpu: 100m', 'cpu: 500m'));
    const v = view(text, inv);
    const small = v.placement.nodes.find((n) => n.name === 'small')!;
    assert.equal(small.verdict, 'pending');
    assert.equal(small.reasons[0].message, 'Insufficient cpu');
    assert.equal(small.reasons[0].detail, 'requests 500m; the node has 300m free of 1 allocatable (700m requested by apps/web-1 (700m))');
    const { fixes, advice } = remediesOf(text, inv, 'small');
    assert.equal(fixes[0].title, 'Lower the cpu request of container agent to 300m (what the node has free)');
    assert.ok(fixes.some((f) => f.kind === 'priority-class' && f.preempts?.[0]?.name === 'web-1'));
    assert.equal(advice[0], 'Or make room on small: 200m more cpu must be free (move or shrink the pods that request it).');
  });

  it('a host port another pod holds: move to a port free on every node; the reason names the holder', () => {
    const inv = inventory([node('a'), node('b')], [pod('ingress', 'nginx-1', 'a', { hostPort: 9100 }), pod('apps', 'x', 'b', { hostPort: 9101 })]);
    const text = agent(`      containers:
        - name: agent
          image: example/agent:1.0
          ports:
            - containerPort: 9100
              hostPort: 9100
`);
    const a = view(text, inv).placement.nodes.find((n) => n.name === 'a')!;
    assert.equal(a.reasons[0].detail, 'host port TCP/0.0.0.0:9100 is held by ingress/nginx-1');
    const { fixes } = remediesOf(text, inv, 'a');
    const move = fixes.find((f) => f.kind === 'free-host-port')!;
    assert.equal(move.title, 'Use host port 9102 instead of 9100, free on every node');
  });

  it('maxSurge with a host port: the new pod meets its own old pod; maxSurge 0 lets the old one go first', () => {
    const owner = { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: 'u1', controller: true };
    const inv = inventory([node('a')], [pod('monitoring', 'agent-old', 'a', { hostPort: 9100, labels: { app: 'agent' }, owner })]);
    const text = agent(
      `      containers:
        - name: agent
          image: example/agent:1.0
          ports:
            - containerPort: 9100
              hostPort: 9100
`,
      { spec: '  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 0\n' },
    );
    const { fixes } = remediesOf(text, inv, 'a');
    assert.equal(fixes[0].kind, 'drop-max-surge');
  });

  it('a node full of lower-priority pods: system-node-critical makes it run, naming the pods it preempts', () => {
    const inv = inventory([node('full', { allocatable: { cpu: '1', memory: '8Gi', pods: '110' } })], [pod('batch', 'job-1', 'full', { cpu: '950m' })]);
    const text = agent(CONTAINER);
    const { fixes } = remediesOf(text, inv, 'full');
    const prio = fixes.find((f) => f.kind === 'priority-class')!;
    assert.equal(prio.title, 'Set priorityClassName: system-node-critical');
    assert.deepEqual(prio.preempts, [{ namespace: 'batch', name: 'job-1' }]);
    const after = view(applyEdits(text, prio.edits), inv).placement.nodes[0];
    assert.deepEqual(after.preempts, [{ namespace: 'batch', name: 'job-1', priority: 0 }]);
  });
});

describe('pods the scheduler never takes, and pods in the way', () => {
  const inv = inventory([node('a'), node('b')]);

  it('scheduling gates: the pods stay SchedulingGated; removing the gates is the fix, and the advice says who removes them', () => {
    const text = agent(`      schedulingGates:
        - name: example.com/quota-check
${CONTAINER}`);
    const a = view(text, inv).placement.nodes.find((n) => n.name === 'a')!;
    assert.equal(a.verdict, 'pending');
    assert.equal(a.reasons[0].predicate, 'SchedulingGates');
    const { fixes, advice } = remediesOf(text, inv, 'a');
    assert.equal(fixes[0].title, 'Remove schedulingGates from the pod template');
    assert.deepEqual(fixes[0].alsoChanges, [{ node: 'b', from: 'pending', to: 'runs' }]);
    assert.match(advice[0], /^Scheduling gates are removed by the controller that added them/);
  });

  it('an unknown schedulerName: nothing schedules the pod; the default scheduler does once the field is gone', () => {
    const text = agent(`      schedulerName: my-scheduler
${CONTAINER}`);
    const a = view(text, inv).placement.nodes.find((n) => n.name === 'a')!;
    assert.equal(a.reasons[0].predicate, 'SchedulerName');
    const { fixes } = remediesOf(text, inv, 'a');
    assert.equal(fixes[0].title, 'Remove schedulerName from the pod template');
  });

  it("an existing pod's anti-affinity against the agent: a priority that preempts it is the proven fix", () => {
    const antiAgent = {
      affinity: {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'agent' } }, topologyKey: 'kubernetes.io/hostname' }],
        },
      },
    };
    const busy = inventory([node('a'), node('b')], [pod('monitoring', 'loner', 'a', { spec: antiAgent })]);
    const text = agent(CONTAINER);
    const a = view(text, busy).placement.nodes.find((n) => n.name === 'a')!;
    assert.equal(a.verdict, 'pending');
    assert.equal(a.reasons[0].message, "node(s) didn't satisfy existing pods anti-affinity rules");
    const { fixes } = remediesOf(text, busy, 'a');
    assert.equal(fixes[0].kind, 'priority-class');
    assert.deepEqual(fixes[0].preempts, [{ namespace: 'monitoring', name: 'loner' }]);
  });
});

describe('on the bundled sample', () => {
  it('every node the fluent-bit example leaves out is either cured by a proven edit or explained', () => {
    const text = daemonSet(CONTAINER, { namespace: 'logging' });
    const inv = sampleInventory();
    const v = view(text, inv);
    const remedies = v.remedies();
    for (const n of v.placement.nodes) {
      if (n.verdict === 'runs') continue;
      const r = remediesOf(text, inv, n.name);
      assert.ok(r.fixes.length > 0 || r.advice.length > 0, `${n.name} has neither a fix nor advice`);
      assert.deepEqual(
        remedies.get(n.name)?.fixes.map((f) => f.title),
        r.fixes.map((f) => f.title),
      );
    }
  });
});
