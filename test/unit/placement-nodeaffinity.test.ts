import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { labelSelectorAsSelector, newRequirement, parseInt64, selectorMatches } from '../../server/src/k8s/labels';
import {
  matchNodeSelectorTerms,
  newNodeSelector,
  nodeSelectorRequirementsAsSelector,
  PreferredSchedulingTerms,
  RequiredNodeAffinity,
} from '../../server/src/placement/nodeaffinity';
import { selectorString } from '../../server/src/k8s/labels';

const node = (name: string | undefined, labels: Record<string, string> = {}) => ({ metadata: { ...(name ? { name } : {}), labels } });
const required = (...terms: any[]) =>
  new RequiredNodeAffinity({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } });

describe('labels.NewRequirement', () => {
  it('Gt/Lt values parse as Go ParseInt (sign, leading zeros) but must be label values', () => {
    assert.equal(parseInt64('0204'), 204n);
    assert.equal(parseInt64('+5'), 5n);
    assert.equal(parseInt64('1.5'), null);
    assert.equal(parseInt64('9223372036854775808'), null);
    assert.ok(!Array.isArray(newRequirement('gpu', 'gt', ['0204'], 'r')));
    // "-1" parses as an int but is not a valid label value (must start alphanumeric)
    assert.ok(Array.isArray(newRequirement('gpu', 'gt', ['-1'], 'r')));
    assert.ok(Array.isArray(newRequirement('gpu', 'gt', ['+5'], 'r')));
    assert.ok(Array.isArray(newRequirement('gpu', 'gt', ['1', '2'], 'r')));
    assert.ok(Array.isArray(newRequirement('gpu', 'gt', ['x'], 'r')));
  });

  it('In/NotIn need values, Exists/DoesNotExist none, keys must be label keys', () => {
    assert.ok(Array.isArray(newRequirement('a', 'in', [], 'r')));
    assert.ok(Array.isArray(newRequirement('a', 'exists', ['x'], 'r')));
    assert.ok(Array.isArray(newRequirement('Not A Key', 'exists', [], 'r')));
    assert.ok(Array.isArray(newRequirement('a', 'in', ['bad value!'], 'r')));
  });
});

describe('RequiredNodeAffinity.Match', () => {
  it('ANDs nodeSelector with required terms', () => {
    const a = new RequiredNodeAffinity({
      nodeSelector: { disk: 'ssd' },
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }] },
        },
      },
    });
    assert.equal(a.match(node('n', { disk: 'ssd', zone: 'a' })).match, true);
    assert.equal(a.match(node('n', { disk: 'hdd', zone: 'a' })).match, false);
    assert.equal(a.match(node('n', { disk: 'ssd', zone: 'b' })).match, false);
    assert.deepEqual(a.nodeSelectorMismatch(node('n', { disk: 'hdd' })), { key: 'disk', want: 'ssd', have: 'hdd' });
    assert.deepEqual(a.nodeSelectorMismatch(node('n')), { key: 'disk', want: 'ssd' });
  });

  it('ORs terms, ANDs expressions within a term', () => {
    const a = required(
      {
        matchExpressions: [
          { key: 'a', operator: 'Exists' },
          { key: 'b', operator: 'DoesNotExist' },
        ],
      },
      { matchExpressions: [{ key: 'c', operator: 'In', values: ['1'] }] },
    );
    assert.equal(a.match(node('n', { a: 'x' })).match, true);
    assert.equal(a.match(node('n', { a: 'x', b: 'y' })).match, false);
    assert.equal(a.match(node('n', { a: 'x', b: 'y', c: '1' })).match, true);
  });

  it('NotIn matches a missing key; Gt/Lt are strict and need an integer label', () => {
    assert.equal(required({ matchExpressions: [{ key: 'k', operator: 'NotIn', values: ['v'] }] }).match(node('n')).match, true);
    const gt = required({ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['8'] }] });
    assert.equal(gt.match(node('n', { cores: '16' })).match, true);
    assert.equal(gt.match(node('n', { cores: '8' })).match, false);
    assert.equal(gt.match(node('n', { cores: '016' })).match, true);
    assert.equal(gt.match(node('n', { cores: 'many' })).match, false);
    assert.equal(gt.match(node('n')).match, false);
    assert.equal(required({ matchExpressions: [{ key: 'cores', operator: 'Lt', values: ['8'] }] }).match(node('n', { cores: '-3' })).match, true);
  });

  it('a term with a parse error never matches, but another term still can', () => {
    const bad = { matchExpressions: [{ key: 'a', operator: 'In', values: [] }] };
    const r = required(bad).match(node('n', { a: 'x' }));
    assert.equal(r.match, false);
    assert.ok(r.errors.length > 0);
    assert.equal(required(bad, { matchExpressions: [{ key: 'a', operator: 'Exists' }] }).match(node('n', { a: 'x' })).match, true);
    assert.equal(required({ matchExpressions: [{ key: 'a', operator: 'Foo' }] }).match(node('n', { a: 'x' })).match, false);
  });

  it('empty terms and empty term lists match nothing', () => {
    assert.equal(required().match(node('n')).match, false);
    assert.equal(required({}).match(node('n')).match, false);
    assert.equal(required({ matchExpressions: [], matchFields: [] }).match(node('n')).match, false);
  });

  it('matchFields: only metadata.name, In/NotIn with one value; ignored for nameless nodes', () => {
    const f = (op: string, values: string[], key = 'metadata.name') => required({ matchFields: [{ key, operator: op, values }] });
    assert.equal(f('In', ['n1']).match(node('n1')).match, true);
    assert.equal(f('NotIn', ['n1']).match(node('n1')).match, false);
    assert.equal(f('NotIn', ['n1']).match(node('n2')).match, true);
    assert.equal(f('In', ['n1', 'n2']).match(node('n1')).match, false);
    assert.equal(f('Exists', []).match(node('n1')).match, false);
    // any other field reads as ""
    assert.equal(f('In', ['x'], 'spec.unschedulable').match(node('n1')).match, false);
    assert.equal(f('NotIn', ['x'], 'spec.unschedulable').match(node('n1')).match, true);
    // nameless node: matchFields skipped, the term is decided by its expressions
    const both = required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }], matchExpressions: [{ key: 'a', operator: 'Exists' }] });
    assert.equal(both.match(node(undefined, { a: '' })).match, true);
  });

  it('explains which expression failed', () => {
    const a = required({
      matchExpressions: [
        { key: 'kubernetes.io/arch', operator: 'In', values: ['arm64', 'amd64'] },
        { key: 'gpu', operator: 'Exists' },
      ],
    });
    assert.deepEqual(a.nodeSelector!.explainMismatch(node('n', { 'kubernetes.io/arch': 'amd64' })), ['gpu']);
    assert.deepEqual(a.nodeSelector!.explainMismatch(node('n', { 'kubernetes.io/arch': 's390x' })), ['gpu, kubernetes.io/arch in (amd64,arm64)']);
    assert.deepEqual(a.nodeSelector!.explainMismatch(node('n', { 'kubernetes.io/arch': 's390x', gpu: '' })), ['kubernetes.io/arch in (amd64,arm64)']);
  });
});

