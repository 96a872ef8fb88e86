/**
 * Whatever a command threw, as one stderr line and an exit code: API errors (status, OData
 * code, message, request-id), timeouts, unreachable services, and the CLI's own errors.
 * Never a stack trace; registered secrets are scrubbed from the line.
 */
import { CliError, ExitCode } from './errors.js';
import { scrubText } from './redact.js';
import { io } from './io.js';
import { safeLine } from './terminal.js';

export class TimeoutError extends Error {
  constructor(readonly seconds: number) {
    super(`the request timed out after ${seconds} s (--timeout)`);
  }
}

/** The service could not be reached: DNS, refused connection, TLS; or the connection broke mid-response. */
export class NetworkError extends Error {
  constructor(
    readonly url: string,
    readonly code: string | undefined,
    detail: string,
    /** The response had begun: the request reached the service and may have been processed. */
    readonly afterResponse = false,
  ) {
    super(afterResponse ? brokenMessage(url, code, detail) : networkMessage(url, code, detail));
  }
}

/** `https://host:port` of a URL, or the text as given when it is not one. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

function brokenMessage(url: string, code: string | undefined, detail: string): string {
  return `the connection to ${originOf(url)} broke after the response began (${code ?? detail}); the request may have been processed: check before sending it again`;
}

const TLS_CODES = /^(EPROTO|ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_OSSL_)/;

function networkMessage(url: string, code: string | undefined, detail: string): string {
  const origin = originOf(url);
  const reason = code ?? detail.split('\n')[0]?.trim() ?? 'unknown error';
  if (code && TLS_CODES.test(code)) {
    return `TLS connection to ${origin} failed (${reason}); check --base-url (https:// to a TLS port) and, for a private CA, NODE_EXTRA_CA_CERTS`;
  }
  return `cannot reach ${origin} (${reason}); check --base-url, --cloud and the network`;
}

/** The last error response the transport saw, for errors the client could not parse. */
export interface ErrorResponse {
  readonly status: number;
  readonly statusText: string;
  readonly contentType: string;
  readonly requestId?: string;
  /** `Retry-After` of a 429 or 503 that was not retried (the wait would pass --timeout). */
  readonly retryAfter?: string;
  /** Retries already made when this 429/503 came: at the limit, it was the last try. */
  readonly retriesExhausted?: number;
  /** A redirect that was not followed further (the limit was reached): where it pointed, and how many came before. */
  readonly redirect?: { readonly location: string; readonly count: number };
  readonly text: string;
}

/** Status, OData code/message and request-id of a failed call. */
export interface ApiFailure {
  readonly status?: number;
  readonly code?: string;
  readonly message: string;
  readonly requestId?: string;
}

function pick(record: unknown, ...names: string[]): unknown {
  if (!record || typeof record !== 'object') return undefined;
  const object = record as Record<string, unknown>;
  for (const name of names) {
    if (object[name] !== undefined && object[name] !== null) return object[name];
    const additional = object['additionalData'] as Record<string, unknown> | undefined;
    if (additional && additional[name] !== undefined && additional[name] !== null) return additional[name];
  }
  return undefined;
}

/** From the client's ODataError (or any error Kiota built from a response). */
export function describeApiFailure(error: unknown): ApiFailure | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const status = pick(error, 'responseStatusCode');
  if (typeof status !== 'number') return undefined;
  const main = pick(error, 'errorEscaped', 'error');
  const inner = pick(main, 'innerError', 'innererror');
  const headers = pick(error, 'responseHeaders') as Record<string, string[] | string> | undefined;
  const headerValue = (name: string): string | undefined => {
    if (!headers) return undefined;
    const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
    return Array.isArray(entry) ? entry[0] : entry;
  };
  const code = pick(main, 'code');
  const message = pick(main, 'message') ?? (error as Error).message;
  const requestId = headerValue('request-id') ?? pick(inner, 'requestId', 'request-id');
  return {
    status,
    ...(typeof code === 'string' && { code }),
    message: typeof message === 'string' && message ? message : `HTTP ${status}`,
    ...(typeof requestId === 'string' && { requestId }),
  };
}

/** Graph's JSON error (`{"error": {"code", "message", "innerError": {"request-id"}}}`), when the response is one: read as the client's ODataError is. */
function describeODataResponse(response: ErrorResponse): ApiFailure | undefined {
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    return undefined;
  }
  const main = pick(body, 'error');
  if (!main || typeof main !== 'object') return undefined;
  return describeApiFailure({ responseStatusCode: response.status, responseHeaders: response.requestId === undefined ? {} : { 'request-id': [response.requestId] }, error: main });
}

