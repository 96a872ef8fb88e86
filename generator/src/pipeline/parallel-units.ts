/**
 * Runs the units of a generation on worker threads, one unit per worker at a time, so that the
 * 33 modules of a whole-Graph run use every core. One unit (the usual project) runs in this
 * thread. Results come back in config order whatever order the workers finish in, so output
 * and diagnostics do not depend on timing.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import type { GenerationUnitConfig, MgkitConfig } from '../config/index.js';
import { DiagnosticBag, type Diagnostic } from '../diagnostics/index.js';
import { compareWithDisk, type ComparedFile, type OutputHandling } from '../output/index.js';
import { finishRun, runPipelineSettling, selectConfiguredUnits, type UnitOutput } from './run-pipeline.js';
import { capHeapGrowth } from './heap-growth.js';
import { StageClock, type StageRecord } from './stage-clock.js';
import { runOnWorkers } from './worker-pool.js';

export interface ParallelPipelineResult {
  readonly config?: MgkitConfig;
  readonly units: readonly UnitOutput<ComparedFile>[];
  /** Each path once. */
  readonly files: readonly ComparedFile[];
  readonly diagnostics: DiagnosticBag;
  /** Worker threads the units ran on; 0 when they ran in this thread. */
  readonly workerThreads: number;
  /** Every temporary the units staged (a file several units write is staged once by each). */
  readonly staged: readonly string[];
}

export interface ParallelPipelineOptions {
  readonly configFile: string;
  readonly units?: readonly string[];
  readonly clock?: StageClock;
  /** `stage` writes each changed file's temporary as its target returns it; `compare` holds it (--check). */
  readonly handling: OutputHandling;
  /**
   * Worker threads to use; default: MGKIT_GEN_WORKERS, else the cores available when the units'
   * descriptions are large enough to pay for the workers' start-up. 1 runs in this thread.
   */
  readonly workers?: number;
}

/** What a worker posts while it runs a unit (its reply is a `UnitWork`). */
export interface StageMessage {
  readonly kind: 'stage';
  readonly record: StageRecord;
}

/** A unit's outcome as a worker replies it. */
export interface UnitWork {
  readonly output?: Omit<UnitOutput<ComparedFile>, 'unit'>;
  readonly diagnostics: readonly Diagnostic[];
}

/** What a worker is given: the config to load and the unit to run. */
export interface WorkerTask {
  readonly configFile: string;
  readonly unitName: string;
  readonly handling: OutputHandling;
}

/** Young-generation size for workers: the default's frequent scavenges were a fifth of a run's time. */
const WORKER_YOUNG_GENERATION_MB = 64;

const WORKER_FILE = new URL('./unit-worker.js', import.meta.url);

/**
 * Descriptions of this many bytes in all make a large run. Below it, the units run in this thread
 * unless told otherwise; above it, several units go to workers (for speed) and one unit runs here
 * with the heap's growth capped (for memory: heap-growth.ts). A worker spends about 0.8 s of a
 * core loading the generator before its first unit; the 33 modules cost about 6 s of a core per MB
 * of description, so a worker starts to pay for itself at about 150 KB of its own, and 512 KB in
 * all leaves a margin for the CPU the workers add. Two units of a small slice ran in 1.2 s on one
 * thread and 2.0 s (twice the CPU) on two.
 */
const LARGE_DESCRIPTIONS_BYTES = 512 * 1024;

export async function runPipelineInParallel(options: ParallelPipelineOptions): Promise<ParallelPipelineResult> {
  const clock = options.clock ?? new StageClock();
  const diagnostics = new DiagnosticBag();
  const { config, units } = await selectConfiguredUnits(options.configFile, options.units, diagnostics);
  const large = descriptionBytes(units) >= LARGE_DESCRIPTIONS_BYTES;
  const workers = options.workers ?? configuredWorkerCount() ?? (large ? availableParallelism() : 1);
  // from sources (tests under vitest) there is no compiled worker file: run here
  const fromSources = import.meta.url.endsWith('.ts');
  if (!config || diagnostics.hasErrors || units.length <= 1 || workers <= 1 || fromSources) {
    const staged: string[] = [];
    const settle = async (files: Parameters<typeof compareWithDisk>[0]) => noteStaged(await compareWithDisk(files, options.handling), staged);
    // large inputs in one thread: memory is what such a run is short of (see heap-growth.ts)
    const uncap = large ? capHeapGrowth() : () => {};
    const result = await runPipelineSettling({ configFile: options.configFile, clock, ...(options.units && { units: options.units }) }, settle).finally(uncap);
    // the models (and what the targets cached on them) are garbage from here, not held through the write
    return { ...result, units: result.units.map(({ model: _model, ...output }) => output), workerThreads: 0, staged };
  }

  const workerThreads = Math.min(workers, units.length);
  const outcomes = await runInPool(units, workerThreads, options.configFile, options.handling, clock);
  const outputs: UnitOutput<ComparedFile>[] = [];
  const staged: string[] = [];
  for (const outcome of outcomes) {
    diagnostics.addAll(outcome.diagnostics);
    if (outcome.output) outputs.push({ unit: outcome.unit, ...outcome.output, files: noteStaged(outcome.output.files, staged) });
  }
  return { config, ...finishRun<ComparedFile, UnitOutput<ComparedFile>>(outputs, diagnostics), diagnostics, workerThreads, staged };
}

/** Adds the files' temporaries to `staged`; returns the files. */
function noteStaged(files: readonly ComparedFile[], staged: string[]): readonly ComparedFile[] {
  for (const file of files) if (file.temporary) staged.push(file.temporary);
  return files;
}

/** MGKIT_GEN_WORKERS, when it is a count. */
function configuredWorkerCount(): number | undefined {
  const fromEnvironment = Number(process.env['MGKIT_GEN_WORKERS']);
  return Number.isInteger(fromEnvironment) && fromEnvironment > 0 ? fromEnvironment : undefined;
}

/** The size of the description each unit reads (a missing one counts as large: its unit will say why). */
function descriptionBytes(units: readonly GenerationUnitConfig[]): number {
  let bytes = 0;
  for (const unit of units) bytes += statSync(unit.openapi, { throwIfNoEntry: false })?.size ?? LARGE_DESCRIPTIONS_BYTES;
  return bytes;
}

/** Each worker runs one unit at a time; outcomes in the units' order. */
async function runInPool(
  units: readonly GenerationUnitConfig[],
  size: number,
  configFile: string,
  handling: WorkerTask['handling'],
  clock: StageClock,
): Promise<(UnitWork & { unit: GenerationUnitConfig })[]> {
  const tasks: WorkerTask[] = units.map((unit) => ({ configFile, unitName: unit.name, handling }));
  const replies = await runOnWorkers<WorkerTask, UnitWork>(WORKER_FILE, tasks, {
    size,
    resourceLimits: { maxOldGenerationSizeMb: Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20), maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    onMessage: (message) => clock.add((message as StageMessage).record),
    describe: (task) => `unit ${(task as WorkerTask).unitName}`,
  });
  return replies.map((reply, index) => ({ ...reply, unit: units[index] as GenerationUnitConfig }));
}
