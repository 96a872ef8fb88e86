import type { OpenApiOperation, OpenApiParameter, OpenApiResponse } from '../sources/openapi/index.js';
import type { TypeRegistry } from './build-types.js';
import { dropGraphPrefix, hasGraphPrefix, pascalCase, propertyName, segmentName } from './names.js';
import type { ErrorResponseModel, HttpMethodName, OperationKind, OperationModel, ParameterModel, PathSegmentModel, RequestBodyModel, ResponseModel, TypeRef } from './types.js';

const JSON_CONTENT = /^application\/(.+\+)?json/;

export function operationKind(operation: OpenApiOperation): OperationKind {
  if (operation.operationType === 'action' || operation.operationType === 'function') return operation.operationType;
  return 'operation';
}

/** A `microsoft.graph.` segment that is not the operation's own action or function call: a type cast. */
export function isTypeCast(segment: string, isLast: boolean, kind: OperationKind): boolean {
  return hasGraphPrefix(segment) && !segment.includes('(') && !(isLast && kind !== 'operation');
}

export function pathSegments(path: string, kind: OperationKind): PathSegmentModel[] {
  const raws = path.split('/').filter(Boolean);
  return raws.map((raw, index) => {
    const isLast = index === raws.length - 1;
    if (/^\{[^}]+\}$/.test(raw)) {
      return { raw, unprefixed: raw, name: segmentName(raw), kind: 'parameter', parameter: raw.slice(1, -1) };
    }
    const isCall = isLast && kind !== 'operation' && hasGraphPrefix(raw);
    return {
      raw,
      unprefixed: isCall ? dropGraphPrefix(raw) : raw,
      // a type cast (`…/members/microsoft.graph.user`) is `graphUser`, as Kiota and Microsoft's Graph CLI name it
      name: isTypeCast(raw, isLast, kind) ? `graph${pascalCase(segmentName(raw))}` : segmentName(raw),
      kind: isCall ? kind : 'literal',
    } satisfies PathSegmentModel;
  });
}

/**
 * `applications.synchronization.acquireAccessToken.post`: literal segment names, a trailing key
 * segment as `item` (so `GET /applications` and `GET /applications/{id}` differ), the method.
 * With `everyKey`, every key segment shows as `item` (Kiota's navigation).
 */
function operationKey(segments: readonly PathSegmentModel[], method: string, everyKey: boolean): string {
  const names = segments.flatMap((segment, index) => {
    if (segment.kind !== 'parameter') return [segment.name];
    return everyKey || index === segments.length - 1 ? ['item'] : [];
  });
  return [...names, method.toLowerCase()].join('.');
}

/**
 * Keys for every operation of a document. The short form is used unless two operations of the
 * document would share it (`/jobs/{id}/validate` and `/jobs/validate`); those take the long form.
 * Decided over the whole document, so a key does not change with the selection.
 */
export function operationKeys(operations: readonly OpenApiOperation[]): Map<OpenApiOperation, string> {
  const segmentsOf = new Map(operations.map((operation) => [operation, pathSegments(operation.path, operationKind(operation))]));
  const shortKeys = new Map(operations.map((operation) => [operation, operationKey(segmentsOf.get(operation) ?? [], operation.method, false)]));
  const uses = new Map<string, number>();
  for (const key of shortKeys.values()) uses.set(key, (uses.get(key) ?? 0) + 1);
  return new Map(
    operations.map((operation) => {
      const short = shortKeys.get(operation) ?? '';
      return [operation, (uses.get(short) ?? 0) > 1 ? operationKey(segmentsOf.get(operation) ?? [], operation.method, true) : short];
    }),
  );
}

