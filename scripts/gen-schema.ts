/**
 * Generates server/generated/schema.json: the apps/v1 DaemonSet type tree of the
 * Kubernetes API, read from the `.d.ts` files of kubernetes-models (one interface
 * per OpenAPI definition, official descriptions as JSDoc, enums as string-literal
 * unions). Run with `npm run gen:schema`.
 *
 * The `.d.ts` files are parsed one by one with the TypeScript parser (no type
 * checker: that would load thousands of files and be slow); imports are followed
 * with TypeScript's own module resolution so the package `exports` maps apply.
 */
import ts from 'typescript';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EnumValue, FieldDef, FieldType, SchemaFile, TypeDef } from '../server/src/schema/types';
import { DEPRECATION_OVERRIDES, FIELD_OVERRIDES, KUBERNETES_VERSION_BY_MAJOR, OMITTED_FIELDS, ROOT_TYPE, type FieldOverride } from './schema-overrides';

// ---------------------------------------------------------------- pure helpers

/** Thrown for anything the generator cannot map; main() prints it and exits 1. */
export class SchemaError extends Error {}

/** Text of a `/** … *\/` block without the comment markers; JSDoc escapes undone. */
export function jsDocText(comment: string): string {
  const body = comment.replace(/^\/\*\*/, '').replace(/\*\/$/, '');
  const lines = body.split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
  return unescapeJsDoc(lines.join('\n').trim());
}

/** kubernetes-models escapes `*` and `/` so descriptions cannot close the comment. */
export function unescapeJsDoc(text: string): string {
  return text.replace(/\\([*/])/g, '$1');
}

const ENUM_HEADER = /Possible enum values:\s*\n/;
const ENUM_ITEM = /^\s*- `"((?:[^"\\]|\\.)*)"`\s?(.*)$/;

/**
 * Splits the official description into its prose and the meanings of the
 * "Possible enum values" list (` - \`"NoExecute"\` Evict any …`), which the
 * schema carries structurally in `enum` instead.
 */
export function splitEnumDescription(description: string): { prose: string; meanings: Map<string, string> } {
  const meanings = new Map<string, string>();
  const m = ENUM_HEADER.exec(description);
  if (!m) return { prose: description, meanings };
  let current: string | undefined;
  for (const line of description.slice(m.index + m[0].length).split('\n')) {
    const item = ENUM_ITEM.exec(line);
    if (item) {
      current = item[1];
      meanings.set(current, item[2].trim());
    } else if (current !== undefined && line.trim() !== '') {
      meanings.set(current, `${meanings.get(current)} ${line.trim()}`.trim());
    }
  }
  return { prose: description.slice(0, m.index).trim(), meanings };
}

/**
 * The default stated in the official text, e.g. `Defaults to "ClusterFirst".`,
 * `Optional: Defaults to true.`, `Default value is 1.`, `Default is false.`,
 * `Defaults to /dev/termination-log.` Only a single value is taken; prose such
 * as "defaults to the pod IP" or a conditional ("Defaults to Always if …") is
 * left to the hand-written overrides.
 */
export function parseDefault(description: string): string | undefined {
  // The lookahead only captures the word after the value (m[5]); it is meant to accept everything.
  /* eslint-disable regexp/no-empty-lookarounds-assertion */
  const re =
    /\b(?:[Dd]efaults? to|[Dd]efault (?:value )?is|Default(?= (?:true|false)\b))\s+(?:'([^']*)'|"([^"]*)"|`([^`]*)`|(\/[\w./-]*\w|[\w.%-]*\w))(?=[.,;:)]?(\s+\S+)?)/g;
  /* eslint-enable regexp/no-empty-lookarounds-assertion */
  for (const m of description.matchAll(re)) {
    const quoted = m[1] ?? m[2] ?? m[3];
    const value = quoted ?? m[4];
    const next = (m[5] ?? '').trim();
    // "Defaults to Always if :latest …", "Defaults to 1 hour": not a plain value.
    if (/^(?:if|unless|when|hour|hours|minute|minutes)\b/.test(next)) continue;
    if (quoted !== undefined) return value;
    if (/^(?:true|false|-?\d+(?:\.\d+)?%?|[A-Z][A-Za-z0-9]*|\/.*)$/.test(value) && value !== 'The') return value;
    // Lower-case words ("rbd", "admin") only as a whole sentence: "Default is rbd."
    if (/^[a-z][a-z0-9-]*$/.test(value) && /^\./.test(description.slice(m.index! + m[0].length)) && !/^(?:nil|empty|none)$/.test(value)) {
      return value;
    }
  }
  return undefined;
}

