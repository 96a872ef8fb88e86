/** The PowerShell tab and the cmdlet pages' examples: a cmdlet call with the example's values. */
import { BINARY_EXAMPLE_FILE, isBinaryExample, type ExampleValue } from './example-value.js';
import type { Invocation } from './invocation.js';
import { upperFirst } from './names.js';
import type { Snippet } from './snippet.js';

/** Longest call kept on one line; a longer one puts each parameter on its own line (backtick continuations). */
const LINE_WIDTH = 100;

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

/**
 * `Get-MgX -ApplicationId '…' -Credentials @(…)`; a whole body goes through `$params` first.
 * A call longer than the line width gets one parameter per line, a long value over several.
 */
export function powerShellCode(invocation: Invocation): string {
  const prelude: string[] = [];
  // '' for a switch, which takes no value
  const parameters: { name: string; value: ExampleValue | '$params' | '' }[] = [];
  for (const argument of invocation.arguments) {
    if ((argument.role.kind === 'body' && isBinaryExample(argument.value)) || (argument.role.kind === 'body-property' && argument.role.fromFile === true)) {
      parameters.push({ name: argument.parameter.name, value: { kind: 'string', value: BINARY_EXAMPLE_FILE } });
    } else if (argument.role.kind === 'body') {
      prelude.push(`$params = ${psValue(argument.value, 0, true)}`, '');
      parameters.push({ name: argument.parameter.name, value: '$params' });
    } else if (argument.parameter.isSwitch && (argument.value.kind === 'boolean' || (argument.value.kind === 'string' && /^(true|false)$/.test(argument.value.value)))) {
      // a switch is present or absent: `-All`, never `-All $true` (a function's boolean in the path comes as 'true')
      if (argument.value.value === true || argument.value.value === 'true') parameters.push({ name: argument.parameter.name, value: '' });
      else parameters.push({ name: `${argument.parameter.name}:$false`, value: '' });
    } else {
      parameters.push({ name: argument.parameter.name, value: argument.value });
    }
  }
  const render = (value: ExampleValue | '$params' | '', multiline: boolean) => (value === '$params' || value === '' ? value : psValue(value, 1, multiline));
  const written = (name: string, value: ExampleValue | '$params' | '', multiline: boolean) => (value === '' ? `-${name}` : `-${name} ${render(value, multiline)}`);
  const oneLine = [invocation.command.name, ...parameters.map(({ name, value }) => written(name, value, false))].join(' ');
  if (oneLine.length <= LINE_WIDTH || parameters.length === 0) return [...prelude, oneLine].join('\n');
  const lines = parameters.map(({ name, value }) => {
    const short = `  ${written(name, value, false)}`;
    return short.length <= LINE_WIDTH ? short : `  ${written(name, value, true)}`;
  });
  return [...prelude, [invocation.command.name, ...lines].join(' `\n')].join('\n');
}

export function powerShellSnippet(invocation: Invocation | undefined): Snippet | undefined {
  if (!invocation) return undefined;
  const moduleName = invocation.command.moduleName;
  const code = [...(moduleName ? [`Import-Module ${moduleName}`, ''] : []), powerShellCode(invocation)].join('\n');
  return { title: 'PowerShell', language: 'powershell', code };
}
