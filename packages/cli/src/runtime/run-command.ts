/**
 * Runs one generated command: parse the options, plan every call (inputs read and validated
 * before any request, see plan.ts), then per call: what-if, confirm, send through the
 * generated client, print the result, write the response headers.
 */
import { accessSync, constants, existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type CommandLine, parseOrAnswer, type RunContext } from './command-line.js';
import type { CommandModule, PreparedCall } from './definition.js';
import { AuthError, ExitCode, UsageError } from './errors.js';
import { reportFailure } from './failures.js';
import type { GlobalSettings } from './globals.js';
import { createClient, createHeadersInspection } from './http.js';
import { prefetchStdin } from './inputs.js';
import { checkQuery, printResult } from './output.js';
import { checkBinaryDestination, followPages, printItems, writeBinary } from './pages.js';
import { planCalls, readsStdin } from './plan.js';
import { responseValue } from './response-body.js';
import { scrubText } from './redact.js';
import { type RequestInformationLike, askConfirmation, redactBodyText, whatIfData, whatIfRequest, whatIfText } from './what-if.js';
import { io } from './io.js';

export type { RunContext } from './command-line.js';

function unwritableSink(sink: string, error: unknown): UsageError {
  return new UsageError(`--response-headers ${sink}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
}

function writeResponseHeaders(sink: string, headers: Record<string, string | string[]>): void {
  // a server may echo a secret in a header: the file gets the same scrubbing as the terminal
  const text = scrubText(`${JSON.stringify(headers, null, 2)}\n`);
  if (sink === '-') {
    io().stdout.write(text);
    return;
  }
  try {
    writeFileSync(sink, text);
  } catch (error) {
    throw unwritableSink(sink, error);
  }
}

/** Whether --response-headers can write its file, checked before anything is sent (exit 2 means nothing was). */
function checkResponseHeadersSink(sink: string | undefined): void {
  if (sink === undefined || sink === '-') return;
  const target = existsSync(sink) ? sink : dirname(resolve(sink));
  try {
    if (existsSync(sink) && statSync(sink).isDirectory()) throw Object.assign(new Error('a directory'), { code: 'EISDIR' });
    accessSync(target, constants.W_OK);
  } catch (error) {
    throw unwritableSink(sink, error);
  }
}

/**
 * The bearer token for each request: the cached one while valid, refreshed near expiry — a
 * long `--input-object -` pipeline outlives a token. Auth loads lazily.
 */
async function tokenSource(globals: GlobalSettings): Promise<() => Promise<string>> {
  const { resolveAccessToken } = await import('./auth/token.js');
  return () => resolveAccessToken({ cloud: globals.cloud });
}

export async function runCommand(module: CommandModule, argv: readonly string[], context: RunContext): Promise<number> {
  const commandLine = parseOrAnswer(module.definition, argv, context);
  return typeof commandLine === 'number' ? commandLine : runParsedCommand(module, commandLine, context);
}

/** Runs a command whose arguments `parseOrAnswer` parsed (and which asked for more than help). */
export async function runParsedCommand(module: CommandModule, { parsed, globals }: CommandLine, context: RunContext): Promise<number> {
  const command = module.definition;
  const stdinReaders = command.options.filter((option) => readsStdin(option, parsed.options.get(option.name) ?? []));
  if (stdinReaders.length > 1) throw new UsageError(`${stdinReaders.map((option) => `--${option.name} -`).join(' and ')}: only one option can read stdin; give the others @file or a value`);
  const fromStdin = stdinReaders[0];
  if (fromStdin) await prefetchStdin(fromStdin.name);
  const plan = planCalls(command, parsed.options);
  await checkQuery(globals.query);
  if (plan.confirm && !plan.whatIf && !globals.yes) {
    const interactive = io().stdin.isTTY === true && io().stderr.isTTY === true && !plan.stdinUsed;
    if (!interactive) throw new UsageError('--confirm needs a terminal to ask on; pass --yes to confirm without one');
  }
  const redactBody = (text: string): string => redactBodyText(text, plan.operation, command);
  if (plan.whatIf) {
    const { client } = await createClient({ baseUrl: globals.baseUrl, debug: false, redactBody });
    const { signInState } = await import('./auth/token.js');
    const signIn = signInState({ cloud: globals.cloud });
    const requests = [];
    for (const entry of plan.calls) {
      const info = (await module.toRequestInformation(client, { ...entry.call, config: { ...entry.call.config, headers: { ...plan.headers } } })) as RequestInformationLike;
      requests.push(whatIfRequest(command, plan.operation, entry.label, info, signIn));
    }
    // text for people; with an output format or a --query asked for (-o json, MGKIT_OUTPUT), data for scripts
    const asData = (parsed.globals['output'] !== undefined || io().env['MGKIT_OUTPUT'] !== undefined || globals.query !== undefined) && globals.output !== 'none';
    if (asData) {
      const data = requests.map(whatIfData);
      await printResult(data.length === 1 ? data[0] : data, globals.output, globals.query, globals.color);
    } else {
      for (const request of requests) io().stdout.write(`${whatIfText(request)}\n`);
    }
    return ExitCode.ok;
  }
  checkResponseHeadersSink(plan.responseHeadersSink);
  const binaryResponse = plan.operation.success.contentType !== undefined;
  if (binaryResponse) checkBinaryDestination(plan.outputFile, plan.passThru);
  // one file cannot take the bytes of several records: each would overwrite the last
  if (binaryResponse && plan.outputFile !== undefined && plan.calls.length > 1) {
    throw new UsageError(`--output-file ${plan.outputFile}: ${plan.calls.length} records would each overwrite it; download one record at a time`);
  }
  const token = await tokenSource(globals);
  const connection = await createClient({ baseUrl: globals.baseUrl, timeoutMs: globals.timeoutMs, debug: globals.debug, token, redactBody, product: `${context.bin}/${context.version()}` });
  let exitCode: number = ExitCode.ok;
  const many = plan.calls.length > 1;
  for (const [index, entry] of plan.calls.entries()) {
    const prefix = many ? `record ${index + 1}/${plan.calls.length} (${entry.label}): ` : '';
    if (plan.confirm && !globals.yes) {
      const yes = await askConfirmation(`Perform ${command.cmdlet ?? command.path.join(' ')} on ${entry.label}?`);
      if (!yes) {
        io().stderr.write(`${prefix}skipped\n`);
        continue;
      }
    }
    const inspection = plan.responseHeadersSink !== undefined ? await createHeadersInspection() : undefined;
    const call: PreparedCall = {
      ...entry.call,
      config: { ...entry.call.config, headers: { ...plan.headers }, ...(inspection && { options: [inspection.option] }) },
    };
    try {
      const bytes = (await module.send(connection.client, call)) as ArrayBuffer | undefined;
      if (inspection && plan.responseHeadersSink !== undefined) writeResponseHeaders(plan.responseHeadersSink, inspection.responseHeaders());
      if (binaryResponse) writeBinary(bytes, plan.outputFile);
      const schema = plan.operation.success.schema;
      // a next page is a GET of its link: an action's builder (POST) has no get
      if (plan.all && plan.operation.pageable && plan.operation.method.toUpperCase() === 'GET' && module.sendPage && !plan.passThru) {
        const sendPage = module.sendPage;
        const pages = followPages(
          responseValue(bytes, schema),
          async (nextLink) => responseValue((await sendPage(connection.client, call, nextLink)) as ArrayBuffer | undefined, schema),
          globals.baseUrl,
        );
        await printItems(pages, parsed.globals['output'] !== undefined || io().env['MGKIT_OUTPUT'] !== undefined ? globals.output : 'ndjson', globals.query, globals.color);
      } else if (!binaryResponse || plan.passThru) {
        await printResult(plan.passThru ? true : responseValue(bytes, schema), globals.output, globals.query, globals.color);
      }
      if (many) io().stderr.write(`${prefix}ok\n`);
    } catch (error) {
      // no credentials, or a refused plain-http token: the same for every record
      if (error instanceof AuthError || error instanceof UsageError) throw error;
      if (inspection && plan.responseHeadersSink !== undefined) {
        const headers = inspection.responseHeaders();
        if (Object.keys(headers).length > 0) writeResponseHeaders(plan.responseHeadersSink, headers);
      }
      const code = reportFailure(error, prefix, connection.lastErrorResponse(), plan.operation.permissions, context.bin, connection.lastClientRequestId());
      if (exitCode === ExitCode.ok) exitCode = code;
    }
  }
  return exitCode;
}
