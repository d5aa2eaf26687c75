/** The pure language service: text (and an inventory snapshot) in, plain data out. */
export { analyzeText, analyzeFile, DEFAULT_MAX_FILE_SIZE, type AnalyzeOptions, type SeveritySetting } from './diagnostics';
export { complete, type CompletionOptions, type InventoryHints } from './completion';
export { hover } from './hover';
export { quickFixes, fixAll, type Action } from './codeActions';
export { parseFile, findDaemonSets } from './document';
export { Lines } from './context';
export { KUBERNETES_VERSION } from './schema';
export * from './types';
export { daemonSetAtLine, placementFor, placementsOfText, placementSummary, placementHover, inventoryHints, inventoryLabel, targetedNodes, type DaemonSetPlacementView } from './placement';
