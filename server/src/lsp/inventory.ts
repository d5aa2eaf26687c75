/** The inventory requests: what is in use, refresh, kube contexts to choose from, a snapshot to a file. */
import { listContexts, snapshotToFile } from '../inventory/cluster';
import { Requests, type ContextsAnswer } from '../protocol';
import type { ServerContext } from './context';

export function registerInventoryRequests(ctx: ServerContext): void {
  const { connection, inventories } = ctx;
  connection.onRequest(Requests.inventory, () => inventories.info());
  connection.onRequest(Requests.refreshInventory, async () => {
    await inventories.refresh();
    return inventories.info();
  });
  connection.onRequest(Requests.listContexts, async (params): Promise<ContextsAnswer> => {
    try {
      const kubeconfig = params?.kubeconfig || ctx.settings().inventory.kubeconfig || undefined;
      const c = await listContexts(kubeconfig ? inventories.resolvePath(kubeconfig) : undefined);
      return { current: c.current, contexts: c.contexts.map((x) => ({ name: x.name, cluster: x.cluster, namespace: x.namespace })) };
    } catch (e) {
      return { contexts: [], error: (e as Error).message };
    }
  });
  connection.onRequest(Requests.snapshot, () => ctx.guard('snapshot', null, () => snapshotToFile(inventories.current)));
}
