/**
 * The kubeconfig edge: which files, which context, and how to authenticate a request.
 * @kubernetes/client-node does the loading and the auth flavours (token, client certs,
 * auth-provider plugins, proxy-url); we only borrow `applyToHTTPSOptions` and do the HTTP ourselves.
 * `exec` credential plugins we run ourselves (./exec-credential.ts): client-node caches their
 * output only when it carries an expirationTimestamp (a plugin without one ran once per request),
 * keys its cache by user name across kubeconfigs, and writes the plugin's `env` into process.env.
 * client-node is ESM and heavy, so it is imported lazily: the language server starts without it.
 */
import { existsSync } from 'node:fs';
import type * as https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';
import { BoundedReadError, decodeUtf8, readFileBounded } from './bounded-read';
import { configError, type ClusterWhere } from './cluster-errors';
import { ExecCredentialCache } from './exec-credential';

export interface KubeconfigSelection {
  /** An explicit kubeconfig file; otherwise $KUBECONFIG (path list) or ~/.kube/config, as kubectl. */
  kubeconfigPath?: string;
  /** A context name; otherwise the kubeconfig's current-context. */
  context?: string;
  /**
   * Bound for obtaining credentials (exec/auth-provider plugins such as `aws eks get-token` or an
   * SSO login run as a child process that client-node never times out). Default 60 s.
   */
  credentialTimeoutMs?: number;
}

export interface ContextInfo {
  name: string;
  cluster: string;
  user: string;
  namespace?: string;
  server?: string;
}

export interface KubeconfigContexts {
  files: string[];
  current?: string;
  contexts: ContextInfo[];
}

/** A chosen context, ready to authenticate requests. */
export interface ClusterTarget extends ClusterWhere {
  /** Base URL of the API server (may carry a path prefix, e.g. Rancher's /k8s/clusters/c-xyz). */
  url: URL;
  skipTLSVerify: boolean;
  /** Fresh request options (TLS agent + Authorization) for one request; tokens from plugins may rotate. */
  requestOptions(): Promise<https.RequestOptions>;
  /** The server answered 401: forget cached plugin credentials, so the next request runs the plugin again. */
  invalidateCredentials?(): void;
}

/** kubectl's rule: explicit path, else every entry of $KUBECONFIG, else ~/.kube/config. Pure. */
export function kubeconfigPaths(explicit: string | undefined, env: string | undefined, home: string): string[] {
  if (explicit) return [explicit];
  if (env) {
    const list = env.split(path.delimiter).filter((p) => p !== '');
    if (list.length) return list;
  }
  return [path.join(home, '.kube', 'config')];
}

/** Kubeconfigs of real fleets (hundreds of contexts, embedded certificates) stay well under this. */
const KUBECONFIG_BOUND = { maxBytes: 4 * 1024 * 1024 };

async function loadKubeConfig(selection: KubeconfigSelection): Promise<{ kc: KubeConfig; files: string[]; userFiles: Map<string, string> }> {
  const candidates = kubeconfigPaths(selection.kubeconfigPath, process.env.KUBECONFIG, os.homedir());
  // Like kubectl, missing entries of a $KUBECONFIG list are skipped; an explicit file must exist.
  const files = selection.kubeconfigPath ? candidates : candidates.filter((f) => existsSync(f));
  if (files.length === 0 || !existsSync(files[0])) {
    const where = selection.kubeconfigPath ? selection.kubeconfigPath : process.env.KUBECONFIG ? `$KUBECONFIG (${process.env.KUBECONFIG})` : candidates[0];
    throw configError(`No kubeconfig found at ${where}; set KUBECONFIG or choose a kubeconfig file`);
  }
  const { KubeConfig } = await import('./client-node');
  let kc: KubeConfig | undefined;
  /** Which file defined each user (relative exec commands resolve against it, as kubectl does). */
  const userFiles = new Map<string, string>();
  for (const file of files) {
    const one = new KubeConfig();
    try {
      // Read by us, bounded and regular files only (a kubeconfig pointing at /dev/zero or a FIFO
      // must not hang or exhaust the server); client-node only parses the text.
      one.loadFromString(decodeUtf8((await readFileBounded(file, KUBECONFIG_BOUND)).bytes));
      one.makePathsAbsolute(path.dirname(file));
    } catch (e) {
      if (e instanceof BoundedReadError) throw configError(`Cannot read kubeconfig ${e.message}`);
      throw configError(`Cannot read kubeconfig ${file}: ${firstLine((e as Error).message)}`);
    }
    for (const u of one.users) if (!userFiles.has(u.name)) userFiles.set(u.name, file);
    if (!kc) {
      kc = one;
      continue;
    }
    // kubectl merges a path list with "first file wins" per name (client-node's merge throws on duplicates).
    for (const c of one.clusters) if (!kc.getCluster(c.name)) kc.addCluster(c);
    for (const u of one.users) if (!kc.getUser(u.name)) kc.addUser(u);
    for (const c of one.contexts) if (!kc.getContextObject(c.name)) kc.addContext(c);
    if (!kc.currentContext && one.currentContext) kc.currentContext = one.currentContext;
  }
  return { kc: kc!, files, userFiles };
}

