/**
 * Operation kinds end to end, on real Graph operations (the Applications corpus module, cut to
 * a list, a delta function, binary content and a `$ref`): the generator emits client and CLI,
 * and the CLI runtime (in-process, through its IO seam) and the generated client call a server
 * on 127.0.0.1 that answers as Graph does: pages linked by `@odata.nextLink`, a delta round
 * that ends with `@odata.deltaLink`, bytes in and out.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerationUnitConfig } from '../src/config/index.js';
import { buildApiModel } from '../src/model/index.js';
import { readCmdletHelpFolder } from '../src/sources/cmdlets/index.js';
import { loadOpenApiDocument } from '../src/sources/openapi/index.js';
import { loadTargets } from '../src/targets/index.js';
import { corpusAvailable, corpusCmdlets, corpusOpenApi, projectRoot } from './helpers/paths.js';

const available = corpusAvailable();
const kindsFixture = fileURLToPath(new URL('./fixtures/openapi/kinds.yaml', import.meta.url));
const APPS = [
  { id: '00000000-0000-0000-0000-0000000000a1', displayName: 'First' },
  { id: '00000000-0000-0000-0000-0000000000a2', displayName: 'Second' },
  { id: '00000000-0000-0000-0000-0000000000a3', displayName: 'Third' },
];
const LOGO = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x10, 0x80]);

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

let dir = '';
let server: Server;
let base = '';
const seen: Seen[] = [];

/** Graph, as far as these calls go: two pages of applications, a delta round, a logo, owners/$ref. */
function answer(request: IncomingMessage, body: Buffer): { status: number; type?: string; body?: string | Buffer } {
  const url = new URL(request.url ?? '/', base);
  const json = (value: unknown, status = 200) => ({ status, type: 'application/json', body: JSON.stringify(value) });
  if (request.method === 'GET' && url.pathname === '/v1.0/applications') {
    if (url.searchParams.get('$skiptoken') === 'page2') return json({ value: [APPS[2]] });
    if (url.searchParams.get('$filter') === 'elsewhere') return json({ value: APPS.slice(0, 1), '@odata.nextLink': 'https://attacker.example/v1.0/applications?$skiptoken=x' });
    return json({ '@odata.count': 3, value: APPS.slice(0, 2), '@odata.nextLink': `${base}/v1.0/applications?$top=2&$skiptoken=page2` });
  }
  if (request.method === 'GET' && url.pathname === '/v1.0/applications/microsoft.graph.delta()') {
    if (url.searchParams.get('$skiptoken') === 'd2') return json({ value: [APPS[1]], '@odata.deltaLink': `${base}/v1.0/applications/microsoft.graph.delta()?$deltatoken=next-round` });
    return json({ value: [APPS[0]], '@odata.nextLink': `${base}/v1.0/applications/microsoft.graph.delta()?$skiptoken=d2` });
  }
  if (url.pathname === `/v1.0/applications/${APPS[0]?.id}/logo`) {
    if (request.method === 'GET') return { status: 200, type: 'image/png', body: LOGO };
    if (request.method === 'PUT') return body.length > 0 ? { status: 204 } : json({ error: { code: 'BadRequest', message: 'empty' } }, 400);
  }
  if (request.method === 'POST' && url.pathname === `/v1.0/applications/${APPS[0]?.id}/owners/$ref`) return { status: 204 };
  if (request.method === 'PATCH' && url.pathname === `/v1.0/applications/${APPS[0]?.id}`) return { status: 204 };
  // the fixture's kinds: $count (text/plain), an alternate key, a function with a path parameter returning a file
  if (request.method === 'GET' && url.pathname === '/v1.0/applications/$count') return { status: 200, type: 'text/plain', body: '3' };
  if (request.method === 'GET' && url.pathname === '/v1.0/servicePrincipals') {
    if (url.searchParams.get('$skiptoken') === 'sp2') return json({ value: [APPS[2]] });
    return json({ '@odata.count': 3, value: APPS.slice(0, 2), '@odata.nextLink': `${base}/v1.0/servicePrincipals?$count=true&$skiptoken=sp2` });
  }
  if (request.method === 'GET' && decodeURIComponent(url.pathname) === "/v1.0/applications(appId='app-1')") return json(APPS[0]);
  if (request.method === 'GET' && decodeURIComponent(url.pathname) === "/v1.0/reports/microsoft.graph.getTeamsUserActivityCounts(period='D7')")
    return { status: 200, type: 'application/octet-stream', body: 'Report Refresh Date,Calls\n2026-12-01,3\n' };
  return json({ error: { code: 'Request_ResourceNotFound', message: `no route ${request.method} ${url.pathname}` } }, 404);
}