describe('NodeSelector / MatchNodeSelectorTerms / PreferredSchedulingTerms', () => {
  it('strict NewNodeSelector reports parse errors up front', () => {
    assert.ok(newNodeSelector({ nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [] }] }] }).errors.length > 0);
    assert.equal(newNodeSelector({ nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['a'] }] }] }).errors.length, 0);
  });

  it('MatchNodeSelectorTerms: nil node ⇒ false; labels named metadata.name are irrelevant', () => {
    assert.equal(matchNodeSelectorTerms(null, { nodeSelectorTerms: [{ matchExpressions: [{ key: 'a', operator: 'Exists' }] }] }), false);
    assert.equal(
      matchNodeSelectorTerms(node('x', { 'metadata.name': 'h' }), {
        nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['h'] }] }],
      }),
      false,
    );
  });

  it('scores the sum of matching weights, skipping weight 0; parse errors fail the whole set', () => {
    const n = node('h', { a: '1' });
    const { terms } = PreferredSchedulingTerms.parse([
      { weight: 3, preference: { matchExpressions: [{ key: 'a', operator: 'Exists' }] } },
      { weight: 0, preference: { matchExpressions: [{ key: 'a', operator: 'Exists' }] } },
      { weight: 4, preference: { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['h'] }] } },
      { weight: 5, preference: {} },
    ]);
    assert.equal(terms!.score(n), 7);
    const bad = PreferredSchedulingTerms.parse([{ weight: 1, preference: { matchExpressions: [{ key: 'a', operator: 'Gt', values: ['x'] }] } }]);
    assert.equal(bad.terms, null);
    assert.ok(bad.errors.length > 0);
  });

  it('nodeSelectorRequirementsAsSelector prints like labels.Selector.String()', () => {
    const { selector, errors } = nodeSelectorRequirementsAsSelector([
      { key: 'z', operator: 'NotIn', values: ['b', 'a'] },
      { key: 'a', operator: 'DoesNotExist' },
      { key: 'm', operator: 'Exists' },
      { key: 'n', operator: 'Gt', values: ['3'] },
    ]);
    assert.deepEqual(errors, []);
    assert.equal(selectorString(selector), '!a,m,n>3,z notin (a,b)');
    assert.equal(nodeSelectorRequirementsAsSelector([]).selector.nothing, true);
    assert.ok(nodeSelectorRequirementsAsSelector([{ key: 'a', operator: 'Bogus' }]).errors[0].includes('Unsupported value'));
  });
});

describe('DaemonSet spec.selector (metav1.LabelSelector)', () => {
  it('matchLabels AND matchExpressions; nil matches nothing; empty matches everything', () => {
    const s = labelSelectorAsSelector({ matchLabels: { app: 'x' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }] });
    assert.equal(selectorMatches(s, { app: 'x' }), true);
    assert.equal(selectorMatches(s, { app: 'x', tier: 'db' }), false);
    assert.equal(selectorMatches(labelSelectorAsSelector(undefined), { app: 'x' }), false);
    assert.equal(selectorMatches(labelSelectorAsSelector({}), { anything: 'x' }), true);
  });
});
