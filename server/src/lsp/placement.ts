/** The placement panel's request: the language service computes it, this only finds the document. */
import { Requests, type PlacementAnswer } from '../protocol';
import type { ServerContext } from './context';

export function registerPlacementRequest(ctx: ServerContext): void {
  ctx.connection.onRequest(Requests.placement, (params): PlacementAnswer | null =>
    ctx.guard('placement', null, () => {
      const doc = ctx.documents.get(params.uri);
      const inventory = ctx.inventories.info();
      if (!doc) return { inventory, daemonSets: [], active: -1 };
      const view = ctx.placementService().panel(doc.getText(), params.position?.line, params.baselineText);
      return { inventory, version: doc.version, ...view };
    }),
  );
}
