/**
 * `mgkit` entry: resolves the command from the generated index and loads only what that
 * command needs (the index is tiny; command modules, the client, auth, YAML and JMESPath
 * load on demand).
 */
import { readFileSync } from 'node:fs';
import { CLI_NAME, COMMANDS, DEFAULT_BASE_URL, DELEGATED_SCOPES } from './generated/command-index.js';
import { pathWord } from './runtime/command-index.js';
import type { CommandIndexEntry } from './runtime/definition.js';
import { ExitCode, UsageError, didYouMean } from './runtime/errors.js';
import { GLOBAL_OPTIONS, globalTakesValue } from './runtime/globals.js';
import { rootHelp } from './runtime/help.js';
import { type CliIo, io, withIo } from './runtime/io.js';

const BUILTIN_COMMANDS = ['login', 'logout', 'status', 'completion', '__complete'] as const;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function color(argv: readonly string[]): boolean {
  return !argv.includes('--no-color') && (io().env['NO_COLOR'] ?? '') === '' && io().stdout.isTTY === true;
}

/** Splits argv into the command words (first positionals) and the rest. */
export function commandWords(argv: readonly string[]): { words: string[]; rest: string[] } {
  const words: string[] = [];
  const rest: string[] = [];
  let collecting = true;
  for (let index = 0; index < argv.length; index += 1) {
    const token = argv[index] as string;
    if (token.startsWith('-') && token !== '-') {
      rest.push(token);
      if (globalTakesValue(token) && index + 1 < argv.length) rest.push(argv[++index] as string);
      else if (words.length > 0) collecting = false;
      continue;
    }
    if (collecting) words.push(token);
    else rest.push(token);
  }
  return { words, rest };
}

export interface Resolved {
  readonly entry?: CommandIndexEntry;
  /** Words that name a group of commands (`applications`). */
  readonly group?: string[];
  readonly extra: string[];
}

export function resolveCommand(words: readonly string[]): Resolved {
  const first = words[0]?.toLowerCase();
  // a cmdlet name: compared without building every entry's lower-case alias (thousands of commands)
  const byAlias = first === undefined ? undefined : COMMANDS.find((entry) => entry.cmdlet?.length === first.length && entry.aliases.includes(first));
  if (byAlias) return { entry: byAlias, extra: words.slice(1) };
  let best: CommandIndexEntry | undefined;
  for (const entry of COMMANDS) {
    if (entry.path.length <= words.length && entry.path.every((word, index) => words[index] === word)) {
      if (!best || entry.path.length > best.path.length) best = entry;
    }
  }
  if (best) return { entry: best, extra: words.slice(best.path.length) };
  for (let length = words.length; length > 0; length -= 1) {
    const prefix = words.slice(0, length);
    if (COMMANDS.some((entry) => prefix.every((word, index) => pathWord(entry, index) === word))) return { group: prefix, extra: words.slice(length) };
  }
  return { extra: [...words] };
}

/**
 * The first option before any command that is not a global one (`mgkit --outptu json`): a typo
 * there also makes its value look like a command word, so it is the error to report.
 */
function unknownGlobalOption(rest: readonly string[]): UsageError | undefined {
  const names = [...new Set([...GLOBAL_OPTIONS.map((option) => option.name), 'help', 'version'])];
  for (const token of rest) {
    if (!token.startsWith('-') || token === '-') continue;
    const name = token.replace(/^-+/, '').split('=')[0] ?? '';
    if (names.includes(name) || GLOBAL_OPTIONS.some((option) => option.short === name) || name === 'h') continue;
    return new UsageError(`unknown option ${token.split('=')[0]}${didYouMean(name, names, '--')}; run '${CLI_NAME} --help'`);
  }
  return undefined;
}

function unknownCommand(words: readonly string[], rest: readonly string[], group?: readonly string[]): UsageError {
  const option = unknownGlobalOption(rest);
  if (option) return option;
  if (group && group.length > 0) {
    // `applications synchronization acquire-access-token pst`: suggest the words that follow the known part
    const next = [...new Set(COMMANDS.filter((entry) => group.every((word, index) => pathWord(entry, index) === word)).map((entry) => pathWord(entry, group.length) ?? ''))].filter(Boolean);
    return new UsageError(`unknown command '${words.join(' ')}'${didYouMean(words[group.length] ?? '', next, `${group.join(' ')} `)}; run '${CLI_NAME} ${group.join(' ')} --help'`);
  }
  const candidates = [
    ...new Set([
      ...COMMANDS.map((entry) => pathWord(entry, 0) ?? ''),
      ...COMMANDS.flatMap((entry) => (entry.cmdlet ? [entry.cmdlet] : [])),
      ...BUILTIN_COMMANDS.filter((name) => !name.startsWith('_')),
    ]),
  ];
  return new UsageError(`unknown command '${words.join(' ')}'${didYouMean(words[0] ?? '', candidates)}; run '${CLI_NAME} --help'`);
}

