/**
 * One `mgkit` for several Graph modules: three corpus modules generated as units that share the
 * CLI package (bench/whole-graph/scratch.mjs), the package assembled and built the way
 * packages/cli builds (bench/whole-graph/cli-package.mjs: tsc, then the runtime bundle), and the
 * binary run as a process: help by module group, a call into each module on 127.0.0.1, and what
 * a call reads (its own module's packed command; with a body, its schemas and builder too).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpus33Modules } from './helpers/corpus33.js';
import { projectRoot } from './helpers/paths.js';

const MODULES = ['CrossDeviceExperiences', 'People', 'SchemaExtensions'];
const modules = corpus33Modules();
const available = modules !== undefined;
let dest = '';
let cli = '';
let server: Server;
let base = '';
const seen: { method: string; url: string }[] = [];

interface ScratchModule {
  writeScratchProject(dest: string, root: string, modules: readonly string[], options?: { targets?: readonly string[] }): string;
}
interface CliPackageModule {
  assembleCliPackage(scratch: string): string;
  buildCliPackage(cli: string, options?: { quiet?: boolean }): void;
}

/** The built binary as a process (asynchronous: the loopback server answers from this process). */
function mgkit(args: readonly string[], env: Record<string, string> = {}, nodeArgs: readonly string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [...nodeArgs, path.join(cli, 'bin/mgkit.js'), ...args], {
    env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', XDG_CONFIG_HOME: dest, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  if (!available) return;
  const scratch = (await import(/* @vite-ignore */ path.join(projectRoot, 'bench/whole-graph/scratch.mjs'))) as ScratchModule;
  const cliPackage = (await import(/* @vite-ignore */ path.join(projectRoot, 'bench/whole-graph/cli-package.mjs'))) as CliPackageModule;
  const root = path.dirname(path.dirname(modules?.[0]?.openapi ?? ''));
  dest = mkdtempSync(path.join(os.tmpdir(), 'mgkit-cli-modules-'));
  const config = scratch.writeScratchProject(dest, root, MODULES, { targets: ['client', 'cli'] });
  execFileSync(process.execPath, [path.join(projectRoot, 'generator/bin/mgkit-gen.js'), 'generate', '--quiet', '--config', config], { cwd: dest, stdio: 'pipe' });
  cli = cliPackage.assembleCliPackage(dest);
  cliPackage.buildCliPackage(cli, { quiet: true });
  server = createServer((request, response) => {
    seen.push({ method: request.method ?? '', url: request.url ?? '' });
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: 'answer-1', displayName: 'From 127.0.0.1' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`;
}, 300_000);

afterAll(async () => {
  if (server) await new Promise((resolve) => server.close(resolve));
  if (dest) rmSync(dest, { recursive: true, force: true });
});

describe.skipIf(!available)('one mgkit for several modules', () => {
  it('merges the modules into one command index; --help and a group list every module’s commands', async () => {
    const index = readFileSync(path.join(cli, 'src/generated/command-index.ts'), 'utf8');
    for (const unit of ['crossdeviceexperiences', 'people', 'schemaextensions']) expect(index).toContain(`from "./${unit}/command-index.js"`);
    const help = await mgkit(['--help']);
    expect(help.code, help.stderr).toBe(0);
    // users/… comes from two modules (CrossDeviceExperiences' activities, People's people); 34
    // commands are few enough to be listed one by one (more are listed by group: help-groups.test.ts)
    for (const words of ['users activities get', 'users people get', 'schema-extensions get']) expect(help.stdout).toMatch(new RegExp(`^  ${words} +\\S`, 'm'));
    const group = await mgkit(['users']);
    expect(group.code).toBe(0);
    expect(group.stdout).toContain('Commands under mgkit users:');
    expect(group.stdout).not.toContain('schema-extensions');
  });

  it('runs a command of each module by its cmdlet name, through its own client module, against 127.0.0.1', async () => {
    const token = { MGKIT_ACCESS_TOKEN: 'modules-test-token' };
    const calls: [string[], string][] = [
      [['Get-MgUserActivity', '--user-id', 'u1', '--user-activity-id', 'a1'], '/v1.0/users/u1/activities/a1'],
      [['Get-MgUserPerson', '--user-id', 'u1', '--person-id', 'p1'], '/v1.0/users/u1/people/p1'],
      [['Get-MgSchemaExtension', '--schema-extension-id', 's1'], '/v1.0/schemaExtensions/s1'],
    ];
    for (const [args, url] of calls) {
      seen.length = 0;
      const result = await mgkit([...args, '--base-url', base], token);
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ id: 'answer-1' });
      expect(seen).toEqual([{ method: 'GET', url }]);
    }
  });

  it("a call reads its own module only: one group of its packed commands; a body adds its schemas and its module's serializers", async () => {
    // the build packed each module's commands and schemas; the command modules and tables are gone
    for (const unit of ['crossdeviceexperiences', 'people', 'schemaextensions']) {
      const folder = path.join(cli, 'dist/generated', unit);
      expect(readdirSync(folder).sort()).toEqual(['client-modules.js', 'commands.pack', 'schemas.pack']);
    }
    const hooks = path.join(projectRoot, 'packages/cli/test/fixtures/trace-imports.mjs');
    const readsOf = async (args: readonly string[]): Promise<string[]> => {
      const trace = path.join(dest, 'imports.txt');
      rmSync(trace, { force: true });
      const result = await mgkit([...args, '--base-url', base], { MGKIT_ACCESS_TOKEN: 't', MGKIT_TRACE_IMPORTS: trace }, ['--import', hooks]);
      expect(result.code, result.stderr).toBe(0);
      return readFileSync(trace, 'utf8').split('\n').filter(Boolean);
    };
    const generatedFiles = (lines: readonly string[]) => new Set(lines.filter((line) => line.includes('/generated/')).map((line) => line.replace(/^read /, '').replace(/.*\/generated\//, '')));
    const chunks = (lines: readonly string[]) => lines.filter((line) => /\/dist\/chunks\//.test(line)).map((line) => line.replace(/.*\/dist\/chunks\//, ''));

    // a GET: Kiota builds it from the command's own data; no builder, model or schema loads
    const get = await readsOf(['Get-MgUserPerson', '--user-id', 'u1', '--person-id', 'p1']);
    expect(generatedFiles(get)).toEqual(new Set(['command-index.txt', 'people/commands.pack']));
    // the command index and the runtime a run starts with are one chunk; the call adds its own
    // chunk and the HTTP stack, no other runtime module
    // (the trace names a module once per import of it)
    const cliChunks = new Set(get.filter((line) => line.includes('/dist/cli-chunks/')).map((line) => line.replace(/.*\/dist\/cli-chunks\//, '').replace(/-[\w-]{8}\.js$/, '')));
    expect(cliChunks.has('startup')).toBe(true);
    expect(cliChunks.has('run-command')).toBe(true);
    expect(new Set(get.filter((line) => /\/dist\/runtime\//.test(line)).map((line) => line.replace(/.*\/dist\/runtime\//, '')))).toEqual(new Set(['http-stack.js']));
    const getChunks = chunks(get);

    // a POST with a body: its schemas (validation), the JSON writer and its module's model
    // serializers, one of which writes the body; no request builder
    const post = await readsOf(['New-MgSchemaExtension', '--id', 'ext1', '--description', 'd', '--owner', 'o1']);
    expect(generatedFiles(post)).toEqual(new Set(['command-index.txt', 'schemaextensions/commands.pack', 'schemaextensions/schemas.pack', 'schemaextensions/client-modules.js']));
    expect(new Set(post.filter((line) => /\/dist\/runtime\//.test(line)).map((line) => line.replace(/.*\/dist\/runtime\//, '')))).toEqual(new Set(['http-stack.js', 'json-writer.js']));
    const serializerChunksOf = (unit: string) =>
      [...readFileSync(path.join(cli, 'dist/generated', unit, 'client-modules.js'), 'utf8').matchAll(/import\([`"]\.\.\/\.\.\/chunks\/([^`"]+)[`"]\)/g)].map((match) => match[1]!);
    const serializerChunks = serializerChunksOf('schemaextensions');
    expect(serializerChunks).toHaveLength(1);
    expect(serializerChunks.some((chunk) => post.some((url) => url.endsWith(chunk)))).toBe(true);
    // no serializers of another module
    const elsewhere = [...serializerChunksOf('people'), ...serializerChunksOf('crossdeviceexperiences')].filter((chunk) => !serializerChunks.includes(chunk));
    expect(elsewhere.length).toBeGreaterThan(0);
    expect(elsewhere.filter((chunk) => post.some((url) => url.endsWith(chunk)))).toEqual([]);
    // the GET loaded fewer chunks than the POST: no serializers
    expect(getChunks.length).toBeLessThan(chunks(post).length);
    expect(getChunks.some((chunk) => serializerChunks.includes(chunk))).toBe(false);
  });

  it("a body is validated against its module's packed schemas before anything is sent", async () => {
    seen.length = 0;
    const result = await mgkit(['New-MgSchemaExtension', '--body', '{"id": 5, "properties": [{"name": "n", "type": 7}]}', '--base-url', base], { MGKIT_ACCESS_TOKEN: 't' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/id: expected string/);
    expect(result.stderr).toMatch(/properties\[0\]\.type: expected string/);
    expect(seen).toEqual([]);
  });

  it('the bundled runtime (one main module, lazy chunks) traces a call with --debug and prints no token', async () => {
    expect(readdirSync(path.join(cli, 'dist/cli-chunks')).some((file) => file.startsWith('run-command-'))).toBe(true);
    const token = 'planted-modules-token-8f3a';
    const result = await mgkit(['Get-MgSchemaExtension', '--schema-extension-id', 's1', '--base-url', base, '--debug'], { MGKIT_ACCESS_TOKEN: token });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^> GET http:\/\/127\.0\.0\.1:\d+\/v1\.0\/schemaExtensions\/s1$/m);
    expect(result.stderr).toMatch(/^> authorization: Bearer \*\*\*$/im);
    expect(result.stdout + result.stderr).not.toContain(token);
  });

  it('completion reads the index only: group words from every module, no command module loaded', async () => {
    const trace = path.join(dest, 'complete.txt');
    rmSync(trace, { force: true });
    const hooks = path.join(projectRoot, 'packages/cli/test/fixtures/trace-imports.mjs');
    const result = await mgkit(['__complete', 's'], { MGKIT_TRACE_IMPORTS: trace }, ['--import', hooks]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toContain('schema-extensions');
    expect(result.stdout.split('\n')).toContain('status');
    const users = await mgkit(['__complete', 'users', '']);
    expect(users.stdout.split('\n')).toEqual(expect.arrayContaining(['activities', 'people']));
    const urls = readFileSync(trace, 'utf8').split('\n').filter(Boolean);
    expect(urls.filter((url) => url.includes('/commands') || url.includes('.pack') || url.includes('client-modules') || url.includes('/chunks/'))).toEqual([]);
    // the build merged the modules' indexes into one: no module's own index is loaded
    expect(urls.filter((url) => /\/generated\/[^/]+\/command-index\.js$/.test(url))).toEqual([]);
    expect(urls.some((url) => url.endsWith('/dist/generated/command-index.txt'))).toBe(true);
    expect(urls.some((url) => /\/dist\/cli-chunks\/startup-[\w-]+\.js$/.test(url))).toBe(true);
  });
});
