/** The CLI tab and the CLI pages' examples: the `mgkit` line with the CLI's own option names. */
import { BINARY_EXAMPLE_FILE, isBinaryExample, SECRET_PLACEHOLDER, toJson, type ExampleValue, type OperationExample } from './example-value.js';
import { cliCommandFor, cliWordsFor, optionOfParameter, type CliCommandDoc } from './cli-commands.js';
import { isBinaryContent, type OptionData } from '../shared/command-data/definitions.js';
import type { Invocation } from './invocation.js';
import { kebab } from './names.js';
import type { Snippet } from './snippet.js';

/** A shell word, quoted only when it must be. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `Key=Value` words for a list of `{ key, value }` objects (the option's pair names), else undefined. */
function keyValuePairs(value: ExampleValue, names: { key: string; value: string }): string[] | undefined {
  if (value.kind !== 'array') return undefined;
  const pairs = value.items.map((item) => {
    if (item.kind !== 'object' || item.properties.length !== 2) return undefined;
    const key = item.properties.find((property) => property.wireName === names.key)?.value;
    const val = item.properties.find((property) => property.wireName === names.value)?.value;
    if (!key || !val || key.kind === 'object' || key.kind === 'array' || val.kind === 'object' || val.kind === 'array') return undefined;
    // a secret is read from a file (@file), never typed on the command line where history and ps show it
    const text = String(val.value) === SECRET_PLACEHOLDER ? `@${kebab(String(key.value))}.txt` : String(val.value);
    return `${String(key.value)}=${text}`;
  });
  return pairs.every((pair): pair is string => pair !== undefined) ? pairs : undefined;
}

/** The CLI's argv for an invocation (after the command words), with the CLI's own option names. */
export function cliArguments(invocation: Invocation, command: CliCommandDoc | undefined): string[] {
  const argv: string[] = [];
  for (const argument of invocation.arguments) {
    const option = optionOfParameter(command, argument.parameter.name);
    const name = `--${option?.name ?? kebab(argument.parameter.name)}`;
    const pairs = option?.kind === 'pairs' ? keyValuePairs(argument.value, option.pairs ?? { key: 'key', value: 'value' }) : undefined;
    if (option?.kind === 'switch') {
      // a switch takes no value: present when true (a function's boolean in the path, `-IncludePersonalNotebooks`)
      if (argument.value.kind !== 'boolean' || argument.value.value) argv.push(name);
    } else if (pairs) pairs.forEach((pair) => argv.push(name, pair));
    else if (option?.kind === 'file' || isBinaryExample(argument.value)) argv.push(name, BINARY_EXAMPLE_FILE);
    else if (argument.value.kind === 'object' || argument.value.kind === 'array') argv.push(name, JSON.stringify(toJson(argument.value)));
    else argv.push(name, String(argument.value.value));
  }
  return argv;
}

/** Command words and argv of the CLI call for an example. */
export function cliCall(example: OperationExample, invocation: Invocation | undefined, commands: readonly CliCommandDoc[]): { words: string[]; argv: string[] } {
  const command = cliCommandFor(commands, example.operation, invocation?.command.name);
  const words = cliWordsFor(commands, example.operation, invocation?.command.name);
  const argv = invocation ? cliArguments(invocation, command) : fallbackCliArguments(example, command);
  // a binary response goes to a file in the example, as a user would want it
  const outputFile = command?.data.options.find((option) => option.role.kind === 'behaviour' && option.role.behaviour === 'OutFile');
  if (outputFile && isBinaryContent(example.operation.success.contentType, example.operation.success.type)) argv.push(`--${outputFile.name}`, BINARY_EXAMPLE_FILE);
  return { words, argv };
}

export function cliSnippet(example: OperationExample, invocation: Invocation | undefined, commands: readonly CliCommandDoc[], binName: string): Snippet {
  const { words, argv } = cliCall(example, invocation, commands);
  // one option per line, with its value when it takes one (a switch stands alone)
  const options: string[][] = [];
  for (const token of argv) {
    if (token.startsWith('--') || options.length === 0) options.push([token]);
    else options.at(-1)?.push(token);
  }
  const lines = [[binName, ...words].join(' '), ...options.map((option) => `  ${option.map(shellQuote).join(' ')}`)];
  return { title: 'CLI', language: 'sh', code: lines.join(' \\\n') };
}

/** Without a cmdlet: one option per path key and the whole body as JSON, named as the CLI names them. */
function fallbackCliArguments(example: OperationExample, command: CliCommandDoc | undefined): string[] {
  const optionFor = (matches: (role: OptionData['role']) => boolean, fallback: string) => `--${command?.data.options.find((option) => matches(option.role))?.name ?? fallback}`;
  const argv = example.pathValues.flatMap(({ parameter, value }) => [optionFor((role) => role.kind === 'path-key' && role.pathParameter === parameter.wireName, kebab(parameter.wireName)), value]);
  for (const { parameter, value } of example.queryValues)
    argv.push(
      optionFor((role) => role.kind === 'query' && role.queryParameter === parameter.wireName, kebab(parameter.wireName.replace(/^\$/, ''))),
      value,
    );
  if (example.body) {
    const bodyOption = command?.data.options.find((option) => option.role.kind === 'body');
    // binary content is read from a file, as the HTTP and TypeScript tabs read it
    const value = isBinaryExample(example.body) || bodyOption?.kind === 'file' ? BINARY_EXAMPLE_FILE : JSON.stringify(toJson(example.body));
    argv.push(`--${bodyOption?.name ?? 'body'}`, value);
  }
  return argv;
}
