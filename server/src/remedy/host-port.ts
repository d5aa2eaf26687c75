/**
 * Host ports: move the port another pod holds to one that is free on every node of the
 * inventory, or (when the DaemonSet's own old pod holds it during a surge update) set
 * maxSurge to 0 so the old pod goes first.
 */
import { list } from '../util/list';
import { allowsSurge } from '../placement/controller';
import { prepareInventory } from '../placement/prepare';
import { getHostPorts } from '../placement/scheduler/hostports';
import type { Inventory } from '../placement/types';
import { POD, type PathSeg } from '../yaml/types';
import { t } from '../l10n';
import type { Candidate, RemedyContext, RemedyGenerator } from './types';

const usedByInventory = new WeakMap<Inventory, Set<string>>();

/**
 * `PROTOCOL/port` of every host port a pod on a node of the inventory holds, as the NodePorts
 * filter counts them (read from the engine's per-inventory index; computed once per inventory).
 */
function usedPorts(inventory: Inventory): Set<string> {
  let used = usedByInventory.get(inventory);
  if (!used) {
    used = new Set();
    for (const pn of prepareInventory(inventory).nodes)
      for (const pod of pn.pods) for (const p of pod.hostPorts) used.add(`${p.protocol || 'TCP'}/${p.hostPort}`);
    usedByInventory.set(inventory, used);
  }
  return used;
}

/** `TCP/0.0.0.0:9100` → ['TCP', 9100]. */
function parsePort(s: string): [string, number] | undefined {
  const slash = s.indexOf('/');
  const colon = s.lastIndexOf(':');
  if (slash < 0 || colon < slash) return undefined;
  const port = Number(s.slice(colon + 1));
  return Number.isInteger(port) && port > 0 ? [s.slice(0, slash), port] : undefined;
}

function movePort(ctx: RemedyContext, protocol: string, port: number): Candidate | undefined {
  const spec = ctx.value?.spec?.template?.spec;
  const hostNetwork = spec?.hostNetwork === true;
  const own = new Set(getHostPorts({ spec }, true).map((p) => `${p.protocol || 'TCP'}/${p.hostPort}`));
  const used = usedPorts(ctx.inventory);
  let free = 0;
  for (let q = port + 1; q <= Math.min(65535, port + 500); q++) {
    const key = `${protocol}/${q}`;
    if (!used.has(key) && !own.has(key)) {
      free = q;
      break;
    }
  }
  if (!free) return undefined;
  for (const listName of ['containers', 'initContainers'] as const) {
    const cs = list<any>(spec?.[listName]);
    for (let i = 0; i < cs.length; i++) {
      const ports = list<any>(cs[i]?.ports);
      for (let j = 0; j < ports.length; j++) {
        const p = ports[j];
        if ((p?.protocol || 'TCP') !== protocol) continue;
        const effective = typeof p?.hostPort === 'number' && p.hostPort > 0 ? p.hostPort : hostNetwork ? p?.containerPort : undefined;
        if (effective !== port) continue;
        const base: PathSeg[] = [...POD, listName, i, 'ports', j];
        const edits = [];
        // With hostNetwork the container listens on the host: hostPort must equal containerPort.
        if (hostNetwork) {
          const e = ctx.edits.setValue([...base, 'containerPort'], String(free));
          if (!e) return undefined;
          edits.push(e);
        }
        if (typeof p?.hostPort === 'number') {
          const e = ctx.edits.setValue([...base, 'hostPort'], String(free));
          if (!e) return undefined;
          edits.push(e);
        }
        return {
          kind: 'free-host-port',
          title: hostNetwork
            ? t('Use port {0} instead of {1}, free on every node (the container must listen on it)', free, port)
            : t('Use host port {0} instead of {1}, free on every node', free, port),
          edits,
        };
      }
    }
  }
  return undefined;
}

function dropSurge(ctx: RemedyContext): Candidate | undefined {
  if (!allowsSurge(ctx.value)) return undefined;
  const e = ctx.edits.setValue(['spec', 'updateStrategy', 'rollingUpdate', 'maxSurge'], '0');
  return e ? { kind: 'drop-max-surge', title: t('Set maxSurge: 0 (the old pod frees the host port before its replacement starts)'), edits: [e] } : undefined;
}

export const freeHostPorts: RemedyGenerator = (ctx, _node, reasons) =>
  reasons
    .filter((r) => r.predicate === 'NodePorts')
    .flatMap((r) =>
      (r.ports ?? []).map((s) => {
        const alternatives: Candidate[] = [];
        const surge = dropSurge(ctx);
        if (surge) alternatives.push(surge);
        const parsed = parsePort(s);
        const moved = parsed && movePort(ctx, parsed[0], parsed[1]);
        if (moved) alternatives.push(moved);
        return alternatives;
      }),
    );
