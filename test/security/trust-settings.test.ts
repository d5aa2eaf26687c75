/**
 * Issue 10, item 1 (workspace trust), the client's decision: which values of the settings that
 * reach a file, a program or a cluster the server may see. A repository's `.vscode/settings.json`
 * must not choose a cluster, a kubeconfig (whose `exec` plugin runs a program), a context or
 * inventory files: untrusted, those values are dropped; trusted, they wait for the user's word.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { effectiveSettings, fingerprintAfterWrite, RESTRICTED_KEYS, type Answer, type InspectedSettings } from '../../client/src/trustSettings';
import { repoRoot } from '../helpers/paths';

const DEFAULTS: InspectedSettings = {
  'inventory.source': { defaultValue: 'sample' },
  'inventory.files': { defaultValue: [] },
  'inventory.kubeconfig': { defaultValue: '' },
  'inventory.context': { defaultValue: '' },
  maxFileSizeMB: { defaultValue: 5 },
};

/** A hostile repository: a cluster, its own kubeconfig (exec plugin), a context, and a huge file limit. */
const HOSTILE: InspectedSettings = {
  'inventory.source': { defaultValue: 'sample', workspaceValue: 'cluster' },
  'inventory.files': { defaultValue: [] },
  'inventory.kubeconfig': { defaultValue: '', workspaceValue: '.vscode/kubeconfig' },
  'inventory.context': { defaultValue: '', workspaceValue: 'prod' },
  maxFileSizeMB: { defaultValue: 5, workspaceValue: 100 },
};

const none = new Map<string, Answer>();

