/**
 * daemonset-check [files|dirs...] [--format text|json] [--lang LOCALE] [--follow-symlinks]
 * The CLI front door over the same language service. Exit 0: no error-severity diagnostic;
 * 1: some; 2: bad usage or unreadable input (every other file is still checked first).
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { createLanguageService, inventoryLabel, KUBERNETES_VERSION, type DaemonSetPlacementView, type Diagnostic } from './service';
import { KustomizePatches } from './kustomize';
import { decodeUtf8, fsRefusal, readFileBoundedSync } from './inventory/bounded-read';
import { reasonLabel } from './placement/reasons';
import type { Inventory, NodePlacement, PlacementReason } from './placement/types';
import { sampleInventory } from './inventory/sample';
import { loadInventoryFiles } from './inventory/file-reader';
import { ClusterInventorySource } from './inventory/cluster';
import { bundleDirFrom, configureLocale, t } from './l10n';
import { curedBy, groupRemedies, type NodeRemedies, type Remedy } from './remedy';
import { fixesByReason, reasonRange, type FrontFix } from './service/panel';

const USAGE = `usage: daemonset-check [files|dirs...] [--format text|json] [--lang LOCALE] [--follow-symlinks]
                       [--sample | --inventory FILE[,FILE] | --context NAME [--kubeconfig FILE]]
Checks Kubernetes DaemonSet manifests (*.yaml, *.yml; directories are walked).
  --lang LOCALE     language of the messages, e.g. ko (default: English; Kubernetes' own
                    wording, field names and the JSON keys stay as they are)
  --follow-symlinks follow symbolic links to directories while walking (default: skip them;
                    links to files are checked like files)
With an inventory, also previews where each DaemonSet runs and why not:
  --sample          the bundled sample cluster (15 nodes)
  --inventory FILE  nodes (and pods) as \`kubectl get nodes,pods -A -o yaml\` prints them
  --context NAME    a live cluster from your kubeconfig (read-only: list nodes and pods)
Exit status: 0 no errors, 1 errors found, 2 bad usage or unreadable input (reported per file;
the other files are still checked).`;

/**
 * A manifest is read only when it is a regular file (or a link to one) of at most this size: ten
 * times the largest single-file manifests in use (CRD bundles of a few MiB), and a bound on what a
 * link to /dev/zero or an endless file can cost.
 */
export const MAX_MANIFEST_BYTES = 32 * 1024 * 1024;

interface FileReport {
  path: string;
  diagnostics: Diagnostic[];
  placements?: DaemonSetPlacementView[];
}

type InventoryChoice = { kind: 'sample' } | { kind: 'file'; files: string[] } | { kind: 'cluster'; context: string; kubeconfig?: string };

class UsageError extends Error {}

