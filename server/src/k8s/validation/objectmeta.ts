/**
 * ObjectMeta validation (apimachinery pkg/api/validation/objectmeta.go): name / generateName,
 * namespace, generation, labels, annotations; and the update rules (immutability, resourceVersion).
 */
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName } from '../syntax';
import { type ErrorList, type Path, invalid, required, tooLong } from './field';
import { int, obj, semanticEqual, str, stringMap } from './json';
import { validateLabels } from './labelselector';

export const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * 1024;

export type NameValidator = (name: string, prefix: boolean) => string[];

/** NameIsDNSSubdomain: a generateName prefix may end in '-' (masked before the check). */
export const nameIsDNSSubdomain: NameValidator = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);

/** ValidateNamespaceName = NameIsDNSLabel. */
export const nameIsDNSLabel: NameValidator = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name);

function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

/** ValidateAnnotations: keys are qualified names after lower-casing; total size ≤ 256 KiB. */
export function validateAnnotations(annotations: unknown, path: Path): ErrorList {
  const errs: ErrorList = [];
  let total = 0;
  for (const [k, v] of stringMap(annotations)) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, msg));
    total += Buffer.byteLength(k, 'utf8') + Buffer.byteLength(v, 'utf8');
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT_B) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT_B));
  return errs;
}

/** ValidateObjectMeta(meta, requiresNamespace, nameFn, path). */
export function validateObjectMeta(metadata: unknown, requiresNamespace: boolean, nameFn: NameValidator, path: Path): ErrorList {
  const meta = obj(metadata) ?? {};
  const errs: ErrorList = [];
  const generateName = str(meta.generateName);
  if (generateName) {
    for (const msg of nameFn(generateName, true)) errs.push(invalid(path.child('generateName'), generateName, msg));
  }
  const name = str(meta.name);
  if (name === '') errs.push(required(path.child('name'), 'name or generateName is required'));
  else if (name !== undefined) for (const msg of nameFn(name, false)) errs.push(invalid(path.child('name'), name, msg));
  if (requiresNamespace) {
    const ns = str(meta.namespace);
    if (ns === '') errs.push(required(path.child('namespace')));
    else if (ns !== undefined) for (const msg of nameIsDNSLabel(ns, false)) errs.push(invalid(path.child('namespace'), ns, msg));
  }
  const generation = int(meta.generation);
  if (generation !== undefined && generation < 0) errs.push(invalid(path.child('generation'), generation, 'must be greater than or equal to 0'));
  errs.push(...validateLabels(meta.labels, path.child('labels')));
  errs.push(...validateAnnotations(meta.annotations, path.child('annotations')));
  return errs;
}

/** ValidateImmutableField. */
export function validateImmutableField(newVal: unknown, oldVal: unknown, path: Path): ErrorList {
  return semanticEqual(newVal, oldVal) ? [] : [invalid(path, newVal ?? null, 'field is immutable')];
}

/** ValidateObjectMetaUpdate. */
export function validateObjectMetaUpdate(newMetadata: unknown, oldMetadata: unknown, path: Path): ErrorList {
  const n = obj(newMetadata) ?? {};
  const o = obj(oldMetadata) ?? {};
  const errs: ErrorList = [];
  const rv = str(n.resourceVersion);
  if (rv === '') errs.push(invalid(path.child('resourceVersion'), '', 'must be specified for an update'));
  const ng = int(n.generation) ?? 0;
  const og = int(o.generation) ?? 0;
  if (ng < og) errs.push(invalid(path.child('generation'), ng, 'must not be decremented'));
  for (const f of ['name', 'namespace', 'uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds']) {
    errs.push(...validateImmutableField(n[f], o[f], path.child(f)));
  }
  errs.push(...validateLabels(n.labels, path.child('labels')));
  errs.push(...validateAnnotations(n.annotations, path.child('annotations')));
  return errs;
}
