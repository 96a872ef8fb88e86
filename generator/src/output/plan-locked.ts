import { readFile } from 'node:fs/promises';
import { isWithin } from '../util/paths.js';
import { hashFiles, lockAbsolutePath, lockRelativePath, readLockFile, serializeLockFile, sha256, type LockEntry, type LockFile, type LockScope, type UnitLock } from './lock.js';
import { GENERATED_MARKER } from './types.js';
import { compareWithDisk, type ComparedFile } from './compare.js';
import { planOutputs, type OutputPlan } from './plan.js';

/**
 * Whether a stale output may be deleted. Inside the unit's output folders, as the lock says
 * (hand edits there are conflicts the user settles, with --force). Outside them (the config
 * moved the folder, or someone edited the lock), only a file that is provably ours: it still
 * has the hash the lock recorded and carries the generated header. Anything else stays.
 */
async function mayDelete(lockFile: string, entry: LockEntry, outputDirs: readonly string[]): Promise<boolean> {
  const file = lockAbsolutePath(lockFile, entry.path);
  if (outputDirs.some((dir) => isWithin(file, dir))) return true;
  const contents = await readFile(file, 'utf8').catch(() => undefined);
  return contents !== undefined && sha256(contents) === entry.sha256 && contents.includes(GENERATED_MARKER);
}

/** What one unit read and produced in this run. */
export interface GeneratedUnit {
  readonly name: string;
  readonly inputFiles: readonly string[];
  /** Its outputs, compared with the disk. */
  readonly files: readonly ComparedFile[];
}

export interface LockFacts {
  /** `@mgkit/generator@0.1.0+<hash>` */
  readonly generator: string;
  readonly configFile: string;
  readonly configHash: string;
}

/**
 * The new lock for one lock file and what writing it, and its generated units' outputs, would
 * change. Units of this lock not generated now (`unitsInLock` minus `generated`) keep their
 * entries and files; outputs a generated unit no longer produces are planned for deletion.
 */
export async function planLockedOutputs(lockFile: string, generated: readonly GeneratedUnit[], unitsInLock: readonly string[], facts: LockFacts, scope: LockScope): Promise<OutputPlan> {
  const previousLock = await readLockFile(lockFile, scope);
  const units: Record<string, UnitLock> = {};
  for (const name of unitsInLock) {
    const previous = previousLock?.units[name];
    if (previous && !generated.some((unit) => unit.name === name)) units[name] = previous;
  }
  for (const unit of generated) {
    units[unit.name] = {
      inputs: await hashFiles(lockFile, [...new Set(unit.inputFiles)]),
      outputs: unit.files.map((file) => ({ path: lockRelativePath(lockFile, file.path), sha256: file.sha256 })),
    };
  }
  const lock: LockFile = {
    generator: facts.generator,
    config: { path: lockRelativePath(lockFile, facts.configFile), sha256: facts.configHash },
    units,
  };
  // A file written again now is ours whatever its folder (the index shared by a CLI's modules lies
  // outside each unit's): its recorded hash tells a hand edit, which must not be overwritten silently.
  const writtenNow = new Set(generated.flatMap((unit) => unit.files.map((file) => lockRelativePath(lockFile, file.path))));
  const previousOutputs: LockEntry[] = [];
  for (const unit of generated) {
    const outputDirs = scope.units[unit.name]?.outputDirs ?? [];
    for (const entry of previousLock?.units[unit.name]?.outputs ?? []) {
      if (writtenNow.has(entry.path) || (await mayDelete(lockFile, entry, outputDirs))) previousOutputs.push(entry);
    }
  }
  const lockOutput = await compareWithDisk([{ path: lockFile, contents: serializeLockFile(lock) }], 'compare');
  return planOutputs([...generated.flatMap((unit) => unit.files), ...lockOutput], lockFile, previousOutputs);
}
