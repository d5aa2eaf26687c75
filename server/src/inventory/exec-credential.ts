/**
 * A kubeconfig `exec` credential plugin (client.authentication.k8s.io ExecCredential), run the way
 * kubectl runs it and cached per its expiry:
 * - the output is reused until `status.expirationTimestamp` (a little before it), or, without
 *   one, until the server answers 401 (`invalidate()`), as client-go does;
 * - concurrent requests share one run; a failed run is not cached (the caller's backoff paces retries);
 * - the plugin gets `KUBERNETES_EXEC_INFO` and its `env` entries in its own environment (never
 *   this process's), no stdin (interactiveMode is not supported), a time bound after which it is
 *   killed, and bounded output;
 * - a relative command with a path separator resolves against the kubeconfig's directory (client-go),
 *   never against this process's working directory.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

export interface ExecConfig {
  command?: string;
  args?: string[];
  env?: { name: string; value: string }[] | null;
  apiVersion?: string;
}

export interface ExecCredentialStatus {
  token?: string;
  clientCertificateData?: string;
  clientKeyData?: string;
  /** ms since the epoch; Infinity when the plugin gave no expiry. */
  expiresAt: number;
}

/** Refresh this long before the plugin's expirationTimestamp (clock skew, request in flight). */
const EXPIRY_MARGIN_MS = 10_000;
const MAX_STDOUT_BYTES = 1024 * 1024;
const MAX_STDERR_BYTES = 64 * 1024;

export class ExecCredentialCache {
  private cached?: ExecCredentialStatus;
  private running?: Promise<ExecCredentialStatus>;
  /** How many times the plugin was started (tests, diagnostics). */
  runs = 0;

  constructor(
    private readonly exec: ExecConfig,
    private readonly kubeconfigDir: string,
    private readonly timeoutMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Promise<ExecCredentialStatus> {
    if (this.cached && this.now() < this.cached.expiresAt) return Promise.resolve(this.cached);
    this.running ??= this.run().then(
      (status) => {
        this.running = undefined;
        // An expiry already past is used for this request only.
        this.cached = status.expiresAt > this.now() ? status : undefined;
        return status;
      },
      (e: unknown) => {
        this.running = undefined;
        throw e;
      },
    );
    return this.running;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  private run(): Promise<ExecCredentialStatus> {
    const command = this.exec.command;
    if (!command) return Promise.reject(new Error('the exec credential plugin has no command'));
    const resolved = !path.isAbsolute(command) && /[\\/]/.test(command) ? path.resolve(this.kubeconfigDir, command) : command;
    const apiVersion = this.exec.apiVersion ?? 'client.authentication.k8s.io/v1';
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      KUBERNETES_EXEC_INFO: JSON.stringify({ apiVersion, kind: 'ExecCredential', spec: { interactive: false } }),
    };
    for (const e of this.exec.env ?? []) if (e && typeof e.name === 'string') env[e.name] = String(e.value ?? '');
    this.runs++;
    return new Promise((resolve, reject) => {
      const child = spawn(resolved, Array.isArray(this.exec.args) ? this.exec.args.map(String) : [], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      let outBytes = 0;
      let err = '';
      let failure: Error | undefined;
      const timer = setTimeout(() => {
        failure = new Error(`the credential plugin did not finish within ${Math.round(this.timeoutMs / 1000)}s`);
        child.kill('SIGKILL');
      }, this.timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => {
        outBytes += chunk.length;
        if (outBytes > MAX_STDOUT_BYTES) {
          failure ??= new Error(`the credential plugin wrote more than ${MAX_STDOUT_BYTES / 1024} KiB`);
          child.kill('SIGKILL');
          return;
        }
        out.push(chunk);
      });
      child.stderr.on('data', (chunk: Buffer) => {
        if (err.length < MAX_STDERR_BYTES) err += chunk.toString('utf8');
      });
      child.on('error', (e) => {
        failure ??= e;
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        if (failure) return reject(failure);
        if (code !== 0) return reject(new Error(err.trim() || `the credential plugin exited with code ${code}`));
        try {
          resolve(parseExecCredential(Buffer.concat(out).toString('utf8')));
        } catch (e) {
          reject(e as Error);
        }
      });
    });
  }
}

/** The plugin's stdout → what a request needs. Throws on anything that is not an ExecCredential with a status. */
export function parseExecCredential(text: string, now = Date.now()): ExecCredentialStatus {
  let obj: any;
  try {
    obj = JSON.parse(text);
  } catch (e) {
    throw new Error(`the credential plugin did not print an ExecCredential: ${(e as Error).message}`, { cause: e });
  }
  const status = obj?.status;
  if (!status || typeof status !== 'object') throw new Error('the credential plugin printed an ExecCredential without status');
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  let expiresAt = Number.POSITIVE_INFINITY;
  if (typeof status.expirationTimestamp === 'string') {
    const at = Date.parse(status.expirationTimestamp);
    // Unparseable: valid for this request only.
    expiresAt = Number.isNaN(at) ? now : at - Math.min(EXPIRY_MARGIN_MS, Math.max(0, (at - now) / 2));
  }
  return { token: str(status.token), clientCertificateData: str(status.clientCertificateData), clientKeyData: str(status.clientKeyData), expiresAt };
}
