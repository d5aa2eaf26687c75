import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { applyFix, daemonSet, diagnostics, rangeText } from './rules-practice-helpers';
import { sharedPath } from '../helpers/paths';

const agent = `      containers:
        - name: agent
          image: example/agent:1.4.2
          resources:
            requests: {cpu: 10m, memory: 32Mi}
            limits: {memory: 32Mi}
          readinessProbe:
            httpGet: {path: /ready, port: 8080}
`;

test('host-network-dns-policy: a Service name in env makes it a warning with a preferred ClusterFirstWithHostNet fix', () => {
  const text = daemonSet(`      hostNetwork: true   # needs the node's interfaces
${agent}          env:
            - name: SINK
              value: "http://collector.monitoring.svc:4318"
`);
  const [d] = diagnostics(text, 'host-network-dns-policy');
  assert.equal(d.severity, 'warning');
  assert.equal(rangeText(text, d), 'hostNetwork');
  assert.match(d.message, /`collector\.monitoring\.svc` will not resolve/);
  assert.equal(d.fixes?.[0].isPreferred, true);
  const out = applyFix(text, 'host-network-dns-policy');
  assert.equal(parse(out).spec.template.spec.dnsPolicy, 'ClusterFirstWithHostNet');
});

test('host-network-dns-policy: without evidence it is a hint with two non-preferred fixes; explicit Default is respected', () => {
  const text = daemonSet(`      hostNetwork: true
      dnsPolicy: ClusterFirst
${agent}`);
  const [d] = diagnostics(text, 'host-network-dns-policy');
  assert.equal(d.severity, 'hint');
  assert.equal(rangeText(text, d), 'ClusterFirst');
  assert.match(d.message, /CNI agent/);
  assert.deepEqual(
    d.fixes?.map((f) => !!f.isPreferred),
    [false, false],
  );
  assert.equal(parse(applyFix(text, 'host-network-dns-policy', { fix: 'Default' })).spec.template.spec.dnsPolicy, 'Default');
  assert.equal(parse(applyFix(text, 'host-network-dns-policy', { fix: 'ClusterFirstWithHostNet' })).spec.template.spec.dnsPolicy, 'ClusterFirstWithHostNet');
  assert.deepEqual(diagnostics(text.replace('dnsPolicy: ClusterFirst', 'dnsPolicy: Default'), 'host-network-dns-policy'), []);
  assert.deepEqual(diagnostics(text.replace('hostNetwork: true', 'hostNetwork: false'), 'host-network-dns-policy'), []);
});

