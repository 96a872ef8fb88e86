/**
 * `--what-if` (the request the client would send, secrets redacted) and `--confirm` (a y/N
 * question on the terminal).
 */
import type { CommandDefinition, OperationDefinition } from './definition.js';
import { CliError, ExitCode } from './errors.js';
import { MASK, redactHeader, scrubText } from './redact.js';
import { redactSecrets } from './validate.js';
import { io } from './io.js';

/** The parts of Kiota's `RequestInformation` the what-if text shows. */
export interface RequestInformationLike {
  readonly URL: string;
  readonly httpMethod?: string;
  readonly headers: Map<string, Set<string>>;
  readonly content?: ArrayBuffer;
}

/** A JSON body with the schema's secret values (`x-secret`) masked. */
export function redactBodyText(text: string, operation: OperationDefinition, command: CommandDefinition): string {
  try {
    const parsed = JSON.parse(text) as unknown;
    return JSON.stringify(redactSecrets(parsed, operation.body?.schema, command.$defs, MASK), null, 2);
  } catch {
    return scrubText(text);
  }
}

/** The request `--what-if` shows: method, URL, headers (credentials masked) and body (secrets masked). */
export interface WhatIfRequest {
  readonly operation: string;
  readonly target: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  /** The JSON body as text, secret values masked. */
  readonly body?: string;
  /** Why the call would be sent without credentials (not signed in), when it would. */
  readonly notSignedIn?: string;
}

/** A JSON body as text, secrets masked; a binary one (`--in-file`) by its size only. */
function bodyPreview(content: ArrayBuffer, operation: OperationDefinition, command: CommandDefinition): string {
  const contentType = operation.body?.contentType ?? '';
  if (contentType !== '' && !/json/i.test(contentType)) return `<${content.byteLength} bytes of ${contentType}>`;
  return redactBodyText(new TextDecoder().decode(content), operation, command);
}

export function whatIfRequest(
  command: CommandDefinition,
  operation: OperationDefinition,
  label: string,
  info: RequestInformationLike,
  signIn: { readonly signedIn: boolean; readonly why?: string },
): WhatIfRequest {
  const headers = new Map<string, string>();
  for (const [name, set] of info.headers.entries()) headers.set(name, [...set].join(', '));
  // the token is shown masked only when there is one to send
  if (signIn.signedIn && ![...headers.keys()].some((name) => name.toLowerCase() === 'authorization')) headers.set('Authorization', `Bearer ${MASK}`);
  const sorted = [...headers.entries()].sort(([a], [b]) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
  return {
    operation: command.cmdlet ?? command.path.join(' '),
    target: label,
    method: info.httpMethod ?? operation.method,
    url: info.URL,
    headers: Object.fromEntries(sorted.map(([name, value]) => [name, scrubText(redactHeader(name, value))])),
    ...(info.content && info.content.byteLength > 0 && { body: bodyPreview(info.content, operation, command) }),
    ...(!signIn.signedIn && signIn.why !== undefined && { notSignedIn: signIn.why }),
  };
}

/** The what-if as text: a sentence, the request line, the headers, the body. */
export function whatIfText(request: WhatIfRequest): string {
  const lines = [`What if: performing ${request.operation} (${request.target}); nothing is sent.`];
  if (request.notSignedIn !== undefined) lines.push(`Sent now, it would carry no credentials and fail (exit 4): ${request.notSignedIn}.`);
  lines.push(`${request.method} ${request.url}`);
  for (const [name, value] of Object.entries(request.headers)) lines.push(`${name}: ${value}`);
  if (request.body !== undefined) lines.push('', request.body);
  return scrubText(lines.join('\n'));
}

/** The what-if as data, for `-o json` / `-o yaml` (and --query): the body parsed back from its masked text. */
export function whatIfData(request: WhatIfRequest): Record<string, unknown> {
  let body: unknown = request.body;
  if (request.body !== undefined) {
    try {
      body = JSON.parse(scrubText(request.body)) as unknown;
    } catch {
      body = scrubText(request.body);
    }
  }
  return {
    whatIf: true,
    operation: request.operation,
    target: request.target,
    signedIn: request.notSignedIn === undefined,
    ...(request.notSignedIn !== undefined && { notSignedIn: request.notSignedIn }),
    method: request.method,
    url: scrubText(request.url),
    headers: request.headers,
    ...(body !== undefined && { body }),
  };
}

/** Asks on the terminal; Ctrl+C is an interruption (exit 130), not an API error. */
export async function askConfirmation(question: string): Promise<boolean> {
  const { createInterface } = await import('node:readline/promises');
  const prompt = createInterface({ input: io().stdin, output: io().stderr as NodeJS.WritableStream });
  const interrupted = new Promise<never>((_, reject) => prompt.once('SIGINT', () => reject(new CliError('interrupted at the confirmation prompt; nothing was sent', ExitCode.interrupted))));
  try {
    const answer = await Promise.race([prompt.question(`${question} [y/N] `), interrupted]);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    prompt.close();
  }
}
