/**
 * The bundled sample cluster: 15 nodes covering the placement cases people trip over
 * (control-plane taint, arm64, GPU pool, edge taint, NotReady/unreachable, cordoned, Windows,
 * a full worker, an existing hostPort 9100 DaemonSet). Pure: parses embedded text.
 */
import type { Inventory } from '../placement/types';
import { mergeParsed, parseInventoryText } from './file';
import nodesText from './sample/nodes';
import podsText from './sample/pods';

export const SAMPLE_NAME = 'sample cluster';

let cached: Inventory | undefined;

/** A fresh copy each call, so a caller that mutates nodes cannot corrupt the sample for others. */
export function sampleInventory(): Inventory {
  cached ??= build();
  return structuredClone(cached);
}

function build(): Inventory {
  const merged = mergeParsed([
    { fileName: 'sample/nodes.yaml', parsed: parseInventoryText(nodesText, 'sample/nodes.yaml') },
    { fileName: 'sample/pods.yaml', parsed: parseInventoryText(podsText, 'sample/pods.yaml') },
  ]);
  return { source: 'sample', name: SAMPLE_NAME, nodes: merged.nodes, pods: merged.pods, messages: merged.messages };
}