test('deprecated-master-taint: a master-only toleration gets the control-plane twin appended', () => {
  const text = daemonSet(`      tolerations:
        # run on control-plane nodes too
        - key: node-role.kubernetes.io/master
          effect: NoSchedule
      priorityClassName: system-node-critical
${agent}`);
  const [d] = diagnostics(text, 'deprecated-master-taint');
  assert.equal(d.severity, 'warning');
  assert.equal(rangeText(text, d), 'node-role.kubernetes.io/master');
  assert.match(d.message, /1\.25/);
  const out = applyFix(text, 'deprecated-master-taint');
  assert.deepEqual(parse(out).spec.template.spec.tolerations, [
    { key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' },
    { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
  ]);
  // Already covered by a twin or a wildcard: nothing to say.
  const wildcard = text.replace('      priorityClassName', '        - operator: Exists\n          effect: NoSchedule\n      priorityClassName');
  assert.deepEqual(diagnostics(wildcard, 'deprecated-master-taint'), []);
});

test('deprecated-master-taint: nodeSelector and In expressions are renamed, exclusions get a twin in the same term', () => {
  const selector = daemonSet(`      nodeSelector:
        node-role.kubernetes.io/master: ""
${agent}`);
  const [s] = diagnostics(selector, 'deprecated-master-taint');
  assert.equal(rangeText(selector, s), 'node-role.kubernetes.io/master');
  assert.match(s.message, /runs on no node/);
  assert.deepEqual(parse(applyFix(selector, 'deprecated-master-taint')).spec.template.spec.nodeSelector, { 'node-role.kubernetes.io/control-plane': '' });
  const affinity = daemonSet(`      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions:
                  - key: node-role.kubernetes.io/master
                    operator: DoesNotExist
${agent}`);
  const [a] = diagnostics(affinity, 'deprecated-master-taint');
  assert.match(a.message, /no longer keeps the DaemonSet off control-plane nodes/);
  const out = applyFix(affinity, 'deprecated-master-taint');
  assert.deepEqual(parse(out).spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions, [
    { key: 'node-role.kubernetes.io/master', operator: 'DoesNotExist' },
    { key: 'node-role.kubernetes.io/control-plane', operator: 'DoesNotExist' },
  ]);
  const selects = affinity.replace('operator: DoesNotExist', 'operator: Exists');
  const fixed = applyFix(selects, 'deprecated-master-taint');
  assert.match(fixed, /- key: node-role.kubernetes.io\/control-plane\n\s+operator: Exists/);
});

test('missing-priority-class: kube-system or tolerate-everything DaemonSets get a warning and system-node-critical', () => {
  const text = daemonSet(agent, { namespace: 'kube-system' });
  const [d] = diagnostics(text, 'missing-priority-class');
  assert.equal(d.severity, 'warning');
  assert.equal(rangeText(text, d), 'spec');
  assert.equal(d.path, 'spec.template.spec');
  assert.match(d.message, /lives in kube-system/);
  assert.equal(d.fixes?.[0].isPreferred, true);
  assert.equal(parse(applyFix(text, 'missing-priority-class')).spec.template.spec.priorityClassName, 'system-node-critical');
  const everywhere = daemonSet(
    `      tolerations:
        - operator: Exists
${agent}`,
    { namespace: 'logging' },
  );
  const [e] = diagnostics(everywhere, 'missing-priority-class');
  assert.match(e.message, /tolerates every taint/);
  assert.match(e.message, /ResourceQuota/);
  assert.equal(e.fixes?.[0].isPreferred, false);
  assert.deepEqual(diagnostics(daemonSet(agent, { namespace: 'apps' }), 'missing-priority-class'), []);
});

test('surge-with-host-port: maxSurge with a hostPort is a warning on maxSurge; the fix switches to maxUnavailable 1', () => {
  const text = daemonSet(
    `${agent}          ports:
            - containerPort: 9100
              hostPort: 9100
`,
    {
      spec: `  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: "10%"   # fast rollouts
      maxUnavailable: 0
`,
    },
  );
  const [d] = diagnostics(text, 'surge-with-host-port');
  assert.equal(d.severity, 'warning');
  assert.equal(rangeText(text, d), '"10%"');
  assert.match(d.message, /hostPort 9100/);
  assert.match(d.message, /stays Pending/);
  const out = applyFix(text, 'surge-with-host-port');
  assert.deepEqual(parse(out).spec.updateStrategy, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } });
  // hostNetwork makes every container port a host port.
  const hostNet = text
    .replace('              hostPort: 9100\n', '')
    .replace('      containers:', '      hostNetwork: true\n      dnsPolicy: Default\n      containers:');
  assert.match(diagnostics(hostNet, 'surge-with-host-port')[0].message, /port 9100 \(a host port, because the pod uses hostNetwork\)/);
  assert.deepEqual(diagnostics(text.replace('              hostPort: 9100\n', ''), 'surge-with-host-port'), []);
});

test('finite-toleration-seconds: names the evict/recreate loop, and the no-effect case of the controller-replaced tolerations', () => {
  const text = daemonSet(
    `      tolerations:
        - operator: Exists
          effect: NoExecute
          tolerationSeconds: 30
        - key: node.kubernetes.io/unreachable
          operator: Exists
          effect: NoExecute
          tolerationSeconds: 60   # evict after a minute
        - key: node.kubernetes.io/unreachable
          effect: NoExecute
          tolerationSeconds: 60
${agent}`,
    { namespace: 'apps' },
  );
  const ds = diagnostics(text, 'finite-toleration-seconds');
  assert.equal(ds.length, 3);
  assert.ok(ds.every((d) => d.severity === 'warning' && rangeText(text, d) === 'tolerationSeconds'));
  assert.match(ds[0].message, /evict\/recreate loop/);
  assert.match(ds[1].message, /has no effect: the DaemonSet controller replaces this toleration/);
  // An empty operator is not `Exists`: the controller appends its own instead of replacing this one.
  assert.match(ds[2].message, /evict\/recreate loop/);
  for (const index of [0, 1, 2]) {
    const out = applyFix(text, 'finite-toleration-seconds', { index });
    assert.equal(parse(out).spec.template.spec.tolerations[index].tolerationSeconds, undefined);
  }
});

test('finite-toleration-seconds names the cause of the reconstructed kubernetes#92960 case', () => {
  const file = sharedPath('corpus', 'broken', 'reconstructed', 'tolerationseconds-notready-ignored.yaml');
  const text = readFileSync(file, 'utf8');
  const ds = diagnostics(text, 'finite-toleration-seconds');
  assert.equal(ds.length, 2);
  assert.match(ds[0].message, /has no effect/);
  assert.match(ds[0].message, /node\.kubernetes\.io\/not-ready:NoExecute/);
  assert.match(ds[1].message, /node\.kubernetes\.io\/unreachable:NoExecute/);
  applyFix(text, 'finite-toleration-seconds');
});
