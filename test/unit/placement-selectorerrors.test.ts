// Node selector parse errors as Kubernetes 1.36 prints them: component-helpers nodeaffinity
// (nodeSelectorRequirementsAsSelector, nodeSelectorRequirementsAsFieldSelector, NewNodeSelector),
// labels.NewRequirement, field.Error.ErrorBody (non-string values as JSON) and errors.NewAggregate.
// Cases from nodeaffinity_test.go (TestNodeSelectorMatch, TestNodeSelectorRequirementsAsSelector).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { goJSONString, goJSONValue, labelSelectorAsSelectorOrError, newRequirement, selectorString } from '../../server/src/k8s/labels';
import {
  aggregateErrors,
  newNodeSelector,
  nodeSelectorRequirementsAsFieldSelector,
  nodeSelectorRequirementsAsSelector,
} from '../../server/src/placement/nodeaffinity';

const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
  "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const OPS = 'supported values: "In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"';

describe('nodeSelectorRequirementsAsSelector (TestNodeSelectorRequirementsAsSelector)', () => {
  it('nil and empty requirements select nothing, without error', () => {
    for (const reqs of [null, undefined, []]) {
      const r = nodeSelectorRequirementsAsSelector(reqs, 'root');
      assert.equal(r.selector.nothing, true);
      assert.deepEqual(r.errors, []);
    }
  });

  it('In, Gt and Lt parse into the selector Go prints', () => {
    assert.equal(
      selectorString(nodeSelectorRequirementsAsSelector([{ key: 'foo', operator: 'In', values: ['bar', 'baz'] }], 'root').selector),
      'foo in (bar,baz)',
    );
    assert.equal(selectorString(nodeSelectorRequirementsAsSelector([{ key: 'foo', operator: 'Gt', values: ['1'] }], 'root').selector), 'foo>1');
    assert.equal(selectorString(nodeSelectorRequirementsAsSelector([{ key: 'bar', operator: 'Lt', values: ['7'] }], 'root').selector), 'bar<7');
  });

  it('Exists with values: the values as JSON, as ErrorBody prints a []string', () => {
    assert.deepEqual(nodeSelectorRequirementsAsSelector([{ key: 'foo', operator: 'Exists', values: ['bar', 'baz'] }], 'root').errors, [
      'root[0].values: Invalid value: ["bar","baz"]: values set must be empty for exists and does not exist',
    ]);
  });

  it('an invalid operator: NotSupported, the operator (a named string type) as JSON', () => {
    assert.deepEqual(nodeSelectorRequirementsAsSelector([{ key: 'baz', operator: 'invalid', values: ['5'] }], 'root').errors, [
      `root[0].operator: Unsupported value: "invalid": ${OPS}`,
    ]);
    // Not a property of some prototype either.
    assert.deepEqual(nodeSelectorRequirementsAsSelector([{ key: 'baz', operator: 'constructor' }], 'root').errors, [
      `root[0].operator: Unsupported value: "constructor": ${OPS}`,
    ]);
    assert.deepEqual(nodeSelectorRequirementsAsSelector([{ key: 'baz', operator: '<x>' }], 'root').errors, [
      `root[0].operator: Unsupported value: "\\u003cx\\u003e": ${OPS}`,
    ]);
  });

  it('In without values: nil prints null, an empty list []', () => {
    assert.deepEqual(nodeSelectorRequirementsAsSelector([{ key: 'a', operator: 'In' }], 'root').errors, [
      "root[0].values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty",
    ]);
    assert.deepEqual(nodeSelectorRequirementsAsSelector([{ key: 'a', operator: 'NotIn', values: [] }], 'root').errors, [
      "root[0].values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty",
    ]);
  });

  it('Gt with two values and a non-integer: every error of the requirement', () => {
    assert.deepEqual(nodeSelectorRequirementsAsSelector([{ key: 'a', operator: 'Gt', values: ['1', 'x'] }], 'root').errors, [
      `root[0].values: Invalid value: ["1","x"]: for 'Gt', 'Lt' operators, exactly one value is required`,
      `root[0].values[1]: Invalid value: "x": for 'Gt', 'Lt' operators, the value must be an integer`,
    ]);
  });
});

