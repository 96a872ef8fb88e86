/**
 * The generator's machine-local cache folder: `$MGKIT_GEN_CACHE_DIR` (`off` for none), else
 * `$XDG_CACHE_HOME/mgkit-gen`, else `~/.cache/mgkit-gen`. What is kept there only saves work:
 * a missing or damaged cache makes a run slower, never different.
 */
import os from 'node:os';
import path from 'node:path';

export function cacheFolder(): string | undefined {
  const configured = process.env['MGKIT_GEN_CACHE_DIR'];
  if (configured === 'off') return undefined;
  if (configured) return configured;
  const base = process.env['XDG_CACHE_HOME'] || path.join(os.homedir(), '.cache');
  return path.join(base, 'mgkit-gen');
}
