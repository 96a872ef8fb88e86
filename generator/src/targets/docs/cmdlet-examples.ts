/**
 * The EXAMPLES of a cmdlet page: the help's own examples, with each `{{ Add code here }}`
 * placeholder replaced by an example generated from the operation's example value, one per kind
 * of parameter set (separate values, request body, identity object).
 */
import type { CommandModel } from '../../model/index.js';
import type { DocsContext } from './context.js';
import { invocationOf, STYLE_ORDER, type Invocation, type SetStyle } from './invocation.js';
import { powerShellCode } from './snippet-powershell.js';

const TITLES: Readonly<Record<SetStyle, string>> = {
  expanded: 'Pass the values as parameters',
  body: 'Pass the request body as a hash table',
  'identity-expanded': 'Identify the object with -InputObject',
  'identity-body': 'Identity object and request body',
};

const REMARKS: Readonly<Record<SetStyle, (invocation: Invocation) => string>> = {
  expanded: (invocation) => `This example passes the values as separate parameters (parameter set ${invocation.set.name}): ${names(invocation)}.`,
  body: (invocation) => `This example builds the whole request body as a hash table and passes it with -BodyParameter (parameter set ${invocation.set.name}).`,
  'identity-expanded': (invocation) => `This example identifies the object with an identity hash table passed to -InputObject (parameter set ${invocation.set.name}).`,
  'identity-body': (invocation) => `This example combines an identity hash table (-InputObject) with the whole request body (-BodyParameter) (parameter set ${invocation.set.name}).`,
};

function names(invocation: Invocation): string {
  return invocation.arguments.map((argument) => `-${argument.parameter.name}`).join(', ');
}

/** One generated example per kind of parameter set, best first. */
export function generatedExamples(context: DocsContext, command: CommandModel): { title: string; code: string; remarks: string }[] {
  const invocations: Invocation[] = [];
  for (const set of command.parameterSets) {
    const example = set.operationKey ? context.examples.get(set.operationKey) : undefined;
    const invocation = example && invocationOf(command, set, example);
    if (invocation && !invocations.some((other) => other.style === invocation.style)) invocations.push(invocation);
  }
  invocations.sort((a, b) => STYLE_ORDER.indexOf(a.style) - STYLE_ORDER.indexOf(b.style));
  return invocations.map((invocation) => ({
    title: TITLES[invocation.style],
    code: powerShellCode(invocation),
    remarks: REMARKS[invocation.style](invocation),
  }));
}

export function examplesOf(context: DocsContext, command: CommandModel): { title: string; code: string; remarks: string }[] {
  const generated = generatedExamples(context, command);
  const kept = command.examples.length
    ? command.examples.flatMap((example) => {
        if (!example.isPlaceholder) return [{ title: example.title, code: example.code, remarks: example.remarks }];
        const replacement = generated.shift();
        return replacement ? [replacement] : [];
      })
    : generated;
  return kept.map((example, index) => ({
    ...example,
    title: /^example\s+\d+/i.test(example.title) ? example.title : `Example ${index + 1}: ${example.title}`,
  }));
}
