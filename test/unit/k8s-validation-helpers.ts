/** Shared by the k8s-validation tests: the test DaemonSet as a defaulted object in `default`, and the errors' fields. */
import { daemonSetObject } from '../helpers/manifests';

export function minimalDaemonSet(): any {
  return daemonSetObject({ namespace: 'default', container: { image: 'busybox:1.36' } });
}

export function fieldsOf(errs: Array<{ field: string; type: string }>): string[] {
  return errs.map((e) => `${e.field} ${e.type}`);
}
