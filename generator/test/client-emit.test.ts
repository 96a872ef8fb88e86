import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GenerationUnitConfig } from '../src/config/index.js';
import type { ApiModel } from '../src/model/index.js';
import { GENERATED_MARKER, generatedHeader } from '../src/output/index.js';
import { TARGETS, loadTargets } from '../src/targets/index.js';
import { emitClientSources } from '../src/targets/client/index.js';
import { specsModel } from './fixtures/client/kit.js';

const acquirePath = 'applications/item/synchronization/acquireAccessToken/index.ts';
const servicePrincipalAcquirePath = 'servicePrincipals/item/synchronization/acquireAccessToken/index.ts';

function fileOf(sources: ReadonlyMap<string, string>, relative: string): string {
  const contents = sources.get(relative);
  if (contents === undefined) throw new Error(`no emitted ${relative}; have ${[...sources.keys()].join(', ')}`);
  return contents;
}

describe('client target: emitted files for specs/', () => {
  let model: ApiModel;
  let sources: Map<string, string>;
  beforeAll(async () => {
    model = await specsModel();
    sources = emitClientSources(model);
  });

  it('lays the builders out the way Kiota does, plus models and their serializers, the client, its errors and an index', () => {
    expect([...sources.keys()]).toEqual([
      'applications/index.ts',
      'applications/item/index.ts',
      'applications/item/synchronization/acquireAccessToken/index.ts',
      'applications/item/synchronization/index.ts',
      'errors.ts',
      'graphClient.ts',
      'index.node.ts',
      'index.ts',
      'models/index.ts',
      'models/serializers/index.ts',
      'paging.ts',
      'requestBuilder.ts',
      'servicePrincipals/index.ts',
      'servicePrincipals/item/index.ts',
      'servicePrincipals/item/synchronization/acquireAccessToken/index.ts',
      'servicePrincipals/item/synchronization/index.ts',
    ]);
  });

  it('starts every file with the do-not-edit header; LF, no ts-ignore, no any, no absolute paths', () => {
    for (const [relative, contents] of sources) {
      expect(contents.startsWith(`${generatedHeader()}\n`), relative).toBe(true);
      expect(contents).toContain(GENERATED_MARKER);
      expect(contents, relative).not.toMatch(/\r/);
      expect(contents, relative).not.toMatch(/@ts-(ignore|nocheck|expect-error)/);
      expect(contents, relative).not.toMatch(/\bany\b/);
      expect(contents, relative).not.toContain('/work/');
      expect(contents.endsWith('\n') && !contents.endsWith('\n\n'), relative).toBe(true);
      for (const specifier of contents.matchAll(/from '(\.[^']*)'/g)) expect(specifier[1], relative).toMatch(/\.js$/);
    }
  });

  it('is byte-identical when emitted again', () => {
    expect(emitClientSources(model)).toEqual(sources);
  });

  it('emits the action builder: URI template with the prefix, post + toPostRequestInformation, metadata', () => {
    const action = fileOf(sources, acquirePath);
    expect(action).toContain('export interface AcquireAccessTokenRequestBuilder extends BaseRequestBuilder<AcquireAccessTokenRequestBuilder> {');
    expect(action).toContain("export const AcquireAccessTokenRequestBuilderUriTemplate = '{+baseurl}/applications/{application%2Did}/synchronization/microsoft.graph.acquireAccessToken';");
    expect(action).toContain('post(body: AcquireAccessTokenPostRequestBody, requestConfiguration?: RequestConfiguration<object> | undefined): Promise<void>;');
    expect(action).toContain('toPostRequestInformation(body: AcquireAccessTokenPostRequestBody, requestConfiguration?: RequestConfiguration<object> | undefined): RequestInformation;');
    for (const line of [
      'uriTemplate: AcquireAccessTokenRequestBuilderUriTemplate,',
      "responseBodyContentType: 'application/json',",
      'XXX: createODataErrorFromDiscriminatorValue,',
      "adapterMethodName: 'sendNoResponseContent',",
      "requestBodyContentType: 'application/json',",
      'requestBodySerializer: serializeAcquireAccessTokenPostRequestBody,',
      "requestInformationContentSetMethod: 'setContentFromParsable',",
    ]) {
      expect(action).toContain(line);
    }
    expect(action).toMatch(/^import type \{ [^}]*BaseRequestBuilder[^}]* \} from '@microsoft\/kiota-abstractions';$/m);
    expect(fileOf(sources, servicePrincipalAcquirePath)).toContain("'{+baseurl}/servicePrincipals/{servicePrincipal%2Did}/synchronization/microsoft.graph.acquireAccessToken'");
  });

  it('documents the operation from the description and the cmdlet help', () => {
    const action = fileOf(sources, acquirePath);
    expect(action).toContain('Acquire an OAuth access token to authorize the Microsoft Entra provisioning service');
    expect(action).toContain('PowerShell: `Get-MgApplicationSynchronizationAccessToken`');
    expect(action).toContain('@param body Action parameters. PowerShell: `-BodyParameter`, or the properties one by one: `-AdditionalProperties`, `-Credentials`.');
    expect(action).toContain('@throws {ODataError} error when the service returns a 4XX or 5XX status code');
    expect(action).toContain('@see {@link https://learn.microsoft.com/graph/api/synchronization-synchronization-acquireaccesstoken?view=graph-rest-1.0|Find more info here}');
    expect(action).toContain('@see {@link https://learn.microsoft.com/powershell/module/microsoft.graph.applications/get-mgapplicationsynchronizationaccesstoken|');
    const collection = fileOf(sources, 'applications/index.ts');
    expect(collection).toMatch(
      /@param applicationId The unique identifier of application: its object ID \(the `id` property\), not its `appId` or `uniqueName` \(an alternate key\)\. PowerShell: `-ApplicationId`/,
    );
    const models = fileOf(sources, 'models/index.ts');
    expect(models).toContain('/** The value of the secret. */');
  });

  it('emits indexers with pathParametersMappings for apiClientProxifier', () => {
    const applications = fileOf(sources, 'applications/index.ts');
    expect(applications).toContain('byApplicationId(applicationId: string): ApplicationItemRequestBuilder;');
    expect(applications).toMatch(/byApplicationId: \{\n\s+navigationMetadata: ApplicationItemRequestBuilderNavigationMetadata,\n\s+pathParametersMappings: \['application%2Did'\],\n\s+\},/);
    expect(fileOf(sources, 'servicePrincipals/index.ts')).toContain("pathParametersMappings: ['servicePrincipal%2Did'],");
    expect(fileOf(sources, 'applications/item/synchronization/index.ts')).toMatch(/acquireAccessToken: \{\n\s+requestsMetadata: AcquireAccessTokenRequestBuilderRequestsMetadata,\n\s+\},/);
    const client = fileOf(sources, 'graphClient.ts');
    expect(client).toContain('get applications(): ApplicationsRequestBuilder;');
    expect(client).toContain('get servicePrincipals(): ServicePrincipalsRequestBuilder;');
    expect(client).toContain('export function createGraphClient(requestAdapter: RequestAdapter, options: GraphClientOptions = {}): GraphClient {');
    expect(client).toContain('prepareAdapter(requestAdapter, options.baseUrl);');
    // the adapter is prepared in the small module requestBuilderAt shares, which imports no builder
    const prepare = fileOf(sources, 'requestBuilder.ts');
    expect(prepare).toContain("export const GraphClientDefaultBaseUrl = 'https://graph.microsoft.com/v1.0';");
    expect(prepare).not.toMatch(/from '\.\/(applications|servicePrincipals)\//);
    // No process-wide registration (Kiota's free functions): only the adapter's own registries.
    for (const file of [client, prepare]) {
      expect(file).not.toMatch(/^\s*registerDefault(Serializer|Deserializer)\(/m);
      expect(file).not.toMatch(/import [^;]*\bregisterDefault(Serializer|Deserializer)\b/);
    }
    expect(prepare).toContain('writers.registerDefaultSerializer(JsonSerializationWriterFactory)');
  });

  it('emits only the reached models, Kiota style, their serializers in a module of their own', () => {
    const models = fileOf(sources, 'models/index.ts');
    const serializers = fileOf(sources, 'models/serializers/index.ts');
    const interfaces = [...models.matchAll(/^export interface (\w+)/gm)].map((match) => match[1]);
    // Type-only imports: the `./models` entry loads nothing at run time but its serializers (cheap to import).
    for (const file of [models, serializers]) expect(file.match(/^import .*$/gm)?.every((line) => line.startsWith('import type {'))).toBe(true);
    expect(models).toContain("export * from './serializers/index.js';");
    // writing a body needs no reader: the serializers import the models' types only
    expect(serializers).toMatch(/^import type \{[^}]*\bAcquireAccessTokenPostRequestBody\b[^}]*\} from '\.\.\/index\.js';$/m);
    expect(serializers).not.toMatch(/deserializeInto|FromDiscriminatorValue|^export (interface|const|type) /m);
    expect(interfaces).toEqual(['AcquireAccessTokenPostRequestBody', 'ErrorDetails', 'InnerError', 'MainError', 'ODataError', 'SynchronizationSecretKeyStringValuePair']);
    expect(models).toContain('export interface ODataError extends AdditionalDataHolder, ApiError, BackedModel, Parsable {');
    expect(models).toContain("oDataError.message = oDataError.error?.message ?? '';");
    expect(models).toContain('export const SynchronizationSecretObject = {');
    expect(models).toContain("  Oauth2AccessToken: 'Oauth2AccessToken',");
    expect(models).toContain('} as const;');
    expect(models).toContain('export type SynchronizationSecret = (typeof SynchronizationSecretObject)[keyof typeof SynchronizationSecretObject];');
    expect(models).toContain('value?: string | null;');
    expect(models).toContain('key?: SynchronizationSecret;');
    expect(models).toContain('additionalData?: Record<string, unknown>;');
    expect(models).toContain('backingStoreEnabled?: boolean | null;');
    for (const name of ['AcquireAccessTokenPostRequestBody', 'SynchronizationSecretKeyStringValuePair', 'ODataError', 'MainError', 'ErrorDetails', 'InnerError']) {
      expect(models).toContain(`export function create${name}FromDiscriminatorValue(`);
      expect(models).toContain(`export function deserializeInto${name}(`);
      expect(models).not.toContain(`export function serialize${name}(`);
      expect(serializers).toContain(`export function serialize${name}(`);
    }
    expect(serializers).toContain(
      "writer.writeCollectionOfObjectValues<SynchronizationSecretKeyStringValuePair>('credentials', acquireAccessTokenPostRequestBody.credentials, serializeSynchronizationSecretKeyStringValuePair);",
    );
    expect(serializers).toContain("writer.writeEnumValue<SynchronizationSecret>('key', synchronizationSecretKeyStringValuePair.key);");
  });

  it('with url.keepActionPrefix off, calls …/synchronization/acquireAccessToken; names never change', async () => {
    const unprefixed = emitClientSources(await specsModel(false));
    expect([...unprefixed.keys()]).toEqual([...sources.keys()]);
    expect(fileOf(unprefixed, acquirePath)).toContain("export const AcquireAccessTokenRequestBuilderUriTemplate = '{+baseurl}/applications/{application%2Did}/synchronization/acquireAccessToken';");
    expect(fileOf(unprefixed, servicePrincipalAcquirePath)).toContain("'{+baseurl}/servicePrincipals/{servicePrincipal%2Did}/synchronization/acquireAccessToken'");
    for (const contents of unprefixed.values()) expect(contents).not.toMatch(/microsoft\.graph\.\w+\(|\bmicrosoftGraph/);
  });

  it('is a lazily loaded target writing under outputs.client.dir', async () => {
    expect(TARGETS.map((target) => target.name)).toContain('client');
    const clientTarget = (await loadTargets()).find((target) => target.name === 'client')!;
    const outDir = path.join(path.sep, 'tmp', 'out', 'generated');
    const unit = { outputs: { client: { dir: outDir, packageName: '@mgkit/graph-client' } } } as unknown as GenerationUnitConfig;
    expect(clientTarget.isEnabled(unit)).toBe(true);
    expect(clientTarget.isEnabled({ outputs: {} } as unknown as GenerationUnitConfig)).toBe(false);
    const files = [...(await clientTarget.emit(model, { unit, specsDir: path.sep }))];
    expect(files.map((file) => file.path)).toEqual([...sources.keys()].map((relative) => path.join(outDir, ...relative.split('/'))));
    expect(files.map((file) => file.contents)).toEqual([...sources.values()]);
  });
});