/** `Deprecated…` at the start, `Deprecated:` anywhere, or DEPRECATED. */
export function isDeprecated(description: string): boolean {
  return /^Deprecated/.test(description) || /\bDeprecated:/.test(description) || /\bDEPRECATED\b/.test(description);
}

/**
 * Anchor of a definition in the generated API reference
 * (kubernetes.io/docs/reference/generated/kubernetes-api/v1.36/):
 * `<kind>-<version>-<group>` lower-cased, e.g. `toleration-v1-core`,
 * `labelselector-v1-meta`, `intorstring-intstr-util`, `quantity-resource-core`.
 */
export function docAnchor(definition: string): string {
  const parts = definition.split('.');
  const kind = parts[parts.length - 1].toLowerCase();
  const api = /^io\.k8s\.api\.([^.]+)\.([^.]+)\.[^.]+$/.exec(definition);
  if (api) return `${kind}-${api[2]}-${api[1]}`;
  const apis = /^io\.k8s\.apimachinery\.pkg\.apis\.([^.]+)\.([^.]+)\.[^.]+$/.exec(definition);
  if (apis) return `${kind}-${apis[2]}-${apis[1]}`;
  if (definition === 'io.k8s.apimachinery.pkg.api.resource.Quantity') return 'quantity-resource-core';
  const util = /^io\.k8s\.apimachinery\.pkg\.util\.([^.]+)\.[^.]+$/.exec(definition);
  if (util) return `${kind}-${util[1]}-util`;
  const runtime = /^io\.k8s\.apimachinery\.pkg\.runtime\.[^.]+$/.exec(definition);
  if (runtime) return `${kind}-runtime-pkg`;
  throw new SchemaError(`no API reference anchor scheme for ${definition}`);
}

export function docUrl(definition: string, kubernetesVersion: string): string {
  const minor = /^(\d+\.\d+)/.exec(kubernetesVersion)?.[1];
  if (!minor) throw new SchemaError(`bad Kubernetes version ${kubernetesVersion}`);
  return `https://kubernetes.io/docs/reference/generated/kubernetes-api/v${minor}/#${docAnchor(definition)}`;
}

/**
 * OpenAPI definition name for a model file, from where it lives in the package:
 * `kubernetes-models/v1/Toleration.d.ts` → `io.k8s.api.core.v1.Toleration`,
 * `kubernetes-models/apps/v1/DaemonSet.d.ts` → `io.k8s.api.apps.v1.DaemonSet`,
 * `@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta.d.ts` →
 * `io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta`. Checked against the
 * file's own `export type { X as IIoK8s… }` alias by the caller.
 */
export function definitionNameForPath(file: string): string | undefined {
  const norm = file.split(path.sep).join('/');
  const apimachinery = norm.indexOf('/@kubernetes-models/apimachinery/');
  const machinery = apimachinery < 0 ? null : /^(.+)\/([^/]+)\.d\.ts$/.exec(norm.slice(apimachinery + '/@kubernetes-models/apimachinery/'.length));
  if (machinery) return `io.k8s.apimachinery.pkg.${machinery[1].split('/').join('.')}.${machinery[2]}`;
  const core = /\/kubernetes-models\/(v1)\/([^/]+)\.d\.ts$/.exec(norm);
  if (core) return `io.k8s.api.core.v1.${core[2]}`;
  const grouped = /\/kubernetes-models\/([^/]+)\/([^/]+)\/([^/]+)\.d\.ts$/.exec(norm);
  if (grouped) return `io.k8s.api.${grouped[1].replace(/\.k8s\.io$/, '')}.${grouped[2]}.${grouped[3]}`;
  return undefined;
}

/** `io.k8s.api.core.v1.Toleration` → `IIoK8sApiCoreV1Toleration` (the package's alias). */
export function aliasForDefinition(definition: string): string {
  return `I${definition
    .split('.')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('')}`;
}

// ---------------------------------------------------------------- the walk over .d.ts files

/** What one model file declares. */
interface ModelFile {
  file: string;
  definition: string;
  description: string;
  /** The interface, or the type alias (IntOrString, Quantity, Time). */
  node: ts.InterfaceDeclaration | ts.TypeAliasDeclaration;
  /** Imported local name → resolved file. */
  imports: Map<string, string>;
}

