/** Runs `body` with a stat cache folder of its own (MGKIT_GEN_CACHE_DIR), removed and put back after. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export async function withOwnStatCache<T>(body: () => Promise<T>): Promise<T> {
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'mgkit-stat-cache-'));
  const suiteCache = process.env['MGKIT_GEN_CACHE_DIR'];
  process.env['MGKIT_GEN_CACHE_DIR'] = cacheDir;
  try {
    return await body();
  } finally {
    if (suiteCache === undefined) delete process.env['MGKIT_GEN_CACHE_DIR'];
    else process.env['MGKIT_GEN_CACHE_DIR'] = suiteCache;
    await rm(cacheDir, { recursive: true, force: true });
  }
}
