/**
 * The one piece of @kubernetes/client-node we use, re-exported by name so esbuild tree-shakes the
 * rest (a dynamic `import('@kubernetes/client-node')` would pull its whole generated API, ~15 MB,
 * into the bundle). Imported lazily by kubeconfig.ts.
 */
export { KubeConfig } from '@kubernetes/client-node';
