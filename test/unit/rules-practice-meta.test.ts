import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { checkRules, rulesById } from '../../server/src/rules';
import { practiceRules } from '../../server/src/rules/practice';

test('every practice rule is registered, with a complete meta and parseable examples', () => {
  assert.ok(practiceRules.length >= 16);
  const ids = new Set<string>();
  for (const rule of practiceRules) {
    const m = rule.meta;
    assert.ok(!ids.has(m.id), `duplicate id ${m.id}`);
    ids.add(m.id);
    assert.match(m.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.equal(m.category, 'practice');
    assert.ok(checkRules.includes(rule), `${m.id} not in checkRules`);
    assert.equal(rulesById.get(m.id), rule);
    assert.ok(typeof rule.check === 'function');
    for (const field of ['title', 'description', 'severityNote', 'bad', 'good'] as const) {
      assert.ok((m[field] ?? '').length > 10, `${m.id}: ${field} missing`);
    }
    assert.ok(m.description.length > 150, `${m.id}: the description should say why`);
    assert.doesNotThrow(() => parse(m.bad!.replace(/\.\.\./g, '')), `${m.id}: bad example`);
    assert.doesNotThrow(() => parse(m.good!.replace(/\.\.\./g, '')), `${m.id}: good example`);
  }
  // deployment-fields is the schema walker's job (unknown-field with a Remove fix).
  assert.ok(!ids.has('deployment-fields'));
});
