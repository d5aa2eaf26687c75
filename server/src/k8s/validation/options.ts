/** What `PodValidationOptions` + feature gates carry into validation (only what we model). */
export interface ValidateOptions {
  /** Feature gate TaintTolerationComparisonOperators (alpha, off by default in 1.36): Lt/Gt tolerations. */
  AllowTaintTolerationComparisonOperators?: boolean;
  /** PodSpec belongs to a Pod (not a template): stricter hostPort/hostNetwork and image whitespace rules. */
  ResourceIsPod?: boolean;
  /** Preferred node-affinity terms may carry invalid label values (always true for preferences). */
  AllowInvalidLabelValueInRequiredNodeAffinity?: boolean;
}

export function resolveOptions(opts: ValidateOptions | undefined): Required<ValidateOptions> {
  return {
    AllowTaintTolerationComparisonOperators: opts?.AllowTaintTolerationComparisonOperators ?? false,
    ResourceIsPod: opts?.ResourceIsPod ?? false,
    AllowInvalidLabelValueInRequiredNodeAffinity: opts?.AllowInvalidLabelValueInRequiredNodeAffinity ?? false,
  };
}
