import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { DiagnosticError } from '../diagnostics/index.js';
import { inBatches } from '../util/batches.js';

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

/** Lock file → its folder, resolved once: a whole-Graph no-op resolves tens of thousands of entries. */
const lockFolders = new Map<string, string>();

/**
 * Per lock folder, its entries' folders (`../cmdlets/Users`) resolved: entries share a few folders,
 * and a whole-Graph no-op resolves 37,000 entries twice.
 */
const entryFolders = new Map<string, Map<string, string>>();

export function lockAbsolutePath(lockFile: string, relativePath: string): string {
  let folder = lockFolders.get(lockFile);
  if (folder === undefined) {
    folder = path.resolve(path.dirname(lockFile));
    lockFolders.set(lockFile, folder);
  }
  const slash = relativePath.lastIndexOf('/');
  const base = relativePath.slice(slash + 1);
  if (path.sep !== '/' || base === '' || base === '.' || base === '..' || relativePath.includes('\\')) return path.resolve(folder, ...relativePath.split('/'));
  const entryFolder = slash < 0 ? '' : relativePath.slice(0, slash);
  let resolvedFolders = entryFolders.get(folder);
  if (resolvedFolders === undefined) {
    resolvedFolders = new Map();
    entryFolders.set(folder, resolvedFolders);
  }
  let resolved = resolvedFolders.get(entryFolder);
  if (resolved === undefined) {
    resolved = path.resolve(folder, ...entryFolder.split('/'));
    resolvedFolders.set(entryFolder, resolved);
  }
  return resolved === '/' ? `/${base}` : `${resolved}/${base}`;
}

/**
 * Where a unit's lock entries may point. A lock is data anyone can edit, and generate reads and
 * deletes what it lists: outputs must lie in the project (in the unit's output folders, or in
 * folders it used before the config moved them), inputs in the project or where the config
 * reads. An entry elsewhere (`../../x`, `/tmp/x`) is refused, never followed. (An old output
 * outside today's output folders is deleted only when it is provably generated: see
 * plan-locked.ts.)
 */
export interface LockScope {
  readonly projectRoot: string;
  readonly units: Readonly<Record<string, { readonly outputDirs: readonly string[]; readonly inputs: readonly string[] }>>;
}

const isEntry = (value: unknown): value is LockEntry =>
  typeof value === 'object' && value !== null && typeof (value as LockEntry).path === 'string' && (value as LockEntry).path !== '' && typeof (value as LockEntry).sha256 === 'string';

/** The first entry that is not `{ "path": string, "sha256": string }`, as a key path into the lock. */
function malformedEntry(parsed: Partial<LockFile>): (string | number)[] | undefined {
  if (!isEntry(parsed.config)) return ['config'];
  for (const [name, unit] of Object.entries(parsed.units ?? {})) {
    if (typeof unit !== 'object' || unit === null) return ['units', name];
    for (const list of ['inputs', 'outputs'] as const) {
      const entries: unknown = (unit as Partial<UnitLock>)[list];
      if (!Array.isArray(entries)) return ['units', name, list];
      const bad = entries.findIndex((entry) => !isEntry(entry));
      if (bad >= 0) return ['units', name, list, bad];
    }
  }
  return undefined;
}

/** Lock paths are POSIX and relative to the lock's folder: `/x`, `C:x` and `a\\b` are not. */
const isRelativePosix = (entryPath: string): boolean => !entryPath.startsWith('/') && !/^[A-Za-z]:/.test(entryPath) && !entryPath.includes('\\');

/** A folder entries may be in, and the prefix of the paths inside it. */
interface Folder {
  readonly path: string;
  readonly prefix: string;
}

/** The first entry of a unit in scope that points outside where it may. */
function escapingEntry(lock: LockFile, lockFile: string, scope: LockScope): { at: (string | number)[]; path: string; list: 'inputs' | 'outputs' } | undefined {
  // lockAbsolutePath answers a normalised absolute path, and the folders are normalised once
  // here: a prefix test per folder then suffices (a whole-Graph no-op checks 37,000 entries)
  const inside = (entryPath: string, folders: readonly Folder[]): boolean => {
    if (!isRelativePosix(entryPath)) return false;
    const absolute = lockAbsolutePath(lockFile, entryPath);
    return folders.some((folder) => absolute === folder.path || absolute.startsWith(folder.prefix));
  };
  const normalised = (folders: readonly string[]): Folder[] =>
    folders.map((folder) => {
      const resolved = path.resolve(folder);
      return { path: resolved, prefix: resolved.endsWith(path.sep) ? resolved : `${resolved}${path.sep}` };
    });
  for (const [name, allowed] of Object.entries(scope.units)) {
    const unit = lock.units[name];
    if (!unit) continue;
    const outputFolders = normalised([...allowed.outputDirs, scope.projectRoot]);
    const inputFolders = normalised(allowed.inputs);
    const outputIndex = unit.outputs.findIndex((entry) => !inside(entry.path, outputFolders));
    if (outputIndex >= 0) return { at: ['units', name, 'outputs', outputIndex, 'path'], path: unit.outputs[outputIndex]?.path ?? '', list: 'outputs' };
    const inputIndex = unit.inputs.findIndex((entry) => !inside(entry.path, inputFolders));
    if (inputIndex >= 0) return { at: ['units', name, 'inputs', inputIndex, 'path'], path: unit.inputs[inputIndex]?.path ?? '', list: 'inputs' };
  }
  return undefined;
}

