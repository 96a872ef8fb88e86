/**
 * A vitest globalSetup: the generator's stat cache (generator/src/output/stat-cache.ts) goes to a
 * folder of the test run's own, not to the user's `~/.cache/mgkit-gen`, where each of the
 * hundreds of scratch projects the suites generate left a file behind. Set before the workers
 * start, so that they and the generator processes they spawn inherit it; removed when the run ends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  if (process.env['MGKIT_GEN_CACHE_DIR']) return () => {};
  const folder = mkdtempSync(path.join(os.tmpdir(), 'mgkit-test-stat-cache-'));
  process.env['MGKIT_GEN_CACHE_DIR'] = folder;
  return () => {
    delete process.env['MGKIT_GEN_CACHE_DIR'];
    rmSync(folder, { recursive: true, force: true });
  };
}
