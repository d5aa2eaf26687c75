// The keeper of ARCHITECTURE.md's invariants: layers point one way, the pure layers touch no
// files, network or LSP connection, the client reaches the server only through protocol.ts, the
// page only through types, and no module imports itself back through others.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { repoRoot } from '../helpers/paths';

interface Import {
  from: string;
  /** Resolved repository path of a relative import, or the package name. */
  to: string;
  typeOnly: boolean;
  line: number;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(repoRoot, dir))) {
    const rel = path.join(dir, name);
    if (statSync(path.join(repoRoot, rel)).isDirectory()) out.push(...filesUnder(rel));
    else if (/\.m?ts$/.test(name) && !name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

function resolve(from: string, spec: string): string {
  if (!spec.startsWith('.'))
    return spec.startsWith('node:')
      ? spec
      : spec
          .split('/')
          .slice(0, spec.startsWith('@') ? 2 : 1)
          .join('/');
  const base = path.normalize(path.join(path.dirname(from), spec));
  for (const c of [base, `${base}.ts`, `${base}.mts`, path.join(base, 'index.ts')]) {
    try {
      if (statSync(path.join(repoRoot, c)).isFile()) return c;
    } catch {
      // try the next candidate
    }
  }
  return base;
}

/** Every import and re-export of a file, with whether it brings only types. */
export function importsOf(file: string, text = readFileSync(path.join(repoRoot, file), 'utf8')): Import[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Import[] = [];
  const add = (spec: ts.Expression | undefined, typeOnly: boolean, node: ts.Node) => {
    if (!spec || !ts.isStringLiteral(spec)) return;
    out.push({ from: file, to: resolve(file, spec.text), typeOnly, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const c = node.importClause;
      const named = c?.namedBindings && ts.isNamedImports(c.namedBindings) ? c.namedBindings.elements : undefined;
      const typeOnly = !!c && (c.isTypeOnly || (!c.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier, typeOnly, node);
    } else if (ts.isExportDeclaration(node)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      add(node.moduleSpecifier, node.isTypeOnly || (!!named && named.length > 0 && named.every((e) => e.isTypeOnly)), node);
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))
    ) {
      add(node.arguments[0], false, node);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal as ts.Expression, true, node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** The layer of a server file: its folder under server/src, or the file itself for the top-level modules. */
export function layerOf(file: string): string | undefined {
  if (file.startsWith('client/src/webview/')) return 'webview';
  if (file.startsWith('client/src/')) return 'client';
  if (!file.startsWith('server/src/')) return undefined;
  const rest = file.slice('server/src/'.length);
  const top = rest.includes('/') ? rest.slice(0, rest.indexOf('/')) : rest.replace(/\.ts$/, '');
  if (top === 'l10n') return 'util';
  if (top === 'kustomize' || top === 'inventoryManager') return 'edge';
  if (top === 'server' || top === 'cli' || top === 'lsp') return 'front';
  return top;
}

/** Which layers each layer may import (at run time); anything else is a wrong arrow. */
const ALLOWED: Record<string, readonly string[]> = {
  util: [],
  yaml: ['util'],
  k8s: ['util'],
  schema: ['yaml', 'util'],
  placement: ['k8s', 'util'],
  remedy: ['placement', 'yaml', 'k8s', 'util'],
  rules: ['remedy', 'schema', 'placement', 'yaml', 'k8s', 'util'],
  analysis: ['rules', 'remedy', 'schema', 'placement', 'yaml', 'k8s', 'util'],
  service: ['analysis', 'rules', 'remedy', 'schema', 'placement', 'yaml', 'k8s', 'util'],
  inventory: ['placement', 'k8s', 'util'],
  protocol: [],
  edge: ['inventory', 'placement', 'util'],
  front: ['edge', 'inventory', 'service', 'analysis', 'rules', 'remedy', 'schema', 'placement', 'yaml', 'k8s', 'util', 'protocol'],
};
/** Type-only imports may also reach the shared types of the protocol (and what it describes). */
const ALLOWED_TYPES: Record<string, readonly string[]> = {
  service: ['protocol'],
  protocol: ['placement', 'yaml'],
  edge: ['protocol'],
};

/** The pure layers: no files, network, processes or LSP connection. */
const PURE = new Set(['util', 'yaml', 'k8s', 'schema', 'placement', 'remedy', 'rules', 'analysis', 'service']);
const IMPURE_MODULES = /^(node:)?(fs|net|http|https|http2|tls|child_process|dgram|worker_threads|cluster)$|^vscode-languageserver$|^@kubernetes\/client-node$/;
/** l10n.ts reads the message bundle, once, when an edge (server initialize, CLI --lang) configures it. */
const PURE_EXCEPTIONS = new Set(['server/src/l10n.ts']);

/** The wrong arrows of a set of imports. */
export function violations(imports: readonly Import[]): string[] {
  const out: string[] = [];
  for (const i of imports) {
    const from = layerOf(i.from);
    if (!from) continue;
    const where = `${i.from}:${i.line} → ${i.to}`;
    if (from === 'client') {
      if (i.to.startsWith('server/') && i.to !== 'server/src/protocol.ts')
        out.push(`${where}: the client reaches the server only through server/src/protocol.ts`);
      if (i.to === 'yaml' && !i.typeOnly) out.push(`${where}: the client does not parse YAML (the server does)`);
      continue;
    }
    if (from === 'webview') {
      const local = i.to.startsWith('client/src/webview/') || i.to === 'client/src/panel/strings.ts';
      if (!i.typeOnly && !local) out.push(`${where}: the page imports only types from outside client/src/webview`);
      continue;
    }
    if (PURE.has(from) && !PURE_EXCEPTIONS.has(i.from) && IMPURE_MODULES.test(i.to))
      out.push(`${where}: the ${from} layer is pure (no I/O, no LSP connection)`);
    const to = i.to.startsWith('server/src/') ? layerOf(i.to) : i.to.startsWith('client/') ? 'client' : undefined;
    if (!to || to === from) continue;
    const ok = (ALLOWED[from] ?? []).includes(to) || (i.typeOnly && (ALLOWED_TYPES[from] ?? []).includes(to));
    if (!ok) out.push(`${where}: ${from} may not import ${to}`);
  }
  return out;
}

/** Run-time import cycles among the files (strongly connected components of more than one file). */
export function cycles(imports: readonly Import[]): string[][] {
  const edges = new Map<string, string[]>();
  for (const i of imports)
    if (!i.typeOnly && (i.to.startsWith('server/') || i.to.startsWith('client/'))) edges.set(i.from, [...(edges.get(i.from) ?? []), i.to]);
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const connect = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of edges.keys()) if (!idx.has(v)) connect(v);
  return out;
}

const all = [...filesUnder('server/src'), ...filesUnder('client/src')].flatMap((f) => importsOf(f));

describe('architecture', () => {
  it('every import points down the layers (ARCHITECTURE.md)', () => {
    assert.deepEqual(violations(all), []);
  });

  it('no module imports itself back through others', () => {
    assert.deepEqual(cycles(all), []);
  });

  it('every server file belongs to a known layer', () => {
    const unknown = filesUnder('server/src').filter((f) => !(layerOf(f)! in ALLOWED));
    assert.deepEqual(unknown, []);
  });

  it('the checker sees wrong arrows, impure imports, type-only escapes and cycles', () => {
    const fake = (from: string, to: string, typeOnly = false): Import => ({ from, to, typeOnly, line: 1 });
    assert.equal(violations([fake('server/src/rules/x.ts', 'server/src/service/y.ts')]).length, 1, 'rules → service');
    assert.equal(violations([fake('server/src/placement/x.ts', 'server/src/rules/y.ts')]).length, 1, 'placement → rules');
    assert.equal(violations([fake('server/src/service/x.ts', 'node:fs')]).length, 1, 'service reads files');
    assert.equal(violations([fake('server/src/service/x.ts', 'server/src/protocol.ts', true)]).length, 0, 'service may use protocol types');
    assert.equal(violations([fake('server/src/service/x.ts', 'server/src/protocol.ts')]).length, 1, 'but not its values');
    assert.equal(violations([fake('client/src/panel/x.ts', 'server/src/placement/resources.ts')]).length, 1, 'the client computes no Kubernetes');
    assert.equal(violations([fake('client/src/webview/x.ts', 'server/src/protocol.ts')]).length, 1, 'the page imports values');
    assert.deepEqual(cycles([fake('server/src/a.ts', 'server/src/b.ts'), fake('server/src/b.ts', 'server/src/a.ts')]), [
      ['server/src/a.ts', 'server/src/b.ts'],
    ]);
    assert.deepEqual(
      cycles([fake('server/src/a.ts', 'server/src/b.ts'), fake('server/src/b.ts', 'server/src/a.ts', true)]),
      [],
      'type-only imports make no cycle',
    );
    // And the parser: type-only named imports and re-exports are seen as such.
    const parsed = importsOf(
      'server/src/rules/x.ts',
      "import type { A } from '../service/a';\nimport { type B } from '../service/b';\nimport { C } from '../service/c';\nexport * from '../service/d';\n",
    );
    assert.deepEqual(
      parsed.map((p) => [p.to, p.typeOnly]),
      [
        ['server/src/service/a', true],
        ['server/src/service/b', true],
        ['server/src/service/c', false],
        ['server/src/service/d', false],
      ],
    );
  });

  it('the client bundle holds no YAML parser and no Kubernetes algorithm', () => {
    const clientImports = all.filter((i) => layerOf(i.from) === 'client' && !i.typeOnly);
    assert.deepEqual(
      clientImports.filter((i) => i.to === 'yaml' || (i.to.startsWith('server/') && i.to !== 'server/src/protocol.ts')).map((i) => `${i.from} → ${i.to}`),
      [],
    );
    // protocol.ts itself brings only types and the request/notification declarations.
    assert.deepEqual(
      importsOf('server/src/protocol.ts')
        .filter((i) => !i.typeOnly)
        .map((i) => i.to),
      ['vscode-languageserver-protocol'],
    );
  });
});
