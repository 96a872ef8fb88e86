/**
 * JSDoc of request builders and their members: the description's text, the cmdlet help
 * (which PowerShell cmdlet calls the operation, synopsis, the parameters that carry path keys and
 * the body, aliases), the documentation links and the error types thrown.
 */
import { typesByName, type ApiModel, type OperationModel } from '../../model/index.js';
import type { HelpIndex } from './help-index.js';
import { firstHelpLine, isMeaningful, jsDoc, seeLink, type DocTag } from './jsdoc.js';
import type { BuilderNode, NavigationParameter } from '../shared/client-surface/navigation-tree.js';
import type { OperationFacts } from './operation-facts.js';
import { errorMappings } from './request-metadata.js';
import { objectIdNote } from '../shared/object-id-note.js';

const REQUEST_CONFIGURATION_DOC = 'Configuration for the request such as headers, query parameters, and middleware options.';

/** What a builder gives access to. */
export function builderDescription(node: BuilderNode, model: ApiModel): string {
  const segment = node.segment;
  if (!segment) return `The entry point of the ${model.title} client (${model.version}): every request starts from here.`;
  if (segment.kind === 'action' || segment.kind === 'function') {
    return `Provides operations to call the ${segment.name} ${segment.kind} (\`${node.displayPath}\`).`;
  }
  if (segment.kind === 'parameter') return `Provides operations to manage one item of \`${node.parentDisplayPath ?? '/'}\` (\`${node.displayPath}\`).`;
  return `Provides operations to manage \`${node.displayPath}\`.`;
}

/** The operations at and below a node, for help lookups. */
function operationsUnder(node: BuilderNode): OperationModel[] {
  return [...node.operations, ...node.children.flatMap(operationsUnder)];
}

function parameterDoc(parameter: NavigationParameter, child: BuilderNode, help: HelpIndex): string {
  const pathKey = operationsUnder(child)
    .map((operation) => help.pathKey(operation.key, parameter.wireName))
    .find((found) => found !== undefined);
  const declared = parameter.description ?? pathKey?.description ?? `The ${parameter.wireName} path parameter`;
  const description = `${declared.replace(/\.$/, '')}${objectIdNote(help.alternateKeys(parameter.wireName))}`;
  if (!pathKey) return `${parameter.name} ${description}`;
  const aliases = pathKey.aliases.length > 0 ? ` (alias ${pathKey.aliases.map((alias) => `\`-${alias}\``).join(', ')})` : '';
  return `${parameter.name} ${description}. PowerShell: \`-${pathKey.parameter}\`${aliases}.`.replace(/\.\. PowerShell/, '. PowerShell');
}

/** JSDoc of `byApplicationId(applicationId)` and other navigation methods. */
export function navigationMethodDoc(child: BuilderNode, parameters: readonly NavigationParameter[], help: HelpIndex, description: string): string {
  return jsDoc([description], [...parameters.map((parameter): DocTag => ({ tag: 'param', text: parameterDoc(parameter, child, help) })), { tag: 'returns', text: `{${child.builderName}}` }]);
}

function operationParagraphs(operation: OperationModel, help: HelpIndex): string[] {
  const description = operation.description ?? operation.summary ?? `${operation.method} ${operation.path}`;
  const paragraphs = [description];
  for (const command of help.commandsFor(operation.key)) {
    const synopsis = isMeaningful(command.synopsis) && firstHelpLine(command.synopsis) !== description.trim() ? ` — ${firstHelpLine(command.synopsis)}` : '';
    paragraphs.push(`PowerShell: \`${command.name}\`${synopsis}`);
  }
  paragraphs.push(`\`${operation.method} ${operation.path}\``);
  return paragraphs;
}

function requestConfigurationDoc(operation: OperationModel): string {
  if (operation.headerParameters.length === 0) return `requestConfiguration ${REQUEST_CONFIGURATION_DOC}`;
  const headers = operation.headerParameters.map((header) => {
    const what = header.description !== undefined ? `: ${header.description.trim().replace(/\.$/, '')}` : '';
    return `\`${header.wireName}\`${header.required ? ' (required)' : ''}${what}`;
  });
  return `requestConfiguration ${REQUEST_CONFIGURATION_DOC} Request headers this operation reads (set them in \`headers\`): ${headers.join('; ')}.`;
}

/** `-BodyParameter`, or the properties one by one: `-Credentials`, `-AdditionalProperties`. */
function bodyParametersDoc(operation: OperationModel, help: HelpIndex): string {
  const { whole, expanded } = help.bodyParameters(operation.key);
  const list = (names: readonly string[]) => names.map((name) => `\`-${name}\``).join(', ');
  if (whole.length > 0 && expanded.length > 0) return ` PowerShell: ${list(whole)}, or the properties one by one: ${list(expanded)}.`;
  if (whole.length > 0) return ` PowerShell: ${list(whole)}.`;
  if (expanded.length > 0) return ` PowerShell: the properties one by one: ${list(expanded)}.`;
  return '';
}

function bodyDoc(operation: OperationModel, help: HelpIndex): DocTag[] {
  if (!operation.requestBody) return [];
  const description = (operation.requestBody.description ?? 'The request body').trim().replace(/\.?$/, '.');
  return [{ tag: 'param', text: `body ${description}${bodyParametersDoc(operation, help)}` }];
}

/** JSDoc of `post(body, requestConfiguration?)`. */
export function operationDoc(facts: OperationFacts, returnType: string, model: ApiModel, help: HelpIndex): string {
  const { operation } = facts;
  const types = typesByName(model);
  const tags: DocTag[] = [...bodyDoc(operation, help), { tag: 'param', text: requestConfigurationDoc(operation) }];
  if (returnType !== 'Promise<void>') tags.push({ tag: 'returns', text: `{${returnType}}` });
  for (const mapping of errorMappings(operation.errors, types)) {
    const when = mapping.key === 'XXX' ? 'a 4XX or 5XX' : `a ${mapping.key.replace(/^_/, '')}`;
    tags.push({ tag: 'throws', text: `{${mapping.typeName}} error when the service returns ${when} status code` });
  }
  if (operation.externalDocs) tags.push(seeLink(operation.externalDocs.url, operation.externalDocs.description ?? 'Find more info here'));
  for (const command of help.commandsFor(operation.key)) {
    if (command.onlineVersion) tags.push(seeLink(command.onlineVersion, `${command.name} (PowerShell)`));
  }
  if (operation.deprecated) tags.push({ tag: 'deprecated' });
  return jsDoc(operationParagraphs(operation, help), tags);
}

/**
 * JSDoc of `toPostRequestInformation(body, requestConfiguration?)`: a link to `post`, which
 * documents the operation once (a copy here was 8% of a module's client sources).
 */
export function requestInformationDoc(facts: OperationFacts, builderName: string): string {
  const sender = `{@link ${builderName}.${facts.methodName}}`;
  const tags: DocTag[] = [...(facts.operation.requestBody ? [{ tag: 'param', text: `body As for ${sender}.` }] : []), { tag: 'param', text: `requestConfiguration As for ${sender}.` }];
  return jsDoc([`Builds the request that ${sender} sends, without sending it.`], tags);
}
