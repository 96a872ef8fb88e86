/**
 * The join at scale: every module of the 33-module v1.0 corpus is read and joined, and
 * - no module has an error;
 * - at least 99% of each module's parameter sets bind to an operation;
 * - no set is bound to an operation whose path keys it cannot fill, or whose method its CRUD verb
 *   contradicts (checked here from the model, not from the binder's own reasoning).
 *
 * The modules are read by the built generator on two worker threads (helpers/join-module-worker.mjs).
 * Then the operation pages' examples, for a sample of operations of every module (evenly spread,
 * at least 200 in all; the bench's whole-Graph runs cover every operation): with the inputs
 * already read, each module's sample is generated (client, CLI, docs) into one scratch project,
 * the TypeScript tabs are compiled against the generated clients, and the CLI tabs are run with
 * --what-if through one `mgkit` built from all the modules, which must show the HTTP tab's request.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { corpus33Modules } from './helpers/corpus33.js';
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

/** What helpers/join-module-worker.mjs found in one module. */
interface ModuleJoin {
  readonly name: string;
  readonly errors: readonly string[];
  readonly operations: number;
  readonly sets: number;
  readonly bound: number;
  /** Bound sets that cannot call their operation: a path key nothing fills, or a CRUD verb the method contradicts. */
  readonly problems: readonly string[];
  /** Operations of the module's sample (the picks and the other operations of their cmdlets). */
  readonly sampleOperations?: number;
}

let joined: Promise<ReadonlyMap<string, ModuleJoin>> | undefined;
/**
 * Every module read, joined, checked and sampled on two worker threads (the built generator, as a
 * run reads a unit): one thread took most of the suite's time reading the 33 modules one by one.
 */
function joinAllModules(): Promise<ReadonlyMap<string, ModuleJoin>> {
  joined ??= (async () => {
    sampleRoot = mkdtempSync(path.join(os.tmpdir(), 'mgkit-examples-33-'));
    const { runOnWorkers } = (await import(pathToFileURL(path.join(projectRoot, 'generator/dist/pipeline/worker-pool.js')).href)) as typeof import('../src/pipeline/worker-pool.js');
    const cliModules = modules.map((candidate) => unitName(candidate.name)).join(',');
    const tasks = modules.map((module) => ({ ...module, unit: unitName(module.name), sampleRoot, cliModules, samplePerModule: SAMPLE_PER_MODULE, selectEverything: SELECT_EVERYTHING }));
    const results = await runOnWorkers<(typeof tasks)[number], ModuleJoin>(new URL('./helpers/join-module-worker.mjs', import.meta.url), tasks, {
      size: 2,
      resourceLimits: { maxYoungGenerationSizeMb: 64 },
      describe: (task) => `module ${(task as (typeof tasks)[number]).name}`,
    });
    for (const [index, result] of results.entries()) if (result.sampleOperations !== undefined) sampled.push(tasks[index]!.unit);
    return new Map(results.map((result) => [result.name, result]));
  })();
  return joined;
}

/** The example checks, shared with the long run (bench/whole-graph-examples.mjs). */
const exampleChecks = () => import('../../bench/whole-graph/examples.mjs');

describe.skipIf(modules.length === 0)('the join on the 33 v1.0 modules of the 2023 corpus', () => {
  it('reads 33 modules', () => {
    expect(modules).toHaveLength(33);
  });

  describe.each(modules)('$name', (module) => {
    it('joins with no error, ≥ 99% of parameter sets bound, and every binding able to fill its path', async () => {
      const join = (await joinAllModules()).get(module.name);
      expect(join?.errors).toEqual([]);
      console.log(`${module.name}: ${join?.operations} operations, ${join?.bound}/${join?.sets} parameter sets bound`);
      expect(join?.problems).toEqual([]);
      if (join && join.sets > 0) expect(join.bound / join.sets).toBeGreaterThanOrEqual(0.99);
      // a bound cmdlet brings its other operations (a Get cmdlet: list and get), never the module
      expect(join?.sampleOperations).toBeLessThan(4 * SAMPLE_PER_MODULE);
    });
  });

  describe('the examples of a sample of operations from every module', () => {
    let cli = '';
    /** The scratch project as a CLI package with its node_modules (the clients as packages), built once. */
    const cliPackage = async (): Promise<string> => {
      if (cli) return cli;
      await joinAllModules();
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
    const pages = async (): Promise<ExamplePage[]> => {
      await joinAllModules();
      return (sampledPages ??= (await exampleChecks()).operationPages(sampleRoot, sampled));
    };

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
