/**
 * The analysis of one YAML document: its syntax problems, and for each DaemonSet in it the
 * findings of the schema walker and every rule, and its placement on the inventory. Computed
 * lazily and once: diagnostics, CodeLens, hover and the panel all read the same analysis.
 * Pure: a parsed file and options in, plain data out. Findings carry paths; the presenters
 * (service/) turn them into ranges.
 */
import { LineCounter } from 'yaml';
import { checkRules, rulesById } from '../rules';
import { apiVersionFinding } from '../rules/schema/api-version';
import { checkSchema } from '../rules/schema/walker';
import type { Finding, Rule, RuleContext, SeveritySetting } from '../rules/types';
import { inventoryHints, type InventoryHints } from '../placement/inventory';
import { computePlacement } from '../placement/placement';
import type { Inventory, PlacementResult } from '../placement/types';
import { findDaemonSets, type DaemonSetRef, type ParsedFile } from '../yaml/document';
import { Edits } from '../yaml/edits';
import { nodeRemedies, type NodeRemedies, type RemedyOptions } from '../remedy';
import { t } from '../l10n';

export interface AnalysisOptions {
  /** Per-rule severity from the user's settings (`daemonset.rules`): decides what counts as an error. */
  rules?: Record<string, SeveritySetting>;
  /** The file is a partial object (a kustomize patch): no missing-required checks. */
  partial?: boolean;
  inventory?: Inventory;
  /** How to place a DaemonSet (the language service passes its cache); default: the engine itself. */
  place?: (daemonSet: unknown, inventory: Inventory) => PlacementResult;
  /** Inventory hints (the language service passes its cache); default: computed. */
  hints?: (inventory: Inventory) => InventoryHints;
}

/** A finding about the document itself (YAML syntax, templates), at exact offsets. */
export interface DocumentFinding {
  finding: Finding;
  at: [number, number];
}

export interface DaemonSetAnalysis {
  ref: DaemonSetRef;
  /** apps/v1, parsed without errors, not a template: the engine can place it. */
  placeable: boolean;
  /** Findings with paths relative to the DaemonSet (`ref.base` not included). */
  findings(): Finding[];
  /** The engine's verdicts on the inventory; undefined without one or when not placeable. */
  placement(): PlacementResult | undefined;
  /** Proven remedies per node (the remedy engine on this DaemonSet); empty without a placement. */
  remedies(opts?: RemedyOptions): Map<string, NodeRemedies>;
}

export interface DocumentAnalysis {
  file: ParsedFile;
  documentFindings: DocumentFinding[];
  daemonSets: DaemonSetAnalysis[];
}

