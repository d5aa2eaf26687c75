/**
 * Cluster failures, each with a message a user can act on. Pure: builds messages from what the
 * HTTP edge observed.
 */

export type ClusterErrorKind =
  | 'config' // kubeconfig missing/invalid, unknown context, credentials plugin failed
  | 'unreachable' // DNS, refused, reset, no route
  | 'tls' // certificate not trusted / expired / wrong host name, or not TLS at all
  | 'unauthorized' // 401
  | 'forbidden' // 403
  | 'timeout' // no complete answer within the bound
  | 'malformed' // not JSON, or not the list/event shape we asked for
  | 'gone' // 410: resourceVersion or continue token expired (handled by re-listing)
  | 'limit' // the cluster sent more than the client accepts (objects, pages, bytes, a watch line)
  | 'http'; // any other non-2xx status

export class ClusterError extends Error {
  constructor(
    readonly kind: ClusterErrorKind,
    message: string,
    readonly status?: number,
    /** How long the server asked us to wait (Retry-After or Status details.retryAfterSeconds). */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ClusterError';
  }
}

/** Who and where, appended to every message: `(context kind-dev)`. */
export interface ClusterWhere {
  server: string;
  context: string;
  user?: string;
}

const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'EPROTO',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'ERR_TLS_HANDSHAKE_TIMEOUT',
]);

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ECONNABORTED',
  'EADDRNOTAVAIL',
]);

function suffix(where: ClusterWhere): string {
  return `(context ${where.context})`;
}

/** A socket-level error (from `req.on('error')`). */
export function fromNetworkError(err: NodeJS.ErrnoException, where: ClusterWhere, method: string, path: string): ClusterError {
  const code = err.code ?? '';
  if (TLS_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || /certificate|SSL routines|TLS/i.test(err.message)) {
    const hint =
      code === 'ERR_SSL_WRONG_VERSION_NUMBER'
        ? 'the server does not speak TLS on this port'
        : code === 'ERR_TLS_CERT_ALTNAME_INVALID'
          ? 'the certificate is not valid for this host name'
          : "the server certificate is not trusted by the kubeconfig's certificate-authority";
    return new ClusterError('tls', `TLS error talking to the cluster at ${where.server}: ${err.message}${code ? ` [${code}]` : ''}; ${hint} ${suffix(where)}`);
  }
  if (NETWORK_CODES.has(code) || /socket hang up/i.test(err.message)) {
    return new ClusterError('unreachable', `Cannot reach the cluster at ${where.server}: ${err.message} ${suffix(where)}`);
  }
  return new ClusterError('unreachable', `${method} ${path} at ${where.server} failed: ${err.message}${code ? ` [${code}]` : ''} ${suffix(where)}`);
}

export function timeoutError(where: ClusterWhere, method: string, path: string, timeoutMs: number): ClusterError {
  return new ClusterError('timeout', `The cluster at ${where.server} did not answer ${method} ${path} within ${formatMs(timeoutMs)} ${suffix(where)}`);
}

export function malformedError(where: ClusterWhere, method: string, path: string, detail: string): ClusterError {
  return new ClusterError('malformed', `The cluster at ${where.server} sent a malformed response to ${method} ${path}: ${detail} ${suffix(where)}`);
}

/**
 * A non-2xx answer. `body` is the parsed `Status` object when the server sent one (it usually
 * does), whose `message` is Kubernetes' own explanation (e.g. `nodes is forbidden: User "x" cannot list …`).
 */
export function fromHttpStatus(
  status: number,
  statusText: string,
  body: any,
  where: ClusterWhere,
  method: string,
  path: string,
  resource: string,
  retryAfterHeader?: string | string[],
): ClusterError {
  const apiMessage = typeof body?.message === 'string' && body.message ? body.message : '';
  const detail = apiMessage ? `: ${apiMessage}` : '';
  if (status === 401) {
    return new ClusterError(
      'unauthorized',
      `The cluster at ${where.server} rejected the credentials${where.user ? ` of user "${where.user}"` : ''} (401 Unauthorized${detail}); log in again or refresh the token ${suffix(where)}`,
      status,
    );
  }
  if (status === 403) {
    return new ClusterError('forbidden', `Not allowed to list ${resource} at ${where.server} (403 Forbidden${detail}) ${suffix(where)}`, status);
  }
  if (status === 410) {
    return new ClusterError('gone', `${method} ${path}: 410 Gone${detail} ${suffix(where)}`, status);
  }
  return new ClusterError(
    'http',
    `${method} ${path} at ${where.server} failed: ${status} ${statusText}${detail} ${suffix(where)}`,
    status,
    retryAfterMs(retryAfterHeader, body?.details?.retryAfterSeconds),
  );
}

/**
 * Retry-After as milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3), else the Status
 * object's details.retryAfterSeconds; undefined when absent or unusable. Pure (`now` injectable).
 */
export function retryAfterMs(header: string | string[] | undefined, detailSeconds: unknown, now = Date.now()): number | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (value) {
    if (/^\d{1,9}$/.test(value)) return Number(value) * 1000;
    const date = Date.parse(value);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  if (typeof detailSeconds === 'number' && Number.isFinite(detailSeconds) && detailSeconds > 0) return detailSeconds * 1000;
  return undefined;
}

/** The cluster sent more than the client accepts. */
export function limitError(message: string): ClusterError {
  return new ClusterError('limit', message);
}

export function configError(message: string): ClusterError {
  return new ClusterError('config', message);
}

export function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)}s` : `${ms}ms`;
}
