/**
 * A command's arguments, parsed once: the answer when they only ask for its help or the version,
 * else what `run-command.ts` runs. Apart from it because a leaf `--help` must not load the HTTP
 * stack, auth and output formats that running a command needs.
 */
import { type ParsedCommandLine, parseCommandLine } from './argv.js';
import type { CommandDefinition } from './definition.js';
import { ExitCode, type ExitCodeValue } from './errors.js';
import { type GlobalSettings, resolveGlobals } from './globals.js';
import { commandHelp } from './help.js';
import { io } from './io.js';

export interface RunContext {
  readonly bin: string;
  readonly defaultBaseUrl: string;
  readonly version: () => string;
}

export interface CommandLine {
  readonly parsed: ParsedCommandLine;
  readonly globals: GlobalSettings;
}

/** The parsed command line, or the exit code once `--help` or `--version` is answered. */
export function parseOrAnswer(command: CommandDefinition, argv: readonly string[], context: RunContext): CommandLine | ExitCodeValue {
  const parsed = parseCommandLine(argv, command.options);
  const globals = resolveGlobals(parsed.globals, context.defaultBaseUrl);
  if (parsed.globals['help'] === true) {
    io().stdout.write(`${commandHelp(context.bin, command, globals.baseUrl, { color: globals.color })}\n`);
    return ExitCode.ok;
  }
  if (parsed.globals['version'] === true) {
    io().stdout.write(`${context.version()}\n`);
    return ExitCode.ok;
  }
  return { parsed, globals };
}
