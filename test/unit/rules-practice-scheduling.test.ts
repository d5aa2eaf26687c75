import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ruleTester, type ExpectedReport } from '../helpers/rule-tester';
import { applyFix, daemonSet, diagnostics } from './rules-practice-helpers';
import { sharedPath } from '../helpers/paths';
import { inventory, node, pod } from '../helpers/inventory';
import { loadInventoryFiles } from '../../server/src/inventory/file-reader';
import { sampleInventory } from '../../server/src/inventory/sample';
import type { Inventory } from '../../server/src/placement/types';
import { createLanguageService } from '../../server/src/service';

const agent = `      containers:
        - name: agent
          image: example/agent:1.4.2
          resources:
            requests: {cpu: 10m, memory: 32Mi}
            limits: {memory: 32Mi}
          readinessProbe:
            httpGet: {path: /ready, port: 8080}
`;

// host-network-dns-policy

const sinkEnv = `          env:
            - name: SINK
              value: "http://collector.monitoring.svc:4318"
`;
const serviceInEnv = daemonSet(`      hostNetwork: true   # needs the node's interfaces
${agent}${sinkEnv}`);
const clusterFirst = daemonSet(`      hostNetwork: true
      dnsPolicy: ClusterFirst
${agent}`);

ruleTester('host-network-dns-policy', {
  valid: [
    { name: 'an explicit dnsPolicy: Default is respected', code: clusterFirst.replace('dnsPolicy: ClusterFirst', 'dnsPolicy: Default') },
    { name: 'hostNetwork: false', code: clusterFirst.replace('hostNetwork: true', 'hostNetwork: false') },
  ],
  invalid: [
    {
      name: 'a Service name in env makes it a warning on hostNetwork; the fix sets ClusterFirstWithHostNet',
      code: serviceInEnv,
      errors: [{ severity: 'warning', range: 'hostNetwork', message: /`collector\.monitoring\.svc` will not resolve/ }],
      output: daemonSet(`      hostNetwork: true   # needs the node's interfaces
${agent}${sinkEnv}      dnsPolicy: ClusterFirstWithHostNet
`),
    },
    {
      name: 'without evidence it is a hint on ClusterFirst; the Default fix',
      code: clusterFirst,
      errors: [{ severity: 'hint', range: 'ClusterFirst', message: /CNI agent/ }],
      fix: 'Default',
      output: daemonSet(`      hostNetwork: true
      dnsPolicy: Default
${agent}`),
    },
    {
      name: 'without evidence it is a hint on ClusterFirst; the ClusterFirstWithHostNet fix',
      code: clusterFirst,
      errors: [{ severity: 'hint', range: 'ClusterFirst', message: /CNI agent/ }],
      fix: 'ClusterFirstWithHostNet',
      output: daemonSet(`      hostNetwork: true
      dnsPolicy: ClusterFirstWithHostNet
${agent}`),
    },
  ],
});

test('host-network-dns-policy: with a Service name in env the ClusterFirstWithHostNet fix is preferred', () => {
  const [d] = diagnostics(serviceInEnv, 'host-network-dns-policy');
  assert.equal(d.fixes?.[0].isPreferred, true);
  const out = applyFix(serviceInEnv, 'host-network-dns-policy');
  assert.equal(parse(out).spec.template.spec.dnsPolicy, 'ClusterFirstWithHostNet');
});

test('host-network-dns-policy: without evidence, two non-preferred fixes', () => {
  const [d] = diagnostics(clusterFirst, 'host-network-dns-policy');
  assert.deepEqual(
    d.fixes?.map((f) => !!f.isPreferred),
    [false, false],
  );
  assert.equal(parse(applyFix(clusterFirst, 'host-network-dns-policy', { fix: 'Default' })).spec.template.spec.dnsPolicy, 'Default');
  assert.equal(
    parse(applyFix(clusterFirst, 'host-network-dns-policy', { fix: 'ClusterFirstWithHostNet' })).spec.template.spec.dnsPolicy,
    'ClusterFirstWithHostNet',
  );
});

