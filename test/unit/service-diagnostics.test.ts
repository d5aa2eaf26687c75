import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { analyzeText, fixAll, quickFixes } from '../../server/src/service';
import { applyEdits } from '../helpers/text';
import { daemonSet } from '../helpers/manifests';

const ds = daemonSet;

const base = ds(`      containers:
        - name: agent
          image: registry.example.com/agent:1.0
`);

const codes = (text: string) => analyzeText(text).map((d) => d.code);

test('a correct DaemonSet has no schema finding', () => {
  assert.deepEqual(
    analyzeText(base).filter((d) => d.severity === 'error'),
    [],
  );
});

test('invalid enum: code, source, path, range on the value, did-you-mean and a preferred fix', () => {
  const text = ds(`      tolerations:
        - key: nvidia.com/gpu
          operator: Exists
          effect: NoSchedul
      containers:
        - name: agent
          image: registry.example.com/agent:1.0
`);
  const d = analyzeText(text).find((x) => x.code === 'invalid-enum')!;
  assert.ok(d);
  assert.equal(d.source, 'daemonset');
  assert.equal(d.severity, 'error');
  assert.equal(d.path, 'spec.template.spec.tolerations[0].effect');
  assert.deepEqual(d.range, { start: { line: 16, character: 18 }, end: { line: 16, character: 27 } });
  assert.match(d.message, /"NoSchedul".*supported values: "NoExecute", "NoSchedule", "PreferNoSchedule".*Did you mean "NoSchedule"\?/);
  const fixed = applyEdits(text, d.fixes!.filter((f) => f.isPreferred)[0].edits);
  assert.match(fixed, /effect: NoSchedule\n/);
  assert.deepEqual(
    codes(fixed).filter((c) => c === 'invalid-enum'),
    [],
  );
});

test('unknown field with did-you-mean, ranked, pointing at the key', () => {
  const text = ds(`      nodeselector:
        kubernetes.io/os: linux
      containers:
        - name: agent
          image: x:1
`);
  const d = analyzeText(text).find((x) => x.code === 'unknown-field')!;
  assert.match(d.message, /Unknown field `nodeselector`.*Did you mean `nodeSelector`\?/);
  assert.deepEqual(d.range.start, { line: 13, character: 6 });
  assert.equal(d.range.end.character, 18);
  assert.equal(d.fixes![0].title, 'Rename to `nodeSelector`');
  assert.equal(d.fixes![0].isPreferred, true);
});

test('wrong types: string, integer, boolean, object, array, int-or-string, quantities', () => {
  const text = ds(`      hostNetwork: "yes"
      terminationGracePeriodSeconds: "30"
      nodeSelector: [linux]
      tolerations:
        key: foo
      containers:
        - name: agent
          image: x:1
          env:
            - name: DEBUG
              value: true
          ports:
            - containerPort: 8080
          resources:
            requests:
              cpu: 0.5
              memory: 128MB
            limits:
              cpu: 500m
              memory: 1 Gi
  updateStrategy:
    rollingUpdate:
      maxUnavailable: 1.5
`);
  const found = analyzeText(text).map((d) => `${d.code} ${d.path}`);
  for (const want of [
    'invalid-type spec.template.spec.hostNetwork',
    'invalid-type spec.template.spec.terminationGracePeriodSeconds',
    'invalid-type spec.template.spec.nodeSelector',
    'invalid-type spec.template.spec.tolerations',
    'invalid-type spec.template.spec.containers[0].env[0].value',
    'invalid-quantity spec.template.spec.containers[0].resources.requests.memory',
    'invalid-quantity spec.template.spec.containers[0].resources.limits.memory',
    'invalid-type spec.updateStrategy.rollingUpdate.maxUnavailable',
  ])
    assert.ok(found.includes(want), `${want} in ${found.join('; ')}`);
  assert.ok(!found.some((f) => f.endsWith('requests.cpu') || f.endsWith('limits.cpu')), '0.5 and 500m are quantities');
  const mem = analyzeText(text).find((d) => d.path.endsWith('requests.memory'))!;
  assert.match(mem.message, /Did you mean 128Mi\?/);
});

test('missing required fields are reported on the parent, not in a kustomize patch', () => {
  const text = `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: x\nspec:\n  template:\n    spec:\n      containers:\n        - image: x:1\n`;
  const missing = analyzeText(text)
    .filter((d) => d.code === 'missing-required')
    .map((d) => d.message);
  assert.ok(missing.some((m) => m.includes('`selector`')));
  assert.ok(missing.some((m) => m.includes('`name`')));
  assert.deepEqual(
    analyzeText(text, { partial: true }).filter((d) => d.code === 'missing-required'),
    [],
  );
});

