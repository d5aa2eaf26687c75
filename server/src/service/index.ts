/** The pure language service: text (and an inventory snapshot) in, plain data out. */
export {
  createLanguageService,
  analyzeText,
  placementsOfText,
  type LanguageService,
  type ServiceConfig,
  type DocumentOptions,
  type CodeLensView,
} from './languageService';
export { DEFAULT_MAX_FILE_SIZE, type AnalyzeOptions, type SeveritySetting } from './diagnostics';
export { complete, type CompletionOptions, type InventoryHints } from './completion';
export { hover } from './hover';
export { quickFixes, fixAll, FIX_ALL_KIND, type Action } from './codeActions';
export { placementHover, placementSummary, targetedNodes, type DaemonSetPlacementView } from './placement';
export { inventoryHints, inventoryLabel } from '../placement/inventory';
export { parseFile, findDaemonSets } from '../yaml/document';
export { Lines } from '../yaml/context';
export { KUBERNETES_VERSION } from '../schema/schema';
export * from '../yaml/types';
export * from './types';
export type { Severity, Fix, Finding } from '../rules/types';