// deprecated-master-taint

const masterToleration = daemonSet(`      tolerations:
        # run on control-plane nodes too
        - key: node-role.kubernetes.io/master
          effect: NoSchedule
      priorityClassName: system-node-critical
${agent}`);
const masterSelector = daemonSet(`      nodeSelector:
        node-role.kubernetes.io/master: ""
${agent}`);
const affinityTerm = (operator: string, twin = '') =>
  daemonSet(`      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions:
                  - key: node-role.kubernetes.io/master
                    operator: ${operator}
${twin}${agent}`);
const masterExcluded = affinityTerm('DoesNotExist');
const masterSelected = affinityTerm('Exists');

ruleTester('deprecated-master-taint', {
  valid: [
    {
      name: 'a master toleration already covered by a wildcard',
      code: masterToleration.replace('      priorityClassName', '        - operator: Exists\n          effect: NoSchedule\n      priorityClassName'),
    },
  ],
  invalid: [
    {
      name: 'a master-only toleration gets the control-plane twin appended',
      code: masterToleration,
      errors: [{ severity: 'warning', range: 'node-role.kubernetes.io/master', message: /1\.25/ }],
      output: daemonSet(`      tolerations:
        # run on control-plane nodes too
        - key: node-role.kubernetes.io/master
          effect: NoSchedule
        - key: node-role.kubernetes.io/control-plane
          effect: NoSchedule
      priorityClassName: system-node-critical
${agent}`),
    },
    {
      name: 'a nodeSelector is renamed',
      code: masterSelector,
      errors: [{ range: 'node-role.kubernetes.io/master', message: /runs on no node/ }],
      output: daemonSet(`      nodeSelector:
        node-role.kubernetes.io/control-plane: ""
${agent}`),
    },
    {
      name: 'an exclusion gets a twin in the same term',
      code: masterExcluded,
      errors: [{ message: /no longer keeps the DaemonSet off control-plane nodes/ }],
      output: affinityTerm('DoesNotExist', '                  - key: node-role.kubernetes.io/control-plane\n                    operator: DoesNotExist\n'),
    },
    {
      name: 'an Exists expression is renamed',
      code: masterSelected,
      errors: [{}],
      output: daemonSet(`      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions:
                  - key: node-role.kubernetes.io/control-plane
                    operator: Exists
${agent}`),
    },
  ],
});

