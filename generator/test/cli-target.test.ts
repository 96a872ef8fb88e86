/**
 * Target 2, the CLI emitter: a pure function of the model. Checked on the seed (both
 * acquireAccessToken cmdlets) and, when ../shared is present, on the whole Applications module.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/index.js';
import type { GenerationUnitConfig } from '../src/config/index.js';
import { type ApiModel, buildApiModel } from '../src/model/index.js';
import { GENERATED_MARKER } from '../src/output/index.js';
import { readCmdletHelpFolder } from '../src/sources/cmdlets/index.js';
import { loadOpenApiDocument } from '../src/sources/openapi/index.js';
import { readPermissionsFile } from '../src/sources/permissions/index.js';
import { placeCommands } from '../src/targets/shared/command-data/command-paths.js';
import { GLOBAL_OPTIONS, RESERVED_OPTION_NAMES } from '@mgkit/cli-contract';
import { type CommandData, GLOBAL_OPTION_NAMES, buildCommandData, commandsOf } from '../src/targets/shared/command-data/definitions.js';
import { emitCli } from '../src/targets/cli/index.js';
import { configFile, corpusAvailable, corpusCmdlets, corpusOpenApi, projectRoot, specsDir, SELECT_EVERYTHING } from './helpers/paths.js';

let model: ApiModel;
let unit: GenerationUnitConfig;

beforeAll(async () => {
  const { config } = await loadConfig(configFile);
  unit = config!.units[0]!;
  const { document } = await loadOpenApiDocument(unit.openapi);
  const { cmdlets } = await readCmdletHelpFolder(path.join(specsDir, 'cmdlets'));
  model = buildApiModel({ document: document!, cmdlets, unit }).model!;
});

function commandData(cmdlet: string): CommandData {
  const placed = placeCommands(model).find((candidate) => candidate.command?.name === cmdlet);
  if (!placed) throw new Error(`no command for ${cmdlet}`);
  return buildCommandData(model, placed);
}

/** The CLI target's files for a unit, with the client's package name as the client target exports it. */
function cliFiles(model: ApiModel, target: GenerationUnitConfig) {
  return emitCli(model, target.outputs.cli!, { client: { packageName: target.outputs.client?.packageName ?? '' } });
}

