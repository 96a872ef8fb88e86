import { AnonymousAuthenticationProvider, type RequestAdapter } from '@microsoft/kiota-abstractions';
import { FetchRequestAdapter } from '@microsoft/kiota-http-fetchlibrary';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AcquireAccessTokenRequestBuilderRequestsMetadata, type AcquireAccessTokenRequestBuilder } from '../src/generated/applications/item/synchronization/acquireAccessToken/index.js';
import { createGraphClient, GraphClientDefaultBaseUrl, isODataError, ODataError, requestBuilderAt, type AcquireAccessTokenPostRequestBody } from '../src/index.js';
import { startCaptureServer, type CaptureServer } from './capture-server.js';

const id = 'a b/cü';
const body: AcquireAccessTokenPostRequestBody = {
  credentials: [
    { key: 'UserName', value: 'admin@contoso.com' },
    { key: 'Password', value: 'p@ss w/ü' },
  ],
};
const expectedBody = '{"credentials":[{"key":"UserName","value":"admin@contoso.com"},{"key":"Password","value":"p@ss w/ü"}]}';

function newAdapter(): FetchRequestAdapter {
  return new FetchRequestAdapter(new AnonymousAuthenticationProvider());
}

/** The rejection of a promise, typed for assertions. */
async function rejectionOf(promise: Promise<unknown>): Promise<ODataError> {
  try {
    await promise;
  } catch (error) {
    return error as ODataError;
  }
  throw new Error('expected the call to reject');
}

describe('@mgkit/graph-client on the wire (real FetchRequestAdapter, capture server)', () => {
  let server: CaptureServer;
  beforeAll(async () => {
    server = await startCaptureServer();
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
    server.reply = () => ({ status: 204 });
  });

  it('POSTs acquireAccessToken on an application: path, percent-encoding, headers, JSON body; 204 → undefined', async () => {
    const client = createGraphClient(newAdapter(), { baseUrl: `${server.origin}/v1.0` });
    const result = await client.applications.byApplicationId(id).synchronization.acquireAccessToken.post(body);
    expect(result).toBeUndefined();
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1.0/applications/a%20b%2Fc%C3%BC/synchronization/microsoft.graph.acquireAccessToken');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.accept).toBe('application/json');
    expect(request?.body).toBe(expectedBody);
  });

  it('requestBuilderAt (one builder, no navigation) sends the very same request', async () => {
    const builder = requestBuilderAt<AcquireAccessTokenRequestBuilder>(
      newAdapter(),
      AcquireAccessTokenRequestBuilderRequestsMetadata,
      { 'application%2Did': id },
      { baseUrl: `${server.origin}/v1.0` },
    );
    await expect(builder.post(body)).resolves.toBeUndefined();
    const client = createGraphClient(newAdapter(), { baseUrl: `${server.origin}/v1.0` });
    await client.applications.byApplicationId(id).synchronization.acquireAccessToken.post(body);
    const [direct, navigated] = server.requests;
    expect(direct?.url).toBe('/v1.0/applications/a%20b%2Fc%C3%BC/synchronization/microsoft.graph.acquireAccessToken');
    expect({ ...direct, headers: { ...direct?.headers, 'client-request-id': '' } }).toEqual({ ...navigated, headers: { ...navigated?.headers, 'client-request-id': '' } });
    // its errors are ODataErrors too: the adapter is prepared as createGraphClient prepares it
    server.reply = () => ({ status: 403, headers: { 'content-type': 'application/json' }, body: '{"error":{"code":"Authorization_RequestDenied","message":"denied"}}' });
    const error = await rejectionOf(
      requestBuilderAt<AcquireAccessTokenRequestBuilder>(newAdapter(), AcquireAccessTokenRequestBuilderRequestsMetadata, { 'application%2Did': id }, { baseUrl: `${server.origin}/v1.0` }).post(body),
    );
    expect(isODataError(error)).toBe(true);
    expect(error.responseStatusCode).toBe(403);
  });

  it('POSTs acquireAccessToken on a service principal the same way', async () => {
    const client = createGraphClient(newAdapter(), { baseUrl: `${server.origin}/v1.0` });
    await expect(client.servicePrincipals.byServicePrincipalId(id).synchronization.acquireAccessToken.post(body)).resolves.toBeUndefined();
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1.0/servicePrincipals/a%20b%2Fc%C3%BC/synchronization/microsoft.graph.acquireAccessToken');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.accept).toBe('application/json');
    expect(request?.body).toBe(expectedBody);
  });

  it('rejects a 400 with an ODataError carrying code, message and request-id', async () => {
    server.reply = () => ({
      status: 400,
      headers: { 'content-type': 'application/json', 'request-id': '4b1f0c4e-0000-4000-8000-000000000001' },
      body: JSON.stringify({
        error: {
          code: 'Request_BadRequest',
          message: 'Invalid value specified for property key.',
          innerError: { date: '2026-11-26T03:00:00', 'request-id': '4b1f0c4e-0000-4000-8000-000000000001', 'client-request-id': 'c1' },
        },
      }),
    });
    const client = createGraphClient(newAdapter(), { baseUrl: `${server.origin}/v1.0` });
    const error = await rejectionOf(client.applications.byApplicationId('app').synchronization.acquireAccessToken.post(body));
    expect(error.responseStatusCode).toBe(400);
    expect(error.error?.code).toBe('Request_BadRequest');
    expect(error.error?.message).toBe('Invalid value specified for property key.');
    // The primary error message (x-ms-primary-error-message) becomes the error's message.
    expect(error.message).toBe('Invalid value specified for property key.');
    // innerError is plain data, by its wire names
    expect(error.error?.innerError?.['request-id']).toBe('4b1f0c4e-0000-4000-8000-000000000001');
    expect(error.responseHeaders?.['request-id']).toEqual(['4b1f0c4e-0000-4000-8000-000000000001']);
    // the one way to read it: code, message, requestId
    expect([error.code, error.message, error.requestId]).toEqual(['Request_BadRequest', 'Invalid value specified for property key.', '4b1f0c4e-0000-4000-8000-000000000001']);
  });

  it('throws a real Error: instanceof, a stack, printable with String(), recognised by isODataError', async () => {
    server.reply = () => ({
      status: 403,
      headers: { 'content-type': 'application/json', 'request-id': 'r-403' },
      body: JSON.stringify({ error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' } }),
    });
    const client = createGraphClient(newAdapter(), { baseUrl: `${server.origin}/v1.0` });
    const error = await rejectionOf(client.applications.byApplicationId('app').synchronization.acquireAccessToken.post(body));
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(ODataError);
    expect(isODataError(error)).toBe(true);
    expect(isODataError(new Error('x'))).toBe(false);
    expect(error.stack).toMatch(/ODataError: Insufficient privileges/);
    expect(String(error)).toBe('ODataError: Insufficient privileges to complete the operation.');
    expect(`${error}`).toContain('Insufficient privileges');
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ responseStatusCode: 403, code: 'Authorization_RequestDenied', requestId: 'r-403' });
  });

  it('keeps the status, headers and a bounded excerpt of a non-JSON error (an HTML 502 from a gateway)', async () => {
    const page = `<html><body><h1>502 Bad Gateway</h1>${'x'.repeat(5000)}</body></html>`;
    server.reply = () => ({ status: 502, headers: { 'content-type': 'text/html', 'request-id': 'r-502' }, body: page });
    const client = createGraphClient(newAdapter(), { baseUrl: `${server.origin}/v1.0` });
    const error = await rejectionOf(client.applications.byApplicationId('app').synchronization.acquireAccessToken.post(body));
    expect(isODataError(error)).toBe(true);
    expect(error.responseStatusCode).toBe(502);
    expect(error.responseHeaders['content-type']).toEqual(['text/html']);
    expect(error.requestId).toBe('r-502');
    expect(error.bodyExcerpt?.startsWith('<html><body><h1>502 Bad Gateway</h1>')).toBe(true);
    expect(error.bodyExcerpt?.length).toBe(1024);
    expect(error.message).toMatch(/^HTTP 502 Bad Gateway: <html><body><h1>502 Bad Gateway<\/h1>/);
    expect(error.message).not.toMatch(/factory registered/);
  });

  it('retries a 429 with Retry-After (default middleware), then resolves on 204', async () => {
    server.reply = (_request, index) => (index === 0 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 204 });
    const client = createGraphClient(newAdapter(), { baseUrl: `${server.origin}/v1.0` });
    await expect(client.applications.byApplicationId('app').synchronization.acquireAccessToken.post(body)).resolves.toBeUndefined();
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.headers['retry-attempt']).toBe('1');
    expect(server.requests[1]?.body).toBe(expectedBody);
  });
});