test('deprecated-master-taint: the fixes append a twin toleration or expression, or rename the selector', () => {
  assert.deepEqual(parse(applyFix(masterToleration, 'deprecated-master-taint')).spec.template.spec.tolerations, [
    { key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' },
    { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
  ]);
  assert.deepEqual(parse(applyFix(masterSelector, 'deprecated-master-taint')).spec.template.spec.nodeSelector, { 'node-role.kubernetes.io/control-plane': '' });
  const out = applyFix(masterExcluded, 'deprecated-master-taint');
  assert.deepEqual(parse(out).spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions, [
    { key: 'node-role.kubernetes.io/master', operator: 'DoesNotExist' },
    { key: 'node-role.kubernetes.io/control-plane', operator: 'DoesNotExist' },
  ]);
  assert.match(applyFix(masterSelected, 'deprecated-master-taint'), /- key: node-role.kubernetes.io\/control-plane\n\s+operator: Exists/);
});

test('deprecated-master-taint speaks of the inventory it is judged against, and agrees with the CodeLens', async () => {
  // OpenShift masters still carry the old taint: the DaemonSet runs there today.
  const dir = sharedPath('corpus', 'nodes');
  const files = readdirSync(dir)
    .filter((f) => f.startsWith('openshift-insights-ci-gcp--'))
    .map((f) => path.join(dir, f));
  const openshift = await loadInventoryFiles(files);
  const service = createLanguageService({ inventory: openshift });
  const [lens] = service.codeLenses(masterToleration);
  assert.equal(lens.title, `Runs on 6 of 6 nodes · inventory ${openshift.name}`);
  const [d] = service.diagnostics(masterToleration).filter((x) => x.code === 'deprecated-master-taint');
  assert.match(d.message, /the control-plane nodes still carry the old taint \(ci-ln-ywdpkbt-f76d1-vw6lz-master-0, .*\), so the DaemonSet runs there today/);
  assert.doesNotMatch(d.message, /no longer runs/);

  // A kubeadm inventory: the control-plane nodes it leaves out, by name.
  const kubeadm: Inventory = { ...sampleInventory(), source: 'file', name: 'nodes.yaml' };
  const [k] = diagnostics(masterToleration, 'deprecated-master-taint', { inventory: kubeadm });
  assert.match(
    k.message,
    /On inventory nodes\.yaml, 3 control-plane node\(s\) carry `node-role\.kubernetes\.io\/control-plane:NoSchedule` and get no pod: cp-1, cp-2, cp-3\./,
  );
  // The bundled sample: said conditionally, since it is not the user's cluster.
  const [sample] = diagnostics(masterToleration, 'deprecated-master-taint', { inventory: sampleInventory() });
  assert.match(
    sample.message,
    /On the sample cluster, 3 control-plane node\(s\) carry .* \(cp-1, cp-2, cp-3\); so would yours if its control-plane nodes were set up by kubeadm 1\.25 or later\./,
  );
});

// missing-priority-class

const kubeSystem = daemonSet(agent, { namespace: 'kube-system' });
const tolerateEverything = daemonSet(
  `      tolerations:
        - operator: Exists
${agent}`,
  { namespace: 'logging' },
);

ruleTester('missing-priority-class', {
  valid: [{ name: 'an ordinary namespace, no tolerate-everything', code: daemonSet(agent, { namespace: 'apps' }) }],
  invalid: [
    {
      name: 'kube-system: a warning on the pod spec; the fix sets system-node-critical',
      code: kubeSystem,
      errors: [{ severity: 'warning', range: 'spec', path: 'spec.template.spec', message: /lives in kube-system/ }],
      output: daemonSet(`${agent}      priorityClassName: system-node-critical\n`, { namespace: 'kube-system' }),
    },
    {
      name: 'a DaemonSet that tolerates every taint, naming ResourceQuota',
      code: tolerateEverything,
      errors: [{ message: [/tolerates every taint/, /ResourceQuota/] }],
    },
  ],
});

test('missing-priority-class: the fix is preferred in kube-system, not for a tolerate-everything DaemonSet elsewhere', () => {
  const [d] = diagnostics(kubeSystem, 'missing-priority-class');
  assert.equal(d.fixes?.[0].isPreferred, true);
  assert.equal(parse(applyFix(kubeSystem, 'missing-priority-class')).spec.template.spec.priorityClassName, 'system-node-critical');
  const [e] = diagnostics(tolerateEverything, 'missing-priority-class');
  assert.equal(e.fixes?.[0].isPreferred, false);
});

test('missing-priority-class says what the engine proved on the inventory: the Pending nodes and the pods system-node-critical preempts', () => {
  const full = inventory(
    [node('full', { allocatable: { cpu: '100m', memory: '1Gi', pods: '110' } }), node('free')],
    [pod('batch', 'job-1', 'full', { cpu: '95m' })],
  );
  const [d] = diagnostics(kubeSystem, 'missing-priority-class', { inventory: full });
  assert.match(d.message, /On inventory test\.yaml its pod stays Pending on full; with system-node-critical it runs on full, preempting batch\/job-1\./);
  const roomy = inventory([node('free')]);
  const [e] = diagnostics(kubeSystem, 'missing-priority-class', { inventory: roomy });
  assert.doesNotMatch(e.message, /Pending on/);
});

// surge-with-host-port

const hostPort = `          ports:
            - containerPort: 9100
              hostPort: 9100
`;
const surge = daemonSet(`${agent}${hostPort}`, {
  spec: `  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: "10%"   # fast rollouts
      maxUnavailable: 0
`,
});

ruleTester('surge-with-host-port', {
  valid: [{ name: 'maxSurge without a host port', code: surge.replace('              hostPort: 9100\n', '') }],
  invalid: [
    {
      name: 'maxSurge with a hostPort is a warning on maxSurge; the fix switches to maxUnavailable 1',
      code: surge,
      errors: [{ severity: 'warning', range: '"10%"', message: [/hostPort 9100/, /stays Pending/] }],
      output: daemonSet(`${agent}${hostPort}`, { spec: '  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: 1\n' }),
    },
    {
      name: 'hostNetwork makes every container port a host port',
      code: surge
        .replace('              hostPort: 9100\n', '')
        .replace('      containers:', '      hostNetwork: true\n      dnsPolicy: Default\n      containers:'),
      errors: [{ message: /port 9100 \(a host port, because the pod uses hostNetwork\)/ }],
    },
  ],
});

test('surge-with-host-port: the fix leaves a RollingUpdate with maxUnavailable: 1', () => {
  const out = applyFix(surge, 'surge-with-host-port');
  assert.deepEqual(parse(out).spec.updateStrategy, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } });
});