function option(data: CommandData, name: string): CommandData['options'][number] {
  const found = data.options.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no option --${name}`);
  return found;
}

const commandFile = (files: readonly { path: string; contents: string }[], prefix: string) =>
  files.find((file) => path.basename(file.path).startsWith(prefix) && file.path.includes('commands'))!.contents;

describe('CLI target on the seed', () => {
  it('emits a tiny command index and one module per command, each with the do-not-edit header', () => {
    const files = cliFiles(model, unit);
    const dir = unit.outputs.cli!.dir;
    expect(files.map((file) => path.relative(dir, file.path))).toEqual([
      'command-index.ts',
      'schemas.ts',
      'options.ts',
      'client-modules.js',
      'client-modules.d.ts',
      'commands/applications-synchronization-acquire-access-token-post.ts',
      'commands/service-principals-synchronization-acquire-access-token-post.ts',
    ]);
    for (const file of files) expect(file.contents.split('\n')[0]).toContain(GENERATED_MARKER);
    const index = files[0]!.contents;
    const rows = JSON.parse(JSON.parse(/indexEntries\(JSON\.parse\((".*")\), \(file\) => import\(`\.\/commands\/\$\{file\}\.js`\)\);/.exec(index)![1]!)) as unknown[][];
    expect(rows[0]).toEqual([
      ['applications', 'synchronization', 'acquire-access-token', 'post'],
      'Get-MgApplicationSynchronizationAccessToken',
      expect.stringMatching(/^Acquire an OAuth access token/),
    ]);
    // the row's file is the path's words joined (commands/applications-synchronization-acquire-access-token-post.ts)
    expect(rows.every((row) => row.length === 3)).toBe(true);
    expect(index).toContain('export const DEFAULT_BASE_URL = "https://graph.microsoft.com/v1.0"');
    expect(index.length).toBeLessThan(2500);
  });

  it('emits each schema once, in a table the commands import, and commands carry none of their own', () => {
    const files = cliFiles(model, unit);
    const table = files.find((file) => file.path.endsWith('schemas.ts'))!.contents;
    const literal = /JSON\.parse\((".*")\);/.exec(table)?.[1];
    const defs = JSON.parse(JSON.parse(literal!)) as Record<string, { title?: string }>;
    expect(Object.keys(defs)).toEqual(['AcquireAccessTokenPostRequestBody', 'SynchronizationSecret', 'SynchronizationSecretKeyStringValuePair']);
    for (const file of files.filter((candidate) => candidate.path.includes('/commands/'))) {
      expect(file.contents).toContain("import { SCHEMAS } from '../schemas.js';");
      expect(file.contents).toContain(', OPTIONS, SCHEMAS);');
      expect(file.contents).not.toContain('"$defs"');
    }
  });

  it('is deterministic: the same model gives byte-identical files', () => {
    const first = cliFiles(model, unit);
    const second = cliFiles(model, unit);
    expect(second).toEqual(first);
    for (const file of first) {
      expect(file.contents).not.toMatch(/\r/);
      expect(file.contents).not.toContain(specsDir);
    }
  });

  it('holds each operation’s request as its builder’s metadata says it: builder, path parameters by template name, body content and serializer', () => {
    const files = cliFiles(model, unit);
    const calls = (prefix: string) => {
      const text = commandFile(files, prefix);
      return Object.fromEntries([...text.matchAll(/^ {2}("[^"]+"): (\{.*\}),$/gm)].map((match) => [JSON.parse(match[1]!), JSON.parse(match[2]!)]));
    };
    expect(calls('applications-')).toEqual({
      'applications.synchronization.acquireAccessToken.post': {
        builder: 'applications/item/synchronization/acquireAccessToken',
        metadata: 'AcquireAccessTokenRequestBuilderRequestsMetadata',
        method: 'post',
        parameters: { 'application-id': 'application%2Did' },
        request: {
          accept: 'application/json',
          body: { contentType: 'application/json', set: 'setContentFromParsable', serializer: 'serializeAcquireAccessTokenPostRequestBody' },
        },
      },
    });
    expect(calls('service-principals-')['servicePrincipals.synchronization.acquireAccessToken.post']?.parameters).toEqual({ 'servicePrincipal-id': 'servicePrincipal%2Did' });
    // commands import no client code; the client modules load its serializers, and nothing else of it
    for (const prefix of ['applications-', 'service-principals-']) expect(commandFile(files, prefix)).not.toMatch(/import[^;]*graph-client/);
    const clientModules = files.find((file) => file.path.endsWith('client-modules.js'))!.contents;
    expect([...clientModules.matchAll(/import\(([^)]*)\)/g)].map((match) => match[1])).toEqual(['"@mgkit/graph-client/models/serializers"']);
  });

  it('units sharing a CLI package are modules of one binary: each folder one module, and one index that merges them', () => {
    const generatedDir = path.dirname(unit.outputs.cli!.dir);
    const moduleUnit = { ...unit.outputs.cli!, dir: path.join(generatedDir, 'generated', 'applications'), modules: 'applications,users' };
    const files = emitCli(model, moduleUnit, { client: { packageName: '@mgkit/graph-applications' } });
    const root = files.find((file) => file.path === path.join(generatedDir, 'generated', 'command-index.ts'))!.contents;
    expect(root).toContain('import * as module0 from "./applications/command-index.js";');
    expect(root).toContain('import * as module1 from "./users/command-index.js";');
    expect(root).toContain('export const COMMANDS: readonly CommandIndexEntry[] = MODULES.flatMap((module) => module.COMMANDS);');
    // one folder deeper: the runtime is one more level up
    expect(files.find((file) => file.path.endsWith('applications/command-index.ts'))!.contents).toContain("from '../../runtime/definition.js'");
    expect(commandFile(files, 'applications-')).toContain("from '../../../runtime/builder-calls.js'");
    expect(files.find((file) => file.path.endsWith('client-modules.js'))!.contents).toContain('import("@mgkit/graph-applications/models/serializers")');
  });

  it('maps the cmdlet parameters to kebab-case options with aliases and roles', () => {
    const data = commandData('Get-MgApplicationSynchronizationAccessToken');
    expect(data.path).toEqual(['applications', 'synchronization', 'acquire-access-token', 'post']);
    expect(data.options.map((entry) => [entry.name, entry.kind, entry.role.kind, entry.aliases])).toEqual([
      ['additional-properties', 'json', 'additional-properties', []],
      ['application-id', 'string', 'path-key', ['object-id']],
      ['body', 'json', 'body', ['body-parameter']],
      ['credentials', 'pairs', 'body-property', []],
      ['header', 'headers', 'request-headers', ['headers']],
      ['input-object', 'json', 'identity', []],
      ['pass-thru', 'switch', 'behaviour', []],
      ['response-headers', 'sink', 'response-headers', ['response-headers-variable', 'rhv']],
      ['confirm', 'switch', 'behaviour', ['cf']],
      ['what-if', 'switch', 'behaviour', ['dry-run', 'wi']],
    ]);
    expect(option(data, 'credentials').pairs).toEqual({ key: 'key', value: 'value' });
    expect(option(data, 'credentials').multiple).toBe(true);
  });

  it('says a key option takes the object ID when the item has alternate keys (appId)', () => {
    expect(option(commandData('Get-MgApplicationSynchronizationAccessToken'), 'application-id').description).toBe(
      'The unique identifier of application: its object ID (the `id` property), not its `appId` or `uniqueName` (an alternate key).',
    );
  });

  it('keeps per-set required flags and the default set', () => {
    const data = commandData('Get-MgApplicationSynchronizationAccessToken');
    expect(data.sets.map((set) => [set.name, set.isDefault, set.operation])).toEqual([
      ['AcquireExpanded', true, 'applications.synchronization.acquireAccessToken.post'],
      ['Acquire', false, 'applications.synchronization.acquireAccessToken.post'],
      ['AcquireViaIdentity', false, 'applications.synchronization.acquireAccessToken.post'],
      ['AcquireViaIdentityExpanded', false, 'applications.synchronization.acquireAccessToken.post'],
    ]);
    expect(option(data, 'application-id').sets).toEqual({ AcquireExpanded: { required: true, pipeline: false }, Acquire: { required: true, pipeline: false } });
    expect(option(data, 'body').sets['AcquireViaIdentity']).toEqual({ required: true, pipeline: true });
    expect(data.sets[0]!.usage).toBe(
      "applications synchronization acquire-access-token post --application-id <string> [--additional-properties <json|@file|->] [--credentials <Key=Value|json|@file|->...] [--response-headers <file|->] [--header <'Name: value'>...] [--pass-thru] [--confirm] [--what-if]",
    );
  });

  it('replaces the help’s bare "." descriptions with the description’s schema', () => {
    const data = commandData('Get-MgApplicationSynchronizationAccessToken');
    expect(option(data, 'credentials').description).toBe(
      "The request body's `credentials`: a list of SynchronizationSecretKeyStringValuePair objects (key: one of the 45 SynchronizationSecret names; value: The value of the secret).",
    );
    expect(option(data, 'body').description).toMatch(/^Action parameters: the whole request body as JSON/);
    expect(option(data, 'application-id').description).toMatch(/^The unique identifier of application: its object ID/);
    for (const entry of data.options) expect(entry.description).not.toMatch(/^\.|NOTES section/);
  });

  it('carries the body schema: the 45-member enum, nullability, secrets, additional properties', () => {
    const data = commandData('Get-MgServicePrincipalSynchronizationAccessToken');
    const secret = data.$defs['SynchronizationSecret']!;
    expect(secret.enum).toHaveLength(45);
    expect(secret.enum).toContain('SecretToken');
    const pair = data.$defs['SynchronizationSecretKeyStringValuePair']!;
    expect(pair.properties?.['key']).toEqual({ $ref: '#/$defs/SynchronizationSecret' });
    expect(pair.properties?.['value']).toEqual({ type: ['string', 'null'], description: 'The value of the secret.', 'x-secret': true });
    const operation = data.operations['servicePrincipals.synchronization.acquireAccessToken.post']!;
    expect(operation.body?.required).toBe(true);
    expect(operation.requestPath).toBe('/servicePrincipals/{servicePrincipal-id}/synchronization/microsoft.graph.acquireAccessToken');
    expect(operation.docsUrl).toContain('synchronization-synchronization-acquireaccesstoken');
    expect(operation.urlTemplate).toBe('{+baseurl}/servicePrincipals/{servicePrincipal%2Did}/synchronization/microsoft.graph.acquireAccessToken');
  });

  it('carries the permissions file: least-privileged permissions per operation, a user’s default scopes', async () => {
    const { permissions } = await readPermissionsFile(path.join(specsDir, 'permissions.yaml'));
    // permissions are part of the model: each operation carries its entry
    const withPermissions = {
      ...model,
      operations: model.operations.map((operation) => ({ ...operation, ...(permissions?.operations[operation.key] && { permissions: permissions.operations[operation.key] }) })),
    };
    const files = cliFiles(withPermissions, unit);
    expect(files[0]!.contents).toContain('export const DELEGATED_SCOPES: readonly string[] = ["Synchronization.ReadWrite.All"];');
    const placed = placeCommands(withPermissions)[0]!;
    const data = buildCommandData(withPermissions, placed);
    expect(Object.values(data.operations)[0]!.permissions).toEqual({ delegated: ['Synchronization.ReadWrite.All'], application: ['Application.ReadWrite.OwnedBy'] });
    const without = cliFiles(model, unit);
    expect(without[0]!.contents).toContain('export const DELEGATED_SCOPES: readonly string[] = [];');
  });

  it('generates one CLI example per parameter set when the help has only placeholders', () => {
    const data = commandData('Get-MgApplicationSynchronizationAccessToken');
    expect(data.examples.map((example) => example.title)).toEqual([
      'Parameter set AcquireExpanded (default)',
      'Parameter set Acquire',
      'Parameter set AcquireViaIdentity',
      'Parameter set AcquireViaIdentityExpanded',
    ]);
    expect(data.examples[0]!.code).toBe(
      'mgkit applications synchronization acquire-access-token post --application-id 00000000-0000-0000-0000-000000000001 --credentials BaseAddress=https://example.com/scim --credentials Password=@secret.txt',
    );
    expect(data.examples.some((example) => example.code.includes('{{'))).toBe(false);
  });

  it('keeps command options off every name the runtime reserves (one list, in @mgkit/cli-contract)', () => {
    expect(GLOBAL_OPTION_NAMES).toBe(RESERVED_OPTION_NAMES);
    expect(RESERVED_OPTION_NAMES).toEqual(expect.arrayContaining(GLOBAL_OPTIONS.map((global) => global.name)));
    for (const placed of placeCommands(model)) {
      for (const entry of buildCommandData(model, placed).options) {
        for (const name of [entry.name, ...entry.aliases]) expect(RESERVED_OPTION_NAMES, `--${name}`).not.toContain(name);
      }
    }
  });

  it('honours the action-prefix switch in the request path', async () => {
    const { document } = await loadOpenApiDocument(unit.openapi);
    const { cmdlets } = await readCmdletHelpFolder(path.join(specsDir, 'cmdlets'));
    const dropped = buildApiModel({ document: document!, cmdlets, unit: { ...unit, keepActionPrefixInUrl: false } }).model!;
    const placed = placeCommands(dropped)[0]!;
    const data = buildCommandData(dropped, placed);
    expect(Object.values(data.operations)[0]!.requestPath).toBe('/applications/{application-id}/synchronization/acquireAccessToken');
    expect(data.path).toEqual(['applications', 'synchronization', 'acquire-access-token', 'post']);
  });
});

describe.skipIf(!corpusAvailable())('CLI target on the whole Applications module (2023 corpus)', () => {
  let corpus: ApiModel;
  beforeAll(async () => {
    const { document } = await loadOpenApiDocument(corpusOpenApi);
    const { cmdlets } = await readCmdletHelpFolder(corpusCmdlets);
    corpus = buildApiModel({
      document: document!,
      cmdlets,
      unit: SELECT_EVERYTHING,
    }).model!;
  });

  it('stores each option once per module; a command lists its options by index with its own parameter sets', async () => {
    const files = cliFiles(corpus, unit);
    const parsed = (text: string) => JSON.parse(JSON.parse(/JSON\.parse\((".*")\)/.exec(text)![1]!));
    const table = parsed(files.find((file) => file.path.endsWith('options.ts'))!.contents) as { name: string; sets?: unknown }[];
    expect(table.every((option) => option.sets === undefined)).toBe(true);
    expect(new Set(table.map((option) => JSON.stringify(option))).size).toBe(table.length);
    const commands = files.filter((file) => file.path.includes('/commands/'));
    let references = 0;
    for (const file of commands) {
      const stored = parsed(file.contents) as { options: [number, Record<string, unknown>][] };
      for (const [index, sets] of stored.options) {
        expect(table[index], file.path).toBeDefined();
        expect(Object.keys(sets).length).toBeGreaterThan(0);
        references += 1;
      }
    }
    // the Applications module's commands take thousands of options, a few hundred of them distinct
    expect(references).toBeGreaterThan(table.length * 3);
    // and the runtime puts each back whole: what a command exports is the definition the generator built
    const { commandDefinition } = (await import(/* @vite-ignore */ path.join(projectRoot, 'packages/cli/src/runtime/command-definition.ts'))) as {
      commandDefinition: (stored: unknown, options: unknown, defs: unknown) => { $defs: unknown };
    };
    for (const { placed, data } of commandsOf(corpus)) {
      const file = commands.find((candidate) => candidate.path.endsWith(`/${placed.file}.ts`))!;
      const { $defs: _moduleSchemas, ...restored } = commandDefinition(parsed(file.contents), table, {});
      const { $defs: _ownSchemas, ...built } = data;
      expect(restored, placed.file).toEqual(built);
    }
  });

  it('places every bound cmdlet and every unbound operation at a unique path', () => {
    const placed = placeCommands(corpus);
    const paths = placed.map((entry) => entry.path.join(' '));
    expect(new Set(paths).size).toBe(paths.length);
    const bound = new Set(corpus.commands.flatMap((command) => command.parameterSets.flatMap((set) => (set.operationKey ? [set.operationKey] : []))));
    const unbound = corpus.operations.filter((operation) => !bound.has(operation.key));
    expect(placed.filter((entry) => entry.operation).length).toBe(unbound.length);
    expect(placed.length).toBeGreaterThan(250);
  });

  it('builds a consistent definition for every command', () => {
    for (const placed of placeCommands(corpus)) {
      const data = buildCommandData(corpus, placed);
      const names = data.options.flatMap((entry) => [entry.name, ...entry.aliases]);
      expect(new Set(names).size, data.path.join(' ')).toBe(names.length);
      expect(data.sets.length, data.path.join(' ')).toBeGreaterThan(0);
      for (const set of data.sets) expect(data.operations[set.operation], `${data.path.join(' ')} ${set.name}`).toBeDefined();
      for (const entry of data.options) {
        for (const set of Object.keys(entry.sets)) expect(data.sets.some((candidate) => candidate.name === set)).toBe(true);
        expect(entry.description.length, `${data.path.join(' ')} --${entry.name}`).toBeGreaterThan(0);
      }
      for (const [name, schema] of Object.entries(data.$defs)) expect(schema.title, name).toBe(name);
      // every $ref points into $defs
      for (const ref of JSON.stringify(data).match(/#\/\$defs\/[A-Za-z0-9_]+/g) ?? []) expect(data.$defs[ref.slice(8)], ref).toBeDefined();
    }
    console.log(`corpus CLI definitions built`);
  });

  it('maps query parameters to the client’s names with their types ($select → select, a list)', () => {
    const queries = placeCommands(corpus)
      .map((placed) => buildCommandData(corpus, placed))
      .flatMap((data) => data.options.filter((entry) => entry.role.kind === 'query').map((entry) => ({ path: data.path.join(' '), entry })));
    expect(queries.length).toBeGreaterThan(50);
    const select = queries.find(({ entry }) => entry.role.kind === 'query' && entry.role.queryParameter === '$select');
    expect(select?.entry.query).toEqual({ name: 'select', type: 'array' });
    const top = queries.find(({ entry }) => entry.role.kind === 'query' && entry.role.queryParameter === '$top');
    expect(top?.entry.query).toEqual({ name: 'top', type: 'integer' });
  });

  it('emits files that all carry the header, in a stable order', () => {
    const corpusUnit = { ...unit };
    const files = cliFiles(corpus, corpusUnit);
    expect(files.length).toBe(placeCommands(corpus).length + 5);
    for (const file of files) expect(file.contents.startsWith(`// ${GENERATED_MARKER}`)).toBe(true);
    const stems = files.slice(5).map((file) => path.basename(file.path, '.ts'));
    expect(stems).toEqual([...stems].sort());
  });
});
