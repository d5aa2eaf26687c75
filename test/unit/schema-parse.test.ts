import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  aliasForDefinition,
  definitionNameForPath,
  docAnchor,
  docUrl,
  isDeprecated,
  jsDocText,
  parseDefault,
  splitEnumDescription,
} from '../../scripts/gen-schema';

describe('gen-schema helpers', () => {
  test('jsDocText strips comment markers and undoes \\* and \\/', () => {
    const c = ['/**', '     * A *glob* like foo/\\*\\/bar.', '     *', '     * Second paragraph.', '     */'].join('\n');
    assert.equal(jsDocText(c), 'A *glob* like foo/*/bar.\n\nSecond paragraph.');
  });

  test('splitEnumDescription separates the "Possible enum values" list', () => {
    const d = [
      'Effect indicates the taint effect to match.',
      '',
      'Possible enum values:',
      ' - `"NoExecute"` Evict any already-running pods.',
      ' - `"NoSchedule"` Do not allow new pods',
      '   to schedule.',
      ' - `"Gt"`',
    ].join('\n');
    const { prose, meanings } = splitEnumDescription(d);
    assert.equal(prose, 'Effect indicates the taint effect to match.');
    assert.deepEqual(
      [...meanings],
      [
        ['NoExecute', 'Evict any already-running pods.'],
        ['NoSchedule', 'Do not allow new pods to schedule.'],
        ['Gt', ''],
      ],
    );
    assert.equal(splitEnumDescription('No list here.').prose, 'No list here.');
  });

  test('parseDefault takes plain values and skips prose and conditions', () => {
    const cases: Array<[string, string | undefined]> = [
      ['Set DNS policy for the pod. Defaults to "ClusterFirst". Valid values are', 'ClusterFirst'],
      ['Optional: Defaults to true.', 'true'],
      ['This cannot be 0 if MaxSurge is 0 Default value is 1. Example', '1'],
      ['Use the host ipc namespace. Optional: Default to false.', 'false'],
      ['Defaults to 30 seconds.', '30'],
      ['Defaults to 0644. Directories within the path', '0644'],
      ['Defaults to /dev/termination-log. Cannot be updated.', '/dev/termination-log'],
      ["Defaults to 'default' (tcp).", 'default'],
      ['Default is rbd.', 'rbd'],
      ['Default false.', 'false'],
      ['Defaults to Always if :latest tag is specified, or IfNotPresent otherwise.', undefined],
      ['it defaults to Limits if that is explicitly specified', undefined],
      ['Defaults to 1 hour and must be at least 10 minutes.', undefined],
      ['Host name to connect to, defaults to the pod IP.', undefined],
      ['The default is nil which means that the limit is undefined.', undefined],
      ['default is admin More info: https://examples.k8s.io', undefined],
      ['No default mentioned.', undefined],
    ];
    for (const [text, want] of cases) assert.equal(parseDefault(text), want, text);
  });

  test('isDeprecated', () => {
    assert.equal(isDeprecated('DeprecatedServiceAccount is a deprecated alias'), true);
    assert.equal(isDeprecated('gitRepo represents a git repository. Deprecated: GitRepo is deprecated.'), true);
    assert.equal(isDeprecated('DEPRECATED - use X instead'), true);
    assert.equal(isDeprecated('hostPath represents a pre-existing file or directory on the host'), false);
  });

  test('API reference anchors', () => {
    assert.equal(docAnchor('io.k8s.api.core.v1.Toleration'), 'toleration-v1-core');
    assert.equal(docAnchor('io.k8s.api.apps.v1.DaemonSetSpec'), 'daemonsetspec-v1-apps');
    assert.equal(docAnchor('io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector'), 'labelselector-v1-meta');
    assert.equal(docAnchor('io.k8s.apimachinery.pkg.util.intstr.IntOrString'), 'intorstring-intstr-util');
    assert.equal(docAnchor('io.k8s.apimachinery.pkg.api.resource.Quantity'), 'quantity-resource-core');
    assert.equal(docUrl('io.k8s.api.core.v1.PodSpec', '1.36.0'), 'https://kubernetes.io/docs/reference/generated/kubernetes-api/v1.36/#podspec-v1-core');
    assert.throws(() => docAnchor('com.example.Thing'), /no API reference anchor/);
  });

  test('definition names from model file paths, checked against the package alias', () => {
    assert.equal(definitionNameForPath('/x/node_modules/kubernetes-models/v1/Toleration.d.ts'), 'io.k8s.api.core.v1.Toleration');
    assert.equal(definitionNameForPath('/x/node_modules/kubernetes-models/apps/v1/DaemonSet.d.ts'), 'io.k8s.api.apps.v1.DaemonSet');
    assert.equal(
      definitionNameForPath('/x/node_modules/@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta.d.ts'),
      'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
    );
    assert.equal(definitionNameForPath('/x/somewhere/else.d.ts'), undefined);
    assert.equal(aliasForDefinition('io.k8s.api.core.v1.PodOS'), 'IIoK8sApiCoreV1PodOS');
    assert.equal(aliasForDefinition('io.k8s.apimachinery.pkg.util.intstr.IntOrString'), 'IIoK8sApimachineryPkgUtilIntstrIntOrString');
  });
});
