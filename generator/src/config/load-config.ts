import { createHash } from 'node:crypto';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { Diagnostic } from '../diagnostics/index.js';
import { cacheFolder } from '../util/cache-folder.js';
import { isWithin, projectRootOf } from '../util/paths.js';
import { TARGETS } from '../targets/registry.js';
import { overlayFiles } from './overlay-files.js';
import { configSchema } from './schema.js';
import type { GenerationUnitConfig, MgkitConfig, OutputsConfig, SelectionConfig } from './types.js';

export const DEFAULT_CONFIG_FILE = 'specs/mgkit.config.yaml';

interface RawUnit {
  name: string;
  openapi: string;
  lockFile?: string;
  cmdlets?: string[];
  permissions?: string;
  descriptions?: string;
  include?: Partial<SelectionConfig>;
  exclude?: Partial<SelectionConfig>;
  bindings?: Record<string, Record<string, string>>;
  url?: { keepActionPrefix?: boolean };
  outputs?: Record<string, { dir: string; [option: string]: unknown }>;
}

interface RawConfig {
  version: 1;
  lockFile?: string;
  units: RawUnit[];
}

let validator: ValidateFunction<RawConfig> | undefined;

/** The schema's validator, compiled on first use: loading and compiling ajv was a tenth of a no-op run. */
async function validateRawConfig(): Promise<ValidateFunction<RawConfig>> {
  if (!validator) {
    const { Ajv } = await import('ajv');
    validator = new Ajv({ allErrors: true, strict: true }).compile<RawConfig>(configSchema);
  }
  return validator;
}

/**
 * Configs this machine already found valid, one empty file each in the cache folder, named by the
 * hash of the schema and the parsed config: validation depends on nothing else, so a run over an
 * unchanged config skips the validator.
 */
function validatedMarker(raw: unknown): string | undefined {
  const folder = cacheFolder();
  if (!folder) return undefined;
  const key = createHash('sha256').update(JSON.stringify(configSchema)).update('\0').update(JSON.stringify(raw)).digest('hex');
  return path.join(folder, 'valid-configs', key.slice(0, 32));
}

async function isKnownValid(marker: string | undefined): Promise<boolean> {
  if (!marker) return false;
  try {
    await access(marker);
    return true;
  } catch {
    return false;
  }
}

async function rememberValid(marker: string | undefined): Promise<void> {
  if (!marker) return;
  try {
    await mkdir(path.dirname(marker), { recursive: true });
    await writeFile(marker, '');
  } catch {
    // a read-only cache: the next run validates again
  }
}

/** Read and validate `mgkit.config.yaml`; every schema violation becomes one diagnostic with its line. */
export async function loadConfig(configFile: string): Promise<{ config?: MgkitConfig; diagnostics: Diagnostic[] }> {
  const displayFile = path.relative(process.cwd(), configFile) || configFile;
  let text: string;
  try {
    text = await readFile(configFile, 'utf8');
  } catch {
    return {
      diagnostics: [
        {
          severity: 'error',
          code: 'config/not-found',
          message: `config file ${displayFile} does not exist`,
          file: displayFile,
          hint: `create it (see README.md) or pass --config <file>`,
        },
      ],
    };
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      diagnostics: document.errors.map((error) => {
        const position = lineCounter.linePos(error.pos[0]);
        return {
          severity: 'error' as const,
          code: 'config/parse-error',
          message: `invalid YAML: ${firstLine(error.message)}`,
          file: displayFile,
          line: position.line,
          column: position.col,
          hint: 'fix the YAML syntax at this position',
        };
      }),
    };
  }
  const raw: unknown = document.toJS();
  const marker = validatedMarker(raw);
  if (!(await isKnownValid(marker))) {
    const validate = await validateRawConfig();
    if (!validate(raw)) {
      const diagnostics = (validate.errors ?? []).map((error) => schemaErrorToDiagnostic(error, document, lineCounter, displayFile));
      return { diagnostics: dedupe(diagnostics) };
    }
    await rememberValid(marker);
  }
  return resolveConfig(raw as RawConfig, configFile, document, lineCounter, displayFile);
}