describe('trust: the inventory settings the server sees', () => {
  it('untrusted: every workspace value of a restricted setting is dropped (user or default values pass)', () => {
    const inspected: InspectedSettings = {
      ...HOSTILE,
      'inventory.files': { defaultValue: [], workspaceValue: ['../../etc/nodes.yaml'], workspaceFolderValue: ['x.yaml'] },
      'inventory.context': { defaultValue: '', globalValue: 'kind-dev', workspaceValue: 'prod' },
    };
    const r = effectiveSettings(inspected, false, none);
    assert.deepEqual(r.values, {
      'inventory.source': 'sample',
      'inventory.files': [],
      'inventory.kubeconfig': '',
      'inventory.context': 'kind-dev',
      maxFileSizeMB: 5,
    });
    assert.equal(r.pending, undefined, 'nothing is asked in Restricted Mode');
    // Even an allow recorded earlier (for these very values) does not pass while untrusted.
    const allowed = effectiveSettings(HOSTILE, true, none).pending!.fingerprint;
    assert.equal(effectiveSettings(HOSTILE, false, { [allowed]: 'allow' }).values['inventory.source'], 'sample');
  });

  it('trusted, not confirmed: the user values are forwarded and the exact workspace values await confirmation', () => {
    const inspected: InspectedSettings = {
      ...HOSTILE,
      'inventory.kubeconfig': { defaultValue: '', globalValue: '/home/me/.kube/config', workspaceValue: '.vscode/kubeconfig' },
    };
    const r = effectiveSettings(inspected, true, none);
    assert.equal(r.values['inventory.source'], 'sample');
    assert.equal(r.values['inventory.kubeconfig'], '/home/me/.kube/config');
    assert.equal(r.values['inventory.context'], '');
    assert.equal(r.values.maxFileSizeMB, 100, 'a trusted workspace may set the file limit (the server clamps it)');
    assert.deepEqual(r.pending?.values, { 'inventory.source': 'cluster', 'inventory.kubeconfig': '.vscode/kubeconfig', 'inventory.context': 'prod' });
    assert.deepEqual(r.pending?.scopes, { 'inventory.source': 'workspace', 'inventory.kubeconfig': 'workspace', 'inventory.context': 'workspace' });
  });

  it('trusted: a workspace that sets only the context of the user own cluster still asks (the production-cluster attack)', () => {
    const inspected: InspectedSettings = {
      ...DEFAULTS,
      'inventory.source': { defaultValue: 'sample', globalValue: 'cluster' },
      'inventory.context': { defaultValue: '', globalValue: 'kind-dev', workspaceValue: 'prod' },
    };
    const r = effectiveSettings(inspected, true, none);
    assert.equal(r.values['inventory.context'], 'kind-dev');
    assert.deepEqual(r.pending?.values, { 'inventory.source': 'cluster', 'inventory.kubeconfig': '', 'inventory.context': 'prod' });
    assert.deepEqual(r.pending?.scopes, { 'inventory.context': 'workspace' });
  });

  it('trusted and confirmed: the workspace values pass; "keep my settings" keeps the user values', () => {
    const fp = effectiveSettings(HOSTILE, true, none).pending!.fingerprint;
    const allowed = effectiveSettings(HOSTILE, true, new Map([[fp, 'allow' as Answer]]));
    assert.equal(allowed.pending, undefined);
    assert.equal(allowed.values['inventory.source'], 'cluster');
    assert.equal(allowed.values['inventory.kubeconfig'], '.vscode/kubeconfig');
    assert.equal(allowed.values['inventory.context'], 'prod');
    const kept = effectiveSettings(HOSTILE, true, { [fp]: 'keep' });
    assert.equal(kept.values['inventory.source'], 'sample');
    assert.equal(kept.pending?.fingerprint, fp, 'still pending, but answered: not asked again');
  });

  it('changed values ask again: an allow is for the exact values', () => {
    const fp = effectiveSettings(HOSTILE, true, none).pending!.fingerprint;
    const changed: InspectedSettings = { ...HOSTILE, 'inventory.context': { defaultValue: '', workspaceValue: 'prod-eu' } };
    const r = effectiveSettings(changed, true, { [fp]: 'allow' });
    assert.equal(r.values['inventory.source'], 'sample');
    assert.notEqual(r.pending?.fingerprint, fp);
    assert.equal(r.pending?.values['inventory.context'], 'prod-eu');
    const otherKubeconfig: InspectedSettings = { ...HOSTILE, 'inventory.kubeconfig': { defaultValue: '', workspaceValue: '.vscode/kubeconfig2' } };
    assert.ok(effectiveSettings(otherKubeconfig, true, { [fp]: 'allow' }).pending);
  });

  it('inventory files chosen by the workspace ask too; the sample never does', () => {
    const files: InspectedSettings = {
      ...DEFAULTS,
      'inventory.source': { defaultValue: 'sample', workspaceValue: 'file' },
      'inventory.files': { defaultValue: [], workspaceValue: ['/etc/shadow'] },
    };
    const r = effectiveSettings(files, true, none);
    assert.equal(r.values['inventory.source'], 'sample');
    assert.deepEqual(r.values['inventory.files'], []);
    assert.deepEqual(r.pending?.values, { 'inventory.source': 'file', 'inventory.files': ['/etc/shadow'] });
    const sample: InspectedSettings = {
      ...DEFAULTS,
      'inventory.source': { defaultValue: 'sample', globalValue: 'cluster', workspaceValue: 'sample' },
      'inventory.kubeconfig': { defaultValue: '', workspaceValue: '.vscode/kubeconfig' },
    };
    const s = effectiveSettings(sample, true, none);
    assert.equal(s.pending, undefined);
    assert.equal(s.values['inventory.source'], 'sample');
    assert.equal(s.values['inventory.kubeconfig'], '', 'an unused workspace kubeconfig is not forwarded either');
  });

  it('the user own settings pass untouched, trusted or not', () => {
    const mine: InspectedSettings = {
      ...DEFAULTS,
      'inventory.source': { defaultValue: 'sample', globalValue: 'cluster' },
      'inventory.kubeconfig': { defaultValue: '', globalValue: '/home/me/kc' },
      'inventory.context': { defaultValue: '', globalValue: 'prod' },
    };
    for (const trusted of [true, false]) {
      const r = effectiveSettings(mine, trusted, none);
      assert.equal(r.pending, undefined);
      assert.deepEqual([r.values['inventory.source'], r.values['inventory.kubeconfig'], r.values['inventory.context']], ['cluster', '/home/me/kc', 'prod']);
    }
  });

  it("a choice made in the picker is the user's: its fingerprint is the one the settings will have", () => {
    const fp = fingerprintAfterWrite(DEFAULTS, { 'inventory.source': 'cluster', 'inventory.context': 'prod' });
    const after: InspectedSettings = {
      ...DEFAULTS,
      'inventory.source': { defaultValue: 'sample', workspaceValue: 'cluster' },
      'inventory.context': { defaultValue: '', workspaceValue: 'prod' },
    };
    const r = effectiveSettings(after, true, { [fp]: 'allow' });
    assert.equal(r.pending, undefined);
    assert.equal(r.values['inventory.context'], 'prod');
  });

  it('package.json lists every restricted setting in capabilities.untrustedWorkspaces', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const u = pkg.capabilities?.untrustedWorkspaces;
    assert.equal(u?.supported, 'limited', 'the extension works (on the sample) in Restricted Mode');
    assert.deepEqual([...u.restrictedConfigurations].sort(), RESTRICTED_KEYS.map((k) => `daemonset.${k}`).sort());
    // Every setting that names a path or a cluster is restricted.
    const props = Object.keys(pkg.contributes.configuration.properties);
    for (const p of props.filter((p) => /inventory|kubeconfig|context|file/i.test(p)))
      assert.ok(u.restrictedConfigurations.includes(p), `${p} is not restricted`);
    assert.equal(pkg.contributes.configuration.properties['daemonset.maxFileSizeMB'].maximum, 10);
  });
});
