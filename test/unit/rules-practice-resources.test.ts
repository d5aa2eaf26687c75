import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { imagePin } from '../../server/src/rules/practice/image-tag-latest';
import { ruleTester } from '../helpers/rule-tester';
import { applyFix, daemonSet, diagnostics } from './rules-practice-helpers';

const noResources = daemonSet(`      containers:
        - name: agent   # ships logs
          image: "example/agent:1.4.2"
`);
const emptyResources = noResources.replace('image: "example/agent:1.4.2"', 'image: "example/agent:1.4.2"\n          resources: {}   # TODO size');
const cpuOnly = daemonSet(`      containers:
        - name: agent
          image: example/agent:1.4.2
          resources:
            requests:
              cpu: 250m
`);
/** no-memory-limit reports the container once it has requests: the requests fix leaves the limit to that rule's own fix. */
const limitOff = { rules: { 'no-memory-limit': 'off' as const } };
const memoryRequestOnly = daemonSet(`      containers:
        - name: agent
          image: example/agent:1.4.2
          resources:
            requests:
              cpu: 100m
              memory: 300Mi
`);

ruleTester('no-resource-requests', {
  valid: [
    {
      name: 'limits count as requests',
      code: daemonSet(`      containers:
        - name: agent
          image: example/agent:1.4.2
          resources:
            limits: {cpu: 100m, memory: 64Mi}
`),
    },
    {
      name: 'pod-level requests are accepted',
      code: daemonSet(`      resources:
        requests: {cpu: 100m, memory: 64Mi}
      containers:
        - name: agent
          image: example/agent:1.4.2
`),
    },
    { name: 'a partial object (a kustomize patch) is not judged', code: noResources, options: { partial: true } },
  ],
  invalid: [
    {
      name: 'a container without requests is a warning on its name, naming the node multiplication; the fix adds requests (no made-up limit), keeping comments and quotes',
      code: noResources,
      options: limitOff,
      errors: [
        {
          severity: 'warning',
          range: 'agent',
          path: 'spec.template.spec.containers[0].name',
          message: [/every eligible node/, /multiplied by the node count/, /BestEffort/],
        },
      ],
      output: daemonSet(`      containers:
        - name: agent   # ships logs
          image: "example/agent:1.4.2"
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
`),
    },
    {
      name: '`resources: {}` is filled in place',
      code: emptyResources,
      errors: [{ range: 'resources' }],
      options: limitOff,
      output: daemonSet(`      containers:
        - name: agent   # ships logs
          image: "example/agent:1.4.2"
          resources: # TODO size
            requests:
              cpu: 100m
              memory: 128Mi
`),
    },
    {
      name: 'only a memory request missing is information; the fix adds the request and no limit',
      code: cpuOnly,
      options: limitOff,
      errors: [{ severity: 'information', message: /requests CPU but no memory/ }],
      output: daemonSet(`      containers:
        - name: agent
          image: example/agent:1.4.2
          resources:
            requests:
              cpu: 250m
              memory: 128Mi
`),
    },
    {
      name: "an init container's requests do not cover the others, but the pod is not BestEffort",
      code: daemonSet(`      initContainers:
        - name: setup
          image: example/setup:1
          resources:
            requests: {cpu: 10m}
      containers:
        - name: pause
          image: registry.k8s.io/pause:3.10
`),
      // The message does not mention BestEffort.
      errors: [{ range: 'pause', message: /^(?![\s\S]*BestEffort)/ }],
    },
  ],
});

test('no-resource-requests: the fix adds starting requests and no made-up memory limit, keeping comments and quotes', () => {
  const out = applyFix(noResources, 'no-resource-requests', { options: limitOff });
  assert.match(out, /image: "example\/agent:1.4.2"/);
  const c = parse(out).spec.template.spec.containers[0];
  assert.deepEqual(c.resources, { requests: { cpu: '100m', memory: '128Mi' } });
  // Offered singly, never preferred: nothing applies it unseen.
  const d = diagnostics(noResources, 'no-resource-requests')[0];
  assert.ok(d.fixes?.length && d.fixes.every((f) => !f.isPreferred && f.safety !== 'mechanical'));
  // The limit is then no-memory-limit's to offer, from the request the user has sized.
  assert.deepEqual(
    diagnostics(out, 'no-memory-limit').map((x) => x.fixes?.map((f) => f.title)),
    [['Set limits.memory: 128Mi']],
  );
});

test('no-resource-requests: `resources: {}` is filled in place', () => {
  const out = applyFix(emptyResources, 'no-resource-requests', { options: limitOff });
  assert.match(out, /resources: # TODO size\n {12}requests:\n {14}cpu: 100m/);
});

test('no-resource-requests: with only a CPU request the fix adds the memory request and no limit', () => {
  const out = applyFix(cpuOnly, 'no-resource-requests', { options: limitOff });
  assert.deepEqual(parse(out).spec.template.spec.containers[0].resources, { requests: { cpu: '250m', memory: '128Mi' } });
});

ruleTester('no-memory-limit', {
  valid: [
    // Not reported together with no-resource-requests' "nothing at all" case, whose fix adds the limit.
    { name: "not with no-resource-requests' nothing-at-all case, whose fix adds the limit", code: noResources },
  ],
  invalid: [
    {
      name: 'information on `resources`, fix sets the limit to the memory request',
      code: memoryRequestOnly,
      errors: [{ severity: 'information', range: 'resources' }],
      output: daemonSet(`      containers:
        - name: agent
          image: example/agent:1.4.2
          resources:
            requests:
              cpu: 100m
              memory: 300Mi
            limits:
              memory: 300Mi
`),
    },
    {
      name: 'without a memory request it is reported, but no made-up limit is offered',
      code: cpuOnly,
      errors: [{ severity: 'information', range: 'resources' }],
      output: null,
    },
  ],
});

test('no-memory-limit: the fix sets the limit to the memory request', () => {
  const out = applyFix(memoryRequestOnly, 'no-memory-limit');
  assert.equal(parse(out).spec.template.spec.containers[0].resources.limits.memory, '300Mi');
});

test('image-tag-latest: untagged and :latest images are flagged; digests and tags are fine', () => {
  assert.equal(imagePin('nginx'), 'none');
  assert.equal(imagePin('registry:5000/team/nginx'), 'none');
  assert.equal(imagePin('nginx:latest'), 'latest');
  assert.equal(imagePin('registry:5000/nginx:1.25'), 'tag');
  assert.equal(imagePin('nginx@sha256:4b036e8844920336fa48f36edeb7d4398f426d6a934ba022848deed2edbf09aa'), 'digest');
  assert.equal(imagePin('nginx:latest@sha256:4b03'), 'digest');
});

ruleTester('image-tag-latest', {
  valid: [],
  invalid: [
    {
      name: 'untagged and :latest images are warnings on the image value; a version tag and a templated image are not reported',
      code: daemonSet(`      initContainers:
        - name: init
          image: busybox
      containers:
        - name: agent
          image: 'example/agent:latest'
        - name: pinned
          image: example/agent:1.4.2
        - name: templated
          image: \${REGISTRY}/agent
`),
      errors: [
        { severity: 'warning', range: 'busybox', message: /has no tag/ },
        { severity: 'warning', range: "'example/agent:latest'", message: [/uses the `:latest` tag/, /Each node pulls it at a different time/] },
      ],
    },
  ],
});
