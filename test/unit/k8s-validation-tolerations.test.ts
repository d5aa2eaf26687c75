import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Path, formatFieldError, validateTolerations } from '../../server/src/k8s/validation';

const p = Path.root('spec.template.spec.tolerations');
const lines = (t: unknown[], gate = false) => validateTolerations(t, p, { AllowTaintTolerationComparisonOperators: gate }).map(formatFieldError);

test('valid tolerations', () => {
  assert.deepEqual(
    lines([
      { operator: 'Exists' },
      { key: 'a', value: 'b' },
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: -2 },
    ]),
    [],
  );
});

test('empty key needs Exists', () => {
  assert.deepEqual(lines([{ operator: 'Equal', value: '' }]), [
    'spec.template.spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
  ]);
});

test('tolerationSeconds needs effect NoExecute', () => {
  assert.deepEqual(lines([{ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 20 }]), [
    'spec.template.spec.tolerations[0].effect: Invalid value: "NoSchedule": effect must be \'NoExecute\' when `tolerationSeconds` is set',
  ]);
});

test('Equal: a bad value is reported on the operator field, with the value', () => {
  const out = lines([{ key: 'k', value: 'has space' }]);
  assert.equal(out.length, 1);
  assert.match(out[0], /^spec\.template\.spec\.tolerations\[0\]\.operator: Invalid value: "has space": a valid label must be an empty string/);
});

test('Exists with a value', () => {
  const out = lines([{ key: 'k', operator: 'Exists', value: 'v' }]);
  assert.equal(out.length, 1);
  assert.match(out[0], /^spec\.template\.spec\.tolerations\[0\]\.operator: Invalid value: \{.*\}: value must be empty when `operator` is 'Exists'$/);
});

test('unknown operator and effect; invalid key', () => {
  assert.deepEqual(lines([{ key: 'k', operator: 'In', value: 'v', effect: 'NoRun' }]), [
    'spec.template.spec.tolerations[0].operator: Unsupported value: "In": supported values: "Equal", "Exists"',
    'spec.template.spec.tolerations[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
  ]);
  const bad = lines([{ key: 'a/b/c', operator: 'Exists' }]);
  assert.equal(bad.length, 1);
  assert.match(bad[0], /^spec\.template\.spec\.tolerations\[0\]\.key: Invalid value: "a\/b\/c": a valid label key must consist of/);
});

test('Lt/Gt: unsupported with the gate off, integer rules with it on', () => {
  assert.deepEqual(lines([{ key: 'sla', operator: 'Lt', value: '5', effect: 'NoSchedule' }]), [
    'spec.template.spec.tolerations[0].operator: Unsupported value: "Lt": supported values: "Equal", "Exists", "Lt", "Gt"',
  ]);
  assert.deepEqual(lines([{ key: 'sla', operator: 'Gt', value: '-100' }], true), []);
  assert.deepEqual(
    lines(
      [
        { key: 'sla', operator: 'Gt', value: '0950' },
        { key: 'sla', operator: 'Lt', value: '' },
        { key: 'sla', operator: 'Lt', value: '+5' },
      ],
      true,
    ),
    [
      'spec.template.spec.tolerations[0].value: Invalid value: "0950": must be a valid decimal integer in canonical form',
      'spec.template.spec.tolerations[1].value: Invalid value: "": must be non-empty',
      'spec.template.spec.tolerations[2].value: Invalid value: "+5": must be a valid decimal integer in canonical form',
    ],
  );
  assert.deepEqual(lines([{ key: 'sla', operator: 'Gt', value: '-9223372036854775809' }], true), [
    'spec.template.spec.tolerations[0].value: Invalid value: "-9223372036854775809": strconv.ParseInt: parsing "-9223372036854775809": value out of range',
  ]);
});

test('wrong shapes are skipped, never thrown on', () => {
  assert.deepEqual(lines([null, 'x', 5, { key: 5, operator: 'Exists' }] as unknown[]), []);
  assert.deepEqual(validateTolerations('nope', p), []);
});
