/** Plain data shared by the language service, the rules, the CLI and the tests. */

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type PathSeg = string | number;

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

export interface TextEdit { range: Range; newText: string }

export interface Fix {
  title: string;
  isPreferred?: boolean;
  edits: TextEdit[];
}

/** What a check reports; the service turns it into a Diagnostic with a range. */
export interface Finding {
  /** Stable rule id, e.g. "unknown-field", "toleration-exists-with-value". */
  rule: string;
  /** Path into the document's value, e.g. ['spec','template','spec','tolerations',0,'effect']. */
  path: PathSeg[];
  /** Which part of the node at `path` to point at. Default: 'value' (falls back to the key, then the parent). */
  target?: 'key' | 'value';
  message: string;
  /** Exact offsets to point at, when the path alone is ambiguous (a repeated key). */
  at?: [number, number];
  /** Overrides the rule's default severity (rarely needed). */
  severity?: Severity;
  fixes?: Fix[];
}

export interface Diagnostic {
  range: Range;
  severity: Severity;
  code: string;
  source: string;
  message: string;
  /** Dotted path, e.g. spec.template.spec.tolerations[0].effect */
  path: string;
  /** Link to the rule's documentation page. */
  docUrl?: string;
  fixes?: Fix[];
}

export const SOURCE = 'daemonset';

/** `['spec','tolerations',0,'effect']` → `spec.tolerations[0].effect` */
export function formatPath(path: readonly PathSeg[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out;
}

/** `spec.tolerations[0].effect` → `['spec','tolerations',0,'effect']` (keys with dots are not supported). */
export function parsePath(path: string): PathSeg[] {
  const out: PathSeg[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path))) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}
