import { existsSync } from 'node:fs';
import path from 'node:path';
import type { GenerationUnitConfig } from '../config/index.js';
import { discardRunTemporaries, foldersUnder, stopStaging } from '../output/index.js';
import { terminateAllWorkers } from '../pipeline/worker-pool.js';

/**
 * The files a run stages beside their places, from the first target to the write: removed, with
 * the folders they made, when the run stops before its write (an error, a conflict, --check) or is
 * interrupted (SIGINT, SIGTERM: the workers are stopped first, so none stages more).
 */
export class StagingGuard {
  readonly #roots: readonly string[];
  /** The folders under the roots before the run: the sweep leaves them, and removes the rest if empty. */
  readonly #foldersBefore: ReadonlySet<string>;
  readonly #signals = new Map<NodeJS.Signals, () => void>();
  /** The interrupt under way: it ends the process. */
  #interrupt: Promise<never> | undefined;

  constructor(roots: readonly string[]) {
    // a folder the run will make (a first run) is removed from its highest missing ancestor down
    this.#roots = [...new Set(roots.map(highestMissingFolder))];
    this.#foldersBefore = foldersUnder(this.#roots);
  }

  /** Runs `work` with the interrupt handlers on; they stay on until `release`. */
  async during<T>(work: () => Promise<T>): Promise<T> {
    for (const [signal, exitCode] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
    ] as const) {
      const handler = () => {
        this.#interrupt = this.#interrupted(signal, exitCode);
      };
      this.#signals.set(signal, handler);
      process.once(signal, handler);
    }
    try {
      return await work();
    } catch (error) {
      // stopping the workers fails the run: the interrupt reports it and exits, not the caller
      if (this.#interrupt) await this.#interrupt;
      throw error;
    }
  }

  discard(): Promise<void> {
    return discardRunTemporaries(this.#roots, this.#foldersBefore);
  }

  /** From here an interrupt is Node's default again (the write has begun, or the run is over). */
  release(): void {
    for (const [signal, handler] of this.#signals) process.off(signal, handler);
    this.#signals.clear();
  }

  async #interrupted(signal: NodeJS.Signals, exitCode: number): Promise<never> {
    this.release();
    process.stderr.write(`mgkit-gen: ${signal === 'SIGINT' ? 'interrupted' : 'terminated'}; nothing was written.\n`);
    // nothing may stage after the sweep: this thread stops staging, the workers stop altogether
    await Promise.all([stopStaging(), terminateAllWorkers()]);
    await this.discard();
    process.exit(exitCode);
  }
}

/** `folder` when it exists, else the highest of its ancestors that does not. */
function highestMissingFolder(folder: string): string {
  let highest = folder;
  for (let parent = path.dirname(highest); parent !== highest && !existsSync(highest) && !existsSync(parent); parent = path.dirname(parent)) highest = parent;
  return highest;
}

/**
 * Where the units stage: their output folders, and the folder above a CLI module's (where the
 * index that merges the modules goes).
 */
export function stagingRoots(units: readonly GenerationUnitConfig[]): string[] {
  const roots = units.flatMap((unit) => Object.values(unit.outputs).flatMap((output) => (output ? [output.dir] : [])));
  for (const unit of units) if (unit.outputs.cli?.['modules']) roots.push(path.dirname(unit.outputs.cli.dir));
  // a folder inside another root is walked with it
  return [...new Set(roots)].filter((root) => !roots.some((other) => root.startsWith(`${other}${path.sep}`)));
}
