import { readIfExists, type ComparedFile } from './compare.js';
import { lockAbsolutePath, lockRelativePath, sha256, type LockEntry } from './lock.js';

export type FileChange = { readonly kind: 'create' | 'update'; readonly path: string; readonly file: ComparedFile } | { readonly kind: 'delete'; readonly path: string };

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

/**
 * What writing the produced files (already compared with the disk) would change, given what the
 * lock says was generated before (`previousOutputs`: the outputs of the units being generated).
 * Reads only the files no longer produced.
 */
export async function planOutputs(files: readonly ComparedFile[], lockFile: string, previousOutputs: readonly LockEntry[]): Promise<OutputPlan> {
  const lockedHashes = new Map(previousOutputs.map((entry) => [entry.path, entry.sha256]));
  const changes: FileChange[] = [];
  const unchanged: string[] = [];
  const conflicts: OutputConflict[] = [];
  const produced = new Set<string>();

  for (const file of files) {
    const relative = lockRelativePath(lockFile, file.path);
    produced.add(relative);
    const { current } = file;
    if (current?.sha256 === file.sha256) {
      unchanged.push(file.path);
      continue;
    }
    if (current === undefined) {
      changes.push({ kind: 'create', path: file.path, file });
      continue;
    }
    const lockedHash = lockedHashes.get(relative);
    if (lockedHash === undefined && !current.generated) {
      conflicts.push({ path: file.path, reason: 'not-generated' });
    } else if (lockedHash !== undefined && lockedHash !== current.sha256) {
      conflicts.push({ path: file.path, reason: 'hand-edited' });
    }
    changes.push({ kind: 'update', path: file.path, file });
  }
  conflicts.sort(byPath);

  for (const [relative, lockedHash] of lockedHashes) {
    if (produced.has(relative)) continue;
    const absolute = lockAbsolutePath(lockFile, relative);
    const current = await readIfExists(absolute);
    if (current === undefined) continue;
    if (sha256(current) !== lockedHash) conflicts.push({ path: absolute, reason: 'hand-edited' });
    changes.push({ kind: 'delete', path: absolute });
  }
  changes.sort(byPath);
  return { changes, unchanged, conflicts };
}

const byPath = (a: { readonly path: string }, b: { readonly path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
