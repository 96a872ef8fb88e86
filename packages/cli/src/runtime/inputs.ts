/**
 * Option values that carry JSON: inline JSON, `@file`, or `-` (stdin). Stdin may hold one JSON
 * value or NDJSON (one value per line): `--input-object -` makes one call per record.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ParseError } from 'jsonc-parser';
import { UsageError } from './errors.js';
import { io, isProcessIo, runState } from './io.js';

/**
 * Reads all of stdin asynchronously, before the (synchronous) planning reads it: a blocking
 * read would keep Ctrl+C from interrupting a user typing JSON at the terminal.
 */
export async function prefetchStdin(option: string): Promise<void> {
  if (io().stdin.isTTY) io().stderr.write(`reading --${option} from the terminal; end with Ctrl+D\n`);
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of io().stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  } catch (error) {
    throw new UsageError(`--${option} -: cannot read stdin (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const bytes = Buffer.concat(chunks);
  runState().stdinBytes = bytes;
  runState().stdinText = bytes.toString('utf8');
}

/** The bytes of a file, or of stdin with `-`: a binary request body. */
export function readBytesArgument(option: string, value: string): Uint8Array {
  if (value === '-') {
    const state = runState();
    if (state.stdinReader !== undefined) throw new UsageError(`--${option} -: stdin is already read by --${state.stdinReader}; give --${option} a file`);
    state.stdinReader = option;
    if (state.stdinBytes !== undefined) return state.stdinBytes;
    if (!isProcessIo()) throw new UsageError(`--${option} -: stdin was not read ahead for this run`);
    return readFileSync(0);
  }
  // `@file` is accepted too, as the JSON options take it
  const file = value.startsWith('@') && value.length > 1 ? value.slice(1) : value;
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = FILE_ERRORS[code] ?? (code || String(error));
    throw new UsageError(`--${option} ${file}: cannot read the file (${reason}); check the path (relative to the current folder)`);
  }
}

/** The whole of stdin (read once; a second option reading `-` is a usage error). */
export function readStdin(option: string): string {
  const state = runState();
  if (state.stdinReader !== undefined) throw new UsageError(`--${option} -: stdin is already read by --${state.stdinReader}; pass --${option} inline or as @file`);
  state.stdinReader = option;
  if (state.stdinText !== undefined) return state.stdinText;
  if (!isProcessIo()) throw new UsageError(`--${option} -: stdin was not read ahead for this run`);
  try {
    return readFileSync(0, 'utf8');
  } catch (error) {
    throw new UsageError(`--${option} -: cannot read stdin (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

const FILE_ERRORS: Readonly<Record<string, string>> = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'it is a directory', ENOTDIR: 'a folder in the path is a file' };

export function readFileArgument(option: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = FILE_ERRORS[code] ?? (code || String(error));
    throw new UsageError(`--${option} @${file}: cannot read the file (${reason}); check the path (relative to the current folder)`);
  }
}

/** Text of an option value: inline, `@file` or `-`. */
export function readTextArgument(option: string, value: string): { text: string; source: string } {
  if (value === '-') return { text: readStdin(option), source: 'stdin' };
  if (value.startsWith('@') && value.length > 1) return { text: readFileArgument(option, value.slice(1)), source: value.slice(1) };
  return { text: value, source: 'the value' };
}

/** Line and column (1-based) of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
}

/** What jsonc-parser's error codes (their enum names) mean, in the words of the error line. */
const JSON_ERRORS: Readonly<Record<string, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a property name in double quotes expected (a trailing comma?)',
  ValueExpected: 'a value expected (a trailing comma?)',
  ColonExpected: "':' expected",
  CommaExpected: "',' expected",
  CloseBraceExpected: "'}' expected",
  CloseBracketExpected: "']' expected",
  EndOfFileExpected: 'text after the JSON value',
  InvalidCommentToken: 'comments are not JSON',
  UnexpectedEndOfComment: 'comments are not JSON',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'invalid number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape in a string',
  InvalidCharacter: 'a control character in a string',
};

