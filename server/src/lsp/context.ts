/** What every group of LSP handlers is given by server.ts. */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { InventoryManager } from '../inventoryManager';
import type { LanguageService } from '../service/languageService';
import type { Settings } from './settings';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** The language service, configured with the settings and (when placement is on) the inventory. */
  service: LanguageService;
  /** The language service the placement panel asks: judged against the inventory in use even with placement off. */
  placementService(): LanguageService;
  inventories: InventoryManager;
  settings(): Settings;
  /** The document is a patch that a kustomization lists (a partial object). */
  isPatch(uri: string): boolean;
  /** Runs a handler; a failure is logged and answered with `fallback`, never a crash. */
  guard<T>(what: string, fallback: T, fn: () => T): T;
}
