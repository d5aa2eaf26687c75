/**
 * Pod priority as the Priority admission plugin resolves it when the Pod is created
 * (plugin/pkg/admission/priority): a `priorityClassName` names a PriorityClass
 * (`scheduling.k8s.io/v1`) whose `value` becomes `spec.priority` and whose `preemptionPolicy`
 * becomes `spec.preemptionPolicy`; no name means the globalDefault class, else priority 0. The two
 * system classes exist in every cluster (the API server creates them at start-up).
 */
import { list } from '../util/list';

export const SystemNodeCritical = 'system-node-critical';
export const SystemClusterCritical = 'system-cluster-critical';
/** pkg/apis/scheduling: SystemCriticalPriority (2 billion) and the node-critical class 1000 above it. */
export const SYSTEM_PRIORITY_CLASSES: ReadonlyMap<string, number> = new Map([
  [SystemNodeCritical, 2000001000],
  [SystemClusterCritical, 2000000000],
]);
/** `DefaultPriorityWhenNoDefaultClassExists`. */
export const DEFAULT_PRIORITY = 0;

export type PreemptionPolicy = 'PreemptLowerPriority' | 'Never';

export interface PriorityClassInfo {
  name: string;
  value: number;
  globalDefault: boolean;
  /** Defaulted to PreemptLowerPriority, as the API server stores every PriorityClass. */
  preemptionPolicy: PreemptionPolicy;
}

function policyOf(v: unknown): PreemptionPolicy {
  return v === 'Never' ? 'Never' : 'PreemptLowerPriority';
}

/** Valid PriorityClass objects by name (later objects of the same name win). Objects without a name or a numeric value are skipped. */
export function indexPriorityClasses(objects: unknown): Map<string, PriorityClassInfo> {
  const out = new Map<string, PriorityClassInfo>();
  for (const o of list(objects)) {
    const name = o?.metadata?.name;
    if (typeof name !== 'string' || name === '' || typeof o?.value !== 'number' || !Number.isFinite(o.value)) continue;
    out.set(name, { name, value: o.value, globalDefault: o.globalDefault === true, preemptionPolicy: policyOf(o.preemptionPolicy) });
  }
  return out;
}

/**
 * The PriorityClasses a pod is admitted against. `known` says whether the inventory listed its
 * classes at all: an inventory file without PriorityClass objects says nothing about which exist,
 * so a name missing from it is unknown rather than rejected.
 */
export interface PriorityClassSet {
  byName: ReadonlyMap<string, PriorityClassInfo>;
  known: boolean;
}

/** The inventory's classes, then extra ones (e.g. from the workspace) for names the inventory lacks: existing classes are what admission sees. */
export function priorityClassSet(inventoryClasses: unknown, extra?: unknown): PriorityClassSet {
  const byName = indexPriorityClasses(inventoryClasses);
  for (const [name, pc] of indexPriorityClasses(extra)) if (!byName.has(name)) byName.set(name, pc);
  return { byName, known: Array.isArray(inventoryClasses) };
}

/** `getDefaultPriorityClass`: the globalDefault class; if several (a race), the lowest value. */
export function globalDefaultClass(classes: PriorityClassSet): PriorityClassInfo | undefined {
  let best: PriorityClassInfo | undefined;
  for (const pc of classes.byName.values()) if (pc.globalDefault && (!best || pc.value < best.value)) best = pc;
  return best;
}

export interface ResolvedPriority {
  /** The priority the pod gets; undefined when admission would reject the pod or the class is unknown. */
  priority?: number;
  /** The class it came from ('' for none). */
  priorityClassName: string;
  preemptionPolicy: PreemptionPolicy;
  /** Why the priority is undefined: Kubernetes' admission error, or that the inventory does not list the class. */
  error?: string;
}

/** `admitPod` on create: the priority and preemption policy of a pod created from `podSpec`. */
export function resolvePodPriority(podSpec: any, classes: PriorityClassSet): ResolvedPriority {
  const name = typeof podSpec?.priorityClassName === 'string' ? podSpec.priorityClassName : '';
  let priority: number;
  let policy: PreemptionPolicy;
  let className = name;
  if (name === '') {
    const def = globalDefaultClass(classes);
    priority = def ? def.value : DEFAULT_PRIORITY;
    policy = def ? def.preemptionPolicy : 'PreemptLowerPriority';
    className = def ? def.name : '';
  } else {
    const system = SYSTEM_PRIORITY_CLASSES.get(name);
    const pc = system === undefined ? classes.byName.get(name) : undefined;
    if (system !== undefined) {
      priority = system;
      policy = 'PreemptLowerPriority';
    } else if (pc) {
      priority = pc.value;
      policy = pc.preemptionPolicy;
    } else {
      const policyAsked = policyOf(podSpec?.preemptionPolicy);
      return classes.known
        ? { priorityClassName: name, preemptionPolicy: policyAsked, error: `no PriorityClass with name ${name} was found` }
        : {
            priorityClassName: name,
            preemptionPolicy: policyAsked,
            error: `PriorityClass ${name} is not in the inventory (it lists no PriorityClasses): the pod's priority is unknown`,
          };
    }
  }
  const given = podSpec?.priority;
  if (typeof given === 'number' && given !== priority) {
    return {
      priorityClassName: className,
      preemptionPolicy: policy,
      error: `the integer value of priority (${given}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`,
    };
  }
  const asked = podSpec?.preemptionPolicy;
  if ((asked === 'Never' || asked === 'PreemptLowerPriority') && asked !== policy) {
    return {
      priorityClassName: className,
      preemptionPolicy: policy,
      error: `the string value of PreemptionPolicy (${asked}) must not be provided in pod spec; priority admission controller computed ${policy} from the given PriorityClass name`,
    };
  }
  return { priority, priorityClassName: className, preemptionPolicy: policy };
}

/**
 * The priority of a pod already in the cluster: `spec.priority` (the API server always sets it),
 * else resolved as admission would; a pod admission would reject counts as 0, as the scheduler
 * reads a missing `spec.priority` (`corev1helpers.PodPriority`).
 */
export function existingPodPriority(pod: any, classes: PriorityClassSet): number {
  const p = pod?.spec?.priority;
  if (typeof p === 'number' && Number.isFinite(p)) return p;
  return resolvePodPriority({ priorityClassName: pod?.spec?.priorityClassName }, classes).priority ?? DEFAULT_PRIORITY;
}
