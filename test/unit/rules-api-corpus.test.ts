/**
 * Real manifests: the valid corpus gets no error; each broken file gets a diagnostic naming the
 * cause its thread reports (corpus/README.md, broken/NOTES.md), and nothing else at error severity.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeText } from '../../server/src/service';
import { sharedPath } from '../helpers/paths';
import { applyEdits, applyFix, errorCodes } from './rules-api-helpers';

const read = (...p: string[]) => readFileSync(sharedPath('corpus', ...p), 'utf8');
const yamlFiles = (...p: string[]) =>
  readdirSync(sharedPath('corpus', ...p))
    .filter((f) => f.endsWith('.yaml'))
    .sort();

describe('valid real DaemonSets', () => {
  const files = yamlFiles('daemonsets');
  it('has the corpus', () => assert.ok(files.length >= 40, `only ${files.length} files`));
  for (const f of files) {
    it(`${f}: no error-severity diagnostic`, () => {
      const errs = analyzeText(read('daemonsets', f)).filter((d) => d.severity === 'error');
      assert.deepEqual(
        errs.map((d) => `${d.code} ${d.path}: ${d.message}`),
        [],
      );
    });
  }
});

/** Expected error-severity rule ids per file (sorted), and what the message must name. */
const NONVALID: Record<string, { errors: string[]; names?: RegExp[] }> = {
  'calico--pod2daemon-nodeagent.yaml': { errors: ['missing-required'], names: [/`selector`/] },
  'elastic-beats--filebeat-legacy.yaml': { errors: ['removed-api-version'], names: [/extensions\/v1beta1/] },
  'kubernetes--konnectivity-agent.yaml': { errors: ['yaml-syntax'], names: [/__EXTRA_PARAMS__/] },
  'kubernetes-examples--flexvolume-deploy.yaml': { errors: ['removed-api-version'] },
  'kubernetes-examples--newrelic-infra.yaml': { errors: ['removed-api-version'] },
  // An operator asset: name, selector and images are filled in at runtime.
  'openshift--dns-default.yaml': {
    errors: ['container-invalid', 'container-invalid', 'missing-required', 'object-name'],
    names: [
      /^metadata\.name: Required value/,
      /`selector`/,
      /^spec\.template\.spec\.containers\[0\]\.image: Required value/,
      /^spec\.template\.spec\.containers\[1\]\.image: Required value/,
    ],
  },
};

const BROKEN: Record<string, { errors: string[]; names?: RegExp[]; warnings?: string[] }> = {
  'cadvisor--missing-selector.yaml': { errors: ['missing-required'], names: [/Missing required field `selector`/] },
  'emojivoto--strategy-and-status-fields.yaml': {
    errors: ['unknown-field', 'unknown-field', 'unknown-field', 'unknown-field', 'unknown-field'],
    names: [/Unknown field `strategy`/, /Unknown field `replicas`/],
    warnings: ['status-field'],
  },
  'gluster-kubernetes--extensions-v1beta1.yaml': {
    errors: ['removed-api-version'],
    names: [/no matches for kind "DaemonSet" in version "extensions\/v1beta1"/],
  },
  'k8s-custom-iptables--extensions-v1beta1.yaml': {
    errors: ['removed-api-version'],
    names: [/no matches for kind "DaemonSet" in version "extensions\/v1beta1"/],
  },
  'nvidia-device-plugin-1.0.0-beta--extensions-v1beta1.yaml': {
    errors: ['removed-api-version'],
    names: [/no matches for kind "DaemonSet" in version "extensions\/v1beta1"/],
  },
  // Placement problems (taints, architecture): not visible from the manifest alone; no API error.
  'gke-nvidia-driver-installer--gpu-taint-only-toleration.yaml': { errors: [] },
  'gpu-operator-vgpu-device-manager--no-gpu-toleration.yaml': { errors: [], warnings: ['placeholder-value'] },
  'rocm-amdgpu-device-plugin--no-arch-or-node-selector.yaml': { errors: [] },
  // Reconstructed: valid on Kubernetes 1.36 (surge is GA; the controller's tolerations; the old port bug).
  'reconstructed/maxunavailable-zero.yaml': { errors: [] },
  'reconstructed/tolerationseconds-notready-ignored.yaml': { errors: [] },
  'reconstructed/hostport-with-nodeselector.yaml': { errors: [] },
};

