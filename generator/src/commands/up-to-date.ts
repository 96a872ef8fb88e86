import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { allInputs, allOutputs, lockAbsolutePath, lockRelativePath, sha256, type LockFile } from '../output/index.js';

async function hashOf(file: string): Promise<string | undefined> {
  try {
    return sha256(await readFile(file));
  } catch {
    return undefined;
  }
}

async function markdownFiles(folder: string): Promise<string[]> {
  try {
    const names = await readdir(folder);
    return names.filter((name) => name.endsWith('.md')).map((name) => path.join(folder, name));
  } catch {
    return [];
  }
}

/**
 * True when the lock proves that generating again would change nothing: same generator, same
 * config, same input files with the same hashes, and every output still as written. Reads only
 * the files the lock names (plus the cmdlet folder listings), so it is fast.
 */
export async function isUpToDate(
  lock: LockFile,
  lockFile: string,
  configFile: string,
  cmdletFolders: readonly string[],
  version: string,
): Promise<boolean> {
  if (lock.generator !== version) return false;
  if ((await hashOf(configFile)) !== lock.config.sha256) return false;
  const locked = new Set(allInputs(lock).map((entry) => entry.path));
  const listed = (await Promise.all(cmdletFolders.map(markdownFiles))).flat();
  if (listed.some((file) => !locked.has(lockRelativePath(lockFile, file)))) return false;
  const entries = [...allInputs(lock), ...allOutputs(lock)];
  const hashes = await Promise.all(entries.map((entry) => hashOf(lockAbsolutePath(lockFile, entry.path))));
  return entries.every((entry, index) => hashes[index] === entry.sha256);
}
