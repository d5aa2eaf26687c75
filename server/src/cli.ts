/**
 * daemonset-check [files|dirs...] [--format text|json]
 * The CLI front door over the same language service. Exit 0: no error-severity diagnostic;
 * 1: some; 2: bad usage or unreadable input.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { analyzeText, KUBERNETES_VERSION, type Diagnostic } from './service';
import { isKustomizePatch } from './kustomize';

const USAGE = `usage: daemonset-check [files|dirs...] [--format text|json]
Checks Kubernetes DaemonSet manifests (*.yaml, *.yml; directories are walked).
Exit status: 0 no errors, 1 errors found, 2 bad usage or unreadable input.`;

interface FileReport {
  path: string;
  diagnostics: Diagnostic[];
}

class UsageError extends Error {}

function parseArgs(argv: string[]): { format: 'text' | 'json'; inputs: string[] } {
  let format: 'text' | 'json' = 'text';
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--format' || a === '-f') {
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
  return { format, inputs };
}

function collect(input: string, out: string[]): void {
  const st = statSync(input); // throws for missing paths
  if (st.isDirectory()) {
    for (const name of readdirSync(input).sort()) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const p = path.join(input, name);
      const s = statSync(p);
      if (s.isDirectory()) collect(p, out);
      else if (/\.ya?ml$/i.test(name)) out.push(p);
    }
  } else out.push(input);
}

function formatText(reports: FileReport[]): string {
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
  lines.push(`${reports.length} file(s) checked: ${errors} error(s), ${warnings} warning(s), ${others} other finding(s).`);
  return lines.join('\n') + '\n';
}

function formatJson(reports: FileReport[]): string {
  return (
    JSON.stringify(
      {
        version: 1,
        files: reports.map((r) => ({
          path: r.path,
          diagnostics: r.diagnostics.map((d) => ({ range: d.range, severity: d.severity, code: d.code, message: d.message, path: d.path })),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}

export function main(argv: string[]): number {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (e) {
    const msg = (e as Error).message;
    process.stderr.write(msg ? `daemonset-check: ${msg}\n${USAGE}\n` : `${USAGE}\n`);
    return msg ? 2 : 0;
  }
  const files: string[] = [];
  for (const input of args.inputs) {
    try {
      collect(input, files);
    } catch (e) {
      process.stderr.write(`daemonset-check: cannot read ${input}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}\n`);
      return 2;
    }
  }
  const reports: FileReport[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      process.stderr.write(`daemonset-check: cannot read ${file}: ${(e as Error).message}\n`);
      return 2;
    }
    // The CLI checks whole files whatever their size: no editor to keep responsive.
    const diagnostics = analyzeText(text, { partial: isKustomizePatch(file), maxFileSize: Number.MAX_SAFE_INTEGER });
    reports.push({ path: file, diagnostics });
  }
  process.stdout.write(args.format === 'json' ? formatJson(reports) : formatText(reports));
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
