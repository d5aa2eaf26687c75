import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyDefaults, imageTag, prepareForCreate } from '../../server/src/k8s/validation';
import { minimalDaemonSet } from './k8s-validation-helpers';

test('apps/v1 DaemonSet defaults', () => {
  const input = minimalDaemonSet();
  input.spec.template.spec.containers[0].ports = [{ containerPort: 80 }];
  const before = JSON.stringify(input);
  const ds = applyDefaults(input);
  assert.equal(JSON.stringify(input), before, 'input not mutated');
  assert.deepEqual(ds.spec.updateStrategy, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
  assert.equal(ds.spec.revisionHistoryLimit, 10);
  const pod = ds.spec.template.spec;
  assert.equal(pod.dnsPolicy, 'ClusterFirst');
  assert.equal(pod.restartPolicy, 'Always');
  assert.equal(pod.terminationGracePeriodSeconds, 30);
  assert.equal(pod.schedulerName, 'default-scheduler');
  assert.deepEqual(pod.securityContext, {});
  const c = pod.containers[0];
  assert.equal(c.imagePullPolicy, 'IfNotPresent');
  assert.equal(c.terminationMessagePath, '/dev/termination-log');
  assert.equal(c.terminationMessagePolicy, 'File');
  assert.equal(c.ports[0].protocol, 'TCP');
});

test('OnDelete gets no rollingUpdate; set values are kept', () => {
  const ds = minimalDaemonSet();
  ds.spec.updateStrategy = { type: 'OnDelete' };
  assert.deepEqual(applyDefaults(ds).spec.updateStrategy, { type: 'OnDelete' });
  ds.spec.updateStrategy = { rollingUpdate: { maxSurge: '10%' } };
  assert.deepEqual(applyDefaults(ds).spec.updateStrategy, { type: 'RollingUpdate', rollingUpdate: { maxSurge: '10%', maxUnavailable: 1 } });
});

test('imagePullPolicy follows the image tag', () => {
  assert.equal(imageTag('nginx'), 'latest');
  assert.equal(imageTag('nginx:latest'), 'latest');
  assert.equal(imageTag('registry:5000/team/nginx'), 'latest');
  assert.equal(imageTag('registry:5000/team/nginx:1.2'), '1.2');
  assert.equal(imageTag('nginx@sha256:abc'), '');
  const ds = minimalDaemonSet();
  ds.spec.template.spec.containers = [
    { name: 'a', image: 'nginx' },
    { name: 'b', image: 'nginx:1.25' },
    { name: 'c', image: 'nginx:latest' },
  ];
  assert.deepEqual(
    applyDefaults(ds).spec.template.spec.containers.map((c: any) => c.imagePullPolicy),
    ['Always', 'IfNotPresent', 'Always'],
  );
});

test('wrong shapes are left alone', () => {
  assert.equal(applyDefaults('x'), 'x');
  assert.equal(applyDefaults(null), null);
  assert.deepEqual(applyDefaults({ spec: 'x' }), { spec: 'x' });
  assert.deepEqual(applyDefaults({ spec: { updateStrategy: 5, template: { spec: { containers: 'x' } } } }).spec.template.spec.containers, 'x');
});

test('prepareForCreate: namespace from context, status dropped', () => {
  const ds = { metadata: { name: 'a' }, status: {} };
  assert.deepEqual(prepareForCreate(ds, { namespace: 'kube-system' }), { metadata: { name: 'a', namespace: 'kube-system' } });
  assert.deepEqual(prepareForCreate({ metadata: { name: 'a', namespace: 'x' } }), { metadata: { name: 'a', namespace: 'x' } });
});
