/**
 * Where in the manifest a placement reason comes from: the nodeSelector entry, the required
 * affinity terms, the tolerations (or the pod spec where a toleration would go), the hostPort,
 * the request. Pure: text in, a range out, using the language service's YAML locator so a
 * reveal lands on the same ranges diagnostics use.
 */
import { isScalar, type Node } from 'yaml';
import { findDaemonSets, locate, offsetToPosition, parseFile, type ParsedFile } from '../../../server/src/yaml/document';
import type { PlacementReason } from '../../../server/src/placement/types';
import type { PathSeg, Range } from '../../../server/src/yaml/types';

const POD = ['spec', 'template', 'spec'] as const;

/** Candidate paths (relative to the DaemonSet), most specific first. */
function candidates(reason: PlacementReason, ds: any): PathSeg[][] {
  const pod = ds?.spec?.template?.spec ?? {};
  const containers: any[] = Array.isArray(pod.containers) ? pod.containers : [];
  const out: PathSeg[][] = [];
  switch (reason.predicate) {
    case 'NodeAffinity': {
      const req = [...POD, 'affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms'];
      if (reason.selector?.kind === 'nodeSelector') out.push([...POD, 'nodeSelector', reason.selector.key], [...POD, 'nodeSelector']);
      else if (reason.selector?.kind === 'requiredAffinity') out.push(req);
      out.push([...POD, 'nodeSelector'], req, [...POD, 'affinity']);
      break;
    }
    case 'TaintToleration':
    case 'NodeUnschedulable':
      // Where a toleration would go: the list when there is one, else the pod spec.
      out.push([...POD, 'tolerations'], [...POD]);
      break;
    case 'NodeName':
      out.push([...POD, 'nodeName']);
      break;
    case 'NodeResourcesFit': {
      const name = reason.resource?.name;
      if (name) {
        containers.forEach((c, i) => {
          if (c?.resources?.requests?.[name] !== undefined) out.push([...POD, 'containers', i, 'resources', 'requests', name]);
          else if (c?.resources?.limits?.[name] !== undefined) out.push([...POD, 'containers', i, 'resources', 'limits', name]);
        });
      }
      out.push([...POD, 'containers']);
      break;
    }
    case 'NodePorts': {
      // ports look like `TCP/0.0.0.0:9100`: find the container port with that hostPort.
      const wanted = new Set((reason.ports ?? []).map((p) => Number(/:(\d+)$/.exec(p)?.[1])).filter((n) => n > 0));
      containers.forEach((c, i) => {
        (Array.isArray(c?.ports) ? c.ports : []).forEach((p: any, j: number) => {
          if (typeof p?.hostPort === 'number' && (wanted.size === 0 || wanted.has(p.hostPort))) out.push([...POD, 'containers', i, 'ports', j, 'hostPort']);
        });
      });
      out.push([...POD, 'hostNetwork'], [...POD, 'containers']);
      break;
    }
  }
  return out;
}

function rangeOfPath(file: ParsedFile, root: Node, path: PathSeg[]): Range | undefined {
  const found = locate(root, path);
  if (found.depth !== path.length) return undefined;
  const start = found.key?.range?.[0] ?? found.node?.range?.[0];
  if (start === undefined) return undefined;
  // A scalar entry selects `key: value`; a block selects its key, so the reveal stays one line.
  const end = found.node && isScalar(found.node) ? found.node.range?.[1] : found.key?.range?.[1] ?? found.node?.range?.[1];
  return { start: offsetToPosition(file, start), end: offsetToPosition(file, end ?? start) };
}

/** The DaemonSet whose YAML starts at (or contains) a 0-based line. */
function daemonSetAt(file: ParsedFile, line: number) {
  const all = findDaemonSets(file);
  const startLine = (d: (typeof all)[number]) => offsetToPosition(file, d.node.range?.[0] ?? d.parsed.start).line;
  const endLine = (d: (typeof all)[number]) => offsetToPosition(file, d.node.range?.[2] ?? d.parsed.end).line;
  return all.find((d) => startLine(d) === line) ?? all.find((d) => line >= startLine(d) && line <= endLine(d));
}

/** The range to reveal for a reason, or the DaemonSet's first line when nothing more specific exists. */
export function reasonRange(text: string, dsLine: number, reason: PlacementReason): Range | undefined {
  const file = parseFile(text);
  const ds = daemonSetAt(file, dsLine);
  if (!ds) return undefined;
  for (const path of candidates(reason, ds.value)) {
    const r = rangeOfPath(file, ds.node, path);
    if (r) return r;
  }
  const start = offsetToPosition(file, ds.node.range?.[0] ?? ds.parsed.start);
  return { start, end: start };
}

/** The plain value of the DaemonSet at a line (what footprint and rollout read). */
export function daemonSetValueAt(text: string, dsLine: number): any {
  return daemonSetAt(parseFile(text), dsLine)?.value;
}