function resolveConfig(raw: RawConfig, configFile: string, document: Document, lineCounter: LineCounter, displayFile: string): { config?: MgkitConfig; diagnostics: Diagnostic[] } {
  const baseDir = path.dirname(path.resolve(configFile));
  const diagnostics: Diagnostic[] = [];
  const seenNames = new Set<string>();
  raw.units.forEach((unit, index) => {
    if (seenNames.has(unit.name)) {
      const at = locate(document, lineCounter, ['units', index, 'name']);
      diagnostics.push({
        severity: 'error',
        code: 'config/duplicate-unit',
        message: `generation unit name '${unit.name}' is used twice`,
        file: displayFile,
        ...at,
        hint: 'give each unit a unique name',
      });
    }
    seenNames.add(unit.name);
  });
  const lockFile = path.resolve(baseDir, raw.lockFile ?? 'mgkit-lock.json');
  const units = raw.units.map((unit): GenerationUnitConfig => {
    const resolve = (relative: string) => path.resolve(baseDir, relative);
    const outputs = unit.outputs ?? {};
    return {
      name: unit.name,
      lockFile: unit.lockFile ? resolve(unit.lockFile) : lockFile,
      openapi: resolve(unit.openapi),
      cmdlets: (unit.cmdlets ?? []).map(resolve),
      ...(unit.permissions && { permissions: resolve(unit.permissions) }),
      ...(unit.descriptions && { descriptions: resolve(unit.descriptions) }),
      include: { paths: unit.include?.paths ?? ['**'], cmdlets: unit.include?.cmdlets ?? ['*'] },
      exclude: { paths: unit.exclude?.paths ?? [], cmdlets: unit.exclude?.cmdlets ?? [] },
      bindings: unit.bindings ?? {},
      keepActionPrefixInUrl: unit.url?.keepActionPrefix ?? true,
      // each target's options with its defaults, its folder made absolute
      outputs: Object.fromEntries(
        TARGETS.flatMap((target) => {
          const output = outputs[target.name];
          return output ? [[target.name, { ...target.defaults, ...output, dir: resolve(output.dir) }]] : [];
        }),
      ) as OutputsConfig,
    };
  });
  const grouped = withCliModules(units);
  diagnostics.push(
    ...grouped.diagnostics.map((message) => ({
      severity: 'error' as const,
      code: 'config/cli-modules',
      message,
      file: displayFile,
      hint: 'put the cli dir of every unit that shares a CLI package in one folder, one subfolder per unit (cli: { dir: cli/src/generated/<unit> })',
    })),
  );
  units.splice(0, units.length, ...grouped.units);
  const projectRoot = projectRootOf(baseDir);
  raw.units.forEach((unit, index) => diagnostics.push(...outputsOutsideProject(unit, index, baseDir, projectRoot, document, lineCounter, displayFile)));
  units.forEach((unit, index) => diagnostics.push(...overlappingOutputs(unit, index, configFile, document, lineCounter, displayFile)));
  raw.units.forEach((unit, index) => diagnostics.push(...missingDependencies(unit, index, document, lineCounter, displayFile)));
  if (diagnostics.length > 0) return { diagnostics };
  return {
    config: {
      file: path.resolve(configFile),
      baseDir,
      projectRoot,
      lockFile,
      units,
    },
    diagnostics,
  };
}

/**
 * Units that share a CLI package are the modules of one binary: each unit's CLI options get
 * `modules`, the folder names of the group in config order, so that each writes the index that
 * merges them into the folder above its own. The folders must be siblings.
 */
