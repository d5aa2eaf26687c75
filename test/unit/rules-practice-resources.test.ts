import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { imagePin } from '../../server/src/rules/practice/image-tag-latest';
import { applyFix, daemonSet, diagnostics, rangeText } from './rules-practice-helpers';

const noResources = daemonSet(`      containers:
        - name: agent   # ships logs
          image: "example/agent:1.4.2"
`);

test('no-resource-requests: a container without requests is a warning on its name, naming the node multiplication', () => {
  const [d] = diagnostics(noResources, 'no-resource-requests');
  assert.equal(d.severity, 'warning');
  assert.equal(rangeText(noResources, d), 'agent');
  assert.equal(d.path, 'spec.template.spec.containers[0].name');
  assert.match(d.message, /every eligible node/);
  assert.match(d.message, /multiplied by the node count/);
  assert.match(d.message, /BestEffort/);
});

test('no-resource-requests: the fix adds requests and a memory limit, keeping comments and quotes', () => {
  const out = applyFix(noResources, 'no-resource-requests');
  assert.match(out, /image: "example\/agent:1.4.2"/);
  const c = parse(out).spec.template.spec.containers[0];
  assert.deepEqual(c.resources, { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '128Mi' } });
  assert.deepEqual(diagnostics(out, 'no-memory-limit'), []);
});

test('no-resource-requests: `resources: {}` is filled in place', () => {
  const text = noResources.replace('image: "example/agent:1.4.2"', 'image: "example/agent:1.4.2"\n          resources: {}   # TODO size');
  const [d] = diagnostics(text, 'no-resource-requests');
  assert.equal(rangeText(text, d), 'resources');
  const out = applyFix(text, 'no-resource-requests');
  assert.match(out, /resources: # TODO size\n {12}requests:\n {14}cpu: 100m/);
});

test('no-resource-requests: only a memory request missing is information; the fix keeps the limit >= request', () => {
  const text = daemonSet(`      containers:
        - name: agent
          image: example/agent:1.4.2
          resources:
            requests:
              cpu: 250m
`);
  const [d] = diagnostics(text, 'no-resource-requests');
  assert.equal(d.severity, 'information');
  assert.match(d.message, /requests CPU but no memory/);
  const out = applyFix(text, 'no-resource-requests');
  assert.deepEqual(parse(out).spec.template.spec.containers[0].resources, { requests: { cpu: '250m', memory: '128Mi' }, limits: { memory: '128Mi' } });
});

test('no-resource-requests: limits count as requests, init containers and pod-level requests are accepted, BestEffort only when nothing requests', () => {
  const limitsOnly = daemonSet(`      containers:
        - name: agent
          image: example/agent:1.4.2
          resources:
            limits: {cpu: 100m, memory: 64Mi}
`);
  assert.deepEqual(diagnostics(limitsOnly, 'no-resource-requests'), []);
  const withInit = daemonSet(`      initContainers:
        - name: setup
          image: example/setup:1
          resources:
            requests: {cpu: 10m}
      containers:
        - name: pause
          image: registry.k8s.io/pause:3.10
`);
  const [d] = diagnostics(withInit, 'no-resource-requests');
  assert.equal(rangeText(withInit, d), 'pause');
  assert.doesNotMatch(d.message, /BestEffort/);
  const podLevel = daemonSet(`      resources:
        requests: {cpu: 100m, memory: 64Mi}
      containers:
        - name: agent
          image: example/agent:1.4.2
`);
  assert.deepEqual(diagnostics(podLevel, 'no-resource-requests'), []);
  assert.deepEqual(diagnostics(noResources, 'no-resource-requests', { partial: true }), []);
});

test('no-memory-limit: information on `resources`, fix sets the limit to the memory request', () => {
  const text = daemonSet(`      containers:
        - name: agent
          image: example/agent:1.4.2
          resources:
            requests:
              cpu: 100m
              memory: 300Mi
`);
  const [d] = diagnostics(text, 'no-memory-limit');
  assert.equal(d.severity, 'information');
  assert.equal(rangeText(text, d), 'resources');
  const out = applyFix(text, 'no-memory-limit');
  assert.equal(parse(out).spec.template.spec.containers[0].resources.limits.memory, '300Mi');
  // Not reported together with no-resource-requests' "nothing at all" case, whose fix adds the limit.
  assert.deepEqual(diagnostics(noResources, 'no-memory-limit'), []);
});

test('image-tag-latest: untagged and :latest images are warnings on the image value; digests and tags are fine', () => {
  assert.equal(imagePin('nginx'), 'none');
  assert.equal(imagePin('registry:5000/team/nginx'), 'none');
  assert.equal(imagePin('nginx:latest'), 'latest');
  assert.equal(imagePin('registry:5000/nginx:1.25'), 'tag');
  assert.equal(imagePin('nginx@sha256:4b036e8844920336fa48f36edeb7d4398f426d6a934ba022848deed2edbf09aa'), 'digest');
  assert.equal(imagePin('nginx:latest@sha256:4b03'), 'digest');
  const text = daemonSet(`      initContainers:
        - name: init
          image: busybox
      containers:
        - name: agent
          image: 'example/agent:latest'
        - name: pinned
          image: example/agent:1.4.2
        - name: templated
          image: \${REGISTRY}/agent
`);
  const ds = diagnostics(text, 'image-tag-latest');
  assert.deepEqual(
    ds.map((d) => rangeText(text, d)),
    ['busybox', "'example/agent:latest'"],
  );
  assert.ok(ds.every((d) => d.severity === 'warning'));
  assert.match(ds[0].message, /has no tag/);
  assert.match(ds[1].message, /uses the `:latest` tag/);
  assert.match(ds[1].message, /Each node pulls it at a different time/);
});
