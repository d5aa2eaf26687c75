/**
 * Which fixes fix-all may apply unseen. Only `safety: 'mechanical'` fixes are, and only two kinds
 * of finding may carry one: a misspelled enum value with a single did-you-mean and a removed
 * apiVersion whose fix is the group alone. Every other fix (read-only mounts, resources, security
 * context, placement, removals) is a judgement. A new rule's fix is a judgement unless it says
 * otherwise, and saying otherwise anywhere else fails here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { analyzeText, fixAll, fixesOf, quickFixes, type Diagnostic } from '../../server/src/service';
import type { Fix } from '../../server/src/rules/types';
import { repoRoot, sharedPath } from '../helpers/paths';
import { daemonSet } from '../helpers/manifests';

/** The rules whose findings may carry a mechanical fix: the allow-list. */
const MECHANICAL_RULES = ['invalid-enum', 'removed-api-version'];

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return yamlFiles(p);
    return f.endsWith('.yaml') ? [p] : [];
  });
}

/** Manifests that together raise every rule with a fix: the corpus, the fixtures and a few typos. */
function texts(): string[] {
  const files = [
    ...yamlFiles(sharedPath('corpus', 'daemonsets')),
    ...yamlFiles(sharedPath('corpus', 'broken')),
    ...yamlFiles(path.join(repoRoot, 'test', 'fixtures')),
  ];
  const typos = daemonSet(`      dnsPolicy: clusterFirst
      restartPolicy: Never
      activeDeadlineSeconds: 30
      tolerations:
        - operator: exists
          effect: NoSchedul
          tolerationSeconds: 60
        - key: node-role.kubernetes.io/master
          operator: Exists
          effect: Nope
      hostNetwork: true
      containers:
        - name: agent
          image: example/agent:1.0
          imagePullPolicy: Alwayz
          imag: x
          resources:
            requests: {cpu: 10m, memory: 16MB}
          securityContext:
            allowPrivilegeEscalation: true
          env:
            - name: FLAG
              value: yes
`);
  const oldApi = typos.replace('apiVersion: apps/v1', 'apiVersion: extensions/v1beta1');
  const oldApiNoSelector = oldApi.replace(/ {2}selector:\n {4}matchLabels:\n(?: {6}.*\n)+/, '');
  assert.notEqual(oldApiNoSelector, oldApi, 'the selector was removed');
  return [...files.map((f) => readFileSync(f, 'utf8')), typos, oldApi, oldApiNoSelector, typos.replace(/^status:.*$/m, '') + 'status: {}\n'];
}

function allFixes(): { d: Diagnostic; fix: Fix; lazy: boolean }[] {
  const out: { d: Diagnostic; fix: Fix; lazy: boolean }[] = [];
  for (const text of texts()) {
    for (const d of analyzeText(text)) {
      for (const fix of d.fixes ?? []) out.push({ d, fix, lazy: false });
      if (!d.fixes && d.lazyFixes) for (const fix of fixesOf(d) ?? []) out.push({ d, fix, lazy: true });
    }
  }
  return out;
}

test("every rule's fixes by safety: the mechanical ones are exactly the allow-list", () => {
  const fixes = allFixes();
  const byRule = new Map<string, Set<string>>();
  for (const { d, fix } of fixes) {
    if (!byRule.has(d.code)) byRule.set(d.code, new Set());
    byRule.get(d.code)!.add(fix.safety ?? 'judgement');
  }
  const mechanical = [...byRule].filter(([, s]) => s.has('mechanical')).map(([r]) => r);
  assert.deepEqual(mechanical.sort(), MECHANICAL_RULES);
  // The judgement fixes this issue is about were seen, and are judgements.
  for (const rule of [
    'writable-host-path',
    'no-resource-requests',
    'no-memory-limit',
    'run-as-non-root',
    'allow-privilege-escalation',
    'missing-priority-class',
    'deprecated-master-taint',
    'unknown-field',
    'invalid-quantity',
    'restart-policy',
  ])
    assert.deepEqual([...(byRule.get(rule) ?? [])], ['judgement'], `${rule}: ${[...(byRule.get(rule) ?? ['no fix seen'])].join(', ')}`);
  // Remedies found by re-placing (lazy fixes) move the DaemonSet between nodes: never mechanical.
  assert.deepEqual(
    fixes.filter((f) => f.lazy && f.fix.safety === 'mechanical').map((f) => f.d.code),
    [],
  );
});

