/**
 * The page of one cmdlet, in platyPS 0.14 form ("schema: 2.0.0"), so PowerShell tooling — and
 * our own reader — can read it back. Placeholder examples are replaced by examples rendered from
 * the operation's example value; `.` or empty descriptions by the description's text.
 */
import {
  namedTypesOf,
  operationByKey,
  type CommandModel,
  type CommandParameterModel,
  type ComplexPropertyModel,
  type OperationModel,
  type ParameterRole,
  type PropertyModel,
  type TypeRef,
} from '../../model/index.js';
import { generatedHeader } from '../shared/generated-file.js';
import { code, link, text } from './escape.js';
import { describeByType, type DocsContext } from './context.js';
import { rolesOf } from './invocation.js';
import { examplesOf } from './cmdlet-examples.js';
import { operationTitle, pagePaths, relativeLink } from './names.js';
import { wrapItems } from './wrap.js';
import { render } from './templates.js';

const SYNTAX_WIDTH = 110;

/** One-line descriptions platyPS leaves when the description had none. */
function isEmptyDescription(line: string | undefined): boolean {
  const trimmed = (line ?? '').trim();
  return trimmed === '' || trimmed === '.' || /^\{\{.*\}\}$/.test(trimmed);
}

function withoutPlaceholder(note: { readonly typeName: string; readonly description: string }) {
  return { typeName: note.typeName, description: isEmptyDescription(note.description) ? '' : note.description };
}

export function renderCmdletPage(context: DocsContext, command: CommandModel): string {
  const page = pagePaths.cmdlet(command);
  const roles = rolesOf(command);
  const operations = operationsOf(context, command);
  const describe = (parameter: CommandParameterModel) => parameterDescription(context, parameter, roles.get(parameter.name), operations.get(parameter.name));
  const view = {
    header: generatedHeader('html'),
    frontMatter: [
      ['external help file', ''],
      ['Module Name', command.moduleName ?? ''],
      ['online version', command.onlineVersion ?? ''],
      ['schema', '2.0.0'],
    ].map(([key, value]) => `${key}:${value ? ` ${yamlScalar(value)}` : ''}`),
    name: command.name,
    synopsis: isEmptyDescription(command.synopsis) ? (firstOperation(context, command)?.summary ?? command.name) : command.synopsis,
    description: isEmptyDescription(command.description) ? (firstOperation(context, command)?.description ?? command.synopsis) : command.description,
    syntax: command.parameterSets.map((set) => ({ name: set.name, isDefault: set.isDefault, usage: wrapUsage(set.usage) })),
    examples: examplesOf(context, command),
    parameters: command.parameters.map((parameter) => ({
      name: parameter.name,
      description: describe(parameter),
      yamlBlocks: yamlBlocks(command, parameter),
    })),
    supportsCommonParameters: command.supportsCommonParameters,
    inputs: command.inputs.map(withoutPlaceholder),
    outputs: command.outputs.map(withoutPlaceholder),
    notes: command.parameters
      .filter((parameter) => parameter.complexProperties?.length)
      .map((parameter) => noteLines(context, page, parameter, describe(parameter), roles.get(parameter.name), operations.get(parameter.name)).join('\n')),
    links: [
      ...command.links.map((entry) => ({ label: entry.text, url: entry.url })),
      // the same command in the CLI, where the cmdlet name is an alias of it
      ...context.cliCommands
        .filter((cli) => cli.data.cmdlet === command.name)
        .map((cli) => ({ label: `${context.binName} command: ${context.binName} ${cli.data.path.join(' ')}`, url: relativeLink(page, pagePaths.cliCommand(cli.file)) })),
      ...[...new Set(operations.values())].flatMap((operation) => [
        { label: `Operation: ${operationTitle(operation)}`, url: relativeLink(page, pagePaths.operation(operation)) },
        ...(operation.externalDocs && !command.links.some((entry) => entry.url === operation.externalDocs?.url)
          ? [{ label: `Microsoft Graph reference: ${operationTitle(operation)}`, url: operation.externalDocs.url }]
          : []),
      ]),
    ],
  };
  return render('cmdlet', view);
}

