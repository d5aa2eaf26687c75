/**
 * The bundled sample cluster: 15 nodes covering the placement cases people trip over
 * (control-plane taint, arm64, GPU pool, edge taint, NotReady/unreachable, cordoned, Windows,
 * a full worker, an existing hostPort 9100 DaemonSet) and the 51 pods on them. It is an ordinary
 * inventory file in kubectl's format (`sample-cluster.json`, beside this module in the sources and
 * beside the bundles in dist/), usable with `--inventory` like any other; read on first use.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Inventory } from '../placement/types';
import { parseInventoryText } from './file';

export const SAMPLE_NAME = 'sample cluster';
export const SAMPLE_FILE = 'sample-cluster.json';

/** Where the sample is: beside this module (sources) or beside the bundle (dist/). */
export function samplePath(): string {
  return path.join(__dirname, SAMPLE_FILE);
}

let text: string | undefined;

/** A fresh copy each call (parsed from the JSON text, a few ms), so a caller that mutates nodes cannot corrupt the sample for others. */
export function sampleInventory(): Inventory {
  text ??= readFileSync(samplePath(), 'utf8');
  const parsed = parseInventoryText(text, SAMPLE_FILE);
  return { source: 'sample', name: SAMPLE_NAME, nodes: parsed.nodes, pods: parsed.pods, messages: parsed.messages };
}
