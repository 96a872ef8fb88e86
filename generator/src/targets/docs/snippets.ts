/**
 * The example of an operation in each language: HTTP, the TypeScript client, the CLI and
 * PowerShell. All four render the same `OperationExample`.
 */
import type { ApiModel, OperationModel } from '../../model/index.js';
import { toJson, type ExampleValue, type OperationExample } from './example-value.js';
import { cliCommandFor, cliWordsFor, optionOfParameter, type CliCommandDoc } from './cli-commands.js';
import type { OptionData } from '../cli/definitions.js';
import type { Invocation } from './invocation.js';
import { kebab, upperFirst } from './names.js';

export interface Snippet {
  /** Tab title. */
  readonly title: string;
  /** Fence language. */
  readonly language: string;
  readonly code: string;
}

/** The URL path the client sends, with the example's keys filled in. */
function requestUrl(model: ApiModel, example: OperationExample): string {
  let path = example.operation.requestPath;
  for (const { parameter, value } of example.pathValues) {
    path = path.replace(`{${parameter.wireName}}`, encodeURIComponent(value));
  }
  return `${model.baseUrl}${path}`;
}

export function httpSnippet(model: ApiModel, example: OperationExample): Snippet {
  const { operation } = example;
  const lines = [`${operation.method} ${requestUrl(model, example)}`];
  if (operation.requestBody && example.body) {
    lines.push(`Content-Type: ${operation.requestBody.contentType}`, '', JSON.stringify(toJson(example.body), null, 2));
  }
  return { title: 'HTTP', language: 'http', code: lines.join('\n') };
}

// ---------------------------------------------------------------- TypeScript (the Kiota client)

/** `client.applications.byApplicationId("…").synchronization.acquireAccessToken`. */
export function clientNavigation(operation: OperationModel, pathValue: (wireName: string) => string): string {
  const parts = ['client'];
  for (const segment of operation.segments) {
    if (segment.kind === 'parameter') parts.push(`by${upperFirst(segment.name)}(${JSON.stringify(pathValue(segment.parameter ?? ''))})`);
    else parts.push(segment.name);
  }
  return parts.join('.');
}

export function typeScriptSnippet(example: OperationExample, packageName: string): Snippet {
  const { operation } = example;
  const valueOf = (wireName: string) => example.pathValues.find((entry) => entry.parameter.wireName === wireName)?.value ?? '';
  const method = operation.method.toLowerCase();
  const argument = operation.requestBody && example.body ? tsValue(example.body, 0) : '';
  const call = `${clientNavigation(operation, valueOf)}.${method}(${argument})`;
  const statement = operation.success.type ? `const result = await ${call};\nconsole.log(result);` : `await ${call};`;
  const code = [
    `import { createGraphClient } from ${JSON.stringify(packageName)};`,
    '',
    '// requestAdapter: a Kiota RequestAdapter with authentication (see the client guide).',
    'const client = createGraphClient(requestAdapter);',
    statement,
  ].join('\n');
  return { title: 'TypeScript', language: 'ts', code };
}

function tsValue(value: ExampleValue, indent: number): string {
  const pad = '  '.repeat(indent + 1);
  const end = '  '.repeat(indent);
  switch (value.kind) {
    case 'array':
      return `[\n${value.items.map((item) => `${pad}${tsValue(item, indent + 1)},\n`).join('')}${end}]`;
    case 'object':
      if (value.properties.length === 0) return '{}';
      if (value.properties.every((property) => property.value.kind !== 'object' && property.value.kind !== 'array')) {
        return `{ ${value.properties.map((property) => `${tsKey(property.name)}: ${tsValue(property.value, indent + 1)}`).join(', ')} }`;
      }
      return `{\n${value.properties.map((property) => `${pad}${tsKey(property.name)}: ${tsValue(property.value, indent + 1)},\n`).join('')}${end}}`;
    default:
      return JSON.stringify(value.value);
  }
}

function tsKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

