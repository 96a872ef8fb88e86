import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig, overlayFiles, type GenerationUnitConfig, type MgkitConfig } from '../config/index.js';
import {
  applyChanges,
  leftoverTemporaries,
  lockAbsolutePath,
  planLockedOutputs,
  readLockFile,
  sha256,
  type FileChange,
  type LockFile,
  type LockScope,
  type OutputConflict,
  type OutputPlan,
} from '../output/index.js';
import type { ParallelPipelineResult } from '../pipeline/parallel-units.js';
import type { StageClock } from '../pipeline/stage-clock.js';
import { generatorVersion } from './generator-version.js';
import { StagingGuard, stagingRoots } from './staging-guard.js';
import { displayPath, printDiagnostics, summariseDiagnostics } from './report.js';
import { lockIsUpToDate, rememberLockedFiles } from './up-to-date.js';

export interface GenerateOptions {
  readonly config: string;
  readonly check?: boolean;
  readonly force?: boolean;
  readonly quiet?: boolean;
  readonly unit?: readonly string[];
}

/** Exit codes: 0 done (or up to date), 1 errors or (with --check) drift. */
export async function generateCommand(options: GenerateOptions): Promise<number> {
  const configFile = path.resolve(options.config);
  const say = (line: string) => {
    if (!options.quiet) process.stdout.write(`${line}\n`);
  };
  const version = generatorVersion();
  // inputs edited from here on may differ from what this run reads: the stat cache skips them
  const startedAtMs = Date.now();

  const quick = await loadConfig(configFile);
  let unitsToRun = options.unit;
  if (quick.config && options.check) {
    const units = selectUnits(quick.config.units, options.unit);
    const folders = [...new Set(units.flatMap((unit) => [path.dirname(unit.lockFile), ...Object.values(unit.outputs).flatMap((output) => (output ? [output.dir] : []))]))];
    const leftovers = await leftoverTemporaries(folders);
    if (leftovers.length > 0) {
      for (const file of leftovers)
        process.stderr.write(`${displayPath(file)}: error output/leftover-temporary: a temporary file left by a run that was cut short (fix: delete it, then run generate)\n`);
      process.stderr.write(`mgkit-gen: ${leftovers.length} leftover temporary file(s); the output may be incomplete.\n`);
      return 1;
    }
  }
  if (quick.config && !options.force) {
    const units = selectUnits(quick.config.units, options.unit);
    const lockFiles = [...new Set(units.map((unit) => unit.lockFile))];
    const current = await Promise.all(
      lockFiles.map(async (lockFile) => {
        const locked = units.filter((unit) => unit.lockFile === lockFile);
        return lockIsUpToDate(lockFile, configFile, locked, version, () => readLockFile(lockFile, lockScope(configFile, quick.config?.projectRoot ?? path.dirname(configFile), locked)));
      }),
    );
    if (units.length > 0 && current.every(Boolean)) {
      say(`Up to date: inputs, config and outputs match ${lockFiles.map(displayPath).join(', ')}; nothing written.`);
      return 0;
    }
    // Units with a lock of their own regenerate alone: editing one module's description costs that module.
    const stale = new Set(lockFiles.filter((_, index) => !current[index]));
    if (!options.unit && stale.size < lockFiles.length) {
      unitsToRun = units.filter((unit) => stale.has(unit.lockFile)).map((unit) => unit.name);
      say(`Up to date: ${units.length - unitsToRun.length} unit(s); regenerating ${unitsToRun.join(', ')}.`);
    }
  }

  const { runPipelineInParallel } = await import('../pipeline/parallel-units.js');
  const { StageClock } = await import('../pipeline/stage-clock.js');
  const { progressLine } = await import('./run-summary.js');
  // progress on a terminal only: CI logs and pipes get the summary alone
  const showProgress = !options.quiet && process.stderr.isTTY === true && !process.env['CI'];
  const clock = new StageClock(showProgress ? (record) => process.stderr.write(`${progressLine(record)}\n`) : undefined);
  // The targets' files are staged beside their places as they are produced (--check only compares,
  // and stages nothing): until the write, a run that stops removes them, and the folders they made.
  const staging = new StagingGuard(quick.config && !options.check ? stagingRoots(selectUnits(quick.config.units, unitsToRun)) : []);
  try {
    const result = await staging.during(() => runPipelineInParallel({ configFile, clock, handling: options.check ? 'compare' : 'stage', ...(unitsToRun && { units: unitsToRun }) }));
    const exitCode = await writeOrReport(result, { options, configFile, version, startedAtMs, clock, staging, say });
    if (exitCode !== 0) await staging.discard();
    return exitCode;
  } catch (error) {
    await staging.discard();
    throw error;
  } finally {
    staging.release();
  }
}

/** What `generate` knows of its run when the pipeline returns. */
interface RunContext {
  readonly options: GenerateOptions;
  readonly configFile: string;
  readonly version: string;
  readonly startedAtMs: number;
  readonly clock: StageClock;
  readonly staging: StagingGuard;
  readonly say: (line: string) => void;
}

