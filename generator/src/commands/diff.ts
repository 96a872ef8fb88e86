import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type GenerationUnitConfig } from '../config/index.js';
import { bumpFor, compareModels, renderChangeset, renderDiffJson, renderDiffMarkdown, type ApiDiff } from '../diff/index.js';
import { DiagnosticError } from '../diagnostics/index.js';
import { buildApiModel, type ApiModel } from '../model/index.js';
import { loadOpenApiDocument } from '../sources/openapi/index.js';
import { printDiagnostics } from './report.js';

export interface DiffOptions {
  readonly config: string;
  readonly unit?: string;
  readonly json?: boolean;
  readonly output?: string;
  readonly failOnBreaking?: boolean;
  /** Write a changeset for the unit's generated packages into this folder (`.changeset`). */
  readonly changeset?: string;
}

/**
 * What the unit generates, minus the cmdlets: a change outside it changes none of its packages.
 * `whole`: every path of the description (two files compared without --unit).
 */
function selectionOf(unit: GenerationUnitConfig, whole = false) {
  return {
    include: { paths: whole ? ['**'] : unit.include.paths, cmdlets: [] },
    exclude: { paths: whole ? [] : unit.exclude.paths, cmdlets: ['*'] },
    bindings: {},
    keepActionPrefixInUrl: unit.keepActionPrefixInUrl,
  };
}

class UsageError extends Error {}

/**
 * `mgkit-gen diff <old> [new]`: each side is a description file or a git ref (the unit's
 * description as committed there); `new` defaults to the working tree's description.
 * Exit codes: 0 done, 1 breaking changes with --fail-on-breaking, 2 bad arguments or inputs.
 */
export async function diffCommand(oldSide: string, newSide: string | undefined, options: DiffOptions): Promise<number> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'mgkit-diff-'));
  try {
    const unit = await selectedUnit(options);
    const descriptionPath = unit.openapi;
    const oldFile = await materialise(oldSide, descriptionPath, scratch, 'old');
    const newFile = newSide ? await materialise(newSide, descriptionPath, scratch, 'new') : descriptionPath;
    // two description files and no --unit: the whole descriptions; else what the unit generates
    const whole = options.unit === undefined && newSide !== undefined && existsSync(oldSide) && existsSync(newSide);
    const diff = compareModels(await modelOf(oldFile, unit, whole), await modelOf(newFile, unit, whole));
    if (!whole) {
      const all = compareModels(await modelOf(oldFile, unit, true), await modelOf(newFile, unit, true));
      const hidden = all.changes.length - diff.changes.length;
      if (hidden > 0) {
        process.stderr.write(
          `note: ${hidden} change(s) outside what unit '${unit.name}' generates are not shown (its include.paths select them out); compare two description files without --unit to see every change\n`,
        );
      }
    }
    const text = options.json ? renderDiffJson(diff) : renderDiffMarkdown(diff, `${oldSide} → ${newSide ?? 'working tree'}`);
    if (options.output) {
      const target = options.output;
      await writeFile(target, text).catch((error: NodeJS.ErrnoException) => {
        throw new DiagnosticError([
          {
            severity: 'error',
            code: 'diff/unwritable',
            file: target,
            message: `cannot write the report (${error.code ?? error.message})`,
            hint: 'give --output a path in an existing, writable folder',
          },
        ]);
      });
    } else process.stdout.write(text);
    if (options.changeset) await writeChangeset(options.changeset, unit, diff, `${oldSide} → ${newSide ?? 'working tree'}`);
    return options.failOnBreaking && diff.breaking > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`mgkit-gen diff: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function selectedUnit(options: DiffOptions): Promise<GenerationUnitConfig> {
  const { config, diagnostics } = await loadConfig(path.resolve(options.config));
  if (!config) {
    printDiagnostics(diagnostics);
    throw new UsageError('cannot read the config (see above)');
  }
  const unit = options.unit ? config.units.find((candidate) => candidate.name === options.unit) : config.units[0];
  if (!unit) throw new UsageError(`no generation unit '${options.unit}' (use one of: ${config.units.map((u) => u.name).join(', ')})`);
  return unit;
}

/** The package.json that owns a generated folder (the nearest one above it). */
function owningManifest(folder: string): { name: string; version: string } | undefined {
  for (let current = folder; current !== path.dirname(current); current = path.dirname(current)) {
    const manifest = path.join(current, 'package.json');
    if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')) as { name: string; version: string };
  }
  return undefined;
}

async function writeChangeset(folder: string, unit: GenerationUnitConfig, diff: ApiDiff, title: string): Promise<void> {
  const folders = [unit.outputs.client?.dir, unit.outputs.cli?.dir].filter((dir): dir is string => dir !== undefined);
  const packages = folders
    .map(owningManifest)
    .filter((manifest): manifest is { name: string; version: string } => manifest !== undefined)
    .flatMap((manifest) => {
      const bump = bumpFor(diff, manifest.version);
      return bump ? [{ name: manifest.name, bump }] : [];
    });
  if (packages.length === 0) {
    process.stderr.write(
      diff.changes.length === 0
        ? 'No API change: no changeset written.\n'
        : `No changeset written: no package.json owns ${folders.map((folder) => path.relative(process.cwd(), folder) || '.').join(' or ')} (the unit's client and CLI folders).\n`,
    );
    return;
  }
  const changeset = renderChangeset(packages, diff, title);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, changeset.fileName), changeset.contents);
  process.stderr.write(`Wrote ${path.join(folder, changeset.fileName)} (${packages.map((p) => `${p.name} ${p.bump}`).join(', ')}).\n`);
}

/** A file stays a file; a git ref becomes the description as committed there, in `scratch`. */
async function materialise(side: string, descriptionPath: string, scratch: string, label: string): Promise<string> {
  if (existsSync(side)) return path.resolve(side);
  const repository = git(['rev-parse', '--show-toplevel'], path.dirname(descriptionPath))?.trim();
  if (!repository || git(['rev-parse', '--verify', '--quiet', `${side}^{commit}`], repository) === undefined) {
    throw new UsageError(`'${side}' is neither a file nor a git commit (fix: pass a description file or a ref such as HEAD~1)`);
  }
  const relative = path.relative(repository, descriptionPath).split(path.sep).join('/');
  const target = path.join(scratch, label);
  execFileSync('mkdir', ['-p', target]);
  // The whole folder, so relative-file $refs next to the description resolve as committed.
  const folder = path.posix.dirname(relative);
  const archive = execFileSync('git', ['archive', '--format=tar', side, '--', folder], { cwd: repository, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', target], { input: archive });
  const file = path.join(target, ...relative.split('/'));
  if (!existsSync(file)) throw new UsageError(`${relative} does not exist at ${side}`);
  return file;
}

function git(args: readonly string[], cwd: string): string | undefined {
  try {
    return execFileSync('git', [...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

async function modelOf(file: string, unit: GenerationUnitConfig, whole = false): Promise<ApiModel> {
  const { document, diagnostics } = await loadOpenApiDocument(file);
  if (!document) {
    printDiagnostics(diagnostics);
    throw new UsageError(`cannot read ${file} (see above)`);
  }
  const built = buildApiModel({ document, cmdlets: [], unit: selectionOf(unit, whole) });
  if (!built.model) {
    printDiagnostics(built.diagnostics);
    throw new UsageError(`cannot build a model of ${file} (see above)`);
  }
  return built.model;
}
