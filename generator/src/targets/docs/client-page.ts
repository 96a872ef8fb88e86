/** The page of one request builder of the TypeScript client (the root page is the client itself). */
import { AZURE_IDENTITY_VERSION, KIOTA_RUNTIME_VERSION } from '../shared/runtime-versions.js';
import { generatedHeader } from '../shared/generated-file.js';
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
      errorExample: example ? errorHandlingCode(example, context.clientPackage, context.client) : '',
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
    installLine: [
      `npm install ${context.clientPackage}${context.clientPackageVersion ? `@${context.clientPackageVersion}` : ''}`,
      `@microsoft/kiota-http-fetchlibrary@${KIOTA_RUNTIME_VERSION}`,
      `@microsoft/kiota-authentication-azure@${KIOTA_RUNTIME_VERSION}`,
      `@azure/identity@${AZURE_IDENTITY_VERSION}`,
    ].join(' '),
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

/**
 * The call again, inside try/catch: an operation whose description declares an error type rejects
 * with the client's `ODataError`; one that declares none with Kiota's generic `ApiError`.
 */
function errorHandlingCode(example: OperationExample, packageName: string, surface: ClientSurface): string {
  const call = typeScriptCall(example, surface);
  const errorType = example.operation.errors.map((error) => error.type).find((type) => type.kind === 'named');
  const attempt = ['try {', ...call.statement.split('\n').map((line) => `  ${line}`), '} catch (error) {'];
  if (errorType?.kind !== 'named') return typeScriptProgram(call, packageName, [...attempt, '  console.error(error instanceof Error ? error.message : error);', '  throw error;', '}']);
  // every generated client throws its ODataError class (errors.ts): read it the one way the README shows
  return typeScriptProgram(
    call,
    packageName,
    [...attempt, '  if (!isODataError(error)) throw error;', '  console.error(error.responseStatusCode, error.code, error.message, error.requestId);', '  throw error;', '}'],
    [],
    ['isODataError'],
  );
}
