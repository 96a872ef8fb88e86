/** The page of one request builder of the TypeScript client (the root page is the client itself). */
import { generatedHeader } from '../../output/index.js';
import { clientNodeLabel, type ClientNode } from './client-tree.js';
import { typeLabel, typesReachedBy, type DocsContext } from './context.js';
import { pagePaths, relativeLink } from './names.js';
import { ADAPTER_COMMENT, typeScriptCall, typeScriptCode, typeScriptImports } from './snippet-typescript.js';
import type { OperationExample } from './example-value.js';
import { render } from './templates.js';

function pageOf(node: ClientNode): string {
  return node.dir ? pagePaths.clientBuilder(node.dir) : pagePaths.clientIndex;
}

export function renderClientPage(context: DocsContext, node: ClientNode): string {
  const page = pageOf(node);
  const parent = context.clientNodes.find((candidate) => candidate.children.includes(node));
  const methods = node.operations.map((operation) => {
    const method = operation.method.toLowerCase();
    const bodyTypeName = operation.requestBody?.type.kind === 'named' ? operation.requestBody.type.name : 'unknown';
    const bodyArgument = operation.requestBody ? `body: ${bodyTypeName}, ` : '';
    const returns = operation.success.type ? `Promise<${typeText(operation.success.type)} | undefined>` : 'Promise<void>';
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
      example: example ? typeScriptCode(example, context.clientPackage) : '',
      errorExample: example ? errorHandlingCode(example, context.clientPackage) : '',
      operationHref: relativeLink(page, pagePaths.operation(operation)),
      operationLabel: `${operation.method} ${operation.path}`,
      types: types.map((name) => ({ name, href: relativeLink(page, pagePaths.model(name)) })),
    };
  });
  const view = {
    header: generatedHeader('html'),
    title: clientNodeLabel(node),
    isRoot: node.dir === '',
    root: { name: 'GraphClient', href: relativeLink(page, pagePaths.clientIndex) },
    expression: node.expression,
    path: node.path,
    uriTemplate: node.dir ? uriTemplate(node.path) : undefined,
    packageName: context.clientPackage,
    baseUrl: context.model.baseUrl,
    parent: parent && { name: parent.builderName, href: relativeLink(page, pageOf(parent)) },
    members: node.children.map((child) => ({ member: child.member ?? '', name: child.builderName, href: relativeLink(page, pageOf(child)) })),
    methods,
  };
  return render('client-builder', view);
}

/** `post(body: X, requestConfiguration?: …): Promise<void>`, one parameter per line when long. */
function signature(name: string, parameters: readonly string[], returns: string): string {
  const oneLine = `${name}(${parameters.join(', ')}): ${returns}`;
  return oneLine.length <= 80 ? oneLine : `${name}(\n${parameters.map((parameter) => `  ${parameter},\n`).join('')}): ${returns}`;
}

function typeText(type: NonNullable<Parameters<typeof typeLabel>[1]>): string {
  switch (type.kind) {
    case 'named':
      return type.name;
    case 'collection':
      return `${typeText(type.items)}[]`;
    case 'primitive':
      return type.primitive === 'integer' ? 'number' : type.primitive;
    default:
      return 'unknown';
  }
}

/** Kiota's URI template: `{+baseurl}` then the path, `-` in variable names encoded as `%2D`. */
function uriTemplate(path: string): string {
  return `{+baseurl}${path.replace(/\{([^}]+)\}/g, (_, name: string) => `{${name.replace(/-/g, '%2D')}}`)}`;
}

/** The call again, inside try/catch with the client's error type. */
function errorHandlingCode(example: OperationExample, packageName: string): string {
  const call = typeScriptCall(example);
  return [
    ...typeScriptImports(call, packageName, ['ODataError']),
    '',
    ADAPTER_COMMENT,
    'const client = createGraphClient(requestAdapter);',
    '',
    ...call.declarations.flatMap((declaration) => [declaration, '']),
    'try {',
    ...call.statement.split('\n').map((line) => `  ${line}`),
    '} catch (error) {',
    '  const odataError = error as ODataError;',
    '  const requestId = odataError.error?.innerError?.additionalData?.["request-id"];',
    '  console.error(odataError.error?.code, odataError.error?.message, requestId);',
    '  throw error;',
    '}',
  ].join('\n');
}
