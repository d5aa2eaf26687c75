import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { classifyHostPath } from '../../server/src/rules/practice/writable-host-path';
import { ruleTester, type ExpectedReport } from '../helpers/rule-tester';
import { applyFix, daemonSet, diagnostics } from './rules-practice-helpers';
import { sharedPath } from '../helpers/paths';

const res = `          resources:
            requests: {cpu: 10m, memory: 32Mi}
            limits: {memory: 32Mi}`;

// A CNI agent: privileged, on the host network, mounting the CNI binaries from the host.
const cniAgent = daemonSet(`      hostNetwork: true
      dnsPolicy: Default
      containers:
        - name: cni
          image: example/cni:1.2
${res}
          securityContext:
            privileged: true
          volumeMounts:
            - name: cni-bin
              mountPath: /host/opt/cni/bin
      volumes:
        - name: cni-bin
          hostPath:
            path: /opt/cni/bin
`);
// A privileged container is not also reported for escalation, capabilities or root.
const privilegedIsEnough = { name: 'a privileged container (privileged-container reports it)', code: cniAgent };

ruleTester('privileged-container', {
  valid: [],
  invalid: [
    {
      name: 'a warning when nothing of the host justifies it',
      code: daemonSet(`      containers:
        - name: web
          image: example/web:1.2
${res}
          securityContext:
            privileged: true
`),
      errors: [{ severity: 'warning', range: 'true', message: /likely does not need it/ }],
    },
    {
      name: 'information for the node-agent pattern',
      code: cniAgent,
      errors: [{ severity: 'information', message: /it mounts `\/opt\/cni\/bin` from the host/ }],
    },
  ],
});

const escalation = (agentEscalation: string, sidecarEscalation = '') =>
  daemonSet(`      containers:
        - name: agent
          image: example/agent:1
${res}
          securityContext:
            runAsUser: 1000
            allowPrivilegeEscalation: ${agentEscalation}   # needed? no
        - name: sidecar
          image: example/sidecar:1
${res}
          securityContext:
            runAsUser: 1000
${sidecarEscalation}        - name: mounter
          image: example/mounter:1
${res}
          securityContext:
            runAsUser: 1000
            capabilities:
              add: ["SYS_ADMIN"]
`);
const escalationErrors: ExpectedReport[] = [
  { severity: 'warning', range: 'true' },
  { severity: 'hint', range: 'sidecar' },
];

ruleTester('allow-privilege-escalation', {
  valid: [privilegedIsEnough],
  invalid: [
    {
      name: 'explicit true is a warning with a fix; missing is a hint; SYS_ADMIN is skipped',
      code: escalation('true'),
      errors: escalationErrors,
      output: escalation('false'),
    },
    {
      name: 'the fix of the missing setting adds it',
      code: escalation('true'),
      errors: escalationErrors,
      report: 1,
      output: escalation('true', '            allowPrivilegeEscalation: false\n'),
    },
  ],
});