/** What the run produced, reported (--check) or written. The exit code. */
async function writeOrReport(result: ParallelPipelineResult, { options, configFile, version, startedAtMs, clock, staging, say }: RunContext): Promise<number> {
  printDiagnostics(result.diagnostics.items, { quiet: options.quiet ?? false });
  const config = result.config;
  if (!config || result.diagnostics.hasErrors) {
    process.stderr.write(`mgkit-gen: ${summariseDiagnostics(result.diagnostics.items)}; nothing was written.\n`);
    return 1;
  }

  // Units that share a lock file are planned together; each lock keeps the units not generated now.
  const configHash = sha256(await readFile(configFile));
  const plans: OutputPlan[] = [];
  for (const lockFile of new Set(result.units.map((generated) => generated.unit.lockFile))) {
    const generatedHere = result.units.filter((generated) => generated.unit.lockFile === lockFile);
    const unitsInLock = config.units.filter((unit) => unit.lockFile === lockFile).map((unit) => unit.name);
    const generatedUnits = generatedHere.map((generated) => ({ name: generated.unit.name, inputFiles: generated.inputFiles, files: generated.files }));
    const scope = lockScope(
      configFile,
      config.projectRoot,
      config.units.filter((unit) => unit.lockFile === lockFile),
    );
    plans.push(await planLockedOutputs(lockFile, generatedUnits, unitsInLock, { generator: version, configFile, configHash }, scope));
  }
  const changes = onePerPath(plans.flatMap((plan) => plan.changes));
  const lockFiles = new Set(result.units.map((generated) => generated.unit.lockFile));
  // A lock file is never an entry of a lock: drop the self-conflict the planner may see.
  const conflicts = await standingConflicts(
    plans.flatMap((plan) => plan.conflicts).filter((conflict) => !lockFiles.has(conflict.path)),
    () => recordedOutputHashes(configFile, config),
  );

  if (options.check) return reportDrift(changes, conflicts, say);

  if (conflicts.length > 0 && !options.force) {
    const deleted = new Set(changes.filter((change) => change.kind === 'delete').map((change) => change.path));
    for (const conflict of conflicts) {
      const why = conflict.reason === 'hand-edited' ? 'was edited by hand since it was generated' : 'exists and was not written by mgkit-gen';
      // a file the outputs no longer include would be deleted, not overwritten
      const fate = deleted.has(conflict.path) ? 'is no longer generated and would be deleted' : 'would be overwritten';
      process.stderr.write(
        `${displayPath(conflict.path)}: error output/${conflict.reason}: ${why} and ${fate} (fix: move your change into specs/ or a hand-written file, then run again with --force)\n`,
      );
    }
    process.stderr.write(`mgkit-gen: ${conflicts.length} file(s) would be overwritten or deleted; nothing was written.\n`);
    return 1;
  }

  // from here the staged files go into place: an interrupt leaves what --check reports
  staging.release();
  const placed = new Set(changes.flatMap((change) => (change.kind !== 'delete' && change.file.temporary ? [change.file.temporary] : [])));
  // a file several units write (the index of a CLI's modules) was staged by each; one is placed
  await Promise.all(result.staged.filter((temporary) => !placed.has(temporary)).map((temporary) => unlink(temporary).catch(() => undefined)));
  await clock.time('write', result.units.length === 1 ? (result.units[0]?.unit.name ?? '') : `${result.units.length} units`, () => applyChanges(changes, config.projectRoot, lockFiles));
  for (const lockFile of lockFiles) {
    const written = await readConfiguredLock(configFile, config, lockFile);
    const generatedHere = result.units.filter((generated) => generated.unit.lockFile === lockFile).map((generated) => generated.unit.name);
    if (written) await rememberLockedFiles(written, lockFile, configFile, generatedHere, startedAtMs);
  }
  const count = (kind: FileChange['kind']) => changes.filter((change) => change.kind === kind).length;
  const unchanged = plans.reduce((total, plan) => total + plan.unchanged.length, 0);
  say(
    `Generated ${result.files.length} file(s) for ${result.units.length} unit(s): ` +
      `${count('create')} created, ${count('update')} updated, ${count('delete')} removed, ` +
      `${unchanged} unchanged (${summariseDiagnostics(result.diagnostics.items)}).`,
  );
  const { runSummary } = await import('./run-summary.js');
  for (const line of runSummary(result.units, count('create') + count('update'), clock, result.diagnostics.items)) say(line);
  if (result.workerThreads > 0) say(`  units ran on ${result.workerThreads} worker threads (MGKIT_GEN_WORKERS sets how many; 1 runs them in one thread)`);
  return 0;
}

/**
 * One conflict per file. A file several units write (the index of a CLI's modules) is in several
 * locks, and one of them may hold an older hash after a run of some units only: content that any
 * lock recorded is ours, not a hand edit.
 */
