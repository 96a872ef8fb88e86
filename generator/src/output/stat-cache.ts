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
 *
 * A check that found its lock up to date leaves a mark (`VerifiedLock`): the stats of the lock, the
 * config and the help folders as they were before that check, with the records cut to the lock's
 * files. While every one of those stats is unchanged, the next no-op need not read the lock (7.6 MB
 * of JSON for the whole Graph) at all: the same triple that vouches for a file's hash vouches for
 * the lock's content, and a folder's mtime changes when a file is added to it.
 */
import { type Stats, statSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cacheFolder } from '../util/cache-folder.js';
import { sha256 } from './lock.js';

/**
 * `[file, size, mtimeMs, ino, sha256]`. The cache file holds a JSON array of them (`records`, beside
 * `verified`): parsing the same records as an object keyed by file took twice as long (a
 * whole-Graph no-op reads 37,000).
 */
type StatRecord = readonly [file: string, size: number, mtimeMs: number, ino: number, sha256: string];

/** `[file, size, mtimeMs, ino]`, all -1 for a file that does not exist. */
export type FileStats = readonly [file: string, size: number, mtimeMs: number, ino: number];

/** What a check that found the lock up to date saw (see the header). */
interface VerifiedLock {
  readonly version: string;
  readonly units: readonly string[];
  readonly stats: readonly FileStats[];
}

/**
 * A stat taken within this many milliseconds of a change may share its timestamp with a later
 * change (the kernel's clock is coarse): such a folder or lock is not vouched for, as git treats
 * "racily clean" files.
 */
const RACY_MS = 100;

export function fileStats(file: string): FileStats {
  const stats = statSync(file, { throwIfNoEntry: false });
  return stats ? [file, stats.size, stats.mtimeMs, stats.ino] : [file, -1, -1, -1];
}

const sameStats = (a: FileStats, b: FileStats): boolean => a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];

/** Whether a file's stats (undefined: it is gone) are the ones a record or a mark saw. */
const statsMatch = (known: FileStats | StatRecord, stats: Stats | undefined): boolean => stats !== undefined && stats.size === known[1] && stats.mtimeMs === known[2] && stats.ino === known[3];

const isVerifiedLock = (value: unknown): value is VerifiedLock => {
  const candidate = value as Partial<VerifiedLock> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.version === 'string' &&
    Array.isArray(candidate.units) &&
    candidate.units.every((unit) => typeof unit === 'string') &&
    Array.isArray(candidate.stats) &&
    candidate.stats.every((entry) => Array.isArray(entry) && entry.length === 4 && typeof entry[0] === 'string' && entry.slice(1).every((n) => typeof n === 'number'))
  );
};

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
  #verified: VerifiedLock | undefined;
  #changed = false;

  private constructor(file: string | undefined, records: Map<string, StatRecord>, verified?: VerifiedLock) {
    this.#file = file;
    this.#records = records;
    this.#verified = verified;
  }

  /** The cache for one lock file (absolute path). */
  static async forLock(lockFile: string): Promise<StatCache> {
    const folder = cacheFolder();
    if (!folder) return new StatCache(undefined, new Map());
    const file = path.join(folder, `${sha256(path.resolve(lockFile)).slice(0, 24)}.json`);
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as { records?: unknown; verified?: unknown } | null;
      // a cache in another shape (an older generator's) is only a slower check, once
      const records = Array.isArray(parsed?.records) ? (parsed.records as unknown[]).filter(isRecord) : [];
      const verified = isVerifiedLock(parsed?.verified) ? parsed.verified : undefined;
      return new StatCache(file, new Map(records.map((record) => [record[0], record])), verified);
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
    if (known && statsMatch(known, stats)) return known[4];
    let hash: string;
    try {
      filesRead += 1;
      hash = sha256(await readFile(file));
    } catch {
      return undefined;
    }
    this.#records.set(file, [file, stats.size, stats.mtimeMs, stats.ino, hash]);
    this.#learnt();
    return hash;
  }

  /**
   * True when the last check that found this lock up to date was made by this generator version
   * for these units, and the lock, config and folders (`watched`, in that check's order) and every
   * file of the lock still have the stats that check saw.
   */
  stillVerified(version: string, units: readonly string[], watched: readonly string[]): boolean {
    const verified = this.#verified;
    if (!verified || verified.version !== version || verified.units.join('\0') !== units.join('\0')) return false;
    if (verified.stats.length !== watched.length) return false;
    for (const [index, file] of watched.entries()) if (!sameStats(verified.stats[index] as FileStats, fileStats(file))) return false;
    for (const record of this.#records.values()) if (!statsMatch(record, statSync(record[0], { throwIfNoEntry: false }))) return false;
    return true;
  }

  /**
   * After a check found the lock up to date: remember what it saw (`before`: the watched files'
   * stats taken before it read them) and keep only the records of the lock's `files`. Nothing is
   * vouched for when a watched file changed during the check or too recently to tell (`RACY_MS`),
   * or a file of the lock has no record.
   */
  markVerified(version: string, units: readonly string[], before: readonly FileStats[], files: ReadonlySet<string>): void {
    const now = Date.now();
    if (before.some((stats) => stats[2] > now - RACY_MS || !sameStats(stats, fileStats(stats[0])))) return;
    if ([...files].some((file) => !this.#records.has(file))) return;
    for (const file of this.#records.keys()) if (!files.has(file)) this.#records.delete(file);
    this.#verified = { version, units: [...units], stats: [...before] };
    this.#changed = true;
  }

  /** The records changed: whatever the last mark vouched for is no longer known. */
  #learnt(): void {
    this.#verified = undefined;
    this.#changed = true;
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
              this.#learnt();
              return;
            }
            this.#records.set(file, [file, stats.size, stats.mtimeMs, stats.ino, hash]);
            this.#learnt();
          } catch {
            this.#records.delete(file);
            this.#learnt();
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
      await writeFile(temporary, JSON.stringify({ records: [...this.#records.values()], verified: this.#verified }));
      await rename(temporary, this.#file);
      this.#changed = false;
    } catch {
      // a read-only home: the check stays correct, only slower
    }
  }
}

/** Files stated at a time: a whole module's outputs opened at once run out of handles. */
export const STAT_BATCH = 64;
