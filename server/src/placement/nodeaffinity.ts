/**
 * Node affinity: k8s.io/component-helpers scheduling/corev1/nodeaffinity/nodeaffinity.go and
 * scheduling/corev1/helpers.go (`MatchNodeSelectorTerms`).
 *
 * Parse once (per DaemonSet), match per node: the parsed forms below hold no node state.
 */
import { list } from '../util/list';
import {
  type FieldRequirement,
  type LabelSelector,
  type LabelSet,
  type Requirement,
  type SelectionOperator,
  aggregateErrors,
  fieldRequirementMatches,
  goJSONValue,
  newRequirement,
  requirementMatches,
  requirementString,
  selectorFromRequirements,
  selectorMatches,
  selectorString,
} from '../k8s/labels';
import type { NodeSelector, NodeSelectorRequirement, NodeSelectorTerm } from './types';

const NODE_SELECTOR_OPS: Readonly<Record<string, SelectionOperator>> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
  Gt: 'gt',
  Lt: 'lt',
};

/** `validSelectorOperators` / `validFieldSelectorOperators`, as field.NotSupported lists them. */
const SUPPORTED_OPS = 'supported values: "In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"';
const SUPPORTED_FIELD_OPS = 'supported values: "In", "NotIn"';

/** `errors.Flatten(errors.NewAggregate(errs)).Error()` (k8s/labels.ts holds the one implementation). */
export { aggregateErrors };

/**
 * `field.NotSupported(path, op, valid)`: the operator is a named string type
 * (`v1.NodeSelectorOperator`), which ErrorBody prints as JSON.
 */
function unsupportedOperator(path: string, op: unknown, supported: string): string {
  return `${path}.operator: Unsupported value: ${goJSONValue(typeof op === 'string' ? op : '')}: ${supported}`;
}

/**
 * `nodeSelectorRequirementsAsSelector`: matchExpressions → labels.Selector. An empty list gives
 * labels.Nothing(). Errors are field-error strings under `path`.
 */
export function nodeSelectorRequirementsAsSelector(
  nsm: readonly NodeSelectorRequirement[] | null | undefined,
  path = 'matchExpressions',
): { selector: LabelSelector; errors: string[] } {
  nsm = list(nsm);
  if (nsm.length === 0) return { selector: { requirements: [], nothing: true }, errors: [] };
  const reqs: Requirement[] = [];
  const errors: string[] = [];
  nsm.forEach((expr, i) => {
    const p = `${path}[${i}]`;
    const operator = expr?.operator;
    if (typeof operator !== 'string' || !Object.hasOwn(NODE_SELECTOR_OPS, operator)) {
      errors.push(unsupportedOperator(p, operator, SUPPORTED_OPS));
      return;
    }
    const r = newRequirement(expr.key, NODE_SELECTOR_OPS[operator], expr.values, p);
    if (Array.isArray(r)) errors.push(...r);
    else reqs.push(r);
  });
  return { selector: selectorFromRequirements(reqs), errors };
}

/** `nodeSelectorRequirementsAsFieldSelector`: only In/NotIn with exactly one value. */
export function nodeSelectorRequirementsAsFieldSelector(
  nsm: readonly NodeSelectorRequirement[] | null | undefined,
  path = 'matchFields',
): { selector: FieldRequirement[] | null; errors: string[] } {
  nsm = list(nsm);
  if (nsm.length === 0) return { selector: null, errors: [] };
  const selector: FieldRequirement[] = [];
  const errors: string[] = [];
  nsm.forEach((expr, i) => {
    const p = `${path}[${i}]`;
    const values = list<string>(expr?.values);
    if (expr?.operator === 'In' || expr?.operator === 'NotIn') {
      // The values are a []string: JSON in the message (`["a","b"]`, `null` when absent).
      if (values.length !== 1)
        errors.push(`${p}.values: Invalid value: ${goJSONValue(Array.isArray(expr?.values) ? values.map(String) : null)}: must have one element`);
      else selector.push({ key: expr.key, operator: expr.operator === 'In' ? '=' : '!=', value: values[0] });
    } else {
      errors.push(unsupportedOperator(p, expr?.operator, SUPPORTED_FIELD_OPS));
    }
  });
  return { selector, errors };
}

/** A parsed `NodeSelectorTerm`. */
export interface ParsedNodeSelectorTerm {
  matchLabels: LabelSelector | null;
  matchFields: FieldRequirement[] | null;
  parseErrors: string[];
  /** Human-readable form for explanations (`a in (b),c>1` + `metadata.name=n`). */
  text: string;
}

export function isEmptyNodeSelectorTerm(term: NodeSelectorTerm | null | undefined): boolean {
  return !term || (list(term.matchExpressions).length === 0 && list(term.matchFields).length === 0);
}

