/**
 * `npm run lint` (and so `npm test`) fails on a regular expression whose matching time grows
 * faster than linearly with its input (ReDoS). ESLint's eslint-plugin-regexp rules look for
 * known shapes and missed several (issue 10); this runs recheck, an automaton- and fuzz-based
 * checker, on every regular expression literal and every `new RegExp('literal')` /
 * `RegExp('literal')` (a template of the file's `const` strings counts) in server/, client/,
 * scripts/ and test/helpers, read with the TypeScript parser. A vulnerable one is printed with recheck's attack string and fails the run.
 *
 * Deterministic: a fixed seed and no time-based limits (step limits only), so the verdict does
 * not depend on how busy the machine is. recheck picks its fastest backend (the native binary of
 * recheck-linux-x64 and friends, else its pure-JavaScript build); RECHECK_BACKEND=pure forces
 * the JavaScript one. Both run offline.
 *
 *   tsx scripts/check-regex.ts            check, print the vulnerable ones
 *   tsx scripts/check-regex.ts --list     also print every regex with its verdict
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSync, type Diagnostics, type Parameters } from 'recheck';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIRS = ['server/src', 'client/src', 'scripts', 'test/helpers'];
const EXT = /\.(?:[cm]?ts|[cm]?js)$/;

/**
 * Regexes accepted although recheck calls them vulnerable. Each entry needs a reason a reviewer
 * can check (why its input is bounded or trusted); an entry that no longer matches a regex in
 * its file fails the run, so the list cannot go stale.
 */
const ALLOWED: { file: string; source: string; why: string }[] = [];

const PARAMS: Parameters = {
  randomSeed: 0,
  // Step limits instead of wall-clock ones: the same verdict on a loaded machine.
  timeout: null,
  incubationTimeout: null,
  seedingTimeout: null,
  recallTimeout: -1,
};

interface Found {
  file: string;
  line: number;
  source: string;
  flags: string;
}

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(rel));
    else if (EXT.test(e.name) && !e.name.endsWith('.d.ts') && !e.name.endsWith('.d.mts')) out.push(rel);
  }
  return out;
}

/**
 * A string the code spells out: 'x', "x", `x`, or a template whose substitutions are `const`
 * strings of the same file (k8s/syntax.ts builds Kubernetes' patterns that way).
 */
function literalText(node: ts.Expression | undefined, consts: Map<string, ts.Expression>, depth = 0): string | undefined {
  if (!node || depth > 20) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression, consts, depth + 1);
  if (ts.isIdentifier(node)) return literalText(consts.get(node.text), consts, depth + 1);
  if (ts.isTemplateExpression(node)) {
    let out = node.head.text;
    for (const span of node.templateSpans) {
      const part = literalText(span.expression, consts, depth + 1);
      if (part === undefined) return undefined;
      out += part + span.literal.text;
    }
    return out;
  }
  return undefined;
}

function collect(file: string): { found: Found[]; dynamic: number } {
  const text = readFileSync(path.join(root, file), 'utf8');
  const kind = /\.[cm]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found: Found[] = [];
  let dynamic = 0;
  const consts = new Map<string, ts.Expression>();
  const collectConsts = (node: ts.Node): void => {
    if (ts.isVariableDeclarationList(node) && node.flags & ts.NodeFlags.Const)
      for (const d of node.declarations) if (ts.isIdentifier(d.name) && d.initializer) consts.set(d.name.text, d.initializer);
    ts.forEachChild(node, collectConsts);
  };
  collectConsts(sf);
  const at = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const lit = node.getText(sf);
      const slash = lit.lastIndexOf('/');
      found.push({ file, line: at(node), source: lit.slice(1, slash), flags: lit.slice(slash + 1) });
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      const source = literalText(node.arguments?.[0], consts);
      const flags = node.arguments && node.arguments.length > 1 ? literalText(node.arguments[1], consts) : '';
      if (source !== undefined && flags !== undefined) found.push({ file, line: at(node), source, flags });
      else dynamic++;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { found, dynamic };
}

function describe(d: Diagnostics): string {
  if (d.status === 'vulnerable') return `${d.complexity.summary}; attack: ${d.attack.pattern}`;
  if (d.status === 'unknown') return `unknown (${(d.error as { kind?: string }).kind ?? String(d.error)})`;
  return d.complexity.summary;
}

const list = process.argv.includes('--list');
const started = Date.now();
const all: Found[] = [];
let dynamic = 0;
for (const dir of DIRS) {
  for (const file of files(dir)) {
    const r = collect(file);
    all.push(...r.found);
    dynamic += r.dynamic;
  }
}

// The same pattern is checked once.
const verdicts = new Map<string, Diagnostics>();
const problems: string[] = [];
const usedAllowances = new Set<(typeof ALLOWED)[number]>();
for (const r of all) {
  const id = `/${r.source}/${r.flags}`;
  let d = verdicts.get(id);
  if (!d) {
    d = checkSync(r.source, r.flags, PARAMS);
    verdicts.set(id, d);
  }
  if (list) console.log(`${r.file}:${r.line} ${id} ${d.status}: ${describe(d)}`);
  if (d.status === 'safe') continue;
  const allowed = ALLOWED.find((a) => a.file === r.file && a.source === r.source);
  if (allowed) {
    usedAllowances.add(allowed);
    continue;
  }
  // An unknown verdict (recheck could not decide) fails too: it must be rewritten or allowed with a reason.
  problems.push(`${r.file}:${r.line} ${id}\n    ${d.status}: ${describe(d)}`);
}
for (const a of ALLOWED) {
  if (!a.why.trim()) problems.push(`allow-list entry without a reason: ${a.file} /${a.source}/`);
  if (!usedAllowances.has(a)) problems.push(`stale allow-list entry (no such vulnerable regex any more): ${a.file} /${a.source}/`);
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (problems.length) {
  console.error(`check-regex: ${problems.length} regular expression(s) can take super-linear time:\n${problems.join('\n')}`);
  console.error('Rewrite each as a linear scan or a pattern without ambiguous repetition (see server/src/yaml/context.ts).');
  process.exit(1);
}
console.log(`check-regex: ${all.length} regexes (${verdicts.size} distinct) safe, ${dynamic} built at run time not checked, ${seconds} s`);
