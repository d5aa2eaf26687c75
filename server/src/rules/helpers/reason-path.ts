/**
 * Where in the manifest a placement reason comes from: the nodeSelector entry, the affinity
 * terms, the toleration list where one would go, the container requesting the resource, the
 * port. Shared by the placement rules (diagnostic ranges), the panel (reveal) and the CLI.
 */
import type { PlacementReason } from '../../placement/types';
import { POD, type PathSeg } from '../../yaml/types';
import { firstPresent } from './placement';

/** Candidate paths (relative to the DaemonSet) of the YAML behind a reason, most specific first. */
export function reasonPaths(reason: PlacementReason, ds: any): PathSeg[][] {
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
    case 'InterPodAffinity': {
      // The pod's own term that fails; an existing pod's anti-affinity term is not in this manifest: point at the pod's labels it selects.
      const term = reason.podAffinityTerm;
      if (term?.of === 'pod') {
        const base = [...POD, 'affinity', term.kind, 'requiredDuringSchedulingIgnoredDuringExecution'];
        out.push([...base, term.index, 'labelSelector'], [...base, term.index], base, [...POD, 'affinity', term.kind]);
      } else if (term?.of === 'existing') out.push(['spec', 'template', 'metadata', 'labels']);
      out.push([...POD, 'affinity']);
      break;
    }
    case 'SchedulingGates':
      out.push([...POD, 'schedulingGates']);
      break;
    case 'SchedulerName':
      out.push([...POD, 'schedulerName']);
      break;
    case 'NodeResourcesFit': {
      const name = reason.resource?.name;
      if (name && pod?.resources?.requests?.[name] !== undefined) out.push([...POD, 'resources', 'requests', name]);
      if (name && pod?.resources?.limits?.[name] !== undefined) out.push([...POD, 'resources', 'limits', name]);
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
          else if (pod.hostNetwork === true && typeof p?.containerPort === 'number' && wanted.has(p.containerPort))
            out.push([...POD, 'containers', i, 'ports', j, 'containerPort']);
        });
      });
      out.push([...POD, 'hostNetwork'], [...POD, 'containers']);
      break;
    }
  }
  return out;
}

/** The most specific path behind a reason that exists in the DaemonSet (the pod spec when none does). */
export function reasonRange(ds: any, reason: PlacementReason): PathSeg[] {
  return firstPresent(ds, [...reasonPaths(reason, ds), [...POD]]);
}
