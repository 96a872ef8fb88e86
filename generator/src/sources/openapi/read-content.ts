import { booleanField, isJsonObject, objectField, stringField, withoutUndefined } from './json.js';
import { appendPointer } from './json-pointer.js';
import type { ReaderContext } from './reader-context.js';
import type { JsonObject, JsonValue, NodeAddress, OpenApiMediaType, OpenApiRequestBody, OpenApiResponse } from './types.js';

export function readRequestBody(node: JsonValue | undefined, address: NodeAddress, context: ReaderContext): OpenApiRequestBody | undefined {
  if (node === undefined) return undefined;
  const { value, address: definedAt } = context.resolve(node, address);
  if (!isJsonObject(value)) {
    context.warning(definedAt, { code: 'openapi/invalid-request-body', message: '`requestBody` is not a mapping; ignored.' });
    return undefined;
  }
  return withoutUndefined({
    description: stringField(value, 'description'),
    required: booleanField(value, 'required') ?? false,
    content: readContent(value, definedAt, context),
    address: definedAt,
  });
}

/** `responses` in the order written (`2XX` before `400` stays so). */
export function readResponses(node: JsonValue | undefined, address: NodeAddress, context: ReaderContext): OpenApiResponse[] {
  if (!isJsonObject(node)) {
    context.warning(address, {
      code: 'openapi/missing-responses',
      message: node === undefined ? 'The operation has no `responses`.' : '`responses` is not a mapping; ignored.',
      hint: "add `responses:` with at least the success status (e.g. `'204': { description: No Content }`)",
    });
    return [];
  }
  return context.keysInOrder(node, address).flatMap((status) => {
    const response = readResponse(status, node[status] ?? null, { file: address.file, pointer: appendPointer(address.pointer, status) }, context);
    return response ? [response] : [];
  });
}

function readResponse(status: string, node: JsonValue, address: NodeAddress, context: ReaderContext): OpenApiResponse | undefined {
  const { value, address: definedAt, componentName } = context.resolve(node, address);
  if (!isJsonObject(value)) {
    context.warning(definedAt, { code: 'openapi/invalid-response', message: `Response '${status}' is not a mapping; ignored.` });
    return undefined;
  }
  return withoutUndefined({
    status,
    description: stringField(value, 'description'),
    content: readContent(value, definedAt, context),
    componentName: node !== value ? componentName : undefined,
    address: definedAt,
  });
}

function readContent(owner: JsonObject, ownerAddress: NodeAddress, context: ReaderContext): OpenApiMediaType[] {
  const content = objectField(owner, 'content');
  if (!content) return [];
  const address = { file: ownerAddress.file, pointer: appendPointer(ownerAddress.pointer, 'content') };
  return context.keysInOrder(content, address).map((contentType) => {
    const media = content[contentType];
    const schema = isJsonObject(media) ? objectField(media, 'schema') : undefined;
    const schemaAddress = { file: address.file, pointer: appendPointer(address.pointer, contentType, 'schema') };
    return withoutUndefined({ contentType, schema, schemaAddress });
  });
}
