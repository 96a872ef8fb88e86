/**
 * The transport under Kiota's middleware: a fetch-compatible function on `node:http(s)`.
 *
 * Why not the global `fetch`: in Node 20 its first use loads undici and compiles its llhttp
 * WebAssembly parser, ~100 ms of a ~60 ms process — more than the rest of a call. Kiota's
 * `HttpClient` takes any `(url, init) => Promise<Response>`; this one reads the (small, JSON)
 * response fully and answers with a minimal `Response` (status, headers, body, arrayBuffer,
 * text, json, clone). No `Accept-Encoding` is sent, so bodies come uncompressed.
 */
import { type IncomingHttpHeaders, request as httpRequest } from 'node:http';

/** Response headers: lower-case names, values joined with `, ` as fetch does. */
class ResponseHeaders {
  private readonly values = new Map<string, string>();

  constructor(raw: readonly string[]) {
    for (let index = 0; index + 1 < raw.length; index += 2) {
      const name = (raw[index] as string).toLowerCase();
      const value = raw[index + 1] as string;
      const existing = this.values.get(name);
      this.values.set(name, existing === undefined ? value : `${existing}, ${value}`);
    }
  }

  get(name: string): string | null {
    return this.values.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.values.has(name.toLowerCase());
  }

  forEach(callback: (value: string, name: string) => void): void {
    for (const [name, value] of this.entries()) callback(value, name);
  }

  entries(): IterableIterator<[string, string]> {
    return [...this.values.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))[Symbol.iterator]();
  }

  keys(): IterableIterator<string> {
    return [...this.values.keys()].sort()[Symbol.iterator]();
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}

class BufferedResponse {
  readonly ok: boolean;
  readonly redirected = false;
  readonly type = 'basic';
  bodyUsed = false;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    readonly headers: ResponseHeaders,
    private readonly bytes: Uint8Array | null,
  ) {
    this.ok = status >= 200 && status < 300;
  }

  /** A stream over the bytes (null when there are none), as fetch's `body`. */
  get body(): ReadableStream<Uint8Array> | null {
    const bytes = this.bytes;
    if (!bytes || bytes.byteLength === 0) return null;
    return new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    });
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    this.bodyUsed = true;
    const bytes = this.bytes ?? new Uint8Array();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  async text(): Promise<string> {
    return new TextDecoder().decode(await this.arrayBuffer());
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text()) as unknown;
  }

  clone(): BufferedResponse {
    return new BufferedResponse(this.url, this.status, this.statusText, this.headers, this.bytes);
  }
}

function requestHeaders(headers: RequestInit['headers']): Record<string, string> {
  const result: Record<string, string> = {};
  if (!headers) return result;
  if (Array.isArray(headers)) {
    for (const [name, value] of headers) result[String(name)] = String(value);
  } else if (typeof (headers as { forEach?: unknown }).forEach === 'function' && !(headers instanceof Map)) {
    (headers as { forEach(callback: (value: string, name: string) => void): void }).forEach((value, name) => (result[name] = value));
  } else {
    for (const [name, value] of Object.entries(headers as Record<string, string>)) result[name] = String(value);
  }
  return result;
}

function requestBody(body: RequestInit['body']): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new TypeError('unsupported request body type (expected a string or bytes)');
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * The most a response body may hold. Responses are read whole (they are JSON for people and
 * scripts); a bigger one is refused instead of held in memory (a 1 GB body took 3.4 GB).
 */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

export class ResponseTooLargeError extends Error {
  constructor(
    readonly origin: string,
    readonly limit: number,
  ) {
    super(`the response from ${origin} is larger than ${limit / 1024 / 1024} MiB, the most mgkit reads; nothing was printed (use --query or $select to ask for less)`);
  }
}

/** The connection broke after the response began: the service may have done the work. */
export class ResponseBrokenError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
  ) {
    super(`the connection broke after a ${status} response began (${code ?? 'closed early'})`);
  }
}

export async function nodeFetch(input: string | URL, init: RequestInit = {}): Promise<Response> {
  const url = new URL(typeof input === 'string' ? input : input.href);
  // TLS loads only for https (plain http is for local servers)
  const send = url.protocol === 'https:' ? (await import('node:https')).request : url.protocol === 'http:' ? httpRequest : undefined;
  if (!send) throw new TypeError(`unsupported protocol ${url.protocol}`);
  const method = (init.method ?? 'GET').toUpperCase();
  const body = requestBody(init.body);
  const headers = requestHeaders(init.headers);
  if (body && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-length')) headers['content-length'] = String(body.byteLength);
  return new Promise((resolve, reject) => {
    const outgoing = send(url, { method, headers: headers as IncomingHttpHeaders, ...(init.signal && { signal: init.signal }) }, (incoming) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let ended = false;
      incoming.on('data', (chunk: Buffer) => {
        size += chunk.byteLength;
        if (size > MAX_RESPONSE_BYTES) {
          incoming.destroy();
          outgoing.destroy();
          reject(new ResponseTooLargeError(url.origin, MAX_RESPONSE_BYTES));
          return;
        }
        chunks.push(chunk);
      });
      const broken = (error?: Error): void => {
        if (!ended) reject(init.signal?.aborted ? (error ?? new Error('aborted')) : new ResponseBrokenError(incoming.statusCode ?? 0, (error as NodeJS.ErrnoException | undefined)?.code));
      };
      incoming.on('error', broken);
      incoming.on('close', () => broken());
      incoming.on('end', () => {
        ended = true;
        const status = incoming.statusCode ?? 0;
        const bytes = NULL_BODY_STATUSES.has(status) || method === 'HEAD' ? null : Buffer.concat(chunks);
        resolve(new BufferedResponse(url.href, status, incoming.statusMessage ?? '', new ResponseHeaders(incoming.rawHeaders), bytes) as unknown as Response);
      });
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
