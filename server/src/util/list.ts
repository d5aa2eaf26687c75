/**
 * Objects come from YAML being typed in an editor: a field meant to be a list may be a string,
 * a number or a map for a while. Iterating those must not throw, so list-valued fields are read
 * through `list()` (anything that is not an array reads as empty).
 */
export function list<T = any>(x: unknown): T[] {
  return Array.isArray(x) ? (x as T[]) : [];
}