const DAEMONSET_KIND_RE = /^[ \t-]*kind:[ \t]*["']?DaemonSet\b/m;
/** An unrendered placeholder on a line: `__NAME__`, `${NAME}` or `{{ … }}`. Lines are cut to 500 characters first. */
const PLACEHOLDER_RE = /(__[A-Z0-9][A-Z0-9_]*__|\$\{[^{}]+\}|\{\{[^{}]*\}\})/;
const MAX_PLACEHOLDER_LINE = 500;

function lineEndOf(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl;
}

function memo<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

/** The analysis of a document with nothing to check (no DaemonSet in it, or declined): nothing parsed. */
export function emptyAnalysis(text: string): DocumentAnalysis {
  const lines = new LineCounter();
  lines.addNewLine(0);
  return { file: { text, lines, docs: [] }, documentFindings: [], daemonSets: [] };
}

export function analyzeDocument(file: ParsedFile, options: AnalysisOptions = {}): DocumentAnalysis {
  const documentFindings: DocumentFinding[] = [];
  for (const parsed of file.docs) {
    const docText = file.text.slice(parsed.start, parsed.end);
    if (!DAEMONSET_KIND_RE.test(docText)) continue;
    if (parsed.templated) {
      const finding = {
        rule: 'template-syntax',
        path: [],
        message: t('Template syntax ({{ }}) in this document: DaemonSet checks are skipped. Check the rendered output (helm template) instead.'),
      };
      documentFindings.push({ finding, at: [parsed.start, Math.min(parsed.end, lineEndOf(file.text, parsed.start))] });
    } else if (parsed.doc.errors.length) {
      // The first error is the cause; the ones after it are usually its echoes.
      const err = parsed.doc.errors[0];
      const [s, e] = err.pos;
      const end = e > s ? e : Math.max(lineEndOf(file.text, s), s + 1);
      const lineStart = file.text.lastIndexOf('\n', s - 1) + 1;
      const placeholder = PLACEHOLDER_RE.exec(file.text.slice(lineStart, Math.min(lineEndOf(file.text, s), lineStart + MAX_PLACEHOLDER_LINE)))?.[1];
      // The yaml library's own wording stays as it is.
      let message = t('YAML syntax error: {0}.', err.message.split('\n')[0]);
      if (placeholder) message += ' ' + t('The line holds the unrendered placeholder `{0}`: render the template before applying it.', placeholder);
      if (parsed.doc.errors.length > 1) message += ' ' + t('({0} more error(s) follow from it.)', parsed.doc.errors.length - 1);
      documentFindings.push({ finding: { rule: 'yaml-syntax', path: [], message }, at: [s, Math.min(end, file.text.length)] });
    }
  }
  const daemonSets = findDaemonSets(file).map((ref) => analyzeDaemonSet(file, ref, options));
  return { file, documentFindings, daemonSets };
}

function analyzeDaemonSet(file: ParsedFile, ref: DaemonSetRef, options: AnalysisOptions): DaemonSetAnalysis {
  // Broken YAML gives a tree that is not what the author meant: the syntax error is reported alone.
  const checked = !ref.parsed.templated && ref.parsed.doc.errors.length === 0;
  const placeable = checked && ref.apiVersion === 'apps/v1';
  const inventory = options.inventory;
  const placement = memo(() => (placeable && inventory ? (options.place ?? computePlacement)(ref.value, inventory) : undefined));
  const remedies = remediesOf(file, ref, options, placement);
  const findings = memo(() => (checked ? checkDaemonSet(file, ref, options, placement, remedies) : []));
  return { ref, placeable, findings, placement, remedies };
}

const NO_REMEDIES: Map<string, NodeRemedies> = new Map();

/** The remedy engine on one DaemonSet; the answer for all non-running nodes (with exclusions) is computed once. */
function remediesOf(
  file: ParsedFile,
  ref: DaemonSetRef,
  options: AnalysisOptions,
  placement: () => PlacementResult | undefined,
): (opts?: RemedyOptions) => Map<string, NodeRemedies> {
  // Each question is answered once per analysis: the rules, the panel and the CLI ask the same ones.
  const answers = new Map<string, Map<string, NodeRemedies>>();
  return (opts = {}) => {
    const result = placement();
    const inventory = options.inventory;
    if (!result || !inventory) return NO_REMEDIES;
    const key = JSON.stringify([!!opts.exclusions, opts.nodes ? [...opts.nodes].sort() : null, opts.kinds ? [...opts.kinds].sort() : null]);
    const hit = answers.get(key);
    if (hit) return hit;
    const place = options.place ?? computePlacement;
    const ctx = { file, ds: ref, value: ref.value, edits: new Edits(file, ref), inventory, placement: result, place: (v: unknown) => place(v, inventory) };
    const answer = nodeRemedies(ctx, opts);
    answers.set(key, answer);
    return answer;
  };
}

/** Findings of one DaemonSet: apiVersion, then the walker and the API rules; advice only when nothing is an error. */
function checkDaemonSet(
  file: ParsedFile,
  ds: DaemonSetRef,
  options: AnalysisOptions,
  placement: () => PlacementResult | undefined,
  remedies: (opts?: RemedyOptions) => Map<string, NodeRemedies>,
): Finding[] {
  const edits = new Edits(file, ds);
  if (ds.apiVersion !== 'apps/v1') return [apiVersionFinding(ds, edits)];
  const walker = checkSchema(ds, edits, { partial: !!options.partial });
  const ctx = ruleContext(file, ds, options, { edits, walker, placement, remedies });
  const out = [...walker];
  const run = (rules: readonly Rule[]) => {
    for (const rule of rules) {
      try {
        out.push(...rule.check!(ctx));
      } catch {
        // A rule that fails on an unexpected shape reports nothing rather than breaking the others.
      }
    }
  };
  run(API_RULES);
  // An object the API server rejects gets its errors first, and nothing else: advice on a
  // manifest that cannot be applied is noise until it can.
  if (!out.some((f) => effectiveSeverity(f, options) === 'error')) run(ADVICE_RULES);
  return out;
}

/** What every rule of one DaemonSet check is given (the parts not passed are computed). */
export function ruleContext(
  file: ParsedFile,
  ds: DaemonSetRef,
  options: AnalysisOptions = {},
  given: {
    edits?: Edits;
    walker?: readonly Finding[];
    placement?: () => PlacementResult | undefined;
    remedies?: (opts?: RemedyOptions) => Map<string, NodeRemedies>;
  } = {},
): RuleContext {
  const edits = given.edits ?? new Edits(file, ds);
  const inventory = options.inventory;
  const shared = new Map<object, unknown>();
  const placement = given.placement ?? memo(() => (inventory ? (options.place ?? computePlacement)(ds.value, inventory) : undefined));
  return {
    file,
    ds,
    value: ds.value,
    partial: !!options.partial,
    inventory,
    edits,
    walker: given.walker ?? checkSchema(ds, edits, { partial: !!options.partial }),
    placement,
    remedies: given.remedies ?? remediesOf(file, ds, options, placement),
    hints: memo(() => (inventory ? (options.hints ?? inventoryHints)(inventory) : undefined)),
    once<T>(key: object, compute: () => T): T {
      if (!shared.has(key)) shared.set(key, compute());
      return shared.get(key) as T;
    },
  };
}

const API_RULES = checkRules.filter((r) => r.meta.category === 'api');
const ADVICE_RULES = checkRules.filter((r) => r.meta.category !== 'api');

/** The severity a finding will be shown with: the user's setting, the finding's own, or the rule's default. */
export function effectiveSeverity(f: Finding, options: Pick<AnalysisOptions, 'rules'>): SeveritySetting {
  return options.rules?.[f.rule] ?? f.severity ?? rulesById.get(f.rule)?.meta.defaultSeverity ?? 'warning';
}
