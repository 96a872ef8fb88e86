import type { CmdletHelp, CmdletParameter } from '../sources/cmdlets/index.js';
import type { CommandModel, CommandParameterModel, ParameterBindingModel, ParameterSetModel } from './types.js';

const ALL_SETS = '(All)';
const SWITCH_TYPE = 'System.Management.Automation.SwitchParameter';

/** The facts of a cmdlet, with `(All)` memberships expanded; bindings are added by `bindCommand`. */
export interface UnboundCommand extends Omit<CommandModel, 'parameterSets'> {
  readonly parameterSets: readonly (Omit<ParameterSetModel, 'operationKey' | 'boundBy'> & {
    readonly parameters: readonly Omit<ParameterBindingModel, 'role'>[];
  })[];
  readonly help: CmdletHelp;
}

export function buildCommand(help: CmdletHelp): UnboundCommand {
  const setNames = help.syntax.map((block) => block.setName);
  const parametersByName = new Map(help.parameters.map((parameter) => [parameter.name.toLowerCase(), parameter]));
  const defaultSet = help.syntax.find((block) => block.isDefault)?.setName ?? setNames[0] ?? '';

  const parameterSets = help.syntax.map((block) => ({
    name: block.setName,
    isDefault: block.setName === defaultSet,
    usage: block.usage,
    parameters: block.parameters.flatMap((syntaxParameter) => {
      const parameter = parametersByName.get(syntaxParameter.name.toLowerCase());
      if (!parameter) return [];
      const membership = parameter.parameterSets.find((entry) => entry.setName === block.setName) ?? parameter.parameterSets.find((entry) => entry.setName === ALL_SETS);
      return [
        {
          parameter: parameter.name,
          required: membership?.required ?? syntaxParameter.required,
          position: membership?.position ?? 'Named',
          valueFromPipeline: membership?.valueFromPipeline ?? false,
          valueFromPipelineByPropertyName: membership?.valueFromPipelineByPropertyName ?? false,
        },
      ];
    }),
  }));

  return {
    name: help.name,
    verb: help.verb,
    noun: help.noun,
    synopsis: help.synopsis,
    description: help.description,
    ...(help.onlineVersion !== undefined && { onlineVersion: help.onlineVersion }),
    ...(help.frontMatter['Module Name'] && { moduleName: help.frontMatter['Module Name'] }),
    parameterSets,
    defaultParameterSet: defaultSet,
    parameters: help.parameters.map((parameter) => commandParameter(parameter, setNames, help)),
    supportsCommonParameters: help.supportsCommonParameters,
    examples: help.examples.map(({ title, code, remarks, isPlaceholder }) => ({ title, code, remarks, isPlaceholder })),
    inputs: help.inputs,
    outputs: help.outputs,
    links: help.relatedLinks,
    source: { file: help.file, line: help.position.line },
    help,
  };
}

function commandParameter(parameter: CmdletParameter, setNames: readonly string[], help: CmdletHelp): CommandParameterModel {
  const sets = parameter.parameterSets.some((entry) => entry.setName === ALL_SETS) ? [...setNames] : parameter.parameterSets.map((entry) => entry.setName);
  const tree = help.complexParameters.find((candidate) => candidate.name.toLowerCase() === parameter.name.toLowerCase());
  return {
    name: parameter.name,
    description: parameter.description,
    dotnetType: parameter.type,
    isSwitch: parameter.type === SWITCH_TYPE,
    isArray: parameter.type.endsWith('[]'),
    aliases: parameter.aliases,
    ...(parameter.defaultValue !== undefined && { defaultValue: parameter.defaultValue }),
    acceptsWildcards: parameter.acceptsWildcards,
    acceptedValues: parameter.acceptedValues,
    parameterSets: sets,
    // the help's NOTES trees as read: their equal subtrees are one object (sources/cmdlets/notes.ts)
    ...(tree && { complexProperties: tree.properties }),
  };
}
