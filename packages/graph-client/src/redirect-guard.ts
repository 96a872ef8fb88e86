/**
 * Kiota's RedirectHandler follows a redirect to any URL. It drops `Authorization` when the host
 * changes, but it re-sends the body: an https service root that answers 307 to `http://other/`
 * would get the request's credentials (acquireAccessToken's body is secrets) sent in clear text
 * to another host. Graph never redirects these calls. This guard refuses, before the redirect is
 * followed, any redirect that changes the origin or downgrades https to http while the request
 * carries a body or credentials.
 *
 * @example
 * ```ts
 * import { FetchRequestAdapter, KiotaClientFactory, MiddlewareFactory } from '@microsoft/kiota-http-fetchlibrary';
 * import { createGraphClient, withRedirectGuard } from '@mgkit/graph-client';
 *
 * const http = KiotaClientFactory.create(undefined, withRedirectGuard(MiddlewareFactory.getDefaultMiddlewares()));
 * const client = createGraphClient(new FetchRequestAdapter(authenticationProvider, undefined, undefined, http));
 * ```
 * @module
 */
import type { RequestOption } from '@microsoft/kiota-abstractions';
import type { Middleware } from '@microsoft/kiota-http-fetchlibrary';

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set(['authorization', 'cookie', 'proxy-authorization']);

/** Thrown instead of following a redirect that would carry a body or credentials elsewhere. */
export class RedirectRefusedError extends Error {
  override readonly name = 'RedirectRefusedError';

  constructor(
    /** The origin the request was sent to. */
    readonly fromOrigin: string,
    /** The origin the redirect pointed to. */
    readonly toOrigin: string,
    /** The redirect's status (301, 302, 303, 307 or 308). */
    readonly status: number,
  ) {
    super(
      `refused a ${status} redirect from ${fromOrigin} to ${toOrigin}: following it would send the request's body or credentials to ${toOrigin === fromOrigin ? 'it' : 'another origin'}${toOrigin.startsWith('http:') && fromOrigin.startsWith('https:') ? ' over plain http' : ''}`,
    );
  }
}

function headerNames(headers: RequestInit['headers']): string[] {
  if (!headers) return [];
  if (Array.isArray(headers)) return headers.map(([name]) => String(name).toLowerCase());
  if (typeof (headers as Headers).forEach === 'function') {
    // forEach, not keys(): the DOM library without DOM.Iterable has no Headers iterators
    const names: string[] = [];
    (headers as Headers).forEach((_value, name) => names.push(name.toLowerCase()));
    return names;
  }
  return Object.keys(headers).map((name) => name.toLowerCase());
}

/**
 * The origin a redirect would take the request to, when following it is unsafe: another origin,
 * or https → http, while the request carries a body (kept by 307/308, and re-sent by Kiota for
 * 301/302) or a credential header. Undefined when the response is no such redirect.
 */
export function unsafeRedirectTarget(requestUrl: string, requestInit: RequestInit, status: number, location: string | null): string | undefined {
  if (!REDIRECT_STATUSES.has(status) || location === null) return undefined;
  let from: URL;
  let to: URL;
  try {
    from = new URL(requestUrl);
    to = new URL(location, from);
  } catch {
    return undefined; // an unusable Location is Kiota's to reject
  }
  const sameOrigin = from.origin === to.origin;
  const downgrade = from.protocol === 'https:' && to.protocol !== 'https:';
  if (sameOrigin && !downgrade) return undefined;
  const carriesBody = requestInit.body !== undefined && requestInit.body !== null && status !== 303;
  const carriesCredentials = headerNames(requestInit.headers).some((name) => CREDENTIAL_HEADERS.has(name));
  return carriesBody || carriesCredentials || downgrade ? to.origin : undefined;
}

/** A Kiota middleware, placed just before the fetch, that refuses unsafe redirects (see the module's comment). */
export class RedirectGuard implements Middleware {
  next: Middleware | undefined;

  async execute(url: string, requestInit: RequestInit, requestOptions?: Record<string, RequestOption>): Promise<Response> {
    if (!this.next) throw new Error('RedirectGuard must not be the last middleware: place it before the fetch handler');
    const response = await this.next.execute(url, requestInit, requestOptions);
    const target = unsafeRedirectTarget(url, requestInit, response.status, response.headers.get('location'));
    if (target !== undefined) throw new RedirectRefusedError(new URL(url).origin, target, response.status);
    return response;
  }
}

/**
 * The given middleware chain (e.g. `MiddlewareFactory.getDefaultMiddlewares()`) with a
 * `RedirectGuard` just before its last member, the fetch: it then sees every hop's response
 * before Kiota's RedirectHandler could follow it.
 */
export function withRedirectGuard<T extends Middleware>(middlewares: readonly T[]): (T | RedirectGuard)[] {
  if (middlewares.length === 0) throw new Error('withRedirectGuard needs a chain that ends in a fetch handler');
  return [...middlewares.slice(0, -1), new RedirectGuard(), middlewares[middlewares.length - 1] as T];
}
