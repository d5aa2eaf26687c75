/**
 * Conformance handlers for the validation ops of shared/conformance/k8s-cases.json
 * (meta.conventions.validationExpect): valid, errorCount, errors [{field,type}] (exact multiset),
 * errorContains (aggregate error text), errorsInclude [{field,type,detail?}], allowedErrorFieldPrefixes.
 */
import type { ConformanceCase, OpHandler } from './types';
import { isDNS1123Subdomain, isLabelKey, isLabelValue } from '../../server/src/k8s/syntax';
import {
  type ErrorList,
  type ValidateOptions,
  Path,
  formatAggregate,
  validateContainers,
  validateDaemonSet,
  validateDaemonSetUpdate,
  validateInitContainers,
  validatePodCreate,
  validateRollingUpdateDaemonSet,
  validateTolerations,
} from '../../server/src/k8s/validation';

type Outcome = ReturnType<OpHandler>;

function optionsOf(c: ConformanceCase): ValidateOptions {
  const opts: ValidateOptions = { ...(c.input?.options ?? {}) };
  const gates = c.featureGates ?? {};
  if ('TaintTolerationComparisonOperators' in gates) {
    opts.AllowTaintTolerationComparisonOperators = opts.AllowTaintTolerationComparisonOperators ?? !!gates.TaintTolerationComparisonOperators;
  }
  return opts;
}

function pathOf(c: ConformanceCase, fallback: string): Path {
  return Path.root(typeof c.input?.path === 'string' ? c.input.path : fallback);
}

function volumeNames(v: unknown): Set<string> {
  if (Array.isArray(v)) return new Set(v.map((x) => (typeof x === 'string' ? x : x?.name)).filter((n): n is string => typeof n === 'string'));
  if (v && typeof v === 'object') return new Set(Object.keys(v));
  return new Set();
}

const key = (e: { field: unknown; type: unknown }): string => `${e.field}|${e.type}`;

/** Checks every expectation key present on the case against the error list. */
function check(c: ConformanceCase, errs: ErrorList): Outcome {
  const ex = c.expect;
  const problems: string[] = [];
  if ('valid' in ex && (errs.length === 0) !== ex.valid) problems.push(`valid=${errs.length === 0}`);
  if ('errorCount' in ex && errs.length !== ex.errorCount) problems.push(`errorCount=${errs.length}`);
  if (Array.isArray(ex.errors)) {
    const want = (ex.errors as Array<{ field: string; type: string }>).map(key).sort();
    const got = errs.map(key).sort();
    if (JSON.stringify(want) !== JSON.stringify(got)) problems.push(`errors=${JSON.stringify(got)}`);
  }
  if (typeof ex.errorContains === 'string') {
    const text = formatAggregate(errs);
    if (!text.includes(ex.errorContains)) problems.push(`text=${text}`);
  }
  if (Array.isArray(ex.errorsInclude)) {
    for (const w of ex.errorsInclude as Array<{ field: string; type: string; detail?: string }>) {
      const hit = errs.some((e) => e.field === w.field && e.type === w.type && (w.detail === undefined || e.detail === w.detail));
      if (!hit) problems.push(`missing ${JSON.stringify(w)}`);
    }
  }
  if (Array.isArray(ex.allowedErrorFieldPrefixes)) {
    const prefixes = ex.allowedErrorFieldPrefixes as string[];
    for (const e of errs) if (!prefixes.some((p) => e.field.startsWith(p))) problems.push(`unexpected field ${e.field}`);
  }
  if (problems.length === 0) return null;
  return { expected: ex, got: { problems, errors: errs.map((e) => `${e.field}: ${e.type}: ${e.detail}`) } };
}

/** The syntax ops only say valid / not valid. */
function syntaxOp(fn: (v: string) => string[]): OpHandler {
  return (c) => {
    const msgs = fn(String(c.input?.value ?? ''));
    const valid = msgs.length === 0;
    if ('valid' in c.expect && valid !== c.expect.valid) return { expected: c.expect, got: { valid, msgs } };
    return null;
  };
}

export const validationOps: Record<string, OpHandler> = {
  // Inputs are already-defaulted objects, as in Kubernetes' own tests: no applyDefaults here.
  ValidateDaemonSet: (c) => check(c, validateDaemonSet(c.input.daemonSet ?? c.input.ds ?? c.input, optionsOf(c))),
  ValidateDaemonSetUpdate: (c) => check(c, validateDaemonSetUpdate(c.input.new, c.input.old, optionsOf(c))),
  ValidateRollingUpdateDaemonSet: (c) => check(c, validateRollingUpdateDaemonSet(c.input.rollingUpdate, pathOf(c, 'spec.updateStrategy.rollingUpdate'))),
  ValidatePodCreate: (c) => check(c, validatePodCreate(c.input.pod, optionsOf(c))),
  ValidateTolerations: (c) => check(c, validateTolerations(c.input.tolerations, pathOf(c, 'tolerations'), optionsOf(c))),
  validateContainers: (c) =>
    check(c, validateContainers(c.input.containers, pathOf(c, 'containers'), { volumes: volumeNames(c.input.volumes), opts: optionsOf(c) })),
  validateInitContainers: (c) =>
    check(
      c,
      validateInitContainers(
        c.input.initContainers ?? c.input.containers,
        c.input.otherContainers ?? (c.input.initContainers ? c.input.containers : []),
        pathOf(c, 'initContainers'),
        {
          volumes: volumeNames(c.input.volumes),
          opts: optionsOf(c),
        },
      ),
    ),
  IsLabelKey: syntaxOp(isLabelKey),
  IsLabelValue: syntaxOp(isLabelValue),
  IsDNS1123Subdomain: syntaxOp(isDNS1123Subdomain),
};