const SPECIAL_TYPES: Record<string, FieldType> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { kind: 'int-or-string' },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { kind: 'quantity' },
};

interface RawField {
  name: string;
  description: string;
  type: FieldType;
  required: boolean;
  literals?: string[];
}

interface RawType {
  name: string;
  description: string;
  fields: RawField[];
}

const compilerOptions: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
};

function leadingJsDoc(text: string, node: ts.Node): string {
  const ranges = ts.getLeadingCommentRanges(text, node.pos) ?? [];
  const docs = ranges.map((r) => text.slice(r.pos, r.end)).filter((c) => c.startsWith('/**'));
  return docs.length ? jsDocText(docs[docs.length - 1]) : '';
}

function where(file: string, sf: ts.SourceFile, node: ts.Node): string {
  const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  return `${file}:${line + 1}`;
}

class TreeReader {
  private readonly files = new Map<string, ModelFile>();
  private readonly sources = new Map<string, ts.SourceFile>();
  readonly types = new Map<string, RawType>();

  private source(file: string): ts.SourceFile {
    let sf = this.sources.get(file);
    if (!sf) {
      if (!existsSync(file)) throw new SchemaError(`cannot read ${file}`);
      sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
      this.sources.set(file, sf);
    }
    return sf;
  }

  model(file: string): ModelFile {
    const cached = this.files.get(file);
    if (cached) return cached;
    const sf = this.source(file);
    const definition = definitionNameForPath(file);
    if (!definition) throw new SchemaError(`${file}: not a kubernetes-models model file`);
    const alias = aliasForDefinition(definition);
    const imports = new Map<string, string>();
    let localName: string | undefined;
    for (const st of sf.statements) {
      if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
        const spec = st.moduleSpecifier.text;
        const bindings = st.importClause?.namedBindings;
        if (!bindings || !ts.isNamedImports(bindings)) continue;
        const resolved = ts.resolveModuleName(spec, file, compilerOptions, ts.sys).resolvedModule?.resolvedFileName;
        for (const el of bindings.elements) {
          if (resolved) imports.set(el.name.text, resolved);
        }
      } else if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
        for (const el of st.exportClause.elements) {
          if (el.name.text === alias) localName = (el.propertyName ?? el.name).text;
        }
      }
    }
    if (!localName) throw new SchemaError(`${file}: no export alias ${alias} (is ${definition} the right definition name?)`);
    const node = sf.statements.find(
      (s): s is ts.InterfaceDeclaration | ts.TypeAliasDeclaration =>
        (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) && s.name.text === localName,
    );
    if (!node) throw new SchemaError(`${file}: ${localName} is neither an interface nor a type alias`);
    const model: ModelFile = { file, definition, description: leadingJsDoc(sf.text, node), node, imports };
    this.files.set(file, model);
    return model;
  }

  /** Reads the object type of `file` and everything it refers to (breadth first). */
  readTree(rootFile: string, omitted: Record<string, string[]>): void {
    const queue = [rootFile];
    while (queue.length) {
      const model = this.model(queue.shift()!);
      if (this.types.has(model.definition)) continue;
      const node = model.node;
      if (!ts.isInterfaceDeclaration(node)) throw new SchemaError(`${model.definition} is not an object type`);
      const sf = this.source(model.file);
      const skip = new Set(omitted[model.definition] ?? []);
      const fields: RawField[] = [];
      for (const member of node.members) {
        if (!ts.isPropertySignature(member) || !member.type) {
          throw new SchemaError(`${where(model.file, sf, member)}: unsupported member in ${model.definition}`);
        }
        const name = ts.isStringLiteral(member.name) || ts.isIdentifier(member.name) ? member.name.text : undefined;
        if (name === undefined) throw new SchemaError(`${where(model.file, sf, member)}: computed property name`);
        if (skip.has(name)) continue;
        const { type, literals } = this.fieldType(model, member.type, queue);
        fields.push({ name, description: leadingJsDoc(sf.text, member), type, required: !member.questionToken, literals });
      }
      this.types.set(model.definition, { name: model.definition, description: model.description, fields });
    }
  }

  private fieldType(model: ModelFile, node: ts.TypeNode, queue: string[]): { type: FieldType; literals?: string[] } {
    const sf = this.source(model.file);
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword:
        return { type: { kind: 'string' } };
      // Every number in the DaemonSet tree is an int32/int64 in the OpenAPI spec.
      case ts.SyntaxKind.NumberKeyword:
        return { type: { kind: 'integer' } };
      case ts.SyntaxKind.BooleanKeyword:
        return { type: { kind: 'boolean' } };
      case ts.SyntaxKind.AnyKeyword:
      case ts.SyntaxKind.UnknownKeyword:
        return { type: { kind: 'any' } };
    }
    const literals = stringLiterals(node);
    if (literals) return { type: { kind: 'string' }, literals };
    if (ts.isArrayTypeNode(node)) {
      const items = this.fieldType(model, node.elementType, queue);
      return { type: { kind: 'array', items: items.type }, literals: items.literals };
    }
    if (ts.isTypeLiteralNode(node)) {
      const index = node.members.length === 1 ? node.members[0] : undefined;
      if (index && ts.isIndexSignatureDeclaration(index) && index.type) {
        const values = this.fieldType(model, index.type, queue);
        return { type: { kind: 'map', values: values.type } };
      }
    }
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
      const ref = node.typeName.text;
      if (ref === 'Array' && node.typeArguments?.length === 1) {
        const items = this.fieldType(model, node.typeArguments[0], queue);
        return { type: { kind: 'array', items: items.type }, literals: items.literals };
      }
      const target = model.imports.get(ref);
      if (!target) throw new SchemaError(`${where(model.file, sf, node)}: cannot resolve type ${ref}`);
      const referenced = this.model(target);
      const special = SPECIAL_TYPES[referenced.definition];
      if (special) return { type: special };
      const decl = referenced.node;
      if (ts.isTypeAliasDeclaration(decl)) return this.fieldType(referenced, decl.type, queue); // Time, MicroTime: string
      if (decl.members.length === 0) return { type: { kind: 'any' } }; // RawExtension, FieldsV1: free-form JSON
      queue.push(referenced.file);
      return { type: { kind: 'object', ref: referenced.definition } };
    }
    throw new SchemaError(`${where(model.file, sf, node)}: unsupported type \`${node.getText(sf)}\` in ${model.definition}`);
  }
}