/** Parameter name → the operation of the first set that binds it. */
function operationsOf(context: DocsContext, command: CommandModel): Map<string, OperationModel> {
  const result = new Map<string, OperationModel>();
  for (const set of command.parameterSets) {
    const operation = operationByKey(context.model, set.operationKey);
    if (!operation) continue;
    for (const binding of set.parameters) if (!result.has(binding.parameter)) result.set(binding.parameter, operation);
  }
  return result;
}

function firstOperation(context: DocsContext, command: CommandModel): OperationModel | undefined {
  const key = command.parameterSets.find((set) => set.operationKey)?.operationKey;
  return operationByKey(context.model, key);
}

// ---------------------------------------------------------------- descriptions from the schema

function bodyObjectProperties(context: DocsContext, type: TypeRef | undefined): readonly PropertyModel[] {
  const element = type?.kind === 'collection' ? type.items : type;
  const named = element?.kind === 'named' ? context.types.get(element.name) : undefined;
  return named?.kind === 'object' ? named.properties : [];
}

/** The description's text for what a parameter stands for. */
function schemaDescription(context: DocsContext, role: ParameterRole | undefined, operation: OperationModel | undefined): string {
  if (!role || !operation) return '';
  switch (role.kind) {
    case 'path-key':
      return operation.pathParameters.find((parameter) => parameter.wireName === role.pathParameter)?.description ?? '';
    case 'body': {
      const body = operation.requestBody;
      const named = body?.type.kind === 'named' ? context.types.get(body.type.name) : undefined;
      return body?.description ?? named?.description ?? 'The request body.';
    }
    case 'body-property': {
      const property = bodyObjectProperties(context, operation.requestBody?.type).find((candidate) => candidate.wireName === role.property);
      return property ? (property.description ?? describeByType(property.type)) : '';
    }
    case 'query':
      return operation.queryParameters.find((parameter) => parameter.wireName === role.queryParameter)?.description ?? '';
    case 'header':
      return operation.headerParameters.find((parameter) => parameter.wireName === role.header)?.description ?? '';
    case 'identity':
      return 'Identity Parameter';
    case 'additional-properties':
      return 'Additional Parameters';
    default:
      return '';
  }
}

export function parameterDescription(context: DocsContext, parameter: CommandParameterModel, role: ParameterRole | undefined, operation: OperationModel | undefined): string {
  const lines = parameter.description.split('\n');
  if (!isEmptyDescription(lines[0])) return parameter.description;
  const replacement = schemaDescription(context, role, operation) || `The ${parameter.name} parameter.`;
  return [replacement, ...lines.slice(1)].join('\n').trim();
}

/**
 * A NOTES property tree longer than NOTES_LINE_BUDGET lines is cut after NOTES_DEPTH levels, each
 * cut property linking its model page. Graph's help nests whole entity graphs (2.6 MB for one
 * drive cmdlet); smaller trees are spelt out whole, as platyPS writes them.
 */
export const NOTES_DEPTH = 2;
export const NOTES_LINE_BUDGET = 400;

function treeSize(tree: readonly ComplexPropertyModel[]): number {
  return tree.reduce((total, property) => total + 1 + treeSize(property.properties), 0);
}

