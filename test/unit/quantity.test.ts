import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareQuantities, formatQuantity, isQuantity, parseMilliValue, parseQuantity, parseValue } from '../../server/src/k8s/quantity';

describe('quantity syntax', () => {
  it('accepts the forms resource.Quantity accepts', () => {
    for (const s of ['128Mi', '50m', '0.5', '1e3', '2Ki', '1E3', '1e-3', '+5', '-5', '.5', '5.', '1.5Gi', '100M', '0', '1n', '1u', '2Ei', '3k']) {
      assert.equal(isQuantity(s), true, s);
    }
  });

  it('rejects what it does not', () => {
    for (const s of ['', 'Mi', '1MB', '1mi', '1 Mi', '1K', 'abc', '1e', '--1', '1.2.3', '0x10', ' 1', '1ki']) {
      assert.equal(isQuantity(s), false, s);
    }
  });
});

describe('quantity values', () => {
  it('gives bytes exactly for binary and decimal suffixes', () => {
    assert.equal(parseValue('128Mi'), 128 * 1024 * 1024);
    assert.equal(parseValue('2Ki'), 2048);
    assert.equal(parseValue('100M'), 100_000_000);
    assert.equal(parseValue('1e3'), 1000);
    assert.equal(parseValue('1.5Gi'), 1.5 * 2 ** 30);
  });

  it('gives cpu in milli-units', () => {
    assert.equal(parseMilliValue('50m'), 50);
    assert.equal(parseMilliValue('0.5'), 500);
    assert.equal(parseMilliValue('2'), 2000);
    assert.equal(parseMilliValue('1e-3'), 1);
  });

  it('rounds up like Go Value()/MilliValue()', () => {
    assert.equal(parseValue('0.1'), 1);
    assert.equal(parseValue('1500m'), 2);
    assert.equal(parseMilliValue('1n'), 1);
    assert.equal(parseValue('-1500m'), -1);
  });

  it('counts invalid or missing amounts as 0', () => {
    assert.equal(parseValue('lots'), 0);
    assert.equal(parseMilliValue(undefined), 0);
  });

  it('keeps exact rationals', () => {
    const q = parseQuantity('0.1')!;
    assert.equal(q.num * 10n, q.den);
    assert.equal(parseQuantity('1Ei')!.num, 2n ** 60n);
  });

  it('compares across suffixes', () => {
    assert.equal(compareQuantities('1Gi', '1G'), 1);
    assert.equal(compareQuantities('1000m', '1'), 0);
    assert.equal(compareQuantities('500m', '0.6'), -1);
    assert.equal(compareQuantities('x', '1'), null);
  });
});

describe('formatQuantity', () => {
  it('formats milli, bytes and counts', () => {
    assert.equal(formatQuantity(500, 'milli'), '500m');
    assert.equal(formatQuantity(2000, 'milli'), '2');
    assert.equal(formatQuantity(128 * 1024 * 1024, 'bytes'), '128Mi');
    assert.equal(formatQuantity(100_000_000, 'bytes'), '100M');
    assert.equal(formatQuantity(1234, 'bytes'), '1234');
    assert.equal(formatQuantity(110), '110');
    assert.equal(formatQuantity(3000), '3k');
  });

  it('round-trips through parse', () => {
    for (const v of [1, 1023, 1024, 5 * 2 ** 20, 7_000_000]) assert.equal(parseValue(formatQuantity(v, 'bytes')), v);
  });
});