function withCliModules(units: readonly GenerationUnitConfig[]): { units: GenerationUnitConfig[]; diagnostics: string[] } {
  const groups = new Map<string, GenerationUnitConfig[]>();
  for (const unit of units) {
    const cli = unit.outputs.cli;
    if (cli) groups.set(cli.packageName, [...(groups.get(cli.packageName) ?? []), unit]);
  }
  const diagnostics: string[] = [];
  const modules = new Map<GenerationUnitConfig, string>();
  for (const [packageName, members] of groups) {
    // one unit is a module too when its folder is one (`<package>/src/generated/<name>`): a group
    // that shrinks to one unit keeps the layout its runtime imports expect
    if (members.length < 2 && !isModuleFolder(members[0]!.outputs.cli!.dir)) continue;
    const parents = new Set(members.map((unit) => path.dirname(unit.outputs.cli!.dir)));
    if (parents.size > 1) {
      diagnostics.push(`units ${members.map((unit) => unit.name).join(', ')} share the CLI package ${packageName} but their cli dirs are not in one folder`);
      continue;
    }
    const binNames = new Set(members.map((unit) => String(unit.outputs.cli!['binName'])));
    if (binNames.size > 1) {
      diagnostics.push(
        `units ${members.map((unit) => unit.name).join(', ')} share the CLI package ${packageName} but name its command differently (${[...binNames].join(', ')}); one binary has one name`,
      );
      continue;
    }
    const names = members.map((unit) => path.basename(unit.outputs.cli!.dir));
    // the names become import paths and identifiers' comments in generated code, and the list is comma-separated
    const invalid = names.filter((name) => !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) || name === 'commands' || name === 'runtime');
    if (invalid.length > 0) {
      diagnostics.push(`units sharing the CLI package ${packageName} use folder names a module cannot have: ${invalid.join(', ')} (letters, digits, '.', '_' and '-'; not commands or runtime)`);
      continue;
    }
    for (const unit of members) modules.set(unit, names.join(','));
  }
  return {
    diagnostics,
    units: units.map((unit) => {
      const folders = modules.get(unit);
      return folders && unit.outputs.cli ? { ...unit, outputs: { ...unit.outputs, cli: { ...unit.outputs.cli, modules: folders } } } : unit;
    }),
  };
}

/** `…/src/generated/<name>`: a module's folder in a CLI package of several modules, not the package's own generated folder. */
function isModuleFolder(cliDir: string): boolean {
  return path.basename(path.dirname(cliDir)) === 'generated';
}

/** A target reads what the targets it depends on export (the CLI calls through the client): those must be enabled too. */
function missingDependencies(unit: RawConfig['units'][number], index: number, document: Document, lineCounter: LineCounter, displayFile: string): Diagnostic[] {
  const enabled = Object.keys(unit.outputs ?? {});
  return TARGETS.filter((target) => enabled.includes(target.name)).flatMap((target) =>
    target.dependsOn
      .filter((name) => !enabled.includes(name))
      .map((name) => ({
        severity: 'error' as const,
        code: 'config/missing-target',
        message: `outputs.${target.name} needs outputs.${name} too (${target.name} reads what ${name} generates)`,
        file: displayFile,
        ...locate(document, lineCounter, ['units', index, 'outputs', target.name]),
        hint: `add outputs.${name} with its dir`,
      })),
  );
}

/**
 * Output folders are written and cleaned by generate, so they must stay inside the project:
 * an absolute `dir`, or one whose `..` leaves the project, is an error at its `dir` key.
 */
function outputsOutsideProject(unit: RawConfig['units'][number], index: number, baseDir: string, projectRoot: string, document: Document, lineCounter: LineCounter, displayFile: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [target, output] of Object.entries(unit.outputs ?? {})) {
    if (!output) continue;
    const absolute = path.isAbsolute(output.dir);
    if (!absolute && isWithin(path.resolve(baseDir, output.dir), projectRoot)) continue;
    diagnostics.push({
      severity: 'error',
      code: 'config/output-outside-project',
      message: absolute
        ? `outputs.${target}.dir ${output.dir} is an absolute path: generate writes and deletes in its output folders, which must lie inside the project`
        : `outputs.${target}.dir ${output.dir} leaves the project (${projectRoot}): generate writes and deletes in its output folders, which must lie inside it`,
      file: displayFile,
      ...locate(document, lineCounter, ['units', index, 'outputs', target, 'dir']),
      hint: `give a path relative to ${path.relative(process.cwd(), baseDir) || '.'} that stays inside ${projectRoot}`,
    });
  }
  return diagnostics;
}

/**
 * An output folder that holds an input (or the config) would have generate overwrite or delete
 * what it reads, and never settle: one error per such folder, at its `dir` key.
 */
