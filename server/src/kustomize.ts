/**
 * Edge I/O: is a file listed as a patch by a kustomization.yaml in its directory? Such a file
 * is a partial object, so missing-required checks are off for it.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const cache = new Map<string, { mtimeMs: number; patches: Set<string> }>();

function patchesOf(kustomization: string): Set<string> {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(kustomization).mtimeMs;
  } catch {
    return new Set();
  }
  const hit = cache.get(kustomization);
  if (hit && hit.mtimeMs === mtimeMs) return hit.patches;
  const patches = new Set<string>();
  try {
    const k = parse(readFileSync(kustomization, 'utf8'), { maxAliasCount: 50 }) as any;
    const dir = path.dirname(kustomization);
    const add = (p: unknown) => {
      if (typeof p === 'string') patches.add(path.resolve(dir, p));
      else if (p && typeof p === 'object' && typeof (p as any).path === 'string') patches.add(path.resolve(dir, (p as any).path));
    };
    for (const key of ['patches', 'patchesStrategicMerge', 'patchesJson6902']) {
      if (Array.isArray(k?.[key])) k[key].forEach(add);
    }
  } catch {
    // An unreadable kustomization lists nothing.
  }
  cache.set(kustomization, { mtimeMs, patches });
  return patches;
}

export function isKustomizePatch(file: string): boolean {
  const dir = path.dirname(file);
  for (const name of ['kustomization.yaml', 'kustomization.yml', 'Kustomization']) {
    if (patchesOf(path.join(dir, name)).has(path.resolve(file))) return true;
  }
  return false;
}
