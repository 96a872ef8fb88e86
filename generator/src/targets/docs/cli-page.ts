/**
 * The page of one CLI command: usage per parameter set, options, examples, exit codes. Names,
 * usage lines and descriptions are the CLI target's own, so the page matches `mgkit --help`.
 */
import { EXIT_CODE_MEANINGS, GLOBAL_OPTIONS as RUNTIME_GLOBAL_OPTIONS, globalOptionLabel } from '@mgkit/cli-contract';
import { generatedHeader } from '../shared/generated-file.js';
import type { CliCommandDoc } from './cli-commands.js';
import type { DocsContext } from './context.js';
import { preferredInvocation } from './invocation.js';
import { clientNodeLabel, pagePaths, relativeLink } from './names.js';
import { wrapItems } from './wrap.js';
import { cliSnippet } from './snippets.js';
import { render } from './templates.js';

/** The runtime's exit codes and global options, from the contract the runtime itself reads. */
export const EXIT_CODES: readonly { status: number; meaning: string }[] = EXIT_CODE_MEANINGS;
export const GLOBAL_OPTIONS: readonly { option: string; description: string }[] = RUNTIME_GLOBAL_OPTIONS.map((global) => ({ option: globalOptionLabel(global), description: global.description }));

export function renderCliCommandPage(context: DocsContext, command: CliCommandDoc): string {
  const page = pagePaths.cliCommand(command.file);
  const { data } = command;
  const commandLine = [context.binName, ...data.path].join(' ');
  const operations = context.model.operations.filter((operation) => operation.key in data.operations);
  const cmdlet = context.model.commands.find((candidate) => candidate.name === data.cmdlet);
  const view = {
    header: generatedHeader('html'),
    title: commandLine,
    description: data.description || data.synopsis,
    alias: data.cmdlet ? `${context.binName} ${data.cmdlet}` : undefined,
    usages: data.sets.map((set) => ({ name: set.name, isDefault: set.isDefault, line: wrapCliUsage(`${context.binName} ${set.usage}`) })),
    options: data.options.map((option) => ({
      option: `--${option.name}`,
      optionWithValue: option.valueName ? `--${option.name} ${option.valueName}` : `--${option.name}`,
      aliases: option.aliases.map((alias) => `--${alias}`),
      aliasLabel: option.aliases.length > 1 ? 'aliases' : 'alias',
      value: option.valueName,
      repeatable: option.multiple,
      sets: setsText(
        Object.entries(option.sets).map(([set, facts]) => ({ set, required: facts.required })),
        data.sets.length,
      ),
      description: option.description,
    })),
    // A URL in the text is an example value, not a link to follow: a code span keeps it unlinked.
    globalOptions: GLOBAL_OPTIONS.map((global) => ({ ...global, description: global.description.replace(/https?:\/\/[^\s)]+/g, (url) => `\`${url}\``) })),
    examples: examplesOf(context, command),
    exitCodes: EXIT_CODES,
    seeAlso: [
      ...operations.map((operation) => ({ label: `Operation: ${operation.method} ${operation.path}`, href: relativeLink(page, pagePaths.operation(operation)) })),
      ...(cmdlet ? [{ label: `PowerShell: ${cmdlet.name}`, href: relativeLink(page, pagePaths.cmdlet(cmdlet)) }] : []),
      ...operations.flatMap((operation) => {
        const node = context.client.nodeOf(operation);
        return node ? [{ label: `TypeScript client: ${clientNodeLabel(node)}`, href: relativeLink(page, pagePaths.clientBuilder(node.dir)) }] : [];
      }),
    ],
  };
  return render('cli-command', view);
}

function examplesOf(context: DocsContext, command: CliCommandDoc): { title: string; code: string }[] {
  const result: { title: string; code: string }[] = [];
  for (const operation of context.model.operations.filter((candidate) => candidate.key in command.data.operations)) {
    const example = context.examples.get(operation.key);
    if (!example) continue;
    const invocations = (context.invocations.get(operation.key) ?? []).filter((invocation) => invocation.command.name === command.data.cmdlet);
    const preferred = preferredInvocation(invocations);
    const main = cliSnippet(example, preferred, context.cliCommands, context.binName).code;
    result.push({ title: 'Call the operation', code: main });
    result.push({ title: 'Print the request without sending it', code: `${main} \\\n  --what-if` });
    const bodySet = invocations.find((invocation) => invocation.style === 'body');
    if (bodySet && bodySet !== preferred) {
      result.push({ title: 'Send the whole request body as JSON', code: cliSnippet(example, bodySet, context.cliCommands, context.binName).code });
    }
    if (command.data.cmdlet) {
      const [, ...rest] = main.split(' \\\n');
      result.push({ title: 'The same, by the cmdlet name', code: [`${context.binName} ${command.data.cmdlet}`, ...rest].join(' \\\n') });
    }
  }
  return result;
}

/** `All` for an optional option of every set; else each set, `(required)` where it is. */
function setsText(memberships: readonly { set: string; required: boolean }[], setCount: number): string {
  if (setCount > 1 && memberships.length === setCount && memberships.every((membership) => !membership.required)) return 'All';
  return memberships.map(({ set, required }) => (required ? `${set} (required)` : set)).join(', ');
}

/** Long usage lines wrapped before an option, continuation lines indented; 64 columns fit the text column. */
function wrapCliUsage(usage: string): string {
  return wrapItems(usage.split(/ (?=\[?--)/), 64, '    ');
}
