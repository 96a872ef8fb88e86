import path from 'node:path';
import { loadConfig, overlayFiles, type GenerationUnitConfig, type MgkitConfig } from '../config/index.js';
import { DiagnosticBag } from '../diagnostics/index.js';
import { buildApiModel, type ApiModel } from '../model/index.js';
import type { ComparedFile, GeneratedFile } from '../output/index.js';
import { readDescriptionsFile, type DescriptionsFile } from '../sources/descriptions/index.js';
import { findUncoveredOperations, readPermissionsFile, type PermissionsFile } from '../sources/permissions/index.js';
import { loadTargets } from '../targets/index.js';
import { placeCommands } from '../targets/shared/command-data/command-paths.js';
import { readUnitInputs } from './read-inputs.js';
import { StageClock } from './stage-clock.js';

/** A produced file as a run keeps it: as produced (in memory), or once compared with the disk. */
export type OutputFile = GeneratedFile | ComparedFile;

/** What one unit produced, without its model: what a worker thread sends back. */
export interface UnitOutput<F extends OutputFile = GeneratedFile> {
  readonly unit: GenerationUnitConfig;
  readonly inputFiles: readonly string[];
  /** What the targets produced for this unit, sorted by path. */
  readonly files: readonly F[];
  readonly counts: ModelCounts;
  /** The description's server: the default base URL of its commands. */
  readonly baseUrl: string;
}

export interface ModelCounts {
  readonly operations: number;
  readonly types: number;
  /** Cmdlets: the commands of the PowerShell help. */
  readonly commands: number;
  /** `mgkit` commands: one per cmdlet, plus one per operation no cmdlet binds (none without a CLI output). */
  readonly cliCommands: number;
}

export interface UnitResult<F extends OutputFile = GeneratedFile> extends UnitOutput<F> {
  readonly model: ApiModel;
  readonly permissions?: PermissionsFile;
}

export interface PipelineResult<F extends OutputFile = GeneratedFile> {
  readonly config?: MgkitConfig;
  readonly units: readonly UnitResult<F>[];
  readonly files: readonly F[];
  readonly diagnostics: DiagnosticBag;
}

export interface PipelineOptions {
  readonly configFile: string;
  /** Only these units (by name); all when empty. */
  readonly units?: readonly string[];
  /** Build the models only; run no target. */
  readonly modelOnly?: boolean;
  /** Times each stage of each unit (see StageClock). */
  readonly clock?: StageClock;
}

/** sources → model → targets, in memory, one unit after the other. Nothing is written here. */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  return runPipelineSettling(options, async (files) => files);
}

/** As `runPipeline`, each target's files settled by `settle` as it returns them (see UnitRunOptions). */
export async function runPipelineSettling<F extends OutputFile>(options: PipelineOptions, settle: UnitRunOptions<F>['settle']): Promise<PipelineResult<F>> {
  const diagnostics = new DiagnosticBag();
  const clock = options.clock ?? new StageClock();
  const { config, units } = await selectConfiguredUnits(options.configFile, options.units, diagnostics);
  if (!config) return { units: [], files: [], diagnostics };

  const results: UnitResult<F>[] = [];
  for (const unit of units) {
    const result = await runUnit(unit, config, { diagnostics, clock, modelOnly: options.modelOnly ?? false, settle });
    if (result) results.push(result);
  }
  return { config, ...finishRun<F, UnitResult<F>>(results, diagnostics), diagnostics };
}

/** The config and the units asked for; an unknown unit name is an error. */
export async function selectConfiguredUnits(configFile: string, names: readonly string[] | undefined, diagnostics: DiagnosticBag): Promise<{ config?: MgkitConfig; units: GenerationUnitConfig[] }> {
  const loaded = await loadConfig(configFile);
  diagnostics.addAll(loaded.diagnostics);
  const config = loaded.config;
  if (!config) return { units: [] };
  const wanted = names?.length ? new Set(names) : undefined;
  for (const name of wanted ?? []) {
    if (!config.units.some((unit) => unit.name === name)) {
      diagnostics.error({
        code: 'config/unknown-unit',
        message: `no generation unit is named '${name}'`,
        file: config.file,
        hint: `use one of: ${config.units.map((unit) => unit.name).join(', ')}`,
      });
    }
  }
  return { config, units: config.units.filter((unit) => !wanted || wanted.has(unit.name)) };
}

