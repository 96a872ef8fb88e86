import { reportError, type ParseContext } from './context.js';
import type { CmdletParameter, SyntaxBlock } from './types.js';

export const ALL_SETS = '(All)';

/** Every parameter a syntax line names needs its `### -Name` entry under PARAMETERS. */
export function checkSyntaxParametersDocumented(blocks: readonly SyntaxBlock[], documentedNames: ReadonlySet<string>, context: ParseContext): void {
  for (const block of blocks) {
    for (const parameter of block.parameters) {
      if (documentedNames.has(parameter.name.toLowerCase())) continue;
      reportError(context, {
        code: 'cmdlet/undocumented-parameter',
        message: `Syntax block '${block.setName}' names -${parameter.name}, which has no '### -${parameter.name}' entry under ## PARAMETERS.`,
        hint: `Add a '### -${parameter.name}' section with its yaml block under ## PARAMETERS, or remove it from the syntax line.`,
        at: parameter.source ?? block.position,
      });
    }
  }
}

/** Every set a parameter's yaml names must be a `### SetName` block under SYNTAX. */
export function checkParameterSetsExist(parameters: readonly CmdletParameter[], blocks: readonly SyntaxBlock[], context: ParseContext): void {
  const known = new Set(blocks.map((block) => block.setName));
  const knownList = [...known].join(', ') || 'none';
  for (const parameter of parameters) {
    for (const membership of parameter.parameterSets) {
      if (membership.setName === ALL_SETS || known.has(membership.setName)) continue;
      reportError(context, {
        code: 'cmdlet/unknown-parameter-set',
        message: `Parameter -${parameter.name} names parameter set '${membership.setName}', which no SYNTAX block defines (SYNTAX has: ${knownList}).`,
        hint: `Use one of the set names under ## SYNTAX, or add a '### ${membership.setName}' syntax block.`,
        at: membership.source ?? parameter.position,
      });
    }
  }
}
