/**
 * `mgkit login --debug`: traces the identity library's HTTP calls on stderr, as `--debug` does
 * for Graph calls (`>` out, `<` in, every body line marked). The authority's form fields and
 * JSON members that carry a credential (client secret, assertion, codes, tokens) are masked,
 * and every registered secret is scrubbed on top.
 */
import type { TokenCredentialOptions } from '@azure/identity';
import { io } from '../io.js';
import { MASK, redactHeader, scrubText } from '../redact.js';

type PipelinePolicy = NonNullable<TokenCredentialOptions['additionalPolicies']>[number]['policy'];

/** OAuth 2.0 parameters and token-response members that are credentials. */
const SECRET_FIELDS = new Set(['client_secret', 'client_assertion', 'assertion', 'password', 'code', 'device_code', 'refresh_token', 'access_token', 'id_token', 'client_info']);

/** Managed-identity endpoints take a secret in a header of their own (App Service, Service Fabric). */
const SECRET_HEADERS = new Set(['x-identity-header', 'secret', 'x-ms-client-secret']);

function header(name: string, value: string): string {
  return SECRET_HEADERS.has(name.toLowerCase()) ? MASK : redactHeader(name, value);
}

function trace(line: string): void {
  io().stderr.write(`${scrubText(line)}\n`);
}

/** A form-encoded or JSON body with its credential fields masked; other text as it is. */
export function maskAuthBody(text: string): string {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      const parsed = JSON.parse(trimmed) as Record<string, unknown>;
      for (const key of Object.keys(parsed)) if (SECRET_FIELDS.has(key.toLowerCase())) parsed[key] = MASK;
      return JSON.stringify(parsed, null, 2);
    } catch {
      return text;
    }
  }
  if (/^[\w.%-]+=/.test(trimmed) && !trimmed.includes('\n')) {
    const fields = new URLSearchParams(trimmed).entries();
    return Array.from(fields, ([key, value]) => `${key}=${SECRET_FIELDS.has(key.toLowerCase()) ? MASK : value}`).join('\n');
  }
  return text;
}

function traceBody(direction: '>' | '<', body: unknown): void {
  if (typeof body !== 'string' || body === '') return;
  for (const line of maskAuthBody(body).split('\n')) trace(`${direction} ${line}`);
}

export function loginTracePolicy(): PipelinePolicy {
  return {
    name: 'mgkitLoginTrace',
    async sendRequest(request, next) {
      trace(`> ${request.method} ${request.url}`);
      for (const [name, value] of request.headers) trace(`> ${name}: ${header(name, value)}`);
      traceBody('>', request.body);
      const started = Date.now();
      const response = await next(request);
      trace(`< ${response.status} (${Date.now() - started} ms)`);
      for (const [name, value] of response.headers) trace(`< ${name}: ${header(name, value)}`);
      traceBody('<', response.bodyAsText);
      return response;
    },
  };
}
