import { existsSync } from 'node:fs';
import path from 'node:path';

/** Whether `inner` is `outer` or lies inside it. */
export function isWithin(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The project a config belongs to: the nearest folder at or above the config's folder that
 * holds `.git` or `package.json`, else the config folder's parent (specs/ in a bare project).
 * Generated output must stay inside it.
 */
export function projectRootOf(configDir: string): string {
  for (let folder = configDir; ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, '.git')) || existsSync(path.join(folder, 'package.json'))) return folder;
    if (path.dirname(folder) === folder) return path.dirname(configDir);
  }
}
