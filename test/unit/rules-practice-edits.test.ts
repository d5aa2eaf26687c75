import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { findDaemonSets, parseFile } from '../../server/src/service';
import { Edits } from '../../server/src/yaml/edits';
import type { PathSeg } from '../../server/src/yaml/types';
import { applyEdits } from './rules-practice-helpers';

function edits(text: string): Edits {
  const file = parseFile(text);
  return new Edits(file, findDaemonSets(file)[0]);
}

function setPath(text: string, path: PathSeg[], valueYaml: string): string {
  const e = edits(text).setPath(path, valueYaml);
  assert.ok(e, 'setPath gave no edit');
  return applyEdits(text, e);
}

const base = `kind: DaemonSet
spec:
  template:
    spec:
      containers:
        - name: agent   # the agent
          image: "agent:1.0"
          resources: {}  # to be sized
        - name: sidecar
          image: 'sidecar:2'
          resources:
            limits:
              memory: 64Mi
`;

test('setPath replaces an existing scalar with raw YAML', () => {
  const out = setPath(base, ['spec', 'template', 'spec', 'containers', 1, 'resources', 'limits', 'memory'], '128Mi');
  assert.equal(parse(out).spec.template.spec.containers[1].resources.limits.memory, '128Mi');
  assert.equal(out, base.replace('memory: 64Mi', 'memory: 128Mi'));
});

test('setPath fills an empty flow map with a block and keeps the trailing comment', () => {
  const out = setPath(base, ['spec', 'template', 'spec', 'containers', 0, 'resources', 'requests', 'cpu'], '50m');
  assert.match(out, / {10}resources: # to be sized\n {12}requests:\n {14}cpu: 50m\n {8}- name: sidecar/);
  assert.equal(parse(out).spec.template.spec.containers[0].resources.requests.cpu, '50m');
});

test('setPath creates missing parent maps as the last entry of the deepest existing map', () => {
  const out = setPath(base, ['spec', 'template', 'spec', 'containers', 1, 'resources', 'requests'], '\ncpu: 10m\nmemory: 64Mi');
  assert.deepEqual(parse(out).spec.template.spec.containers[1].resources, { limits: { memory: '64Mi' }, requests: { cpu: '10m', memory: '64Mi' } });
  assert.match(out, /\n {10}resources:\n {12}limits:\n {14}memory: 64Mi\n {12}requests:\n {14}cpu: 10m\n {14}memory: 64Mi\n$/);
  const deep = setPath(base, ['spec', 'updateStrategy', 'rollingUpdate', 'maxUnavailable'], '"10%"');
  assert.deepEqual(parse(deep).spec.updateStrategy, { rollingUpdate: { maxUnavailable: '10%' } });
  assert.match(deep, /\n {2}updateStrategy:\n {4}rollingUpdate:\n {6}maxUnavailable: "10%"\n$/);
});

test('setPath fills a null value (key with nothing after it)', () => {
  const text = 'kind: DaemonSet\nspec:\n  template:\n    spec:\n      securityContext:\n      containers: []\n';
  const out = setPath(text, ['spec', 'template', 'spec', 'securityContext', 'runAsNonRoot'], 'true');
  assert.equal(out, 'kind: DaemonSet\nspec:\n  template:\n    spec:\n      securityContext:\n        runAsNonRoot: true\n      containers: []\n');
  const scalar = setPath(text, ['spec', 'template', 'spec', 'securityContext'], '{}');
  assert.match(scalar, /securityContext: \{\}\n/);
});

test('setPath refuses shapes it cannot edit cleanly', () => {
  const text = 'kind: DaemonSet\nspec:\n  template: {spec: {containers: []}}\n';
  assert.equal(edits(text).setPath(['spec', 'template', 'spec', 'hostNetwork'], 'true'), undefined);
  assert.equal(edits(base).setPath(['spec', 'template', 'spec', 'containers', 5, 'name'], 'x'), undefined);
  assert.equal(edits(base).setPath(['spec', 'template', 'spec', 'containers', 0, 'image', 'x'], 'x'), undefined);
});

test('copyValueAs copies a block with its comments, re-indented for the new key', () => {
  const text = `kind: DaemonSet
spec:
  template:
    spec:
      containers:
      - name: agent
        livenessProbe:
          httpGet:   # health endpoint
            path: /healthz
            port: 8080
        image: agent:1
`;
  const e = edits(text).copyValueAs(
    ['spec', 'template', 'spec', 'containers', 0, 'livenessProbe'],
    ['spec', 'template', 'spec', 'containers', 0],
    'readinessProbe',
  );
  assert.ok(e);
  const out = applyEdits(text, [e]);
  assert.ok(
    out.endsWith(
      '        image: agent:1\n        readinessProbe:\n          httpGet:   # health endpoint\n            path: /healthz\n            port: 8080\n',
    ),
    out,
  );
  const c = parse(out).spec.template.spec.containers[0];
  assert.deepEqual(c.readinessProbe, c.livenessProbe);
});

test('insertKey and appendItem land right after a last entry that is itself a block', () => {
  const text = `kind: DaemonSet
spec:
  template:
    spec:
      tolerations:
      - key: a
        effect: NoSchedule
      containers:
      - name: agent
        resources:
          limits:
            memory: 64Mi
      volumes: []
`;
  const e = edits(text);
  const item = e.appendItem(['spec', 'template', 'spec', 'tolerations'], 'key: b\neffect: NoSchedule');
  assert.ok(item);
  assert.match(applyEdits(text, [item]), / {6}- key: a\n {8}effect: NoSchedule\n {6}- key: b\n {8}effect: NoSchedule\n {6}containers:/);
  const k = e.insertKey(['spec', 'template', 'spec', 'containers', 0], 'image', 'agent:1');
  assert.ok(k);
  assert.match(applyEdits(text, [k]), / {12}memory: 64Mi\n {8}image: agent:1\n {6}volumes: \[\]/);
});
