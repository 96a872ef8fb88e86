import { readFile } from 'node:fs/promises';
import { inBatches } from '../util/batches.js';
import { GENERATED_MARKER, type GeneratedFile } from './types.js';
import { lockAbsolutePath, lockRelativePath, sha256, type LockEntry } from './lock.js';

export type FileChange =
  | { readonly kind: 'create'; readonly path: string; readonly contents: string }
  | { readonly kind: 'update'; readonly path: string; readonly contents: string; readonly previous: string }
  | { readonly kind: 'delete'; readonly path: string; readonly previous: string };

/** A file we would change although someone edited it by hand (or it was never ours). */
export interface OutputConflict {
  readonly path: string;
  readonly reason: 'hand-edited' | 'not-generated';
}

export interface OutputPlan {
  readonly changes: readonly FileChange[];
  readonly unchanged: readonly string[];
  readonly conflicts: readonly OutputConflict[];
}

const READ_BATCH = 64;

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Compare what the targets produced with the disk and with what the lock says was generated
 * before (`previousOutputs`: the outputs of the units being generated). Reads only.
 */
export async function planOutputs(files: readonly GeneratedFile[], lockFile: string, previousOutputs: readonly LockEntry[]): Promise<OutputPlan> {
  const lockedHashes = new Map(previousOutputs.map((entry) => [entry.path, entry.sha256]));
  const changes: FileChange[] = [];
  const unchanged: string[] = [];
  const conflicts: OutputConflict[] = [];
  const produced = new Set<string>();

  const compare = (file: GeneratedFile, current: string | undefined): void => {
    const relative = lockRelativePath(lockFile, file.path);
    produced.add(relative);
    if (current === file.contents) {
      unchanged.push(file.path);
      return;
    }
    if (current === undefined) {
      changes.push({ kind: 'create', path: file.path, contents: file.contents });
      return;
    }
    const lockedHash = lockedHashes.get(relative);
    if (lockedHash === undefined && !current.includes(GENERATED_MARKER)) {
      conflicts.push({ path: file.path, reason: 'not-generated' });
    } else if (lockedHash !== undefined && lockedHash !== sha256(current)) {
      conflicts.push({ path: file.path, reason: 'hand-edited' });
    }
    changes.push({ kind: 'update', path: file.path, contents: file.contents, previous: current });
  };
  // a module's outputs are tens of megabytes, and an unchanged file need not stay read
  await inBatches(files, READ_BATCH, async (file) => compare(file, await readIfExists(file.path)));
  // compared as their reads finished: in path order again, so a run reports them the same way every time
  conflicts.sort(byPath);

  for (const [relative, lockedHash] of lockedHashes) {
    if (produced.has(relative)) continue;
    const absolute = lockAbsolutePath(lockFile, relative);
    const current = await readIfExists(absolute);
    if (current === undefined) continue;
    if (sha256(current) !== lockedHash) conflicts.push({ path: absolute, reason: 'hand-edited' });
    changes.push({ kind: 'delete', path: absolute, previous: current });
  }
  changes.sort(byPath);
  return { changes, unchanged, conflicts };
}

const byPath = (a: { readonly path: string }, b: { readonly path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
