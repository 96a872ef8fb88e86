import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type GenerationUnitConfig } from '../config/index.js';
import { bumpFor, compareModels, renderChangeset, renderDiffJson, renderDiffMarkdown, type ApiChange, type ApiDiff } from '../diff/index.js';
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
type UnitSelection = Pick<GenerationUnitConfig, 'include' | 'exclude' | 'keepActionPrefixInUrl'>;

function selectionOf(unit: UnitSelection, whole = false) {
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
    // a whole set (two folders of module descriptions, or every unit of the config): module by module
    const folders = newSide !== undefined && isFolder(oldSide) && isFolder(newSide);
    const units = folders ? [] : await configUnits(options);
    // every unit against git refs: only when no side is a file (a file is one unit's description)
    const refsOnly = !existsSync(oldSide) && (newSide === undefined || !existsSync(newSide));
    if (folders || (options.unit === undefined && units.length > 1 && refsOnly)) {
      const pairs = folders ? pairFolders(oldSide, newSide ?? '') : await pairUnits(units, oldSide, newSide, scratch);
      const diff = await compareModules(pairs);
      if (options.changeset) process.stderr.write('note: --changeset needs one unit (--unit NAME): no changeset written for a whole set\n');
      return report(diff, oldSide, newSide, options);
    }
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
    if (options.changeset) await writeChangeset(options.changeset, unit, diff, `${oldSide} → ${newSide ?? 'working tree'}`);
    return await report(diff, oldSide, newSide, options);
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

/** Prints (or writes) the report; the exit code for --fail-on-breaking. */
async function report(diff: ApiDiff, oldSide: string, newSide: string | undefined, options: DiffOptions): Promise<number> {
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
  return options.failOnBreaking && diff.breaking > 0 ? 1 : 0;
}

interface ModulePair {
  readonly module: string;
  readonly oldFile?: string;
  readonly newFile?: string;
}

function isFolder(side: string): boolean {
  return existsSync(side) && statSync(side).isDirectory();
}

const DESCRIPTION_FILE = /\.(ya?ml|json)$/i;

/** Description files of two folders paired by name: one module per file (`Users.yml`). */
function pairFolders(oldFolder: string, newFolder: string): ModulePair[] {
  const list = (folder: string) => readdirSync(folder).filter((name) => DESCRIPTION_FILE.test(name));
  const names = [...new Set([...list(oldFolder), ...list(newFolder)])].sort();
  return names.map((name) => {
    const oldFile = path.join(oldFolder, name);
    const newFile = path.join(newFolder, name);
    return { module: name.replace(DESCRIPTION_FILE, ''), ...(existsSync(oldFile) && { oldFile }), ...(existsSync(newFile) && { newFile }) };
  });
}

/** Each unit's description at both sides (git refs, or the working tree for `new`). */
async function pairUnits(units: readonly GenerationUnitConfig[], oldSide: string, newSide: string | undefined, scratch: string): Promise<ModulePair[]> {
  const pairs: ModulePair[] = [];
  for (const unit of units) {
    const oldFile = await atRef(oldSide, unit.openapi, scratch, 'old');
    const newFile = newSide ? await atRef(newSide, unit.openapi, scratch, 'new') : existsSync(unit.openapi) ? unit.openapi : undefined;
    pairs.push({ module: unit.name, ...(oldFile !== undefined && { oldFile }), ...(newFile !== undefined && { newFile }) });
  }
  return pairs;
}

/** A unit's description at a git ref, or undefined when it did not exist there (a module added or removed). */
async function atRef(side: string, descriptionPath: string, scratch: string, label: string): Promise<string | undefined> {
  try {
    return await materialise(side, descriptionPath, scratch, label);
  } catch (error) {
    if (error instanceof UsageError && / does not exist at /.test(error.message)) return undefined;
    throw error;
  }
}

function sameBytes(a: string, b: string): boolean {
  return statSync(a).size === statSync(b).size && readFileSync(a).equals(readFileSync(b));
}

/**
 * The changes of every module, each marked with its module: whole descriptions, as two files
 * without --unit are compared. Byte-identical modules are not even parsed, so a new version of
 * the whole set costs what changed.
 */
async function compareModules(pairs: readonly ModulePair[]): Promise<ApiDiff> {
  const changes: ApiChange[] = [];
  for (const pair of pairs) {
    if (!pair.oldFile && !pair.newFile) continue;
    if (!pair.oldFile || !pair.newFile) {
      const added = pair.oldFile === undefined;
      changes.push({
        module: pair.module,
        subject: 'module',
        kind: added ? 'added' : 'removed',
        target: pair.module,
        detail: added ? 'a new description' : 'its description is gone',
        breaking: !added,
      });
      continue;
    }
    if (sameBytes(pair.oldFile, pair.newFile)) continue;
    const diff = compareModels(await modelOf(pair.oldFile, WHOLE, true), await modelOf(pair.newFile, WHOLE, true));
    changes.push(...diff.changes.map((change) => ({ ...change, module: pair.module })));
  }
  return { changes, breaking: changes.filter((change) => change.breaking).length };
}

/** A module compared whole: every path, as the description writes it. */
const WHOLE: UnitSelection = { include: { paths: ['**'], cmdlets: [] }, exclude: { paths: [], cmdlets: [] }, keepActionPrefixInUrl: true };

async function configUnits(options: DiffOptions): Promise<GenerationUnitConfig[]> {
  const file = path.resolve(options.config);
  if (!existsSync(file)) return [];
  const { config } = await loadConfig(file);
  return config ? [...config.units] : [];
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
  // units whose descriptions share a folder: it is taken out of git once per side
  const extracted = path.join(target, ...relative.split('/'));
  if (existsSync(extracted)) return extracted;
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

async function modelOf(file: string, unit: UnitSelection, whole = false): Promise<ApiModel> {
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
