import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Path,
  applyDefaults,
  formatAggregate,
  formatFieldError,
  validateDaemonSet,
  validateDaemonSetForAuthoring,
  validateDaemonSetUpdate,
  validateRollingUpdateDaemonSet,
} from '../../server/src/k8s/validation';
import { fieldsOf, minimalDaemonSet } from './k8s-validation-helpers';

const ruPath = Path.root('spec.updateStrategy.rollingUpdate');

test('a minimal manifest is valid once defaulted, and invalid without defaulting', () => {
  assert.deepEqual(validateDaemonSetForAuthoring(minimalDaemonSet()), []);
  const raw = fieldsOf(validateDaemonSet(minimalDaemonSet()));
  assert.ok(raw.includes('spec.template.spec.dnsPolicy FieldValueRequired'));
  assert.ok(raw.includes('spec.template.spec.restartPolicy FieldValueRequired'));
  assert.ok(raw.includes('spec.template.spec.terminationGracePeriodSeconds FieldValueRequired'));
});

test('defaulting trap: maxSurge alone is rejected because maxUnavailable defaults to 1', () => {
  const ds = minimalDaemonSet();
  ds.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } };
  const errs = validateDaemonSetForAuthoring(ds);
  assert.equal(formatAggregate(errs), 'spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero');
  ds.spec.updateStrategy.rollingUpdate.maxUnavailable = 0;
  assert.deepEqual(validateDaemonSetForAuthoring(ds), []);
});

test('rolling update: both zero (0, "0%", mixed) need maxUnavailable', () => {
  for (const [mu, ms] of [
    [0, 0],
    ['0%', 0],
    [0, '0%'],
    ['0%', '0%'],
  ]) {
    const errs = validateRollingUpdateDaemonSet({ maxUnavailable: mu, maxSurge: ms }, ruPath);
    assert.equal(formatAggregate(errs), 'spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0', `${mu}/${ms}`);
  }
});

test('rolling update: percent syntax, >100%, negatives', () => {
  assert.deepEqual(validateRollingUpdateDaemonSet({ maxUnavailable: '100%', maxSurge: 0 }, ruPath), []);
  assert.deepEqual(validateRollingUpdateDaemonSet({ maxUnavailable: 0, maxSurge: '25%' }, ruPath), []);
  const bad = validateRollingUpdateDaemonSet({ maxUnavailable: '10', maxSurge: 0 }, ruPath);
  assert.equal(
    formatFieldError(bad[0]),
    "spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: \"10\": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
  );
  // "10" still counts as 10 (IntValue parses it), so there is no "both zero" error on top.
  assert.equal(bad.length, 1);
  const over = validateRollingUpdateDaemonSet({ maxUnavailable: '101%', maxSurge: 0 }, ruPath);
  assert.deepEqual(fieldsOf(over), ['spec.updateStrategy.rollingUpdate.maxUnavailable FieldValueInvalid']);
  assert.equal(over[0].detail, 'must not be greater than 100%');
  const neg = validateRollingUpdateDaemonSet({ maxUnavailable: -1, maxSurge: 0 }, ruPath);
  assert.equal(neg[0].detail, 'must be greater than or equal to 0');
  // An invalid percent string counts as 0 for the exactly-one rule.
  const garbage = validateRollingUpdateDaemonSet({ maxUnavailable: 'x%', maxSurge: 0 }, ruPath);
  assert.deepEqual(fieldsOf(garbage), [
    'spec.updateStrategy.rollingUpdate.maxUnavailable FieldValueInvalid',
    'spec.updateStrategy.rollingUpdate.maxUnavailable FieldValueRequired',
  ]);
});

test('update strategy: unknown type, missing rollingUpdate without defaulting, OnDelete', () => {
  const ds = applyDefaults(minimalDaemonSet());
  ds.spec.updateStrategy = { type: 'Random' };
  assert.equal(
    formatAggregate(validateDaemonSet(ds)),
    'spec.updateStrategy: Unsupported value: {"type":"Random"}: supported values: "RollingUpdate", "OnDelete"',
  );
  ds.spec.updateStrategy = { type: 'RollingUpdate' };
  assert.equal(formatAggregate(validateDaemonSet(ds)), 'spec.updateStrategy.rollingUpdate: Required value');
  ds.spec.updateStrategy = { type: 'OnDelete' };
  assert.deepEqual(validateDaemonSet(ds), []);
});

test('restartPolicy OnFailure: pod-level enum passes, DaemonSet narrows to Always', () => {
  const ds = minimalDaemonSet();
  ds.spec.template.spec.restartPolicy = 'OnFailure';
  assert.equal(
    formatAggregate(validateDaemonSetForAuthoring(ds)),
    'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
  );
  ds.spec.template.spec.restartPolicy = 'Sometimes';
  assert.deepEqual(fieldsOf(validateDaemonSetForAuthoring(ds)), [
    'spec.template.spec.restartPolicy FieldValueNotSupported',
    'spec.template.spec.restartPolicy FieldValueNotSupported',
  ]);
});

test('activeDeadlineSeconds is forbidden; negative counters are invalid', () => {
  const ds = minimalDaemonSet();
  ds.spec.template.spec.activeDeadlineSeconds = 30;
  ds.spec.minReadySeconds = -1;
  ds.spec.revisionHistoryLimit = -2;
  assert.deepEqual(validateDaemonSetForAuthoring(ds).map(formatFieldError), [
    'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported',
    'spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0',
    'spec.revisionHistoryLimit: Invalid value: -2: must be greater than or equal to 0',
  ]);
});

