import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { DiagnosticError } from '../diagnostics/index.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

function filesUnder(folder: string, keep: (name: string) => boolean): string[] {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .flatMap((entry) => {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) return filesUnder(full, keep);
      return keep(entry.name) ? [full] : [];
    })
    .sort();
}

function readManifest(): { name: string; version: string } {
  return JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { name: string; version: string };
}

/** `0.1.0`, for `--version`. */
export function generatorPackageVersion(): string {
  return readManifest().version;
}

/**
 * `@mgkit/generator@0.1.0+<hash of its code and templates>`, recorded in the lock: a changed
 * emitter regenerates even when the version number did not move.
 */
export function generatorVersion(): string {
  if (cached) return cached;
  const manifest = readManifest();
  assertBuildIsCurrent();
  // The sources where present (a checkout: the same bytes on every machine, unlike a dist/ that
  // may hold stale files); the built code in an installed package, which ships no src/.
  const sources = filesUnder(path.join(packageRoot, 'src'), (name) => name.endsWith('.ts'));
  const code = sources.length > 0 ? sources : filesUnder(path.join(packageRoot, 'dist'), (name) => name.endsWith('.js'));
  const templates = filesUnder(path.join(packageRoot, 'templates'), () => true);
  const hash = createHash('sha256');
  for (const file of [...code, ...templates]) {
    hash.update(path.relative(packageRoot, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  cached = `${manifest.name}@${manifest.version}+${hash.digest('hex').slice(0, 12)}`;
  return cached;
}

/**
 * Running the built code (dist/) of a checkout whose sources changed since the build would
 * generate with the old emitters but record the new sources' hash, and later runs would call
 * that stale output up to date. Stop with the fix instead.
 */
function assertBuildIsCurrent(): void {
  if (!fileURLToPath(import.meta.url).includes(`${path.sep}dist${path.sep}`)) return;
  const sourceRoot = path.join(packageRoot, 'src');
  for (const source of filesUnder(sourceRoot, (name) => name.endsWith('.ts'))) {
    const built = path.join(packageRoot, 'dist', path.relative(sourceRoot, source)).replace(/\.ts$/, '.js');
    const builtTime = statOrUndefined(built)?.mtimeMs;
    if (builtTime === undefined || statSync(source).mtimeMs > builtTime) {
      throw new DiagnosticError([
        {
          severity: 'error',
          code: 'generator/stale-build',
          message: `the generator's build is older than its sources (${path.relative(packageRoot, source)} changed since)`,
          file: source,
          hint: 'run npm run build -w @mgkit/generator (turbo does it for npm run generate)',
        },
      ]);
    }
  }
}

function statOrUndefined(file: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}