/** Client and CLI for a description (and help) in a temporary folder, the CLI runtime linked beside the commands. */
async function generateProject(openapi: string, cmdlets: string | undefined, include: GenerationUnitConfig['include']): Promise<string> {
  const project = await mkdtemp(path.join(os.tmpdir(), 'mgkit-kinds-'));
  projects.push(project);
  // the generated client resolves the Kiota packages from the project's node_modules
  await symlink(path.join(projectRoot, 'node_modules'), path.join(project, 'node_modules'), 'dir');
  const unit: GenerationUnitConfig = {
    name: 'kinds',
    lockFile: path.join(project, 'mgkit-lock.json'),
    openapi,
    cmdlets: cmdlets ? [cmdlets] : [],
    include,
    exclude: { paths: [], cmdlets: [] },
    bindings: {},
    keepActionPrefixInUrl: true,
    outputs: {
      client: { dir: path.join(project, 'client'), packageName: '@example/kinds' },
      cli: { dir: path.join(project, 'cli/generated'), packageName: '@example/kinds-cli', binName: 'mgkit' },
    },
  };
  const loaded = await loadOpenApiDocument(openapi);
  const model = buildApiModel({ document: loaded.document!, cmdlets: cmdlets ? (await readCmdletHelpFolder(cmdlets)).cmdlets : [], unit }).model!;
  for (const target of await loadTargets()) {
    if (target.name !== 'client' && target.name !== 'cli') continue;
    for (const file of await target.emit(model, { unit, specsDir: project })) {
      await mkdir(path.dirname(file.path), { recursive: true });
      await writeFile(file.path, file.contents);
    }
  }
  // the command modules import the runtime they run in
  await symlink(path.join(projectRoot, 'packages/cli/src/runtime'), path.join(project, 'cli/runtime'), 'dir');
  // the client is not an installed package here: its specifiers point at its files instead
  const clientModules = path.join(project, 'cli/generated/client-modules.js');
  const text = await readFile(clientModules, 'utf8');
  await writeFile(
    clientModules,
    text.replace(/import\("@example\/kinds(\/[^"]*)?"\)/g, (_match, sub: string | undefined) => `import(${JSON.stringify(path.join(project, 'client', sub ?? '', 'index.ts'))})`),
  );
  return project;
}

const projects: string[] = [];
let fixtureDir = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      const reply = answer(request, body);
      response.writeHead(reply.status, reply.type ? { 'content-type': reply.type } : {});
      response.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fixtureDir = await generateProject(kindsFixture, undefined, { paths: ['**'], cmdlets: [] });
  if (!available) return;
  dir = await generateProject(corpusOpenApi, corpusCmdlets, {
    paths: ['/applications#GET', '/applications/*#PATCH', '/applications/*/logo', '/applications/microsoft.graph.delta()', '/applications/*/owners/$ref'],
    cmdlets: ['Get-MgApplication', 'Update-MgApplication', 'Get-MgApplicationLogo', 'Set-MgApplicationLogo', 'Get-MgApplicationDelta', 'New-MgApplicationOwnerByRef'],
  });
}, 120_000);

afterAll(async () => {
  if (server) await new Promise((resolve) => server.close(resolve));
  await Promise.all(projects.map((project) => rm(project, { recursive: true, force: true })));
});

/**
 * Compares each generated command's request data with the requests metadata of the client
 * builder it names: URI template, Accept, query names, and the body's content type, set method
 * and serializer (the client's own function). Answers how many calls and which body kinds.
 */
