/**
 * Target 4, for agents and LLM tools: `llms.txt` (the llmstxt.org index: a title, a summary, one
 * link per operation) and one plain markdown file per operation under `llms/`: the HTTP request,
 * its parameters, body and responses, and the TypeScript call through the client. Built from the
 * model and the client surface only. Written under `outputs.llms.dir` (a docs site's `public/`
 * serves them as they are); `siteUrl` makes the links absolute.
 */
import path from 'node:path';
import { typesByName, type ApiModel, type OperationModel, type TypeRef } from '../../model/index.js';
import { clientSurface } from '../shared/client-surface/index.js';
import { typeScriptType } from '../shared/client-surface/values.js';
import { generatedHeader, type GeneratedFile } from '../shared/generated-file.js';
import type { TargetEmit } from '../types.js';

/** `applications.synchronization.acquireAccessToken.post` → `llms/applications.synchronization.acquireAccessToken.post.md`. */
function operationFile(operation: OperationModel): string {
  return `llms/${operation.key.replace(/[^A-Za-z0-9._-]+/g, '-')}.md`;
}

/** One line of text: no line breaks, no markdown link syntax breaking out. */
function line(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').replace(/[[\]]/g, '').trim();
}

function bodyLines(model: ApiModel, type: TypeRef): string[] {
  const named = type.kind === 'named' ? typesByName(model).get(type.name) : undefined;
  if (named?.kind !== 'object') return [`Type: \`${typeScriptType(type)}\``];
  return [
    `Type: \`${named.name}\``,
    '',
    ...named.properties.map(
      (property) => `- \`${property.wireName}\` (\`${typeScriptType(property.type)}\`${property.required ? ', required' : ''}): ${line(property.description) || 'no description'}`,
    ),
  ];
}

/** The call through the client as a whole, compilable example: imports, the client, typed inputs, the call. */
function typeScriptExample(model: ApiModel, operation: OperationModel, clientPackage: string): string[] {
  const surface = clientSurface(model);
  const call = surface.expression(operation, (parameter) => parameter.name);
  const parameters = surface.pathOf(operation).flatMap((node) => (node.member && node.member.kind !== 'property' ? node.member.parameters : []));
  const bodyType = operation.requestBody ? typeScriptType(operation.requestBody.type) : undefined;
  const modelImport = operation.requestBody?.type.kind === 'named' ? [`import type { ${operation.requestBody.type.name} } from ${JSON.stringify(`${clientPackage}/models`)};`] : [];
  return [
    `import { createGraphClient } from ${JSON.stringify(clientPackage)};`,
    ...modelImport,
    '',
    'const client = createGraphClient(requestAdapter); // a Kiota RequestAdapter with authentication',
    ...parameters.map((parameter) => `declare const ${parameter.name}: string;`),
    ...(bodyType ? [`declare const body: ${bodyType};`] : []),
    `await ${call}.${operation.method.toLowerCase()}(${bodyType ? 'body' : ''});`,
  ];
}

function operationMarkdown(model: ApiModel, operation: OperationModel, clientPackage: string): string {
  const parameters = [...operation.pathParameters, ...operation.queryParameters, ...operation.headerParameters];
  return [
    `# ${operation.method} ${operation.path}`,
    '',
    generatedHeader('html'),
    '',
    line(operation.summary) || line(operation.description) || operation.key,
    ...(operation.description && line(operation.description) !== line(operation.summary) ? ['', line(operation.description)] : []),
    '',
    '## Request',
    '',
    '```http',
    `${operation.method} ${model.baseUrl}${operation.requestPath}`,
    '```',
    ...(parameters.length > 0
      ? [
          '',
          '## Parameters',
          '',
          ...parameters.map((parameter) => `- \`${parameter.wireName}\` (${parameter.location}${parameter.required ? ', required' : ''}): ${line(parameter.description) || 'no description'}`),
        ]
      : []),
    ...(operation.requestBody ? ['', '## Request body', '', `Content type: \`${operation.requestBody.contentType}\``, '', ...bodyLines(model, operation.requestBody.type)] : []),
    '',
    '## Response',
    '',
    operation.success.type ? `${operation.success.status}: \`${typeScriptType(operation.success.type)}\`` : `${operation.success.status}: no content`,
    ...(operation.permissions && operation.permissions.application !== 'not-supported'
      ? ['', `Least-privileged application permission: ${operation.permissions.application.leastPrivileged.join(', ') || 'none listed'}`]
      : []),
    '',
    '## TypeScript client',
    '',
    '```ts',
    ...typeScriptExample(model, operation, clientPackage),
    '```',
    '',
  ].join('\n');
}

export const emit: TargetEmit = (model, options, deps): GeneratedFile[] => {
  const clientPackage = deps['client']?.packageName ?? '';
  const siteUrl = typeof options['siteUrl'] === 'string' ? options['siteUrl'].replace(/\/+$/, '') : '';
  const link = (file: string) => (siteUrl ? `${siteUrl}/${file}` : file);
  const index = [
    `# ${line(model.title)}`,
    '',
    `> ${line(model.title)} ${model.version} (${model.baseUrl}): ${model.operations.length} operation(s), each as plain markdown with its HTTP request and its call through the TypeScript client.`,
    '',
    generatedHeader('html'),
    '',
    '## Operations',
    '',
    ...model.operations.map((operation) => `- [${operation.method} ${operation.path}](${link(operationFile(operation))}): ${line(operation.summary) || operation.key}`),
    '',
  ].join('\n');
  return [
    { path: path.join(options.dir, 'llms.txt'), contents: index },
    ...model.operations.map((operation) => ({ path: path.join(options.dir, ...operationFile(operation).split('/')), contents: operationMarkdown(model, operation, clientPackage) })),
  ];
};