/** The contexts a user can pick from (for a quick pick); never contacts a cluster. */
export async function listContexts(kubeconfigPath?: string): Promise<KubeconfigContexts> {
  const { kc, files } = await loadKubeConfig({ kubeconfigPath });
  return {
    files,
    current: kc.currentContext || undefined,
    contexts: kc.contexts.map((c) => ({
      name: c.name,
      cluster: c.cluster,
      user: c.user,
      ...(c.namespace ? { namespace: c.namespace } : {}),
      ...(kc.getCluster(c.cluster)?.server ? { server: kc.getCluster(c.cluster)!.server } : {}),
    })),
  };
}

/** Resolves the context to a target; throws ClusterError('config') with what is wrong. */
export async function resolveTarget(selection: KubeconfigSelection): Promise<ClusterTarget> {
  const { kc, files, userFiles } = await loadKubeConfig(selection);
  const contextName = selection.context || kc.currentContext;
  const available = kc.contexts.map((c) => c.name).join(', ') || 'none';
  if (!contextName) throw configError(`The kubeconfig (${files.join(', ')}) has no current-context; choose one of: ${available}`);
  const context = kc.getContextObject(contextName);
  if (!context) throw configError(`Context "${contextName}" not found in ${files.join(', ')} (available: ${available})`);
  kc.setCurrentContext(contextName);
  const cluster = kc.getCluster(context.cluster);
  if (!cluster) throw configError(`Context "${contextName}" refers to cluster "${context.cluster}", which is not in ${files.join(', ')}`);
  let url: URL;
  try {
    url = new URL(cluster.server);
  } catch {
    throw configError(`Cluster "${cluster.name}" has no valid server URL (${JSON.stringify(cluster.server ?? '')}) (context ${contextName})`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw configError(`Cluster "${cluster.name}" server ${cluster.server} is not an http(s) URL (context ${contextName})`);
  }
  const where = { server: cluster.server, context: contextName, user: context.user };
  const limit = selection.credentialTimeoutMs ?? 60_000;
  const user = kc.getUser(context.user);
  // An exec plugin: run by us, its output cached until its expirationTimestamp (or a 401); the
  // rest of the user (client certificates, …) and the cluster still go through client-node.
  let exec: ExecCredentialCache | undefined;
  let authKc = kc;
  if (user?.exec) {
    exec = new ExecCredentialCache(user.exec, path.dirname(userFiles.get(user.name) ?? files[0]), limit);
    const { KubeConfig } = await import('./client-node');
    authKc = new KubeConfig();
    authKc.loadFromOptions({
      clusters: kc.clusters,
      users: kc.users.map((u) => (u === user ? { ...u, exec: undefined } : u)),
      contexts: kc.contexts,
      currentContext: contextName,
    });
  }
  const fail = (e: unknown) => configError(`Cannot use the credentials of user "${context.user}": ${firstLine((e as Error).message)} (context ${contextName})`);
  return {
    ...where,
    url,
    skipTLSVerify: cluster.skipTLSVerify === true,
    async requestOptions() {
      const opts: https.RequestOptions = { headers: {} };
      let token: string | undefined;
      if (exec) {
        const credential = await exec.get().catch((e: unknown) => {
          throw fail(e);
        });
        // Set before client-node builds the agent, which copies cert/key into it.
        if (credential.clientCertificateData) opts.cert = credential.clientCertificateData;
        if (credential.clientKeyData) opts.key = credential.clientKeyData;
        token = credential.token;
      }
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          authKc.applyToHTTPSOptions(opts),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`the credential plugin did not finish within ${Math.round(limit / 1000)}s`)), limit);
          }),
        ]);
      } catch (e) {
        throw fail(e);
      } finally {
        clearTimeout(timer);
      }
      if (token) opts.headers = { ...opts.headers, Authorization: `Bearer ${token}` };
      // client-node builds an https.Agent for a plain-http server (kubectl proxy), which needs the
      // default one — unless the kubeconfig names a proxy-url: then its agent is the proxy's
      // (hpagent's HttpProxyAgent for http://, a SOCKS agent for socks5://) and must stay.
      if (url.protocol === 'http:' && !cluster.proxyUrl) delete opts.agent;
      return opts;
    },
    invalidateCredentials() {
      exec?.invalidate();
    },
  };
}

function firstLine(s: string): string {
  return String(s).split('\n')[0];
}