describe('createGraphClient', () => {
  const requestUrl = (adapter: RequestAdapter, options?: { baseUrl?: string }) =>
    createGraphClient(adapter, options).applications.byApplicationId('x').synchronization.acquireAccessToken.toPostRequestInformation(body).URL;

  it("defaults the base URL to the description's server", () => {
    const adapter = newAdapter();
    expect(requestUrl(adapter)).toBe(`${GraphClientDefaultBaseUrl}/applications/x/synchronization/microsoft.graph.acquireAccessToken`);
    expect(adapter.baseUrl).toBe('https://graph.microsoft.com/v1.0');
  });

  it("keeps the adapter's own base URL, and lets options override it", () => {
    const adapter = newAdapter();
    adapter.baseUrl = 'https://graph.microsoft.us/v1.0';
    expect(requestUrl(adapter)).toBe('https://graph.microsoft.us/v1.0/applications/x/synchronization/microsoft.graph.acquireAccessToken');
    expect(requestUrl(adapter, { baseUrl: 'http://localhost:4010/' })).toBe('http://localhost:4010/applications/x/synchronization/microsoft.graph.acquireAccessToken');
  });

  it("registers the JSON factories on that adapter's registries only", () => {
    const configured = newAdapter();
    const untouched = newAdapter();
    createGraphClient(configured);
    const writers = configured.getSerializationWriterFactory() as unknown as { contentTypeAssociatedFactories: Map<string, unknown> };
    const parsers = configured.getParseNodeFactory() as unknown as { contentTypeAssociatedFactories: Map<string, unknown> };
    expect([...writers.contentTypeAssociatedFactories.keys()]).toEqual(['application/json']);
    expect([...parsers.contentTypeAssociatedFactories.keys()]).toEqual(['application/json']);
    const other = untouched.getSerializationWriterFactory() as unknown as { contentTypeAssociatedFactories: Map<string, unknown> };
    expect(other.contentTypeAssociatedFactories.size).toBe(0);
  });
});