test('duplicate keys, YAML syntax errors and removed API versions', () => {
  assert.ok(
    codes(ds(`      nodeSelector:\n        a: b\n        a: c\n      containers:\n        - name: a\n          image: x:1\n`)).includes('duplicate-key'),
  );
  const broken = analyzeText(`apiVersion: apps/v1\nkind: DaemonSet\nspec:\n  template: [\n`);
  assert.deepEqual(
    broken.map((d) => d.code),
    ['yaml-syntax'],
  );
  const removed = analyzeText(base.replace('apps/v1', 'extensions/v1beta1'));
  assert.deepEqual(
    removed.map((d) => d.code),
    ['removed-api-version'],
  );
  assert.match(removed[0].message, /removed in Kubernetes 1\.16.*apps\/v1/);
  assert.equal(removed[0].fixes![0].title, 'Change apiVersion to apps/v1');
});

test('other documents are left alone; a DaemonSet inside a List counts', () => {
  const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  effect: NoSchedul\n  unknown: [1]\n---\n${base}`;
  assert.deepEqual(
    analyzeText(text).filter((d) => d.severity === 'error'),
    [],
  );
  const list = `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: DaemonSet\n    metadata: {name: a}\n    spec:\n      selector: {matchLabels: {a: b}}\n      template:\n        metadata: {labels: {a: b}}\n        spec:\n          containers: [{name: a, image: "x:1"}]\n          dnsPolicy: Clusterfirst\n`;
  const d = analyzeText(list).find((x) => x.code === 'invalid-enum')!;
  assert.equal(d.path, 'items[0].spec.template.spec.dnsPolicy');
  assert.equal(d.range.start.line, 12);
});

test('template syntax is not flooded with errors', () => {
  const helm = `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  template:\n    spec:\n      {{- toYaml .Values.tolerations | nindent 6 }}\n      containers: {{ .Values.x }}\n`;
  const diags = analyzeText(helm);
  assert.ok(diags.length <= 1);
  assert.ok(diags.every((d) => d.severity === 'hint'));
});

test('severity settings and suppression comments', () => {
  const text = ds(`      dnsPolicy: clusterfirst
      containers:
        - name: agent
          image: x:1
`);
  assert.equal(analyzeText(text, { rules: { 'invalid-enum': 'warning' } }).find((d) => d.code === 'invalid-enum')!.severity, 'warning');
  assert.equal(
    analyzeText(text, { rules: { 'invalid-enum': 'off' } }).find((d) => d.code === 'invalid-enum'),
    undefined,
  );
  assert.equal(
    analyzeText(text.replace('dnsPolicy: clusterfirst', 'dnsPolicy: clusterfirst # daemonset-ignore invalid-enum')).find((d) => d.code === 'invalid-enum'),
    undefined,
  );
  assert.equal(
    analyzeText(text.replace('      dnsPolicy', '      # daemonset-ignore invalid-enum\n      dnsPolicy')).find((d) => d.code === 'invalid-enum'),
    undefined,
  );
  assert.ok(
    analyzeText(text.replace('      dnsPolicy', '      # daemonset-ignore unknown-field\n      dnsPolicy')).find((d) => d.code === 'invalid-enum'),
    'another id does not silence',
  );
  assert.equal(
    analyzeText(`# daemonset-ignore-document invalid-enum\n${text}`).find((d) => d.code === 'invalid-enum'),
    undefined,
  );
});

test('every diagnostic links to its rule page when a docs base is given', () => {
  const d = analyzeText(base.replace('image:', 'imag:'), { docsBaseUrl: 'file:///ext/docs/rules/' })[0];
  assert.equal(d.docUrl, 'file:///ext/docs/rules/unknown-field.md');
});

test('quick fixes keep comments and quoting; fix-all applies every preferred fix', () => {
  const text = ds(`      dnsPolicy: 'clusterFirst' # keep me
      tolerations:
        - operator: "exists"
          effect: NoSchedul
      containers:
        - name: agent
          image: x:1
`);
  const diags = analyzeText(text);
  const all = fixAll(diags)!;
  const fixed = applyEdits(text, all.edits);
  assert.match(fixed, /dnsPolicy: 'ClusterFirst' # keep me/);
  assert.match(fixed, /operator: "Exists"/);
  assert.match(fixed, /effect: NoSchedule/);
  assert.equal(
    parseAllDocuments(fixed).every((d) => d.errors.length === 0),
    true,
  );
  assert.deepEqual(
    analyzeText(fixed).filter((d) => d.severity === 'error'),
    [],
  );
  const line = diags.find((d) => d.code === 'invalid-enum')!.range;
  assert.ok(quickFixes(diags, line).length >= 1);
});

test('a 10 MB file is declined with one visible message', () => {
  const big = base + '#'.repeat(6 * 1024 * 1024);
  const d = analyzeText(big);
  assert.deepEqual(
    d.map((x) => x.code),
    ['file-too-large'],
  );
});
