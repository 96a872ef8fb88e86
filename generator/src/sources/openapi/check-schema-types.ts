/**
 * Every schema's `type` must be one OpenAPI knows. An unknown one (`type: frobnicator`) would
 * otherwise become "any JSON value" in the client and the CLI, and a property the user meant
 * to send (a secret, even) would go out as `{}`.
 */
import { isJsonObject } from './json.js';
import { appendPointer } from './json-pointer.js';
import type { ReaderContext } from './reader-context.js';
import type { JsonObject, JsonValue } from './types.js';

const SCHEMA_TYPES: ReadonlySet<string> = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
/** Members of a schema that hold one schema, and those that hold a list or a map of them. */
const ONE_SCHEMA = ['items', 'additionalProperties', 'not'] as const;
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'] as const;

function checkSchema(schema: JsonValue | undefined, pointer: string, file: string, context: ReaderContext, seen: Set<unknown>): void {
  if (!isJsonObject(schema) || seen.has(schema)) return;
  seen.add(schema);
  const types = Array.isArray(schema['type']) ? schema['type'] : schema['type'] === undefined ? [] : [schema['type']];
  for (const type of types) {
    if (typeof type === 'string' && SCHEMA_TYPES.has(type)) continue;
    context.error(
      { file, pointer: appendPointer(pointer, 'type') },
      {
        code: 'openapi/unknown-type',
        message: `schema type ${JSON.stringify(type)} is not an OpenAPI type.`,
        hint: `use one of ${[...SCHEMA_TYPES].join(', ')}, or leave type out for any value`,
      },
    );
  }
  for (const member of ONE_SCHEMA) checkSchema(schema[member], appendPointer(pointer, member), file, context, seen);
  for (const member of SCHEMA_LISTS) {
    const list = schema[member];
    if (Array.isArray(list)) list.forEach((item, index) => checkSchema(item, appendPointer(appendPointer(pointer, member), String(index)), file, context, seen));
  }
  const properties = schema['properties'];
  if (isJsonObject(properties)) {
    for (const [name, property] of Object.entries(properties)) checkSchema(property, appendPointer(appendPointer(pointer, 'properties'), name), file, context, seen);
  }
}

/** Finds the schemas of a document (components and every `schema` member under paths and components) and checks their types. */
export function checkSchemaTypes(root: JsonObject, file: string, context: ReaderContext): void {
  const seen = new Set<unknown>();
  const schemas = isJsonObject(root['components']) ? root['components']['schemas'] : undefined;
  if (isJsonObject(schemas)) {
    for (const [name, schema] of Object.entries(schemas)) checkSchema(schema, appendPointer('/components/schemas', name), file, context, seen);
  }
  // `schema` members: parameters, media types, headers (wherever they sit)
  const visit = (node: JsonValue | undefined, pointer: string): void => {
    if (Array.isArray(node)) node.forEach((item, index) => visit(item, appendPointer(pointer, String(index))));
    else if (isJsonObject(node)) {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'schema') checkSchema(value, appendPointer(pointer, key), file, context, seen);
        else if (key !== 'schemas' && key !== 'examples' && key !== 'example') visit(value, appendPointer(pointer, key));
      }
    }
  };
  visit(root['paths'], '/paths');
  if (isJsonObject(root['components'])) visit(root['components'], '/components');
}