// ---------------------------------------------------------------- CLI

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
    return `${String(key.value)}=${String(val.value)}`;
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
    if (pairs) pairs.forEach((pair) => argv.push(name, pair));
    else if (argument.value.kind === 'object' || argument.value.kind === 'array') argv.push(name, JSON.stringify(toJson(argument.value)));
    else argv.push(name, String(argument.value.value));
  }
  return argv;
}

/** Command words and argv of the CLI call for an example. */
export function cliCall(example: OperationExample, invocation: Invocation | undefined, commands: readonly CliCommandDoc[]): { words: string[]; argv: string[] } {
  const command = cliCommandFor(commands, example.operation, invocation?.command.name);
  const words = cliWordsFor(commands, example.operation, invocation?.command.name);
  return { words, argv: invocation ? cliArguments(invocation, command) : fallbackCliArguments(example, command) };
}

export function cliSnippet(example: OperationExample, invocation: Invocation | undefined, commands: readonly CliCommandDoc[], binName: string): Snippet {
  const { words, argv } = cliCall(example, invocation, commands);
  const lines = [[binName, ...words].join(' ')];
  for (let index = 0; index < argv.length; index += 2) {
    lines.push(`  ${argv.slice(index, index + 2).map(shellQuote).join(' ')}`);
  }
  return { title: 'CLI', language: 'sh', code: lines.join(' \\\n') };
}

/** Without a cmdlet: one option per path key and the whole body as JSON, named as the CLI names them. */
function fallbackCliArguments(example: OperationExample, command: CliCommandDoc | undefined): string[] {
  const optionFor = (matches: (role: OptionData['role']) => boolean, fallback: string) =>
    `--${command?.data.options.find((option) => matches(option.role))?.name ?? fallback}`;
  const argv = example.pathValues.flatMap(({ parameter, value }) => [
    optionFor((role) => role.kind === 'path-key' && role.pathParameter === parameter.wireName, kebab(parameter.wireName)),
    value,
  ]);
  if (example.body) argv.push(optionFor((role) => role.kind === 'body', 'body'), JSON.stringify(toJson(example.body)));
  return argv;
}

// ---------------------------------------------------------------- PowerShell

export function psQuote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A PowerShell literal: hash tables for objects (keys in PascalCase), `@(…)` for arrays. */
export function psValue(value: ExampleValue, indent = 0, multiline = false): string {
  const pad = '  '.repeat(indent + 1);
  const end = '  '.repeat(indent);
  switch (value.kind) {
    case 'string':
    case 'enum':
      return psQuote(value.value);
    case 'number':
      return String(value.value);
    case 'boolean':
      return value.value ? '$true' : '$false';
    case 'array':
      if (multiline) return `@(\n${value.items.map((item) => `${pad}${psValue(item, indent + 1, true)}\n`).join('')}${end})`;
      return `@(${value.items.map((item) => psValue(item)).join(', ')})`;
    case 'object': {
      const entries = value.properties.map((property) => `${upperFirst(property.wireName)} = ${psValue(property.value, indent + 1, multiline)}`);
      if (multiline && entries.some((entry) => entry.includes('\n'))) return `@{\n${entries.map((entry) => `${pad}${entry}\n`).join('')}${end}}`;
      return `@{ ${entries.join('; ')} }`;
    }
  }
}

/** `Get-MgX -ApplicationId '…' -Credentials @(…)`; a whole body goes through `$params` first. */
export function powerShellCode(invocation: Invocation): string {
  const prelude: string[] = [];
  const words = [invocation.command.name];
  for (const argument of invocation.arguments) {
    if (argument.role.kind === 'body') {
      prelude.push(`$params = ${psValue(argument.value, 0, true)}`, '');
      words.push(`-${argument.parameter.name}`, '$params');
    } else {
      words.push(`-${argument.parameter.name}`, psValue(argument.value));
    }
  }
  return [...prelude, words.join(' ')].join('\n');
}

export function powerShellSnippet(invocation: Invocation | undefined): Snippet | undefined {
  if (!invocation) return undefined;
  const moduleName = invocation.command.moduleName;
  const code = [...(moduleName ? [`Import-Module ${moduleName}`, ''] : []), powerShellCode(invocation)].join('\n');
  return { title: 'PowerShell', language: 'powershell', code };
}
