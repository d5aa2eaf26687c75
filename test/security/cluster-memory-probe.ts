/**
 * Run by test/security/cluster.test.ts in a child process, so that its peak memory is its own:
 * a loopback API server sends one hostile answer (`hugePage`: a 120 MiB node list of 3.8 million
 * tiny nodes; `endlessLine`: a watch line that never ends), a ClusterInventorySource reads it, and
 * the probe prints one JSON line: what the client made of it and the process's peak RSS in MiB.
 */
import { ClusterError, ClusterInventorySource } from '../../server/src/inventory/cluster';
import { makeCertificate, makeTempDir, startFakeApiServer, waitFor, writeKubeconfig } from '../helpers/fake-apiserver';

const MiB = 1024 * 1024;
const mode = process.argv[2];
const TOKEN = 'probe-token';

async function main(): Promise<void> {
  const tmp = makeTempDir('cluster-probe-');
  const cert = makeCertificate(tmp.dir);
  const node = (name: string) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name }, spec: {}, status: {} });
  const server = await startFakeApiServer({ cert, token: TOKEN, nodes: [node('a'), node('b')] });
  const kubeconfig = writeKubeconfig(tmp.dir, { server: server.url, caFile: cert.certPath, token: TOKEN });
  const result: Record<string, unknown> = { mode };
  const t0 = Date.now();
  if (mode === 'hugePage') {
    server.behaviour.hugePage = { bytes: 120 * MiB, nodeBytes: 33 };
    const source = new ClusterInventorySource({ kubeconfigPath: kubeconfig, watch: false });
    try {
      const inv = await source.start();
      result.nodes = inv.nodes.length;
    } catch (e) {
      result.error = e instanceof ClusterError ? e.kind : String(e);
      result.message = (e as Error).message;
    }
    await source.stop();
    const page = server.requestsTo('/api/v1/nodes?')[0];
    result.bytesSent = page?.bytesSent;
    result.closedEarly = page?.closedEarly;
  } else if (mode === 'endlessLine') {
    const source = new ClusterInventorySource({ kubeconfigPath: kubeconfig, minRetryMs: 60_000, maxRetryMs: 60_000 });
    let stale: { messages: string[] } | undefined;
    await source.start((inv) => {
      if (inv.stale) stale = inv;
    });
    server.behaviour.watchMode = 'endlessLine';
    server.endWatches();
    await waitFor('the stale inventory', () => stale, 120_000);
    result.message = stale!.messages.join('\n');
    await source.stop();
    const line = server.requestsTo('/api/v1/nodes?', 'watch').find((r) => r.bytesSent !== undefined);
    result.bytesSent = line?.bytesSent;
    result.closedEarly = line?.closedEarly;
  } else throw new Error(`unknown mode ${mode}`);
  result.seconds = (Date.now() - t0) / 1000;
  result.nonGet = server.nonGetRequests.length;
  await server.close();
  tmp.cleanup();
  result.peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${(e as Error).stack ?? e}\n`);
    process.exit(1);
  },
);
