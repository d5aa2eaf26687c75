/**
 * Inventory files: exactly what `kubectl get nodes -o yaml|json` (and `kubectl get pods -A -o …`,
 * `kubectl get priorityclasses -o …`) prints — NodeList / PodList / PriorityClassList / List, a
 * single Node, multi-document YAML, JSON — plus raw API responses (list items without `kind`) and
 * exports that dropped `kind` (e.g. OpenShift insights archives). Pure: text in, objects out;
 * reading files lives in `file-reader.ts`.
 */
import { parseAllDocuments } from 'yaml';

export interface ParsedInventory {
  nodes: any[];
  pods: any[];
  /** PriorityClass objects; present when the text had any PriorityClass or PriorityClassList (even an empty one). */
  priorityClasses?: any[];
  messages: string[];
}

/** A file that cannot be used at all (syntax error, too large, nothing usable in it). */
export class InventoryFileError extends Error {
  constructor(
    readonly file: string,
    detail: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(`${file}${line !== undefined ? `:${line}${column !== undefined ? `:${column}` : ''}` : ''}: ${detail}`);
    this.name = 'InventoryFileError';
  }
}

/** A file (or the files together) holding more nodes or pods than an inventory may: past Kubernetes' own scale. */
export class InventoryLimitError extends InventoryFileError {
  constructor(
    file: string,
    readonly what: 'nodes' | 'pods',
    readonly limit: number,
  ) {
    super(file, `more than ${limit} ${what}; the limit is ${limit}`);
    this.name = 'InventoryLimitError';
  }
}

export interface ParseOptions {
  /** Refuse larger texts (characters). Default 64 Mi: a `kubectl get pods -A -o yaml` of a big cluster. */
  maxChars?: number;
  /** YAML alias expansions allowed per document (guards against "billion laughs"). Default 100. */
  maxAliasCount?: number;
  /** Refuse a text with more nodes (InventoryLimitError). Default: no limit. */
  maxNodes?: number;
  /** Refuse a text with more pods bound to nodes. Default: no limit. */
  maxPods?: number;
}

export const DEFAULT_MAX_CHARS = 64 * 1024 * 1024;

/** Pods in these phases are done; they hold no resources or ports on the node (kubectl's "terminated"). */
const TERMINATED_PHASES = new Set(['Succeeded', 'Failed']);

/**
 * Parses one inventory text. Throws `InventoryFileError` for syntax errors, oversized text, or a
 * text without any Node, Pod or PriorityClass; anything merely odd (other kinds, terminated pods,
 * unnamed nodes) is skipped and reported in `messages`.
 */
export function parseInventoryText(text: string, fileName: string, options: ParseOptions = {}): ParsedInventory {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  if (text.length > maxChars) {
    throw new InventoryFileError(fileName, `file is too large (${formatSize(text.length)}; the limit is ${formatSize(maxChars)})`);
  }
  const roots = decode(text, fileName, options.maxAliasCount ?? 100);
  const out: ParsedInventory = { nodes: [], pods: [], messages: [] };
  const skipped = { terminated: 0, unbound: 0 };
  const otherKinds: string[] = [];
  const limits = { nodes: options.maxNodes ?? Infinity, pods: options.maxPods ?? Infinity };
  roots.forEach((root, docIndex) => {
    if (root === null) return;
    const where = roots.length > 1 ? `document ${docIndex + 1}` : '';
    collect(root, where, undefined, fileName, out, skipped, otherKinds, limits);
  });
  if (skipped.terminated) out.messages.push(`${fileName}: skipped ${plural(skipped.terminated, 'terminated pod')} (phase Succeeded/Failed)`);
  if (skipped.unbound) out.messages.push(`${fileName}: skipped ${plural(skipped.unbound, 'pod')} not bound to a node (no spec.nodeName)`);
  if (out.nodes.length === 0 && out.pods.length === 0 && out.priorityClasses === undefined) {
    const found = otherKinds.length ? ` (found: ${summarizeKinds(otherKinds)})` : roots.every((r) => r === null) ? ' (the file is empty)' : '';
    throw new InventoryFileError(fileName, `no Node objects found in ${fileName}${found}`);
  }
  return out;
}

/** JSON first when it looks like JSON (fast, and kubectl -o json is the common big case); YAML otherwise. */
function decode(text: string, fileName: string, maxAliasCount: number): unknown[] {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return [JSON.parse(text)];
    } catch (jsonError) {
      // YAML flow style (`{kind: Node, …}`) also starts with a brace; only if YAML fails too is it an error.
      try {
        return decodeYaml(text, fileName, maxAliasCount);
      } catch (yamlError) {
        throw jsonSyntaxError(text, fileName, jsonError as Error, yamlError instanceof InventoryFileError ? yamlError : undefined);
      }
    }
  }
  return decodeYaml(text, fileName, maxAliasCount);
}

