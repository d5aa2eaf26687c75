/**
 * npm run docs — writes docs/rules/<id>.md for every rule of the registry (from its meta) and
 * docs/rules/README.md (the index). `--check` writes nothing and exits 1 when the committed
 * pages differ from what the registry produces. Rendering is pure (renderRuleDocs); only main
 * touches the file system.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { allRules } from '../server/src/rules';
import type { Rule, RuleCategory } from '../server/src/rules/types';

export const DOCS_DIR = path.join('docs', 'rules');

const GENERATED = "<!-- Generated from the rule registry by scripts/gen-rule-docs.ts: edit the rule's meta, then run `npm run docs`. -->";

const CATEGORY: Record<RuleCategory, { name: string; about: string }> = {
  yaml: { name: 'YAML', about: 'The file cannot be read as Kubernetes would read it.' },
  schema: { name: 'Schema', about: 'The manifest does not fit the Kubernetes API schema (fields, types, allowed values).' },
  api: { name: 'API server validation', about: "Kubernetes' own validation rejects the DaemonSet: `kubectl apply` fails with the message shown." },
  practice: { name: 'Production practice', about: 'Accepted by Kubernetes, but hurts node agents in production.' },
  placement: { name: 'Placement', about: 'Where the DaemonSet will (not) run, judged against a node inventory.' },
};

const ORDER: RuleCategory[] = ['yaml', 'schema', 'api', 'practice', 'placement'];

function yamlBlock(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '\n') end--;
  return ['```yaml', text.slice(0, end), '```'].join('\n');
}

export function renderRulePage(rule: Rule): string {
  const m = rule.meta;
  const cat = CATEGORY[m.category];
  const out: string[] = [
    `# \`${m.id}\` — ${m.title}`,
    '',
    GENERATED,
    '',
    '| | |',
    '|---|---|',
    `| Category | ${cat.name} |`,
    `| Default severity | ${m.defaultSeverity} |`,
    `| Quick fix | ${m.fix ? 'yes' : 'no'} |`,
    '',
    m.description,
    '',
  ];
  if (m.severityNote) out.push(`**Why ${m.defaultSeverity}:** ${m.severityNote}`, '');
  if (m.bad || m.good) {
    out.push('## Example', '');
    if (m.bad) out.push('Reported:', '', yamlBlock(m.bad), '');
    if (m.good) out.push('Accepted:', '', yamlBlock(m.good), '');
  }
  if (m.fix) out.push('## Quick fix', '', m.fix, '');
  out.push(
    '## Turning it off',
    '',
    'For the whole workspace, in the VS Code settings (severity `off`, `hint`, `information`, `warning` or `error`):',
    '',
    '```json',
    `"daemonset.rules": { "${m.id}": "off" }`,
    '```',
    '',
    `For one line, a comment at its end or on the line above: \`# daemonset-ignore ${m.id}\`. For a whole document: \`# daemonset-ignore-document ${m.id}\`.`,
    '',
    '[All rules](README.md)',
    '',
  );
  return out.join('\n');
}

export function renderIndex(rules: readonly Rule[]): string {
  const out: string[] = [
    '# DaemonSet rules',
    '',
    GENERATED,
    '',
    "Every diagnostic carries its rule id as its code. Change a rule's severity or turn it off with the `daemonset.rules` setting, or silence it in the file with `# daemonset-ignore <id>`.",
    '',
  ];
  for (const category of ORDER) {
    const inCat = rules.filter((r) => r.meta.category === category);
    if (inCat.length === 0) continue;
    out.push(`## ${CATEGORY[category].name}`, '', CATEGORY[category].about, '', '| Rule | Severity | Quick fix | What it reports |', '|---|---|---|---|');
    for (const r of inCat)
      out.push(`| [\`${r.meta.id}\`](${r.meta.id}.md) | ${r.meta.defaultSeverity} | ${r.meta.fix ? 'yes' : ''} | ${r.meta.title.replace(/\|/g, '\\|')} |`);
    out.push('');
  }
  return out.join('\n');
}

/** File name (relative to docs/rules) → content, for every rule and the index. */
export function renderRuleDocs(rules: readonly Rule[] = allRules): Map<string, string> {
  const files = new Map<string, string>();
  for (const r of rules) files.set(`${r.meta.id}.md`, renderRulePage(r));
  files.set('README.md', renderIndex(rules));
  return files;
}

function main(argv: string[]): number {
  const root = path.resolve(__dirname, '..');
  const dir = path.join(root, DOCS_DIR);
  const files = renderRuleDocs();
  const existing = (() => {
    try {
      return readdirSync(dir).filter((f) => f.endsWith('.md'));
    } catch {
      return [];
    }
  })();
  const stale = existing.filter((f) => !files.has(f));
  if (argv.includes('--check')) {
    const differ = [...files].filter(([f, text]) => {
      try {
        return readFileSync(path.join(dir, f), 'utf8') !== text;
      } catch {
        return true;
      }
    });
    for (const [f] of differ) process.stderr.write(`out of date: ${path.join(DOCS_DIR, f)}\n`);
    for (const f of stale) process.stderr.write(`no such rule: ${path.join(DOCS_DIR, f)}\n`);
    if (differ.length || stale.length) {
      process.stderr.write('run `npm run docs`\n');
      return 1;
    }
    return 0;
  }
  mkdirSync(dir, { recursive: true });
  for (const f of stale) rmSync(path.join(dir, f));
  for (const [f, text] of files) writeFileSync(path.join(dir, f), text);
  process.stdout.write(`${files.size - 1} rule pages and the index written to ${DOCS_DIR}${stale.length ? ` (${stale.length} stale removed)` : ''}\n`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