/**
 * `mgkit help [command…]` is `mgkit [command…] --help`, and `-?` (PowerShell's spelling) is
 * `--help`, as gh, az and Graph PowerShell users type them.
 */
function helpAliases(argv: readonly string[]): readonly string[] {
  const spelled = argv.map((token) => (token === '-?' ? '--help' : token));
  return spelled[0] === 'help' ? [...spelled.slice(1), '--help'] : spelled;
}

async function run(given: readonly string[]): Promise<number> {
  const argv = helpAliases(given);
  const { words, rest } = commandWords(argv);
  const first = words[0];
  if (words.length === 0) {
    if (rest.includes('--version')) {
      io().stdout.write(`${version()}\n`);
      return ExitCode.ok;
    }
    const unknown = unknownGlobalOption(rest);
    if (unknown) throw unknown;
    // asked for (or nothing given): help is the output; otherwise it explains a usage error, on stderr
    const asked = rest.length === 0 || rest.includes('--help') || rest.includes('-h');
    (asked ? io().stdout : io().stderr).write(`${rootHelp(CLI_NAME, version(), COMMANDS, { color: color(argv) })}\n`);
    return asked ? ExitCode.ok : ExitCode.usage;
  }
  if (first === 'login' || first === 'logout' || first === 'status') {
    const { runAuthCommand } = await import('./runtime/auth/commands.js');
    return runAuthCommand(first, [...words.slice(1), ...rest], { bin: CLI_NAME, defaultBaseUrl: DEFAULT_BASE_URL, delegatedScopes: DELEGATED_SCOPES });
  }
  if (first === 'completion' || first === '__complete') {
    const { runCompletion } = await import('./runtime/completion.js');
    return runCompletion(first, first === '__complete' ? argv.slice(argv.indexOf('__complete') + 1) : [...words.slice(1), ...rest]);
  }
  const resolved = resolveCommand(words);
  if (resolved.entry) {
    if (resolved.extra.length > 0) throw new UsageError(`unexpected argument '${resolved.extra[0]}' after '${resolved.entry.path.join(' ')}'; values go after their option`);
    const module = await resolved.entry.load();
    const context = { bin: CLI_NAME, defaultBaseUrl: DEFAULT_BASE_URL, version };
    const { parseOrAnswer } = await import('./runtime/command-line.js');
    const commandLine = parseOrAnswer(module.definition, rest, context);
    if (typeof commandLine === 'number') return commandLine;
    const { runParsedCommand } = await import('./runtime/run-command.js');
    return runParsedCommand(module, commandLine, context);
  }
  if (resolved.group && resolved.extra.length === 0) {
    if (rest.includes('--version')) {
      io().stdout.write(`${version()}\n`);
      return ExitCode.ok;
    }
    // a group alone lists its commands, as gh and az do: asking what is under it is not a mistake
    const unknown = unknownGlobalOption(rest.filter((token) => token !== '--help' && token !== '-h'));
    if (unknown) throw unknown;
    io().stdout.write(`${rootHelp(CLI_NAME, version(), COMMANDS, { color: color(argv) }, resolved.group)}\n`);
    return ExitCode.ok;
  }
  throw unknownCommand(words, rest, resolved.group);
}

async function runReportingFailures(argv: readonly string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (error) {
    const { reportFailure } = await import('./runtime/failures.js');
    return reportFailure(error);
  }
}

/**
 * Runs one `mgkit` command line and returns its exit code. Without `given` it is the process's
 * run (Ctrl+C exits 130); with it, everything goes through that IO (tests run the CLI in-process).
 */
export async function main(argv: readonly string[], given?: CliIo): Promise<number> {
  if (given) return withIo(given, () => runReportingFailures(argv));
  process.on('SIGINT', () => {
    process.stderr.write('\ninterrupted\n');
    process.exit(ExitCode.interrupted);
  });
  // the reader went away (`mgkit … --all | head -3`): stop quietly, as git and gh do, without
  // fetching further pages or printing a stack
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(ExitCode.ok);
    throw error;
  });
  return runReportingFailures(argv);
}