async function standingConflicts(conflicts: readonly OutputConflict[], recorded: () => Promise<ReadonlyMap<string, ReadonlySet<string>>>): Promise<OutputConflict[]> {
  const byPath = new Map(conflicts.map((conflict) => [conflict.path, conflict]));
  if (![...byPath.values()].some((conflict) => conflict.reason === 'hand-edited')) return [...byPath.values()];
  const hashes = await recorded();
  const standing: OutputConflict[] = [];
  for (const conflict of byPath.values()) {
    const current = conflict.reason === 'hand-edited' ? await readFile(conflict.path).catch(() => undefined) : undefined;
    if (current !== undefined && hashes.get(conflict.path)?.has(sha256(current))) continue;
    standing.push(conflict);
  }
  return standing;
}

/** A lock file of the config, read within its units' scope. */
function readConfiguredLock(configFile: string, config: MgkitConfig, lockFile: string): Promise<LockFile | undefined> {
  return readLockFile(
    lockFile,
    lockScope(
      configFile,
      config.projectRoot,
      config.units.filter((unit) => unit.lockFile === lockFile),
    ),
  );
}

/** Every output hash the config's lock files record, by absolute path. */
async function recordedOutputHashes(configFile: string, config: MgkitConfig): Promise<Map<string, Set<string>>> {
  const hashes = new Map<string, Set<string>>();
  for (const lockFile of new Set(config.units.map((unit) => unit.lockFile))) {
    const lock = await readConfiguredLock(configFile, config, lockFile).catch(() => undefined);
    for (const entry of Object.values(lock?.units ?? {}).flatMap((unit) => unit.outputs)) {
      const file = lockAbsolutePath(lockFile, entry.path);
      hashes.set(file, (hashes.get(file) ?? new Set()).add(entry.sha256));
    }
  }
  return hashes;
}

/** Where each unit's lock entries may point: outputs in its output folders; inputs in the project or where the config reads. */
function lockScope(configFile: string, projectRoot: string, units: readonly GenerationUnitConfig[]): LockScope {
  return {
    projectRoot,
    units: Object.fromEntries(
      units.map((unit) => [
        unit.name,
        {
          outputDirs: Object.values(unit.outputs).flatMap((output) => (output ? [output.dir] : [])),
          inputs: [projectRoot, configFile, unit.openapi, path.dirname(unit.openapi), ...unit.cmdlets, ...overlayFiles(unit)],
        },
      ]),
    ),
  };
}

function selectUnits(units: readonly GenerationUnitConfig[], names: readonly string[] | undefined): GenerationUnitConfig[] {
  return names?.length ? units.filter((unit) => names.includes(unit.name)) : [...units];
}

async function reportDrift(changes: readonly FileChange[], conflicts: readonly OutputConflict[], say: (line: string) => void): Promise<number> {
  if (changes.length === 0) {
    say('Generated output is up to date.');
    return 0;
  }
  process.stderr.write(`mgkit-gen: generated output is out of date; ${changes.length} file(s) would change:\n`);
  for (const change of changes) {
    const conflict = conflicts.find((candidate) => candidate.path === change.path);
    const note = conflict ? (conflict.reason === 'hand-edited' ? ' (edited by hand)' : ' (not written by mgkit-gen)') : '';
    process.stderr.write(`  ${change.kind.padEnd(6)} ${displayPath(change.path)}${note}\n`);
    if (change.kind === 'update' && change.file.contents !== undefined) process.stderr.write(await shortDiff(await readFile(change.path, 'utf8').catch(() => ''), change.file.contents));
  }
  process.stderr.write('Run `npm run generate` and commit the result.\n');
  return 1;
}

/** The first few changed lines (a real line diff: an inserted line is one line), enough to see why without flooding CI logs. */
async function shortDiff(before: string, after: string, limit = 6): Promise<string> {
  const { structuredPatch } = await import('diff');
  const lines: string[] = [];
  for (const hunk of structuredPatch('', '', before, after, '', '', { context: 0 }).hunks) {
    let oldLine = hunk.oldStart;
    let newLine = hunk.newStart;
    for (const line of hunk.lines) {
      if (lines.length >= limit) break;
      if (line.startsWith('-')) lines.push(`      ${oldLine++}- ${line.slice(1)}`);
      else if (line.startsWith('+')) lines.push(`      ${newLine++}+ ${line.slice(1)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/**
 * One change per file: the modules of one CLI, each with its own lock, all write the index that
 * merges them. A write wins over a delete (a unit that left the group drops it, the others rewrite it).
 */
function onePerPath(changes: readonly FileChange[]): FileChange[] {
  const byPath = new Map<string, FileChange>();
  for (const change of changes) {
    const known = byPath.get(change.path);
    if (!known || (known.kind === 'delete' && change.kind !== 'delete')) byPath.set(change.path, change);
  }
  return [...byPath.values()];
}
