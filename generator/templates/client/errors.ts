import type { ApiError, RequestAdapter } from '@microsoft/kiota-abstractions';

/** Graph's error object (`error` in the response body): `code`, `message`, and `innerError` with `request-id` and `date`. */
export interface ODataErrorDetail {
  /** Graph's error code: `Authorization_RequestDenied`, `Request_ResourceNotFound`… */
  readonly code?: string;
  /** Graph's message for people. */
  readonly message?: string;
  /** The property or parameter the error is about, when Graph names one. */
  readonly target?: string | null;
  /** More errors, each with its own code and message. */
  readonly details?: readonly { readonly code?: string; readonly message?: string; readonly target?: string | null }[];
  /** `request-id`, `client-request-id`, `date`, by their wire names. */
  readonly innerError?: Readonly<Record<string, unknown>>;
}

/** Bytes of a body that is not Graph's JSON error kept in `bodyExcerpt`. */
const EXCERPT_LIMIT = 1024;
/** Marks an ODataError (and a hooked adapter): a registered symbol, so the check works across copies of the package. */
const BRAND = Symbol.for('mgkit.graph-client.ODataError');

/**
 * What every failed call throws: a real `Error` (with a stack, printable with `String()`), carrying
 * Graph's `error` object and the response's status, headers and request ids. A body that is not
 * Graph's JSON (an HTML 502 from a gateway) keeps its status and a bounded `bodyExcerpt`.
 *
 * @example
 * ```ts
 * try {
 *   await client.applications.byApplicationId(id).synchronization.acquireAccessToken.post(body);
 * } catch (error) {
 *   if (!isODataError(error)) throw error;
 *   console.error(error.responseStatusCode, error.code, error.message, error.requestId);
 * }
 * ```
 */
export class ODataError extends Error implements ApiError {
  override readonly name = 'ODataError';
  /** The HTTP status: 403, 404, 502… */
  readonly responseStatusCode: number;
  /** Response headers, lower-case names, each a list of values (as Kiota gives them). */
  readonly responseHeaders: Record<string, string[]>;
  /** Graph's error object, when the body was one. */
  readonly error?: ODataErrorDetail;
  /** Graph's OData error code (`Authorization_RequestDenied`), when the body had one. */
  readonly code?: string;
  /** Graph's `request-id`: quote it to Microsoft support. */
  readonly requestId?: string;
  /** The `client-request-id` this call sent (or Graph echoed). */
  readonly clientRequestId?: string;
  /** The first bytes of a body that was not Graph's JSON error. */
  readonly bodyExcerpt?: string;