function overlappingOutputs(unit: GenerationUnitConfig, index: number, configFile: string, document: Document, lineCounter: LineCounter, displayFile: string): Diagnostic[] {
  const inputs = [path.resolve(configFile), unit.openapi, ...unit.cmdlets, ...overlayFiles(unit)];
  const diagnostics: Diagnostic[] = [];
  for (const [target, output] of Object.entries(unit.outputs)) {
    if (!output) continue;
    const clash = inputs.find((input) => isWithin(input, output.dir) || isWithin(output.dir, input));
    if (!clash) continue;
    diagnostics.push({
      severity: 'error',
      code: 'config/output-overlaps-input',
      message: `outputs.${target}.dir ${path.relative(path.dirname(configFile), output.dir) || '.'} overlaps the input ${path.relative(path.dirname(configFile), clash) || '.'}: generate would overwrite what it reads`,
      file: displayFile,
      ...locate(document, lineCounter, ['units', index, 'outputs', target, 'dir']),
      hint: 'give the output a folder of its own, outside specs/ and the help folders',
    });
  }
  return diagnostics;
}

function schemaErrorToDiagnostic(error: ErrorObject, document: Document, lineCounter: LineCounter, file: string): Diagnostic {
  const segments = pointerSegments(error.instancePath);
  const where = describePath(segments);
  if (error.keyword === 'additionalProperties') {
    const key = String(error.params['additionalProperty']);
    const allowed = allowedKeysAt(segments);
    return {
      severity: 'error',
      code: 'config/unknown-key',
      message: `unknown key '${key}' in ${where}`,
      file,
      ...locateKey(document, lineCounter, segments, key),
      hint: allowed.length ? `use one of: ${allowed.join(', ')}` : 'remove it',
    };
  }
  if (error.keyword === 'required') {
    const key = String(error.params['missingProperty']);
    return {
      severity: 'error',
      code: 'config/missing-key',
      message: `${where} needs the key '${key}'`,
      file,
      ...locate(document, lineCounter, segments),
      hint: `add '${key}:'`,
    };
  }
  return {
    severity: 'error',
    code: 'config/invalid-value',
    message: `${where} ${error.message ?? 'is invalid'}`,
    file,
    ...locate(document, lineCounter, segments),
    hint: hintFor(error),
  };
}

function hintFor(error: ErrorObject): string {
  if (error.keyword === 'const') return `write ${JSON.stringify(error.params['allowedValue'])}`;
  if (error.keyword === 'pattern') return 'use lower-case letters, digits and dashes';
  if (error.keyword === 'type') {
    const type = String(error.params['type']);
    return `write ${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
  }
  return 'see the config section of README.md';
}

function allowedKeysAt(segments: readonly (string | number)[]): string[] {
  let schema: unknown = configSchema;
  for (const segment of segments) {
    if (!isRecord(schema)) return [];
    if (typeof segment === 'number') schema = schema['items'];
    else schema = isRecord(schema['properties']) ? schema['properties'][segment] : undefined;
  }
  return isRecord(schema) && isRecord(schema['properties']) ? Object.keys(schema['properties']) : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function pointerSegments(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function describePath(segments: readonly (string | number)[]): string {
  if (segments.length === 0) return 'the config';
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function locate(document: Document, lineCounter: LineCounter, segments: readonly (string | number)[]) {
  const node = document.getIn(segments, true) as YamlNode | undefined;
  const offset = node?.range?.[0] ?? document.contents?.range?.[0] ?? 0;
  const position = lineCounter.linePos(offset);
  return { line: position.line, column: position.col };
}

function locateKey(document: Document, lineCounter: LineCounter, segments: readonly (string | number)[], key: string) {
  const parent = segments.length ? document.getIn(segments, true) : document.contents;
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
    const range = isScalar(pair?.key) ? pair.key.range : undefined;
    if (range) {
      const position = lineCounter.linePos(range[0]);
      return { line: position.line, column: position.col };
    }
  }
  return locate(document, lineCounter, segments);
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const id = `${d.line}:${d.column}:${d.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
