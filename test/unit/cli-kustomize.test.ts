/** A DaemonSet file that a kustomization.yaml lists as a patch is partial: no missing-field errors. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isKustomizePatch } from '../../server/src/kustomize';
import { repoRoot } from '../helpers/paths';

const patch = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: fluent-bit
spec:
  template:
    spec:
      tolerations:
        - key: nvidia.com/gpu
          operator: Exists
          effect: NoSchedule
`;

function workspace(kustomization: string | undefined): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ds-kustomize-'));
  writeFileSync(path.join(dir, 'tolerate-gpu.yaml'), patch);
  if (kustomization !== undefined) writeFileSync(path.join(dir, 'kustomization.yaml'), kustomization);
  return dir;
}

const check = (dir: string) =>
  spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), '--format', 'json', path.join(dir, 'tolerate-gpu.yaml')], { encoding: 'utf8' });
const codes = (out: string) => JSON.parse(out).files[0].diagnostics.map((d: any) => d.code);

test('a listed patch gets no missing-required errors (patches, patchesStrategicMerge)', async () => {
  for (const k of ['patches:\n  - path: tolerate-gpu.yaml\n', 'patchesStrategicMerge:\n  - tolerate-gpu.yaml\n']) {
    const dir = workspace(`apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../base]\n${k}`);
    assert.equal(await isKustomizePatch(path.join(dir, 'tolerate-gpu.yaml')), true);
    const r = check(dir);
    assert.equal(r.status, 0, r.stdout);
    assert.ok(!codes(r.stdout).includes('missing-required'));
  }
});

test('the same file on its own is checked in full', async () => {
  const dir = workspace(undefined);
  assert.equal(await isKustomizePatch(path.join(dir, 'tolerate-gpu.yaml')), false);
  const r = check(dir);
  assert.equal(r.status, 1);
  assert.ok(codes(r.stdout).includes('missing-required'));
  const other = workspace('resources:\n  - tolerate-gpu.yaml\n');
  assert.equal(await isKustomizePatch(path.join(other, 'tolerate-gpu.yaml')), false, 'a resource is a whole object, not a patch');
});
