import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Path,
  duplicate,
  forbidden,
  formatAggregate,
  formatFieldError,
  formatInvalidMessage,
  invalid,
  notSupported,
  required,
  tooLong,
} from '../../server/src/k8s/validation/field';

const p = Path.root('spec').child('template', 'spec');

test('path building: children, indexes and map keys', () => {
  assert.equal(String(p.child('tolerations').index(0).child('operator')), 'spec.template.spec.tolerations[0].operator');
  assert.equal(String(p.child('containers').index(1).child('resources', 'requests').key('cpu')), 'spec.template.spec.containers[1].resources.requests[cpu]');
  assert.equal(String(Path.root('').child('a')), 'a');
});

test('Unsupported value line exactly as kubectl prints it', () => {
  const e = notSupported(p.child('restartPolicy'), 'OnFailure', ['Always']);
  assert.equal(formatFieldError(e), 'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"');
  const e2 = notSupported(Path.root('spec').child('updateStrategy'), { type: 'Random' }, ['RollingUpdate', 'OnDelete']);
  assert.equal(formatFieldError(e2), 'spec.updateStrategy: Unsupported value: {"type":"Random"}: supported values: "RollingUpdate", "OnDelete"');
});

test('Required, Forbidden and Too long omit the bad value', () => {
  assert.equal(formatFieldError(required(p.child('containers'))), 'spec.template.spec.containers: Required value');
  assert.equal(
    formatFieldError(required(Path.root('spec.updateStrategy.rollingUpdate.maxUnavailable'), 'cannot be 0 when maxSurge is 0')),
    'spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0',
  );
  assert.equal(
    formatFieldError(forbidden(p.child('activeDeadlineSeconds'), 'activeDeadlineSeconds in DaemonSet is not Supported')),
    'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported',
  );
  assert.equal(formatFieldError(tooLong(Path.root('metadata.annotations'), 262144)), 'metadata.annotations: Too long: may not be more than 262144 bytes');
});

test('bad values: strings quoted, numbers and bools bare, null, objects as JSON', () => {
  assert.equal(formatFieldError(invalid(Path.root('a'), 7947, 'x')), 'a: Invalid value: 7947: x');
  assert.equal(formatFieldError(invalid(Path.root('a'), true, 'x')), 'a: Invalid value: true: x');
  assert.equal(formatFieldError(invalid(Path.root('a'), null, 'x')), 'a: Invalid value: null: x');
  assert.equal(formatFieldError(invalid(Path.root('a'), { app: 'x' }, 'x')), 'a: Invalid value: {"app":"x"}: x');
  assert.equal(formatFieldError(duplicate(Path.root('c[1].ports[0].hostPort'), 'TCP//80')), 'c[1].ports[0].hostPort: Duplicate value: "TCP//80"');
});

test('aggregate: one error bare, several bracketed; API message wraps it', () => {
  const a = required(Path.root('x'));
  const b = invalid(Path.root('y'), 'v', 'bad');
  assert.equal(formatAggregate([]), '');
  assert.equal(formatAggregate([a]), 'x: Required value');
  assert.equal(formatAggregate([a, b]), '[x: Required value, y: Invalid value: "v": bad]');
  assert.equal(formatInvalidMessage('DaemonSet.apps', 'ds', [a]), 'DaemonSet.apps "ds" is invalid: x: Required value');
});
