/**
 * The join at scale: every module of the 33-module v1.0 corpus is read and joined, and
 * - no module has an error;
 * - at least 99% of each module's parameter sets bind to an operation;
 * - no set is bound to an operation whose path keys it cannot fill, or whose method its CRUD verb
 *   contradicts (checked here from the model, not from the binder's own reasoning).
 *
 * Then the operation pages' examples, for a sample of operations of every module (evenly spread,
 * at least 200 in all; the bench's whole-Graph runs cover every operation): with the inputs
 * already read, each module's sample is generated (client, CLI, docs) into one scratch project,
 * the TypeScript tabs are compiled against the generated clients, and the CLI tabs are run with
 * --what-if through one `mgkit` built from all the modules, which must show the HTTP tab's request.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApiModel, type ApiModel, type CommandModel, type OperationModel, type ParameterSetModel } from '../src/model/index.js';
import { readCmdletHelpFolder } from '../src/sources/cmdlets/index.js';
import { loadOpenApiDocument } from '../src/sources/openapi/index.js';
import { corpus33Modules } from './helpers/corpus33.js';
import { loadTargets } from '../src/targets/index.js';
import type { ExamplePage } from '../../bench/whole-graph/examples.mjs';
import { projectRoot, SELECT_EVERYTHING } from './helpers/paths.js';

const modules = corpus33Modules() ?? [];
const SAMPLE_PER_MODULE = 7;
const unitName = (module: string) => module.toLowerCase().replace(/[^a-z0-9]+/g, '-');
let sampleRoot = '';
const sampled: string[] = [];

afterAll(() => {
  if (sampleRoot) rmSync(sampleRoot, { recursive: true, force: true });
});

/** Up to `count` operations, evenly spread over the module's (sorted by key). */
function sampleOf(operations: readonly OperationModel[], count: number): OperationModel[] {
  const sorted = [...operations].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (sorted.length <= count) return sorted;
  return Array.from({ length: count }, (_, index) => sorted[Math.floor((index * sorted.length) / count)]!);
}

/** The sample of one module, generated into the scratch project as one module of one CLI. */
async function generateSample(moduleName: string, document: Parameters<typeof buildApiModel>[0]['document'], cmdlets: Parameters<typeof buildApiModel>[0]['cmdlets'], model: ApiModel): Promise<void> {
  sampleRoot ||= mkdtempSync(path.join(os.tmpdir(), 'mgkit-examples-33-'));
  const unit = unitName(moduleName);
  const picks = sampleOf(model.operations, SAMPLE_PER_MODULE);
  // the cmdlets bound to the picks, and no others: every cmdlet would bring its operations, the whole module
  const keys = new Set(picks.map((operation) => operation.key));
  const bound = model.commands.filter((command) => command.parameterSets.some((set) => set.operationKey !== undefined && keys.has(set.operationKey))).map((command) => command.name);
  // an empty cmdlet list selects every cmdlet, so "none" is every cmdlet excluded
  const include = { paths: picks.map((operation) => `${operation.path}#${operation.method.toUpperCase()}`), cmdlets: bound.length > 0 ? bound : ['*'] };
  const exclude = { paths: [], cmdlets: bound.length > 0 ? [] : ['*'] };
  const small = buildApiModel({ document, cmdlets, unit: { ...SELECT_EVERYTHING, include, exclude } }).model as ApiModel;
  // a bound cmdlet brings its other operations (a Get cmdlet: list and get), never the module
  expect(small.operations.length).toBeLessThan(4 * SAMPLE_PER_MODULE);
  const outputs = {
    client: { dir: path.join(sampleRoot, 'out', unit, 'client'), packageName: `@mgkit/graph-${unit}` },
    cli: { dir: path.join(sampleRoot, 'out/cli/src/generated', unit), packageName: '@mgkit/cli', binName: 'mgkit', modules: modules.map((candidate) => unitName(candidate.name)).join(',') },
    docs: { dir: path.join(sampleRoot, 'out', unit, 'docs') },
  };
  for (const target of await loadTargets()) {
    if (!(target.name in outputs)) continue;
    for (const file of await target.emit(small, { unit: { outputs }, specsDir: sampleRoot })) {
      mkdirSync(path.dirname(file.path), { recursive: true });
      writeFileSync(file.path, file.contents);
    }
  }
  sampled.push(unit);
}

/** The example checks, shared with the long run (bench/whole-graph-examples.mjs). */
const exampleChecks = () => import('../../bench/whole-graph/examples.mjs');

const CRUD_METHODS: Readonly<Record<string, readonly string[]>> = { Get: ['get'], New: ['post'], Update: ['patch', 'put'], Set: ['put', 'patch'], Remove: ['delete'] };