export interface UnitRunOptions<F extends OutputFile = GeneratedFile> {
  readonly diagnostics: DiagnosticBag;
  readonly clock: StageClock;
  readonly modelOnly: boolean;
  /** What becomes of each target's files as it returns them: kept, or compared with the disk (`compareWithDisk`). */
  readonly settle: (files: readonly GeneratedFile[]) => Promise<readonly F[]>;
}

/**
 * One unit, read to emitted files. Its model and inputs are dropped when it is done, so a run of
 * many units holds one model at a time. No target runs once the run has an error.
 */
export async function runUnit<F extends OutputFile>(unit: GenerationUnitConfig, config: MgkitConfig, options: UnitRunOptions<F>): Promise<UnitResult<F> | undefined> {
  const { diagnostics, clock } = options;
  const built = await buildUnitModel(unit, options);
  if (!built) return undefined;
  const { model } = built;
  const counts = {
    operations: model.operations.length,
    types: model.types.length,
    commands: model.commands.length,
    cliCommands: unit.outputs['cli'] ? placeCommands(model).length : 0,
  };
  const result = { unit, counts, baseUrl: model.baseUrl, ...built };
  if (diagnostics.hasErrors || options.modelOnly) return { ...result, files: [] };

  const files: F[] = [];
  for (const target of (await loadTargets()).filter((candidate) => candidate.isEnabled(unit))) {
    const context = { unit, specsDir: config.baseDir };
    files.push(...(await clock.time(target.name, unit.name, async () => settleInBatches(await target.emit(model, context), options.settle))));
  }
  return { ...result, files: files.sort(byPath) };
}

/** Files settled a batch at a time, as a target makes them: a generate run holds one batch of contents, not a module's. */
const SETTLE_BATCH = 256;

async function settleInBatches<F extends OutputFile>(produced: Iterable<GeneratedFile>, settle: UnitRunOptions<F>['settle']): Promise<F[]> {
  const settled: F[] = [];
  let batch: GeneratedFile[] = [];
  for (const file of produced) {
    batch.push(file);
    if (batch.length < SETTLE_BATCH) continue;
    settled.push(...(await settle(batch)));
    batch = [];
  }
  settled.push(...(await settle(batch)));
  return settled;
}

/**
 * Read and model stages. A function of its own so that the inputs (the description's YAML tree,
 * every help file's text and NOTES trees) are garbage once the model is built, not held while
 * the targets run.
 */
async function buildUnitModel(
  unit: GenerationUnitConfig,
  { diagnostics, clock }: Pick<UnitRunOptions, 'diagnostics' | 'clock'>,
): Promise<Pick<UnitResult, 'model' | 'inputFiles' | 'permissions'> | undefined> {
  const inputs = await clock.time('read', unit.name, () => readUnitInputs(unit, diagnostics));
  if (!inputs) return undefined;
  const permissions = unit.permissions ? await readUnitPermissions(unit.permissions, diagnostics) : undefined;
  const descriptions = unit.descriptions ? await readUnitDescriptions(unit.descriptions, diagnostics) : undefined;
  const built = await clock.time('model', unit.name, () =>
    buildApiModel({ document: inputs.document, cmdlets: inputs.cmdlets, unit, ...(permissions && { permissions }), ...(descriptions && { descriptions }) }),
  );
  diagnostics.addAll(built.diagnostics);
  const model = built.model;
  if (!model) return undefined;
  if (permissions) reportUncoveredOperations(permissions, model, diagnostics);
  // What this unit depends on: its description, the help of the cmdlets it selected, and the
  // module pages it skipped (recorded, so that the up-to-date check knows them as read).
  const inputFiles = [...inputs.document.files, ...model.commands.map((command) => command.source.file), ...inputs.modulePages, ...overlayFiles(unit)];
  return { model, inputFiles, ...(permissions && { permissions }) };
}

