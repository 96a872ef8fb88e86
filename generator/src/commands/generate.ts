import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config/index.js';
import {
  applyChanges,
  hashFiles,
  lockRelativePath,
  planOutputs,
  readLockFile,
  serializeLockFile,
  sha256,
  type FileChange,
  type GeneratedFile,
  type LockFile,
  type UnitLock,
} from '../output/index.js';
import { runPipeline } from '../pipeline/run-pipeline.js';
import { generatorVersion } from './generator-version.js';
import { displayPath, printDiagnostics, summariseDiagnostics } from './report.js';
import { isUpToDate } from './up-to-date.js';

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

  const quick = await loadConfig(configFile);
  if (quick.config && !options.force && !options.unit?.length) {
    const lock = await readLockFile(quick.config.lockFile);
    const folders = quick.config.units.flatMap((unit) => unit.cmdlets);
    if (lock && (await isUpToDate(lock, quick.config.lockFile, configFile, folders, version))) {
      say(`Up to date: inputs, config and outputs match ${displayPath(quick.config.lockFile)}; nothing written.`);
      return 0;
    }
  }

  const result = await runPipeline({ configFile, ...(options.unit && { units: options.unit }) });
  printDiagnostics(result.diagnostics.items, { quiet: options.quiet ?? false });
  const config = result.config;
  if (!config || result.diagnostics.hasErrors) {
    process.stderr.write(`mgkit-gen: ${summariseDiagnostics(result.diagnostics.items)}; nothing was written.\n`);
    return 1;
  }

  const lockFile = config.lockFile;
  const previousLock = await readLockFile(lockFile);
  const units: Record<string, UnitLock> = {};
  // Units not generated this time keep their part of the lock (and their files).
  for (const unit of config.units) {
    const previous = previousLock?.units[unit.name];
    if (previous && !result.units.some((generated) => generated.unit.name === unit.name)) units[unit.name] = previous;
  }
  for (const generated of result.units) {
    units[generated.unit.name] = {
      inputs: await hashFiles(lockFile, [...new Set(generated.inputFiles)]),
      outputs: generated.files.map((file) => ({ path: lockRelativePath(lockFile, file.path), sha256: sha256(file.contents) })),
    };
  }
  const lock: LockFile = {
    generator: version,
    config: { path: lockRelativePath(lockFile, configFile), sha256: sha256(await readFile(configFile)) },
    units,
  };
  const previousOutputs = result.units.flatMap((generated) => previousLock?.units[generated.unit.name]?.outputs ?? []);
  const lockOutput: GeneratedFile = { path: lockFile, contents: serializeLockFile(lock) };
  const plan = await planOutputs([...result.files, lockOutput], lockFile, previousOutputs);
  // The lock file itself is never an entry of the lock: drop the self-conflict the planner may see.
  const conflicts = plan.conflicts.filter((conflict) => conflict.path !== lockFile);

  if (options.check) return reportDrift(plan.changes, say);

  if (conflicts.length > 0 && !options.force) {
    for (const conflict of conflicts) {
      const why =
        conflict.reason === 'hand-edited'
          ? 'was edited by hand since it was generated'
          : 'exists and was not written by mgkit-gen';
      process.stderr.write(`${displayPath(conflict.path)}: error output/${conflict.reason}: ${why} (fix: move your change into specs/ or a hand-written file, then run again with --force to overwrite)\n`);
    }
    process.stderr.write(`mgkit-gen: ${conflicts.length} file(s) would be overwritten; nothing was written.\n`);
    return 1;
  }

  await applyChanges(plan.changes, path.dirname(config.baseDir));
  const count = (kind: FileChange['kind']) => plan.changes.filter((change) => change.kind === kind).length;
  say(
    `Generated ${result.files.length} file(s) for ${result.units.length} unit(s): ` +
      `${count('create')} created, ${count('update')} updated, ${count('delete')} removed, ` +
      `${plan.unchanged.length} unchanged (${summariseDiagnostics(result.diagnostics.items)}).`,
  );
  return 0;
}

function reportDrift(changes: readonly FileChange[], say: (line: string) => void): number {
  if (changes.length === 0) {
    say('Generated output is up to date.');
    return 0;
  }
  process.stderr.write(`mgkit-gen: generated output is out of date; ${changes.length} file(s) would change:\n`);
  for (const change of changes) {
    process.stderr.write(`  ${change.kind.padEnd(6)} ${displayPath(change.path)}\n`);
    if (change.kind === 'update') process.stderr.write(shortDiff(change.previous, change.contents));
  }
  process.stderr.write('Run `npm run generate` and commit the result.\n');
  return 1;
}

/** The first few differing lines, enough to see why without flooding CI logs. */
function shortDiff(before: string, after: string, limit = 6): string {
  const old = before.split('\n');
  const now = after.split('\n');
  const lines: string[] = [];
  for (let index = 0; index < Math.max(old.length, now.length) && lines.length < limit; index += 1) {
    if (old[index] === now[index]) continue;
    if (old[index] !== undefined) lines.push(`      ${index + 1}- ${old[index]}`);
    if (now[index] !== undefined) lines.push(`      ${index + 1}+ ${now[index]}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