export function buildOperation(operation: OpenApiOperation, key: string, registry: TypeRegistry, keepActionPrefixInUrl: boolean): OperationModel {
  const kind = operationKind(operation);
  const segments = pathSegments(operation.path, kind);
  const typeBase = pascalCase(lastLiteralName(segments)) + pascalCase(operation.method);
  const inline = <R extends 'request-body' | 'response'>(role: R) => ({ kind: 'inline' as const, operationKey: key, role });
  const parameter = (source: OpenApiParameter): ParameterModel => {
    const resolved = registry.typeOf(source.schema, schemaAddress(source), `${typeBase}${pascalCase(source.name)}`, {
      kind: 'inline',
      operationKey: key,
      role: 'parameter',
      parameterName: source.name,
    });
    return {
      wireName: source.name,
      name: propertyName(source.name.replace(/^\$/, '')),
      location: source.in === 'cookie' ? 'header' : source.in,
      ...(source.description !== undefined && { description: source.description }),
      required: source.required,
      type: resolved.type,
      ...(source.keyType !== undefined && { keyType: source.keyType }),
      explode: source.explode ?? source.in === 'query',
    };
  };
  const of = (location: OpenApiParameter['in']) => operation.parameters.filter((p) => p.in === location).map(parameter);

  return {
    key,
    operationId: operation.operationId,
    method: operation.method.toUpperCase() as HttpMethodName,
    path: operation.path,
    requestPath: keepActionPrefixInUrl ? operation.path : `/${segments.map((segment) => segment.unprefixed).join('/')}`,
    segments,
    pathParameters: of('path'),
    queryParameters: of('query'),
    headerParameters: [...of('header'), ...of('cookie')],
    ...optionalRequestBody(operation, registry, `${typeBase}RequestBody`, inline('request-body')),
    success: successResponse(operation.responses, registry, `${typeBase}Response`, inline('response')),
    errors: errorResponses(operation.responses, registry, typeBase),
    kind,
    ...(operation.summary !== undefined && { summary: operation.summary }),
    ...(operation.description !== undefined && { description: operation.description }),
    ...(operation.externalDocs !== undefined && { externalDocs: operation.externalDocs }),
    tags: operation.tags,
    deprecated: operation.deprecated,
    ...(operation.pageable && {
      pageable: operation.pageable.nextLinkName !== undefined ? { nextLinkName: operation.pageable.nextLinkName } : {},
    }),
    source: { file: operation.address.file },
  };
}

function lastLiteralName(segments: readonly PathSegmentModel[]): string {
  for (let index = segments.length - 1; index >= 0; index -= 1) {
    const segment = segments[index];
    if (segment && segment.kind !== 'parameter') return segment.name;
  }
  return 'root';
}

function schemaAddress(parameter: OpenApiParameter) {
  return { file: parameter.address.file, pointer: `${parameter.address.pointer}/schema` };
}

function optionalRequestBody(
  operation: OpenApiOperation,
  registry: TypeRegistry,
  nameHint: string,
  origin: { kind: 'inline'; operationKey: string; role: 'request-body' },
): { requestBody?: RequestBodyModel } {
  const body = operation.requestBody;
  if (!body) return {};
  const index = Math.max(
    0,
    body.content.findIndex((media) => JSON_CONTENT.test(media.contentType)),
  );
  const media = body.content[index];
  if (!media) return {};
  const resolved = registry.typeOf(media.schema, media.schemaAddress, nameHint, origin);
  return {
    requestBody: {
      contentType: media.contentType,
      type: resolved.type,
      required: body.required,
      ...(body.description !== undefined && { description: body.description }),
    },
  };
}

function isSuccess(status: string): boolean {
  return /^2(\d\d|XX)$/i.test(status);
}

function successResponse(responses: readonly OpenApiResponse[], registry: TypeRegistry, nameHint: string, origin: { kind: 'inline'; operationKey: string; role: 'response' }): ResponseModel {
  const response = responses.find((candidate) => isSuccess(candidate.status));
  if (!response) return { status: '204' };
  const media = response.content.find((candidate) => JSON_CONTENT.test(candidate.contentType)) ?? response.content[0];
  const description = response.description !== undefined ? { description: response.description } : {};
  if (!media?.schema) return { status: response.status, ...description };
  const resolved = registry.typeOf(media.schema, media.schemaAddress, nameHint, origin);
  return { status: response.status, contentType: media.contentType, type: resolved.type, ...description };
}

function errorResponses(responses: readonly OpenApiResponse[], registry: TypeRegistry, typeBase: string): ErrorResponseModel[] {
  const errors: ErrorResponseModel[] = [];
  for (const response of responses) {
    if (isSuccess(response.status)) continue;
    const media = response.content.find((candidate) => JSON_CONTENT.test(candidate.contentType));
    if (!media?.schema) continue;
    const type: TypeRef = registry.typeOf(media.schema, media.schemaAddress, `${typeBase}Error`, { kind: 'component', schemaName: 'error' }).type;
    registry.markError(type);
    errors.push({ status: response.status === 'default' ? 'XXX' : response.status.toUpperCase(), type });
  }
  return errors;
}
