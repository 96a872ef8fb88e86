/**
 * Result output: `-o json|yaml|table|tsv|none` after an optional JMESPath `--query`.
 * The YAML and JMESPath libraries load only when asked for.
 */
import { UsageError } from './errors.js';
import { io } from './io.js';
import { safeForTerminal } from './terminal.js';

export const OUTPUT_FORMATS = ['json', 'yaml', 'table', 'tsv', 'none'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function isOutputFormat(value: string): value is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(value);
}

/** Fails (exit 2) on an invalid JMESPath expression: checked before any request is sent. */
export async function checkQuery(query: string | undefined): Promise<void> {
  if (query === undefined) return;
  const { compile } = await import('@jmespath-community/jmespath');
  try {
    compile(query);
  } catch (error) {
    throw new UsageError(`--query: invalid JMESPath expression '${query}' (${(error as Error).message.split('\n')[0]})`);
  }
}

export async function applyQuery(value: unknown, query: string | undefined): Promise<unknown> {
  if (query === undefined) return value;
  await checkQuery(query);
  const { search } = await import('@jmespath-community/jmespath');
  try {
    return search(value as Parameters<typeof search>[0], query);
  } catch (error) {
    // the call went through: exit 1 (not a usage error), and the line says what failed
    throw new Error(`--query '${query}' failed on the result: ${(error as Error).message.split('\n')[0]}`);
  }
}

function scalar(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function rowsOf(value: unknown): { columns: string[]; rows: string[][] } {
  const items = Array.isArray(value) ? value : [value];
  const objects = items.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item));
  if (!objects) return { columns: [], rows: items.map((item) => (Array.isArray(item) ? item.map(scalar) : [scalar(item)])) };
  const columns: string[] = [];
  for (const item of items as Record<string, unknown>[]) for (const key of Object.keys(item)) if (!columns.includes(key)) columns.push(key);
  return { columns, rows: (items as Record<string, unknown>[]).map((item) => columns.map((column) => scalar(item[column]))) };
}

/** Columns a table may use: the terminal's width (COLUMNS wins), or none when output is not a terminal. */
function terminalWidth(): number | undefined {
  const fromEnv = Number(io().env['COLUMNS']);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return io().stdout.isTTY ? io().stdout.columns : undefined;
}

const MIN_COLUMN = 8;

/** Narrows the widest columns until the row fits `width` (never below MIN_COLUMN). */
function fitWidths(widths: number[], width: number | undefined, gap: number): number[] {
  if (width === undefined) return widths;
  const fitted = [...widths];
  const total = () => fitted.reduce((sum, each) => sum + each, 0) + gap * (fitted.length - 1);
  while (total() > width) {
    const widest = fitted.indexOf(Math.max(...fitted));
    if ((fitted[widest] ?? 0) <= MIN_COLUMN) break;
    fitted[widest] = (fitted[widest] ?? 0) - 1;
  }
  return fitted;
}

const cut = (cell: string, width: number) => (cell.length > width ? `${cell.slice(0, Math.max(0, width - 1))}…` : cell);

/**
 * A table that fits the terminal: an array of objects as rows with a header, one object as
 * name/value lines (as `gh` shows one item), long cells cut with `…`.
 */
function table(value: unknown, color: boolean): string {
  const single = value !== null && typeof value === 'object' && !Array.isArray(value);
  const { columns, rows } = single ? { columns: [] as string[], rows: Object.entries(value as Record<string, unknown>).map(([name, item]) => [name, scalar(item)]) } : rowsOf(value);
  const all = columns.length > 0 ? [columns, columns.map((column) => '-'.repeat(column.length)), ...rows] : rows;
  const natural: number[] = [];
  for (const row of all) row.forEach((cell, index) => (natural[index] = Math.max(natural[index] ?? 0, cell.length)));
  const widths = fitWidths(natural, terminalWidth(), 2);
  return all
    .map((row, rowIndex) => {
      const line = row.map((cell, index) => (index === row.length - 1 ? cut(cell, widths[index] ?? cell.length) : cut(cell, widths[index] ?? 0).padEnd(widths[index] ?? 0))).join('  ');
      return color && columns.length > 0 && rowIndex === 0 ? `\u001b[1m${line}\u001b[22m` : line;
    })
    .join('\n');
}

function tsv(value: unknown): string {
  return rowsOf(value)
    .rows.map((row) => row.map((cell) => cell.replace(/[\t\n]/g, ' ')).join('\t'))
    .join('\n');
}

/** The text to print for a result (without trailing newline); undefined for nothing. */
export async function formatResult(value: unknown, format: OutputFormat, color: boolean): Promise<string | undefined> {
  if (format === 'none' || value === undefined) return undefined;
  switch (format) {
    case 'json':
      return JSON.stringify(value, null, 2);
    case 'yaml': {
      const { stringify } = await import('yaml');
      return stringify(value).replace(/\n$/, '');
    }
    case 'table':
      return table(value, color);
    case 'tsv':
      return tsv(value);
  }
}

export async function printResult(value: unknown, format: OutputFormat, query: string | undefined, color: boolean): Promise<void> {
  if (value === undefined) return; // a call without output prints nothing, --query or not
  const text = await formatResult(await applyQuery(value, query), format, color);
  // table and tsv print the service's strings as they are: no escape sequence may pass
  if (text !== undefined) io().stdout.write(`${format === 'table' || format === 'tsv' ? safeForTerminal(text) : text}\n`);
}