/** NOTES: `NAME <Type>`: description, then the property tree as a nested list. */
function noteLines(context: DocsContext, page: string, parameter: CommandParameterModel, description: string, role: ParameterRole | undefined, operation: OperationModel | undefined): string[] {
  const typeName = `${parameter.dotnetType.split('.').pop() ?? parameter.dotnetType}`;
  const properties =
    role?.kind === 'body'
      ? bodyObjectProperties(context, operation?.requestBody?.type)
      : role?.kind === 'body-property'
        ? bodyObjectProperties(context, bodyObjectProperties(context, operation?.requestBody?.type).find((p) => p.wireName === role.property)?.type)
        : [];
  const lines = [`${code(`${parameter.name.toUpperCase()} <${typeName}>`)}: ${text(description.split('\n')[0])}`];
  const cut = treeSize(parameter.complexProperties ?? []) > NOTES_LINE_BUDGET;
  const visit = (tree: readonly ComplexPropertyModel[], schema: readonly PropertyModel[], depth: number) => {
    for (const property of tree) {
      const match = schema.find((candidate) => candidate.wireName.toLowerCase() === property.name.toLowerCase());
      const fromSchema = match ? (match.description ?? describeByType(match.type)) : '';
      const said = isEmptyDescription(property.description) ? fromSchema : property.description;
      const label = property.required ? `${property.name} <${property.typeName}>` : `[${property.name} <${property.typeName}>]`;
      const deeper = cut && property.properties.length > 0 && depth >= NOTES_DEPTH;
      const modelName = deeper && match ? namedTypesOf(match.type)[0] : undefined;
      const seeAlso = modelName && context.types.has(modelName) ? ` Its properties: ${link(modelName, relativeLink(page, pagePaths.model(modelName)))}.` : '';
      lines.push(`${'  '.repeat(depth)}- ${code(label)}: ${text(said)}${seeAlso}`.trimEnd());
      if (!deeper) visit(property.properties, bodyObjectProperties(context, match?.type), depth + 1);
    }
  };
  visit(parameter.complexProperties ?? [], properties, 1);
  return lines;
}

// ---------------------------------------------------------------- syntax, parameters

/** platyPS wraps usage lines before a parameter; continuation lines start with a space. */
export function wrapUsage(usage: string): string {
  return wrapItems(usage.split(/ (?=\[?-|\[<)/), SYNTAX_WIDTH, ' ');
}

function pipelineText(fromPipeline: boolean, byPropertyName: boolean): string {
  if (fromPipeline && byPropertyName) return 'True (ByPropertyName, ByValue)';
  if (fromPipeline) return 'True (ByValue)';
  if (byPropertyName) return 'True (ByPropertyName)';
  return 'False';
}

/** One YAML block per group of sets with the same facts; `(All)` when one group covers every set. */
function yamlBlocks(command: CommandModel, parameter: CommandParameterModel): string[] {
  const groups = new Map<string, { sets: string[]; required: boolean; position: string; pipeline: string }>();
  for (const setName of parameter.parameterSets) {
    const binding = command.parameterSets.find((set) => set.name === setName)?.parameters.find((entry) => entry.parameter === parameter.name);
    const facts = {
      required: binding?.required ?? false,
      position: binding?.position ?? 'Named',
      pipeline: pipelineText(binding?.valueFromPipeline ?? false, binding?.valueFromPipelineByPropertyName ?? false),
    };
    const key = JSON.stringify(facts);
    const group = groups.get(key) ?? { sets: [], ...facts };
    group.sets.push(setName);
    groups.set(key, group);
  }
  const all = groups.size === 1 && command.parameterSets.length > 1 && parameter.parameterSets.length === command.parameterSets.length;
  return [...groups.values()].map((group) =>
    [
      `Type: ${parameter.dotnetType}`,
      `Parameter Sets: ${all ? '(All)' : group.sets.join(', ')}`,
      `Aliases:${parameter.aliases.length ? ` ${parameter.aliases.join(', ')}` : ''}`,
      ...(parameter.acceptedValues.length ? [`Accepted values: ${parameter.acceptedValues.join(', ')}`] : []),
      '',
      `Required: ${group.required ? 'True' : 'False'}`,
      `Position: ${group.position}`,
      `Default value: ${parameter.defaultValue ?? 'None'}`,
      `Accept pipeline input: ${group.pipeline}`,
      `Accept wildcard characters: ${parameter.acceptsWildcards ? 'True' : 'False'}`,
    ].join('\n'),
  );
}

function yamlScalar(value: string): string {
  return /^[\w./:?=&%-]+$/.test(value) && !value.includes(': ') ? value : JSON.stringify(value);
}