export function newNodeSelectorTerm(term: NodeSelectorTerm, path: string): ParsedNodeSelectorTerm {
  const parsed: ParsedNodeSelectorTerm = { matchLabels: null, matchFields: null, parseErrors: [], text: '' };
  const parts: string[] = [];
  if (list(term.matchExpressions).length > 0) {
    const { selector, errors } = nodeSelectorRequirementsAsSelector(term.matchExpressions, `${path}.matchExpressions`);
    parsed.matchLabels = selector;
    parsed.parseErrors.push(...errors);
    parts.push(selectorString(selector));
  }
  if (list(term.matchFields).length > 0) {
    const { selector, errors } = nodeSelectorRequirementsAsFieldSelector(term.matchFields, `${path}.matchFields`);
    parsed.matchFields = selector;
    parsed.parseErrors.push(...errors);
    for (const f of list(selector)) parts.push(`${f.key}${f.operator}${f.value}`);
  }
  parsed.text = parts.filter((p) => p.length > 0).join(',');
  return parsed;
}

/** `extractNodeFields`: only metadata.name, and only when the node has a name. */
export function extractNodeFields(node: any): Record<string, string> {
  const name = node?.metadata?.name;
  return typeof name === 'string' && name.length > 0 ? { 'metadata.name': name } : {};
}

const NO_FIELDS: LabelSet = Object.freeze({});

export function nodeLabels(node: any): LabelSet {
  return node?.metadata?.labels ?? {};
}

const NO_ERRORS: string[] = Object.freeze([]) as unknown as string[];
const MATCH = Object.freeze({ match: true, errors: NO_ERRORS });
const NO_MATCH = Object.freeze({ match: false, errors: NO_ERRORS });

/** `nodeSelectorTerm.match`: parse errors ⇒ no match (errors returned). Results are shared: do not mutate. */
export function matchTerm(t: ParsedNodeSelectorTerm, labels: LabelSet, fields: LabelSet): { match: boolean; errors: string[] } {
  if (t.parseErrors.length > 0) return { match: false, errors: t.parseErrors };
  if (t.matchLabels && !selectorMatches(t.matchLabels, labels)) return NO_MATCH;
  if (t.matchFields && fields['metadata.name'] !== undefined) {
    for (const f of t.matchFields) if (!fieldRequirementMatches(f, fields)) return NO_MATCH;
  }
  return MATCH;
}

/** `LazyErrorNodeSelector`: terms ORed; empty terms skipped; errors only when nothing matched. */
export class LazyErrorNodeSelector {
  readonly terms: ParsedNodeSelectorTerm[];
  private readonly hasMatchFields: boolean;

  constructor(ns: NodeSelector | null | undefined) {
    this.terms = [];
    list(ns?.nodeSelectorTerms).forEach((term, i) => {
      // nil or empty term selects no objects
      if (isEmptyNodeSelectorTerm(term)) return;
      this.terms.push(newNodeSelectorTerm(term, `nodeSelectorTerms[${i}]`));
    });
    this.hasMatchFields = this.terms.some((t) => t.matchFields !== null);
  }

  match(node: any): { match: boolean; errors: string[] } {
    if (node === null || node === undefined) return { match: false, errors: [] };
    const labels = nodeLabels(node);
    const fields = this.hasMatchFields ? extractNodeFields(node) : NO_FIELDS;
    let errors: string[] | undefined;
    for (const term of this.terms) {
      const r = matchTerm(term, labels, fields);
      if (r.errors.length > 0) {
        (errors ??= []).push(...r.errors);
        continue;
      }
      if (r.match) return MATCH;
    }
    return errors ? { match: false, errors } : NO_MATCH;
  }

  /** For an explanation: per term, the requirements the node fails (or the parse error). */
  explainMismatch(node: any): string[] {
    const labels = nodeLabels(node);
    const fields = extractNodeFields(node);
    return this.terms.map((t) => {
      if (t.parseErrors.length > 0) return `invalid term: ${aggregateErrors(t.parseErrors)}`;
      const failed = t.matchLabels ? t.matchLabels.requirements.filter((r) => !requirementMatches(r, labels)) : [];
      if (failed.length > 0) return failed.map(requirementString).join(', ');
      if (t.matchFields && Object.keys(fields).length > 0) {
        const f = t.matchFields.find((x) => !fieldRequirementMatches(x, fields));
        if (f) return `${f.key}${f.operator}${f.value}`;
      }
      return t.text;
    });
  }
}

/**
 * Strict `NewNodeSelector`: all parse errors reported up front, `errors` one per field error and
 * `error` their aggregate as Go prints it (`[err1, err2]` when there are several).
 */
