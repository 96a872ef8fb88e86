/**
 * Argument parsing with Node's `util.parseArgs` (strict, tokens): global options plus a
 * command's options and their aliases, folded onto canonical names in command-line order.
 * Unknown options get the closest names; PowerShell spellings (`-ApplicationId`) are mapped.
 */
import { parseArgs } from 'node:util';
import type { OptionDefinition } from './definition.js';
import { UsageError, closest } from './errors.js';
import { GLOBAL_OPTIONS, type ParsedValues } from './globals.js';

export interface ParsedCommandLine {
  readonly globals: ParsedValues;
  /** Canonical option name → values in order (`true` for switches). */
  readonly options: ReadonlyMap<string, readonly (string | true)[]>;
  readonly positionals: readonly string[];
}

type ParseArgsOptions = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

function kebab(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

/** `util.parseArgs`' errors as one-line usage errors in the CLI's words, with a "did you mean". */
export function usageFromParseArgs(error: unknown, known: readonly string[], help = 'see --help'): UsageError {
  const { code, message = String(error) } = error as { code?: string; message?: string };
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  const name = quoted.split(/[ ,]/).find((part) => part.startsWith('--')) ?? quoted.split(' ')[0] ?? quoted;
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const bare = quoted.replace(/^-+/, '');
      const near =
        bare.length > 1
          ? closest(
              bare,
              known.filter((candidate) => candidate.length > 1),
            )
          : [];
      return new UsageError(`unknown option ${quoted}${near.length > 0 ? ` (did you mean ${near.map((candidate) => `--${candidate}`).join(', ')}?)` : ''}; ${help}`);
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(`unexpected argument '${quoted}': values go right after their option; ${help}`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/argument missing/.test(message)) return new UsageError(`option ${name} needs a value; ${help}`);
      if (/does not take an argument/.test(message)) return new UsageError(`option ${name} is a switch and takes no value; ${help}`);
      if (/ambiguous/.test(message)) return new UsageError(`option ${name} needs a value; to pass one that starts with '-', write ${name}=<value>`);
      break;
  }
  return new UsageError(message.split('\n')[0] ?? message);
}

export function parseCommandLine(argv: readonly string[], options: readonly OptionDefinition[], allowPositionals = false): ParsedCommandLine {
  const canonical = new Map<string, OptionDefinition>();
  const spec: NonNullable<ParseArgsOptions> = {};
  for (const option of options) {
    for (const name of [option.name, ...option.aliases]) {
      canonical.set(name, option);
      spec[name] = { type: option.kind === 'switch' ? 'boolean' : 'string', multiple: true };
    }
  }
  for (const global of GLOBAL_OPTIONS) {
    spec[global.name] = { type: global.type, multiple: true, ...(global.short !== undefined && { short: global.short }) };
  }
  const known = Object.keys(spec);
  const folded = (name: string) => name.toLowerCase().replace(/-/g, '');
  const normalized = argv.flatMap((token) => {
    if (token === '--' || token === '-' || !token.startsWith('-')) return [token];
    const isLong = token.startsWith('--');
    // PowerShell's `-Name:value` (`-Confirm:$false`) for the single-dash spellings
    const powerShellValue = !isLong ? /^-([A-Za-z][\w-]*):(.*)$/s.exec(token) : null;
    const [rawName = '', ...rest] = powerShellValue ? [powerShellValue[1] ?? '', powerShellValue[2] ?? ''] : token.replace(/^-+/, '').split('=');
    if (!isLong && rawName.length === 1) return [token];
    const name = isLong ? rawName : kebab(rawName);
    const lower = name.toLowerCase();
    // exact, then case-insensitive, then also ignoring hyphens (`-objectid`, as PowerShell allows)
    const match =
      known.find((candidate) => candidate === lower) ??
      [...canonical.keys()].find((candidate) => candidate.toLowerCase() === lower) ??
      (isLong ? undefined : known.find((candidate) => folded(candidate) === folded(lower)));
    if (match && powerShellValue && spec[match]?.type === 'boolean') {
      const switchValue = (powerShellValue[2] ?? '').toLowerCase();
      if (switchValue === '$true') return [`--${match}`];
      if (switchValue === '$false') return [];
      // bash, zsh and sh expand an unquoted $false to nothing: `-WhatIf:$false` arrives as `-WhatIf:`
      if (switchValue === '') throw new UsageError(`-${rawName}: the shell expanded $true or $false to nothing; quote it ('-${rawName}:$false'), or write --${match} or leave it out`);
      throw new UsageError(`-${rawName}: a switch takes :$true or :$false, not '${powerShellValue[2] ?? ''}'`);
    }
    if (match) return [`--${match}${rest.length > 0 ? `=${rest.join('=')}` : ''}`];
    // `-ojson`: a short option with its value attached, as az and getopt accept (after the
    // PowerShell spellings, so that `-objectid` stays --object-id)
    if (!isLong && !powerShellValue && GLOBAL_OPTIONS.some((option) => option.short === rawName.charAt(0) && option.type === 'string')) return [token];
    // an id of another object (`-ApplicationId` on a service principal's command): name this command's keys first
    const keys = lower.endsWith('-id') ? options.filter((option) => option.role.kind === 'path-key').map((option) => option.name) : [];
    const near = [
      ...keys,
      ...closest(
        name,
        known.filter((candidate) => candidate.length > 1 && !keys.includes(candidate)),
      ),
    ].slice(0, 3);
    const hint = near.length > 0 ? ` (did you mean ${near.map((candidate) => `--${candidate}`).join(', ')}?)` : '';
    throw new UsageError(`unknown option ${isLong ? '--' : '-'}${rawName}${hint}; see --help`);
  });
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: normalized, options: spec, strict: true, allowPositionals, tokens: true });
  } catch (error) {
    throw usageFromParseArgs(error, known);
  }
  const globals: Record<string, (string | boolean)[]> = {};
  const values = new Map<string, (string | true)[]>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    const option = canonical.get(token.name);
    const value: string | true = token.value ?? true;
    if (option) {
      if (option.kind !== 'switch' && value === true) throw new UsageError(`option --${option.name} needs a value ${option.valueName}`);
      const list = values.get(option.name) ?? [];
      list.push(value);
      values.set(option.name, list);
    } else {
      (globals[token.name] ??= []).push(value);
    }
  }
  for (const [name, list] of values) {
    const option = canonical.get(name);
    if (option && !option.multiple && list.length > 1) {
      throw new UsageError(option.kind === 'switch' ? `switch --${name} given ${list.length} times; give it once` : `option --${name} given ${list.length} times; it takes one value`);
    }
  }
  const flatGlobals: Record<string, string | boolean | (string | boolean)[]> = {};
  for (const [name, list] of Object.entries(globals)) flatGlobals[name] = list.length === 1 ? (list[0] as string | boolean) : list;
  return { globals: flatGlobals, options: values, positionals: parsed.positionals };
}