async function compareCallsWithClient(project: string): Promise<{ compared: number; bodies: string[] }> {
  const commands = path.join(project, 'cli/generated/commands');
  const serializers = (await import(/* @vite-ignore */ path.join(project, 'client/models/serializers/index.ts'))) as Record<string, unknown>;
  const { serializeUntypedNode } = await import('@microsoft/kiota-abstractions');
  const bodies = new Set<string>();
  let compared = 0;
  for (const file of await readdir(commands)) {
    const source = await readFile(path.join(commands, file), 'utf8');
    const { definition } = (await import(/* @vite-ignore */ path.join(commands, file))) as { definition: { operations: Record<string, { urlTemplate: string }> } };
    for (const [, key, json] of source.matchAll(/^ {2}("[^"]+"): (\{.*\}),$/gm)) {
      const call = JSON.parse(json ?? '') as {
        builder: string;
        metadata: string;
        method: string;
        request: { accept?: string; query?: Record<string, string>; body?: { contentType: string; set: string; serializer?: string } };
      };
      const builder = (await import(/* @vite-ignore */ path.join(project, 'client', call.builder, 'index.ts'))) as Record<string, Record<string, Record<string, unknown>>>;
      const metadata = builder[call.metadata]?.[call.method];
      expect(metadata, `${key}: ${call.builder} ${call.metadata}.${call.method}`).toBeDefined();
      expect(definition.operations[JSON.parse(key ?? '""') as string]?.urlTemplate, key).toBe(metadata?.['uriTemplate']);
      expect(call.request.accept, key).toBe(metadata?.['responseBodyContentType']);
      expect(call.request.query, key).toEqual(metadata?.['queryParametersMapper']);
      const { body } = call.request;
      expect(body?.contentType, key).toBe(metadata?.['requestBodyContentType']);
      expect(body?.set, key).toBe(metadata?.['requestInformationContentSetMethod']);
      const name = body?.serializer;
      const serializer = name === undefined || body?.set === 'setContentFromScalar' ? name : name === 'serializeUntypedNode' ? serializeUntypedNode : serializers[name];
      if (name !== undefined) expect(serializer, `${key}: ${name}`).toBeDefined();
      expect(serializer, key).toBe(metadata?.['requestBodySerializer']);
      bodies.add(body === undefined ? 'none' : name === 'serializeUntypedNode' ? `${body.set} (untyped)` : body.set);
      compared += 1;
    }
  }
  return { compared, bodies: [...bodies].sort() };
}

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stdoutBytes: Buffer;
  readonly stderr: string;
}

/** A module of the CLI runtime's sources (the generator does not build against them). */
function runtime(file: string): Promise<unknown> {
  return import(/* @vite-ignore */ path.join(projectRoot, 'packages/cli/src/runtime', file));
}

/** One command line through the CLI runtime, in-process: the generated command module, the real HTTP stack. */
async function cli(command: string, argv: readonly string[], input?: Buffer, project = dir): Promise<Run> {
  const { withIo } = (await runtime('io.ts')) as { withIo: <T>(io: unknown, body: () => Promise<T>) => Promise<T> };
  const { runCommand } = (await runtime('run-command.ts')) as { runCommand: (module: unknown, argv: readonly string[], context: unknown) => Promise<number> };
  const { reportFailure } = (await runtime('failures.ts')) as { reportFailure: (error: unknown) => number };
  const module = await import(/* @vite-ignore */ path.join(project, 'cli/generated/commands', `${command}.ts`));
  const out: Buffer[] = [];
  let stderr = '';
  const io = {
    stdin: Readable.from(input ? [input] : []),
    stdout: { write: (chunk: string | Uint8Array) => out.push(Buffer.from(chunk)) },
    stderr: { write: (chunk: string | Uint8Array) => (stderr += String(chunk)) },
    env: { MGKIT_ACCESS_TOKEN: 'kinds-test-token', NO_COLOR: '1', XDG_CONFIG_HOME: dir },
    platform: process.platform,
  };
  const code = await withIo(io, async () => {
    try {
      return await runCommand(module, [...argv, '--base-url', `${base}/v1.0`], { bin: 'mgkit', defaultBaseUrl: `${base}/v1.0`, version: () => '0.0.0-test' });
    } catch (error) {
      return reportFailure(error);
    }
  });
  const stdoutBytes = Buffer.concat(out);
  return { code, stdout: stdoutBytes.toString('utf8'), stdoutBytes, stderr };
}

/** What this test uses of the generated client (typed in generated-compiles.test.ts). */
interface Application {
  readonly id?: string;
  readonly displayName?: string;
}
interface KindsClient {
  createGraphClient(adapter: unknown, options: { baseUrl: string }): { applications: { delta: unknown } };
  iterateItems(builder: unknown, configuration?: unknown): AsyncIterable<Application>;
  lastDeltaLink(builder: unknown, onItem: (item: Application) => void): Promise<string | undefined>;
}

/** The items of NDJSON output, one per line. */
function ndjson(stdout: string): unknown[] {
  return stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line));
}

function lastRequest(): Seen {
  const request = seen.at(-1);
  if (!request) throw new Error('no request reached the server');
  return request;
}

