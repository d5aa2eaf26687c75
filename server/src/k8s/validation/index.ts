/**
 * Kubernetes' own API validation of an apps/v1 DaemonSet, on plain JSON objects.
 *
 * - `validateDaemonSet` / `validateDaemonSetUpdate`: the server's rules on an already-defaulted object.
 * - `validateDaemonSetForAuthoring`: what `kubectl apply` of the user's manifest would be told:
 *   request preparation + apps/v1 defaulting, then validation.
 */
import { applyDefaults, prepareForCreate, type PrepareOptions } from './defaults';
import { validateDaemonSet } from './daemonset';
import type { ErrorList } from './field';
import type { ValidateOptions } from './options';

export * from './field';
export type { ValidateOptions } from './options';
export { applyDefaults, prepareForCreate, imageTag } from './defaults';
export {
  validateDaemonSet,
  validateDaemonSetSpec,
  validateDaemonSetUpdate,
  validateDaemonSetUpdateStrategy,
  validateRollingUpdateDaemonSet,
} from './daemonset';
export { validatePodCreate, validatePodSpec, validatePodTemplateSpec } from './podspec';
export { validateContainers, validateInitContainers } from './containers';
export { validateTolerations } from './tolerations';
export { validateLabelSelector } from './labelselector';
export { validateObjectMeta } from './objectmeta';

export function validateDaemonSetForAuthoring(userObject: unknown, opts: ValidateOptions & PrepareOptions = {}): ErrorList {
  return validateDaemonSet(applyDefaults(prepareForCreate(userObject, opts)), opts);
}