test('a mechanical fix is a single replacement: one enum candidate, or the apiVersion alone', () => {
  const fixes = allFixes().filter((f) => f.fix.safety === 'mechanical');
  assert.ok(fixes.some((f) => f.d.code === 'invalid-enum') && fixes.some((f) => f.d.code === 'removed-api-version'), 'both kinds were seen');
  for (const { d, fix } of fixes) {
    assert.equal(fix.edits.length, 1, `${d.code} ${fix.title}`);
    assert.ok(fix.isPreferred, `${d.code} ${fix.title} is preferred`);
    if (d.code === 'invalid-enum') assert.equal(d.fixes!.length, 1, `an enum with several candidates is the user's choice: ${d.message}`);
    else assert.equal(fix.edits[0].newText, 'apps/v1');
  }
  // Several candidates ("Nope" is as close to NoSchedule as to NoExecute), or a selector to choose: judgement.
  const judged = allFixes().filter((f) => (f.d.code === 'invalid-enum' && f.d.fixes!.length > 1) || f.fix.title.includes('add spec.selector'));
  assert.ok(judged.length > 0 && judged.every((f) => f.fix.safety === undefined));
});

test("'mechanical' is written only where the allow-list's fixes are made", () => {
  const src = path.join(repoRoot, 'server', 'src');
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = path.join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
    });
  const writers = walk(src)
    .filter((f) => /'mechanical'/.test(readFileSync(f, 'utf8')))
    .map((f) => path.relative(src, f).split(path.sep).join('/'))
    .sort();
  assert.deepEqual(writers, ['rules/schema/api-version.ts', 'rules/schema/walker.ts', 'rules/types.ts', 'service/codeActions.ts']);
});

test('fix-all takes only the mechanical fixes of visible findings; quick fixes go error → warning → information → hint', () => {
  const text = daemonSet(`      dnsPolicy: clusterFirst
      containers:
        - name: agent
          image: example/agent:1.0
          resources:
            requests:
              cpu: 10m
          securityContext:
            allowPrivilegeEscalation: true
          volumeMounts:
            - name: reports
              mountPath: /srv/reports
      volumes:
        - name: reports
          hostPath: {path: /srv/reports}
`);
  // The typo as a warning: an error would hold the practice checks back until it is fixed.
  const diags = analyzeText(text, { rules: { 'invalid-enum': 'warning' } });
  const all = fixAll(diags)!;
  assert.equal(all.kind, 'source.fixAll.daemonset');
  assert.deepEqual(
    all.edits.map((e) => e.newText),
    ['ClusterFirst'],
  );
  // The same typo at hint severity is not seen, so not fixed unseen.
  assert.equal(fixAll(analyzeText(text, { rules: { 'invalid-enum': 'hint' } })), undefined);
  const everything = { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } };
  const actions = quickFixes(diags, everything);
  const rank = { error: 0, warning: 1, information: 2, hint: 3 };
  const ranks = actions.map((a) => rank[a.diagnostic!.severity]);
  assert.deepEqual(
    ranks,
    [...ranks].sort((a, b) => a - b),
    actions.map((a) => `${a.diagnostic!.severity} ${a.title}`).join('\n'),
  );
  assert.equal(actions[0].diagnostic!.code, 'invalid-enum');
  assert.deepEqual([...new Set(ranks)], [1, 2, 3], 'warnings, information and hints with fixes');
  // Only the most severe findings' fixes may be preferred (editors list preferred ones first).
  assert.deepEqual(
    actions.filter((a) => a.isPreferred).map((a) => a.diagnostic!.code),
    ['invalid-enum'],
  );
});
