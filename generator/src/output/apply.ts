import { type Dirent, readdirSync } from 'node:fs';
import { mkdir, readdir, rename, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DiagnosticError } from '../diagnostics/index.js';
import { inBatches } from '../util/batches.js';
import { isRunTemporary, targetOfTemporary, temporaryFor, unwritable } from './compare.js';
import type { FileChange } from './plan.js';

/** Write via a temporary sibling and rename, so readers never see half a file. */
async function writeAtomically(file: string, contents: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = temporaryFor(file);
  await writeFile(temporary, contents, 'utf8');
  await rename(temporary, file);
}

const WRITE_BATCH = 16;

async function removeEmptyParents(file: string, stopAt: string): Promise<void> {
  let folder = path.dirname(file);
  while (folder.startsWith(stopAt) && folder !== stopAt) {
    const entries = await readdir(folder).catch(() => ['?']);
    if (entries.length > 0) return;
    await rmdir(folder);
    folder = path.dirname(folder);
  }
}

/**
 * Apply a plan, one change per path (`generate` merges the changes of several locks first).
 * Callers have already decided the plan is safe (no errors, no unforced conflicts).
 * Every new content is first written beside its target (most were, as their targets made them:
 * `compareWithDisk`); if any of those writes fails, they are removed and nothing has changed.
 * Then the files are renamed into place and deletions done, the lock files (`lockFiles`) last: a
 * run cut short leaves the old lock, which the next run reconciles (files already in place match
 * what it generates).
 */
export async function applyChanges(changes: readonly FileChange[], projectRoot: string, lockFiles: ReadonlySet<string> = new Set()): Promise<void> {
  const writes = changes.flatMap((change) => (change.kind === 'delete' ? [] : [change]));
  // every temporary file is known before it is written: a write cut short (disk full) is removed too
  const staged = writes.map((change) => ({ change, temporary: change.file.temporary ?? temporaryFor(change.path), target: change.path }));
  const removeStaged = () => Promise.all(staged.map(({ temporary }) => unlink(temporary).catch(() => undefined)));
  const folders = new Set<string>();
  const stage = async ({ change, temporary }: (typeof staged)[number]): Promise<void> => {
    try {
      const isFolder = await stat(change.path).then(
        (info) => info.isDirectory(),
        () => false,
      );
      if (isFolder) throw Object.assign(new Error('a folder is in its place'), { code: 'EISDIR', path: change.path });
      if (change.file.temporary) return;
      if (change.file.contents === undefined) throw new Error(`${change.path}: neither staged nor held`);
      const folder = path.dirname(change.path);
      if (!folders.has(folder)) await mkdir(folder, { recursive: true });
      folders.add(folder);
      await writeFile(temporary, change.file.contents, 'utf8');
    } catch (error) {
      const reason = error instanceof Error ? error : new Error(String(error));
      throw Object.assign(reason, { path: (reason as { path?: string }).path ?? change.path });
    }
  };
  try {
    // a few writes at a time: one after the other, a module's thousands of files took seconds
    await inBatches(staged, WRITE_BATCH, stage);
  } catch (error) {
    await removeStaged();
    const failed = (error as { path?: string }).path ?? projectRoot;
    throw unwritable(failed, error);
  }
  let placed = 0;
  const place = async ({ temporary, target }: (typeof staged)[number]): Promise<void> => {
    await rename(temporary, target);
    placed += 1;
  };
  try {
    await inBatches(
      staged.filter((entry) => !lockFiles.has(entry.target)),
      WRITE_BATCH,
      place,
    );
    for (const change of changes) {
      if (change.kind !== 'delete') continue;
      await unlink(change.path);
      await removeEmptyParents(change.path, projectRoot);
    }
    for (const entry of staged.filter((candidate) => lockFiles.has(candidate.target))) await place(entry);
  } catch (error) {
    // files already in place match what generate produces; the old lock stays, so the next run
    // (and --check) sees what is left to do. No temporary file is left behind (a renamed one is gone).
    await removeStaged();
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const failed = targetOfTemporary((error as { dest?: string; path?: string }).dest ?? (error as { path?: string }).path ?? projectRoot);
    throw new DiagnosticError(
      [
        {
          severity: 'error',
          code: 'output/unwritable',
          file: failed,
          message: `cannot put the file in place (${code}); ${placed} of ${staged.length} file(s) were written and the lock was not updated`,
          hint: 'fix the cause (permissions, disk space), then run generate again: it finishes the job',
        },
      ],
      true,
    );
  }
}

/** Temporary files a run cut short left in the output folders (`*.mgkit-tmp`), for --check to report. */
export async function leftoverTemporaries(folders: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  const visit = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) await visit(full);
      else if (entry.name.endsWith('.mgkit-tmp')) found.push(full);
    }
  };
  for (const folder of folders) await visit(folder);
  return found.sort();
}

/**
 * Removes the temporaries this run staged under `roots` (a run that stops before its write: an
 * error, a conflict, an interrupt), and the folders it made: every folder under the roots, the
 * roots included, that is empty once they are gone and was not in `foldersBefore` (an interrupted
 * worker may have made a folder and not yet its file). A folder that was there before stays, empty
 * or not.
 */
export async function discardRunTemporaries(roots: readonly string[], foldersBefore: ReadonlySet<string>): Promise<void> {
  for (const root of new Set(roots)) await sweep(root, foldersBefore);
}

/** Removes this run's temporaries under `folder`, then every folder there that is left empty and is not in `keep`, deepest first. */
async function sweep(folder: string, keep: ReadonlySet<string>): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) await sweep(full, keep);
    else if (isRunTemporary(full)) await unlink(full).catch(() => undefined);
  }
  if (!keep.has(folder)) await rmdir(folder).catch(() => undefined);
}

/** Every folder under `roots`, the roots included (those that exist): what a run must leave in place. */
export function foldersUnder(roots: readonly string[]): Set<string> {
  const found = new Set<string>();
  const visit = (folder: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    found.add(folder);
    for (const entry of entries) if (entry.isDirectory()) visit(path.join(folder, entry.name));
  };
  for (const root of roots) visit(root);
  return found;
}

export { writeAtomically };