function checkExpected(text: string, exp: { errors: string[]; names?: RegExp[]; warnings?: string[] }): void {
  const diags = analyzeText(text);
  const errs = diags.filter((d) => d.severity === 'error');
  assert.deepEqual(errs.map((d) => d.code).sort(), [...exp.errors].sort(), errs.map((d) => `${d.code}: ${d.message}`).join('\n'));
  for (const re of exp.names ?? [])
    assert.ok(
      errs.some((d) => re.test(d.message)),
      `no error names ${re}: ${errs.map((d) => d.message).join(' | ')}`,
    );
  for (const w of exp.warnings ?? [])
    assert.ok(
      diags.some((d) => d.code === w && d.severity === 'warning'),
      `no ${w} warning`,
    );
}

describe('non-valid real DaemonSets', () => {
  it('covers every file', () => assert.deepEqual(yamlFiles('daemonsets', 'nonvalid'), Object.keys(NONVALID).sort()));
  for (const [f, exp] of Object.entries(NONVALID)) it(f, () => checkExpected(read('daemonsets', 'nonvalid', f), exp));
});

describe('broken DaemonSets from the wild', () => {
  it('covers every file', () => {
    const all = [...yamlFiles('broken'), ...yamlFiles('broken', 'reconstructed').map((f) => `reconstructed/${f}`)].sort();
    assert.deepEqual(all, Object.keys(BROKEN).sort());
  });
  for (const [f, exp] of Object.entries(BROKEN)) it(f, () => checkExpected(read('broken', ...f.split('/')), exp));

  it("the reconstructed maxUnavailable case with both at zero is rejected, with Kubernetes' message", () => {
    const text = read('broken', 'reconstructed', 'maxunavailable-zero.yaml').replace('maxSurge: 1', 'maxSurge: 0');
    assert.deepEqual(errorCodes(text), ['rolling-update-params']);
    const d = analyzeText(text).find((x) => x.code === 'rolling-update-params')!;
    assert.ok(d.message.startsWith('spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0'));
    applyFix(text, 'rolling-update-params');
  });
});

describe('quick fixes on real files', () => {
  for (const f of ['cadvisor--missing-selector.yaml']) {
    it(`${f}: adding the selector from the template labels leaves no error`, () => {
      const after = applyFix(read('broken', f), 'missing-required');
      assert.deepEqual(errorCodes(after), []);
    });
  }
  it('calico--pod2daemon-nodeagent.yaml: adding the selector leaves no error', () => {
    const after = applyFix(read('daemonsets', 'nonvalid', 'calico--pod2daemon-nodeagent.yaml'), 'missing-required');
    assert.deepEqual(errorCodes(after), []);
  });
  const removed = [
    ['broken', 'gluster-kubernetes--extensions-v1beta1.yaml'],
    ['broken', 'k8s-custom-iptables--extensions-v1beta1.yaml'],
    ['broken', 'nvidia-device-plugin-1.0.0-beta--extensions-v1beta1.yaml'],
    ['daemonsets', 'nonvalid', 'elastic-beats--filebeat-legacy.yaml'],
    ['daemonsets', 'nonvalid', 'kubernetes-examples--flexvolume-deploy.yaml'],
    ['daemonsets', 'nonvalid', 'kubernetes-examples--newrelic-infra.yaml'],
  ];
  for (const p of removed) {
    it(`${p[p.length - 1]}: the apiVersion fix (with selector) leaves no error`, () => {
      const text = read(...p);
      // Practice checks only run on apps/v1, so they may appear; nothing at error severity may.
      const after = applyFix(text, 'removed-api-version');
      assert.deepEqual(errorCodes(after), []);
      // Applying every DaemonSet's fix in the file at once gives the same result.
      const all = analyzeText(text)
        .filter((d) => d.code === 'removed-api-version')
        .flatMap((d) => d.fixes![0].edits);
      assert.deepEqual(errorCodes(applyEdits(text, all)), []);
    });
  }
});
