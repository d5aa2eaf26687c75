/**
 * resource.Quantity syntax (k8s.io/apimachinery/pkg/api/resource): a signed decimal number
 * followed by a binary-SI suffix (Ki…Ei), a decimal-SI suffix (n u m "" k M G T P E) or a
 * decimal exponent (e3, E-2).
 */
const QUANTITY_RE = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[KMGTPE]i|[numkMGTPE]|[eE][+-]?[0-9]+)?$/;

export function isQuantity(s: string): boolean {
  return QUANTITY_RE.test(s);
}
