import { existsSync } from 'node:fs';
import path from 'node:path';

/** The repository root (tests run from it, but do not rely on the cwd). */
export const repoRoot = path.resolve(__dirname, '..', '..');

/** `../shared` beside the checkout (CI puts it there); SHARED_DIR overrides. */
export const sharedDir = process.env.SHARED_DIR ?? path.resolve(repoRoot, '..', 'shared');

export function sharedPath(...parts: string[]): string {
  const p = path.join(sharedDir, ...parts);
  if (!existsSync(p)) throw new Error(`shared test data not found: ${p} (set SHARED_DIR)`);
  return p;
}
