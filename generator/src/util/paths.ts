import { existsSync } from 'node:fs';
import path from 'node:path';

/** An absolute path without `.`, `..` or empty segments (what `path.resolve` returns). */
function isNormalisedAbsolute(candidate: string): boolean {
  return path.sep === '/' && path.isAbsolute(candidate) && !/(^|[\\/])\.\.?([\\/]|$)|[\\/]{2}|.[\\/]$/.test(candidate);
}

/** Whether `inner` is `outer` or lies inside it. */
export function isWithin(inner: string, outer: string): boolean {
  // normalised absolute paths (the common case): a prefix test, no path arithmetic
  if (isNormalisedAbsolute(inner) && isNormalisedAbsolute(outer)) return inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : `${outer}${path.sep}`);
  const relative = path.relative(outer, inner);
  // `..x` is a child named so; only `..` itself or `../…` leaves
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
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