/**
 * The units' files, sorted by path, and output collisions reported. Errors stop the run before
 * anything is written: with an error anywhere no unit's files are returned.
 */
export function finishRun<F extends OutputFile, U extends UnitOutput<F>>(units: readonly U[], diagnostics: DiagnosticBag): { units: U[]; files: F[] } {
  reportMixedBaseUrls(units, diagnostics);
  const emitted = diagnostics.hasErrors ? units.map((unit) => ({ ...unit, files: [] })) : [...units];
  const files = emitted.flatMap((unit) => unit.files).sort(byPath);
  reportCollidingOutputs(files, diagnostics);
  return { units: emitted, files: files.filter((file, index) => files[index - 1]?.path !== file.path) };
}

/**
 * The modules of one CLI binary share its default base URL: units whose descriptions name
 * different servers cannot be one binary (the first module's would silently win).
 */
function reportMixedBaseUrls(units: readonly UnitOutput<OutputFile>[], diagnostics: DiagnosticBag): void {
  const byPackage = new Map<string, UnitOutput<OutputFile>[]>();
  for (const output of units) {
    const cli = output.unit.outputs.cli;
    if (cli?.['modules']) byPackage.set(cli.packageName, [...(byPackage.get(cli.packageName) ?? []), output]);
  }
  for (const [packageName, members] of byPackage) {
    const servers = [...new Set(members.map((member) => member.baseUrl))];
    if (servers.length < 2) continue;
    diagnostics.error({
      code: 'cli/mixed-base-urls',
      message: `the units of the CLI package ${packageName} have descriptions with different servers (${servers
        .map(
          (server) =>
            `${server}: ${members
              .filter((member) => member.baseUrl === server)
              .map((member) => member.unit.name)
              .join(', ')}`,
        )
        .join('; ')})`,
      hint: 'give their CLIs different packageNames, or use descriptions of the same API version',
    });
  }
}

const byPath = (a: OutputFile, b: OutputFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

async function readUnitDescriptions(file: string, diagnostics: DiagnosticBag): Promise<DescriptionsFile | undefined> {
  const read = await readDescriptionsFile(file);
  diagnostics.addAll(read.diagnostics);
  return read.descriptions;
}

async function readUnitPermissions(file: string, diagnostics: DiagnosticBag): Promise<PermissionsFile | undefined> {
  const read = await readPermissionsFile(file);
  diagnostics.addAll(read.diagnostics);
  return read.permissions;
}

/** A selected operation the permissions file does not cover shows "not documented" in the docs: say so. */
function reportUncoveredOperations(permissions: PermissionsFile, model: ApiModel, diagnostics: DiagnosticBag): void {
  for (const key of findUncoveredOperations(
    permissions,
    model.operations.map((operation) => operation.key),
  )) {
    diagnostics.warning({
      code: 'permissions/missing-operation',
      message: `${path.basename(permissions.file)} lists no permissions for operation ${key}`,
      file: path.relative(process.cwd(), permissions.file) || permissions.file,
      hint: `add '${key}:' under operations:`,
    });
  }
}

function reportCollidingOutputs(files: readonly OutputFile[], diagnostics: DiagnosticBag): void {
  const seen = new Map<string, string>();
  for (const file of files) {
    // the modules of one CLI each write the index that merges them, the same file; nothing else may be shared
    const shared = path.basename(file.path) === 'command-index.ts' && seen.get(file.path) === contentKey(file);
    if (seen.has(file.path) && !shared) {
      diagnostics.error({
        code: 'output/collision',
        message: `two targets or units produce ${path.basename(file.path)} at the same path`,
        file: file.path,
        hint: 'give each unit its own output folders in mgkit.config.yaml',
      });
    }
    seen.set(file.path, contentKey(file));
  }
}

/** Equal for equal contents: the hash of a compared file, the text of one held as produced. */
const contentKey = (file: OutputFile): string => ('sha256' in file ? file.sha256 : file.contents);
