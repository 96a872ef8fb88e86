/**
 * Responses that are not one JSON document: collections read page by page (`--all` follows
 * `@odata.nextLink` and streams one item per line, NDJSON, as pages arrive) and binary
 * content (`--output-file`, or stdout when it is not a terminal).
 */
import { accessSync, constants, existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliError, ExitCode, UsageError } from './errors.js';
import { originOf } from './failures.js';
import { io } from './io.js';
import { applyQuery, type OutputFormat, printResult } from './output.js';

/** Where a binary response goes is checked before anything is sent (exit 2 means nothing was). */
export function checkBinaryDestination(outputFile: string | undefined, passThru: boolean): void {
  if (outputFile === undefined) {
    // --pass-thru prints `true`: the bytes need a file of their own
    if (passThru) throw new UsageError('--pass-thru prints true on stdout: give --output-file <file> for the binary response');
    if (io().stdout.isTTY === true) throw new UsageError('the response is binary: give --output-file <file>, or redirect stdout to a file or a pipe');
    return;
  }
  const target = existsSync(outputFile) ? outputFile : dirname(resolve(outputFile));
  try {
    if (existsSync(outputFile) && statSync(outputFile).isDirectory()) throw Object.assign(new Error('a directory'), { code: 'EISDIR' });
    accessSync(target, constants.W_OK);
  } catch (error) {
    throw new UsageError(`--output-file ${outputFile}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

function bytesOf(result: unknown): Uint8Array {
  if (result instanceof ArrayBuffer) return new Uint8Array(result);
  if (ArrayBuffer.isView(result)) return new Uint8Array(result.buffer, result.byteOffset, result.byteLength);
  return new Uint8Array();
}

/** Writes a binary response whole: to a temporary file renamed into place, so a failure leaves no half file. */
export function writeBinary(result: unknown, outputFile: string | undefined): void {
  const bytes = bytesOf(result);
  if (outputFile === undefined) {
    io().stdout.write(bytes);
    return;
  }
  const temporary = `${outputFile}.${process.pid}.mgkit-tmp`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, outputFile);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UsageError(`--output-file ${outputFile}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

type WirePage = Record<string, unknown>;

/**
 * Every page of a pageable call as on the wire, the first one given, the next ones fetched on
 * demand. A next link must stay on the service's origin (`baseUrl`): the token goes with it.
 */
export async function* followPages(first: unknown, nextPage: (nextLink: string) => Promise<unknown>, baseUrl: string): AsyncGenerator<WirePage> {
  let page = first as WirePage | undefined;
  const seen = new Set<string>();
  const origin = originOf(baseUrl);
  while (page) {
    yield page;
    const next = page['@odata.nextLink'];
    if (typeof next !== 'string' || next === '') return;
    if (originOf(next) !== origin)
      throw new CliError(`the service's @odata.nextLink leads to another origin (${originOf(next)}), not ${origin}: not followed, the token would go with it`, ExitCode.api);
    if (seen.has(next)) throw new CliError(`the service returned the same @odata.nextLink twice (${next}); stopped to avoid a loop`, ExitCode.api);
    seen.add(next);
    page = (await nextPage(next)) as WirePage | undefined;
  }
}

/**
 * `--all` output. By default NDJSON: one item per line, printed as each page arrives (`--query`
 * applies to each item); with an output format asked for, every item at the end, as one list.
 * The total (`--count`) and a delta query's `@odata.deltaLink` go to stderr, out of the data.
 */
export async function printItems(pages: AsyncIterable<WirePage>, format: OutputFormat | 'ndjson', query: string | undefined, color: boolean): Promise<void> {
  const collected: unknown[] = [];
  let count: unknown;
  let deltaLink: unknown;
  for await (const page of pages) {
    count ??= page['@odata.count'];
    deltaLink = page['@odata.deltaLink'] ?? deltaLink;
    const items = Array.isArray(page['value']) ? page['value'] : [];
    for (const item of items) {
      // --query applies to each item, streamed or collected
      const selected = await applyQuery(item, query);
      if (selected === undefined || selected === null) continue;
      if (format === 'ndjson') io().stdout.write(`${JSON.stringify(selected)}\n`);
      else collected.push(selected);
    }
  }
  if (format !== 'ndjson') await printResult(collected, format, undefined, color);
  if (count !== undefined) io().stderr.write(`count: ${String(count)}\n`);
  if (typeof deltaLink === 'string') io().stderr.write(`@odata.deltaLink: ${deltaLink}\n`);
}
