/**
 * The validator over real manifests: every apps/v1 DaemonSet in shared/corpus/daemonsets runs in
 * production, so any error here is a false positive of ours. The nonvalid/broken files get the
 * diagnostics the API server would give.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { sharedPath } from '../helpers/paths';
import { formatFieldError, validateDaemonSetForAuthoring } from '../../server/src/k8s/validation';

interface Found {
  file: string;
  name: string;
  errors: string[];
}

/** apps/v1 DaemonSets of a file (also inside `kind: List`); documents YAML cannot parse are skipped. */
function daemonSetsOf(file: string): Found[] {
  const out: Found[] = [];
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
    if (doc.errors.length > 0) continue;
    const js = doc.toJS() as any;
    const items = js?.kind === 'List' && Array.isArray(js.items) ? js.items : [js];
    for (const ds of items) {
      if (ds?.kind !== 'DaemonSet' || ds.apiVersion !== 'apps/v1') continue;
      out.push({ file: path.basename(file), name: String(ds.metadata?.name), errors: validateDaemonSetForAuthoring(ds).map(formatFieldError) });
    }
  }
  return out;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => path.join(dir, e.name));
}

test('no errors on any real apps/v1 DaemonSet of the corpus', () => {
  const found = yamlFiles(sharedPath('corpus', 'daemonsets')).flatMap(daemonSetsOf);
  assert.ok(found.length >= 40, `found ${found.length} DaemonSets`);
  const withErrors = found.filter((f) => f.errors.length > 0);
  assert.deepEqual(withErrors, []);
});

test('nonvalid corpus: the diagnostics the API server gives', () => {
  const dir = sharedPath('corpus', 'daemonsets', 'nonvalid');
  const byFile = new Map(yamlFiles(dir).map((f) => [path.basename(f), daemonSetsOf(f)]));
  // apps/v1 without a selector: a nil selector selects nothing, so the template never matches.
  assert.deepEqual(byFile.get('calico--pod2daemon-nodeagent.yaml')?.[0].errors, [
    'spec.template.metadata.labels: Invalid value: {"app":"nodeagent","version":"v1"}: `selector` does not match template `labels`',
  ]);
  // The operator asset: no name, no selector, no images.
  assert.deepEqual(byFile.get('openshift--dns-default.yaml')?.[0].errors, [
    'metadata.name: Required value: name or generateName is required',
    'spec.template.metadata.labels: Invalid value: null: `selector` does not match template `labels`',
    'spec.template.spec.containers[0].image: Required value',
    'spec.template.spec.containers[1].image: Required value',
  ]);
  // Removed extensions/v1beta1 files hold no apps/v1 DaemonSet; the unrendered placeholder breaks YAML.
  for (const f of ['elastic-beats--filebeat-legacy.yaml', 'kubernetes-examples--flexvolume-deploy.yaml', 'kubernetes-examples--newrelic-infra.yaml']) {
    assert.deepEqual(byFile.get(f), [], f);
  }
});

test('broken corpus: validation findings match NOTES.md', () => {
  const dir = sharedPath('corpus', 'broken');
  const all = [...yamlFiles(dir), ...yamlFiles(path.join(dir, 'reconstructed'))].flatMap(daemonSetsOf);
  const errorsOf = (file: string) => all.filter((f) => f.file === file).flatMap((f) => f.errors);
  assert.deepEqual(errorsOf('cadvisor--missing-selector.yaml'), [
    'spec.template.metadata.labels: Invalid value: null: `selector` does not match template `labels`',
  ]);
  assert.equal(errorsOf('gpu-operator-vgpu-device-manager--no-gpu-toleration.yaml').length, 1);
  assert.match(errorsOf('gpu-operator-vgpu-device-manager--no-gpu-toleration.yaml')[0], /^metadata\.namespace: Invalid value: "FILLED BY THE OPERATOR": /);
  // Placement problems and valid-since-1.22 surge settings are not validation errors.
  for (const f of [
    'maxunavailable-zero.yaml',
    'tolerationseconds-notready-ignored.yaml',
    'hostport-with-nodeselector.yaml',
    'gke-nvidia-driver-installer--gpu-taint-only-toleration.yaml',
    'rocm-amdgpu-device-plugin--no-arch-or-node-selector.yaml',
    'emojivoto--strategy-and-status-fields.yaml',
  ]) {
    assert.deepEqual(errorsOf(f), [], f);
    assert.ok(
      all.some((x) => x.file === f),
      `${f} has an apps/v1 DaemonSet`,
    );
  }
});
