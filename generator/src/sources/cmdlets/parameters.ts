import type { Code, RootContent } from 'mdast';
import { reportError, reportWarning, sourcePosition, type ParseContext } from './context.js';
import { blockText, startOf } from './markdown.js';
import type { ParameterFacts } from './parameter-facts.js';
import { readParameterYaml } from './parameter-yaml.js';
import type { HelpSection, HelpSubsection } from './sections.js';
import type { CmdletParameter, SourcePosition } from './types.js';

export interface ParametersSection {
  readonly parameters: readonly CmdletParameter[];
  /** Every `### -Name` heading, readable or not, so a broken block is not also reported as missing. */
  readonly documentedNames: ReadonlySet<string>;
  readonly hasCommonParametersEntry: boolean;
}

export function readParameters(section: HelpSection | undefined, context: ParseContext): ParametersSection {
  const parameters: CmdletParameter[] = [];
  const documentedNames = new Set<string>();
  let hasCommonParametersEntry = false;
  for (const subsection of section?.subsections ?? []) {
    if (subsection.title.toLowerCase() === 'commonparameters') {
      hasCommonParametersEntry = true;
    } else if (subsection.title.startsWith('-')) {
      const name = subsection.title.slice(1).trim();
      if (documentedNames.has(name.toLowerCase())) reportDuplicate(name, subsection, context);
      documentedNames.add(name.toLowerCase());
      const parameter = readParameter(name, subsection, context);
      if (parameter) parameters.push(parameter);
    } else {
      reportUnexpectedHeading(subsection, context);
    }
  }
  return { parameters, documentedNames, hasCommonParametersEntry };
}

function readParameter(name: string, subsection: HelpSubsection, context: ParseContext): CmdletParameter | undefined {
  const fences = subsection.body.filter(isYamlFence);
  if (fences.length === 0) {
    reportError(context, {
      code: 'cmdlet/missing-parameter-yaml',
      message: `Parameter -${name} under ## PARAMETERS has no \`\`\`yaml block.`,
      hint: 'Add a ```yaml block with Type, Parameter Sets, Aliases, Required, Position and pipeline input.',
      at: startOf(subsection.heading),
    });
    return undefined;
  }
  // platyPS 0.14 writes one block per group of sets whose facts differ (e.g. Position per set).
  const blocks = fences.map((fence) => readParameterYaml(fence, name, context));
  const facts = blocks.filter((block) => block !== undefined);
  if (facts.length !== blocks.length) return undefined;
  const description = blockText(subsection.body.filter((node) => node.type !== 'code'));
  return mergeFacts(name, description, facts, sourcePosition(context, startOf(subsection.heading)));
}

function mergeFacts(name: string, description: string, facts: readonly ParameterFacts[], position: SourcePosition): CmdletParameter {
  const defaultValue = facts.find((fact) => fact.defaultValue !== undefined)?.defaultValue;
  return {
    name,
    description,
    type: facts.find((fact) => fact.type !== undefined)?.type ?? '',
    aliases: distinct(facts.flatMap((fact) => fact.aliases)),
    parameterSets: facts.flatMap((fact) => fact.memberships),
    ...(defaultValue === undefined ? {} : { defaultValue }),
    acceptsWildcards: facts.some((fact) => fact.acceptsWildcards),
    pipelineInput: distinct(facts.map((fact) => fact.pipelineInput)).join('; '),
    acceptedValues: distinct(facts.flatMap((fact) => fact.acceptedValues)),
    position,
  };
}

function isYamlFence(node: RootContent): node is Code {
  return node.type === 'code' && (node.lang === 'yaml' || node.lang === 'yml');
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function reportDuplicate(name: string, subsection: HelpSubsection, context: ParseContext): void {
  reportError(context, {
    code: 'cmdlet/duplicate-parameter',
    message: `Parameter -${name} is documented twice under ## PARAMETERS.`,
    hint: 'Keep one `### -Name` block per parameter; put per-set differences in extra ```yaml blocks under it.',
    at: startOf(subsection.heading),
  });
}

function reportUnexpectedHeading(subsection: HelpSubsection, context: ParseContext): void {
  reportWarning(context, {
    code: 'cmdlet/unexpected-parameter-heading',
    message: `'### ${subsection.title}' under ## PARAMETERS is neither a parameter ('### -Name') nor CommonParameters; ignored.`,
    hint: "Start parameter headings with '-', e.g. '### -ApplicationId'.",
    at: startOf(subsection.heading),
  });
}
