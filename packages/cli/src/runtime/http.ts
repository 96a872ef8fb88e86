/**
 * HTTP through the generated Kiota client: a `FetchRequestAdapter` with Kiota's default
 * middleware, a bearer-token provider, and a fetch wrapper that adds the timeout, turns transport
 * errors into one-line `NetworkError`s, keeps the last error response (the error line describes
 * a failed call from it) and, with `--debug`, traces HTTP on stderr (Authorization and secrets redacted).
 */
import { randomUUID } from 'node:crypto';
import type { AuthenticationProvider, RequestInformation } from '@microsoft/kiota-abstractions';
import { UsageError } from './errors.js';
import type { BuilderConnection } from './builder-calls.js';
import { type ErrorResponse, NetworkError, TimeoutError } from './failures.js';
import { ResponseBrokenError, ResponseTooLargeError, nodeFetch } from './node-fetch.js';
import { redactTraceHeader, scrubText } from './redact.js';
import { io } from './io.js';

export interface HttpSettings {
  readonly baseUrl: string;
  readonly timeoutMs?: number;
  readonly debug: boolean;
  /** Resolves the bearer token; absent for requests that are never sent (what-if). */
  readonly token?: () => Promise<string>;
  /** Redacts a JSON request body for the trace. */
  readonly redactBody: (body: string) => string;
  /** This tool in the User-Agent, after Kiota's: `mgkit/0.1.0`. */
  readonly product?: string;
}

/**
 * Graph's etiquette: the User-Agent names this tool beside Kiota's, and every request carries a
 * `client-request-id` (one per call, kept across its retries) unless `--header` gave one.
 */
function withGraphHeaders(init: RequestInit, product: string | undefined, clientRequestId: string): RequestInit {
  const headers: Record<string, string> = {};
  for (const [name, value] of headersOf(init)) headers[name] = value;
  const find = (wanted: string) => Object.keys(headers).find((name) => name.toLowerCase() === wanted);
  const agent = find('user-agent');
  if (product && !(agent && headers[agent]?.includes(product))) {
    if (agent) headers[agent] = `${headers[agent]} ${product}`;
    else headers['User-Agent'] = product;
  }
  if (!find('client-request-id')) headers['client-request-id'] = clientRequestId;
  return { ...init, headers };
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]' || hostname === '::1';
}

/** Adds `Authorization: Bearer …`, over HTTPS only (plain HTTP to loopback is allowed for tests). */
export function bearerProvider(token: () => Promise<string>): AuthenticationProvider {
  return {
    authenticateRequest: async (request: RequestInformation) => {
      const url = new URL(request.URL);
      if (url.protocol !== 'https:' && !isLoopback(url.hostname)) {
        throw new UsageError(`refusing to send a token over ${url.protocol.replace(':', '')} to ${url.host}; use an https:// --base-url`);
      }
      if (request.headers.has('Authorization')) return;
      request.headers.add('Authorization', `Bearer ${await token()}`);
    },
  };
}

const anonymous: AuthenticationProvider = { authenticateRequest: async () => undefined };

/**
 * A request's headers as pairs, whatever form they come in. Checked by shape, never with
 * `instanceof Headers`: in Node 20 that global is a getter that loads undici, ~20 ms on every
 * call that the CLI's own fetch avoids.
 */
function headersOf(init: RequestInit | undefined): [string, string][] {
  const headers = init?.headers;
  if (!headers) return [];
  if (Array.isArray(headers)) return headers.map(([name, value]) => [String(name), String(value)]);
  if (typeof (headers as Headers).entries === 'function') return [...(headers as Headers).entries()];
  return Object.entries(headers as Record<string, string>).map(([name, value]) => [name, String(value)]);
}

function bodyText(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof ArrayBuffer) return new TextDecoder().decode(body);
  if (ArrayBuffer.isView(body)) return new TextDecoder().decode(new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
  return '[stream]';
}

/** What a transport error says about where it failed, as a one-line `NetworkError`. */
function networkError(input: string, error: unknown): NetworkError {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return new NetworkError(input, typeof code === 'string' ? code : undefined, typeof message === 'string' ? message : String(error), error instanceof ResponseBrokenError);
}

/** Kiota's RetryHandler default: the retries it makes before it hands back a 429/503. */
const MAX_RETRIES = 3;
/** Kiota's RedirectHandler default: the redirects it follows before it hands back a 3xx. */
const MAX_REDIRECTS = 5;

