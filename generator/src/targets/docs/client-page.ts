/** The page of one request builder of the TypeScript client (the root page is the client itself). */
import { generatedHeader } from '../shared/generated-file.js';
import type { PropertyModel, TypeModel } from '../../model/index.js';
import { type BuilderNode, CLIENT_NAME, type ClientSurface, type NavigationMember } from '../shared/client-surface/index.js';
import { typeScriptType } from '../shared/client-surface/values.js';
import { typeLabel, typesReachedBy, type DocsContext } from './context.js';
import { clientNodeLabel, pagePaths, relativeLink } from './names.js';
import { typeScriptCall, typeScriptCode, typeScriptProgram } from './snippet-typescript.js';
import type { OperationExample } from './example-value.js';
import { render } from './templates.js';

/** How the parent declares the member: `synchronization`, `byApplicationId(applicationId: string)`. */
function memberSignature(member: NavigationMember | undefined): string {
  if (!member) return '';
  return member.kind === 'property' ? member.name : `${member.name}(${member.parameters.map((parameter) => `${parameter.name}: string`).join(', ')})`;
}

function pageOf(node: BuilderNode): string {
  return node.dir ? pagePaths.clientBuilder(node.dir) : pagePaths.clientIndex;
}

export function renderClientPage(context: DocsContext, node: BuilderNode): string {
  const page = pageOf(node);
  const parent = context.client.parentOf(node);
  const path = node.dir ? node.displayPath : '';
  const methods = node.operations.map((operation) => {
    const method = operation.method.toLowerCase();
    const bodyTypeName = operation.requestBody?.type.kind === 'named' ? operation.requestBody.type.name : 'unknown';
    const bodyArgument = operation.requestBody ? `body: ${bodyTypeName}, ` : '';
    const returns = operation.success.type ? `Promise<${typeScriptType(operation.success.type)} | undefined>` : 'Promise<void>';
    const example = context.examples.get(operation.key);
    const types = typesReachedBy(context, operation);
    return {
      name: method,
      signature: signature(method, [...(operation.requestBody ? [`body: ${bodyTypeName}`] : []), 'requestConfiguration?: RequestConfiguration<object>'], returns),
      requestInformation: `to${method.charAt(0).toUpperCase()}${method.slice(1)}RequestInformation(${bodyArgument}requestConfiguration?): RequestInformation`,
      summary: operation.summary,
      description: operation.description,
      bodyMd: operation.requestBody ? typeLabel(context, operation.requestBody.type, page) : undefined,
      errorsMd: operation.errors.map((error) => typeLabel(context, error.type, page)).join(', '),
      example: example ? typeScriptCode(example, context.clientPackage, context.client) : '',
      errorExample: example ? errorHandlingCode(example, context.clientPackage, context.client, context.types) : '',
      operationHref: relativeLink(page, pagePaths.operation(operation)),
      operationLabel: `${operation.method} ${operation.path}`,
      types: types.map((name) => ({ name, href: relativeLink(page, pagePaths.model(name)) })),
    };
  });
  const view = {
    header: generatedHeader('html'),
    title: clientNodeLabel(node),
    isRoot: node.dir === '',
    root: { name: CLIENT_NAME, href: relativeLink(page, pagePaths.clientIndex) },
    expression: context.client.nodeExpression(node, (parameter) => parameter.name),
    path,
    uriTemplate: node.dir ? uriTemplate(path) : undefined,
    packageName: context.clientPackage,
    baseUrl: context.model.baseUrl,
    parent: parent && { name: parent.builderName, href: relativeLink(page, pageOf(parent)) },
    members: node.children.map((child) => ({ member: memberSignature(child.member), name: child.builderName, href: relativeLink(page, pageOf(child)) })),
    methods,
  };
  return render('client-builder', view);
}

/** `post(body: X, requestConfiguration?: …): Promise<void>`, one parameter per line when long. */
function signature(name: string, parameters: readonly string[], returns: string): string {
  const oneLine = `${name}(${parameters.join(', ')}): ${returns}`;
  return oneLine.length <= 80 ? oneLine : `${name}(\n${parameters.map((parameter) => `  ${parameter},\n`).join('')}): ${returns}`;
}

/** Kiota's URI template: `{+baseurl}` then the path, `-` in variable names encoded as `%2D`. */
function uriTemplate(path: string): string {
  return `{+baseurl}${path.replace(/\{([^}]+)\}/g, (_, name: string) => `{${name.replace(/-/g, '%2D')}}`)}`;
}

/** A property of an object type, by its wire name in any case (Graph spells `innerError` and `innererror`). */
function propertyOf(types: ReadonlyMap<string, TypeModel>, typeName: string | undefined, wireName: string): PropertyModel | undefined {
  const type = typeName === undefined ? undefined : types.get(typeName);
  return type?.kind === 'object' ? type.properties.find((property) => property.wireName.toLowerCase() === wireName.toLowerCase()) : undefined;
}

/** The lines that print an OData error's code, message and request-id, through the names the error type has. */
function errorReport(types: ReadonlyMap<string, TypeModel>, errorTypeName: string): string[] {
  const main = propertyOf(types, errorTypeName, 'error');
  const mainType = main?.type.kind === 'named' ? main.type.name : undefined;
  if (!main || !mainType) return ['  console.error(odataError.message);'];
  const inner = propertyOf(types, mainType, 'innerError');
  const requestId = inner ? [`  const requestId = odataError.${main.name}?.${inner.name}?.additionalData?.["request-id"];`] : [];
  const fields = ['code', 'message'].flatMap((field) => {
    const property = propertyOf(types, mainType, field);
    return property ? [`odataError.${main.name}?.${property.name}`] : [];
  });
  return [...requestId, `  console.error(${[...fields, ...(inner ? ['requestId'] : [])].join(', ') || 'odataError.message'});`];
}

/**
 * The call again, inside try/catch with the operation's error type (the description's; an
 * operation that declares none rejects with Kiota's generic `ApiError`).
 */
function errorHandlingCode(example: OperationExample, packageName: string, surface: ClientSurface, types: ReadonlyMap<string, TypeModel>): string {
  const call = typeScriptCall(example, surface);
  const errorType = example.operation.errors.map((error) => error.type).find((type) => type.kind === 'named');
  const attempt = ['try {', ...call.statement.split('\n').map((line) => `  ${line}`), '} catch (error) {'];
  if (errorType?.kind !== 'named') return typeScriptProgram(call, packageName, [...attempt, '  console.error(error instanceof Error ? error.message : error);', '  throw error;', '}']);
  return typeScriptProgram(call, packageName, [...attempt, `  const odataError = error as ${errorType.name};`, ...errorReport(types, errorType.name), '  throw error;', '}'], [errorType.name]);
}
