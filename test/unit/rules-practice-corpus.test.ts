import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { practiceRules } from '../../server/src/rules/practice';
import { analyzeText, type Diagnostic } from '../../server/src/service';
import { sharedPath } from '../helpers/paths';
import { applyFix } from './rules-practice-helpers';

const practiceIds = new Set(practiceRules.map((r) => r.meta.id));
const dir = sharedPath('corpus', 'daemonsets');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
const results = new Map<string, { text: string; diags: Diagnostic[] }>();
for (const f of files) {
  const text = readFileSync(path.join(dir, f), 'utf8');
  results.set(f, { text, diags: analyzeText(text).filter((d) => practiceIds.has(d.code)) });
}

test('real DaemonSets: no error-severity diagnostic from the practice rules', () => {
  assert.ok(files.length >= 40);
  const errors = [...results].flatMap(([f, r]) => r.diags.filter((d) => d.severity === 'error').map((d) => `${f}:${d.range.start.line + 1} ${d.code}`));
  assert.deepEqual(errors, []);
});

test('real DaemonSets: node agents doing their job are not warned about privileged mode or capabilities', () => {
  const warned = [...results].flatMap(([f, r]) =>
    r.diags.filter((d) => (d.code === 'privileged-container' || d.code === 'dangerous-capabilities') && d.severity === 'warning').map((d) => `${f} ${d.path}`),
  );
  assert.deepEqual(warned, []);
  // Calico's agent is privileged for a reason: reported for information, with the reason.
  const calico = results
    .get('calico--calico-node.yaml')!
    .diags.find((d) => d.code === 'privileged-container' && d.path === 'spec.template.spec.containers[0].securityContext.privileged');
  assert.equal(calico?.severity, 'information');
  assert.match(calico!.message, /from the host/);
});

test('real DaemonSets: findings that are real problems are found', () => {
  const codes = (f: string) =>
    results
      .get(f)!
      .diags.filter((d) => d.severity === 'warning')
      .map((d) => d.code);
  // The kubernetes.io fluentd example only tolerates the old master taint.
  assert.ok(codes('k8s-website--fluentd-elasticsearch-example.yaml').includes('deprecated-master-taint'));
  // kube-router from the e2e manifest has no image tag.
  assert.ok(codes('kube-prometheus--kube-router-e2e.yaml').includes('image-tag-latest'));
  // flannel 0.12 in kube-system had no priority class (later releases added system-node-critical).
  assert.ok(codes('flannel--kube-flannel-ds-multiarch-v0.12.0.yaml').includes('missing-priority-class'));
});

test('real DaemonSets: every warning/information quick fix of the practice rules applies cleanly', () => {
  let applied = 0;
  for (const [f, r] of results) {
    const seen = new Map<string, number>();
    for (const d of r.diags) {
      const index = seen.get(d.code) ?? 0;
      seen.set(d.code, index + 1);
      if (d.severity === 'hint' || !d.fixes?.length) continue;
      // The requests fix adds no made-up memory limit: no-memory-limit reports it next, with its own fix.
      const options = d.code === 'no-resource-requests' ? { rules: { 'no-memory-limit': 'off' as const } } : undefined;
      assert.doesNotThrow(() => applyFix(r.text, d.code, { index, options }), `${f} ${d.code} ${d.path}`);
      applied++;
    }
  }
  assert.ok(applied > 20, `only ${applied} fixes applied`);
});
