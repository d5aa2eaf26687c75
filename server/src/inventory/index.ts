/**
 * Where nodes come from: the bundled sample, inventory files, or a live cluster.
 * Every source yields the same `Inventory` (server/src/placement/types.ts).
 *
 *   sampleInventory()                      pure, always available (the default)
 *   parseInventoryText(text, fileName)     pure; loadInventoryFiles(paths) reads files
 *   new ClusterInventorySource(opts).start(onChange)   list + watch, read-only
 *   snapshotToFile(inventory)              YAML `kind: List` that loadInventoryFiles reads back
 */
export type { Inventory } from '../placement/types';
export { sampleInventory, SAMPLE_NAME } from './sample';
export { parseInventoryText, mergeParsed, InventoryFileError, type ParsedInventory, type ParseOptions } from './file';
export { loadInventoryFiles, INVENTORY_LIMITS, type LoadOptions } from './file-reader';
// For every file read on the server's own initiative (inventories, kustomizations, kubeconfigs): type and size checked, read with a bound.
export { readFileBounded, readFileBoundedSync, checkFileSync, BoundedReadError, formatBytes, type ReadBound } from './bounded-read';
export { snapshotToFile } from './snapshot';
export { ClusterInventorySource, NON_TERMINATED_PODS, type ClusterSourceOptions } from './cluster';
export { ClusterError, type ClusterErrorKind } from './cluster-errors';
export { listContexts, type ContextInfo, type KubeconfigContexts } from './kubeconfig';
