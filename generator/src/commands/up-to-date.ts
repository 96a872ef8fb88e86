import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { GenerationUnitConfig } from '../config/index.js';
import { selectCmdletNames } from '../model/select.js';
import { allInputs, lockAbsolutePath, sha256, type LockFile } from '../output/index.js';
import { fileStats, STAT_BATCH, StatCache } from '../output/stat-cache.js';

async function hashOf(file: string): Promise<string | undefined> {
  try {
    return sha256(await readFile(file));
  } catch {
    return undefined;
  }
}

/** The files of some units of a lock, by absolute path, with the hashes it records. */
function lockedHashes(lock: LockFile, lockFile: string, units: readonly string[], list: 'inputs' | 'outputs'): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const name of units) for (const entry of lock.units[name]?.[list] ?? []) hashes.set(lockAbsolutePath(lockFile, entry.path), entry.sha256);
  return hashes;
}

/**
 * After a run wrote a lock: the stats of what the run itself hashed go to the stat cache, so the
 * next no-op only stats them. Only the units generated now (another unit's files were not read);
 * inputs and the config only when untouched since the run started (`startedAtMs`).
 */
export async function rememberLockedFiles(lock: LockFile, lockFile: string, configFile: string, generatedUnits: readonly string[], startedAtMs: number): Promise<void> {
  const cache = await StatCache.forLock(lockFile);
  await cache.remember(lockedHashes(lock, lockFile, generatedUnits, 'outputs'));
  const inputs = lockedHashes(lock, lockFile, generatedUnits, 'inputs');
  inputs.set(configFile, lock.config.sha256);
  await cache.remember(inputs, startedAtMs);
  await cache.save();
}

async function markdownFiles(folder: string): Promise<string[]> {
  try {
    const names = await readdir(folder);
    const absolute = path.resolve(folder);
    return names.filter((name) => name.endsWith('.md')).map((name) => path.join(absolute, name));
  } catch {
    return [];
  }
}

/**
 * True when the lock proves that generating again would change nothing: same generator, same
 * config, same input files with the same hashes, and every output still as written. Reads only
 * the files the lock names (plus the cmdlet folder listings), so it is fast.
 */
export async function isUpToDate(lock: LockFile, lockFile: string, configFile: string, units: readonly GenerationUnitConfig[], version: string, statCache?: StatCache): Promise<boolean> {
  if (lock.generator !== version) return false;
  if ((await hashOf(configFile)) !== lock.config.sha256) return false;
  const unitLocks = units.map((unit) => lock.units[unit.name]);
  if (unitLocks.some((unitLock) => unitLock === undefined)) return false;
  // A help file not read last time (new in a folder) whose name a unit selects adds a cmdlet.
  // Compared as absolute paths: resolving the lock's entries is cached by folder, and making
  // thousands of listed files relative to the lock (path.relative) cost more.
  const locked = new Set(allInputs(lock).map((entry) => lockAbsolutePath(lockFile, entry.path)));
  for (const unit of units) {
    const listed = (await Promise.all(unit.cmdlets.map(markdownFiles))).flat();
    const unread = listed.filter((file) => !locked.has(file));
    const names = unread.map((file) => path.basename(file, '.md'));
    if (selectCmdletNames(names, unit.include, unit.exclude).size > 0) return false;
  }
  const entries = unitLocks.flatMap((unitLock) => (unitLock ? [...unitLock.inputs, ...unitLock.outputs] : []));
  // a file whose size, mtime and inode are as cached is not read again (stat-cache.ts)
  const cache = statCache ?? (await StatCache.forLock(lockFile));
  // a few files at a time: a whole module's thousands of outputs opened at once run out of file
  // handles (EMFILE), and an unreadable file counts as changed — the unit regenerated for nothing
  for (let start = 0; start < entries.length; start += STAT_BATCH) {
    const batch = entries.slice(start, start + STAT_BATCH);
    const hashes = await Promise.all(batch.map((entry) => cache.hashOf(lockAbsolutePath(lockFile, entry.path))));
    if (!batch.every((entry, index) => hashes[index] === entry.sha256)) {
      if (!statCache) await cache.save();
      return false;
    }
  }
  if (!statCache) await cache.save();
  return true;
}

/**
 * Whether a lock's units are up to date (`isUpToDate`), without reading the lock when the stat
 * cache vouches for it: the last check that found it so saw the same lock, config, help folders
 * and files (stat-cache.ts). A check that reads the lock and finds it up to date leaves that mark
 * when it covered every unit of the lock.
 */
export async function lockIsUpToDate(lockFile: string, configFile: string, units: readonly GenerationUnitConfig[], version: string, readLock: () => Promise<LockFile | undefined>): Promise<boolean> {
  const cache = await StatCache.forLock(lockFile);
  const unitNames = units.map((unit) => unit.name).sort();
  const watched = [path.resolve(lockFile), path.resolve(configFile), ...new Set(units.flatMap((unit) => unit.cmdlets.map((folder) => path.resolve(folder))))];
  if (cache.stillVerified(version, unitNames, watched)) return true;
  const before = watched.map(fileStats);
  const lock = await readLock();
  const upToDate = lock !== undefined && (await isUpToDate(lock, lockFile, configFile, units, version, cache));
  if (upToDate && Object.keys(lock.units).sort().join('\0') === unitNames.join('\0')) {
    const files = new Set(units.flatMap((unit) => [...(lock.units[unit.name]?.inputs ?? []), ...(lock.units[unit.name]?.outputs ?? [])].map((entry) => lockAbsolutePath(lockFile, entry.path))));
    cache.markVerified(version, unitNames, before, files);
  }
  await cache.save();
  return upToDate;
}
