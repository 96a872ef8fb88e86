import path from 'node:path';
import { loadConfig, type GenerationUnitConfig, type MgkitConfig } from '../config/index.js';
import { DiagnosticBag } from '../diagnostics/index.js';
import { buildApiModel, type ApiModel } from '../model/index.js';
import type { GeneratedFile } from '../output/index.js';
import { findUncoveredOperations, readPermissionsFile, type PermissionsFile } from '../sources/permissions/index.js';
import { loadTargets } from '../targets/index.js';
import { readUnitInputs } from './read-inputs.js';
import { StageClock } from './stage-clock.js';

export interface UnitResult {
  readonly unit: GenerationUnitConfig;
  readonly model: ApiModel;
  readonly inputFiles: readonly string[];
  readonly permissions?: PermissionsFile;
  /** What the targets produced for this unit. */
  readonly files: readonly GeneratedFile[];
}

export interface PipelineResult {
  readonly config?: MgkitConfig;
  readonly units: readonly UnitResult[];
  readonly files: readonly GeneratedFile[];
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

/** sources → model → targets, in memory. Nothing is written here. */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const diagnostics = new DiagnosticBag();
  const clock = options.clock ?? new StageClock();
  const loaded = await loadConfig(options.configFile);
  diagnostics.addAll(loaded.diagnostics);
  const config = loaded.config;
  if (!config) return { units: [], files: [], diagnostics };

  const wanted = options.units?.length ? new Set(options.units) : undefined;
  const units = config.units.filter((unit) => !wanted || wanted.has(unit.name));
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

  const models: Omit<UnitResult, 'files'>[] = [];
  for (const unit of units) {
    const inputs = await clock.time('read', unit.name, () => readUnitInputs(unit, diagnostics));
    if (!inputs) continue;
    const permissions = unit.permissions ? await readUnitPermissions(unit.permissions, diagnostics) : undefined;
    const built = await clock.time('model', unit.name, () => buildApiModel({ document: inputs.document, cmdlets: inputs.cmdlets, unit, ...(permissions && { permissions }) }));
    diagnostics.addAll(built.diagnostics);
    if (!built.model) continue;
    if (permissions) reportUncoveredOperations(permissions, built.model, diagnostics);
    // What this unit depends on: its description, the help of the cmdlets it selected, and the
    // module pages it skipped (recorded, so that the up-to-date check knows them as read).
    const inputFiles = [...inputs.document.files, ...built.model.commands.map((command) => command.source.file), ...inputs.modulePages, ...(unit.permissions ? [unit.permissions] : [])];
    models.push({ unit, model: built.model, inputFiles, ...(permissions && { permissions }) });
  }
  if (diagnostics.hasErrors || options.modelOnly) {
    return { config, units: models.map((built) => ({ ...built, files: [] })), files: [], diagnostics };
  }

  const targets = await loadTargets();
  const results: UnitResult[] = [];
  for (const built of models) {
    const unitFiles: GeneratedFile[] = [];
    for (const target of targets.filter((candidate) => candidate.isEnabled(built.unit))) {
      const context = { unit: built.unit, specsDir: config.baseDir };
      unitFiles.push(...(await clock.time(target.name, built.unit.name, () => target.emit(built.model, context))));
    }
    results.push({ ...built, files: unitFiles.sort(byPath) });
  }
  const files = results.flatMap((result) => result.files).sort(byPath);
  reportCollidingOutputs(files, diagnostics);
  return { config, units: results, files, diagnostics };
}

const byPath = (a: GeneratedFile, b: GeneratedFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

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

function reportCollidingOutputs(files: readonly GeneratedFile[], diagnostics: DiagnosticBag): void {
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path)) {
      diagnostics.error({
        code: 'output/collision',
        message: `two targets or units produce ${path.basename(file.path)} at the same path`,
        file: file.path,
        hint: 'give each unit its own output folders in mgkit.config.yaml',
      });
    }
    seen.add(file.path);
  }
}
