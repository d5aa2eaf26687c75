/** A case of a conformance corpus in the format of shared/conformance/k8s-cases.json. */
export interface ConformanceCase {
  id: string;
  source?: string;
  kind: string;
  op: string;
  input: any;
  expect: Record<string, unknown>;
  featureGates?: Record<string, boolean>;
  notes?: string;
}

/**
 * Runs one case through the project's engine. Returns null when every expectation holds,
 * or a short description of the difference: { expected, got } (printed on the failing line).
 */
export type OpHandler = (c: ConformanceCase) => null | { expected: unknown; got: unknown };
