import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export interface LockEntry {
  /** POSIX path relative to the lock file's folder. */
  readonly path: string;
  readonly sha256: string;
}

/** What one generation unit read and wrote. */
export interface UnitLock {
  readonly inputs: readonly LockEntry[];
  readonly outputs: readonly LockEntry[];
}

export interface LockFile {
  readonly generator: string;
  readonly config: LockEntry;
  /** By unit name, so `generate --unit x` touches only x's part. */
  readonly units: Readonly<Record<string, UnitLock>>;
}

export function allInputs(lock: LockFile): LockEntry[] {
  return Object.values(lock.units).flatMap((unit) => unit.inputs);
}

export function allOutputs(lock: LockFile): LockEntry[] {
  return Object.values(lock.units).flatMap((unit) => unit.outputs);
}

export function sha256(contents: string | Buffer): string {
  return createHash('sha256').update(contents).digest('hex');
}

export function lockRelativePath(lockFile: string, absolutePath: string): string {
  return path.relative(path.dirname(lockFile), absolutePath).split(path.sep).join('/');
}

export function lockAbsolutePath(lockFile: string, relativePath: string): string {
  return path.resolve(path.dirname(lockFile), ...relativePath.split('/'));
}

export async function readLockFile(lockFile: string): Promise<LockFile | undefined> {
  let text: string;
  try {
    text = await readFile(lockFile, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockFile>;
    if (!parsed.config || typeof parsed.units !== 'object' || parsed.units === null) return undefined;
    return parsed as LockFile;
  } catch {
    return undefined;
  }
}

export function serializeLockFile(lock: LockFile): string {
  const byPath = (a: LockEntry, b: LockEntry) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const units = Object.keys(lock.units)
    .sort()
    .map((name) => {
      const unit = lock.units[name] ?? { inputs: [], outputs: [] };
      return [name, { inputs: [...unit.inputs].sort(byPath), outputs: [...unit.outputs].sort(byPath) }] as const;
    });
  const ordered: LockFile = { generator: lock.generator, config: lock.config, units: Object.fromEntries(units) };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

export async function hashFiles(lockFile: string, files: readonly string[]): Promise<LockEntry[]> {
  const entries = await Promise.all(
    files.map(async (file) => ({ path: lockRelativePath(lockFile, file), sha256: sha256(await readFile(file)) })),
  );
  return entries.sort((a, b) => (a.path < b.path ? -1 : 1));
}
