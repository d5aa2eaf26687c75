/**
 * The feature gates the placement rules depend on, with their Kubernetes 1.36 defaults
 * (pkg/features/kube_features.go). Callers pass overrides; the engine never reads globals.
 */
export interface FeatureGates {
  /** Alpha in 1.35/1.36: tolerations with operator Gt/Lt. */
  TaintTolerationComparisonOperators: boolean;
  /** Beta, on: spec.resources (pod-level requests) replace the container aggregate. */
  PodLevelResources: boolean;
  /** GA: init containers with restartPolicy Always are sidecars. */
  SidecarContainers: boolean;
}

export const DEFAULT_FEATURE_GATES: Readonly<FeatureGates> = Object.freeze({
  TaintTolerationComparisonOperators: false,
  PodLevelResources: true,
  SidecarContainers: true,
});

export function featureGates(overrides?: Partial<Record<string, boolean>> | null): FeatureGates {
  return { ...DEFAULT_FEATURE_GATES, ...(overrides ?? {}) } as FeatureGates;
}
