/**
 * Rules reported by the schema walker (service/schemaCheck.ts) and the parser: they have
 * metadata here and no `check` of their own.
 */
import type { Rule } from '../types';

export const yamlSyntax: Rule = {
  meta: {
    id: 'yaml-syntax',
    category: 'yaml',
    defaultSeverity: 'error',
    title: 'YAML syntax error',
    description: 'The document is not valid YAML, so kubectl cannot read it. Only documents that declare `kind: DaemonSet` are checked.',
    bad: 'spec:\n  template:\n    spec:\n    containers:\n  - name: agent   # indentation breaks the structure',
    good: 'spec:\n  template:\n    spec:\n      containers:\n        - name: agent',
  },
};

export const duplicateKey: Rule = {
  meta: {
    id: 'duplicate-key',
    category: 'yaml',
    defaultSeverity: 'error',
    title: 'A key appears twice in the same mapping',
    description:
      'kubectl rejects a mapping with a repeated key (`mapping key "x" already defined`). Other tools silently keep the last value, which hides mistakes.',
    bad: 'nodeSelector:\n  kubernetes.io/os: linux\n  kubernetes.io/os: windows',
    good: 'nodeSelector:\n  kubernetes.io/os: linux',
  },
};

export const unknownField: Rule = {
  meta: {
    id: 'unknown-field',
    category: 'schema',
    defaultSeverity: 'error',
    title: 'Field not in the Kubernetes API',
    description:
      'The field is not part of this object in the Kubernetes API. `kubectl apply` (strict field validation, the default since 1.25) rejects it with `unknown field`; older clients drop it silently, so the setting never takes effect.',
    bad: 'tolerations:\n  - key: nvidia.com/gpu\n    efect: NoSchedule',
    good: 'tolerations:\n  - key: nvidia.com/gpu\n    effect: NoSchedule',
    fix: 'Rename the key to the closest field name (best match first).',
  },
};

export const invalidType: Rule = {
  meta: {
    id: 'invalid-type',
    category: 'schema',
    defaultSeverity: 'error',
    title: 'Value of the wrong type',
    description:
      'The API server decodes the manifest as JSON into typed fields: a number where a string is expected (for example an unquoted `"1.0"` version label), a string where an integer is expected, or a list where an object is expected is rejected.',
    bad: 'env:\n  - name: DEBUG\n    value: true',
    good: 'env:\n  - name: DEBUG\n    value: "true"',
    fix: 'Quote the value when a string is expected.',
  },
};

export const invalidQuantity: Rule = {
  meta: {
    id: 'invalid-quantity',
    category: 'schema',
    defaultSeverity: 'error',
    title: 'Not a valid resource quantity',
    description:
      'Resource amounts are Kubernetes quantities: a number with an optional suffix, binary (`Ki`, `Mi`, `Gi`, `Ti`, `Pi`, `Ei`), decimal (`n`, `u`, `m`, `k`, `M`, `G`, `T`, `P`, `E`) or an exponent (`1e3`). `128MB` or `1.5 cores` are rejected.',
    bad: 'resources:\n  limits:\n    memory: 128MB',
    good: 'resources:\n  limits:\n    memory: 128Mi',
  },
};

export const invalidEnum: Rule = {
  meta: {
    id: 'invalid-enum',
    category: 'schema',
    defaultSeverity: 'error',
    title: 'Value not among the allowed values',
    description: 'The field accepts a fixed set of values (case-sensitive). The API server rejects anything else with `Unsupported value`.',
    bad: 'effect: NoSchedul',
    good: 'effect: NoSchedule',
    fix: 'Replace the value with the closest allowed value (best match first).',
  },
};

export const missingRequired: Rule = {
  meta: {
    id: 'missing-required',
    category: 'schema',
    defaultSeverity: 'error',
    title: 'Required field missing',
    description:
      'The Kubernetes API marks the field as required; the object is rejected without it. A file that a `kustomization.yaml` lists as a patch is a partial object and is not checked for this.',
    bad: 'spec:\n  template: …          # no selector',
    good: 'spec:\n  selector:\n    matchLabels:\n      app: agent\n  template: …',
    fix: 'For a missing `spec.selector`: add `selector.matchLabels` from the template labels.',
  },
};

export const removedApiVersion: Rule = {
  meta: {
    id: 'removed-api-version',
    category: 'schema',
    defaultSeverity: 'error',
    title: 'DaemonSet API version removed from Kubernetes',
    description:
      '`extensions/v1beta1`, `apps/v1beta1` and `apps/v1beta2` DaemonSets were removed in Kubernetes 1.16; the API server answers `no matches for kind "DaemonSet" in version …`. Use `apps/v1`, which also requires `spec.selector`.',
    bad: 'apiVersion: extensions/v1beta1\nkind: DaemonSet',
    good: 'apiVersion: apps/v1\nkind: DaemonSet',
    fix: 'Rewrite the apiVersion to `apps/v1` (and add a selector matching the template labels when there is none).',
  },
};

export const serverSetStatus: Rule = {
  meta: {
    id: 'status-field',
    category: 'schema',
    defaultSeverity: 'warning',
    title: '`status` in a manifest',
    description:
      '`status` is written by the DaemonSet controller; the API server ignores it on create and some kubectl versions reject a `status: {}` stub for missing required status fields. It usually comes from converting or exporting an object.',
    bad: 'status: {}',
    good: '# (no status)',
    fix: 'Remove the `status` field.',
  },
};

export const templateSyntax: Rule = {
  meta: {
    id: 'template-syntax',
    category: 'yaml',
    defaultSeverity: 'hint',
    title: 'Template syntax: document not checked',
    description:
      'The document contains template syntax (`{{ }}`, as in Helm charts), so its text is not the manifest Kubernetes will see. Checks are skipped rather than flooding the file with errors; render the chart (`helm template`) and check the output.',
  },
};

export const fileTooLarge: Rule = {
  meta: {
    id: 'file-too-large',
    category: 'yaml',
    defaultSeverity: 'information',
    title: 'File too large to check while typing',
    description: 'Files above the size limit are not analysed in the editor, to keep it responsive. Use the `daemonset-check` CLI for them.',
  },
};

export const schemaRules: Rule[] = [
  yamlSyntax,
  duplicateKey,
  unknownField,
  invalidType,
  invalidQuantity,
  invalidEnum,
  missingRequired,
  removedApiVersion,
  serverSetStatus,
  templateSyntax,
  fileTooLarge,
];