function stringLiterals(node: ts.TypeNode): string[] | undefined {
  const parts = ts.isUnionTypeNode(node) ? [...node.types] : [node];
  const values: string[] = [];
  for (const p of parts) {
    if (ts.isLiteralTypeNode(p) && ts.isStringLiteral(p.literal)) values.push(p.literal.text);
    else return undefined;
  }
  return values;
}

// ---------------------------------------------------------------- assembling the schema

export interface Versions {
  models: string;
  apimachinery: string;
  kubernetes: string;
}

export function buildField(typeName: string, raw: RawField, kubernetesVersion: string, override: FieldOverride | undefined): FieldDef {
  const { prose, meanings } = splitEnumDescription(raw.description);
  const description = override?.description ?? prose;
  const field: FieldDef = { name: raw.name, description, type: raw.type, required: raw.required, docUrl: docUrl(typeName, kubernetesVersion) };
  let values: EnumValue[] | undefined;
  if (raw.literals) {
    values = raw.literals.map((value) => ({ value, description: meanings.get(value) || override?.enumMeanings?.[value] || '' }));
  }
  for (const value of Object.keys(override?.enumMeanings ?? {})) {
    if (!raw.literals?.includes(value)) throw new SchemaError(`${typeName}.${raw.name}: meaning given for undeclared enum value ${JSON.stringify(value)}`);
  }
  if (override?.enum) {
    if (values) throw new SchemaError(`${typeName}.${raw.name}: hand enum given but the API declares one`);
    values = override.enum.map(([value, description]) => ({ value, description }));
  }
  if (values) field.enum = values;
  const def = override?.default ?? parseDefault(raw.description);
  if (def !== undefined && def !== '') field.default = def;
  if (override?.note) field.note = override.note;
  if (DEPRECATION_OVERRIDES[`${typeName}.${raw.name}`] ?? isDeprecated(raw.description)) field.deprecated = true;
  return field;
}