/** Seconds a 429/503 asks to wait (`Retry-After`: seconds or an HTTP date), as Kiota's RetryHandler reads it. */
export function retryAfterSeconds(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = /^\d+$/.test(value.trim()) ? Number(value) : Math.round((new Date(value).getTime() - Date.now()) / 1000);
  return Number.isFinite(seconds) ? Math.max(0, seconds) : undefined;
}

/**
 * When each call started (its first attempt, the one without Kiota's `Retry-Attempt` header):
 * --timeout bounds the whole call, waits between retries included.
 */
class CallClock {
  #started = Date.now();
  constructor(private readonly timeoutMs: number | undefined) {}

  attempt(init: RequestInit): void {
    if (!headersOf(init).some(([name]) => name.toLowerCase() === 'retry-attempt')) this.#started = Date.now();
  }

  /** Milliseconds left before --timeout; undefined without a timeout. */
  remainingMs(): number | undefined {
    return this.timeoutMs === undefined ? undefined : Math.max(1, this.timeoutMs - (Date.now() - this.#started));
  }
}

function tracingFetch(
  settings: HttpSettings,
  clock: CallClock,
  onError: (response: ErrorResponse | undefined) => void,
  onClientRequestId: (id: string) => void,
): (input: string, init: RequestInit) => Promise<Response> {
  const trace = (line: string): void => {
    io().stderr.write(`${scrubText(line)}\n`);
  };
  let redirects = 0;
  let clientRequestId = '';
  return async (input, original) => {
    const retry = headersOf(original).some(([name]) => name.toLowerCase() === 'retry-attempt');
    if (!retry || !clientRequestId) clientRequestId = randomUUID();
    const init = withGraphHeaders(original, settings.product, clientRequestId);
    const sentId = headersOf(init).find(([name]) => name.toLowerCase() === 'client-request-id')?.[1] ?? clientRequestId;
    onClientRequestId(sentId);
    clock.attempt(init);
    const remaining = clock.remainingMs();
    const signal = remaining !== undefined ? AbortSignal.timeout(remaining) : undefined;
    const requestInit: RequestInit = signal ? { ...init, signal: init.signal ? AbortSignal.any([init.signal, signal]) : signal } : init;
    if (settings.debug) {
      trace(`> ${init.method ?? 'GET'} ${input}`);
      for (const [name, value] of headersOf(init)) trace(`> ${name}: ${redactTraceHeader(name, value)}`);
      const body = bodyText(init.body);
      // every line of a body is marked, so a trace can be grepped by direction
      if (body !== undefined) for (const line of settings.redactBody(body).split('\n')) trace(`> ${line}`);
    }
    let response: Response;
    const started = Date.now();
    try {
      response = await nodeFetch(input, requestInit);
    } catch (error) {
      if (signal?.aborted) throw new TimeoutError((settings.timeoutMs ?? 0) / 1000);
      if (error instanceof ResponseTooLargeError) throw error;
      throw networkError(input, error);
    }
    const location = response.headers.get('location');
    /** A failed response's body, read once for the error line and the --debug trace. */
    let errorBody: string | undefined;
    if (response.status >= 300 && response.status < 400 && location !== null) {
      // Kiota follows MAX_REDIRECTS in a row; the next one comes back as the call's answer
      redirects += 1;
      if (redirects > MAX_REDIRECTS) {
        onError({ status: response.status, statusText: response.statusText, contentType: '', text: '', redirect: { location, count: MAX_REDIRECTS } });
        redirects = 0;
      } else onError(undefined);
    } else if (response.status >= 400) {
      // the error line describes the call's failure from this: Graph's JSON error, or an HTML gateway page
      const requestId = response.headers.get('request-id') ?? undefined;
      const contentType = response.headers.get('content-type') ?? '';
      errorBody = await response.clone().text();
      const attempt = Number(headersOf(init).find(([name]) => name.toLowerCase() === 'retry-attempt')?.[1] ?? 0);
      onError({
        ...((response.status === 429 || response.status === 503) && attempt >= MAX_RETRIES && { retriesExhausted: attempt }),
        status: response.status,
        statusText: response.statusText,
        contentType,
        ...(requestId !== undefined && { requestId }),
        ...(response.headers.get('retry-after') !== null && { retryAfter: response.headers.get('retry-after') ?? '' }),
        // Graph's JSON error is kept whole to be parsed (the transport bounds a response's size);
        // any other body only for an excerpt
        text: /json/i.test(contentType) ? errorBody : errorBody.slice(0, 65536),
      });
    } else {
      redirects = 0;
      onError(undefined);
    }
    if (settings.debug) {
      trace(`< ${response.status} ${response.statusText} (${Date.now() - started} ms)`);
      for (const [name, value] of response.headers.entries()) trace(`< ${name}: ${redactTraceHeader(name, value)}`);
      if (errorBody) for (const line of errorBody.split('\n')) trace(`< ${line}`);
    }
    return response;
  };
}

export interface GraphConnection {
  /** What a command sends through: the request adapter and the base URL (see builder-calls.ts). */
  readonly client: BuilderConnection;
  /** The last error response (status ≥ 400) of the latest request, if it failed. */
  readonly lastErrorResponse: () => ErrorResponse | undefined;
  /** The `client-request-id` the latest request carried. */
  readonly lastClientRequestId: () => string | undefined;
}

/** The generated client on a fresh adapter: authenticated unless `settings.token` is absent. */
export async function createClient(settings: HttpSettings): Promise<GraphConnection> {
  const { FetchRequestAdapter, KiotaClientFactory, MiddlewareFactory, RetryHandler, RetryHandlerOptions, withRedirectGuard } = await import('./http-stack.js');
  let lastError: ErrorResponse | undefined;
  let lastClientRequestId: string | undefined;
  const clock = new CallClock(settings.timeoutMs);
  const customFetch = tracingFetch(
    settings,
    clock,
    (response) => (lastError = response),
    (id) => (lastClientRequestId = id),
  );
  // Kiota's default chain, with a retry policy that waits only while the call stays within
  // --timeout (a Retry-After of an hour fails at once instead of hanging) and says so on stderr.
  const retryOptions: InstanceType<typeof RetryHandlerOptions> = new RetryHandlerOptions({
    shouldRetry: (delay, attempt, _url, _init, response) => {
      const asked = retryAfterSeconds(response.headers.get('retry-after'));
      const waitSeconds = asked ?? delay;
      const remaining = clock.remainingMs();
      if (remaining !== undefined && waitSeconds * 1000 >= remaining) return false;
      const what = response.status === 429 ? 'throttled the request (429 Too Many Requests)' : `was unavailable (${response.status} ${response.statusText || 'Service Unavailable'})`;
      const why = asked !== undefined ? 'as its Retry-After asks' : 'before trying again';
      io().stderr.write(`mgkit: the service ${what}; waiting ${waitSeconds} s ${why} (retry ${attempt + 1} of ${retryOptions.maxRetries})\n`);
      return true;
    },
  });
  const retry = new RetryHandler(retryOptions);
  // the client package's guard: no redirect carries the body or the token to another origin or over http
  const middlewares = withRedirectGuard(MiddlewareFactory.getDefaultMiddlewares(customFetch as unknown as typeof fetch).map((middleware) => (middleware instanceof RetryHandler ? retry : middleware)));
  const httpClient = KiotaClientFactory.create(customFetch as unknown as typeof fetch, middlewares);
  const auth = settings.token ? bearerProvider(settings.token) : anonymous;
  const adapter = new FetchRequestAdapter(auth, undefined, undefined, httpClient);
  // set here as the client's requestBuilderAt sets it: every call is built without the client
  const baseUrl = settings.baseUrl.replace(/\/+$/, '');
  adapter.baseUrl = baseUrl;
  return { client: { adapter, baseUrl }, lastErrorResponse: () => lastError, lastClientRequestId: () => lastClientRequestId };
}

/** Response headers inspection (Kiota's HeadersInspectionOptions), loaded with the client. */
export async function createHeadersInspection(): Promise<{ option: unknown; responseHeaders: () => Record<string, string | string[]> }> {
  const { HeadersInspectionOptions } = await import('./http-stack.js');
  const option = new HeadersInspectionOptions({ inspectResponseHeaders: true });
  return {
    option,
    responseHeaders: () => {
      const result: Record<string, string | string[]> = {};
      for (const [name, values] of option.getResponseHeaders().entries()) {
        const list = [...values];
        result[name] = list.length === 1 ? (list[0] ?? '') : list;
      }
      return Object.fromEntries(Object.entries(result).sort(([a], [b]) => (a < b ? -1 : 1)));
    },
  };
}
