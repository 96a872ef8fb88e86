/**
 * `--what-if` (the request the client would send, secrets redacted) and `--confirm` (a y/N
 * question on the terminal).
 */
import type { CommandDefinition, OperationDefinition } from './definition.js';
import { CliError, ExitCode } from './errors.js';
import { MASK, redactHeader, scrubText } from './redact.js';
import { redactSecrets } from './validate.js';

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

export function whatIfText(command: CommandDefinition, operation: OperationDefinition, label: string, info: RequestInformationLike): string {
  const lines = [`What if: performing ${command.cmdlet ?? command.path.join(' ')} (${label}); nothing is sent.`];
  lines.push(`${info.httpMethod ?? operation.method} ${info.URL}`);
  const headers = new Map<string, string>();
  for (const [name, set] of info.headers.entries()) headers.set(name, [...set].join(', '));
  if (![...headers.keys()].some((name) => name.toLowerCase() === 'authorization')) headers.set('Authorization', `Bearer ${MASK}`);
  for (const [name, value] of [...headers.entries()].sort(([a], [b]) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1))) {
    lines.push(`${name}: ${redactHeader(name, value)}`);
  }
  if (info.content && info.content.byteLength > 0) {
    lines.push('', redactBodyText(new TextDecoder().decode(info.content), operation, command));
  }
  return scrubText(lines.join('\n'));
}

/** Asks on the terminal; Ctrl+C is an interruption (exit 130), not an API error. */
export async function askConfirmation(question: string): Promise<boolean> {
  const { createInterface } = await import('node:readline/promises');
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  const interrupted = new Promise<never>((_, reject) => prompt.once('SIGINT', () => reject(new CliError('interrupted at the confirmation prompt; nothing was sent', ExitCode.interrupted))));
  try {
    const answer = await Promise.race([prompt.question(`${question} [y/N] `), interrupted]);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    prompt.close();
  }
}