function parseArgs(argv: string[]): { format: 'text' | 'json'; inputs: string[]; inventory?: InventoryChoice; lang?: string; followSymlinks: boolean } {
  let format: 'text' | 'json' = 'text';
  let followSymlinks = false;
  let lang: string | undefined;
  const inputs: string[] = [];
  let inventory: InventoryChoice | undefined;
  let kubeconfig: string | undefined;
  const setInventory = (c: InventoryChoice) => {
    if (inventory) throw new UsageError('choose one of --sample, --inventory and --context');
    inventory = c;
  };
  const value = (flag: string, v: string | undefined) => {
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--sample') setInventory({ kind: 'sample' });
    else if (a === '--inventory') setInventory({ kind: 'file', files: value(a, argv[++i]).split(',') });
    else if (a.startsWith('--inventory=')) setInventory({ kind: 'file', files: a.slice(12).split(',') });
    else if (a === '--context') setInventory({ kind: 'cluster', context: value(a, argv[++i]) });
    else if (a.startsWith('--context=')) setInventory({ kind: 'cluster', context: a.slice(10) });
    else if (a === '--kubeconfig') kubeconfig = value(a, argv[++i]);
    else if (a.startsWith('--kubeconfig=')) kubeconfig = a.slice(13);
    else if (a === '--follow-symlinks') followSymlinks = true;
    else if (a === '--lang') lang = value(a, argv[++i]);
    else if (a.startsWith('--lang=')) lang = a.slice('--lang='.length);
    else if (a === '--format' || a === '-f') {
      const v = argv[++i];
      if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be text or json, not ${v === undefined ? 'nothing' : JSON.stringify(v)}`);
      format = v;
    } else if (a.startsWith('--format=')) {
      const v = a.slice('--format='.length);
      if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be text or json, not ${JSON.stringify(v)}`);
      format = v;
    } else if (a === '--help' || a === '-h') {
      throw new UsageError('');
    } else if (a === '--version') {
      process.stdout.write(`daemonset-check 0.1.0 (Kubernetes ${KUBERNETES_VERSION})\n`);
      process.exit(0);
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown option ${a}`);
    } else inputs.push(a);
  }
  if (inputs.length === 0) throw new UsageError('no files or directories given');
  if (kubeconfig !== undefined) {
    if (inventory?.kind !== 'cluster') throw new UsageError('--kubeconfig goes with --context');
    inventory.kubeconfig = kubeconfig;
  }
  return { format, inputs, inventory, lang, followSymlinks };
}

async function loadInventory(choice: InventoryChoice): Promise<Inventory> {
  if (choice.kind === 'sample') return sampleInventory();
  if (choice.kind === 'file') return loadInventoryFiles(choice.files);
  const source = new ClusterInventorySource({ context: choice.context, kubeconfigPath: choice.kubeconfig, watch: false });
  try {
    return await source.start();
  } finally {
    await source.stop();
  }
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function reasonText(n: NodePlacement): string {
  // A node won by preemption says what preemption resolves, so it does not read like a free node.
  if (n.verdict === 'runs' && n.preempts?.length) return (n.preemptedReasons ?? []).map((r) => `${r.predicate}: ${reasonLabel(r)}`).join('; ');
  if (n.verdict === 'runs') return n.existingPod === 'kept' ? t('already running') : '';
  return n.reasons.map((r) => `${r.predicate}: ${reasonLabel(r)}`).join('; ');
}

/** The verdict as kubectl-like text: `runs (preempts ns/name)` where the pod runs only by preempting others (the JSON lists them all). */
function verdictText(n: NodePlacement): string {
  const victims = n.preempts ?? [];
  if (victims.length === 0) return n.verdict;
  const first = `${victims[0].namespace}/${victims[0].name}`;
  return `${n.verdict} (preempts ${first}${victims.length > 1 ? ` and ${victims.length - 1} more` : ''})`;
}

function formatPlacement(p: DaemonSetPlacementView, inventory: Inventory): string {
  const r = p.placement;
  // The column names and verdicts stay as kubectl and the JSON output spell them.
  const lines = [
    `\n${t('{0} on {1} ({2} nodes): DESIRED {3}', `${p.namespace ? `${p.namespace}/` : ''}${p.name}`, inventoryLabel(inventory), r.nodes.length, r.desired)}` +
      (r.current !== undefined ? `  CURRENT ${r.current}  READY ${r.ready ?? 0}  MISSCHEDULED ${r.misscheduled ?? 0}` : '') +
      `  — ${
        r.preempting
          ? t('runs {0} ({1} by preempting other pods), pending {2}, excluded {3}', r.counts.runs, r.preempting, r.counts.pending, r.counts.excluded)
          : t('runs {0}, pending {1}, excluded {2}', r.counts.runs, r.counts.pending, r.counts.excluded)
      }`,
  ];
  const w = Math.max(4, ...r.nodes.map((n) => n.name.length));
  const verdicts = r.nodes.map(verdictText);
  const vw = Math.max(8, ...verdicts.map((v) => v.length));
  lines.push(`  ${pad('NODE', w)}  ${pad('VERDICT', vw)}  REASON`);
  r.nodes.forEach((n, i) => lines.push(`  ${pad(n.name, w)}  ${pad(verdicts[i], vw)}  ${reasonText(n)}`.trimEnd()));
  lines.push(...remedyLines(p));
  return lines.join('\n');
}

const MAX_ADVICE = 5;

/** After the table: the proven manifest edits that make the left-out nodes run, and for the nodes no edit helps, why. */
function remedyLines(p: DaemonSetPlacementView): string[] {
  const out = p.placement.nodes.filter((n) => n.verdict !== 'runs').map((n) => n.name);
  if (out.length === 0) return [];
  const remedies = p.remedies();
  const lines: string[] = [];
  const fixes = groupRemedies(remedies, out, undefined, 6, { countCured: false });
  if (fixes.length > 0) {
    lines.push(`  ${t('Edits proven to make nodes run (re-checked on this inventory):')}`);
    for (const f of fixes) lines.push(`    - ${f.title}: ${f.nodes.join(', ')}`);
  }
  const cured = new Set(fixes.flatMap((f) => f.nodes));
  const advice = out
    .filter((name) => !cured.has(name) && (remedies.get(name)?.fixes.length ?? 0) === 0)
    .flatMap((name) => (remedies.get(name)?.advice ?? []).map((a) => `  ${name}: ${a}`));
  lines.push(...advice.slice(0, MAX_ADVICE));
  if (advice.length > MAX_ADVICE) lines.push(`  ${t('… and {0} more (every node’s advice is in --format json)', advice.length - MAX_ADVICE)}`);
  return lines;
}

/** A file or directory that could not be checked, and why. */
interface Unreadable {
  path: string;
  error: string;
}

const YAML_NAME = /\.ya?ml$/i;

/**
 * The manifests under the inputs, in order. Directories are walked, skipping node_modules and dot
 * entries; a symbolic link to a directory is followed only with `followSymlinks` (then each
 * directory once, so a loop ends), a link to a file counts like the file. What cannot be read — a
 * missing input, a dangling link or a link loop with a YAML name, an unreadable directory — is
 * recorded in `problems` and the walk goes on.
 */
function collect(inputs: string[], followSymlinks: boolean, problems: Unreadable[], notes: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (dir: string) => {
    let entries: Dirent[];
    try {
      const st = statSync(dir);
      const id = `${st.dev}:${st.ino}`;
      if (seen.has(id)) return;
      seen.add(id);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      problems.push({ path: dir, error: fsRefusal(dir, e).detail });
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const name = entry.name;
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const p = path.join(dir, name);
      if (entry.isSymbolicLink()) {
        let target;
        try {
          target = statSync(p);
        } catch (e) {
          // A broken link is reported where a manifest was expected; other names were never going to be read.
          if (YAML_NAME.test(name)) problems.push({ path: p, error: fsRefusal(p, e).detail });
          continue;
        }
        if (target.isDirectory()) {
          if (followSymlinks) walk(p);
          else notes.push(t('{0}: a symbolic link to a directory; not followed (--follow-symlinks follows it)', p));
        } else if (YAML_NAME.test(name)) out.push(p);
      } else if (entry.isDirectory()) walk(p);
      else if (YAML_NAME.test(name)) out.push(p);
    }
  };
  for (const input of inputs) {
    let st;
    try {
      st = statSync(input);
    } catch (e) {
      const refusal = fsRefusal(input, e);
      problems.push({ path: input, error: refusal.detail === t('file not found') ? t('no such file or directory') : refusal.detail });
      continue;
    }
    // A directory named on the command line is walked even through a link: the user chose it.
    if (st.isDirectory()) walk(input);
    else out.push(input);
  }
  return out;
}

function formatText(reports: FileReport[], inventory: Inventory | undefined, problems: Unreadable[]): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let others = 0;
  for (const r of reports) {
    for (const d of r.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      else others++;
      lines.push(`${r.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity}: ${d.message} [${d.code}]`);
    }
  }
  if (inventory) for (const r of reports) for (const p of r.placements ?? []) lines.push(`${r.path}:${formatPlacement(p, inventory)}\n`);
  lines.push(t('{0} file(s) checked: {1} error(s), {2} warning(s), {3} other finding(s).', reports.length, errors, warnings, others));
  if (problems.length) lines.push(t('{0} file(s) or folder(s) could not be read (listed on stderr).', problems.length));
  return lines.join('\n') + '\n';
}

/** A reason with where it comes from in the file and the proven fixes shown with it (each fix under the first reason it cures). */
function jsonReason(view: DaemonSetPlacementView, x: PlacementReason, fixes?: FrontFix[]) {
  return {
    predicate: x.predicate,
    message: x.message,
    ...(x.code ? { code: x.code } : {}),
    ...(x.taint ? { taint: x.taint } : {}),
    ...(x.resource ? { resource: x.resource } : {}),
    ...(x.ports ? { ports: x.ports } : {}),
    ...(x.pods ? { pods: x.pods } : {}),
    ...(x.detail ? { detail: x.detail } : {}),
    range: reasonRange(view, x),
    ...(fixes?.length ? { fixes } : {}),
  };
}

/** A node of the JSON output: its reasons with the remedies proven to make it run, what the scheduler reports next, preemption, and node-side advice. */
function jsonNode(view: DaemonSetPlacementView, n: NodePlacement, remedies: ReadonlyMap<string, NodeRemedies>, cures: (r: Remedy) => ReadonlySet<string>) {
  const r = remedies.get(n.name);
  const byReason = fixesByReason(view, n.reasons, r, cures);
  return {
    name: n.name,
    verdict: n.verdict,
    existingPod: n.existingPod,
    reasons: n.reasons.map((x, i) => jsonReason(view, x, byReason[i])),
    ...(n.laterReasons?.length ? { laterReasons: n.laterReasons.map((x) => jsonReason(view, x)) } : {}),
    ...(n.preempts?.length ? { preempts: n.preempts, preemptedReasons: (n.preemptedReasons ?? []).map((x) => jsonReason(view, x)) } : {}),
    ...(r?.advice.length ? { advice: r.advice } : {}),
  };
}

function formatJson(reports: FileReport[], inventory: Inventory | undefined, problems: Unreadable[]): string {
  return (
    JSON.stringify(
      {
        version: 1,
        files: reports.map((r) => ({
          path: r.path,
          diagnostics: r.diagnostics.map((d) => ({ range: d.range, severity: d.severity, code: d.code, message: d.message, path: d.path })),
          ...(inventory
            ? {
                daemonsets: (r.placements ?? []).map((p) => ({
                  name: p.name,
                  namespace: p.namespace,
                  range: p.range,
                  placement: {
                    inventory: { source: inventory.source, name: inventory.name, nodes: inventory.nodes.length },
                    desired: p.placement.desired,
                    current: p.placement.current,
                    ready: p.placement.ready,
                    misscheduled: p.placement.misscheduled,
                    counts: p.placement.counts,
                    preempting: p.placement.preempting,
                    nodes: ((remedies) => p.placement.nodes.map((n) => jsonNode(p, n, remedies, curedBy(remedies))))(p.remedies()),
                  },
                })),
              }
            : {}),
        })),
        // Files and folders that could not be checked (exit status 2).
        ...(problems.length ? { errors: problems.map((p) => ({ path: p.path, message: p.error })) } : {}),
      },
      null,
      2,
    ) + '\n'
  );
}

export async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (e) {
    const msg = (e as Error).message;
    process.stderr.write(msg ? `daemonset-check: ${msg}\n${USAGE}\n` : `${USAGE}\n`);
    return msg ? 2 : 0;
  }
  // Every run sets the language (English by default), so CI output stays stable.
  configureLocale(args.lang, bundleDirFrom(__dirname));
  const problems: Unreadable[] = [];
  const notes: string[] = [];
  const files = collect(args.inputs, args.followSymlinks, problems, notes);
  const reportProblem = (p: Unreadable) => process.stderr.write(`daemonset-check: ${t('cannot read {0}: {1}', p.path, p.error)}\n`);
  problems.forEach(reportProblem);
  for (const n of notes) process.stderr.write(`daemonset-check: ${n}\n`);
  let inventory: Inventory | undefined;
  if (args.inventory) {
    try {
      inventory = await loadInventory(args.inventory);
    } catch (e) {
      process.stderr.write(`daemonset-check: ${t('cannot load the inventory: {0}', (e as Error).message)}\n`);
      return 2;
    }
    for (const m of inventory.messages) process.stderr.write(`daemonset-check: ${inventoryLabel(inventory)}: ${m}\n`);
  }
  // The CLI checks whole files whatever their size: no editor to keep responsive.
  const service = createLanguageService({ inventory, maxFileSize: Number.MAX_SAFE_INTEGER });
  const reports: FileReport[] = [];
  const kustomize = new KustomizePatches({ warn: (m) => process.stderr.write(`daemonset-check: ${m}\n`) });
  for (const file of files) {
    let text: string;
    try {
      text = decodeUtf8(readFileBoundedSync(file, { maxBytes: MAX_MANIFEST_BYTES }).bytes);
    } catch (e) {
      const problem = { path: file, error: fsRefusal(file, e).detail };
      problems.push(problem);
      reportProblem(problem);
      continue;
    }
    const diagnostics = service.diagnostics(text, { partial: await kustomize.whenKnown(file) });
    reports.push({ path: file, diagnostics, placements: inventory ? service.placements(text) : undefined });
  }
  process.stdout.write(args.format === 'json' ? formatJson(reports, inventory, problems) : formatText(reports, inventory, problems));
  if (problems.length) return 2;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`daemonset-check: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 2;
    },
  );
}