function decodeYaml(text: string, fileName: string, maxAliasCount: number): unknown[] {
  const docs = parseAllDocuments(text);
  // parseAllDocuments returns an EmptyStream (not an array) for an empty text.
  if (!Array.isArray(docs)) return [];
  const values: unknown[] = [];
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) {
      const pos = error.linePos?.[0];
      // The position goes in front (file:line:col), so drop the library's " at line L, column C:" tail.
      const detail = firstLine(error.message).replace(/ at line \d+, column \d+:?$/, '');
      throw new InventoryFileError(fileName, `YAML error: ${detail}`, pos?.line, pos?.col);
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount });
    } catch (e) {
      throw new InventoryFileError(fileName, `YAML error: ${firstLine((e as Error).message)} (more than ${maxAliasCount} alias expansions)`);
    }
    // Empty documents stay in the list so "document N" matches what the user counts.
    values.push(value ?? null);
  }
  return values;
}

/** The message without its trailing " in JSON at position 42…" (found with indexOf: the regex took quadratic time). */
function withoutPosition(message: string): string {
  const marker = ' in JSON at position ';
  for (let at = message.indexOf(marker); at !== -1; at = message.indexOf(marker, at + 1)) {
    const digit = message[at + marker.length];
    if (digit !== undefined && digit >= '0' && digit <= '9') return message.slice(0, at);
  }
  return message;
}

/**
 * V8 reports a position only for some JSON errors ("… at position 42"); otherwise the YAML parser,
 * which reads JSON too, usually points at the same spot.
 */
function jsonSyntaxError(text: string, fileName: string, error: Error, yamlError?: InventoryFileError): InventoryFileError {
  const detail = `JSON error: ${withoutPosition(firstLine(error.message))}`;
  const m = /at position (\d+)/.exec(error.message);
  if (!m && yamlError?.line !== undefined) return new InventoryFileError(fileName, detail, yamlError.line, yamlError.column);
  const offset = m ? Number(m[1]) : text.length;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return new InventoryFileError(fileName, detail, line, column);
}