// finite-toleration-seconds

const tolerations = (seconds: [string, string, string]) =>
  daemonSet(
    `      tolerations:
        - operator: Exists
          effect: NoExecute
${seconds[0]}        - key: node.kubernetes.io/unreachable
          operator: Exists
          effect: NoExecute
${seconds[1]}        - key: node.kubernetes.io/unreachable
          effect: NoExecute
${seconds[2]}${agent}`,
    { namespace: 'apps' },
  );
const seconds: [string, string, string] = [
  '          tolerationSeconds: 30\n',
  '          tolerationSeconds: 60   # evict after a minute\n',
  '          tolerationSeconds: 60\n',
];
const finiteTolerations = tolerations(seconds);
const finiteErrors: ExpectedReport[] = [
  { severity: 'warning', range: 'tolerationSeconds', message: /evict\/recreate loop/ },
  { severity: 'warning', range: 'tolerationSeconds', message: /has no effect: the DaemonSet controller replaces this toleration/ },
  // An empty operator is not `Exists`: the controller appends its own instead of replacing this one.
  { severity: 'warning', range: 'tolerationSeconds', message: /evict\/recreate loop/ },
];
const corpusFile = readFileSync(sharedPath('corpus', 'broken', 'reconstructed', 'tolerationseconds-notready-ignored.yaml'), 'utf8');

ruleTester('finite-toleration-seconds', {
  valid: [],
  invalid: [
    {
      name: 'names the evict/recreate loop and the no-effect case of the controller-replaced tolerations; removing the first',
      code: finiteTolerations,
      errors: finiteErrors,
      output: tolerations(['', seconds[1], seconds[2]]),
    },
    {
      name: 'removing the second (no-effect) tolerationSeconds',
      code: finiteTolerations,
      errors: finiteErrors,
      report: 1,
      output: tolerations([seconds[0], '', seconds[2]]),
    },
    {
      name: 'removing the third tolerationSeconds (empty operator)',
      code: finiteTolerations,
      errors: finiteErrors,
      report: 2,
      output: tolerations([seconds[0], seconds[1], '']),
    },
    {
      name: 'names the cause of the reconstructed kubernetes#92960 case',
      code: corpusFile,
      errors: [{ message: [/has no effect/, /node\.kubernetes\.io\/not-ready:NoExecute/] }, { message: /node\.kubernetes\.io\/unreachable:NoExecute/ }],
      // The first of the two `tolerationSeconds: 30` lines (the not-ready toleration's) goes.
      output: corpusFile.replace('        tolerationSeconds: 30\n', ''),
    },
  ],
});

test('finite-toleration-seconds: each fix removes its tolerationSeconds', () => {
  for (const index of [0, 1, 2]) {
    const out = applyFix(finiteTolerations, 'finite-toleration-seconds', { index });
    assert.equal(parse(out).spec.template.spec.tolerations[index].tolerationSeconds, undefined);
  }
});