/** Line and column of the value at `at` in the lock's text (JSON is YAML). */
function positionIn(text: string, at: readonly (string | number)[]): { line: number; column: number } | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  for (let length = at.length; length > 0; length -= 1) {
    const node = document.getIn(at.slice(0, length), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) {
      const { line, col } = lineCounter.linePos(node.range[0]);
      return { line, column: col };
    }
  }
  return undefined;
}

/**
 * The lock, or undefined when there is none yet. A lock that exists but cannot be read (a merge
 * conflict, a bad edit, entries of the wrong shape) is an error, not a fresh start: without it
 * hand edits would go unnoticed. With a scope, an entry pointing outside it is an error too.
 */
export async function readLockFile(lockFile: string, scope?: LockScope): Promise<LockFile | undefined> {
  let text: string;
  try {
    text = await readFile(lockFile, 'utf8');
  } catch {
    return undefined;
  }
  const unreadable = (
    message: string,
    line?: number,
    column?: number,
    hint = 'resolve it (take either side of a merge, then run generate: the lock is rewritten), or delete the file and run generate --force',
  ): DiagnosticError =>
    new DiagnosticError([
      {
        severity: 'error',
        code: 'lock/unreadable',
        message,
        file: lockFile,
        ...(line !== undefined && { line }),
        ...(column !== undefined && { column }),
        hint,
      },
    ]);
  // one search over the text: splitting a whole-Graph lock into its lines cost more than parsing it
  const conflict = /^(<{7}|={7}|>{7})( |$)/m.exec(text);
  if (conflict) throw unreadable('the lock file holds merge conflict markers', text.slice(0, conflict.index).split('\n').length, 1);
  let parsed: Partial<LockFile>;
  try {
    parsed = JSON.parse(text) as Partial<LockFile>;
  } catch (error) {
    const where = jsonErrorPosition(text, (error as Error).message);
    throw unreadable('the lock file is not valid JSON', where?.line, where?.column);
  }
  if (typeof parsed !== 'object' || parsed === null || !parsed.config || typeof parsed.units !== 'object' || parsed.units === null) throw unreadable('the lock file has no config or units entry');
  const malformed = malformedEntry(parsed);
  if (malformed) {
    const where = positionIn(text, malformed);
    throw unreadable(
      `the lock file's entry ${malformed.join('.')} is not { "path": string, "sha256": string }`,
      where?.line,
      where?.column,
      'restore the lock from version control, or delete it and run generate --force',
    );
  }
  const lock = parsed as LockFile;
  const escaping = scope && escapingEntry(lock, lockFile, scope);
  if (escaping) {
    const where = positionIn(text, escaping.at);
    const place = escaping.list === 'outputs' ? 'outside the project' : "outside the project and the unit's configured inputs";
    throw new DiagnosticError([
      {
        severity: 'error',
        code: 'lock/path-outside-scope',
        message: `the lock lists ${JSON.stringify(escaping.path)} in ${escaping.at.slice(0, 3).join('.')}, ${place}; refusing to read or delete it, nothing was touched`,
        file: lockFile,
        ...(where && { line: where.line, column: where.column }),
        hint: 'restore the lock from version control, or delete it and run generate --force',
      },
    ]);
  }
  return lock;
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

const HASH_BATCH = 32;

export async function hashFiles(lockFile: string, files: readonly string[]): Promise<LockEntry[]> {
  // a module's inputs are up to 70 MB, and each needs holding only while it is hashed
  const entries = await inBatches(files, HASH_BATCH, async (file) => ({ path: lockRelativePath(lockFile, file), sha256: sha256(await readFile(file)) }));
  return entries.sort((a, b) => (a.path < b.path ? -1 : 1));
}