describe.skipIf(!available)('operation kinds end to end (CLI runtime and generated client on 127.0.0.1)', () => {
  it('--all follows @odata.nextLink and streams one item per line (NDJSON); --page-size sets $top, --count asks for the total', async () => {
    seen.length = 0;
    const result = await cli('applications-get', ['--all', '--page-size', '2', '--count', '--filter', "startswith(displayName,'F')"]);
    expect(result.stderr).toBe('count: 3\n');
    expect(result.code).toBe(0);
    expect(ndjson(result.stdout)).toEqual(APPS);
    expect(seen).toHaveLength(2);
    const first = new URL(seen[0]!.url, base);
    expect(first.searchParams.get('$top')).toBe('2');
    expect(first.searchParams.get('$count')).toBe('true');
    expect(first.searchParams.get('$filter')).toBe("startswith(displayName,'F')");
    // $count on directory objects needs the advanced-query header, on every page
    expect(seen.map((request) => request.headers['consistencylevel'])).toEqual(['eventual', 'eventual']);
    // the next page is the link as given: the query is not sent twice
    expect(seen[1]!.url).toBe('/v1.0/applications?$top=2&$skiptoken=page2');
  });

  it('--all with -o json prints every item as one list; --query applies to each NDJSON item', async () => {
    const asList = await cli('applications-get', ['--all', '-o', 'json']);
    expect(JSON.parse(asList.stdout)).toEqual(APPS);
    const names = await cli('applications-get', ['--all', '--query', 'displayName']);
    expect(names.stdout).toBe('"First"\n"Second"\n"Third"\n');
  });

  it('--all with -o json and --query applies the query to each item; --page-size with --top is refused', async () => {
    const names = await cli('applications-get', ['--all', '-o', 'json', '--query', 'displayName']);
    expect(JSON.parse(names.stdout)).toEqual(['First', 'Second', 'Third']);
    const both = await cli('applications-get', ['--all', '--page-size', '2', '--top', '5']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--page-size and --top both set \$top: give one/);
  });

  it('a @odata.nextLink to another origin is not followed: the token would go with it', async () => {
    seen.length = 0;
    const result = await cli('applications-get', ['--all', '--filter', 'elsewhere']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/@odata\.nextLink leads to another origin \(https:\/\/attacker\.example\)/);
    expect(seen).toHaveLength(1);
  });

  it('--output-file with several records is refused before anything is sent', async () => {
    const before = seen.length;
    const records = Buffer.from(`${JSON.stringify({ ApplicationId: APPS[0]!.id })}\n${JSON.stringify({ ApplicationId: APPS[1]!.id })}\n`);
    const result = await cli('applications-logo-get', ['--input-object', '-', '--output-file', path.join(dir, 'two.png')], records);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/2 records would each overwrite it/);
    expect(seen.length).toBe(before);
  });

  it('--pass-thru on a binary download needs --output-file (stdout carries true)', async () => {
    const result = await cli('applications-logo-get', ['--application-id', APPS[0]!.id, '--pass-thru']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--pass-thru prints true on stdout: give --output-file/);
  });

  it('without --all a list prints the first page as the service sent it, its @odata.nextLink included', async () => {
    const result = await cli('applications-get', []);
    expect(result.code).toBe(0);
    const page = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(page['value']).toEqual(APPS.slice(0, 2));
    expect(page['@odata.nextLink']).toContain('$skiptoken=page2');
  });

  it('a delta function pages to its @odata.deltaLink, printed on stderr for the next round', async () => {
    const result = await cli('applications-delta-get', ['--all']);
    expect(result.code).toBe(0);
    expect(ndjson(result.stdout)).toEqual([APPS[0], APPS[1]]);
    expect(result.stderr).toBe(`@odata.deltaLink: ${base}/v1.0/applications/microsoft.graph.delta()?$deltatoken=next-round\n`);
  });

  it('binary download: --output-file gets the bytes unchanged; without it they go to stdout', async () => {
    const file = path.join(dir, 'logo.png');
    const saved = await cli('applications-logo-get', ['--application-id', APPS[0]!.id, '--output-file', file]);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toBe('');
    expect(await readFile(file)).toEqual(LOGO);
    const piped = await cli('applications-logo-get', ['--application-id', APPS[0]!.id]);
    expect(piped.stdoutBytes).toEqual(LOGO);
  });

  it('binary upload: --in-file sends the file’s bytes as application/octet-stream; - reads them from stdin', async () => {
    const file = path.join(dir, 'upload.png');
    await writeFile(file, LOGO);
    const fromFile = await cli('applications-logo-put', ['--application-id', APPS[0]!.id, '--in-file', file]);
    expect(fromFile.stderr).toBe('');
    expect(fromFile.code).toBe(0);
    expect(lastRequest().method).toBe('PUT');
    expect(lastRequest().headers['content-type']).toBe('application/octet-stream');
    expect(lastRequest().body).toEqual(LOGO);
    const fromStdin = await cli('applications-logo-put', ['--application-id', APPS[0]!.id, '--in-file', '-'], LOGO);
    expect(fromStdin.code).toBe(0);
    expect(lastRequest().body).toEqual(LOGO);
  });

  it('--what-if on an upload shows the size of the bytes, not the bytes', async () => {
    const file = path.join(dir, 'upload.png');
    await writeFile(file, LOGO);
    const before = seen.length;
    const result = await cli('applications-logo-put', ['--application-id', APPS[0]!.id, '--in-file', file, '--what-if']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`PUT ${base}/v1.0/applications/${APPS[0]!.id}/logo`);
    expect(result.stdout).toContain('<12 bytes of application/octet-stream>');
    expect(seen.length).toBe(before);
  });

  it('a binary property from a file: Update-MgApplication -LogoInputFile puts the bytes, base64 as Kiota writes them, into the JSON body', async () => {
    const file = path.join(dir, 'logo-for-patch.png');
    await writeFile(file, LOGO);
    const result = await cli('applications-patch', ['--application-id', APPS[0]!.id, '--logo-input-file', file, '--display-name', 'Renamed']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(lastRequest().method).toBe('PATCH');
    expect(JSON.parse(lastRequest().body.toString('utf8'))).toEqual({ displayName: 'Renamed', logo: LOGO.toString('base64') });
  });

  it('a missing upload file is a usage error naming it, and nothing is sent', async () => {
    const before = seen.length;
    const result = await cli('applications-logo-put', ['--application-id', APPS[0]!.id, '--in-file', path.join(dir, 'absent.png')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--in-file .*absent\.png: cannot read the file \(no such file\)/);
    expect(seen.length).toBe(before);
  });

  it('$ref: New-MgApplicationOwnerByRef posts the @odata.id reference', async () => {
    const owner = `https://graph.microsoft.com/v1.0/directoryObjects/${APPS[1]!.id}`;
    const result = await cli('applications-owners-ref-post', ['--application-id', APPS[0]!.id, '--odata-id', owner]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(lastRequest().url).toBe(`/v1.0/applications/${APPS[0]!.id}/owners/$ref`);
    expect(JSON.parse(lastRequest().body.toString('utf8'))).toEqual({ '@odata.id': owner });
  });

  it("every call carries its builder's request as data: equal to the client's requests metadata, a body's serializer the client's own", async () => {
    const { compared, bodies } = await compareCallsWithClient(dir);
    expect(compared).toBeGreaterThanOrEqual(6);
    expect(bodies).toEqual(['none', 'setContentFromParsable', 'setStreamContent']);
  });

  it('the generated client pages with iterateItems and ends a delta round with lastDeltaLink', async () => {
    const client = (await import(/* @vite-ignore */ path.join(dir, 'client/index.ts'))) as KindsClient;
    const { FetchRequestAdapter } = await import('@microsoft/kiota-http-fetchlibrary');
    const { AnonymousAuthenticationProvider } = await import('@microsoft/kiota-abstractions');
    const graph = client.createGraphClient(new FetchRequestAdapter(new AnonymousAuthenticationProvider()), { baseUrl: `${base}/v1.0` });
    const names: string[] = [];
    for await (const application of client.iterateItems(graph.applications, { queryParameters: { top: 2 } })) names.push(application.displayName ?? '');
    expect(names).toEqual(['First', 'Second', 'Third']);
    const changed: string[] = [];
    const deltaLink = await client.lastDeltaLink(graph.applications.delta, (application) => changed.push(application.id ?? ''));
    expect(changed).toEqual([APPS[0]!.id, APPS[1]!.id]);
    expect(deltaLink).toContain('$deltatoken=next-round');
    // a next link to another origin is refused: the adapter would send the credentials there
    const elsewhere = client.iterateItems(graph.applications, { queryParameters: { filter: 'elsewhere' } });
    await expect(
      (async () => {
        for await (const _ of elsewhere);
      })(),
    ).rejects.toThrow(/@odata\.nextLink leads to another origin than http:\/\/127\.0\.0\.1:\d+: not followed \(https:\/\/attacker\.example\)/);
  });
});

describe('operation kinds the 2023 corpus lacks, from fixtures/openapi/kinds.yaml (no cmdlets: options from the description)', () => {
  it('$count: a text/plain number, with $search, $filter and ConsistencyLevel as options', async () => {
    const result = await cli('applications-count-get', ['--search', '"displayName:First"', '--consistency-level', 'eventual'], undefined, fixtureDir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('3');
    const url = new URL(lastRequest().url, base);
    expect(url.pathname).toBe('/v1.0/applications/$count');
    expect(url.searchParams.get('$search')).toBe('"displayName:First"');
    expect(lastRequest().headers['consistencylevel']).toBe('eventual');
  });

  it('$search on an operation that declares ConsistencyLevel sends it as eventual when not given', async () => {
    const result = await cli('applications-count-get', ['--search', '"displayName:First"'], undefined, fixtureDir);
    expect(result.code).toBe(0);
    expect(lastRequest().headers['consistencylevel']).toBe('eventual');
    const filtered = await cli('applications-count-get', ['--filter', "startswith(displayName,'F')"], undefined, fixtureDir);
    expect(filtered.code).toBe(0);
    expect(lastRequest().headers['consistencylevel']).toBeUndefined();
  });

  it('a list without a cmdlet: --count is a switch ($count=true, ConsistencyLevel: eventual) and --all pages', async () => {
    const result = await cli('service-principals-get', ['--count', '--all', '--top', '2'], undefined, fixtureDir);
    expect(result.stderr).toBe('count: 3\n');
    expect(result.code).toBe(0);
    expect(ndjson(result.stdout)).toEqual(APPS);
    const first = seen.at(-2)!;
    expect(new URL(first.url, base).searchParams.get('$count')).toBe('true');
    expect(new URL(first.url, base).searchParams.get('$top')).toBe('2');
    expect(first.headers['consistencylevel']).toBe('eventual');
  });

  it('an alternate key: applications(appId=…) with --select', async () => {
    const result = await cli('applications-with-app-id-get', ['--app-id', 'app-1', '--select', 'id,displayName'], undefined, fixtureDir);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(APPS[0]);
    expect(decodeURIComponent(lastRequest().url)).toBe("/v1.0/applications(appId='app-1')?$select=id,displayName");
  });

  it("every call carries its builder's request as data: equal to the client's requests metadata", async () => {
    const { compared, bodies } = await compareCallsWithClient(fixtureDir);
    expect(compared).toBeGreaterThanOrEqual(4);
    expect(bodies).toEqual(['none']);
  });

  it('a call without a body loads no client module: its builder imports every model it reaches', async () => {
    const { callsThroughBuilders } = (await runtime('builder-calls.ts')) as {
      callsThroughBuilders: (
        modules: () => Promise<unknown>,
        definition: unknown,
        operations: Record<string, unknown>,
      ) => { send: (connection: unknown, call: unknown) => Promise<ArrayBuffer | undefined> };
    };
    const { createClient } = (await runtime('http.ts')) as { createClient: (settings: unknown) => Promise<{ client: unknown }> };
    const real = await import(/* @vite-ignore */ path.join(fixtureDir, 'cli/generated/client-modules.js'));
    let loads = 0;
    const command = path.join(fixtureDir, 'cli/generated/commands/applications-with-app-id-get.ts');
    const source = await readFile(command, 'utf8');
    const [, key, json] = /^ {2}("[^"]+"): (\{.*\}),$/m.exec(source) ?? [];
    const { definition } = (await import(/* @vite-ignore */ command)) as { definition: unknown };
    const calls = callsThroughBuilders(
      async () => {
        loads += 1;
        return real;
      },
      definition,
      { [JSON.parse(key ?? '""')]: JSON.parse(json ?? '{}') },
    );
    const { client } = await createClient({ baseUrl: `${base}/v1.0`, debug: false, redactBody: (text: string) => text, token: async () => 'kinds-test-token' });
    const bytes = await calls.send(client, { operation: JSON.parse(key ?? '""'), path: { appId: 'app-1' }, config: {} });
    expect(JSON.parse(new TextDecoder().decode(bytes))).toEqual(APPS[0]);
    expect(loads).toBe(0);
  });

  it('a function with a parameter in its path, answering a file: --output-file gets the report', async () => {
    const file = path.join(fixtureDir, 'report.csv');
    const result = await cli('reports-get-teams-user-activity-counts-with-period-get', ['--period', 'D7', '--output-file', file], undefined, fixtureDir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await readFile(file, 'utf8')).toBe('Report Refresh Date,Calls\n2026-12-01,3\n');
  });
});