describe('nodeSelectorRequirementsAsFieldSelector', () => {
  it('In/NotIn need exactly one value; other operators are NotSupported with In and NotIn listed', () => {
    assert.deepEqual(nodeSelectorRequirementsAsFieldSelector([{ key: 'metadata.name', operator: 'NotIn', values: ['a', 'b'] }], 'f').errors, [
      'f[0].values: Invalid value: ["a","b"]: must have one element',
    ]);
    assert.deepEqual(nodeSelectorRequirementsAsFieldSelector([{ key: 'metadata.name', operator: 'In' }], 'f').errors, [
      'f[0].values: Invalid value: null: must have one element',
    ]);
    assert.deepEqual(nodeSelectorRequirementsAsFieldSelector([{ key: 'metadata.name', operator: 'Exists' }], 'f').errors, [
      'f[0].operator: Unsupported value: "Exists": supported values: "In", "NotIn"',
    ]);
  });
});

describe('NewNodeSelector (TestNodeSelectorMatch)', () => {
  it('invalid field selector and label selector: every term parsed, errors flattened into one aggregate', () => {
    const { errors, error } = newNodeSelector({
      nodeSelectorTerms: [
        { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['host_1', 'host_2'] }] },
        {
          matchExpressions: [{ key: 'label_1', operator: 'In', values: ['label_1_val'] }],
          matchFields: [{ key: 'metadata.name', operator: 'In', values: ['host_1'] }],
        },
        { matchExpressions: [{ key: 'invalid key', operator: 'In', values: ['label_value'] }] },
      ],
    });
    const first = 'nodeSelectorTerms[0].matchFields[0].values: Invalid value: ["host_1","host_2"]: must have one element';
    const second = `nodeSelectorTerms[2].matchExpressions[0].key: Invalid value: "invalid key": ${NAME_PART}`;
    assert.deepEqual(errors, [first, second]);
    assert.equal(error, `[${first}, ${second}]`);
  });

  it('one error prints bare; repeated messages once; none gives no error', () => {
    assert.equal(aggregateErrors(['a']), 'a');
    assert.equal(aggregateErrors(['a', 'a']), 'a');
    assert.equal(aggregateErrors(['a', 'b', 'a']), '[a, b]');
    assert.equal(aggregateErrors([]), undefined);
    const ok = newNodeSelector({ nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['host_1'] }] }] });
    assert.equal(ok.error, undefined);
    assert.equal(ok.selector.match({ metadata: { name: 'host_1' } }).match, true);
  });

  it('nil or empty terms and a term without requirements select nothing', () => {
    for (const ns of [{}, { nodeSelectorTerms: [] }, { nodeSelectorTerms: [{}] }, { nodeSelectorTerms: [{ matchExpressions: [] }] }]) {
      const { selector, error } = newNodeSelector(ns);
      assert.equal(error, undefined);
      assert.equal(selector.match({ metadata: { name: 'n', labels: { a: 'b' } } }).match, false);
    }
  });
});

describe('labels.NewRequirement and LabelSelectorAsSelector paths', () => {
  it('without a path (as LabelSelectorAsSelector calls it) errors are rooted at the child', () => {
    assert.deepEqual(newRequirement('a', 'in', ['-x'], ''), [
      `values[0][a]: Invalid value: "-x": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ]);
    assert.deepEqual(newRequirement('bad key', 'exists', [], ''), [`key: Invalid value: "bad key": ${NAME_PART}`]);
  });

  it("LabelSelectorAsSelector's errors: the requirement's aggregate, or the operator Go does not know", () => {
    assert.equal(
      labelSelectorAsSelectorOrError({ matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] }).error,
      '"Gt" is not a valid label selector operator',
    );
    assert.equal(
      labelSelectorAsSelectorOrError({ matchExpressions: [{ key: 'bad key', operator: 'In', values: [] }] }).error,
      `[key: Invalid value: "bad key": ${NAME_PART}, values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty]`,
    );
    assert.equal(labelSelectorAsSelectorOrError(null).selector?.nothing, true);
    assert.deepEqual(labelSelectorAsSelectorOrError({}).selector?.requirements, []);
  });

  it('Go JSON: HTML-escaped, control characters escaped, printable unicode as it is', () => {
    assert.equal(goJSONString('a"b\\c\n\t<&>é\u2028\u0001'), '"a\\"b\\\\c\\n\\t\\u003c\\u0026\\u003eé\\u2028\\u0001"');
    assert.equal(goJSONValue(['x', 'y']), '["x","y"]');
    assert.equal(goJSONValue(null), 'null');
  });
});
