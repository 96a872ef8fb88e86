import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitClientSources } from '../src/targets/client/index.js';
import { compileProject, removeProject, runScript, specsModel, startCaptureServer, writeProject, type CaptureServer } from './fixtures/client/kit.js';

/**
 * With `url.keepActionPrefix: false` the client must put on the wire exactly what Microsoft's
 * Kiota-generated SDK puts there. The reference is Microsoft's own generated metadata for
 * `applications/item/synchronization/acquireAccessToken` (msgraph-sdk-typescript), run by the same
 * Kiota runtime with the model serializers of the published `@microsoft/msgraph-sdk`.
 */
describe('client target: on the wire, switched to drop the action prefix, like Microsoft’s Kiota SDK', () => {
  let dir: string | undefined;
  let server: CaptureServer;
  beforeAll(async () => {
    server = await startCaptureServer();
    const sources = emitClientSources(await specsModel(false));
    dir = await writeProject(sources);
    expect(compileProject(dir, [...sources.keys()])).toEqual([]);
  });
  afterAll(async () => {
    await server.close();
    await removeProject(dir);
  });

  it('sends the same method, path, encoding, headers and body for a key with a space, / and ü', async () => {
    const output = await runScript(
      dir ?? '',
      `
import { AnonymousAuthenticationProvider, apiClientProxifier } from '@microsoft/kiota-abstractions';
import { FetchRequestAdapter } from '@microsoft/kiota-http-fetchlibrary';
import { JsonParseNodeFactory, JsonSerializationWriterFactory } from '@microsoft/kiota-serialization-json';
import { serializeSynchronizationSecretKeyStringValuePair } from '@microsoft/msgraph-sdk/models/index.js';
import { createODataErrorFromDiscriminatorValue } from '@microsoft/msgraph-sdk/models/oDataErrors/index.js';
import { createGraphClient } from './dist/index.js';

const id = 'a b/cü';
const body = { credentials: [{ key: 'UserName', value: 'admin@contoso.com' }, { key: 'Password', value: 'p@ss w/ü' }] };
const ours = createGraphClient(new FetchRequestAdapter(new AnonymousAuthenticationProvider()), { baseUrl: '${server.origin}/v1.0' });
const ourResult = await ours.applications.byApplicationId(id).synchronization.acquireAccessToken.post(body);

// Microsoft's generated metadata for this builder (msgraph-sdk-typescript, packages/msgraph-sdk-applications).
function serializeAcquireAccessTokenPostRequestBody(writer, acquireAccessTokenPostRequestBody = {}) {
  if (!acquireAccessTokenPostRequestBody) return;
  writer.writeCollectionOfObjectValues('credentials', acquireAccessTokenPostRequestBody.credentials, serializeSynchronizationSecretKeyStringValuePair);
  writer.writeAdditionalData(acquireAccessTokenPostRequestBody.additionalData);
}
const AcquireAccessTokenRequestBuilderUriTemplate = '{+baseurl}/applications/{application%2Did}/synchronization/acquireAccessToken';
const requestsMetadata = { post: {
  uriTemplate: AcquireAccessTokenRequestBuilderUriTemplate,
  responseBodyContentType: 'application/json',
  errorMappings: { XXX: createODataErrorFromDiscriminatorValue },
  adapterMethodName: 'sendNoResponseContent',
  requestBodyContentType: 'application/json',
  requestBodySerializer: serializeAcquireAccessTokenPostRequestBody,
  requestInformationContentSetMethod: 'setContentFromParsable',
} };
const navigation = { applications: { navigationMetadata: { byApplicationId: { pathParametersMappings: ['application%2Did'], navigationMetadata: {
  synchronization: { navigationMetadata: { acquireAccessToken: { requestsMetadata } } } } } } } };
const adapter = new FetchRequestAdapter(new AnonymousAuthenticationProvider());
adapter.getSerializationWriterFactory().registerDefaultSerializer(JsonSerializationWriterFactory);
adapter.getParseNodeFactory().registerDefaultDeserializer(JsonParseNodeFactory, adapter.getBackingStoreFactory());
adapter.baseUrl = '${server.origin}/v1.0';
const reference = apiClientProxifier(adapter, { baseurl: adapter.baseUrl }, navigation, undefined);
const referenceResult = await reference.applications.byApplicationId(id).synchronization.acquireAccessToken.post(body);
console.log(JSON.stringify({ ourResult: ourResult ?? 'undefined', referenceResult: referenceResult ?? 'undefined' }));
`,
    );
    expect(JSON.parse(output)).toEqual({ ourResult: 'undefined', referenceResult: 'undefined' });
    expect(server.requests).toHaveLength(2);
    const [ours, reference] = server.requests;
    const wire = (request: typeof ours) => ({
      method: request?.method,
      url: request?.url,
      contentType: request?.headers['content-type'],
      accept: request?.headers.accept,
      body: request?.body,
    });
    expect(wire(ours)).toEqual(wire(reference));
    expect(wire(ours)).toEqual({
      method: 'POST',
      url: '/v1.0/applications/a%20b%2Fc%C3%BC/synchronization/acquireAccessToken',
      contentType: 'application/json',
      accept: 'application/json',
      body: '{"credentials":[{"key":"UserName","value":"admin@contoso.com"},{"key":"Password","value":"p@ss w/ü"}]}',
    });
  });
});
