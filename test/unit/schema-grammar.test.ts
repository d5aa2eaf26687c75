import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { SchemaFile } from '../../server/src/schema/types';
import { repoRoot } from '../helpers/paths';

// The TextMate injection marks enum words after specific keys; every word it
// marks must be a value the API accepts for a field of that name, so the
// grammar cannot drift from the schema.

interface Rule {
  match?: string;
  patterns?: Rule[];
}

const grammarFile = path.join(repoRoot, 'syntaxes', 'kubernetes.injection.tmLanguage.json');
const schemaFile = path.join(repoRoot, 'server', 'generated', 'schema.json');

function loadSchema(): SchemaFile {
  if (!existsSync(schemaFile)) {
    const tsx = path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const r = spawnSync(process.execPath, [tsx, path.join(repoRoot, 'scripts', 'gen-schema.ts')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  }
  return JSON.parse(readFileSync(schemaFile, 'utf8')) as SchemaFile;
}

test('injection grammar: scope name, selector, and enum words known to the schema', () => {
  const grammar = JSON.parse(readFileSync(grammarFile, 'utf8')) as {
    scopeName: string;
    injectionSelector: string;
    repository: Record<string, Rule>;
  };
  assert.equal(grammar.scopeName, 'kubernetes.injection');
  assert.match(grammar.injectionSelector, /^L:/);
  assert.match(grammar.injectionSelector, /-comment/);

  const schema = loadSchema();
  const enumByField = new Map<string, Set<string>>();
  for (const t of Object.values(schema.types)) {
    for (const f of Object.values(t.properties)) {
      const set = enumByField.get(f.name) ?? new Set<string>();
      for (const e of f.enum ?? []) set.add(e.value);
      enumByField.set(f.name, set);
    }
  }

  const rules = grammar.repository.enum.patterns ?? [];
  assert.ok(rules.length >= 15, `${rules.length} enum rules`);
  let checked = 0;
  for (const rule of rules) {
    const m = /\(\?:([A-Z|]+)\)\[\\"'\]\?:/i.exec(rule.match ?? '');
    const w = /\\G\(\?:([A-Za-z|]+)\)/.exec(rule.match ?? '');
    assert.ok(m && w, `cannot read rule ${rule.match}`);
    for (const key of m[1].split('|')) {
      const allowed = enumByField.get(key);
      assert.ok(allowed, `no field named ${key} in the schema`);
      for (const word of w[1].split('|')) {
        assert.ok(allowed.has(word), `${key}: ${word} is not an enum value of any ${key} field`);
        checked++;
      }
    }
  }
  assert.ok(checked >= 60, `${checked} key/word pairs checked`);
});
