import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FieldDef, FieldType, SchemaFile } from '../../server/src/schema/types';
import { repoRoot } from '../helpers/paths';

const schemaFile = path.join(repoRoot, 'server', 'generated', 'schema.json');
const scripts = ['gen-schema.ts', 'schema-overrides.ts'].map((f) => path.join(repoRoot, 'scripts', f));
const tsxCli = path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');

function runGenerator(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [tsxCli, path.join(repoRoot, 'scripts', 'gen-schema.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let schema: SchemaFile;

function field(type: string, name: string): FieldDef {
  const t = schema.types[type];
  assert.ok(t, `type ${type} missing`);
  const f = t.properties[name];
  assert.ok(f, `field ${type}.${name} missing`);
  return f;
}

const CORE = 'io.k8s.api.core.v1';
const APPS = 'io.k8s.api.apps.v1';
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';

before(() => {
  const stale = !existsSync(schemaFile) || scripts.some((s) => statSync(s).mtimeMs > statSync(schemaFile).mtimeMs);
  if (stale) {
    const r = runGenerator();
    assert.equal(r.status, 0, r.stderr);
  }
  schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as SchemaFile;
});

describe('generated schema: provenance and size', () => {
  test('is Kubernetes 1.36.0 from kubernetes-models 5.1.0, rooted at DaemonSet', () => {
    assert.equal(schema.kubernetesVersion, '1.36.0');
    assert.equal(schema.source, 'kubernetes-models@5.1.0 + @kubernetes-models/apimachinery@3.0.2');
    assert.equal(schema.root, `${APPS}.DaemonSet`);
  });

  test('covers the whole DaemonSet tree (minus status)', () => {
    const types = Object.keys(schema.types).length;
    const fields = Object.values(schema.types).reduce((n, t) => n + Object.keys(t.properties).length, 0);
    assert.ok(types >= 110 && types <= 120, `types: ${types}`);
    assert.ok(fields >= 520 && fields <= 560, `fields: ${fields}`);
    for (const name of [`${CORE}.PodSpec`, `${CORE}.Container`, `${CORE}.Volume`, `${META}.ObjectMeta`, `${META}.LabelSelector`]) {
      assert.ok(schema.types[name], name);
    }
  });

  test('every object reference resolves to a type in the file', () => {
    const refs = (t: FieldType): string[] => (t.kind === 'object' ? [t.ref] : t.kind === 'array' ? refs(t.items) : t.kind === 'map' ? refs(t.values) : []);
    for (const t of Object.values(schema.types)) {
      for (const f of Object.values(t.properties)) {
        for (const r of refs(f.type)) assert.ok(schema.types[r], `${t.name}.${f.name} → ${r}`);
      }
    }
  });

  test('DaemonSet has no status and nothing reaches DaemonSetStatus', () => {
    const ds = schema.types[`${APPS}.DaemonSet`];
    assert.deepEqual(Object.keys(ds.properties), ['apiVersion', 'kind', 'metadata', 'spec']);
    assert.equal(schema.types[`${APPS}.DaemonSetStatus`], undefined);
  });
});

describe('generated schema: fields', () => {
  test('Toleration.effect: declared enum with meanings', () => {
    const f = field(`${CORE}.Toleration`, 'effect');
    assert.deepEqual(f.type, { kind: 'string' });
    assert.equal(f.required, false);
    assert.deepEqual(
      f.enum?.map((e) => e.value),
      ['NoExecute', 'NoSchedule', 'PreferNoSchedule'],
    );
    assert.match(f.enum![0].description, /^Evict any already-running pods that do not tolerate the taint/);
    assert.match(f.enum![1].description, /^Do not allow new pods to schedule onto the node/);
    assert.match(f.enum![2].description, /^Like TaintEffectNoSchedule/);
    // The enum list is carried structurally, not repeated in the prose.
    assert.doesNotMatch(f.description, /Possible enum values/);
    assert.match(f.description, /^Effect indicates the taint effect to match/);
  });

  test('NodeSelectorRequirement.operator: 6 values incl. Gt/Lt, required', () => {
    const f = field(`${CORE}.NodeSelectorRequirement`, 'operator');
    assert.equal(f.required, true);
    assert.deepEqual(f.enum?.map((e) => e.value).sort(), ['DoesNotExist', 'Exists', 'Gt', 'In', 'Lt', 'NotIn']);
    for (const e of f.enum!) assert.ok(e.description.length > 10, `meaning for ${e.value}`);
  });

  test('Toleration.operator defaults to Equal; Gt/Lt mention the feature gate', () => {
    const f = field(`${CORE}.Toleration`, 'operator');
    assert.equal(f.default, 'Equal');
    assert.match(f.enum!.find((e) => e.value === 'Gt')!.description, /TaintTolerationComparisonOperators/);
  });

  test('RollingUpdateDaemonSet: maxSurge int-or-string default 0, maxUnavailable default 1', () => {
    const surge = field(`${APPS}.RollingUpdateDaemonSet`, 'maxSurge');
    assert.deepEqual(surge.type, { kind: 'int-or-string' });
    assert.equal(surge.default, '0');
    const unavailable = field(`${APPS}.RollingUpdateDaemonSet`, 'maxUnavailable');
    assert.deepEqual(unavailable.type, { kind: 'int-or-string' });
    assert.equal(unavailable.default, '1');
  });

  test('LabelSelectorRequirement.operator: hand-added enum', () => {
    const f = field(`${META}.LabelSelectorRequirement`, 'operator');
    assert.deepEqual(
      f.enum?.map((e) => e.value),
      ['In', 'NotIn', 'Exists', 'DoesNotExist'],
    );
    for (const e of f.enum!) assert.ok(e.description.length > 0);
  });

  test('other hand-added enums', () => {
    const values = (t: string, n: string) => field(t, n).enum?.map((e) => e.value);
    assert.deepEqual(values(`${CORE}.PodOS`, 'name'), ['linux', 'windows']);
    assert.deepEqual(values(`${CORE}.EmptyDirVolumeSource`, 'medium'), ['', 'Memory']);
    assert.deepEqual(values(`${CORE}.PodSecurityContext`, 'seLinuxChangePolicy'), ['MountOption', 'Recursive']);
    assert.deepEqual(values(`${CORE}.ContainerResizePolicy`, 'resourceName'), ['cpu', 'memory']);
    assert.deepEqual(values(`${CORE}.ContainerResizePolicy`, 'restartPolicy'), ['NotRequired', 'RestartContainer']);
    assert.deepEqual(values(`${CORE}.Container`, 'restartPolicy'), ['Always']);
    assert.deepEqual(values(`${CORE}.ContainerRestartRule`, 'action'), ['Restart']);
    assert.deepEqual(values(`${CORE}.ContainerRestartRuleOnExitCodes`, 'operator'), ['In', 'NotIn']);
    assert.deepEqual(values(`${CORE}.PodCertificateProjection`, 'keyType'), ['RSA3072', 'RSA4096', 'ECDSAP256', 'ECDSAP384', 'ECDSAP521', 'ED25519']);
  });

  test('DaemonSet apiVersion/kind: required, single value, TypeMeta descriptions', () => {
    const apiVersion = field(`${APPS}.DaemonSet`, 'apiVersion');
    assert.equal(apiVersion.required, true);
    assert.deepEqual(
      apiVersion.enum?.map((e) => e.value),
      ['apps/v1'],
    );
    assert.match(apiVersion.description, /^APIVersion defines the versioned schema/);
    const kind = field(`${APPS}.DaemonSet`, 'kind');
    assert.deepEqual(
      kind.enum?.map((e) => e.value),
      ['DaemonSet'],
    );
    assert.match(kind.description, /^Kind is a string value representing the REST resource/);
  });

  test('DaemonSetSpec.selector and .template are required object refs', () => {
    assert.deepEqual(field(`${APPS}.DaemonSetSpec`, 'selector').type, { kind: 'object', ref: `${META}.LabelSelector` });
    assert.equal(field(`${APPS}.DaemonSetSpec`, 'selector').required, true);
    assert.deepEqual(field(`${APPS}.DaemonSetSpec`, 'template').type, { kind: 'object', ref: `${CORE}.PodTemplateSpec` });
    assert.equal(field(`${APPS}.DaemonSetSpec`, 'template').required, true);
    assert.equal(field(`${APPS}.DaemonSetSpec`, 'updateStrategy').required, false);
  });

  test('type mapping: quantity maps, integer, boolean, arrays, maps, free-form', () => {
    assert.deepEqual(field(`${CORE}.ResourceRequirements`, 'limits').type, { kind: 'map', values: { kind: 'quantity' } });
    assert.deepEqual(field(`${CORE}.PodSpec`, 'terminationGracePeriodSeconds').type, { kind: 'integer' });
    assert.deepEqual(field(`${CORE}.PodSpec`, 'hostNetwork').type, { kind: 'boolean' });
    assert.deepEqual(field(`${CORE}.PodSpec`, 'tolerations').type, {
      kind: 'array',
      items: { kind: 'object', ref: `${CORE}.Toleration` },
    });
    assert.deepEqual(field(`${CORE}.PodSpec`, 'nodeSelector').type, { kind: 'map', values: { kind: 'string' } });
    assert.deepEqual(field(`${CORE}.EmptyDirVolumeSource`, 'sizeLimit').type, { kind: 'quantity' });
    assert.deepEqual(field(`${CORE}.HTTPGetAction`, 'port').type, { kind: 'int-or-string' });
    // meta/v1 Time is a string alias; FieldsV1 is free-form JSON.
    assert.deepEqual(field(`${META}.ObjectMeta`, 'creationTimestamp').type, { kind: 'string' });
    assert.deepEqual(field(`${META}.ManagedFieldsEntry`, 'fieldsV1').type, { kind: 'any' });
    // No field is a plain number: every number in this tree is an integer.
    const kinds = new Set<string>();
    const walk = (t: FieldType): void => {
      kinds.add(t.kind);
      if (t.kind === 'array') walk(t.items);
      if (t.kind === 'map') walk(t.values);
    };
    for (const t of Object.values(schema.types)) for (const f of Object.values(t.properties)) walk(f.type);
    assert.equal(kinds.has('number'), false);
  });

  test('defaults from descriptions and from API defaulting', () => {
    const expect: Array<[string, string, string]> = [
      [`${APPS}.DaemonSetUpdateStrategy`, 'type', 'RollingUpdate'],
      [`${APPS}.DaemonSetSpec`, 'revisionHistoryLimit', '10'],
      [`${APPS}.DaemonSetSpec`, 'minReadySeconds', '0'],
      [`${CORE}.PodSpec`, 'dnsPolicy', 'ClusterFirst'],
      [`${CORE}.PodSpec`, 'restartPolicy', 'Always'],
      [`${CORE}.PodSpec`, 'terminationGracePeriodSeconds', '30'],
      [`${CORE}.PodSpec`, 'schedulerName', 'default-scheduler'],
      [`${CORE}.Container`, 'terminationMessagePolicy', 'File'],
      [`${CORE}.Container`, 'terminationMessagePath', '/dev/termination-log'],
      [`${CORE}.ContainerPort`, 'protocol', 'TCP'],
      [`${CORE}.Probe`, 'periodSeconds', '10'],
      [`${CORE}.ServiceAccountTokenProjection`, 'expirationSeconds', '3600'],
    ];
    for (const [t, n, v] of expect) assert.equal(field(t, n).default, v, `${t}.${n}`);
    assert.match(field(`${CORE}.Container`, 'imagePullPolicy').default ?? '', /IfNotPresent.*Always.*latest/);
    // "defaults to Limits if that is explicitly specified" is a rule, not a value.
    assert.equal(field(`${CORE}.ResourceRequirements`, 'requests').default, undefined);
  });

  test('descriptions: escapes undone, all present', () => {
    for (const t of Object.values(schema.types)) {
      for (const f of Object.values(t.properties)) {
        assert.doesNotMatch(f.description, /\\\*|\\\//, `${t.name}.${f.name}`);
        assert.ok(f.description.length > 0, `${t.name}.${f.name} has no description`);
      }
    }
  });

  test('every field has a docUrl to the 1.36 API reference of its type', () => {
    for (const t of Object.values(schema.types)) {
      for (const f of Object.values(t.properties)) {
        assert.match(f.docUrl, /^https:\/\/kubernetes\.io\/docs\/reference\/generated\/kubernetes-api\/v1\.36\/#[a-z0-9]+-[a-z0-9]+-[a-z0-9-]+$/);
      }
    }
    assert.match(field(`${CORE}.Toleration`, 'effect').docUrl, /#toleration-v1-core$/);
    assert.match(field(`${APPS}.DaemonSetSpec`, 'selector').docUrl, /#daemonsetspec-v1-apps$/);
    assert.match(field(`${META}.LabelSelector`, 'matchLabels').docUrl, /#labelselector-v1-meta$/);
  });

  test('deprecated fields are marked', () => {
    assert.equal(field(`${CORE}.PodSpec`, 'serviceAccount').deprecated, true);
    assert.equal(field(`${CORE}.Volume`, 'gitRepo').deprecated, true);
    assert.equal(field(`${META}.ObjectMeta`, 'selfLink').deprecated, true);
    assert.equal(field(`${CORE}.PodSpec`, 'serviceAccountName').deprecated, undefined);
    assert.equal(field(`${CORE}.Volume`, 'hostPath').deprecated, undefined);
  });

  test('DaemonSet notes on the fields that matter', () => {
    const noted: Array<[string, string, RegExp]> = [
      [`${APPS}.DaemonSetSpec`, 'updateStrategy', /OnDelete/],
      [`${APPS}.RollingUpdateDaemonSet`, 'maxUnavailable', /maxSurge/],
      [`${APPS}.RollingUpdateDaemonSet`, 'maxSurge', /maxUnavailable: 0.*hostPort.*Pending/s],
      [`${APPS}.DaemonSetSpec`, 'minReadySeconds', /available/],
      [`${CORE}.PodSpec`, 'tolerations', /not-ready.*unreachable.*NoExecute.*control-plane/s],
      [`${CORE}.PodSpec`, 'nodeSelector', /labels/],
      [`${CORE}.PodSpec`, 'affinity', /required/],
      [`${CORE}.Affinity`, 'nodeAffinity', /nodeSelector/],
      [`${CORE}.PodSpec`, 'hostNetwork', /ClusterFirstWithHostNet.*network-unavailable/s],
      [`${CORE}.PodSpec`, 'hostPID', /process/],
      [`${CORE}.Volume`, 'hostPath', /readOnly/],
      [`${CORE}.HostPathVolumeSource`, 'path', /readOnly/],
      [`${CORE}.PodSpec`, 'priorityClassName', /system-node-critical/],
      [`${CORE}.Container`, 'resources', /every node.*node count/s],
      [`${APPS}.DaemonSetSpec`, 'selector', /immutable.*template/s],
      [`${APPS}.DaemonSetSpec`, 'template', /every eligible node/],
    ];
    for (const [t, n, re] of noted) {
      const note = field(t, n).note;
      assert.ok(note, `${t}.${n} has no note`);
      assert.match(note, re, `${t}.${n}`);
      const sentences = note.split(/(?<=\.)\s+(?=[A-Z])/).length;
      assert.ok(sentences <= 3, `${t}.${n}: ${sentences} sentences`);
    }
  });
});

describe('generator behaviour', () => {
  test('deterministic, fast, prints a one-line summary', () => {
    const before = readFileSync(schemaFile, 'utf8');
    const r = runGenerator();
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 1);
    assert.match(lines[0], /^gen-schema: \d+ types, \d+ fields, \d+ enums, .*Kubernetes 1\.36\.0/);
    // The generator's own time (parse + walk + write), not tsx start-up on a busy machine.
    const ms = Number(/ in (\d+) ms$/.exec(lines[0])?.[1]);
    assert.ok(ms < 5000, `took ${ms} ms`);
    assert.equal(readFileSync(schemaFile, 'utf8'), before);
  });

  test('fails loudly (exit 1, clear message) when a type cannot be resolved', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'gen-schema-'));
    try {
      const ds = path.join(root, 'node_modules', 'kubernetes-models', 'apps', 'v1');
      mkdirSync(ds, { recursive: true });
      mkdirSync(path.join(root, 'node_modules', '@kubernetes-models'), { recursive: true });
      symlinkSync(
        path.join(repoRoot, 'node_modules', '@kubernetes-models', 'apimachinery'),
        path.join(root, 'node_modules', '@kubernetes-models', 'apimachinery'),
      );
      writeFileSync(path.join(root, 'node_modules', 'kubernetes-models', 'package.json'), '{"version":"5.1.0"}');
      writeFileSync(
        path.join(ds, 'DaemonSet.d.ts'),
        [
          'import { IIoK8sApiAppsV1DaemonSetSpec } from "./DaemonSetSpec.js";',
          'export interface IDaemonSet {',
          '    "spec"?: IIoK8sApiAppsV1DaemonSetSpec;',
          '}',
          'export type { IDaemonSet as IIoK8sApiAppsV1DaemonSet };',
        ].join('\n'),
      );
      const r = runGenerator(`--root=${root}`);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /gen-schema: FAILED: .*DaemonSet\.d\.ts:3: cannot resolve type IIoK8sApiAppsV1DaemonSetSpec/);
      assert.equal(existsSync(path.join(root, 'server', 'generated', 'schema.json')), false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
