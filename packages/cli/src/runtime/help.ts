/** Help text: the root, a group of commands, one command (all from the generated data). */
import { EXIT_CODE_MEANINGS, GLOBAL_OPTIONS, globalOptionLabel } from '@mgkit/cli-contract';
import type { CommandDefinition, CommandIndexEntry, OptionDefinition } from './definition.js';
import { type Defs, resolveSchema } from './validate.js';
import { safeForTerminal } from './terminal.js';
import { pathWord } from './command-index.js';

export interface HelpStyle {
  readonly color: boolean;
}

function heading(text: string, style: HelpStyle): string {
  return style.color ? `\u001b[1m${text}\u001b[22m` : text;
}

/** Words of a usage line that must stay on one line: `[--a <x>]`, `--body <json|@file|->`. */
function usageUnits(text: string): string[] {
  return text.match(/\[[^\]]*\]|--\S+(?: <[^>]*>(?:\.\.\.)?)?|\S+/g) ?? [];
}

function wrap(text: string, indent: string, width = 100, split: (paragraph: string) => string[] = (paragraph) => paragraph.split(/\s+/)): string {
  const lines: string[] = [];
  for (const paragraph of text.split(/\n+/)) {
    let line = '';
    for (const word of split(paragraph).filter(Boolean)) {
      if (line && indent.length + line.length + 1 + word.length > width) {
        lines.push(indent + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(indent + line);
  }
  return lines.join('\n');
}

const AUTH_COMMANDS: readonly [string, string][] = [
  ['login', 'Sign in: device code (default), --browser, --client-secret, --certificate <pem>, --managed-identity, --environment, --azure-cli.'],
  ['logout', 'Forget the cached sign-in and tokens.'],
  ['status', 'Show the signed-in account, tenant, scopes and token expiry (never the token).'],
  ['completion', 'Print a shell completion script: bash, zsh, fish or powershell.'],
];

function globalOptionsText(): string {
  return GLOBAL_OPTIONS.map((option) => `  ${globalOptionLabel(option).padEnd(46)} ${option.description}`).join('\n');
}

export function rootHelp(bin: string, version: string, commands: readonly CommandIndexEntry[], style: HelpStyle, prefix: readonly string[] = []): string {
  return safeForTerminal(rootHelpText(bin, version, commands, style, prefix));
}

/** Above this many commands, help lists the groups under a prefix (as gh and az do), not every command. */
const LISTED_COMMANDS_LIMIT = 40;

/** The words that follow `depth` words, with how many commands each holds, in order. */
function subgroups(commands: readonly CommandIndexEntry[], depth: number): [string, number][] {
  const counts = new Map<string, number>();
  for (const entry of commands) {
    const word = pathWord(entry, depth);
    if (word !== undefined) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function rootHelpText(bin: string, version: string, commands: readonly CommandIndexEntry[], style: HelpStyle, prefix: readonly string[]): string {
  const shown = prefix.length === 0 ? commands : commands.filter((entry) => prefix.every((word, index) => pathWord(entry, index) === word));
  const grouped = shown.length > LISTED_COMMANDS_LIMIT;
  // a group of one command is shown as that command
  const rows: [string, string][] = grouped
    ? subgroups(shown, prefix.length).map(([name, count]) => {
        const only = count === 1 ? shown.find((entry) => pathWord(entry, prefix.length) === name) : undefined;
        return only ? [only.path.join(' '), only.summary] : [[...prefix, name].join(' '), `${count} commands`];
      })
    : [];
  const width = Math.max(...(grouped ? rows.map(([words]) => words.length) : shown.map((entry) => entry.path.join(' ').length)), 12);
  const commandLines = grouped
    ? rows.map(([words, text]) => `  ${words.padEnd(width)}  ${text}`)
    : shown.flatMap((entry) => [`  ${entry.path.join(' ').padEnd(width)}  ${entry.summary}`, ...(entry.cmdlet ? [`  ${''.padEnd(width)}  alias: ${entry.cmdlet}`] : [])]);
  const parts = [
    prefix.length === 0
      ? `${bin} ${version}: Microsoft Graph from the command line, generated from the OpenAPI description and the PowerShell cmdlet help.`
      : `Commands under ${bin} ${prefix.join(' ')}:`,
    '',
    heading('Usage:', style),
    `  ${bin} <command> [options]`,
    `  ${bin} <Cmdlet-Name> [options]      (the PowerShell cmdlet's name, any case)`,
    '',
    heading('Commands:', style),
    ...commandLines,
  ];
  if (prefix.length === 0) {
    parts.push(...AUTH_COMMANDS.map(([name, text]) => `  ${name.padEnd(width)}  ${text}`));
  }
  parts.push(
    '',
    heading('Global options:', style),
    globalOptionsText(),
    '',
    heading('Environment:', style),
    '  MGKIT_ACCESS_TOKEN   bearer token to use (CI); otherwise the sign-in cached by `login`',
    '  NO_COLOR             no colours;  XDG_CONFIG_HOME  where the token cache lives (…/mgkit)',
    '',
    heading('Exit codes:', style),
    `  ${EXIT_CODE_MEANINGS.map((code) => `${code.status} ${code.short}`).join(', ')}`,
    '',
    grouped
      ? `Run '${bin} ${prefix.length > 0 ? `${prefix.join(' ')} ` : ''}<group>' to list a group's commands, '${bin} <command> --help' for a command's parameter sets, options and examples.`
      : `Run '${bin} <command> --help' for a command's parameter sets, options and examples.`,
  );
  return parts.join('\n');
}

function optionHeader(option: OptionDefinition): string {
  const names = [option.name, ...option.aliases].map((name) => `--${name}`);
  const value = option.kind === 'switch' ? '' : ` ${option.valueName}`;
  return `  ${names[0]}${value}${names.length > 1 ? `   (alias ${names.slice(1).join(', ')})` : ''}`;
}

function requiredIn(option: OptionDefinition): string {
  const required = Object.entries(option.sets)
    .filter(([, binding]) => binding.required)
    .map(([name]) => name);
  return required.length > 0 ? ` Required in: ${required.join(', ')}.` : '';
}

/** The names a `Key=Value` option's key may take (the key property's enum). */
export function pairKeyNames(option: OptionDefinition, defs: Defs): string[] {
  if (!option.schema || !option.pairs) return [];
  const items = resolveSchema(option.schema, defs).items;
  const key = items ? resolveSchema(items, defs).properties?.[option.pairs.key] : undefined;
  return key ? [...(resolveSchema(key, defs).enum ?? [])] : [];
}

/** A command's help; its texts come from the description and the cmdlet help, so escape sequences are removed. */
export function commandHelp(bin: string, command: CommandDefinition, baseUrl: string, style: HelpStyle): string {
  return safeForTerminal(commandHelpText(bin, command, baseUrl, style));
}

function commandHelpText(bin: string, command: CommandDefinition, baseUrl: string, style: HelpStyle): string {
  const parts: string[] = [command.synopsis, '', heading('Usage (one line per parameter set):', style)];
  for (const set of command.sets) {
    parts.push(`  # ${set.name}${set.isDefault ? ' (default)' : ''}`);
    parts.push(wrap(`${bin} ${set.usage}`, '  ', 96, usageUnits).replace(/\n {2}/g, '\n      '));
  }
  if (command.cmdlet) parts.push('', `Alias: ${bin} ${command.cmdlet}   (PowerShell: ${command.cmdlet})`);
  if (command.description && command.description !== command.synopsis) {
    parts.push('', heading('Description:', style), wrap(command.description, '  '));
  }
  parts.push('', heading('Options:', style));
  for (const option of command.options) {
    parts.push(optionHeader(option));
    parts.push(wrap(`${option.description}${requiredIn(option)}`, '      '));
    // only a key/value option reads the schemas (a packed command's are read on first use)
    const keys = option.pairs ? pairKeyNames(option, command.$defs) : [];
    if (keys.length > 0) parts.push(wrap(`Keys: ${keys.join(', ')}.`, '      '));
  }
  parts.push('', heading('Global options:', style), globalOptionsText());
  if (command.examples.length > 0) {
    parts.push('', heading('Examples:', style));
    for (const example of command.examples) {
      parts.push(`  # ${example.title}`);
      parts.push(...example.code.split('\n').map((line) => `  ${line}`));
      if (example.remarks) parts.push(wrap(example.remarks, '  '));
    }
  }
  parts.push('', heading('Request:', style));
  for (const operation of Object.values(command.operations)) {
    parts.push(`  ${operation.method} ${baseUrl}${operation.requestPath}`);
    if (operation.body) parts.push(`  Body: ${operation.body.contentType}${operation.body.required ? ' (required)' : ''}`);
    const permissions = operation.permissions;
    if (permissions?.delegated || permissions?.application) {
      const kinds = [
        permissions.delegated ? `delegated ${permissions.delegated.join(', ')}` : 'delegated: not supported',
        permissions.application ? `application ${permissions.application.join(', ')}` : 'application: not supported',
      ];
      parts.push(`  Permissions (least privileged): ${kinds.join('; ')}`);
    }
    if (operation.docsUrl) parts.push(`  Docs: ${operation.docsUrl}`);
  }
  for (const link of command.links) parts.push(`  ${link.text}: ${link.url}`);
  return parts.join('\n');
}
