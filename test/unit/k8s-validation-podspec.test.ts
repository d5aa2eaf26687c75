import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatAggregate, formatFieldError, validateDaemonSetForAuthoring, validatePodCreate } from '../../server/src/k8s/validation';
import { fieldsOf, minimalDaemonSet } from './k8s-validation-helpers';

function withSpec(mutate: (spec: any) => void): any {
  const ds = minimalDaemonSet();
  mutate(ds.spec.template.spec);
  return ds;
}

test('containers: required, names DNS-1123 label and unique across init containers, image required', () => {
  assert.equal(formatAggregate(validateDaemonSetForAuthoring(withSpec((s) => (s.containers = [])))), 'spec.template.spec.containers: Required value');
  const errs = validateDaemonSetForAuthoring(
    withSpec((s) => {
      s.containers = [
        { name: 'a', image: 'x' },
        { name: 'a', image: '' },
        { name: 'Bad', image: 'x' },
      ];
      s.initContainers = [{ name: 'a', image: 'x' }, { image: 'x' }];
    }),
  );
  assert.deepEqual(fieldsOf(errs), [
    'spec.template.spec.containers[1].image FieldValueRequired',
    'spec.template.spec.containers[1].name FieldValueDuplicate',
    'spec.template.spec.containers[2].name FieldValueInvalid',
    'spec.template.spec.initContainers[0].name FieldValueDuplicate',
    'spec.template.spec.initContainers[1].name FieldValueRequired',
  ]);
});

test('a whitespace image is allowed in a template, not in a Pod', () => {
  assert.deepEqual(validateDaemonSetForAuthoring(withSpec((s) => (s.containers[0].image = ' '))), []);
  const pod = {
    metadata: { name: 'p', namespace: 'default' },
    spec: { ...applyPodDefaults(), containers: [{ name: 'c', image: ' x', imagePullPolicy: 'Always', terminationMessagePolicy: 'File' }] },
  };
  assert.deepEqual(fieldsOf(validatePodCreate(pod)), ['spec.containers[0].image FieldValueInvalid']);
});