test('allow-privilege-escalation: the fixes keep the comment and set false', () => {
  const text = escalation('true');
  const fixed = applyFix(text, 'allow-privilege-escalation');
  assert.match(fixed, /allowPrivilegeEscalation: false {3}# needed\? no/);
  const fixed2 = applyFix(text, 'allow-privilege-escalation', { index: 1 });
  assert.equal(parse(fixed2).spec.template.spec.containers[1].securityContext.allowPrivilegeEscalation, false);
});

ruleTester('dangerous-capabilities', {
  valid: [privilegedIsEnough],
  invalid: [
    {
      name: 'one finding per container on the first host-level capability; severity by host access',
      code: daemonSet(`      containers:
        - name: debugger
          image: example/debugger:1
${res}
          securityContext:
            allowPrivilegeEscalation: false
            runAsNonRoot: true
            capabilities:
              add: ["NET_ADMIN", "SYS_PTRACE", "CAP_SYS_MODULE"]
        - name: shaper
          image: example/shaper:1
${res}
          securityContext:
            allowPrivilegeEscalation: false
            runAsNonRoot: true
            capabilities:
              add: ["NET_ADMIN", "NET_BIND_SERVICE"]
`),
      errors: [
        {
          severity: 'warning',
          range: '"SYS_PTRACE"',
          message: [/SYS_PTRACE \(tracing/, /SYS_MODULE \(loading kernel modules\)/, /Remove `SYS_PTRACE`, `CAP_SYS_MODULE`/],
        },
        { severity: 'information', message: /only the pod's own network namespace/ },
      ],
    },
  ],
});

test('writable-host-path: host paths are classified as sockets, system paths, others and ones to skip', () => {
  assert.deepEqual(classifyHostPath('/var/run/docker.sock'), { kind: 'socket' });
  assert.deepEqual(classifyHostPath('/run/containerd/containerd.sock'), { kind: 'socket' });
  assert.deepEqual(classifyHostPath('/var/run/crio/crio.sock'), { kind: 'socket' });
  assert.equal(classifyHostPath('/etc/').kind, 'system');
  assert.equal(classifyHostPath('/').kind, 'system');
  assert.equal(classifyHostPath('/etc/cni/net.d').kind, 'other');
  assert.equal(classifyHostPath('\\\\.\\pipe\\csi-proxy-disk-v1').kind, 'skip');
});

const scanner = (etcReadOnly = '', stateReadOnly = '') =>
  daemonSet(`      containers:
        - name: scanner
          image: example/scanner:1
${res}
          securityContext:
            allowPrivilegeEscalation: false
            runAsUser: 0
          volumeMounts:
            - name: docker-sock
              mountPath: /var/run/docker.sock
            - name: host-etc
              mountPath: /host/etc   # host config
${etcReadOnly}            - name: state
              mountPath: /var/lib/scanner
${stateReadOnly}            - name: cni
              mountPath: /etc/cni/net.d
              readOnly: true
      volumes:
        - name: docker-sock
          hostPath:
            path: /var/run/docker.sock
        - name: host-etc
          hostPath:
            path: /etc
        - name: state
          hostPath:
            path: /var/lib/scanner
        - name: cni
          hostPath:
            path: /etc/cni/net.d
`);
const readOnly = '              readOnly: true\n';
const scannerErrors: ExpectedReport[] = [
  { severity: 'warning', range: '/var/run/docker.sock', message: [/container runtime socket/, /readOnly: true does not stop connections/] },
  { severity: 'warning', range: '/host/etc', message: /`\/etc` \(the node's configuration\) writable/ },
  { severity: 'hint', range: '/var/lib/scanner' },
];

ruleTester('writable-host-path', {
  valid: [],
  invalid: [
    {
      name: 'system paths warn, runtime sockets are called out without a readOnly fix, agent paths are hints',
      code: scanner(),
      errors: scannerErrors,
      output: null,
    },
    { name: 'the readOnly fix of a system path', code: scanner(), errors: scannerErrors, report: 1, output: scanner(readOnly) },
    // The scanner's own state directory (/var/lib/scanner): it writes there, so read-only would break it.
    { name: "no readOnly fix for the agent's own state directory", code: scanner(), errors: scannerErrors, report: 2, output: null },
    {
      name: 'Bidirectional mounts are skipped; privileged containers get information and no socket finding',
      code: daemonSet(`      containers:
        - name: csi
          image: example/csi:1
${res}
          securityContext:
            privileged: true
          volumeMounts:
            - name: kubelet
              mountPath: /var/lib/kubelet
              mountPropagation: Bidirectional
            - name: sys
              mountPath: /sys
            - name: sock
              mountPath: /run/containerd/containerd.sock
      volumes:
        - name: kubelet
          hostPath: {path: /var/lib/kubelet}
        - name: sys
          hostPath: {path: /sys}
        - name: sock
          hostPath: {path: /run/containerd/containerd.sock}
`),
      errors: [{ severity: 'information', range: '/sys', message: /privileged, so readOnly is no security boundary/ }],
    },
  ],
});

test('writable-host-path: the readOnly fix keeps the comment on the mountPath line', () => {
  const fixed = applyFix(scanner(), 'writable-host-path', { index: 1 });
  assert.match(fixed, /mountPath: \/host\/etc {3}# host config\n {14}readOnly: true\n/);
});

const exporterAndRoot = (exporterNonRoot = '') =>
  daemonSet(`      containers:
        - name: exporter
          image: example/exporter:1
${res}
          securityContext:
            allowPrivilegeEscalation: false
${exporterNonRoot}        - name: root-agent
          image: example/agent:1
${res}
          securityContext:
            allowPrivilegeEscalation: false
            runAsUser: 0
`);

ruleTester('run-as-non-root', {
  valid: [
    {
      name: 'runAsNonRoot at the pod level',
      code: exporterAndRoot().replace('      containers:', '      securityContext:\n        runAsNonRoot: true\n      containers:'),
    },
    {
      name: 'a Windows DaemonSet',
      code: exporterAndRoot().replace('      containers:', '      nodeSelector:\n        kubernetes.io/os: windows\n      containers:'),
    },
    privilegedIsEnough,
  ],
  invalid: [
    {
      name: 'a hint per unprivileged container; any explicit runAsUser/runAsNonRoot is a decision',
      code: exporterAndRoot(),
      errors: [{ severity: 'hint', range: 'exporter' }],
      output: exporterAndRoot('            runAsNonRoot: true\n'),
    },
  ],
});

test('run-as-non-root: the fix sets runAsNonRoot: true', () => {
  const out = applyFix(exporterAndRoot(), 'run-as-non-root');
  assert.equal(parse(out).spec.template.spec.containers[0].securityContext.runAsNonRoot, true);
});

/** The writable-host-path findings of a corpus file, as `container hostPath → fix offered?`. */
function hostPathFixes(file: string): Map<string, boolean> {
  const text = readFileSync(sharedPath('corpus', 'daemonsets', file), 'utf8');
  const out = new Map<string, boolean>();
  for (const d of diagnostics(text, 'writable-host-path')) {
    const host = /host path `([^`]+)`/.exec(d.message)?.[1] ?? /socket `([^`]+)`/.exec(d.message)?.[1];
    out.set(`${/`([^`]+)`/.exec(d.message)?.[1]} ${host}`, !!d.fixes?.length);
  }
  return out;
}

test('writable-host-path: no readOnly fix where the agent writes (calico-node: install-cni, IPAM, BPF, policy sync)', () => {
  const calico = hostPathFixes('calico--calico-node.yaml');
  for (const key of [
    'upgrade-ipam /var/lib/cni/networks',
    'upgrade-ipam /opt/cni/bin',
    'install-cni /opt/cni/bin',
    'install-cni /etc/cni/net.d',
    'calico-node /sys/fs/bpf',
    'calico-node /var/run/nodeagent',
  ])
    assert.equal(calico.get(key), false, `${key}: ${JSON.stringify([...calico])}`);
});

test('writable-host-path: no readOnly fix for device-plugin sockets, log shippers, the xtables lock, CNI config, kubelet plugins', () => {
  const withheld: [string, string][] = [
    ['intel--intel-gpu-plugin.yaml', 'intel-gpu-plugin /var/lib/kubelet/device-plugins'],
    ['nvidia--nvidia-device-plugin-compat-cpumanager.yaml', 'nvidia-device-plugin-ctr /var/lib/kubelet/device-plugins'],
    ['kubernetes--e2e-nvidia-gpu-device-plugin.yaml', 'nvidia-gpu-device-plugin /var/lib/kubelet/device-plugins'],
    // fluent-bit's tail DB and fluentd's pos_file live beside the logs.
    ['fluent-bit--fluent-bit-ds-elasticsearch.yaml', 'fluent-bit /var/log'],
    ['k8s-website--fluentd-elasticsearch-example.yaml', 'fluentd-elasticsearch /var/log'],
    ['flannel--kube-flannel-ds.yaml', 'kube-flannel /run/xtables.lock'],
    ['flannel--kube-flannel-ds.yaml', 'kube-flannel /run/flannel'],
    ['aws--aws-node-vpc-cni.yaml', 'aws-node /etc/cni/net.d'],
    ['aws--aws-node-vpc-cni.yaml', 'aws-node /var/log/aws-routed-eni'],
    ['csi-driver-nfs--csi-nfs-node.yaml', 'node-driver-registrar /var/lib/kubelet/plugins_registry'],
  ];
  for (const [file, key] of withheld) {
    const fixes = hostPathFixes(file);
    assert.equal(fixes.get(key), false, `${file} ${key}: ${JSON.stringify([...fixes])}`);
  }
  // A path the agent only reads keeps its fix: falco reads the host's /proc.
  assert.equal(hostPathFixes('falco--falco.yaml').get('falco /proc'), true);
});

test('writable-host-path: the fix stays for a reader of an unrelated path, and an init container never gets it', () => {
  const reader = (list: 'containers' | 'initContainers') =>
    daemonSet(`      ${list}:
        - name: exporter
          image: example/exporter:1.0
          volumeMounts:
            - name: reports
              mountPath: /srv/reports
${list === 'initContainers' ? '      containers:\n        - name: main\n          image: example/main:1.0\n' : ''}      volumes:
        - name: reports
          hostPath: {path: /srv/reports}
`);
  assert.equal(diagnostics(reader('containers'), 'writable-host-path')[0].fixes?.length, 1);
  assert.equal(diagnostics(reader('initContainers'), 'writable-host-path')[0].fixes, undefined);
});

test('run-as-non-root: no fix for a container that needs root (added capabilities, writable host paths); otherwise one, not preferred', () => {
  const pod = (extra: string) =>
    daemonSet(`      containers:
        - name: agent
          image: example/agent:1.0
${extra}`);
  const fixOf = (text: string) => diagnostics(text, 'run-as-non-root')[0]?.fixes;
  const plain = fixOf(pod(''));
  assert.equal(plain?.length, 1);
  assert.ok(!plain![0].isPreferred && plain![0].safety === undefined);
  assert.equal(fixOf(pod('          securityContext:\n            capabilities:\n              add: [NET_ADMIN]\n')), undefined);
  assert.equal(fixOf(pod('          securityContext:\n            capabilities:\n              add: [SYS_ADMIN]\n')), undefined);
  const writes = `          volumeMounts:
            - name: state
              mountPath: /srv/state
      volumes:
        - name: state
          hostPath: {path: /srv/state}
`;
  assert.equal(fixOf(pod(writes)), undefined);
  assert.equal(fixOf(pod(writes.replace('mountPath: /srv/state', 'mountPath: /srv/state\n              readOnly: true')))?.length, 1);
});
