import { booleanField, isJsonObject, objectField, stringField, withoutUndefined } from './json.js';
import { appendPointer } from './json-pointer.js';
import { assignOperationIds } from './operation-ids.js';
import type { OperationDraft } from './operation-ids.js';
import { readRequestBody, readResponses } from './read-content.js';
import { mergeParameters, readParameterList } from './read-parameters.js';
import type { ReaderContext } from './reader-context.js';
import { HTTP_METHODS } from './types.js';
import type { HttpMethod, JsonObject, NodeAddress, OpenApiOperation, OpenApiPageable, OpenApiParameter } from './types.js';

/** paths × methods → operations, sorted by path (code-unit order) then HTTP_METHODS order, ids unique. */
export function indexOperations(paths: JsonObject, file: string, context: ReaderContext): OpenApiOperation[] {
  const drafts = Object.keys(paths)
    .sort()
    .flatMap((path) => readPathItem(path, paths, { file, pointer: appendPointer('/paths', path) }, context));
  return assignOperationIds(drafts, context);
}

function readPathItem(path: string, paths: JsonObject, address: NodeAddress, context: ReaderContext): OperationDraft[] {
  const { value: item, address: itemAddress } = context.resolve(paths[path] ?? null, address);
  if (!isJsonObject(item)) {
    context.warning(address, { code: 'openapi/invalid-path-item', message: `Path '${path}' is not a mapping of operations; ignored.` });
    return [];
  }
  if (!path.startsWith('/')) {
    context.warning(address, {
      code: 'openapi/path-without-slash',
      message: `Path '${path}' does not start with '/'.`,
      hint: `write it as '/${path}'`,
    });
  }
  const shared = readParameterList(item.parameters, { file: itemAddress.file, pointer: appendPointer(itemAddress.pointer, 'parameters') }, context);
  return HTTP_METHODS.flatMap((method) => {
    if (item[method] === undefined) return [];
    const operationAddress = { file: itemAddress.file, pointer: appendPointer(itemAddress.pointer, method) };
    const operation = item[method];
    if (!isJsonObject(operation)) {
      context.warning(operationAddress, { code: 'openapi/invalid-operation', message: `${method.toUpperCase()} ${path} is not a mapping; ignored.` });
      return [];
    }
    return [readOperation(path, method, operation, operationAddress, shared, context)];
  });
}

function readOperation(path: string, method: HttpMethod, operation: JsonObject, address: NodeAddress, shared: readonly OpenApiParameter[], context: ReaderContext): OperationDraft {
  const child = (key: string): NodeAddress => ({ file: address.file, pointer: appendPointer(address.pointer, key) });
  const key = `${method.toUpperCase()} ${path}`;
  const parameters = mergeParameters(shared, readParameterList(operation.parameters, child('parameters'), context));
  checkPathParameters(key, path, parameters, address, context);
  return withoutUndefined({
    key,
    method,
    path,
    declaredOperationId: stringField(operation, 'operationId'),
    summary: stringField(operation, 'summary'),
    description: stringField(operation, 'description'),
    externalDocs: readExternalDocs(operation),
    tags: Array.isArray(operation.tags) ? operation.tags.filter((tag): tag is string => typeof tag === 'string') : [],
    deprecated: booleanField(operation, 'deprecated') ?? false,
    parameters,
    requestBody: readRequestBody(operation.requestBody, child('requestBody'), context),
    responses: readResponses(operation.responses, child('responses'), context),
    operationType: stringField(operation, 'x-ms-docs-operation-type'),
    pageable: readPageable(operation),
    raw: operation,
    address,
  });
}

function readExternalDocs(operation: JsonObject): OpenApiOperation['externalDocs'] {
  const docs = objectField(operation, 'externalDocs');
  const url = docs && stringField(docs, 'url');
  if (!docs || url === undefined) return undefined;
  return withoutUndefined({ description: stringField(docs, 'description'), url });
}

function readPageable(operation: JsonObject): OpenApiPageable | undefined {
  const pageable = objectField(operation, 'x-ms-pageable');
  if (!pageable) return undefined;
  return withoutUndefined({ nextLinkName: stringField(pageable, 'nextLinkName'), operationName: stringField(pageable, 'operationName') });
}

/** Every `{name}` in the path needs a path parameter, and every path parameter a `{name}`. */
function checkPathParameters(key: string, path: string, parameters: readonly OpenApiParameter[], address: NodeAddress, context: ReaderContext): void {
  const inTemplate = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? '');
  const declared = parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name);
  for (const name of inTemplate.filter((name) => !declared.includes(name))) {
    // an error: without the parameter no call could fill the path (the CLI would fail every call)
    context.error(address, {
      code: 'openapi/undeclared-path-parameter',
      message: `${key} uses {${name}} but declares no path parameter '${name}'.`,
      hint: `add \`- { name: ${name}, in: path, required: true, schema: { type: string } }\` to its parameters`,
    });
  }
  for (const name of declared.filter((name) => !inTemplate.includes(name))) {
    context.warning(address, {
      code: 'openapi/unused-path-parameter',
      message: `${key} declares path parameter '${name}', which its path does not contain.`,
      hint: `remove it or change it to \`in: query\``,
    });
  }
}
