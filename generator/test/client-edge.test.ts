import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitClientSources } from '../src/targets/client/index.js';
import { edgeModel } from './fixtures/client/edge-model.js';
import { compileProject, removeProject, writeProject } from './fixtures/client/kit.js';

function fileOf(sources: ReadonlyMap<string, string>, relative: string): string {
  const contents = sources.get(relative);
  if (contents === undefined) throw new Error(`no emitted ${relative}; have ${[...sources.keys()].join(', ')}`);
  return contents;
}

describe('client target: a hand-written model with the corner cases', () => {
  let sources: Map<string, string>;
  let dir: string | undefined;
  beforeAll(() => {
    sources = emitClientSources(edgeModel);
  });
  afterAll(async () => {
    await removeProject(dir);
  });

  it('compiles strict', async () => {
    dir = await writeProject(sources);
    expect(compileProject(dir, [...sources.keys()])).toEqual([]);
  });

  it('turns keys inside a segment into a navigation method with its mappings', () => {
    const client = fileOf(sources, 'graphClient.ts');
    expect(client).toContain('applicationsWithAppId(appId: string): ApplicationsWithAppIdRequestBuilder;');
    expect(client).toMatch(
      /applicationsWithAppId: \{\n\s+requestsMetadata: ApplicationsWithAppIdRequestBuilderRequestsMetadata,\n\s+navigationMetadata: ApplicationsWithAppIdRequestBuilderNavigationMetadata,\n\s+pathParametersMappings: \['appId'\],/,
    );
    const builder = fileOf(sources, 'applicationsWithAppId/index.ts');
    expect(builder).toContain("'{+baseurl}/applications(appId=\\'{appId}\\')'");
    expect(builder).toContain('_4XX: createODataErrorFromDiscriminatorValue,');
    expect(builder).toContain('_5XX: createODataErrorFromDiscriminatorValue,');
  });

  it('registers the text serialization too, since `$count` answers text/plain', () => {
    const client = fileOf(sources, 'requestBuilder.ts');
    expect(client).toContain("import { TextParseNodeFactory, TextSerializationWriterFactory } from '@microsoft/kiota-serialization-text';");
    expect(client).toContain('writers.registerDefaultSerializer(TextSerializationWriterFactory);');
    expect(client).toContain('parsers.registerDefaultDeserializer(TextParseNodeFactory, requestAdapter.getBackingStoreFactory());');
    expect(client).not.toContain('kiota-serialization-form');
  });

  it('keeps sibling names apart (`$count` and `microsoft.graph.count`)', () => {
    const reports = fileOf(sources, 'reports/index.ts');
    expect(reports).toContain('get count(): CountRequestBuilder;');
    expect(reports).toContain('get count2(): Count2RequestBuilder;');
    expect(sources.has('reports/count2/index.ts')).toBe(true);
    expect(fileOf(sources, 'reports/count2/index.ts')).toContain("'{+baseurl}/reports/microsoft.graph.count'");
  });

  it('picks the adapter method from the response: primitive, stream, enum, collections', () => {
    expect(fileOf(sources, 'reports/count/index.ts')).toMatch(/adapterMethodName: 'sendPrimitive',\n\s+responseBodyFactory: 'number',/);
    const logo = fileOf(sources, 'applicationsWithAppId/logo/index.ts');
    expect(logo).toContain('get(requestConfiguration?: RequestConfiguration<object> | undefined): Promise<ArrayBuffer | undefined>;');
    expect(logo).toMatch(/adapterMethodName: 'sendPrimitive',\n\s+responseBodyFactory: 'ArrayBuffer',/);
    expect(logo).toContain('put(body: ArrayBuffer, requestConfiguration?: RequestConfiguration<object> | undefined): Promise<void>;');
    expect(logo).toMatch(/requestBodyContentType: 'image\/png',\n\s+requestInformationContentSetMethod: 'setStreamContent',/);
    const status = fileOf(sources, 'reports/getStatus/index.ts');
    expect(status).toMatch(/adapterMethodName: 'sendEnum',\n\s+enumObject: PermissionsObject,/);
    expect(status).toContain('@deprecated');
    expect(fileOf(sources, 'reports/getNames/index.ts')).toMatch(/adapterMethodName: 'sendCollectionOfPrimitive',\n\s+responseBodyFactory: 'string',/);
    const count = fileOf(sources, 'reports/count2/index.ts');
    expect(count).toMatch(/adapterMethodName: 'sendCollectionOfEnum',\n\s+enumObject: PermissionsObject,/);
    expect(count).toContain('requestBodySerializer: serializeUntypedNode as ModelSerializerFunction<Parsable>,');
    const writers = fileOf(sources, 'reports/writers/index.ts');
    expect(writers).toContain('post(body: Writer[], requestConfiguration?: RequestConfiguration<object> | undefined): Promise<Writer[] | undefined>;');
    expect(writers).toMatch(/adapterMethodName: 'sendCollection',\n\s+responseBodyFactory: createWriterFromDiscriminatorValue,/);
  });

  it('escapes names that would clash and text that would end a comment', () => {
    const models = fileOf(sources, 'models/index.ts');
    const serializers = fileOf(sources, 'models/serializers/index.ts');
    expect(serializers).toContain('export function serializeWriter(writer: SerializationWriter, writerValue: Partial<Writer> | undefined | null = {}): void {');
    expect(models).toContain('additionalDataEscaped?: string | null;');
    expect(serializers).toContain("writer.writeStringValue('additionalData', writerValue.additionalDataEscaped);");
    // additionalProperties: false → no additional data holder
    expect(models).toContain('export interface Writer extends BackedModel, Parsable {');
    expect(models).not.toContain('writerValue.additionalData)');
    expect(models).toContain('messageEscaped?: string;');
    expect(models).toContain("oDataError.message = oDataError.messageEscaped ?? '';");
    expect(models).toContain('/** May read *\\/ everything */');
    expect(models).toContain("  SignIn: 'sign-in',");
    expect(models).toContain('settings?: UntypedNode;');
    expect(models).toContain('started?: TimeOnly;');
    expect(models).toContain('tenure?: Duration;');
    expect(models).toContain('photo?: ArrayBuffer | null;');
  });
});
