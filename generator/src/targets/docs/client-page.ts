/** The page of one request builder of the TypeScript client (the root page is the client itself). */
import { generatedHeader } from '../../output/index.js';
import type { ClientNode } from './client-tree.js';
import { typeLabel, typesReachedBy, type DocsContext } from './context.js';
import { pagePaths, relativeLink } from './names.js';
import { typeScriptSnippet } from './snippets.js';
import { render } from './templates.js';

function pageOf(node: ClientNode): string {
  return node.dir ? pagePaths.clientBuilder(node.dir) : pagePaths.clientIndex;
}

export function renderClientPage(context: DocsContext, node: ClientNode): string {
  const page = pageOf(node);
  const parent = context.clientNodes.find((candidate) => candidate.children.includes(node));
  const methods = node.operations.map((operation) => {
    const method = operation.method.toLowerCase();
    const bodyArgument = operation.requestBody ? `body: ${operation.requestBody.type.kind === 'named' ? operation.requestBody.type.name : 'unknown'}, ` : '';
    const returns = operation.success.type ? `Promise<${typeText(operation.success.type)} | undefined>` : 'Promise<void>';
    const example = context.examples.get(operation.key);
    const types = typesReachedBy(context, operation);
    return {
      signature: `${method}(${bodyArgument}requestConfiguration?: RequestConfiguration<object>): ${returns}`,
      requestInformation: `to${method.charAt(0).toUpperCase()}${method.slice(1)}RequestInformation(${bodyArgument}requestConfiguration?): RequestInformation`,
      summary: operation.summary,
      description: operation.description,
      bodyMd: operation.requestBody ? typeLabel(context, operation.requestBody.type, page) : undefined,
      errorsMd: operation.errors.map((error) => typeLabel(context, error.type, page)).join(', '),
      example: example ? typeScriptSnippet(example, context.clientPackage).code : '',
      errorExample: example ? errorHandlingSnippet(typeScriptSnippet(example, context.clientPackage).code, context.clientPackage) : '',
      operationHref: relativeLink(page, pagePaths.operation(operation)),
      operationLabel: `${operation.method} ${operation.path}`,
      types: types.map((name) => ({ name, href: relativeLink(page, pagePaths.model(name)) })),
    };
  });
  const view = {
    header: generatedHeader('html'),
    title: node.builderName,
    isRoot: node.dir === '',
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
function errorHandlingSnippet(callSnippet: string, packageName: string): string {
  const lines = callSnippet.split('\n');
  const imports = lines.filter((line) => line.startsWith('import '));
  const body = lines.filter((line) => !line.startsWith('import ') && !line.startsWith('//') && line.trim() !== '');
  const clientLine = body.findIndex((line) => line.startsWith('const client'));
  const call = body.slice(clientLine + 1);
  return [
    ...imports,
    `import type { ODataError } from "${packageName}/models";`,
    '',
    ...body.slice(0, clientLine + 1),
    'try {',
    ...call.map((line) => `  ${line}`),
    '} catch (error) {',
    '  const odataError = error as ODataError;',
    '  console.error(odataError.error?.code, odataError.error?.message, odataError.error?.innerError?.additionalData?.["request-id"]);',
    '  throw error;',
    '}',
  ].join('\n');
}
