import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiModel } from '../src/model/index.js';
import { emitClientSources } from '../src/targets/client/index.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileProject, removeProject, richModel, runScript, startCaptureServer, writeProject, writeResolveLogger, type CaptureServer } from './fixtures/client/kit.js';

function fileOf(sources: ReadonlyMap<string, string>, relative: string): string {
  const contents = sources.get(relative);
  if (contents === undefined) throw new Error(`no emitted ${relative}; have ${[...sources.keys()].join(', ')}`);
  return contents;
}

/**
 * Genericity: a richer description (query parameters, a response body, allOf inheritance with an
 * `@odata.type` discriminator, nested collections, date-time/date/int64/uuid, request headers).
 */
describe('client target: rich.yaml', () => {
  let model: ApiModel;
  let sources: Map<string, string>;
  beforeAll(async () => {
    model = await richModel();
    sources = emitClientSources(model);
  });

  it('emits query parameters the Kiota way: interface, mapper and {?%24expand,%24select}', () => {
    const item = fileOf(sources, 'directoryItems/item/index.ts');
    expect(item).toContain('export interface DirectoryItemItemRequestBuilderGetQueryParameters {');
    expect(item).toMatch(/select\?: string\[\];/);
    expect(item).toMatch(/expand\?: string\[\];/);
    expect(item).toContain("export const DirectoryItemItemRequestBuilderUriTemplate = '{+baseurl}/directoryItems/{directoryItem%2Did}{?%24expand,%24select}';");
    expect(item).toMatch(/const DirectoryItemItemRequestBuilderGetQueryParametersMapper: Record<string, string> = \{\n\s+select: '%24select',\n\s+expand: '%24expand',\n\};/);
    expect(item).toContain('queryParametersMapper: DirectoryItemItemRequestBuilderGetQueryParametersMapper,');
    expect(item).toContain('get(requestConfiguration?: RequestConfiguration<DirectoryItemItemRequestBuilderGetQueryParameters> | undefined): Promise<DirectoryItem | undefined>;');
    expect(item).toContain("adapterMethodName: 'send',");
    expect(item).toContain('responseBodyFactory: createDirectoryItemFromDiscriminatorValue,');
    // PATCH has no query parameters: its own template, without the query part.
    expect(item).toContain("uriTemplate: '{+baseurl}/directoryItems/{directoryItem%2Did}',");
    expect(item).toContain('`ConsistencyLevel`: Indicates the requested consistency level');
    const list = fileOf(sources, 'directoryItems/index.ts');
    expect(list).toContain("'{+baseurl}/directoryItems{?%24count,%24filter,%24top,tags*}'");
    expect(list).toMatch(/top\?: number;/);
    expect(list).toMatch(/count\?: boolean;/);
    expect(list).toMatch(/tags\?: string\[\];/);
    expect(list).toContain('byDirectoryItemId(directoryItemId: string): DirectoryItemItemRequestBuilder;');
    const action = fileOf(sources, 'directoryItems/item/assignLicense/index.ts');
    expect(action).toContain('post(body: AssignLicensePostRequestBody, requestConfiguration?: RequestConfiguration<object> | undefined): Promise<User | undefined>;');
  });

  it('emits inheritance with discriminator dispatch for reading and writing', () => {
    const models = fileOf(sources, 'models/index.ts');
    const serializers = fileOf(sources, 'models/serializers/index.ts');
    expect(models).toContain('export interface DirectoryItem extends Entity, Parsable {');
    expect(models).toContain('export interface User extends DirectoryItem, Parsable {');
    expect(models).toMatch(/switch \(parseNode\.getChildNode\('@odata\.type'\)\?\.getStringValue\(\)\) \{\n\s+case '#microsoft\.graph\.group':\n\s+return deserializeIntoGroup;/);
    expect(models).toContain('...deserializeIntoDirectoryItem(user),');
    expect(serializers).toContain('serializeDirectoryItem(writer, user, true);');
    expect(serializers).toMatch(/case '#microsoft\.graph\.user':\n\s+serializeUser\(writer, directoryItem as Partial<User>\);\n\s+return;/);
    // the derived types a base type's serializer dispatches to are imported for their types only
    expect(serializers).toMatch(/^import type \{[^}]*\bUser\b[^}]*\} from '\.\.\/index\.js';$/m);
    // `@odata.type`, repeated in every allOf part, is declared once, on Entity.
    expect(models.match(/'@odata\.type': \(n\)/g)).toHaveLength(1);
    expect(serializers.match(/writer\.writeStringValue\('@odata\.type'/g)).toHaveLength(1);
  });

  it('maps formats and collections: Date, DateOnly, Guid, int64 number, nested and untyped collections', () => {
    const models = fileOf(sources, 'models/index.ts');
    expect(models).toContain('deletedDateTime?: Date | null;');
    expect(models).toContain('directoryItem.deletedDateTime = n.getDateValue();');
    expect(models).toContain('birthday?: DateOnly | null;');
    expect(models).toContain('quotaBytes?: number | null;');
    expect(models).toContain('skuId?: Guid | null;');
    expect(models).toContain('assignedLicenses?: AssignedLicense[];');
    expect(models).toContain('disabledPlans?: Guid[];');
    expect(models).toContain("assignedLicense.disabledPlans = n.getCollectionOfPrimitiveValues<Guid>('string');");
    expect(models).toContain('scoreMatrix?: UntypedNode;');
    expect(models).toContain('accountState?: AccountState;');
    expect(models).toContain('user.accountState = n.getEnumValue<AccountState>(AccountStateObject);');
    // read-only: read, never written
    expect(models).toContain('group.members = n.getCollectionOfObjectValues<DirectoryItem>(createDirectoryItemFromDiscriminatorValue);');
    const serializers = fileOf(sources, 'models/serializers/index.ts');
    expect(serializers).toContain('export function serializeGroup(');
    expect(serializers).not.toContain("writer.writeCollectionOfObjectValues<DirectoryItem>('members'");
    expect(serializers).toContain("writer.writeCollectionOfPrimitiveValues<Guid>('disabledPlans', assignedLicense.disabledPlans);");
  });

  describe('at run time (compiled, real FetchRequestAdapter, capture server)', () => {
    let dir: string | undefined;
    let server: CaptureServer;
    beforeAll(async () => {
      server = await startCaptureServer((request) => {
        if (request.method === 'GET') {
          return {
            status: 200,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              '@odata.type': '#microsoft.graph.user',
              id: 'u1',
              displayName: 'Adele',
              quotaBytes: 53687091200,
              deletedDateTime: '2024-05-01T10:20:30Z',
              accountState: 'enabled',
              assignedLicenses: [{ skuId: '6fd2c87f-b296-42f0-b197-1e91e994b900', disabledPlans: ['a', 'b'] }],
              scoreMatrix: [[1, 2], [3]],
              extra: 'kept',
            }),
          };
        }
        return { status: 204 };
      });
      dir = await writeProject(sources);
      expect(compileProject(dir, [...sources.keys()])).toEqual([]);
    });
    afterAll(async () => {
      await server.close();
      await removeProject(dir);
    });

    it('sends query parameters and headers, reads a derived type, writes a derived type', async () => {
      const output = await runScript(
        dir ?? '',
        `
import { AnonymousAuthenticationProvider } from '@microsoft/kiota-abstractions';
import { FetchRequestAdapter } from '@microsoft/kiota-http-fetchlibrary';
import { createGraphClient } from './dist/index.js';
const client = createGraphClient(new FetchRequestAdapter(new AnonymousAuthenticationProvider()), { baseUrl: '${server.origin}/api' });
const item = client.directoryItems.byDirectoryItemId('x 1');
const user = await item.get({ queryParameters: { select: ['id', 'displayName'], expand: ['manager'] }, headers: { ConsistencyLevel: 'eventual' } });
await item.patch({ odataType: '#microsoft.graph.user', displayName: 'Adele V', quotaBytes: 1, deletedDateTime: null });
console.log(JSON.stringify({
  type: user.odataType, name: user.displayName, quota: user.quotaBytes, deletedIsDate: user.deletedDateTime instanceof Date,
  deleted: user.deletedDateTime.toISOString(), state: user.accountState, plans: user.assignedLicenses[0].disabledPlans,
  matrix: user.scoreMatrix.getValue().length, extra: user.additionalData.extra,
}));
`,
      );
      expect(JSON.parse(output)).toEqual({
        type: '#microsoft.graph.user',
        name: 'Adele',
        quota: 53687091200,
        deletedIsDate: true,
        deleted: '2024-05-01T10:20:30.000Z',
        state: 'enabled',
        plans: ['a', 'b'],
        matrix: 2,
        extra: 'kept',
      });
      const [get, patch] = server.requests;
      expect(get?.method).toBe('GET');
      // The template says `%24select`; Kiota's ParametersNameDecodingHandler puts the `$` back on the wire.
      expect(get?.url).toBe('/api/directoryItems/x%201?$expand=manager&$select=id,displayName');
      expect(get?.headers['consistencylevel']).toBe('eventual');
      expect(patch?.method).toBe('PATCH');
      expect(patch?.url).toBe('/api/directoryItems/x%201');
      expect(JSON.parse(patch?.body ?? '')).toEqual({
        '@odata.type': '#microsoft.graph.user',
        deletedDateTime: null,
        displayName: 'Adele V',
        quotaBytes: 1,
      });
    });

    it('in Node.js, index.node.js loads the models only; the first createGraphClient loads the client', async () => {
      const { importArg, log } = await writeResolveLogger(dir ?? '');
      const output = await runScript(
        dir ?? '',
        `
import { readFileSync } from 'node:fs';
const entry = await import('./dist/index.node.js');
const onImport = readFileSync(${JSON.stringify(log)}, 'utf8').trim().split('\\n');
const { AnonymousAuthenticationProvider } = await import('@microsoft/kiota-abstractions');
const { FetchRequestAdapter } = await import('@microsoft/kiota-http-fetchlibrary');
const client = entry.createGraphClient(new FetchRequestAdapter(new AnonymousAuthenticationProvider()), { baseUrl: '${server.origin}/api' });
const user = await client.directoryItems.byDirectoryItemId('lazy').get();
const staticEntry = await import('./dist/index.js');
console.log(JSON.stringify({ onImport, name: user.displayName, exports: Object.keys(entry).sort(), staticExports: Object.keys(staticEntry).sort() }));
`,
        [importArg],
      );
      const result = JSON.parse(output) as { onImport: string[]; name: string; exports: string[]; staticExports: string[] };
      const distUrl = pathToFileURL(path.join(dir ?? '', 'dist/')).href;
      const emitted = result.onImport.filter((url) => url.startsWith(distUrl)).map((url) => url.slice(distUrl.length));
      // No request builder, no client module; the Kiota runtime only because this fixture's models
      // read untyped values (`createUntypedNodeFromDiscriminatorValue`); errors.js and paging.js have no imports but types.
      expect(emitted).toEqual(['index.node.js', 'models/index.js', 'errors.js', 'paging.js', 'models/serializers/index.js']);
      expect(result.name).toBe('Adele');
      expect(server.requests.at(-1)?.url).toBe('/api/directoryItems/lazy');
      // Both entries export the same names.
      expect(result.exports).toEqual(result.staticExports);
      expect(result.exports).toContain('createGraphClient');
      expect(await readFile(log, 'utf8')).toContain('/dist/graphClient.js');
    });
  });
});
