// Types for code-server.mjs, so the TypeScript UI scenarios can use it.
import type { BrowserContext, Page } from 'playwright-core';

export declare const USER_SETTINGS: Record<string, unknown>;
export declare const CHROMIUM_ARGS: string[];
export declare const timeouts: { listen: number; health: number; workbench: number; suite: number };

export interface RunDirs {
  runDir: string;
  home: string;
  config: string;
  data: string;
  cache: string;
  tmp: string;
  browserProfile: string;
}
export declare function prepareRunDir(runDir: string): RunDirs;
export declare function removeRunTmp(dirs: RunDirs): void;
export declare function confinedEnv(dirs: RunDirs, extra?: Record<string, string | undefined>): Record<string, string | undefined>;
export declare function writeUserSettings(userDataDir: string, extraSettings?: Record<string, unknown>): void;
export declare function processesInGroup(pgid: number): number[];

export interface CodeServer {
  port: number;
  base: string;
  pgid: number;
  logFile: string;
  /** Stops the whole process group; resolves to the pids that survived SIGKILL (normally none). */
  stop(): Promise<number[]>;
  output(): string;
  exited(): { code: number | null; sig: string | null } | null;
}
export declare function startCodeServer(o: {
  dirs: RunDirs;
  userDataDir: string;
  extensionsDir: string;
  env?: Record<string, string | undefined>;
  /** Leave VS Code's workspace trust on (default: --disable-workspace-trust). */
  workspaceTrust?: boolean;
  log?: (s: string) => void;
}): Promise<CodeServer>;

export declare function workbenchUrl(
  server: CodeServer,
  o: { folder?: string; workspace?: string; extensionDevelopmentPaths?: string[]; extensionTestsPath?: string },
): string;
export declare function launchBrowser(dirs: RunDirs, o?: { viewport?: { width: number; height: number } }): Promise<{ context: BrowserContext; page: Page }>;
export declare function waitForWorkbench(page: Page, o?: { explorer?: boolean }): Promise<void>;
export declare function quickOpen(page: Page, name: string): Promise<void>;
export declare function openWorkbench(o: {
  runDir: string;
  folder: string;
  extensionPath: string;
  viewport?: { width: number; height: number };
  stepMs?: number;
  /** Workspace trust on: the folder opens untrusted (Restricted Mode) unless trusted in the UI. */
  workspaceTrust?: boolean;
  /** More user settings, over USER_SETTINGS. */
  userSettings?: Record<string, unknown>;
  log?: (s: string) => void;
}): Promise<{ dirs: RunDirs; server: CodeServer; userDataDir: string; page: Page; closeBrowser: () => Promise<void> }>;
export declare function saveFailureArtifacts(o: {
  outDir: string;
  name: string;
  page?: Page;
  server?: CodeServer;
  userDataDir?: string;
  automationLogs?: { relativePath: string; contents: string }[];
  log?: (s: string) => void;
}): Promise<string[]>;
