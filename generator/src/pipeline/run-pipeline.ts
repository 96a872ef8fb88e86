import path from 'node:path';
import { loadConfig, type GenerationUnitConfig, type MgkitConfig } from '../config/index.js';
import { DiagnosticBag } from '../diagnostics/index.js';
import { buildApiModel, type ApiModel } from '../model/index.js';
import type { GeneratedFile } from '../output/index.js';
import { loadTargets } from '../targets/index.js';
import { readUnitInputs } from './read-inputs.js';

export interface UnitResult {
  readonly unit: GenerationUnitConfig;
  readonly model: ApiModel;
  readonly inputFiles: readonly string[];
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
}

/** sources → model → targets, in memory. Nothing is written here. */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const diagnostics = new DiagnosticBag();
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

  const results: UnitResult[] = [];
  for (const unit of units) {
    const inputs = await readUnitInputs(unit, diagnostics);
    if (!inputs) continue;
    const built = buildApiModel({ document: inputs.document, cmdlets: inputs.cmdlets, unit });
    diagnostics.addAll(built.diagnostics);
    if (built.model) results.push({ unit, model: built.model, inputFiles: inputs.files });
  }
  if (diagnostics.hasErrors || options.modelOnly) return { config, units: results, files: [], diagnostics };

  const targets = await loadTargets();
  const files: GeneratedFile[] = [];
  for (const result of results) {
    for (const target of targets.filter((candidate) => candidate.isEnabled(result.unit))) {
      files.push(...(await target.emit(result.model, { unit: result.unit, specsDir: config.baseDir })));
    }
  }
  reportCollidingOutputs(files, diagnostics);
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { config, units: results, files, diagnostics };
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
