import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../server/src/service';
import { applyFix, ds, errorCodes, only, rangeText } from './rules-api-helpers';

const pod = (body: string) => ds({ pod: body });
const container = '      containers:\n        - name: agent\n          image: example/agent:1.0\n';

describe('selector-template-mismatch', () => {
  it('reports a mismatch in Kubernetes words, at the template labels, and names the failing label', () => {
    const text = ds({ labels: '        app: other\n' });
    assert.deepEqual(errorCodes(text), ['selector-template-mismatch']);
    const d = only(text, 'selector-template-mismatch');
    assert.ok(d.message.startsWith('spec.template.metadata.labels: Invalid value: {"app":"other"}: `selector` does not match template `labels`. '), d.message);
    assert.match(d.message, /requires `app: agent` but the template label is `app: other`/);
    assert.equal(d.path, 'spec.template.metadata.labels');
    assert.equal(rangeText(text, d), 'labels');
  });

  it('reports matchExpressions the template labels do not satisfy', () => {
    const text = ds({ selector: '    matchExpressions:\n      - key: tier\n        operator: In\n        values: [node]\n' });
    const d = only(text, 'selector-template-mismatch');
    assert.match(d.message, /matchExpressions\[0\]` \(`tier in \(node\)`\)/);
  });

  it('fixes a mismatch by adding the selector labels to the template (preferred), keeping comments', () => {
    const text = ds({ selector: '    matchLabels:\n      app: agent # immutable\n      tier: "node"\n', labels: '        app: agent   # keep me\n' });
    const d = only(text, 'selector-template-mismatch');
    assert.equal(d.fixes![0].isPreferred, true);
    const after = applyFix(text, 'selector-template-mismatch', 'Add the selector');
    assert.match(after, /app: agent {3}# keep me\n {8}tier: node\n/);
  });

  it('fixes a mismatch by changing the selector to the template labels', () => {
    const text = ds({ labels: '        app: node-agent\n        version: "1.0"\n' });
    const after = applyFix(text, 'selector-template-mismatch', 'Change the selector');
    assert.match(after, /matchLabels:\n {6}app: node-agent\n {6}version: "1.0"\n/);
  });

  it('adds template labels when the template has none', () => {
    const text = ds({ labels: null });
    const after = applyFix(text, 'selector-template-mismatch', 'Add the selector');
    assert.deepEqual(errorCodes(after), []);
  });

  it('reports an empty selector and fills it from the template labels', () => {
    const text = ds({ selector: '    {}\n'.replace('    {}\n', '') }).replace('  selector:\n', '  selector: {}\n');
    assert.deepEqual(errorCodes(text), ['selector-template-mismatch']);
    const d = only(text, 'selector-template-mismatch');
    assert.match(d.message, /^spec\.selector: Invalid value: \{\}: empty selector is invalid for daemonset\./);
    const after = applyFix(text, 'selector-template-mismatch');
    assert.match(after, /selector:\n {4}matchLabels:\n {6}app: agent\n/);
  });

  it('leaves a missing selector to missing-required, which offers the template labels as selector', () => {
    const text = ds({ selector: null, labels: '        app: agent\n        "tier": node   # quoted key\n' });
    assert.deepEqual(errorCodes(text), ['missing-required']);
    const after = applyFix(text, 'missing-required');
    assert.match(after, /spec:\n {2}selector:\n {4}matchLabels:\n {6}app: agent\n {6}tier: node\n {2}template:/);
  });

  it('says nothing about a missing selector in a kustomize patch', () => {
    const text = ds({ selector: null });
    assert.deepEqual(errorCodes(text, { partial: true }), []);
  });
});

describe('restart-policy and active-deadline-seconds', () => {
  it('reports restartPolicy OnFailure exactly as kubectl prints it and fixes it', () => {
    const text = pod(`      restartPolicy: "OnFailure"\n${container}`);
    const d = only(text, 'restart-policy');
    assert.ok(d.message.startsWith('spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always". '));
    assert.equal(d.severity, 'error');
    assert.equal(rangeText(text, d), '"OnFailure"');
    const after = applyFix(text, 'restart-policy');
    assert.match(after, /restartPolicy: "Always"/);
  });

  it('leaves a value outside the enum to invalid-enum (no duplicate)', () => {
    const text = pod(`      restartPolicy: Sometimes\n${container}`);
    assert.deepEqual(errorCodes(text), ['invalid-enum']);
  });

  it('forbids activeDeadlineSeconds and removes it', () => {
    const text = pod(`      activeDeadlineSeconds: 60 # why\n${container}`.replace(' # why', ''));
    const d = only(text, 'active-deadline-seconds');
    assert.ok(d.message.startsWith('spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported'));
    applyFix(text, 'active-deadline-seconds');
  });
});

describe('rolling-update-params', () => {
  const strategy = (ru: string) => ds({ spec: `  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate:\n${ru}` });

  it('explains the defaulting trap: maxSurge alone is rejected because maxUnavailable defaults to 1', () => {
    const text = strategy('      maxSurge: 1   # surge\n');
    const d = only(text, 'rolling-update-params');
    assert.ok(d.message.startsWith('spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero. '));
    assert.match(d.message, /defaults it to 1/);
    assert.equal(d.fixes![0].isPreferred, true);
    const after = applyFix(text, 'rolling-update-params');
    assert.match(after, /maxSurge: 1 {3}# surge\n {6}maxUnavailable: 0\n/);
  });

  it('explains both non-zero when maxUnavailable is written, and can remove maxSurge instead', () => {
    const text = strategy('      maxUnavailable: 2\n      maxSurge: "10%"\n');
    const d = only(text, 'rolling-update-params');
    assert.ok(
      d.message.startsWith(
        'spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: "10%": may not be set when maxUnavailable is non-zero. A DaemonSet update',
      ),
    );
    applyFix(text, 'rolling-update-params', 'Set maxUnavailable to 0');
    applyFix(text, 'rolling-update-params', 'Remove maxSurge');
  });

  it('rejects both zero and sets maxUnavailable to 1', () => {
    const text = strategy('      maxUnavailable: 0\n      maxSurge: "0%"\n');
    const d = only(text, 'rolling-update-params');
    assert.ok(d.message.startsWith('spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0. '));
    const after = applyFix(text, 'rolling-update-params');
    assert.match(after, /maxUnavailable: 1\n/);
  });

  it('reports percent syntax, more than 100% and negative values', () => {
    const bad = strategy('      maxUnavailable: "10 %"\n');
    const msgs = analyzeText(bad)
      .filter((d) => d.code === 'rolling-update-params')
      .map((d) => d.message);
    assert.ok(
      msgs.some((m) =>
        m.startsWith(
          'spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: "10 %": a valid percent string must be a numeric string followed by an ending \'%\'',
        ),
      ),
      msgs.join('\n'),
    );
    const after = applyFix(bad, 'rolling-update-params', 'Change to "10%"');
    assert.match(after, /maxUnavailable: "10%"/);
    assert.match(only(strategy('      maxUnavailable: "150%"\n'), 'rolling-update-params').message, /must not be greater than 100%/);
    assert.match(
      only(strategy('      maxUnavailable: -1\n'), 'rolling-update-params').message,
      /^spec\.updateStrategy\.rollingUpdate\.maxUnavailable: Invalid value: -1: must be greater than or equal to 0/,
    );
  });

  it('does not judge a patch that sets only one of the two', () => {
    assert.deepEqual(errorCodes(strategy('      maxSurge: 1\n'), { partial: true }), []);
  });
});

describe('toleration-invalid', () => {
  const tol = (t: string) => pod(`      tolerations:\n${t}${container}`);

  it('points at the value of an Exists toleration and removes it', () => {
    const text = tol(
      '        # GPU nodes\n        - key: example.com/gpu\n          operator: Exists\n          value: "true"\n          effect: NoSchedule\n',
    );
    const d = only(text, 'toleration-invalid');
    assert.match(d.message, /^spec\.template\.spec\.tolerations\[0\]\.operator: Invalid value: .*: value must be empty when `operator` is 'Exists'\./);
    assert.equal(rangeText(text, d), '"true"');
    const after = applyFix(text, 'toleration-invalid', 'Remove value');
    assert.doesNotMatch(after, /value:/);
    applyFix(text, 'toleration-invalid', 'Change operator to Equal');
  });

  it('tolerationSeconds needs NoExecute: set the effect or drop the seconds', () => {
    const text = tol('        - key: example.com/drain\n          operator: Exists\n          effect: NoSchedule\n          tolerationSeconds: 30\n');
    const d = only(text, 'toleration-invalid');
    assert.ok(
      d.message.startsWith(
        'spec.template.spec.tolerations[0].effect: Invalid value: "NoSchedule": effect must be \'NoExecute\' when `tolerationSeconds` is set.',
      ),
    );
    assert.equal(rangeText(text, d), 'NoSchedule');
    // A finite tolerationSeconds on NoExecute makes a daemon pod loop (evicted, recreated): removing it is preferred.
    assert.equal(d.fixes![0].title, 'Remove tolerationSeconds');
    assert.equal(d.fixes![0].isPreferred, true);
    assert.doesNotMatch(applyFix(text, 'toleration-invalid', 'Remove tolerationSeconds'), /tolerationSeconds/);
    assert.match(applyFix(text, 'toleration-invalid', 'Set effect'), /effect: NoExecute/);
  });

  it('adds the effect when tolerationSeconds has none', () => {
    const text = tol('        - key: example.com/drain\n          operator: Exists\n          tolerationSeconds: 30\n');
    assert.equal(rangeText(text, only(text, 'toleration-invalid')), 'tolerationSeconds');
    assert.match(applyFix(text, 'toleration-invalid', 'Set effect'), /tolerationSeconds: 30\n {10}effect: NoExecute\n/);
  });

  it('reports an empty key without Exists, and an invalid value', () => {
    const text = tol('        - operator: Equal\n          value: gpu\n        - key: example.com/gpu\n          value: "has space"\n');
    const msgs = analyzeText(text)
      .filter((d) => d.code === 'toleration-invalid')
      .map((d) => d.message);
    assert.equal(msgs.length, 2, msgs.join('\n'));
    assert.ok(msgs[0].startsWith('spec.template.spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty'));
    assert.ok(msgs[1].startsWith('spec.template.spec.tolerations[1].operator: Invalid value: "has space": a valid label must be'));
  });

  it('leaves a bad effect to invalid-enum and explains Lt/Gt', () => {
    assert.deepEqual(errorCodes(tol('        - key: a\n          effect: NoSchedul\n')), ['invalid-enum']);
    const d = only(tol('        - key: a\n          operator: Lt\n          value: "5"\n'), 'toleration-invalid');
    assert.match(d.message, /supported values: "Equal", "Exists", "Lt", "Gt"\. .*feature gate/);
  });
});

describe('node-affinity-invalid', () => {
  const aff = (a: string) => pod(`      affinity:\n        nodeAffinity:\n${a}${container}`);

  it('requires a node selector term', () => {
    const d = only(aff('          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms: []\n'), 'node-affinity-invalid');
    assert.ok(
      d.message.startsWith(
        'spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term',
      ),
    );
  });

  it('checks values by operator, and removes values of Exists', () => {
    const text = aff(
      '          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n              - matchExpressions:\n                  - key: kubernetes.io/os\n                    operator: Exists\n                    values: [linux]\n                  - key: kubernetes.io/arch\n                    operator: In\n                    values: []\n',
    );
    const msgs = analyzeText(text)
      .filter((d) => d.code === 'node-affinity-invalid')
      .map((d) => d.message);
    assert.equal(msgs.length, 2);
    assert.match(msgs[0], /matchExpressions\[0\]\.values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'/);
    assert.match(msgs[1], /matchExpressions\[1\]\.values: Required value: must be specified when `operator` is 'In' or 'NotIn'/);
    const after = applyFix(text, 'node-affinity-invalid', 'Remove values');
    assert.equal(analyzeText(after).filter((d) => d.code === 'node-affinity-invalid').length, 1);
  });

  it('allows only metadata.name in matchFields and weights 1-100', () => {
    const text = aff(
      '          preferredDuringSchedulingIgnoredDuringExecution:\n            - weight: 0\n              preference:\n                matchFields:\n                  - key: metadata.labels\n                    operator: In\n                    values: [a]\n',
    );
    const msgs = analyzeText(text)
      .filter((d) => d.code === 'node-affinity-invalid')
      .map((d) => d.message);
    assert.ok(
      msgs.some((m) =>
        m.startsWith(
          'spec.template.spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100',
        ),
      ),
      msgs.join('\n'),
    );
    assert.ok(
      msgs.some((m) =>
        /matchFields\[0\]\.key: Invalid value: "metadata.labels": not a valid field selector key\. matchFields only supports `metadata.name`/.test(m),
      ),
      msgs.join('\n'),
    );
  });
});

describe('host-port-conflict', () => {
  it('reports a host port used twice with the same protocol and IP, not with another protocol', () => {
    const ports = (p2: string) =>
      pod(
        `      containers:\n        - name: agent\n          image: example/agent:1.0\n          ports:\n            - containerPort: 53\n              hostPort: 53\n            - containerPort: 5353\n              hostPort: 53\n${p2}`,
      );
    const d = only(ports(''), 'host-port-conflict');
    assert.ok(d.message.startsWith('spec.template.spec.containers[0].ports[1].hostPort: Duplicate value: "TCP//53"'));
    assert.equal(d.path, 'spec.template.spec.containers[0].ports[1].hostPort');
    const udp = pod(
      '      containers:\n        - name: agent\n          image: example/agent:1.0\n          ports:\n            - containerPort: 53\n              hostPort: 53\n            - containerPort: 53\n              hostPort: 53\n              protocol: UDP\n',
    );
    assert.deepEqual(errorCodes(udp), []);
  });

  it('with hostNetwork, hostPort must equal containerPort: fix sets it', () => {
    const text = pod(
      '      hostNetwork: true\n      dnsPolicy: ClusterFirstWithHostNet\n      containers:\n        - name: agent\n          image: example/agent:1.0\n          ports:\n            - containerPort: 9100\n              hostPort: 19100\n',
    );
    const d = only(text, 'host-port-conflict');
    assert.ok(
      d.message.startsWith('spec.template.spec.containers[0].ports[0].hostPort: Invalid value: 19100: must match `containerPort` when `hostNetwork` is true'),
    );
    assert.match(applyFix(text, 'host-port-conflict'), /hostPort: 9100/);
  });

  it('points at the right init container for a duplicate (Go says [0])', () => {
    const text = pod(
      `      initContainers:\n        - name: a\n          image: busybox:1.36\n        - name: b\n          image: busybox:1.36\n          ports:\n            - containerPort: 80\n              hostPort: 80\n            - containerPort: 81\n              hostPort: 80\n${container}`,
    );
    const d = only(text, 'host-port-conflict');
    assert.ok(d.message.startsWith('spec.template.spec.initContainers[0].ports[1].hostPort: Duplicate value: "TCP//80"'));
    assert.equal(d.path, 'spec.template.spec.initContainers[1].ports[1].hostPort');
  });
});

describe('label-syntax, object-name, containers, resources', () => {
  it('points at the bad label value or key', () => {
    const text = pod(`      nodeSelector:\n        disktype: "fast ssd"\n${container}`);
    const d = only(text, 'label-syntax');
    assert.ok(
      d.message.startsWith(
        'spec.template.spec.nodeSelector: Invalid value: "fast ssd": a valid label must be an empty string or consist of alphanumeric characters',
      ),
    );
    assert.equal(rangeText(text, d), '"fast ssd"');
    const key = ds({ labels: '        app: agent\n        -bad: x\n' });
    const k = only(key, 'label-syntax');
    assert.ok(k.message.startsWith('spec.template.labels: Invalid value: "-bad"'), k.message);
    assert.equal(k.path, 'spec.template.metadata.labels.-bad');
    assert.equal(rangeText(key, k), '-bad');
  });

  it('reports invalid and missing names', () => {
    const text = ds().replace('name: agent\nspec', 'name: Node_Agent\nspec');
    assert.ok(only(text, 'object-name').message.startsWith('metadata.name: Invalid value: "Node_Agent": a lowercase RFC 1123 subdomain must consist of'));
    const noName = ds().replace('metadata:\n  name: agent\n', 'metadata:\n  labels: {a: b}\n');
    assert.ok(only(noName, 'object-name').message.startsWith('metadata.name: Required value: name or generateName is required'));
    assert.deepEqual(errorCodes(noName, { partial: true }), []);
    const ctr = pod('      containers:\n        - name: Agent\n          image: example/agent:1.0\n');
    assert.ok(
      only(ctr, 'object-name').message.startsWith('spec.template.spec.containers[0].name: Invalid value: "Agent": a lowercase RFC 1123 label must consist of'),
    );
  });

  it('reports duplicate container names across init and regular containers', () => {
    const text = pod(`      initContainers:\n        - name: agent\n          image: busybox:1.36\n${container}`);
    const d = only(text, 'container-name-duplicate');
    assert.ok(d.message.startsWith('spec.template.spec.initContainers[0].name: Duplicate value: "agent"'));
  });

  it('reports a missing image (the schema says optional, the API server does not)', () => {
    const text = pod('      containers:\n        - name: agent\n');
    assert.deepEqual(errorCodes(text), ['container-invalid']);
    assert.ok(only(text, 'container-invalid').message.startsWith('spec.template.spec.containers[0].image: Required value'));
  });

  it('reports requests above limits at the request', () => {
    const text = pod(
      '      containers:\n        - name: agent\n          image: example/agent:1.0\n          resources:\n            requests:\n              memory: 512Mi\n            limits:\n              memory: 256Mi\n',
    );
    const d = only(text, 'requests-exceed-limits');
    assert.ok(
      d.message.startsWith('spec.template.spec.containers[0].resources.requests: Invalid value: "512Mi": must be less than or equal to memory limit of 256Mi'),
    );
    assert.equal(rangeText(text, d), '512Mi');
  });

  it('reports resource names at the key and volume mounts without a volume', () => {
    const text = pod(
      '      containers:\n        - name: agent\n          image: example/agent:1.0\n          resources:\n            limits:\n              gpu: 1\n          volumeMounts:\n            - name: proc\n              mountPath: /host/proc\n',
    );
    const codes = errorCodes(text);
    assert.deepEqual(codes, ['resource-invalid', 'resource-invalid', 'volume-invalid']);
    const v = only(text, 'volume-invalid');
    assert.ok(v.message.startsWith('spec.template.spec.containers[0].volumeMounts[0].name: Not found: "proc"'));
  });
});

describe('no duplicates with the schema walker', () => {
  it('a valid DaemonSet has no error', () => {
    assert.deepEqual(errorCodes(ds()), []);
  });

  it('values of the wrong type are reported once, as invalid-type', () => {
    const typed = ds({ labels: '        app: agent\n        version: 1.0\n', selector: '    matchLabels:\n      app: agent\n      version: "1.0"\n' });
    assert.deepEqual(errorCodes(typed), ['invalid-type']);
    const port = pod('      containers:\n        - name: agent\n          image: example/agent:1.0\n          ports:\n            - containerPort: "80"\n');
    assert.deepEqual(errorCodes(port), ['invalid-type']);
  });

  it('a missing required container name is missing-required only', () => {
    assert.deepEqual(errorCodes(pod('      containers:\n        - image: example/agent:1.0\n')), ['missing-required']);
  });

  it('an unsupported protocol is invalid-enum only', () => {
    const text = pod(
      '      containers:\n        - name: agent\n          image: example/agent:1.0\n          ports:\n            - containerPort: 80\n              protocol: tcp\n',
    );
    assert.deepEqual(errorCodes(text), ['invalid-enum']);
  });
});

describe('placeholder-value', () => {
  it('a placeholder filled in by an operator is a warning, not an error', () => {
    const text = ds({ metadata: '  namespace: "FILLED BY THE OPERATOR"\n' });
    assert.deepEqual(errorCodes(text), []);
    const d = only(text, 'placeholder-value');
    assert.equal(d.severity, 'warning');
    assert.ok(d.message.startsWith('metadata.namespace: Invalid value: "FILLED BY THE OPERATOR": a lowercase RFC 1123 label must consist of'));
  });
});

describe('removed-api-version', () => {
  it('rewrites the apiVersion to apps/v1 and adds the selector in one fix', () => {
    const text = ds({ selector: null }).replace('apiVersion: apps/v1', 'apiVersion: extensions/v1beta1 # old');
    const d = only(text, 'removed-api-version');
    assert.equal(d.fixes!.length, 1);
    assert.equal(d.fixes![0].isPreferred, true);
    // Checks that only run on apps/v1 (production practice) may appear: nothing at error severity.
    const after = applyFix(text, 'removed-api-version');
    assert.deepEqual(errorCodes(after), []);
    assert.match(after, /^apiVersion: apps\/v1 # old\n/);
  });

  it('adds `app: <name>` to selector and template when the template has no labels', () => {
    const text = ds({ selector: null, labels: null }).replace('apiVersion: apps/v1', 'apiVersion: apps/v1beta2');
    const after = applyFix(text, 'removed-api-version');
    assert.deepEqual(errorCodes(after), []);
    assert.match(after, /selector:\n {4}matchLabels:\n {6}app: agent\n/);
  });
});

describe('selector fixes with matchExpressions', () => {
  it('offers the template fix only when it makes the selector match', () => {
    const unsatisfiable = ds({
      selector: '    matchLabels:\n      app: agent\n    matchExpressions:\n      - key: tier\n        operator: In\n        values: [node]\n',
    });
    const d = only(unsatisfiable, 'selector-template-mismatch');
    assert.equal(d.fixes, undefined);
    const satisfiable = ds({
      selector: '    matchLabels:\n      app: agent\n    matchExpressions:\n      - key: tier\n        operator: DoesNotExist\n',
      labels: '        role: x\n',
    });
    applyFix(satisfiable, 'selector-template-mismatch', 'Add the selector');
  });
});

describe('the validator runs once per DaemonSet check', () => {
  it('shares the routed errors among the rules of one check', async () => {
    const { parseFile, findDaemonSets } = await import('../../server/src/service');
    const { ruleContext } = await import('../../server/src/analysis/document');
    const { apiErrors } = await import('../../server/src/rules/helpers/api-errors');
    const file = parseFile(pod(`      restartPolicy: Never\n${container}`) + '---\n' + pod(`      restartPolicy: Never\n${container}`));
    const [a, b] = findDaemonSets(file);
    const ctxA = ruleContext(file, a);
    const first = apiErrors(ctxA);
    assert.equal(apiErrors(ctxA), first);
    assert.notEqual(apiErrors(ruleContext(file, b)), first);
    assert.deepEqual(
      first.map((e) => e.rule),
      ['restart-policy'],
    );
  });
});

describe('more label and port cases', () => {
  it('reports a selector expression key in label syntax', () => {
    const text = ds({ selector: '    matchLabels:\n      app: agent\n    matchExpressions:\n      - key: "bad key"\n        operator: Exists\n' });
    const d = analyzeText(text).filter((x) => x.code === 'label-syntax');
    assert.ok(d.length >= 1);
    assert.ok(d[0].message.startsWith('spec.selector.matchExpressions[0].key: Invalid value: "bad key": name part must consist of'), d[0].message);
    assert.equal(d[0].path, 'spec.selector.matchExpressions[0].key');
  });

  it('the same host port on another host IP is no conflict', () => {
    const text = pod(
      '      containers:\n        - name: agent\n          image: example/agent:1.0\n          ports:\n            - containerPort: 80\n              hostPort: 80\n              hostIP: 10.0.0.1\n            - containerPort: 81\n              hostPort: 80\n              hostIP: 10.0.0.2\n',
    );
    assert.deepEqual(errorCodes(text), []);
  });

  it('a List-wrapped DaemonSet is checked and fixed at its own paths', () => {
    const text =
      'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: DaemonSet\n    metadata:\n      name: a\n    spec:\n      selector:\n        matchLabels: {app: a}\n      template:\n        metadata:\n          labels: {app: a}\n        spec:\n          restartPolicy: Never\n          containers:\n            - name: a\n              image: a:1\n';
    const d = only(text, 'restart-policy');
    assert.equal(d.path, 'items[0].spec.template.spec.restartPolicy');
    assert.match(applyFix(text, 'restart-policy'), /restartPolicy: Always/);
  });
});

describe('kustomize patches', () => {
  it('a typical patch (no selector, no image, no labels) has no API error', () => {
    const patch =
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    spec:\n      containers:\n        - name: agent\n          resources:\n            limits:\n              memory: 256Mi\n';
    assert.deepEqual(errorCodes(patch, { partial: true }), []);
    // The same file applied on its own is rejected for what it lacks.
    assert.deepEqual(errorCodes(patch), ['container-invalid', 'missing-required']);
  });

  it('a patch still gets errors for what it does write', () => {
    const patch = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    spec:\n      restartPolicy: OnFailure\n';
    assert.deepEqual(errorCodes(patch, { partial: true }), ['restart-policy']);
  });
});

describe('every concern reaches its rule', () => {
  const cases: Array<[string, string, string, RegExp]> = [
    [
      'dns-config',
      `      dnsPolicy: None\n${container}`,
      'spec.template.spec.dnsPolicy',
      /^spec\.template\.spec\.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None/,
    ],
    ['negative-value', container, '', /^spec\.minReadySeconds: Invalid value: -5: must be greater than or equal to 0/],
    ['annotation-syntax', container, '', /^metadata\.annotations: Invalid value: "my annotation": name part must consist of/],
    [
      'pod-affinity-invalid',
      `      affinity:\n        podAntiAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            - labelSelector:\n                matchLabels:\n                  app: agent\n              topologyKey: ""\n${container}`,
      '',
      /topologyKey: Required value: can not be empty/,
    ],
    [
      'api-validation',
      `      imagePullSecrets:\n        - name: ""\n${container}`,
      'spec.template.spec.imagePullSecrets[0].name',
      /^spec\.template\.spec\.imagePullSecrets\[0\]\.name: Required value/,
    ],
    [
      'container-port-invalid',
      '      containers:\n        - name: agent\n          image: example/agent:1.0\n          ports:\n            - containerPort: 70000\n',
      'spec.template.spec.containers[0].ports[0].containerPort',
      /Invalid value: 70000: must be between 1 and 65535, inclusive/,
    ],
    [
      'resource-invalid',
      '      containers:\n        - name: agent\n          image: example/agent:1.0\n          resources:\n            requests:\n              example.com/dongle: 1\n',
      'spec.template.spec.containers[0].resources.requests.example.com/dongle',
      /Required value: Limit must be set for non overcommitable resources/,
    ],
  ];
  for (const [rule, body, path, message] of cases) {
    it(rule, () => {
      let text = pod(body);
      if (rule === 'negative-value') text = ds({ spec: '  minReadySeconds: -5\n' });
      if (rule === 'annotation-syntax') text = ds({ metadata: '  annotations:\n    "my annotation": x\n' });
      assert.deepEqual(errorCodes(text), [rule]);
      const d = only(text, rule);
      assert.match(d.message, message);
      if (path) assert.equal(d.path, path);
    });
  }
});