/**
 * What is wrong with `text` (which JSON.parse refused), without quoting it: V8's own message
 * quotes the text ("…CRET-42"},]"), which may hold a credential. jsonc-parser, held to strict
 * JSON, names the problem and its offset; the offset becomes line and column in `whole` (the text
 * starts at `offset` there). Loaded here only, on the error path, to keep calls fast.
 */
export function jsonProblem(text: string, whole = text, offset = 0): string {
  const jsonc = createRequire(import.meta.url)('jsonc-parser') as typeof import('jsonc-parser');
  const errors: ParseError[] = [];
  jsonc.parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const [first] = errors;
  if (!first) return 'it is not valid JSON (a lone surrogate or a number out of range?)';
  const code: string = jsonc.printParseErrorCode(first.error);
  const start = text.length - text.trimStart().length;
  if (first.offset >= text.trimEnd().length && code !== 'UnexpectedEndOfString') return 'it ends too early (a missing } or ]?)';
  const { line, column } = lineAndColumn(whole, offset + first.offset);
  if (code === 'InvalidSymbol' && first.offset === start) return `it does not start like JSON (unexpected character at line ${line}, column ${column})`;
  return `${JSON_ERRORS[code] ?? code} at line ${line}, column ${column}`;
}

function parseJson(option: string, text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UsageError(`--${option}: ${source} is not valid JSON: ${jsonProblem(text)}`);
  }
}

/** One JSON value from an option value (inline, `@file`, `-`). */
export function readJsonArgument(option: string, value: string): unknown {
  const { text, source } = readTextArgument(option, value);
  if (!text.trim()) throw new UsageError(`--${option}: ${source} is empty; expected JSON`);
  return parseJson(option, text, source);
}

/**
 * Where each top-level JSON value of a stream starts and ends: values one after another,
 * separated by whitespace (NDJSON, or pretty-printed objects as `jq` writes them).
 */
function splitJsonValues(text: string): { start: number; end: number }[] {
  const values: { start: number; end: number }[] = [];
  let index = 0;
  while (index < text.length) {
    while (index < text.length && /\s/.test(text.charAt(index))) index += 1;
    if (index >= text.length) break;
    const start = index;
    let depth = 0;
    let inString = false;
    for (; index < text.length; index += 1) {
      const char = text.charAt(index);
      if (inString) {
        if (char === '\\') index += 1;
        else if (char === '"') inString = false;
        if (depth === 0 && !inString) {
          index += 1;
          break;
        }
        continue;
      }
      if (char === '"') inString = true;
      else if (char === '{' || char === '[') depth += 1;
      else if (char === '}' || char === ']') {
        depth -= 1;
        if (depth <= 0) {
          index += 1;
          break;
        }
      } else if (depth === 0 && /\s/.test(char)) break;
    }
    values.push({ start, end: index });
  }
  return values;
}

/**
 * Records from an option value: one JSON value, a JSON array (one record per element), or a
 * stream of values — NDJSON, or pretty-printed objects one after another (`jq '.[]'`).
 */
export function readJsonRecords(option: string, value: string): unknown[] {
  const { text, source } = readTextArgument(option, value);
  if (!text.trim()) throw new UsageError(`--${option}: ${source} is empty; expected JSON or NDJSON`);
  const values = splitJsonValues(text);
  const records = values.map(({ start, end }, index) => {
    const slice = text.slice(start, end);
    try {
      return JSON.parse(slice) as unknown;
    } catch {
      const where = values.length > 1 ? `${source} record ${index + 1} (line ${lineAndColumn(text, start).line})` : source;
      throw new UsageError(`--${option}: ${where} is not valid JSON: ${jsonProblem(slice, text, start)}`);
    }
  });
  const [only] = records;
  return records.length === 1 && Array.isArray(only) ? only : records;
}