/** Why a bound set cannot call its operation, or undefined when it can. */
function bindingProblem(command: CommandModel, set: ParameterSetModel, operation: OperationModel): string | undefined {
  const filled = new Set<string>();
  for (const binding of set.parameters) {
    if (binding.role?.kind === 'path-key') filled.add(binding.role.pathParameter);
    if (binding.role?.kind === 'identity') {
      const identity = command.parameters.find((parameter) => parameter.name === binding.parameter);
      const properties = new Set((identity?.complexProperties ?? []).map((property) => property.name.toLowerCase()));
      for (const key of binding.role.keys) if (properties.has(key.property.toLowerCase())) filled.add(key.pathParameter);
    }
  }
  const missing = operation.pathParameters.filter((parameter) => !filled.has(parameter.wireName));
  if (missing.length > 0) return `${command.name} ${set.name} → ${operation.method} ${operation.path}: nothing fills ${missing.map((p) => p.wireName).join(', ')}`;
  const allowed = CRUD_METHODS[command.verb];
  if (operation.kind === 'operation' && !allowed?.includes(operation.method.toLowerCase())) return `${command.name} ${set.name} → ${operation.method} ${operation.path}: the verb says otherwise`;
  return undefined;
}

describe.skipIf(modules.length === 0)('the join on the 33 v1.0 modules of the 2023 corpus', () => {
  it('reads 33 modules', () => {
    expect(modules).toHaveLength(33);
  });

  describe.each(modules)('$name', (module) => {
    it('joins with no error, ≥ 99% of parameter sets bound, and every binding able to fill its path', async () => {
      const { document, diagnostics: openApiDiagnostics } = await loadOpenApiDocument(module.openapi);
      const { cmdlets, diagnostics: helpDiagnostics } = await readCmdletHelpFolder(module.cmdlets);
      const built = buildApiModel({ document: document!, cmdlets, unit: SELECT_EVERYTHING });
      const errors = [...openApiDiagnostics, ...helpDiagnostics, ...built.diagnostics].filter((d) => d.severity === 'error');
      expect(errors.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
      const model = built.model as ApiModel;
      const operations = new Map(model.operations.map((operation) => [operation.key, operation]));

      let sets = 0;
      let bound = 0;
      const problems: string[] = [];
      for (const command of model.commands) {
        for (const set of command.parameterSets) {
          sets++;
          const operation = set.operationKey ? operations.get(set.operationKey) : undefined;
          if (!operation) continue;
          bound++;
          const problem = bindingProblem(command, set, operation);
          if (problem) problems.push(problem);
        }
      }
      console.log(`${module.name}: ${model.operations.length} operations, ${bound}/${sets} parameter sets bound`);
      expect(problems).toEqual([]);
      if (sets > 0) expect(bound / sets).toBeGreaterThanOrEqual(0.99);
      await generateSample(module.name, document!, cmdlets, model);
    });
  });

  describe('the examples of a sample of operations from every module', () => {
    let cli = '';
    /** The scratch project as a CLI package with its node_modules (the clients as packages), built once. */
    const cliPackage = async (): Promise<string> => {
      if (cli) return cli;
      if (!sampleRoot) throw new Error('no module was sampled: run the whole file, not one test');
      const helpers = (await import(/* @vite-ignore */ path.join(projectRoot, 'bench/whole-graph/cli-package.mjs'))) as {
        assembleCliPackage(scratch: string): string;
        buildCliPackage(cli: string, options: { quiet: boolean }): void;
      };
      writeFileSync(path.join(sampleRoot, 'package.json'), '{ "private": true, "type": "module" }\n');
      cli = helpers.assembleCliPackage(sampleRoot);
      helpers.buildCliPackage(cli, { quiet: true });
      return cli;
    };
    let sampledPages: ExamplePage[] | undefined;
    const pages = async (): Promise<ExamplePage[]> => (sampledPages ??= (await exampleChecks()).operationPages(sampleRoot, sampled));

    it('cover at least 200 operations across all 33 modules, each with its HTTP, TypeScript and CLI tabs', async () => {
      expect(sampled).toHaveLength(modules.length);
      const all = await pages();
      expect(all.length).toBeGreaterThanOrEqual(200);
      for (const page of all) expect([...page.tabs.keys()], page.file).toEqual(expect.arrayContaining(['HTTP', 'TypeScript', 'CLI']));
    });

    it('TypeScript tabs compile against each module’s generated client (tsc strict, 0 errors)', async () => {
      // the clients resolve the Kiota packages from the scratch project's node_modules
      await cliPackage();
      const { checked, problems } = (await exampleChecks()).checkTypeScriptTabs({ root: sampleRoot, pages: await pages(), units: sampled, projectRoot });
      expect(checked).toBeGreaterThanOrEqual(200);
      expect(problems).toEqual([]);
    });

    it('CLI tabs run through one mgkit for all the modules: --what-if shows the HTTP tab’s request, a read sends it to 127.0.0.1', async () => {
      const built = await cliPackage();
      const all = await pages();
      const { whatIf, problems } = await (await exampleChecks()).checkCliTabs({ cli: built, pages: all, workDir: sampleRoot });
      // every failing example at once, one line each
      expect(problems).toEqual([]);
      // both ways are exercised: the sample holds actions and writes as well as reads
      expect(whatIf).toBeGreaterThan(20);
      expect(all.length - whatIf).toBeGreaterThan(20);
    });
  });
});
