import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { classifyHostPath } from '../../server/src/rules/practice/writable-host-path';
import { applyFix, daemonSet, diagnostics, rangeText } from './rules-practice-helpers';

const res = `          resources:
            requests: {cpu: 10m, memory: 32Mi}
            limits: {memory: 32Mi}`;

test('privileged-container: warning when nothing of the host justifies it, information for the node-agent pattern', () => {
  const bare = daemonSet(`      containers:
        - name: web
          image: example/web:1.2
${res}
          securityContext:
            privileged: true
`);
  const [w] = diagnostics(bare, 'privileged-container');
  assert.equal(w.severity, 'warning');
  assert.equal(rangeText(bare, w), 'true');
  assert.match(w.message, /likely does not need it/);
  const agent = daemonSet(`      hostNetwork: true
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
  const [i] = diagnostics(agent, 'privileged-container');
  assert.equal(i.severity, 'information');
  assert.match(i.message, /it mounts `\/opt\/cni\/bin` from the host/);
  // A privileged container is not also reported for escalation or capabilities.
  assert.deepEqual(
    diagnostics(agent).filter((d) => ['allow-privilege-escalation', 'dangerous-capabilities', 'run-as-non-root'].includes(d.code)),
    [],
  );
});

test('allow-privilege-escalation: explicit true is a warning with a fix; missing is a hint; privileged and SYS_ADMIN are skipped', () => {
  const text = daemonSet(`      containers:
        - name: agent
          image: example/agent:1
${res}
          securityContext:
            runAsUser: 1000
            allowPrivilegeEscalation: true   # needed? no
        - name: sidecar
          image: example/sidecar:1
${res}
          securityContext:
            runAsUser: 1000
        - name: mounter
          image: example/mounter:1
${res}
          securityContext:
            runAsUser: 1000
            capabilities:
              add: ["SYS_ADMIN"]
`);
  const ds = diagnostics(text, 'allow-privilege-escalation');
  assert.deepEqual(
    ds.map((d) => [d.severity, rangeText(text, d)]),
    [
      ['warning', 'true'],
      ['hint', 'sidecar'],
    ],
  );
  const fixed = applyFix(text, 'allow-privilege-escalation');
  assert.match(fixed, /allowPrivilegeEscalation: false {3}# needed\? no/);
  const fixed2 = applyFix(text, 'allow-privilege-escalation', { index: 1 });
  assert.equal(parse(fixed2).spec.template.spec.containers[1].securityContext.allowPrivilegeEscalation, false);
});

test('dangerous-capabilities: one finding per container on the first host-level capability; severity by host access', () => {
  const text = daemonSet(`      containers:
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
`);
  const ds = diagnostics(text, 'dangerous-capabilities');
  assert.equal(ds.length, 2);
  assert.equal(ds[0].severity, 'warning');
  assert.equal(rangeText(text, ds[0]), '"SYS_PTRACE"');
  assert.match(ds[0].message, /SYS_PTRACE \(tracing/);
  assert.match(ds[0].message, /SYS_MODULE \(loading kernel modules\)/);
  assert.match(ds[0].message, /Remove `SYS_PTRACE`, `CAP_SYS_MODULE`/);
  assert.equal(ds[1].severity, 'information');
  assert.match(ds[1].message, /only the pod's own network namespace/);
});

test('writable-host-path: system paths warn, runtime sockets are called out without a readOnly fix, agent paths are hints', () => {
  assert.deepEqual(classifyHostPath('/var/run/docker.sock'), { kind: 'socket' });
  assert.deepEqual(classifyHostPath('/run/containerd/containerd.sock'), { kind: 'socket' });
  assert.deepEqual(classifyHostPath('/var/run/crio/crio.sock'), { kind: 'socket' });
  assert.equal(classifyHostPath('/etc/').kind, 'system');
  assert.equal(classifyHostPath('/').kind, 'system');
  assert.equal(classifyHostPath('/etc/cni/net.d').kind, 'other');
  assert.equal(classifyHostPath('\\\\.\\pipe\\csi-proxy-disk-v1').kind, 'skip');
  const text = daemonSet(`      containers:
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
            - name: state
              mountPath: /var/lib/scanner
            - name: cni
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
  const ds = diagnostics(text, 'writable-host-path');
  assert.deepEqual(
    ds.map((d) => [d.severity, rangeText(text, d)]),
    [
      ['warning', '/var/run/docker.sock'],
      ['warning', '/host/etc'],
      ['hint', '/var/lib/scanner'],
    ],
  );
  assert.match(ds[0].message, /container runtime socket/);
  assert.match(ds[0].message, /readOnly: true does not stop connections/);
  assert.equal(ds[0].fixes, undefined);
  assert.match(ds[1].message, /`\/etc` \(the node's configuration\) writable/);
  const fixed = applyFix(text, 'writable-host-path', { index: 1 });
  assert.match(fixed, /mountPath: \/host\/etc {3}# host config\n {14}readOnly: true\n/);
  applyFix(text, 'writable-host-path', { index: 2 });
});

test('writable-host-path: Bidirectional mounts are skipped; privileged containers get information and no socket finding', () => {
  const text = daemonSet(`      containers:
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
`);
  const ds = diagnostics(text, 'writable-host-path');
  assert.deepEqual(
    ds.map((d) => [d.severity, rangeText(text, d)]),
    [['information', '/sys']],
  );
  assert.match(ds[0].message, /privileged, so readOnly is no security boundary/);
});

test('run-as-non-root: a hint per unprivileged container; any explicit runAsUser/runAsNonRoot is a decision', () => {
  const text = daemonSet(`      containers:
        - name: exporter
          image: example/exporter:1
${res}
          securityContext:
            allowPrivilegeEscalation: false
        - name: root-agent
          image: example/agent:1
${res}
          securityContext:
            allowPrivilegeEscalation: false
            runAsUser: 0
`);
  const ds = diagnostics(text, 'run-as-non-root');
  assert.deepEqual(
    ds.map((d) => [d.severity, rangeText(text, d)]),
    [['hint', 'exporter']],
  );
  const out = applyFix(text, 'run-as-non-root');
  assert.equal(parse(out).spec.template.spec.containers[0].securityContext.runAsNonRoot, true);
  const podLevel = text.replace('      containers:', '      securityContext:\n        runAsNonRoot: true\n      containers:');
  assert.deepEqual(diagnostics(podLevel, 'run-as-non-root'), []);
  const windows = text.replace('      containers:', '      nodeSelector:\n        kubernetes.io/os: windows\n      containers:');
  assert.deepEqual(diagnostics(windows, 'run-as-non-root'), []);
});