function applyPodDefaults(): any {
  return { dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', terminationGracePeriodSeconds: 30 };
}

test('imagePullPolicy and terminationMessagePolicy enums', () => {
  const errs = validateDaemonSetForAuthoring(
    withSpec((s) => {
      s.containers[0].imagePullPolicy = 'Sometimes';
      s.containers[0].terminationMessagePolicy = 'Log';
    }),
  );
  assert.deepEqual(errs.map(formatFieldError), [
    'spec.template.spec.containers[0].terminationMessagePolicy: Unsupported value: "Log": supported values: "File", "FallbackToLogsOnError"',
    'spec.template.spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
  ]);
});

test('ports: range, protocol, name syntax and duplicates', () => {
  const errs = validateDaemonSetForAuthoring(
    withSpec((s) => {
      s.containers[0].ports = [
        { containerPort: 0 },
        { containerPort: 70000, hostPort: 70000, protocol: 'HTTP', name: 'Metrics' },
        { containerPort: 80, name: 'web' },
        { containerPort: 81, name: 'web' },
      ];
    }),
  );
  assert.deepEqual(errs.map(formatFieldError), [
    'spec.template.spec.containers[0].ports[0].containerPort: Required value',
    'spec.template.spec.containers[0].ports[1].name: Invalid value: "Metrics": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    'spec.template.spec.containers[0].ports[1].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    'spec.template.spec.containers[0].ports[1].hostPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    'spec.template.spec.containers[0].ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    'spec.template.spec.containers[0].ports[3].name: Duplicate value: "web"',
  ]);
});

test('duplicate hostPort across containers: bad value is PROTOCOL/hostIP/port; other protocol or IP is fine', () => {
  const errs = validateDaemonSetForAuthoring(
    withSpec((s) => {
      s.containers = [
        {
          name: 'a',
          image: 'x',
          ports: [
            { containerPort: 80, hostPort: 80 },
            { containerPort: 80, hostPort: 80, protocol: 'UDP' },
          ],
        },
        {
          name: 'b',
          image: 'x',
          ports: [
            { containerPort: 81, hostPort: 80 },
            { containerPort: 82, hostPort: 80, hostIP: '10.0.0.1' },
          ],
        },
      ];
    }),
  );
  assert.deepEqual(errs.map(formatFieldError), ['spec.template.spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//80"']);
});

test('init containers are checked for host-port duplicates one at a time', () => {
  const errs = validateDaemonSetForAuthoring(
    withSpec((s) => {
      s.containers[0].ports = [{ containerPort: 80, hostPort: 80 }];
      s.initContainers = [
        { name: 'i0', image: 'x', ports: [{ containerPort: 80, hostPort: 80 }] },
        {
          name: 'i1',
          image: 'x',
          ports: [
            { containerPort: 1, hostPort: 9 },
            { containerPort: 2, hostPort: 9 },
          ],
        },
      ];
    }),
  );
  // Go passes a one-element list, hence the [0] in the path for the second init container.
  assert.deepEqual(errs.map(formatFieldError), ['spec.template.spec.initContainers[0].ports[1].hostPort: Duplicate value: "TCP//9"']);
});

test('hostNetwork: hostPort must equal containerPort (0 allowed in templates, not in Pods)', () => {
  const ds = withSpec((s) => {
    s.hostNetwork = true;
    s.containers[0].ports = [{ containerPort: 7946, hostPort: 7947 }, { containerPort: 9100 }];
  });
  assert.equal(
    formatAggregate(validateDaemonSetForAuthoring(ds)),
    'spec.template.spec.containers[0].ports[0].hostPort: Invalid value: 7947: must match `containerPort` when `hostNetwork` is true',
  );
  const pod = {
    metadata: { name: 'p', namespace: 'default' },
    spec: {
      ...applyPodDefaults(),
      hostNetwork: true,
      containers: [{ name: 'c', image: 'x', imagePullPolicy: 'Always', terminationMessagePolicy: 'File', ports: [{ containerPort: 80, protocol: 'TCP' }] }],
    },
  };
  assert.deepEqual(fieldsOf(validatePodCreate(pod)), ['spec.containers[0].ports[0].hostPort FieldValueInvalid']);
});

test('dnsPolicy, nodeName, nodeSelector, serviceAccountName, priorityClassName', () => {
  const errs = validateDaemonSetForAuthoring(
    withSpec((s) => {
      s.dnsPolicy = 'ClusterLast';
      s.nodeName = 'Node_1';
      s.nodeSelector = { 'kubernetes.io/os': 'linux', 'bad/key/x': 'v' };
      s.serviceAccountName = 'SA';
      s.priorityClassName = 'system-node-critical';
    }),
  );
  assert.deepEqual(fieldsOf(errs), [
    'spec.template.spec.dnsPolicy FieldValueNotSupported',
    'spec.template.spec.nodeSelector FieldValueInvalid',
    'spec.template.spec.serviceAccountName FieldValueInvalid',
    'spec.template.spec.nodeName FieldValueInvalid',
  ]);
  assert.equal(errs[0].detail, 'supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"');
});

test('dnsPolicy None needs a dnsConfig with a nameserver', () => {
  assert.deepEqual(validateDaemonSetForAuthoring(withSpec((s) => (s.dnsPolicy = 'None'))).map(formatFieldError), [
    'spec.template.spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None',
  ]);
  assert.deepEqual(validateDaemonSetForAuthoring(withSpec((s) => ((s.dnsPolicy = 'None'), (s.dnsConfig = { nameservers: ['1.1.1.1'] })))), []);
});

test('resources: requests must not exceed limits; extended resources need equal limits', () => {
  const errs = validateDaemonSetForAuthoring(
    withSpec((s) => {
      s.containers[0].resources = {
        requests: { cpu: '2', memory: '64Mi', 'nvidia.com/gpu': '1', 'example.com/foo': '1' },
        limits: { cpu: '1', memory: '128Mi', 'nvidia.com/gpu': '2' },
      };
    }),
  );
  assert.deepEqual(errs.map(formatFieldError), [
    'spec.template.spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
    'spec.template.spec.containers[0].resources.requests: Invalid value: "1": must be equal to nvidia.com/gpu limit of 2',
    'spec.template.spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources',
  ]);
  const names = validateDaemonSetForAuthoring(withSpec((s) => (s.containers[0].resources = { limits: { gpu: '1', cpu: '-1', 'example.com/x': '500m' } })));
  assert.deepEqual(names.map(formatFieldError), [
    'spec.template.spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified',
    'spec.template.spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource for containers',
    'spec.template.spec.containers[0].resources.limits[cpu]: Invalid value: "-1": must be greater than or equal to 0',
    'spec.template.spec.containers[0].resources.limits[example.com/x]: Invalid value: "500m": must be an integer',
  ]);
  assert.deepEqual(
    validateDaemonSetForAuthoring(withSpec((s) => (s.containers[0].resources = { requests: { cpu: '500m', memory: 1e9 }, limits: { cpu: 1, memory: '1Gi' } }))),
    [],
  );
});

test('volume mounts must name a volume; volume names unique', () => {
  const errs = validateDaemonSetForAuthoring(
    withSpec((s) => {
      s.volumes = [
        { name: 'data', emptyDir: {} },
        { name: 'data', emptyDir: {} },
      ];
      s.containers[0].volumeMounts = [
        { name: 'data', mountPath: '/d' },
        { name: 'logs', mountPath: '/d' },
      ];
    }),
  );
  assert.deepEqual(errs.map(formatFieldError), [
    'spec.template.spec.volumes[1].name: Duplicate value: "data"',
    'spec.template.spec.containers[0].volumeMounts[1].name: Not found: "logs"',
    'spec.template.spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/d": must be unique',
  ]);
});

test('init containers without restartPolicy Always may not have probes; sidecars may', () => {
  const errs = validateDaemonSetForAuthoring(
    withSpec((s) => {
      s.initContainers = [
        { name: 'init', image: 'x', livenessProbe: { exec: { command: ['true'] } } },
        { name: 'sidecar', image: 'x', restartPolicy: 'Always', livenessProbe: { exec: { command: ['true'] } } },
      ];
    }),
  );
  assert.deepEqual(errs.map(formatFieldError), [
    'spec.template.spec.initContainers[0].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
  ]);
});

test('ephemeral containers are not allowed in a template; terminationGracePeriodSeconds defaulted', () => {
  const errs = validateDaemonSetForAuthoring(withSpec((s) => (s.ephemeralContainers = [{ name: 'debug', image: 'busybox' }])));
  assert.deepEqual(errs.map(formatFieldError), ['spec.template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template']);
});
