/**
 * The language server's messages in Korean: with the `ko` bundle configured, diagnostics, hovers
 * and summaries read in Korean, while field names, values and Kubernetes' own wording (API
 * validation text, scheduler reasons) stay verbatim. Without a bundle, English as always.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { configureLocale, currentLocale } from '../../server/src/l10n';
import { sampleInventory } from '../../server/src/inventory/sample';
import {
  analyzeText,
  complete,
  fixesOf,
  hover,
  inventoryHints,
  placementsOfText,
  placementSummary,
  quickFixes,
  type Diagnostic,
} from '../../server/src/service';
import { repoRoot } from '../helpers/paths';
import { withCursor } from '../helpers/text';
import { daemonSet } from '../helpers/manifests';

const bundleDir = path.join(repoRoot, 'l10n');
const HANGUL = /[\uac00-\ud7a3]/;

const ds = daemonSet;

const one = (diags: Diagnostic[], code: string): Diagnostic => {
  const d = diags.find((x) => x.code === code);
  assert.ok(d, `no ${code} among ${diags.map((x) => x.code).join(', ')}`);
  return d;
};

describe('locale selection', () => {
  after(() => configureLocale(undefined, bundleDir));

  test('ko and ko-KR load the Korean bundle; other or missing locales are English', () => {
    assert.equal(configureLocale('ko', bundleDir), 'ko');
    assert.equal(configureLocale('ko-KR', bundleDir), 'ko');
    assert.equal(currentLocale(), 'ko');
    assert.equal(configureLocale('fr', bundleDir), 'en');
    assert.equal(configureLocale(undefined, bundleDir), 'en');
    assert.equal(configureLocale('ko', path.join(repoRoot, 'no-such-dir')), 'en');
  });
});

describe('diagnostics in Korean', () => {
  before(() => configureLocale('ko', bundleDir));
  after(() => configureLocale(undefined, bundleDir));

  test('invalid-enum: Korean sentence, the field, the value and the allowed values verbatim', () => {
    const d = one(
      analyzeText(
        ds(
          '      containers:\n        - name: agent\n          image: example/agent:1.0\n      tolerations:\n        - key: example.com/dedicated\n          operator: Exists\n          effect: NoSchedul\n',
        ),
      ),
      'invalid-enum',
    );
    assert.match(d.message, HANGUL);
    assert.ok(d.message.includes('`effect`'), d.message);
    assert.ok(d.message.includes('"NoSchedul"'), d.message);
    assert.ok(d.message.includes('"NoExecute", "NoSchedule", "PreferNoSchedule"'), d.message);
    assert.ok(d.message.includes('Unsupported value'), 'the kubectl wording is named for the learner');
    assert.equal(d.fixes?.[0]?.title, '`NoSchedule`(으)로 변경');
    assert.equal(
      d.message,
      '지원되지 않는 `effect` 값 "NoSchedul"(Unsupported value). 지원되는 값: "NoExecute", "NoSchedule", "PreferNoSchedule". 혹시 "NoSchedule"인가요?',
    );
  });

  test('unknown-field: Korean, with the key, its parent path and the suggestion; the rename fix in Korean', () => {
    const d = one(
      analyzeText(
        ds(
          '      containers:\n        - name: agent\n          image: example/agent:1.0\n      tolerations:\n        - key: example.com/dedicated\n          operator: Exists\n          efect: NoSchedule\n',
        ),
      ),
      'unknown-field',
    );
    assert.match(d.message, HANGUL);
    for (const s of ['`efect`', '`spec.template.spec.tolerations[0]`', '`effect`']) assert.ok(d.message.includes(s), `${s} in ${d.message}`);
    assert.equal(d.fixes?.[0]?.title, '이름을 `effect`(으)로 변경');
  });

  test('missing-required: Korean, with the field and its type; the selector fix is still offered', () => {
    const text = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    metadata:
      labels:
        app: agent
    spec:
      containers:
        - name: agent
          image: example/agent:1.0
`;
    const d = one(analyzeText(text), 'missing-required');
    assert.equal(d.message, '`spec`에 필수 필드가 없습니다: `selector`(LabelSelector).');
    assert.equal(d.fixes?.length, 1, 'the selector fix does not depend on the message text');
    assert.match(d.fixes![0].title, HANGUL);
    assert.ok(d.fixes![0].title.includes('`spec.selector.matchLabels`'));
  });

  test('excluded-by-taint: Korean, naming the inventory, the taint and the nodes; the Tolerate fix is translated too', () => {
    const diags = analyzeText(
      ds(
        '      containers:\n        - name: agent\n          image: example/agent:1.0\n          resources:\n            requests: {cpu: 10m, memory: 16Mi}\n            limits: {memory: 16Mi}\n',
      ),
      { inventory: sampleInventory() },
    );
    const d = one(diags, 'excluded-by-taint');
    assert.match(d.message, HANGUL);
    assert.ok(d.message.includes('샘플 클러스터'), d.message);
    assert.ok(d.message.includes('node-role.kubernetes.io/control-plane:NoSchedule'), d.message);
    assert.ok(d.message.includes('톨러레이션되지 않은 테인트'), d.message);
    // The placement panel finds this fix by what it adds, so its title can be translated.
    assert.ok(
      fixesOf(d)?.some((f) => f.title === 'node-role.kubernetes.io/control-plane:NoSchedule 톨러레이션 추가 (노드 3개에서 실행)'),
      fixesOf(d)
        ?.map((f) => f.title)
        .join(' | '),
    );
  });

  test('no-resource-requests: Korean, naming the container and the field verbatim', () => {
    const d = one(analyzeText(ds('      containers:\n        - name: agent\n          image: example/agent:1.0\n')), 'no-resource-requests');
    assert.match(d.message, /^`agent` 컨테이너에 CPU와 메모리 요청이 모두 없습니다\./);
    assert.ok(d.message.includes('`resources.requests`'), d.message);
    assert.ok(d.message.includes('BestEffort'), d.message);
    const fixes = quickFixes([d], d.range);
    assert.equal(fixes[0]?.title, '`agent`에 리소스 요청 추가(실제 사용량에 맞게 조정하세요)');
  });

  test("Kubernetes' own validation text stays English; the sentence the rule adds is Korean", () => {
    const d = one(
      analyzeText(ds('      restartPolicy: OnFailure\n      containers:\n        - name: agent\n          image: example/agent:1.0\n')),
      'restart-policy',
    );
    assert.ok(d.message.startsWith('spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always". '), d.message);
    assert.match(d.message.slice(d.message.indexOf('. ') + 2), HANGUL);
  });

  test('scheduler reasons stay as kubectl describe prints them', () => {
    const d = one(
      analyzeText(
        ds(
          '      containers:\n        - name: agent\n          image: example/agent:1.0\n          resources:\n            requests: {cpu: "64", memory: 16Mi}\n            limits: {memory: 16Mi}\n',
        ),
        { inventory: sampleInventory() },
      ),
      'pending-pods',
    );
    assert.match(d.message, HANGUL);
    assert.ok(d.message.includes('NodeResourcesFit: Insufficient cpu'), d.message);
  });

  test('hover: Korean scaffolding and DaemonSet note, the official description in English', () => {
    const { text, pos } = withCursor(ds('      tolera|tions: []\n      containers:\n        - name: agent\n          image: example/agent:1.0\n'));
    const value = (hover(text, pos)?.contents as { value: string }).value;
    assert.ok(value.includes('· 선택 사항'), value);
    assert.ok(value.includes('**데몬셋에서는:** 데몬셋 컨트롤러는'), value);
    assert.ok(value.includes("If specified, the pod's tolerations."), 'the official description stays English');
    assert.ok(value.includes('[API 레퍼런스]('), value);
  });

  test('completion details and the CodeLens summary are Korean', () => {
    const inventory = sampleInventory();
    const { text, pos } = withCursor(ds('      nodeSelector:\n        |\n      containers:\n        - name: agent\n          image: example/agent:1.0\n'));
    const items = complete(text, pos, { hints: inventoryHints(inventory) });
    assert.equal(items.find((i) => i.sortText?.startsWith('0_'))?.detail, '노드 15개');
    assert.ok(items.some((i) => i.detail === '잘 알려진 레이블'));
    const [view] = placementsOfText(text, inventory);
    assert.match(placementSummary(view.placement, '샘플 클러스터'), /^노드 15개 중 \d+개에서 실행 · 샘플 클러스터/);
  });

  test('switching back to English gives the English messages again (nothing cached across languages)', () => {
    const text = ds('      containers:\n        - name: agent\n          image: example/agent:1.0\n');
    assert.match(one(analyzeText(text), 'no-resource-requests').message, HANGUL);
    configureLocale(undefined, bundleDir);
    assert.match(one(analyzeText(text), 'no-resource-requests').message, /^Container `agent` has no CPU or memory requests\./);
    configureLocale('ko', bundleDir);
  });
});
