/** The page of one operation, in the style of the Microsoft Graph REST reference. */
import type { OperationModel, TypeRef } from '../../model/index.js';
import type { PermissionEntry } from '../../model/index.js';
import { describeByType, typeLabel, typesReachedBy, type DocsContext } from './context.js';
import { exampleOf, exampleWalk, toJson } from './example-value.js';
import { preferredInvocation } from './invocation.js';
import { clientNodeLabel, operationTitle, pagePaths, relativeLink } from './names.js';
import { cliSnippet, httpSnippet, powerShellSnippet, typeScriptSnippet, type Snippet } from './snippets.js';
import { render } from './templates.js';
import { generatedHeader } from '../shared/generated-file.js';
import { isBinaryContent } from '../shared/command-data/definitions.js';

const STATUS_TEXT: Readonly<Record<string, string>> = { '200': 'OK', '201': 'Created', '202': 'Accepted', '204': 'No Content' };

/** The snippets of an operation's example, in tab order. */
export function operationSnippets(context: DocsContext, operation: OperationModel): Snippet[] {
  const example = context.examples.get(operation.key);
  if (!example) return [];
  const invocation = preferredInvocation(context.invocations.get(operation.key) ?? []);
  const powerShell = powerShellSnippet(invocation);
  return [
    httpSnippet(context.model, example),
    typeScriptSnippet(example, context.clientPackage, context.client),
    cliSnippet(example, invocation, context.cliCommands, context.binName),
    ...(powerShell ? [powerShell] : []),
  ];
}

/** The path as Graph documents it: `/applications/{application-id}/synchronization/acquireAccessToken`. */
function unprefixedPath(operation: OperationModel): string {
  const path = operation.segments.map((segment) => segment.unprefixed).join('/');
  return path.startsWith('/') ? path : `/${path}`;
}

/** 2XX without a body is what Graph answers with 204 No Content. */
function successStatus(operation: OperationModel): { code: string; text: string } {
  const status = /^2XX$/i.test(operation.success.status) ? (operation.success.type ? '200' : '204') : operation.success.status;
  return { code: status, text: STATUS_TEXT[status] ?? '' };
}

function permissionCells(entry: PermissionEntry | undefined): { least: string; higher: string } {
  if (!entry) return { least: 'Not documented.', higher: 'Not documented.' };
  if (entry === 'not-supported') return { least: 'Not supported.', higher: 'Not supported.' };
  return {
    least: entry.leastPrivileged.join(', '),
    higher: entry.higherPrivileged.length ? entry.higherPrivileged.join(', ') : 'Not available.',
  };
}

/** The JSON an error response carries: the error type's shape with Graph's innerError fields. */
function errorBodyExample(context: DocsContext, type: TypeRef): string {
  const value = exampleOf(type, exampleWalk(context.types));
  const json = value ? toJson(value) : {};
  const shaped = JSON.parse(
    JSON.stringify(json, (key, item: unknown) => {
      if (Array.isArray(item)) return item.slice(0, 1);
      if (key === 'code') return 'badRequest';
      if (key === 'message') return 'Invalid request.';
      if (key === 'innerError') return { 'request-id': '3f1e5b2a-7c4d-4e9f-8a6b-1d2c3e4f5a6b', date: '2024-01-01T00:00:00' };
      return item;
    }),
  ) as unknown;
  return JSON.stringify(shaped, null, 2);
}

