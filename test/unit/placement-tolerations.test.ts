import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addOrUpdateDaemonPodTolerations,
  addOrUpdateToleration,
  compareNumericValues,
  doNotScheduleTaintsFilter,
  finiteNoExecuteTolerations,
  findMatchingUntoleratedTaint,
  toleratesTaint,
} from '../../server/src/placement/tolerations';

const on = { TaintTolerationComparisonOperators: true };

describe('Toleration.ToleratesTaint', () => {
  it('empty effect matches every effect, empty key with Exists every key', () => {
    assert.equal(toleratesTaint({ operator: 'Exists' }, { key: 'a', value: 'b', effect: 'NoExecute' }), true);
    assert.equal(toleratesTaint({ key: 'a', operator: 'Exists' }, { key: 'a', effect: 'PreferNoSchedule' }), true);
    assert.equal(toleratesTaint({ key: 'a', operator: 'Exists', effect: 'NoSchedule' }, { key: 'a', effect: 'NoExecute' }), false);
  });

  it('operator "" and Equal compare values exactly (empty equals empty)', () => {
    assert.equal(toleratesTaint({ key: 'a' }, { key: 'a', effect: 'NoSchedule' }), true);
    assert.equal(toleratesTaint({ key: 'a', operator: 'Equal', value: '' }, { key: 'a', value: '', effect: 'NoSchedule' }), true);
    assert.equal(toleratesTaint({ key: 'a', operator: 'Equal', value: 'B' }, { key: 'a', value: 'b', effect: 'NoSchedule' }), false);
  });

  it('ignores tolerationSeconds', () => {
    assert.equal(toleratesTaint({ key: 'a', operator: 'Exists', tolerationSeconds: 0 }, { key: 'a', effect: 'NoExecute' }), true);
  });

  it('Gt/Lt only with the feature gate (off by default)', () => {
    const tol = { key: 'sla', operator: 'Gt', value: '100', effect: 'NoSchedule' };
    const taint = { key: 'sla', value: '200', effect: 'NoSchedule' };
    assert.equal(toleratesTaint(tol, taint), false);
    assert.equal(toleratesTaint(tol, taint, on), true);
    assert.equal(toleratesTaint({ ...tol, operator: 'Lt' }, taint, on), false);
  });

  it('unknown operators never tolerate', () => {
    assert.equal(toleratesTaint({ key: 'a', operator: 'exists' }, { key: 'a', effect: 'NoSchedule' }), false);
  });
});

describe('compareNumericValues', () => {
  it('needs canonical int64 on both sides', () => {
    assert.equal(compareNumericValues('100', '200', 'Gt'), true);
    assert.equal(compareNumericValues('+100', '200', 'Gt'), false);
    assert.equal(compareNumericValues('100', ' 200', 'Gt'), false);
    assert.equal(compareNumericValues('-0', '1', 'Gt'), false);
    assert.equal(compareNumericValues('100', '9223372036854775808', 'Gt'), false);
    assert.equal(compareNumericValues('-9223372036854775808', '9223372036854775807', 'Gt'), true);
    assert.equal(compareNumericValues('5', '5', 'Lt'), false);
    assert.equal(compareNumericValues('5', '4', 'Equal'), false);
  });
});

describe('FindMatchingUntoleratedTaint', () => {
  const taints = [
    { key: 'soft', effect: 'PreferNoSchedule' },
    { key: 'a', effect: 'NoSchedule' },
    { key: 'b', effect: 'NoExecute' },
  ];
  it('returns the first untolerated taint passing the filter', () => {
    assert.deepEqual(findMatchingUntoleratedTaint(taints, [], doNotScheduleTaintsFilter), { key: 'a', effect: 'NoSchedule' });
    assert.deepEqual(findMatchingUntoleratedTaint(taints, [{ key: 'a', operator: 'Exists' }], doNotScheduleTaintsFilter), { key: 'b', effect: 'NoExecute' });
    assert.deepEqual(findMatchingUntoleratedTaint(taints, [], null), { key: 'soft', effect: 'PreferNoSchedule' });
    assert.equal(findMatchingUntoleratedTaint(taints, [{ operator: 'Exists' }], null), undefined);
    assert.equal(findMatchingUntoleratedTaint(null, [], null), undefined);
  });
});

describe('AddOrUpdateDaemonPodTolerations', () => {
  it('appends the six daemon tolerations, without tolerationSeconds', () => {
    const spec = addOrUpdateDaemonPodTolerations({ tolerations: [{ key: 'x', operator: 'Exists' }] });
    assert.deepEqual(
      spec.tolerations!.map((t) => `${t.key}:${t.operator}:${t.effect}`),
      [
        'x:Exists:undefined',
        'node.kubernetes.io/not-ready:Exists:NoExecute',
        'node.kubernetes.io/unreachable:Exists:NoExecute',
        'node.kubernetes.io/disk-pressure:Exists:NoSchedule',
        'node.kubernetes.io/memory-pressure:Exists:NoSchedule',
        'node.kubernetes.io/pid-pressure:Exists:NoSchedule',
        'node.kubernetes.io/unschedulable:Exists:NoSchedule',
      ],
    );
    assert.ok(spec.tolerations!.every((t) => t.tolerationSeconds === undefined));
  });

  it('adds network-unavailable only with hostNetwork', () => {
    const key = 'node.kubernetes.io/network-unavailable';
    assert.ok(!addOrUpdateDaemonPodTolerations({}).tolerations!.some((t) => t.key === key));
    assert.ok(addOrUpdateDaemonPodTolerations({ hostNetwork: true }).tolerations!.some((t) => t.key === key));
  });

  it('replaces in place a user toleration with identical key/operator/value/effect, dropping its tolerationSeconds', () => {
    const user = [
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'mine', operator: 'Exists' },
    ];
    const spec = addOrUpdateDaemonPodTolerations({ tolerations: user });
    assert.deepEqual(spec.tolerations![0], { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' });
    assert.equal(spec.tolerations![1].key, 'mine');
    assert.equal(spec.tolerations!.filter((t) => t.key === 'node.kubernetes.io/not-ready').length, 1);
    // the caller's spec is untouched
    assert.equal(user[0].tolerationSeconds, 300);
  });

  it('keeps a near-identical user toleration (operator "" is not Equal; different value) and appends', () => {
    const spec = addOrUpdateDaemonPodTolerations({ tolerations: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', tolerationSeconds: 30 }] });
    const unreachable = spec.tolerations!.filter((t) => t.key === 'node.kubernetes.io/unreachable');
    assert.equal(unreachable.length, 2);
    assert.equal(unreachable[0].tolerationSeconds, 30);
  });

  it('addOrUpdateToleration leaves an exactly equal list alone', () => {
    const list = [{ key: 'a', operator: 'Exists', effect: 'NoSchedule' }];
    assert.deepEqual(addOrUpdateToleration(list, { key: 'a', operator: 'Exists', effect: 'NoSchedule' }), list);
  });
});

describe('finite NoExecute tolerations (evict→recreate loop)', () => {
  it('uses the first tolerating toleration in list order', () => {
    const taints = [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }];
    const loop = finiteNoExecuteTolerations(taints, [
      { operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    ]);
    assert.deepEqual(loop, [{ taint: taints[0], tolerationSeconds: 30 }]);
    const fine = finiteNoExecuteTolerations(taints, [
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
      { operator: 'Exists', tolerationSeconds: 30 },
    ]);
    assert.deepEqual(fine, []);
  });
});
