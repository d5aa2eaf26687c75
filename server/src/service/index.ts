/** The pure language service: text (and an inventory snapshot) in, plain data out. */
export { analyzeText, analyzeFile, DEFAULT_MAX_FILE_SIZE, type AnalyzeOptions, type SeveritySetting } from './diagnostics';
export { complete, type CompletionOptions, type InventoryHints } from './completion';
export { hover } from './hover';
export { quickFixes, fixAll, type Action } from './codeActions';
export { parseFile, findDaemonSets } from '../yaml/document';
export { Lines } from '../yaml/context';
export { KUBERNETES_VERSION } from '../schema/schema';
export * from '../yaml/types';
export * from './types';
export type { Severity, Fix, Finding } from '../rules/types';
export { daemonSetAtLine, placementFor, placementsOfText, placementSummary, placementHover, inventoryHints, inventoryLabel, targetedNodes, type DaemonSetPlacementView } from '../analysis/placement';