/** A response that is not an OData error (an HTML gateway page, plain text). */
function describeErrorResponse(response: ErrorResponse): ApiFailure {
  const text = response.text
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const excerpt = text.length > 160 ? `${text.slice(0, 157)}...` : text;
  const kind = response.contentType ? ` (${response.contentType.split(';')[0]} response)` : '';
  return {
    status: response.status,
    ...(response.statusText && { code: response.statusText }),
    message: `${excerpt || 'no error details'}${kind}`,
    ...(response.requestId !== undefined && { requestId: response.requestId }),
  };
}

function failureLine(failure: ApiFailure, clientRequestId: string | undefined): string {
  const parts = [`${failure.status ?? ''}${failure.code ? ` ${failure.code}` : ''}:`.replace(/^ /, ''), failure.message];
  // both ids, as Graph support asks for them
  const ids = [...(failure.requestId ? [`request-id: ${failure.requestId}`] : []), ...(clientRequestId && clientRequestId !== failure.requestId ? [`client-request-id: ${clientRequestId}`] : [])];
  if (ids.length > 0) parts.push(`(${ids.join(', ')})`);
  return parts.join(' ');
}

function failureExitCode(status: number | undefined): number {
  if (status === 404) return ExitCode.notFound;
  if (status === 401 || status === 403) return ExitCode.auth;
  return ExitCode.api;
}

/** The permissions an operation needs (least privileged), to name the fix on a 403. */
export interface NeededPermissions {
  readonly delegated?: readonly string[];
  readonly application?: readonly string[];
}

/** `; it needs delegated X (sign in with: mgkit login --scopes X) or application Y` */
function permissionHint(needed: NeededPermissions | undefined, bin: string): string {
  if (!needed?.delegated?.length && !needed?.application?.length) return '';
  const kinds = [
    ...(needed.delegated?.length ? [`delegated ${needed.delegated.join(', ')} (sign in with: ${bin} login --scopes ${needed.delegated.join(' ')})`] : []),
    ...(needed.application?.length ? [`application ${needed.application.join(', ')} (granted to the app, then ${bin} login --client-secret …)`] : []),
  ];
  return `; this call needs ${kinds.join(' or ')}`;
}

/**
 * Prints one stderr line for whatever a call threw and returns the exit code. `lastError` is
 * the last error response the transport saw: the line describes it.
 */
export function reportFailure(error: unknown, prefix = '', lastError?: ErrorResponse, needed?: NeededPermissions, bin = 'mgkit', clientRequestId?: string): number {
  const write = (text: string): void => {
    // the server's message may hold escape sequences: one plain line, secrets scrubbed
    const line = safeLine(text).trim();
    io().stderr.write(`${scrubText(`error: ${prefix}${line}`)}\n`);
  };
  if (error instanceof CliError) {
    write(error.message);
    return error.exitCode;
  }
  if (error instanceof TimeoutError || error instanceof NetworkError) {
    write(error.message);
    return ExitCode.api;
  }
  if (error instanceof Error && error.name === 'RedirectRefusedError') {
    write(`${error.message}; nothing was sent there (check --base-url)`);
    return ExitCode.api;
  }
  // a failed response is described from what the service sent: Graph's JSON error, else an
  // excerpt of the body; an error without a response from what the client made of it
  const api = describeApiFailure(error);
  if (lastError?.redirect) {
    write(
      `the service kept redirecting: ${lastError.redirect.count} redirects, the last a ${lastError.status} to ${lastError.redirect.location}; mgkit stops there (a redirect loop?), check --base-url`,
    );
    return ExitCode.api;
  }
  const failure = lastError ? (describeODataResponse(lastError) ?? (api?.code !== undefined ? api : describeErrorResponse(lastError))) : api;
  if (failure) {
    const sameResponse = lastError !== undefined && lastError.status === failure.status;
    const retried = sameResponse && lastError.retriesExhausted !== undefined ? ` (still ${lastError.status} after ${lastError.retriesExhausted} retries; try again later)` : '';
    const retryAfter =
      !retried && sameResponse && lastError.retryAfter !== undefined
        ? ` (the service asks to retry after ${lastError.retryAfter}${/^\d+$/.test(lastError.retryAfter) ? ' s' : ''}, past --timeout)`
        : '';
    const forbidden = failure.status === 403 ? permissionHint(needed, bin) : '';
    write(`${failureLine(failure, clientRequestId)}${retried}${retryAfter}${forbidden}`);
    return failureExitCode(failure.status);
  }
  const message = error instanceof Error ? error.message : String(error);
  write(message.split('\n')[0] ?? message);
  return ExitCode.api;
}
