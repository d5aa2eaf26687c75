import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { allRules } from '../../server/src/rules';
import { DOCS_DIR, renderRuleDocs } from '../../scripts/gen-rule-docs';
import { repoRoot } from '../helpers/paths';

const dir = path.join(repoRoot, DOCS_DIR);

describe('rule docs', () => {
  it('the committed docs are exactly what the generator produces from the registry (run `npm run docs`)', () => {
    const expected = renderRuleDocs(allRules);
    const committed = readdirSync(dir).filter((f) => f.endsWith('.md'));
    assert.deepEqual([...committed].sort(), [...expected.keys()].sort(), 'docs/rules has pages without a rule, or rules without a page');
    for (const [file, text] of expected) assert.equal(readFileSync(path.join(dir, file), 'utf8'), text, `docs/rules/${file} is out of date`);
  });

  it('every rule has a page and an index entry, and ids are unique kebab-case', () => {
    const ids = allRules.map((r) => r.meta.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate rule id');
    const index = readFileSync(path.join(dir, 'README.md'), 'utf8');
    for (const id of ids) {
      assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(existsSync(path.join(dir, `${id}.md`)), `no page for ${id}`);
      assert.ok(index.includes(`](${id}.md)`), `index does not link ${id}`);
    }
  });

  it('every meta says what and why; every rule with a check shows a bad and a good example', () => {
    for (const { meta, check } of allRules) {
      assert.ok(meta.title.trim().length > 0, `${meta.id}: title`);
      assert.ok(meta.description.trim().length >= 40, `${meta.id}: description`);
      if (check) {
        assert.ok(meta.bad?.trim(), `${meta.id}: bad example`);
        assert.ok(meta.good?.trim(), `${meta.id}: good example`);
        assert.notEqual(meta.bad, meta.good, `${meta.id}: the examples are the same`);
      }
    }
  });

  it('a page shows severity, examples, the fix and how to silence the rule', () => {
    const page = renderRuleDocs(allRules).get('rolling-update-params.md')!;
    assert.match(page, /^# `rolling-update-params` — /);
    assert.match(page, /\| Default severity \| error \|/);
    assert.match(page, /Reported:\n\n```yaml\nupdateStrategy:/);
    assert.match(page, /## Quick fix\n\nSet `maxUnavailable: 0`/);
    assert.match(page, /"daemonset\.rules": \{ "rolling-update-params": "off" \}/);
    assert.match(page, /# daemonset-ignore rolling-update-params/);
  });
});