export function newNodeSelector(ns: NodeSelector | null | undefined): { selector: LazyErrorNodeSelector; errors: string[]; error?: string } {
  const selector = new LazyErrorNodeSelector(ns);
  const errors = selector.terms.flatMap((t) => t.parseErrors);
  const error = aggregateErrors(errors);
  return error === undefined ? { selector, errors } : { selector, errors, error };
}

/** `MatchNodeSelectorTerms(node, nodeSelector)`: parse errors ⇒ false. */
export function matchNodeSelectorTerms(node: any, nodeSelector: NodeSelector | null | undefined): boolean {
  if (node === null || node === undefined) return false;
  return new LazyErrorNodeSelector(nodeSelector).match(node).match;
}

/**
 * `RequiredNodeAffinity` (`GetRequiredNodeAffinity(pod)`): `spec.nodeSelector` AND
 * `affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution`.
 */
export class RequiredNodeAffinity {
  /** null when the pod has no (or an empty) nodeSelector. */
  readonly labelSelector: Readonly<Record<string, string>> | null;
  /** null when the pod has no required node affinity. */
  readonly nodeSelector: LazyErrorNodeSelector | null;
  /** The nodeSelector's keys and their wanted values as strings (matched on every node: read once). */
  private readonly wantedKeys: readonly string[];
  private readonly wantedValues: readonly string[];

  constructor(podSpec: any) {
    const ns = podSpec?.nodeSelector;
    this.labelSelector = ns && typeof ns === 'object' && Object.keys(ns).length > 0 ? ns : null;
    this.wantedKeys = this.labelSelector ? Object.keys(this.labelSelector) : [];
    this.wantedValues = this.wantedKeys.map((k) => String(this.labelSelector![k]));
    const required = podSpec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    this.nodeSelector = required ? new LazyErrorNodeSelector(required) : null;
  }

  /** The first nodeSelector key the node fails, if any. */
  nodeSelectorMismatch(node: any): { key: string; want: string; have?: string } | undefined {
    if (!this.labelSelector) return undefined;
    const labels = nodeLabels(node);
    for (const key of Object.keys(this.labelSelector).sort()) {
      const want = String(this.labelSelector[key]);
      const present = Object.prototype.hasOwnProperty.call(labels, key);
      if (!present || labels[key] !== want) return present ? { key, want, have: labels[key] } : { key, want };
    }
    return undefined;
  }

  match(node: any): { match: boolean; errors: string[] } {
    if (this.labelSelector && !this.nodeSelectorMatches(node)) return NO_MATCH;
    if (this.nodeSelector) return this.nodeSelector.match(node);
    return MATCH;
  }

  private nodeSelectorMatches(node: any): boolean {
    const labels = nodeLabels(node);
    const keys = this.wantedKeys;
    for (let i = 0; i < keys.length; i++) {
      if (!Object.prototype.hasOwnProperty.call(labels, keys[i]) || labels[keys[i]] !== this.wantedValues[i]) return false;
    }
    return true;
  }

  /**
   * The node labels an explanation of a mismatch reads (nodeSelector keys and every required
   * term's label keys; metadata.name is read besides when a term has matchFields): two nodes that
   * agree on these are explained alike.
   */
  explainedKeys(): { labels: string[]; name: boolean } {
    const labels = new Set(this.wantedKeys);
    for (const t of this.nodeSelector?.terms ?? []) for (const r of t.matchLabels?.requirements ?? []) labels.add(r.key);
    return { labels: [...labels], name: (this.nodeSelector?.terms ?? []).some((t) => t.matchFields !== null) };
  }
}

export function getRequiredNodeAffinity(pod: any): RequiredNodeAffinity {
  return new RequiredNodeAffinity(pod?.spec);
}

/** `PreferredSchedulingTerms`: weighted terms; weight-0 or empty terms are skipped. */
export class PreferredSchedulingTerms {
  private constructor(readonly terms: { term: ParsedNodeSelectorTerm; weight: number }[]) {}

  static parse(terms: readonly any[] | null | undefined): { terms: PreferredSchedulingTerms | null; errors: string[] } {
    const parsed: { term: ParsedNodeSelectorTerm; weight: number }[] = [];
    const errors: string[] = [];
    list(terms).forEach((t, i) => {
      const weight = Number(t?.weight ?? 0);
      if (weight === 0 || isEmptyNodeSelectorTerm(t?.preference)) return;
      const term = newNodeSelectorTerm(t.preference, `[${i}].preference`);
      if (term.parseErrors.length > 0) errors.push(...term.parseErrors);
      else parsed.push({ term, weight });
    });
    if (errors.length > 0) return { terms: null, errors };
    return { terms: new PreferredSchedulingTerms(parsed), errors: [] };
  }

  score(node: any): number {
    const labels = nodeLabels(node);
    const fields = extractNodeFields(node);
    let score = 0;
    for (const { term, weight } of this.terms) if (matchTerm(term, labels, fields).match) score += weight;
    return score;
  }
}
