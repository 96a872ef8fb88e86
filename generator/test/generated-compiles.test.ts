/**
 * What all three targets emit compiles together, with 0 errors: the client, the CLI's command
 * modules (against the real CLI runtime) and every TypeScript example of the docs (against the
 * client). Run on a fixture of the name collisions real Graph modules produce
 * (fixtures/openapi/collisions.yaml) and on the whole Applications corpus module: every builder
 * path the CLI calls and the docs show must exist on the generated client.
 */
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import type { GenerationUnitConfig } from '../src/config/index.js';
import { buildApiModel } from '../src/model/index.js';
import { readCmdletHelpFolder } from '../src/sources/cmdlets/index.js';
import { loadOpenApiDocument } from '../src/sources/openapi/index.js';
import { loadTargets } from '../src/targets/index.js';
import { corpusAvailable, corpusCmdlets, corpusOpenApi, projectRoot, SELECT_EVERYTHING } from './helpers/paths.js';
import { strictCompilerOptions } from './helpers/typescript.js';

const collisions = fileURLToPath(new URL('./fixtures/openapi/collisions.yaml', import.meta.url));
const projects: string[] = [];
afterAll(async () => {
  await Promise.all(projects.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Generates client, CLI and docs for a description (and help folder) into a temporary project; returns the files to check. */
async function generateProject(openapi: string, cmdletsDir: string | undefined): Promise<{ dir: string; files: Map<string, string> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mgkit-compiles-'));
  projects.push(dir);
  const unit: GenerationUnitConfig = {
    name: 'compiles',
    lockFile: path.join(dir, 'specs/mgkit-lock.json'),
    openapi,
    cmdlets: cmdletsDir ? [cmdletsDir] : [],
    ...SELECT_EVERYTHING,
    outputs: {
      client: { dir: path.join(dir, 'client/src/generated'), packageName: '@example/client' },
      cli: { dir: path.join(dir, 'cli/src/generated'), packageName: '@example/cli', binName: 'mgkit' },
      docs: { dir: path.join(dir, 'docs/reference') },
    },
  };
  const loaded = await loadOpenApiDocument(openapi);
  expect(loaded.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  const cmdlets = cmdletsDir ? (await readCmdletHelpFolder(cmdletsDir)).cmdlets : [];
  const model = buildApiModel({ document: loaded.document!, cmdlets, unit }).model!;
  const files = new Map<string, string>();
  for (const target of await loadTargets()) {
    for (const file of await target.emit(model, { unit, specsDir: path.join(dir, 'specs') })) {
      await mkdir(path.dirname(file.path), { recursive: true });
      await writeFile(file.path, file.contents);
      if (file.path.endsWith('.ts')) files.set(file.path, path.relative(dir, file.path));
    }
  }
  // the CLI's command modules import the runtime they run in
  await cp(path.join(projectRoot, 'packages/cli/src/runtime'), path.join(dir, 'cli/src/runtime'), { recursive: true });
  for (const file of (await readdirRecursive(path.join(dir, 'cli/src/runtime'))).filter((name) => name.endsWith('.ts'))) files.set(file, path.relative(dir, file));
  // every ```ts fence of the docs pages, as the docs snippet test wraps them
  let index = 0;
  for (const page of (await readdirRecursive(path.join(dir, 'docs/reference'))).filter((name) => name.endsWith('.md'))) {
    const text = await readFile(page, 'utf8');
    for (const match of text.matchAll(/^(`{3,})ts(?: \[[^\]]*\])?\n([\s\S]*?)\n\1$/gm)) {
      const code = match[2] ?? '';
      const harness =
        /\brequestAdapter\b/.test(code) && !/const requestAdapter\b/.test(code)
          ? `import type { RequestAdapter } from "@microsoft/kiota-abstractions";\ndeclare const requestAdapter: RequestAdapter;\n${code}\n`
          : `${code}\nexport {};\n`;
      const file = path.join(dir, 'snippets', `snippet-${(index += 1)}.mts`);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, harness);
      files.set(file, `${path.relative(dir, page)} (fence ${index})`);
    }
  }
  // the commands name their request builders as data (client-modules.js is not type-checked):
  // one file per command references each builder's requests metadata, so that a builder or
  // metadata name the client does not have is a compile error here
  for (const command of (await readdirRecursive(path.join(dir, 'cli/src/generated/commands'))).filter((name) => name.endsWith('.ts'))) {
    const text = await readFile(command, 'utf8');
    const calls = [...text.matchAll(/^ {2}"[^"]+": (\{.*\}),$/gm)].map((match) => JSON.parse(match[1]!) as { builder: string; metadata: string });
    expect(calls.length, command).toBeGreaterThan(0);
    const check = path.join(dir, 'builder-checks', `${path.basename(command, '.ts')}.mts`);
    await mkdir(path.dirname(check), { recursive: true });
    await writeFile(
      check,
      calls.map((call, index) => `import { ${call.metadata} as metadata${index} } from ${JSON.stringify(`../client/src/generated/${call.builder}/index.js`)};\nvoid metadata${index};`).join('\n') +
        '\n',
    );
    files.set(check, `${path.relative(dir, command)} (its request builders)`);
  }
  await symlink(path.join(projectRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  await writeFile(path.join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  return { dir, files };
}

async function readdirRecursive(dir: string): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function compile(dir: string, files: ReadonlyMap<string, string>): string[] {
  const program = ts.createProgram(
    [...files.keys()],
    strictCompilerOptions(dir, { '@example/client': ['client/src/generated/index.ts'], '@example/client/models': ['client/src/generated/models/index.ts'] }),
  );
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const file = diagnostic.file?.fileName ?? '';
    const line = diagnostic.file ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1 : 0;
    return `${files.get(file) ?? path.relative(dir, file)}:${line}: TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
  });
}

describe('client, CLI and docs examples compile together (tsc strict, 0 errors)', () => {
  it('on the collisions Graph produces: function segments with path arguments, a segment named base, reserved words, clashing names', async () => {
    const { dir, files } = await generateProject(collisions, undefined);
    const cliSource = [...files.keys()].filter((file) => file.includes('/cli/src/generated/commands/')).map((file) => file);
    expect(cliSource.length).toBe(9);
    const search = await readFile(cliSource.find((file) => file.endsWith('drives-search-with-q-get.ts'))!, 'utf8');
    expect(search).toMatch(/"builder":"drives\/item\/searchWithQ","metadata":"SearchWithQRequestBuilderRequestsMetadata","method":"get","parameters":\{"drive-id":"drive%2Did","q":"q"\}/);
    // a type cast is graphDriveItem in the client and graph-drive-item in the CLI, as Kiota and Microsoft's Graph CLI name it
    expect(cliSource.filter((file) => /users-followed-items-graph-drive-item-(count-)?get\.ts$/.test(file))).toHaveLength(2);
    const followed = await readFile([...files.keys()].find((file) => file.endsWith('/client/src/generated/users/item/followedItems/index.ts'))!, 'utf8');
    expect(followed).toMatch(/get graphDriveItem\(\): GraphDriveItemRequestBuilder;/);
    expect(compile(dir, files)).toEqual([]);
  });

  it.skipIf(!corpusAvailable())('on the whole Applications corpus module (310 operations, 256 cmdlets)', async () => {
    const { dir, files } = await generateProject(corpusOpenApi, corpusCmdlets);
    expect([...files.values()].filter((file) => file.startsWith('snippets') || file.includes('(fence')).length).toBeGreaterThan(300);
    expect(compile(dir, files)).toEqual([]);
  });
});
