import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitClientSources } from '../src/targets/client/index.js';
import { compileProject, removeProject, runScript, specsModel, startCaptureServer, writeProject, type CapturedRequest, type CaptureServer } from './fixtures/client/kit.js';

/**
 * The client must put on the wire what Microsoft's Kiota-generated Graph SDK puts there for the
 * same call: method, path and key encoding, `content-type`/`accept`, JSON body. With
 * `url.keepActionPrefix: false` byte for byte; with the default (the description's path) the
 * only difference is the action segment, `microsoft.graph.acquireAccessToken`.
 *
 * The reference runs Microsoft's published code: `createGraphServiceClient`,
 * `extendGraphServiceClient` and `GraphRequestAdapter` of `@microsoft/msgraph-sdk` (the adapter and
 * entry point the SDK's users call), its model serializers and `ODataError` factory. The fluent
 * API packages that hold the acquireAccessToken builders (`@microsoft/msgraph-sdk-applications`,
 * `…-serviceprincipals`) are not published on npm, so their builder metadata is restated below
 * from microsoftgraph/msgraph-sdk-typescript (`packages/msgraph-sdk-applications/applications/
 * item/synchronization/acquireAccessToken/index.ts`; the service-principal builder is the same
 * with `{servicePrincipal%2Did}`), plugged in the way those packages do it.
 */
const referenceScript = (origin: string) => `
import { AnonymousAuthenticationProvider } from '@microsoft/kiota-abstractions';
import { FetchRequestAdapter } from '@microsoft/kiota-http-fetchlibrary';
import { createGraphServiceClient, extendGraphServiceClient, GraphRequestAdapter } from '@microsoft/msgraph-sdk';
import { serializeSynchronizationSecretKeyStringValuePair } from '@microsoft/msgraph-sdk/models/index.js';
import { createODataErrorFromDiscriminatorValue } from '@microsoft/msgraph-sdk/models/oDataErrors/index.js';
import { createGraphClient } from './dist/index.js';

const id = 'a b/cü';
const body = { credentials: [{ key: 'UserName', value: 'admin@contoso.com' }, { key: 'Password', value: 'p@ss w/ü' }] };

// Microsoft's generated builder metadata (msgraph-sdk-typescript), restated.
function serializeAcquireAccessTokenPostRequestBody(writer, acquireAccessTokenPostRequestBody = {}) {
  writer.writeCollectionOfObjectValues('credentials', acquireAccessTokenPostRequestBody.credentials, serializeSynchronizationSecretKeyStringValuePair);
  writer.writeAdditionalData(acquireAccessTokenPostRequestBody.additionalData);
}
const acquireAccessToken = (uriTemplate) => ({ requestsMetadata: { post: {
  uriTemplate,
  responseBodyContentType: 'application/json',
  errorMappings: { XXX: createODataErrorFromDiscriminatorValue },
  adapterMethodName: 'sendNoResponseContent',
  requestBodyContentType: 'application/json',
  requestBodySerializer: serializeAcquireAccessTokenPostRequestBody,
  requestInformationContentSetMethod: 'setContentFromParsable',
} } });
const collection = (indexer, key, template) => ({ navigationMetadata: { [indexer]: { pathParametersMappings: [key], navigationMetadata: {
  synchronization: { navigationMetadata: { acquireAccessToken: acquireAccessToken(template) } } } } } });
extendGraphServiceClient({
  applications: collection('byApplicationId', 'application%2Did', '{+baseurl}/applications/{application%2Did}/synchronization/acquireAccessToken'),
  servicePrincipals: collection('byServicePrincipalId', 'servicePrincipal%2Did', '{+baseurl}/servicePrincipals/{servicePrincipal%2Did}/synchronization/acquireAccessToken'),
});
const microsoftAdapter = new GraphRequestAdapter(new AnonymousAuthenticationProvider());
microsoftAdapter.baseUrl = '${origin}/v1.0';
const microsoft = createGraphServiceClient(microsoftAdapter);
const ours = createGraphClient(new FetchRequestAdapter(new AnonymousAuthenticationProvider()), { baseUrl: '${origin}/v1.0' });

const results = [];
for (const client of [ours, microsoft]) {
  results.push(await client.applications.byApplicationId(id).synchronization.acquireAccessToken.post(body));
  results.push(await client.servicePrincipals.byServicePrincipalId(id).synchronization.acquireAccessToken.post(body));
}
console.log(JSON.stringify(results.map((result) => result ?? 'undefined')));
`;

/** What the issue asks to be equal on the wire. */
function wire(request: CapturedRequest | undefined) {
  return {
    method: request?.method,
    url: request?.url,
    contentType: request?.headers['content-type'],
    accept: request?.headers.accept,
    body: request?.body,
  };
}

const expectedBody = '{"credentials":[{"key":"UserName","value":"admin@contoso.com"},{"key":"Password","value":"p@ss w/ü"}]}';

for (const keepActionPrefix of [true, false]) {
  const setting = `url.keepActionPrefix: ${keepActionPrefix}`;
  describe(`client target on the wire next to Microsoft's Kiota SDK (${setting})`, () => {
    let dir: string | undefined;
    let server: CaptureServer;
    beforeAll(async () => {
      server = await startCaptureServer();
      const sources = emitClientSources(await specsModel(keepActionPrefix));
      dir = await writeProject(sources);
      expect(compileProject(dir, [...sources.keys()])).toEqual([]);
    });
    afterAll(async () => {
      await server.close();
      await removeProject(dir);
    });

    it('sends the same method, path, encoding, headers and body for a key with a space, / and ü and two credentials', async () => {
      const output = await runScript(dir ?? '', referenceScript(server.origin));
      expect(JSON.parse(output)).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
      expect(server.requests).toHaveLength(4);
      const [ourApplication, ourServicePrincipal, microsoftApplication, microsoftServicePrincipal] = server.requests.map(wire);
      const action = keepActionPrefix ? 'microsoft.graph.acquireAccessToken' : 'acquireAccessToken';
      const asOurs = (reference: ReturnType<typeof wire> | undefined) => ({ ...reference, url: reference?.url?.replace(/\/acquireAccessToken$/, `/${action}`) });

      expect(ourApplication).toEqual(asOurs(microsoftApplication));
      expect(ourServicePrincipal).toEqual(asOurs(microsoftServicePrincipal));
      if (!keepActionPrefix) {
        expect(ourApplication).toEqual(microsoftApplication);
        expect(ourServicePrincipal).toEqual(microsoftServicePrincipal);
      }
      // …and what that is, spelled out.
      expect(ourApplication).toEqual({
        method: 'POST',
        url: `/v1.0/applications/a%20b%2Fc%C3%BC/synchronization/${action}`,
        contentType: 'application/json',
        accept: 'application/json',
        body: expectedBody,
      });
      expect(ourServicePrincipal?.url).toBe(`/v1.0/servicePrincipals/a%20b%2Fc%C3%BC/synchronization/${action}`);
      expect(microsoftApplication?.url).toBe('/v1.0/applications/a%20b%2Fc%C3%BC/synchronization/acquireAccessToken');
      // Every other header is the same too, but for the telemetry header Microsoft's Graph adapter
      // adds (which also shows that the reference really went through it).
      const [ourHeaders, microsoftHeaders] = [server.requests[0]?.headers, server.requests[2]?.headers];
      expect(microsoftHeaders?.sdkversion).toMatch(/^graph-typescript\//);
      expect(ourHeaders).toEqual({ ...microsoftHeaders, sdkversion: undefined });
    });
  });
}