  constructor(init: { status: number; statusText?: string; headers: Record<string, string[]>; error?: ODataErrorDetail; bodyExcerpt?: string; cause?: unknown }) {
    const header = (name: string) => init.headers[name]?.[0];
    const inner = init.error?.innerError;
    const requestId = header('request-id') ?? (typeof inner?.['request-id'] === 'string' ? inner['request-id'] : undefined);
    const summary = init.error?.message ?? (init.bodyExcerpt ? `HTTP ${init.status}${init.statusText ? ` ${init.statusText}` : ''}: ${init.bodyExcerpt.replace(/\s+/g, ' ').slice(0, 200)}` : `HTTP ${init.status}`);
    super(summary, init.cause === undefined ? undefined : { cause: init.cause });
    this.responseStatusCode = init.status;
    this.responseHeaders = init.headers;
    if (init.error) this.error = init.error;
    if (init.error?.code) this.code = init.error.code;
    if (requestId) this.requestId = requestId;
    const clientRequestId = header('client-request-id') ?? (typeof inner?.['client-request-id'] === 'string' ? inner['client-request-id'] : undefined);
    if (clientRequestId) this.clientRequestId = clientRequestId;
    if (init.bodyExcerpt !== undefined) this.bodyExcerpt = init.bodyExcerpt;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/** Whether a caught value is an `ODataError` from this client (works across copies of the package). */
export function isODataError(value: unknown): value is ODataError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** The parts of a fetch `Response` read here (declared, so the client compiles without DOM or Node.js types). */
interface FetchResponse {
  /** Whether the status is 2xx. */
  readonly ok: boolean;
  /** The HTTP status. */
  readonly status: number;
  /** The HTTP reason phrase. */
  readonly statusText: string;
  /** The response headers. */
  readonly headers: { forEach(callback: (value: string, key: string) => void): void };
  /** A copy whose body can be read again. */
  clone(): FetchResponse;
  /** The body as text. */
  text(): Promise<string>;
}

/** Kiota's FetchRequestAdapter checks each response with this method (an instance property). */
type ResponseCheck = (response: FetchResponse, ...rest: unknown[]) => Promise<void>;

/**
 * Makes the adapter throw `ODataError`s. Kiota throws the deserialized error model itself (a plain
 * object, or a backing-store proxy that `String()` cannot print), and a non-JSON error body fails
 * with "Content type text/html does not have a factory registered", losing the status. The
 * adapter's own check still runs; what it throws is turned into an `ODataError`.
 */
export function installODataErrors(requestAdapter: RequestAdapter): void {
  const adapter = requestAdapter as unknown as { throwIfFailedResponse?: ResponseCheck; [BRAND]?: true };
  const original = adapter.throwIfFailedResponse;
  if (typeof original !== 'function' || adapter[BRAND]) return;
  adapter[BRAND] = true;
  adapter.throwIfFailedResponse = async (response, ...rest) => {
    if (response.ok) return original.call(requestAdapter, response, ...rest);
    const copy = response.clone();
    try {
      await original.call(requestAdapter, response, ...rest);
    } catch (thrown) {
      if (isODataError(thrown)) throw thrown;
      throw await toODataError(thrown, copy);
    }
  };
}

/** The ODataError for what the adapter's check threw: Kiota's error model, Graph's JSON read by hand, or a bounded excerpt. */
async function toODataError(thrown: unknown, response: FetchResponse): Promise<ODataError> {
  const headers: Record<string, string[]> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value.split(',').map((part) => part.trim());
  });
  const modelled = (thrown as { error?: unknown } | undefined)?.error;
  const error = modelled && typeof modelled === 'object' ? plainError(modelled as Record<string, unknown>) : undefined;
  const base = { status: response.status, statusText: response.statusText, headers, cause: thrown };
  if (error) return new ODataError({ ...base, error });
  const text = await response.text().catch(() => '');
  const parsed = parseErrorBody(text);
  return parsed ? new ODataError({ ...base, error: parsed }) : new ODataError({ ...base, bodyExcerpt: text.slice(0, EXCERPT_LIMIT) });
}

/** A copy of Kiota's error model as plain data (its backing-store proxy cannot be printed). */
function plainError(model: Record<string, unknown>): ODataErrorDetail {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const inner = model['innerError'] as { additionalData?: Record<string, unknown> } | undefined;
  const details = Array.isArray(model['details']) ? (model['details'] as Record<string, unknown>[]) : undefined;
  const detail: { -readonly [K in keyof ODataErrorDetail]: ODataErrorDetail[K] } = {};
  if (text(model['code'])) detail.code = text(model['code']);
  if (text(model['message'])) detail.message = text(model['message']);
  if (details) detail.details = details.map((entry) => ({ code: text(entry['code']), message: text(entry['message']) }));
  if (inner) detail.innerError = { ...inner.additionalData };
  return detail;
}

/** Graph's JSON error body read by hand, when Kiota could not (an unexpected content type). */
function parseErrorBody(text: string): ODataErrorDetail | undefined {
  try {
    const body = JSON.parse(text) as { error?: Record<string, unknown> };
    return body && typeof body.error === 'object' && body.error !== null ? { ...(body.error as ODataErrorDetail) } : undefined;
  } catch {
    return undefined;
  }
}