export function assembleSchema(types: Map<string, RawType>, versions: Versions): SchemaFile {
  const used = new Set<string>();
  const out: Record<string, TypeDef> = {};
  // Sorted by name so the output does not depend on the walk order.
  for (const name of [...types.keys()].sort()) {
    const raw = types.get(name)!;
    const properties: Record<string, FieldDef> = {};
    for (const f of raw.fields) {
      const key = `${name}.${f.name}`;
      const override = FIELD_OVERRIDES[key];
      if (override) used.add(key);
      properties[f.name] = buildField(name, f, versions.kubernetes, override);
    }
    out[name] = { name, description: raw.description, properties };
  }
  const unused = Object.keys(FIELD_OVERRIDES).filter((k) => !used.has(k));
  if (unused.length) throw new SchemaError(`overrides for fields that do not exist: ${unused.join(', ')}`);
  return {
    kubernetesVersion: versions.kubernetes,
    source: `kubernetes-models@${versions.models} + @kubernetes-models/apimachinery@${versions.apimachinery}`,
    root: ROOT_TYPE,
    types: out,
  };
}

export function summarize(schema: SchemaFile): { types: number; fields: number; enums: number; defaults: number; notes: number } {
  let fields = 0;
  let enums = 0;
  let defaults = 0;
  let notes = 0;
  for (const t of Object.values(schema.types)) {
    for (const f of Object.values(t.properties)) {
      fields++;
      if (f.enum) enums++;
      if (f.default !== undefined) defaults++;
      if (f.note) notes++;
    }
  }
  return { types: Object.keys(schema.types).length, fields, enums, defaults, notes };
}

// ---------------------------------------------------------------- I/O edge

/**
 * The Kubernetes version the package was generated from: the CHANGELOG's
 * "Update to Kubernetes vX.Y.Z" when the package ships one (5.1.0 does not),
 * else the table in schema-overrides (taken from the repository's CHANGELOG).
 */
function kubernetesVersionOf(modelsDir: string, modelsVersion: string): string {
  const changelog = path.join(modelsDir, 'CHANGELOG.md');
  if (existsSync(changelog)) {
    const m = /Update to Kubernetes v(\d+\.\d+\.\d+)/.exec(readFileSync(changelog, 'utf8'));
    if (m) return m[1];
  }
  const major = modelsVersion.split('.')[0];
  const v = KUBERNETES_VERSION_BY_MAJOR[major];
  if (!v) throw new SchemaError(`unknown Kubernetes version for kubernetes-models@${modelsVersion}: add it to KUBERNETES_VERSION_BY_MAJOR`);
  return v;
}

function packageVersion(dir: string): string {
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

export function generate(repoRoot: string): SchemaFile {
  const modelsDir = path.join(repoRoot, 'node_modules', 'kubernetes-models');
  const machineryDir = path.join(repoRoot, 'node_modules', '@kubernetes-models', 'apimachinery');
  if (!existsSync(modelsDir)) throw new SchemaError(`kubernetes-models is not installed (${modelsDir})`);
  const models = packageVersion(modelsDir);
  const versions: Versions = { models, apimachinery: packageVersion(machineryDir), kubernetes: kubernetesVersionOf(modelsDir, models) };
  const reader = new TreeReader();
  reader.readTree(path.join(modelsDir, 'apps', 'v1', 'DaemonSet.d.ts'), OMITTED_FIELDS);
  return assembleSchema(reader.types, versions);
}

/** `--root=DIR` reads node_modules from and writes server/generated under DIR (tests use it). */
function main(argv: string[]): void {
  const started = performance.now();
  const rootArg = argv.find((a) => a.startsWith('--root='));
  const repoRoot = rootArg ? path.resolve(rootArg.slice('--root='.length)) : path.resolve(__dirname, '..');
  const outFile = path.join(repoRoot, 'server', 'generated', 'schema.json');
  try {
    const schema = generate(repoRoot);
    mkdirSync(path.dirname(outFile), { recursive: true });
    // Write then rename: tests in parallel processes may be reading the file.
    const tmp = `${outFile}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(schema, null, 1)}\n`);
    renameSync(tmp, outFile);
    const s = summarize(schema);
    const ms = Math.round(performance.now() - started);
    console.log(
      `gen-schema: ${s.types} types, ${s.fields} fields, ${s.enums} enums, ${s.defaults} defaults, ${s.notes} notes; Kubernetes ${schema.kubernetesVersion} (${schema.source}) → ${path.relative(repoRoot, outFile)} in ${ms} ms`,
    );
  } catch (e) {
    console.error(`gen-schema: FAILED: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}

if (require.main === module) main(process.argv.slice(2));
