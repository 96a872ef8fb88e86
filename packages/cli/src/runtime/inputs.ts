/**
 * Option values that carry JSON: inline JSON, `@file`, or `-` (stdin). Stdin may hold one JSON
 * value or NDJSON (one value per line): `--input-object -` makes one call per record.
 */
import { readFileSync } from 'node:fs';
import { UsageError } from './errors.js';

let stdinText: string | undefined;

/** The whole of stdin (read once; a second option reading `-` is a usage error). */
export function readStdin(option: string): string {
  if (stdinText !== undefined) throw new UsageError(`--${option} -: stdin was already read by another option; pass this one inline or as @file`);
  try {
    stdinText = readFileSync(0, 'utf8');
  } catch (error) {
    throw new UsageError(`--${option} -: cannot read stdin (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return stdinText;
}

export function readFileArgument(option: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`--${option} @${file}: cannot read the file (${code === 'ENOENT' ? 'no such file' : (code ?? String(error))})`);
  }
}

/** Text of an option value: inline, `@file` or `-`. */
export function readTextArgument(option: string, value: string): { text: string; source: string } {
  if (value === '-') return { text: readStdin(option), source: 'stdin' };
  if (value.startsWith('@') && value.length > 1) return { text: readFileArgument(option, value.slice(1)), source: value.slice(1) };
  return { text: value, source: 'the value' };
}

function parseJson(option: string, text: string, source: string, line?: number): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const where = line !== undefined ? `${source} line ${line}` : source;
    throw new UsageError(`--${option}: ${where} is not valid JSON (${(error as Error).message})`);
  }
}

/** One JSON value from an option value (inline, `@file`, `-`). */
export function readJsonArgument(option: string, value: string): unknown {
  const { text, source } = readTextArgument(option, value);
  if (!text.trim()) throw new UsageError(`--${option}: ${source} is empty; expected JSON`);
  return parseJson(option, text, source);
}

/**
 * Records from an option value: one JSON value, a JSON array (one record per element) or
 * NDJSON (one per non-empty line).
 */
export function readJsonRecords(option: string, value: string): unknown[] {
  const { text, source } = readTextArgument(option, value);
  const trimmed = text.trim();
  if (!trimmed) throw new UsageError(`--${option}: ${source} is empty; expected JSON or NDJSON`);
  try {
    const whole = JSON.parse(trimmed) as unknown;
    return Array.isArray(whole) ? whole : [whole];
  } catch {
    // not a single value: NDJSON
  }
  const records: unknown[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim()) records.push(parseJson(option, line, source, index + 1));
  });
  return records;
}
