/**
 * The redirect guard on the wire: Kiota's default chain re-sends the credential body to another
 * origin on a 307; with `withRedirectGuard` the call fails with RedirectRefusedError and the
 * other origin receives nothing. Same-origin redirects still work.
 */
import { AnonymousAuthenticationProvider } from '@microsoft/kiota-abstractions';
import { FetchRequestAdapter, KiotaClientFactory, MiddlewareFactory } from '@microsoft/kiota-http-fetchlibrary';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RedirectRefusedError, createGraphClient, unsafeRedirectTarget, withRedirectGuard } from '../src/index.js';
import { type CaptureServer, startCaptureServer } from './capture-server.js';

const body = { credentials: [{ key: 'SecretToken' as const, value: 's3cret' }] };

function clientOn(origin: string, guarded: boolean) {
  const middlewares = MiddlewareFactory.getDefaultMiddlewares();
  const http = KiotaClientFactory.create(undefined, guarded ? withRedirectGuard(middlewares) : middlewares);
  return createGraphClient(new FetchRequestAdapter(new AnonymousAuthenticationProvider(), undefined, undefined, http), { baseUrl: `${origin}/v1.0` });
}

describe('withRedirectGuard', () => {
  let graph: CaptureServer;
  let other: CaptureServer;
  beforeAll(async () => {
    graph = await startCaptureServer();
    other = await startCaptureServer('127.0.0.2');
  });
  afterAll(async () => {
    await graph.close();
    await other.close();
  });
  beforeEach(() => {
    graph.requests.length = 0;
    other.requests.length = 0;
    graph.reply = () => ({ status: 307, headers: { location: `${other.origin}/v1.0/elsewhere` } });
  });

  it('without it, Kiota follows a 307 to another origin with the body (the hole it closes)', async () => {
    await clientOn(graph.origin, false).applications.byApplicationId('a').synchronization.acquireAccessToken.post(body);
    expect(other.requests.map((request) => request.body)).toEqual([JSON.stringify(body)]);
  });

  it.each([301, 302, 307, 308])('with it, a %i to another origin is refused and the other origin gets nothing', async (status) => {
    graph.reply = () => ({ status, headers: { location: `${other.origin}/v1.0/elsewhere` } });
    const call = clientOn(graph.origin, true).applications.byApplicationId('a').synchronization.acquireAccessToken.post(body);
    const error = await call.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(RedirectRefusedError);
    expect((error as RedirectRefusedError).message).toBe(
      `refused a ${status} redirect from ${graph.origin} to ${other.origin}: following it would send the request's body or credentials to another origin`,
    );
    expect(other.requests).toHaveLength(0);
  });

  it('with it, a same-origin redirect is still followed', async () => {
    graph.reply = (request) => (request.url.includes('/moved') ? { status: 204 } : { status: 307, headers: { location: '/v1.0/moved' } });
    await clientOn(graph.origin, true).applications.byApplicationId('a').synchronization.acquireAccessToken.post(body);
    expect(graph.requests.map((request) => request.url)).toEqual(['/v1.0/applications/a/synchronization/microsoft.graph.acquireAccessToken', '/v1.0/moved']);
  });

  it('refuses an https → http downgrade even to the same host, and a credential header without a body', () => {
    expect(unsafeRedirectTarget('https://graph.example/v1.0/x', { method: 'GET' }, 302, 'http://graph.example/v1.0/x')).toBe('http://graph.example');
    expect(unsafeRedirectTarget('https://a.example/x', { method: 'GET', headers: { Authorization: 'Bearer t' } }, 302, 'https://b.example/x')).toBe('https://b.example');
    expect(unsafeRedirectTarget('https://a.example/x', { method: 'GET' }, 302, 'https://b.example/x')).toBeUndefined();
    expect(unsafeRedirectTarget('https://a.example/x', { method: 'POST', body: '{}' }, 303, 'https://b.example/x')).toBeUndefined();
  });
});
