/**
 * A machine-local cache of file stats next to their content hash, as git's index keeps them: a
 * file whose size, modification time and inode are those recorded still has the recorded hash,
 * so the up-to-date check need not read it. A no-op over the whole Graph (33 modules, 170 MB of
 * inputs, tens of thousands of outputs) then costs a `stat` per file instead of a read and a hash.
 *
 * The cache is never trusted for correctness beyond that triple: any change of size, mtime or
 * inode means the file is read and hashed again. It lives outside the project
 * (`$MGKIT_GEN_CACHE_DIR`, else `$XDG_CACHE_HOME/mgkit-gen`, else `~/.cache/mgkit-gen`), one
 * file per lock file, and a missing or damaged cache only makes the check slower.
 */
import { statSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cacheFolder } from '../util/cache-folder.js';
import { sha256 } from './lock.js';

/**
 * `[file, size, mtimeMs, ino, sha256]`. The cache file is a JSON array of them: parsing the same
 * records as an object keyed by file took twice as long (a whole-Graph no-op reads 37,000).
 */
type StatRecord = readonly [file: string, size: number, mtimeMs: number, ino: number, sha256: string];

const isRecord = (value: unknown): value is StatRecord =>
  Array.isArray(value) &&
  value.length === 5 &&
  typeof value[0] === 'string' &&
  typeof value[1] === 'number' &&
  typeof value[2] === 'number' &&
  typeof value[3] === 'number' &&
  typeof value[4] === 'string';

let filesRead = 0;

/** How many files the caches of this process read and hashed (tests bound the work of a no-op with it). */
export function statCacheFilesRead(): number {
  return filesRead;
}

export class StatCache {
  readonly #records: Map<string, StatRecord>;
  readonly #file: string | undefined;
  #changed = false;

  private constructor(file: string | undefined, records: Map<string, StatRecord>) {
    this.#file = file;
    this.#records = records;
  }

  /** The cache for one lock file (absolute path). */
  static async forLock(lockFile: string): Promise<StatCache> {
    const folder = cacheFolder();
    if (!folder) return new StatCache(undefined, new Map());
    const file = path.join(folder, `${sha256(path.resolve(lockFile)).slice(0, 24)}.json`);
    try {
      const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
      // a cache in another shape (an older generator's) is only a slower check, once
      const records = Array.isArray(parsed) ? parsed.filter(isRecord) : [];
      return new StatCache(file, new Map(records.map((record) => [record[0], record])));
    } catch {
      return new StatCache(file, new Map());
    }
  }

  /** The file's hash: from the cache when its stats are unchanged, else read (undefined when it cannot be read). */
  async hashOf(file: string): Promise<string | undefined> {
    // synchronous: a stat of a cached inode costs less than a promise round trip
    const stats = statSync(file, { throwIfNoEntry: false });
    if (!stats) return undefined;
    const known = this.#records.get(file);
    if (known && known[1] === stats.size && known[2] === stats.mtimeMs && known[3] === stats.ino) return known[4];
    let hash: string;
    try {
      filesRead += 1;
      hash = sha256(await readFile(file));
    } catch {
      return undefined;
    }
    this.#records.set(file, [file, stats.size, stats.mtimeMs, stats.ino, hash]);
    this.#changed = true;
    return hash;
  }

  /**
   * Records files whose hashes are known (just written or read by a run), so the next check only
   * stats them. A file modified at or after `unlessModifiedSince` (an input edited while the run
   * read it) is left out: its content may not be the one hashed.
   */
  async remember(files: ReadonlyMap<string, string>, unlessModifiedSince = Number.POSITIVE_INFINITY): Promise<void> {
    const entries = [...files.entries()];
    for (let start = 0; start < entries.length; start += STAT_BATCH) {
      await Promise.all(
        entries.slice(start, start + STAT_BATCH).map(async ([file, hash]) => {
          try {
            const stats = await stat(file);
            if (stats.mtimeMs >= unlessModifiedSince) {
              this.#records.delete(file);
              return;
            }
            this.#records.set(file, [file, stats.size, stats.mtimeMs, stats.ino, hash]);
            this.#changed = true;
          } catch {
            this.#records.delete(file);
          }
        }),
      );
    }
  }

  /** Writes the cache when it learnt something; a failure to write is ignored (the next check reads more). */
  async save(): Promise<void> {
    if (!this.#file || !this.#changed) return;
    try {
      await mkdir(path.dirname(this.#file), { recursive: true });
      const temporary = `${this.#file}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify([...this.#records.values()]));
      await rename(temporary, this.#file);
      this.#changed = false;
    } catch {
      // a read-only home: the check stays correct, only slower
    }
  }
}

/** Files stated at a time: a whole module's outputs opened at once run out of handles. */
export const STAT_BATCH = 64;
