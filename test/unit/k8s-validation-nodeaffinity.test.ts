import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFieldError, validateDaemonSetForAuthoring } from '../../server/src/k8s/validation';
import { minimalDaemonSet } from './k8s-validation-helpers';

function withAffinity(affinity: unknown): string[] {
  const ds = minimalDaemonSet();
  ds.spec.template.spec.affinity = affinity;
  return validateDaemonSetForAuthoring(ds).map(formatFieldError);
}

const REQ = 'spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution';

test('required selector needs at least one term; empty terms are valid', () => {
  assert.deepEqual(withAffinity({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } }), [
    `${REQ}.nodeSelectorTerms: Required value: must have at least one node selector term`,
  ]);
  assert.deepEqual(
    withAffinity({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{}, { matchExpressions: [] }] } } }),
    [],
  );
});

test('matchExpressions rules', () => {
  const out = withAffinity({
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [
          {
            matchExpressions: [
              { key: 'kubernetes.io/os', operator: 'In', values: [] },
              { key: 'gpu', operator: 'Exists', values: ['x'] },
              { key: 'cores', operator: 'Gt', values: ['1', '2'] },
              { key: 'cores', operator: 'Lt', values: ['abc'] },
              { key: 'x', operator: '' },
              { key: 'x', operator: 'In', values: ['-bad'] },
            ],
          },
        ],
      },
    },
  });
  assert.equal(out.length, 5);
  assert.deepEqual(out.slice(0, 4), [
    `${REQ}.nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`,
    `${REQ}.nodeSelectorTerms[0].matchExpressions[1].values: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'`,
    `${REQ}.nodeSelectorTerms[0].matchExpressions[2].values: Required value: must be specified single value when \`operator\` is 'Lt' or 'Gt'`,
    `${REQ}.nodeSelectorTerms[0].matchExpressions[4].operator: Invalid value: "": not a valid selector operator`,
  ]);
  assert.match(out[4], /matchExpressions\[5\]\.values\[0\]: Invalid value: "-bad": a valid label must be/);
});

test('matchFields: metadata.name only, In/NotIn with one node name', () => {
  const out = withAffinity({
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [
          {
            matchFields: [
              { key: 'metadata.name', operator: 'In', values: ['a', 'b'] },
              { key: 'metadata.labels', operator: 'Exists' },
              { key: 'metadata.name', operator: 'NotIn', values: ['Node_1'] },
            ],
          },
        ],
      },
    },
  });
  const f = `${REQ}.nodeSelectorTerms[0].matchFields`;
  assert.equal(out.length, 4);
  assert.deepEqual(out.slice(0, 3), [
    `${f}[0].values: Required value: must be only one value when \`operator\` is 'In' or 'NotIn' for node field selector`,
    `${f}[1].operator: Invalid value: "Exists": not a valid selector operator`,
    `${f}[1].key: Invalid value: "metadata.labels": not a valid field selector key`,
  ]);
  assert.match(out[3], /matchFields\[2\]\.values\[0\]: Invalid value: "Node_1": a lowercase RFC 1123 subdomain/);
});

test('preferred terms: weight 1-100; invalid label values tolerated in preferences', () => {
  const P = 'spec.template.spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution';
  assert.deepEqual(
    withAffinity({
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 0, preference: { matchExpressions: [{ key: 'a', operator: 'In', values: ['-x'] }] } },
          { weight: 199, preference: {} },
          { weight: 100, preference: {} },
        ],
      },
    }),
    [`${P}[0].weight: Invalid value: 0: must be in the range 1-100`, `${P}[1].weight: Invalid value: 199: must be in the range 1-100`],
  );
});

test('pod anti-affinity needs a topologyKey', () => {
  assert.deepEqual(withAffinity({ podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'x' } } }] } }), [
    'spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty',
  ]);
});
