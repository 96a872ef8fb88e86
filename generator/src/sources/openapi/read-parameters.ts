import { booleanField, isJsonObject, objectField, stringField, withoutUndefined } from './json.js';
import { appendPointer } from './json-pointer.js';
import type { ReaderContext } from './reader-context.js';
import type { JsonValue, NodeAddress, OpenApiParameter } from './types.js';

const PARAMETER_LOCATIONS: readonly OpenApiParameter['in'][] = ['path', 'query', 'header', 'cookie'];

/** A `parameters` list (of a path item or an operation), refs resolved; unusable entries are warned about and skipped. */
export function readParameterList(list: JsonValue | undefined, address: NodeAddress, context: ReaderContext): OpenApiParameter[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    context.warning(address, { code: 'openapi/invalid-parameter', message: '`parameters` is not a list; ignored.' });
    return [];
  }
  const parameters: OpenApiParameter[] = [];
  list.forEach((item, index) => {
    const parameter = readParameter(item, { file: address.file, pointer: appendPointer(address.pointer, index) }, context);
    if (!parameter) return;
    if (parameters.some((seen) => sameParameter(seen, parameter))) {
      context.warning(parameter.address, {
        code: 'openapi/duplicate-parameter',
        message: `Parameter '${parameter.name}' in ${parameter.in} is listed twice; the first is used.`,
        hint: 'remove the duplicate entry',
      });
      return;
    }
    parameters.push(parameter);
  });
  return parameters;
}

/** Path-item parameters first (an operation parameter with the same name and `in` replaces one in place), then the operation's own. */
export function mergeParameters(pathLevel: readonly OpenApiParameter[], operationLevel: readonly OpenApiParameter[]): OpenApiParameter[] {
  const merged = pathLevel.map((inherited) => operationLevel.find((own) => sameParameter(own, inherited)) ?? inherited);
  const added = operationLevel.filter((own) => !pathLevel.some((inherited) => sameParameter(own, inherited)));
  return [...merged, ...added];
}

function sameParameter(a: OpenApiParameter, b: OpenApiParameter): boolean {
  return a.name === b.name && a.in === b.in;
}

function readParameter(item: JsonValue, address: NodeAddress, context: ReaderContext): OpenApiParameter | undefined {
  const { value, address: definedAt } = context.resolve(item, address);
  if (!isJsonObject(value)) {
    context.warning(definedAt, { code: 'openapi/invalid-parameter', message: 'A parameter is not a mapping; ignored.' });
    return undefined;
  }
  const name = stringField(value, 'name');
  const location = stringField(value, 'in');
  if (name === undefined || !isParameterLocation(location)) {
    context.warning(definedAt, {
      code: 'openapi/invalid-parameter',
      message: `A parameter lacks a \`name\` or a valid \`in\` (${location === undefined ? 'missing' : `'${location}'`}); ignored.`,
      hint: `give it a name and \`in: ${PARAMETER_LOCATIONS.join(' | ')}\``,
    });
    return undefined;
  }
  const required = booleanField(value, 'required') ?? false;
  if (location === 'path' && !required) {
    context.warning(definedAt, {
      code: 'openapi/optional-path-parameter',
      message: `Path parameter '${name}' is not marked \`required: true\`; path parameters always are, so it is treated as required.`,
      hint: 'add `required: true`',
    });
  }
  return withoutUndefined({
    name,
    in: location,
    description: stringField(value, 'description'),
    required: required || location === 'path',
    schema: objectField(value, 'schema'),
    style: stringField(value, 'style'),
    explode: booleanField(value, 'explode'),
    keyType: stringField(value, 'x-ms-docs-key-type'),
    address: definedAt,
  });
}

function isParameterLocation(value: string | undefined): value is OpenApiParameter['in'] {
  return PARAMETER_LOCATIONS.some((location) => location === value);
}