function collect(
  value: unknown,
  where: string,
  impliedKind: string | undefined,
  fileName: string,
  out: ParsedInventory,
  skipped: { terminated: number; unbound: number },
  otherKinds: string[],
  limits: { nodes: number; pods: number },
): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => collect(item, join(where, `item ${i + 1}`), impliedKind, fileName, out, skipped, otherKinds, limits));
    return;
  }
  if (!isObject(value)) {
    out.messages.push(`${fileName}: ${where || 'the document'} is ${describeValue(value)}, not a Kubernetes object; skipped`);
    return;
  }
  const kind = typeof value.kind === 'string' ? value.kind : undefined;
  if (Array.isArray(value.items) && (kind === undefined || kind.endsWith('List'))) {
    // Raw API lists (`GET /api/v1/nodes`) leave kind off the items: NodeList ⇒ Node.
    const itemKind = kind && kind !== 'List' ? kind.slice(0, -'List'.length) : undefined;
    // `kubectl get priorityclasses` of a cluster says which classes exist, even when it lists none besides the system ones.
    if (itemKind === 'PriorityClass') out.priorityClasses ??= [];
    value.items.forEach((item: unknown, i: number) => collect(item, join(where, `item ${i + 1}`), itemKind, fileName, out, skipped, otherKinds, limits));
    return;
  }
  let effectiveKind = kind ?? impliedKind;
  if (effectiveKind === undefined) {
    effectiveKind = guessKind(value);
    if (effectiveKind) out.messages.push(`${fileName}: ${where || 'the object'} has no kind; read as a ${effectiveKind} (${nameOf(value) ?? 'unnamed'})`);
  }
  const label = where ? `${where}` : 'the object';
  if (effectiveKind === 'Node') {
    if (!nameOf(value)) {
      out.messages.push(`${fileName}: ${label} is a Node without metadata.name; skipped`);
      return;
    }
    if (out.nodes.length >= limits.nodes) throw new InventoryLimitError(fileName, 'nodes', limits.nodes);
    out.nodes.push(kind ? value : { apiVersion: 'v1', kind: 'Node', ...value });
    return;
  }
  if (effectiveKind === 'Pod') {
    if (!nameOf(value)) {
      out.messages.push(`${fileName}: ${label} is a Pod without metadata.name; skipped`);
      return;
    }
    if (TERMINATED_PHASES.has(value.status?.phase)) skipped.terminated++;
    else if (typeof value.spec?.nodeName !== 'string' || value.spec.nodeName === '') skipped.unbound++;
    else if (out.pods.length >= limits.pods) throw new InventoryLimitError(fileName, 'pods', limits.pods);
    else out.pods.push(kind ? value : { apiVersion: 'v1', kind: 'Pod', ...value });
    return;
  }
  if (effectiveKind === 'PriorityClass') {
    if (!nameOf(value)) {
      out.messages.push(`${fileName}: ${label} is a PriorityClass without metadata.name; skipped`);
      return;
    }
    if (typeof value.value !== 'number' || !Number.isInteger(value.value)) {
      out.messages.push(`${fileName}: ${label} is a PriorityClass (${nameOf(value)}) without an integer value; skipped`);
      return;
    }
    (out.priorityClasses ??= []).push(kind ? value : { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', ...value });
    return;
  }
  const shown = effectiveKind ?? 'an object without kind';
  otherKinds.push(effectiveKind ?? 'object without kind');
  out.messages.push(`${fileName}: ${label} is ${effectiveKind ? article(shown) + ' ' : ''}${shown}, not a Node, Pod or PriorityClass; skipped`);
}

/** Exports that strip `kind` still carry the shape: a Node has nodeInfo or a /nodes/ selfLink, a Pod has containers. */
function guessKind(o: Record<string, any>): 'Node' | 'Pod' | 'PriorityClass' | undefined {
  const selfLink: unknown = o.metadata?.selfLink;
  if (typeof selfLink === 'string') {
    if (/\/api\/v1\/nodes\//.test(selfLink)) return 'Node';
    if (/\/api\/v1\/namespaces\/[^/]+\/pods\//.test(selfLink)) return 'Pod';
    if (selfLink.includes('/apis/scheduling.k8s.io/') && selfLink.includes('/priorityclasses/')) return 'PriorityClass';
  }
  if (Array.isArray(o.spec?.containers)) return 'Pod';
  if (isObject(o.status?.nodeInfo) || typeof o.spec?.providerID === 'string' || typeof o.spec?.podCIDR === 'string') return 'Node';
  return undefined;
}

function nameOf(o: Record<string, any>): string | undefined {
  const name = o.metadata?.name;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return `a ${typeof v}`;
}

function join(where: string, part: string): string {
  return where ? `${where}, ${part}` : part;
}

function article(word: string): string {
  return /^[AEIOU]/i.test(word) ? 'an' : 'a';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summarizeKinds(kinds: string[]): string {
  const counts = new Map<string, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}

function firstLine(s: string): string {
  return s.split('\n')[0].trim();
}

function formatSize(chars: number): string {
  return chars >= 1024 * 1024 ? `${(chars / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(chars / 1024)} KiB`;
}

/**
 * Merges several parsed files into one inventory: later files win for a node, pod or
 * PriorityClass of the same name (a newer export beside an older one), and pods bound to nodes
 * outside the inventory are dropped (they cannot affect any node we show). Pure.
 */
export function mergeParsed(parts: { fileName: string; parsed: ParsedInventory }[]): ParsedInventory {
  const nodes = new Map<string, any>();
  const pods = new Map<string, any>();
  let priorityClasses: Map<string, any> | undefined;
  const messages: string[] = [];
  for (const { fileName, parsed } of parts) {
    messages.push(...parsed.messages);
    for (const node of parsed.nodes) {
      const name = node.metadata.name as string;
      if (nodes.has(name)) messages.push(`${fileName}: Node ${name} appears more than once; using the last one`);
      nodes.set(name, node);
    }
    for (const pod of parsed.pods) pods.set(`${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`, pod);
    if (parsed.priorityClasses) {
      priorityClasses ??= new Map();
      for (const pc of parsed.priorityClasses) priorityClasses.set(pc.metadata.name as string, pc);
    }
  }
  const bound = [...pods.values()].filter((p) => nodes.has(p.spec.nodeName));
  const orphans = pods.size - bound.length;
  if (orphans && nodes.size) messages.push(`${plural(orphans, 'pod')} bound to nodes not in the inventory; ignored`);
  return { nodes: [...nodes.values()], pods: bound, ...(priorityClasses ? { priorityClasses: [...priorityClasses.values()] } : {}), messages };
}
