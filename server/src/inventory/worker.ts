/**
 * Host side of the parsing worker (`parse-worker.ts`, built to dist/parse-worker.js): one worker
 * thread per job, with a heap limit and a deadline of its own. A worker that runs out of memory,
 * crashes or overruns its deadline is ended and reported as a `ParseWorkerError`; the caller's
 * thread (the server's event loop) only waits.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { t } from '../l10n';
import type { JobChunk, JobReply, ParseJob } from './parse-worker';

/**
 * The worker's heap, MiB. Parsing YAML costs some 30 bytes of heap per byte of text, so a
 * 50 MiB inventory fits; DAEMONSET_PARSE_WORKER_MAX_MB lowers (or raises) it.
 */
export function workerHeapMb(): number {
  const fromEnv = Number(process.env.DAEMONSET_PARSE_WORKER_MAX_MB);
  return Number.isFinite(fromEnv) && fromEnv >= 16 ? fromEnv : 2048;
}

export class ParseWorkerError extends Error {
  constructor(
    readonly kind: 'memory' | 'timeout' | 'crash',
    message: string,
  ) {
    super(message);
    this.name = 'ParseWorkerError';
  }
}

function startWorker(heapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, heapMb / 8)), stackSizeMb: 4 };
  // dist/: the bundle beside server.js and cli.js. Sources (tests under tsx): the TypeScript through tsx.
  const built = path.join(__dirname, 'parse-worker.js');
  if (existsSync(built)) return new Worker(built, { resourceLimits });
  const source = path.join(__dirname, 'parse-worker.ts');
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(source)});`, { eval: true, resourceLimits });
}

/** Runs one parse job in a fresh worker; the bytes are transferred to it (the caller's copies become empty). */
export function runInWorker(job: ParseJob, timeoutMs: number): Promise<JobReply> {
  const heapMb = workerHeapMb();
  const worker = startWorker(heapMb);
  const transfer = job.kind === 'kustomization' ? [job.bytes.buffer] : job.files.map((f) => f.bytes.buffer);
  return new Promise<JobReply>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => finish(() => reject(new ParseWorkerError('timeout', t('parsing took longer than {0} s; it was stopped', Math.round(timeoutMs / 1000))))),
      timeoutMs,
    );
    const received = { nodes: [] as any[], pods: [] as any[] };
    worker.on('message', (m: JobReply | JobChunk) => {
      if ('chunk' in m) {
        for (const item of m.items) received[m.chunk].push(item);
        return;
      }
      if (m.ok && m.inventory) m.inventory = { ...m.inventory, nodes: received.nodes, pods: received.pods };
      finish(() => resolve(m));
    });
    worker.once('error', (e: Error & { code?: string }) =>
      finish(() =>
        reject(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new ParseWorkerError('memory', t('parsing needed more than {0} MiB of memory; it was stopped', heapMb))
            : new ParseWorkerError('crash', t('parsing failed: {0}', e.message)),
        ),
      ),
    );
    worker.once('exit', (code) => finish(() => reject(new ParseWorkerError('crash', t('parsing failed: the worker exited with code {0}', code)))));
    worker.postMessage(job, transfer as ArrayBuffer[]);
  });
}