test('selector must match template labels (wording, nil selector, expressions)', () => {
  const ds = minimalDaemonSet();
  ds.spec.selector = { matchLabels: { app: 'other' } };
  assert.equal(
    formatAggregate(validateDaemonSetForAuthoring(ds)),
    'spec.template.metadata.labels: Invalid value: {"app":"agent"}: `selector` does not match template `labels`',
  );
  delete ds.spec.selector;
  assert.deepEqual(fieldsOf(validateDaemonSetForAuthoring(ds)), ['spec.template.metadata.labels FieldValueInvalid']);
  ds.spec.selector = {
    matchExpressions: [
      { key: 'app', operator: 'In', values: ['agent', 'x'] },
      { key: 'tier', operator: 'DoesNotExist' },
    ],
  };
  assert.deepEqual(validateDaemonSetForAuthoring(ds), []);
  ds.spec.selector = { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['agent'] }] };
  assert.deepEqual(fieldsOf(validateDaemonSetForAuthoring(ds)), ['spec.template.metadata.labels FieldValueInvalid']);
});

test('empty selector is invalid for a DaemonSet (it matches everything)', () => {
  const ds = minimalDaemonSet();
  ds.spec.selector = {};
  assert.equal(formatAggregate(validateDaemonSetForAuthoring(ds)), 'spec.selector: Invalid value: {}: empty selector is invalid for daemonset');
});

test('selector syntax errors; an unparsable selector skips the match check', () => {
  const ds = minimalDaemonSet();
  ds.spec.selector = {
    matchExpressions: [
      { key: 'app', operator: 'In' },
      { key: 'x', operator: 'Exists', values: ['a'] },
      { key: 'y', operator: 'Has' },
    ],
  };
  assert.deepEqual(validateDaemonSetForAuthoring(ds).map(formatFieldError), [
    "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    "spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
    'spec.selector.matchExpressions[2].operator: Invalid value: "Has": not a valid selector operator',
  ]);
});

test('template labels errors are reported at spec.template.labels', () => {
  const ds = minimalDaemonSet();
  ds.spec.template.metadata.labels['bad key!'] = 'v';
  const errs = validateDaemonSetForAuthoring(ds);
  assert.deepEqual(fieldsOf(errs), ['spec.template.labels FieldValueInvalid']);
  assert.match(errs[0].detail, /^name part must consist of alphanumeric characters/);
});

test('update: selector is immutable, metadata needs a resourceVersion, templateGeneration follows the template', () => {
  const old = applyDefaults(minimalDaemonSet());
  old.metadata.resourceVersion = '1';
  const next = structuredClone(old);
  next.metadata.resourceVersion = '2';
  assert.deepEqual(validateDaemonSetUpdate(next, old), []);
  next.spec.selector = { matchLabels: { app: 'agent', v: '2' } };
  next.spec.template.metadata.labels.v = '2';
  next.metadata.annotations = { 'deprecated.daemonset.template.generation': '1' };
  const errs = validateDaemonSetUpdate(next, old);
  assert.deepEqual(fieldsOf(errs), ['spec.selector FieldValueInvalid']);
  assert.equal(errs[0].detail, 'field is immutable');
  const same = structuredClone(old);
  same.metadata.resourceVersion = '';
  same.spec.template.spec.containers[0].image = 'busybox:1.37';
  assert.deepEqual(validateDaemonSetUpdate(same, old).map(formatFieldError), [
    'metadata.resourceVersion: Invalid value: "": must be specified for an update',
    'spec.templateGeneration: Invalid value: 0: must be incremented upon template update',
  ]);
});

test('update: Lt/Gt tolerations stay allowed when the old object already used them', () => {
  const old = applyDefaults(minimalDaemonSet());
  old.metadata.resourceVersion = '1';
  old.spec.template.spec.tolerations = [{ key: 'sla', operator: 'Gt', value: '5', effect: 'NoSchedule' }];
  const next = structuredClone(old);
  assert.deepEqual(validateDaemonSetUpdate(next, old), []);
  assert.deepEqual(fieldsOf(validateDaemonSet(next)), ['spec.template.spec.tolerations[0].operator FieldValueNotSupported']);
});

test('metadata: name required / DNS subdomain, namespace DNS label, labels and annotations', () => {
  const ds = applyDefaults(minimalDaemonSet());
  ds.metadata = { name: 'Bad_Name', namespace: 'Kube.System', labels: { ok: 'has space' }, annotations: { 'a/b/c': 'x' } };
  assert.deepEqual(fieldsOf(validateDaemonSet(ds)), [
    'metadata.name FieldValueInvalid',
    'metadata.namespace FieldValueInvalid',
    'metadata.labels FieldValueInvalid',
    'metadata.annotations FieldValueInvalid',
  ]);
  ds.metadata = {};
  assert.deepEqual(validateDaemonSet(ds).map(formatFieldError), [
    'metadata.name: Required value: name or generateName is required',
    'metadata.namespace: Required value',
  ]);
  ds.metadata = { name: 'x', namespace: 'default', annotations: { big: 'x'.repeat(262145) } };
  assert.deepEqual(validateDaemonSet(ds).map(formatFieldError), ['metadata.annotations: Too long: may not be more than 262144 bytes']);
});

test('authoring: namespace comes from the context, generateName stands in for a name', () => {
  const ds = minimalDaemonSet();
  delete ds.metadata.namespace;
  delete ds.metadata.name;
  ds.metadata.generateName = 'agent-';
  assert.deepEqual(validateDaemonSetForAuthoring(ds), []);
  ds.metadata.generateName = 'Agent-';
  assert.deepEqual(fieldsOf(validateDaemonSetForAuthoring(ds)), ['metadata.generateName FieldValueInvalid', 'metadata.name FieldValueInvalid']);
});
