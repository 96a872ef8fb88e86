/** An HTTP server on 127.0.0.1 (ephemeral port) that records every request and answers as told. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedRequest {
  readonly method: string;
  /** Path and query exactly as received (no decoding). */
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

export interface Reply {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

export interface CaptureServer {
  readonly origin: string;
  readonly requests: CapturedRequest[];
  /** Replace how the server answers (per test). */
  reply: (request: CapturedRequest, index: number) => Reply;
  close(): Promise<void>;
}

export async function startCaptureServer(host = '127.0.0.1'): Promise<CaptureServer> {
  const requests: CapturedRequest[] = [];
  const state: CaptureServer = {
    origin: '',
    requests,
    reply: () => ({ status: 204 }),
    close: async () => undefined,
  };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const captured: CapturedRequest = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(captured);
      const answer = state.reply(captured, requests.length - 1);
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    origin: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  });
}
