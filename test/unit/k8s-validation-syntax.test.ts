import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDNS1123Label, isDNS1123Subdomain, isLabelKey, isLabelValue, isQualifiedName } from '../../server/src/k8s/syntax';

const NAME_RE_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

test('qualified names / label keys', () => {
  assert.deepEqual(isLabelKey('example.com/Uppercase_Is_OK_123'), []);
  assert.deepEqual(isQualifiedName('cantendwithadash-'), [NAME_RE_MSG]);
  // Go also runs the pattern on an empty name part.
  assert.deepEqual(isQualifiedName('example.com/'), ['name part must be non-empty', NAME_RE_MSG]);
  assert.deepEqual(isQualifiedName('/name'), ['prefix part must be non-empty']);
  assert.deepEqual(isQualifiedName('a'.repeat(64)), ['name part must be no more than 63 bytes']);
  assert.match(
    isLabelKey('only/one/slash')[0],
    /^a valid label key must consist of .* with an optional DNS subdomain prefix and '\/' \(e\.g\. 'example\.com\/MyName'\)$/,
  );
  assert.match(isQualifiedName('only/one/slash')[0], /^a qualified name must consist of/);
  assert.match(isQualifiedName('Example.com/x')[0], /^prefix part a lowercase RFC 1123 subdomain/);
});

test('label values', () => {
  assert.deepEqual(isLabelValue(''), []);
  assert.deepEqual(isLabelValue('a'.repeat(63)), []);
  assert.equal(isLabelValue('a'.repeat(64))[0], 'must be no more than 63 bytes');
  assert.match(isLabelValue('-x')[0], /^a valid label must be an empty string or consist of/);
});

test('DNS-1123 labels and subdomains', () => {
  assert.deepEqual(isDNS1123Subdomain('a.b-c.d'), []);
  assert.equal(
    isDNS1123Subdomain('A')[0],
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
  );
  assert.deepEqual(isDNS1123Subdomain('a'.repeat(254)), ['must be no more than 253 characters']);
  assert.deepEqual(isDNS1123Label('a.b').length, 1);
  assert.deepEqual(isDNS1123Label('a'.repeat(64)), ['must be no more than 63 characters']);
});