export function renderOperationPage(context: DocsContext, operation: OperationModel): string {
  const page = pagePaths.operation(operation);
  const body = operation.requestBody;
  const bodyType = body?.type.kind === 'named' ? context.types.get(body.type.name) : undefined;
  const enums = typesReachedBy(context, { ...operation, errors: [], success: { status: operation.success.status } })
    .map((name) => context.types.get(name))
    .filter((type) => type?.kind === 'enum');
  const permissions = operation.permissions;
  const status = successStatus(operation);
  const node = context.client.nodeOf(operation);
  const invocations = context.invocations.get(operation.key) ?? [];
  const commands = [...new Set(invocations.map((invocation) => invocation.command))];
  const sameAction = context.sameAction.get(operation.key) ?? [operation];
  const others = sameAction.filter((other) => other !== operation);
  const requestLines = [operation, ...others].map((each) => `${each.method} ${unprefixedPath(each)}`);
  const qualifiedLine = operation.requestPath !== unprefixedPath(operation) ? `${operation.method} ${operation.requestPath}` : undefined;
  const view = {
    header: generatedHeader('html'),
    title: operationTitle(operation),
    summary: operation.summary,
    description: operation.description ?? operation.summary,
    deprecated: operation.deprecated,
    externalDocs: operation.externalDocs,
    permissions: permissions && {
      rows: [
        { kind: 'Delegated (work or school account)', ...permissionCells(permissions.delegatedWorkOrSchool) },
        { kind: 'Delegated (personal Microsoft account)', ...permissionCells(permissions.delegatedPersonal) },
        { kind: 'Application', ...permissionCells(permissions.application) },
      ],
    },
    requestLines: requestLines.join('\n'),
    qualifiedLine,
    otherPaths: others.map((other) => ({ label: operationTitle(other), href: relativeLink(page, pagePaths.operation(other)) })),
    pathParameters: operation.pathParameters.map((parameter) => ({
      name: parameter.wireName,
      typeMd: typeLabel(context, parameter.type, page),
      description: parameter.description ?? '',
    })),
    queryParameters: operation.queryParameters.map((parameter) => ({
      name: parameter.wireName,
      typeMd: typeLabel(context, parameter.type, page),
      description: parameter.description ?? '',
    })),
    headers: [
      { name: 'Authorization', description: 'Bearer {token}. Required.' },
      ...(body ? [{ name: 'Content-Type', description: `${body.contentType}. Required.` }] : []),
      ...operation.headerParameters.map((header) => ({
        name: header.wireName,
        description: `${header.description ?? ''}${header.required ? ' Required.' : ' Optional.'}`.trim(),
      })),
    ],
    body: body && {
      description: body.description,
      required: body.required,
      typeMd: typeLabel(context, body.type, page),
      properties:
        bodyType?.kind === 'object'
          ? bodyType.properties.map((property) => ({
              name: property.wireName,
              typeMd: typeLabel(context, property.type, page),
              description: property.description ?? describeByType(property.type),
            }))
          : [],
      additionalProperties: bodyType?.kind === 'object' && bodyType.additionalProperties !== false,
    },
    enums: enums.map((type) => ({
      name: type?.name ?? '',
      href: relativeLink(page, pagePaths.model(type?.name ?? '')),
      describedOnModelPage: type?.kind === 'enum' && type.members.some((member) => member.description),
      members: type?.kind === 'enum' ? type.members.map((member) => ({ value: member.value, description: member.description ?? '' })) : [],
    })),
    success: {
      code: status.code,
      text: status.text,
      typeMd: operation.success.type ? typeLabel(context, operation.success.type, page) : undefined,
    },
    errors: operation.errors.map((error) => ({
      status: error.status === 'XXX' ? '4XX or 5XX' : error.status,
      typeMd: typeLabel(context, error.type, page),
      example: errorBodyExample(context, error.type),
    })),
    snippets: operationSnippets(context, operation),
    responseExample: isBinaryContent(operation.success.contentType, operation.success.type)
      ? `HTTP/1.1 ${status.code} ${status.text}\nContent-Type: ${operation.success.contentType ?? 'application/octet-stream'}\n\n<the bytes of the content>`
      : `HTTP/1.1 ${status.code} ${status.text}`.trim(),
    seeAlso: [
      ...commands.map((command) => ({ label: `PowerShell: ${command.name}`, href: relativeLink(page, pagePaths.cmdlet(command)) })),
      ...cliCommandsCalling(context, operation).map((command) => ({
        label: `CLI: ${[context.binName, ...command.data.path].join(' ')}`,
        href: relativeLink(page, pagePaths.cliCommand(command.file)),
      })),
      ...(node ? [{ label: `TypeScript client: ${clientNodeLabel(node)}`, href: relativeLink(page, pagePaths.clientBuilder(node.dir)) }] : []),
    ],
  };
  return render('operation', view);
}

export function cliCommandsCalling(context: DocsContext, operation: OperationModel) {
  return context.cliCommands.filter((command) => operation.key in command.data.operations);
}
