import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hover } from '../../server/src/service';

const text = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  updateStrategy:
    rollingUpdate:
      maxSurge: 1
  selector:
    matchLabels:
      app: agent
  template:
    spec:
      priorityClassName: system-node-critical
      nodeSelector:
        kubernetes.io/arch: amd64
      tolerations:
        - key: node-role.kubernetes.io/control-plane
          effect: NoSchedule
`;

const at = (line: number, character: number) => {
  const h = hover(text, { line, character });
  return h ? (h.contents as { value: string }).value : '';
};

test('hover shows the official description, type, required-ness and the API link', () => {
  const v = at(16, 8);
  assert.match(v, /\*\*tolerations\*\* · `\[\]Toleration` · optional/);
  assert.match(v, /If specified, the pod's tolerations\./);
  assert.match(v, /\[API reference\]\(https:\/\/kubernetes\.io\/docs\/reference\/generated\/kubernetes-api\/v1\.36\/#podspec-v1-core\)/);
  assert.match(at(8, 3), /· required/);
});

test('hover on an enum value lists the values with their meaning and marks the current one', () => {
  const v = at(18, 20);
  assert.match(v, /`NoSchedule` \*\*\(current\)\*\* — Do not allow new pods to schedule/);
  assert.match(v, /`NoExecute` — Evict any already-running pods/);
});

test('DaemonSet notes and defaults on the fields that matter to node agents', () => {
  const surge = at(7, 8);
  assert.match(surge, /\*\*For a DaemonSet:\*\*/);
  assert.match(surge, /Default: `0`/);
  assert.match(at(13, 8), /\*\*For a DaemonSet:\*\*/);
  assert.match(at(13, 30), /system-node-critical` — Highest built-in priority/);
  assert.match(at(14, 8), /\*\*For a DaemonSet:\*\*/);
});

test('hover on a well-known label and taint key explains it', () => {
  assert.match(at(15, 10), /CPU architecture of the node/);
  assert.match(at(17, 20), /Set by kubeadm on control-plane nodes/);
});

test('no hover outside DaemonSets or on blank lines', () => {
  assert.equal(hover('kind: ConfigMap\ndata:\n  a: b\n', { line: 2, character: 2 }), null);
  assert.equal(hover(text, { line: 99, character: 0 }), null);
});
