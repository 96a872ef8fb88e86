import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { DiagnosticError } from '../diagnostics/index.js';

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

/**
 * The lock, or undefined when there is none yet. A lock that exists but cannot be read (a merge
 * conflict, a bad edit) is an error, not a fresh start: without it hand edits would go unnoticed.
 */
export async function readLockFile(lockFile: string): Promise<LockFile | undefined> {
  let text: string;
  try {
    text = await readFile(lockFile, 'utf8');
  } catch {
    return undefined;
  }
  const unreadable = (message: string, line?: number, column?: number): DiagnosticError =>
    new DiagnosticError([
      {
        severity: 'error',
        code: 'lock/unreadable',
        message,
        file: lockFile,
        ...(line !== undefined && { line }),
        ...(column !== undefined && { column }),
        hint: 'resolve it (take either side of a merge, then run generate: the lock is rewritten), or delete the file and run generate --force',
      },
    ]);
  const conflictLine = text.split('\n').findIndex((line) => /^(<{7}|={7}|>{7})( |$)/.test(line));
  if (conflictLine >= 0) throw unreadable('the lock file holds merge conflict markers', conflictLine + 1, 1);
  let parsed: Partial<LockFile>;
  try {
    parsed = JSON.parse(text) as Partial<LockFile>;
  } catch (error) {
    const where = jsonErrorPosition(text, (error as Error).message);
    throw unreadable('the lock file is not valid JSON', where?.line, where?.column);
  }
  if (!parsed.config || typeof parsed.units !== 'object' || parsed.units === null) throw unreadable('the lock file has no config or units entry');
  return parsed as LockFile;
}

/** Line and column of a JSON syntax error: from V8's `at position N`, else from the YAML parser (JSON is YAML). */
function jsonErrorPosition(text: string, message: string): { line: number; column: number } | undefined {
  const position = /at position (\d+)/.exec(message);
  if (position) {
    const before = text.slice(0, Number(position[1]));
    return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
  }
  const start = parseDocument(text).errors[0]?.linePos?.[0];
  return start ? { line: start.line, column: start.col } : undefined;
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
