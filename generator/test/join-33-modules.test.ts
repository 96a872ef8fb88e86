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
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApiModel, type ApiModel, type CommandModel, type OperationModel, type ParameterSetModel } from '../src/model/index.js';
import { readCmdletHelpFolder } from '../src/sources/cmdlets/index.js';
import { loadOpenApiDocument } from '../src/sources/openapi/index.js';
import { corpus33Modules } from './helpers/corpus33.js';
import { loadTargets } from '../src/targets/index.js';
import { projectRoot, SELECT_EVERYTHING } from './helpers/paths.js';
import { strictCompilerOptions } from './helpers/typescript.js';

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
  const include = { paths: picks.map((operation) => `${operation.path}#${operation.method.toUpperCase()}`), cmdlets: ['*'] };
  const small = buildApiModel({ document, cmdlets, unit: { ...SELECT_EVERYTHING, include } }).model as ApiModel;
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

/** The tabs of every `::: code-group` of a page, by label. */
function codeGroupTabs(page: string): Map<string, string> {
  const tabs = new Map<string, string>();
  const group = /::: code-group\n([\s\S]*?)\n:::/.exec(page)?.[1] ?? '';
  for (const match of group.matchAll(/^(`{3,})\w+ \[([^\]]+)\]\n([\s\S]*?)\n\1$/gm)) tabs.set(match[2]!, match[3]!);
  return tabs;
}

/** What one example did in the runner: exit code, output, whether it ran with --what-if, requests it made. */
interface ExampleResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly whatIf: boolean;
  readonly requests: number;
}

/**
 * Runs each argv through the built CLI's `main` in one child process (asynchronous: the server
 * answering the reads is in this process). A command that has --what-if in every parameter set
 * runs with it; the others call `base` with a token.
 */
async function runExamples(cli: string, argvs: readonly string[][], base: string): Promise<ExampleResult[]> {
  const runner = path.join(cli, 'run-examples.mjs');
  writeFileSync(
    runner,
    `import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { main, resolveCommand } from './dist/main.js';
const { argvs, base, home } = JSON.parse(readFileSync(0, 'utf8'));
const results = [];
for (const argv of argvs) {
  const module = await resolveCommand(argv.filter((word) => !word.startsWith('-'))).entry?.load();
  const whatIfOption = module?.definition.options.find((option) => option.name === 'what-if');
  const whatIf = whatIfOption !== undefined && Object.keys(whatIfOption.sets).length === module.definition.sets.length;
  let stdout = '';
  let stderr = '';
  let requests = 0;
  const code = await main(whatIf ? [...argv, '--what-if'] : [...argv, '--base-url', base, '--debug'], {
    stdin: Readable.from([]),
    stdout: { write: (chunk) => ((stdout += String(chunk)), true) },
    stderr: { write: (chunk) => { const text = String(chunk); requests += (text.match(/^> (GET|POST|PATCH|PUT|DELETE) /gm) ?? []).length; if (!text.startsWith('> ') && !text.startsWith('< ')) stderr += text; return true; } },
    env: { NO_COLOR: '1', XDG_CONFIG_HOME: home, ...(whatIf ? {} : { MGKIT_ACCESS_TOKEN: 'examples-test-token' }) },
    platform: process.platform,
  });
  results.push({ code, stdout, stderr, whatIf, requests });
}
process.stdout.write(JSON.stringify(results));
`,
  );
  const child = spawn(process.execPath, [runner], { cwd: cli, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(JSON.stringify({ argvs, base, home: path.dirname(cli) }));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`the example runner failed (exit ${code}): ${stderr.trim().split('\n').slice(-5).join(' | ')}`);
  return JSON.parse(stdout) as ExampleResult[];
}

/** Each shell command line's words, as bash splits them (one bash for all of them). */
function shellWords(commands: readonly string[]): string[][] {
  const script = ['words() { printf "%s\\0" "$@"; printf "\\036"; }', ...commands.map((command) => command.replace(/^mgkit /, 'words mgkit '))].join('\n');
  const output = execFileSync('bash', ['-s'], { input: script, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return output
    .split('\u001e')
    .slice(0, commands.length)
    .map((record) => record.split('\0').filter((word, index, all) => index < all.length - 1 || word !== ''));
}

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
    const pages = () =>
      sampled.flatMap((unit) => {
        const dir = path.join(sampleRoot, 'out', unit, 'docs/operations');
        return readdirSync(dir)
          .filter((file) => file.endsWith('.md'))
          .map((file) => ({ unit, file: `${unit}/${file}`, tabs: codeGroupTabs(readFileSync(path.join(dir, file), 'utf8')) }));
      });

    it('cover at least 200 operations across all 33 modules, each with its HTTP, TypeScript and CLI tabs', () => {
      expect(sampled).toHaveLength(modules.length);
      const all = pages();
      expect(all.length).toBeGreaterThanOrEqual(200);
      for (const page of all) expect([...page.tabs.keys()], page.file).toEqual(expect.arrayContaining(['HTTP', 'TypeScript', 'CLI']));
    });

    it('TypeScript tabs compile against each module’s generated client (tsc strict, 0 errors)', async () => {
      // the clients resolve the Kiota packages from the scratch project's node_modules
      await cliPackage();
      const files = new Map<string, string>();
      for (const [index, page] of pages().entries()) {
        const code = page.tabs.get('TypeScript') ?? '';
        const harness =
          /\brequestAdapter\b/.test(code) && !/const requestAdapter\b/.test(code)
            ? `import type { RequestAdapter } from "@microsoft/kiota-abstractions";\ndeclare const requestAdapter: RequestAdapter;\n${code}\n`
            : `${code}\nexport {};\n`;
        const file = path.join(sampleRoot, 'snippets', `snippet-${index}.mts`);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, harness);
        files.set(file, page.file);
      }
      const paths: Record<string, string[]> = {};
      for (const unit of sampled) {
        paths[`@mgkit/graph-${unit}`] = [`out/${unit}/client/index.ts`];
        paths[`@mgkit/graph-${unit}/*`] = [`out/${unit}/client/*/index.ts`];
      }
      const program = ts.createProgram([...files.keys()], strictCompilerOptions(sampleRoot, paths));
      // the snippets' own diagnostics: the clients are type-checked whole elsewhere (generated-compiles.test.ts)
      const snippetFiles = [...files.keys()].map((file) => program.getSourceFile(file)!);
      const found = [...program.getOptionsDiagnostics(), ...snippetFiles.flatMap((file) => [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)])];
      expect(snippetFiles.length).toBeGreaterThanOrEqual(200);
      const diagnostics = found.map((diagnostic) => {
        const line = diagnostic.file ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1 : 0;
        return `${files.get(diagnostic.file?.fileName ?? '') ?? diagnostic.file?.fileName}:${line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
      });
      expect(diagnostics).toEqual([]);
    });

    it('CLI tabs run through one mgkit for all the modules: --what-if shows the HTTP tab’s request, a read sends it to 127.0.0.1', async () => {
      const built = await cliPackage();
      // reads have no --what-if (their cmdlets have no -WhatIf): they go to a server on 127.0.0.1
      const received: { method: string; url: string }[] = [];
      const server = createServer((request, response) => {
        received.push({ method: request.method ?? '', url: request.url ?? '' });
        request.resume();
        request.on('end', () => {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end('{}');
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`;
      const all = pages();
      const argvs = shellWords(all.map((page) => page.tabs.get('CLI') ?? ''));
      // files an example reads a value from (`Password=@password.txt`), as a reader would create them
      const files = path.join(sampleRoot, 'example-files');
      mkdirSync(files, { recursive: true });
      const lines = all.map((_page, index) =>
        (argvs[index] ?? []).slice(1).map((word) =>
          word.replace(/(^|=)@([\w.-]+)$/, (_match, before: string, name: string) => {
            writeFileSync(path.join(files, name), name.endsWith('.json') ? '{}' : '<secret>');
            return `${before}@${path.join(files, name)}`;
          }),
        ),
      );
      // every example in one node process (the built CLI's main, one after the other), each request
      // answered here: a request per read, what-if output for the rest
      const results = await runExamples(built, lines, base);
      let whatIf = 0;
      const problems: string[] = [];
      let next = 0;
      try {
        for (const [index, page] of all.entries()) {
          const result = results[index]!;
          const requests = received.slice(next, next + result.requests);
          next += result.requests;
          if (result.code !== 0) {
            problems.push(`${page.file}: exit ${result.code}: ${result.stderr.trim()}`);
            continue;
          }
          const shown = (page.tabs.get('HTTP') ?? '').split('\n')[0] ?? '';
          if (result.whatIf) {
            whatIf += 1;
            if (!result.stdout.includes(shown)) problems.push(`${page.file}: --what-if does not show ${shown}`);
            continue;
          }
          const [method, url] = shown.split(' ');
          const expected = new URL(url ?? '');
          const sent = requests[0] ? new URL(requests[0].url, base) : undefined;
          const got = sent ? [requests[0]?.method, decodeURIComponent(sent.pathname), [...sent.searchParams.keys()].sort().join('&')] : [];
          const wanted = [method, decodeURIComponent(expected.pathname), [...expected.searchParams.keys()].sort().join('&')];
          if (requests.length !== 1 || JSON.stringify(got) !== JSON.stringify(wanted)) problems.push(`${page.file}: sent ${JSON.stringify(requests)}, the HTTP tab shows ${shown}`);
        }
      } finally {
        server.close();
      }
      // every failing example at once, one line each
      expect(problems).toEqual([]);
      // both ways are exercised: the sample holds actions and writes as well as reads
      expect(whatIf).toBeGreaterThan(20);
      expect(all.length - whatIf).toBeGreaterThan(20);
    });
  });
});
