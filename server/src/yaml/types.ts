/** Positions, ranges, edits and paths in YAML text: plain data every layer shares. */

export type PathSeg = string | number;

/** Where a DaemonSet's pod spec sits: `spec.template.spec` (rules, remedies and reasons all point into it). */
export const POD: readonly PathSeg[] = ['spec', 'template', 'spec'];

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

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
