import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateDaemonSet, validateDaemonSetForAuthoring, validateDaemonSetUpdate, validatePodCreate } from '../../server/src/k8s/validation';
import { minimalDaemonSet } from './k8s-validation-helpers';

const ODD_VALUES: unknown[] = [null, undefined, 0, -1, 1.5, '', 'x', true, [], [null], [1, 'a'], {}, { a: null }];

/** Every path of a JSON value, so each can be replaced by an odd value. */
function paths(v: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const out = [prefix];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...prefix, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...prefix, k]));
  return out;
}

function replaced(root: any, path: Array<string | number>, value: unknown): any {
  if (path.length === 0) return value;
  const copy = structuredClone(root);
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k];
  o[path[path.length - 1]] = value;
  return copy;
}

test('never throws whatever shape any field has', () => {
  const base = minimalDaemonSet();
  base.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: '10%' } };
  const spec = base.spec.template.spec;
  spec.containers[0].ports = [{ containerPort: 80, hostPort: 80, name: 'web' }];
  spec.containers[0].resources = { requests: { cpu: '1' }, limits: { cpu: '2' } };
  spec.containers[0].volumeMounts = [{ name: 'v', mountPath: '/v' }];
  spec.volumes = [{ name: 'v', emptyDir: {} }];
  spec.tolerations = [{ key: 'k', operator: 'Equal', value: 'v', effect: 'NoSchedule' }];
  spec.nodeSelector = { a: 'b' };
  spec.affinity = {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [
          { matchExpressions: [{ key: 'a', operator: 'In', values: ['b'] }], matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n'] }] },
        ],
      },
      preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [{ key: 'a', operator: 'Exists' }] } }],
    },
  };
  spec.initContainers = [{ name: 'i', image: 'x' }];
  base.spec.selector.matchExpressions = [{ key: 'app', operator: 'In', values: ['agent'] }];
  let runs = 0;
  for (const p of paths(base)) {
    for (const v of ODD_VALUES) {
      const obj = replaced(base, p, v);
      assert.doesNotThrow(() => validateDaemonSetForAuthoring(obj), `path ${p.join('.')} = ${JSON.stringify(v)}`);
      assert.doesNotThrow(() => validateDaemonSet(obj));
      assert.doesNotThrow(() => validateDaemonSetUpdate(obj, base));
      assert.doesNotThrow(() => validatePodCreate({ metadata: obj?.metadata, spec: obj?.spec?.template?.spec }));
      runs++;
    }
  }
  assert.ok(runs > 500);
});

test('a field of the wrong type is left to the type checker (no Required on top)', () => {
  const ds = minimalDaemonSet();
  ds.spec.template.spec.containers = 'busybox';
  ds.spec.template.spec.dnsPolicy = 7;
  assert.deepEqual(validateDaemonSetForAuthoring(ds), []);
});
