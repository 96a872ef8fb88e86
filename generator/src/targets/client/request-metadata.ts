/**
 * The `…RequestsMetadata` entry of one operation: what `apiClientProxifier` needs to build the
 * request and pick the adapter's send method.
 */
import type { ErrorResponseModel, TypeModel } from '../../model/index.js';
import { compareOrdinal, quote } from '../shared/client-surface/identifiers.js';
import { KIOTA_ABSTRACTIONS, type ImportCollector } from './imports.js';
import type { OperationFacts } from './operation-facts.js';
import { modelNames, type TypeShape } from './type-shapes.js';
import { bodyContent, UNTYPED_SERIALIZER } from '../shared/client-surface/request-body.js';

/** `XXX`, `_4XX`, `_5XX` or a status code, as kiota-abstractions' `ErrorMappings` names them. */
function errorMappingKey(status: string): string | undefined {
  const upper = status.toUpperCase();
  if (upper === 'XXX' || upper === 'DEFAULT') return 'XXX';
  if (/^[45]XX$/.test(upper)) return `_${upper}`;
  if (/^\d{3}$/.test(upper)) return upper;
  return undefined;
}

/** Error mappings with a model type to deserialize into, in key order. */
export function errorMappings(errors: readonly ErrorResponseModel[], types: ReadonlyMap<string, TypeModel>): { key: string; typeName: string }[] {
  const mappings = new Map<string, string>();
  for (const error of errors) {
    const key = errorMappingKey(error.status);
    const type = error.type.kind === 'named' ? types.get(error.type.name) : undefined;
    if (key !== undefined && type?.kind === 'object' && !mappings.has(key)) mappings.set(key, type.name);
  }
  return [...mappings.entries()].map(([key, typeName]) => ({ key, typeName })).sort((a, b) => compareOrdinal(a.key, b.key));
}

function responseEntries(facts: OperationFacts, imports: ImportCollector, modelModule: string): string[] {
  const { response } = facts;
  if (response.kind === 'none') return [`adapterMethodName: 'sendNoResponseContent',`];
  if (response.kind === 'stream') return [`adapterMethodName: 'sendPrimitive',`, `responseBodyFactory: 'ArrayBuffer',`];
  return shapeEntries(response.shape, imports, modelModule);
}

function shapeEntries(shape: TypeShape, imports: ImportCollector, modelModule: string): string[] {
  switch (shape.kind) {
    case 'object':
      imports.value(modelModule, modelNames.factory(shape.name));
      return [`adapterMethodName: 'send',`, `responseBodyFactory: ${modelNames.factory(shape.name)},`];
    case 'enum':
      imports.value(modelModule, modelNames.enumObject(shape.name));
      return [`adapterMethodName: 'sendEnum',`, `enumObject: ${modelNames.enumObject(shape.name)},`];
    case 'scalar':
      return [`adapterMethodName: 'sendPrimitive',`, `responseBodyFactory: ${quote(shape.primitiveName)},`];
    case 'untyped':
      imports.value(KIOTA_ABSTRACTIONS, 'createUntypedNodeFromDiscriminatorValue');
      return [`adapterMethodName: 'send',`, `responseBodyFactory: createUntypedNodeFromDiscriminatorValue,`];
    case 'collection': {
      const items = shape.items;
      if (items.kind === 'object') {
        imports.value(modelModule, modelNames.factory(items.name));
        return [`adapterMethodName: 'sendCollection',`, `responseBodyFactory: ${modelNames.factory(items.name)},`];
      }
      if (items.kind === 'enum') {
        imports.value(modelModule, modelNames.enumObject(items.name));
        return [`adapterMethodName: 'sendCollectionOfEnum',`, `enumObject: ${modelNames.enumObject(items.name)},`];
      }
      if (items.kind === 'scalar') return [`adapterMethodName: 'sendCollectionOfPrimitive',`, `responseBodyFactory: ${quote(items.primitiveName)},`];
      imports.value(KIOTA_ABSTRACTIONS, 'createUntypedNodeFromDiscriminatorValue');
      return [`adapterMethodName: 'sendCollection',`, `responseBodyFactory: createUntypedNodeFromDiscriminatorValue,`];
    }
  }
}

function bodyEntries(facts: OperationFacts, imports: ImportCollector, modelModule: string): string[] {
  if (!facts.body) return [];
  const { contentType, set, serializer } = bodyContent(facts.body);
  const lines = [`requestBodyContentType: ${quote(contentType)},`];
  if (set === 'setContentFromScalar') lines.push(`requestBodySerializer: ${quote(serializer ?? '')},`);
  else if (serializer === UNTYPED_SERIALIZER) {
    // Untyped JSON: the JSON writer writes `UntypedNode`s itself; the serializer is never called.
    imports.value(KIOTA_ABSTRACTIONS, UNTYPED_SERIALIZER);
    imports.type(KIOTA_ABSTRACTIONS, 'ModelSerializerFunction', 'Parsable');
    lines.push(`requestBodySerializer: ${UNTYPED_SERIALIZER} as ModelSerializerFunction<Parsable>,`);
  } else if (serializer !== undefined) {
    imports.value(modelModule, serializer);
    lines.push(`requestBodySerializer: ${serializer},`);
  }
  lines.push(`requestInformationContentSetMethod: '${set}',`);
  return lines;
}

/** `post: { uriTemplate: …, … },` as lines, without the trailing comma of the entry. */
export function requestMetadataEntry(
  facts: OperationFacts,
  uriTemplate: string,
  mapperName: string | undefined,
  types: ReadonlyMap<string, TypeModel>,
  imports: ImportCollector,
  modelModule: string,
): string {
  const lines = [`uriTemplate: ${uriTemplate},`];
  if (facts.responseContentType !== undefined) lines.push(`responseBodyContentType: ${quote(facts.responseContentType)},`);
  const mappings = errorMappings(facts.operation.errors, types);
  if (mappings.length > 0) {
    lines.push('errorMappings: {');
    for (const mapping of mappings) {
      imports.value(modelModule, modelNames.factory(mapping.typeName));
      lines.push(`  ${mapping.key}: ${modelNames.factory(mapping.typeName)},`);
    }
    lines.push('},');
  }
  lines.push(...responseEntries(facts, imports, modelModule), ...bodyEntries(facts, imports, modelModule));
  if (mapperName !== undefined) lines.push(`queryParametersMapper: ${mapperName},`);
  return [`${facts.methodName}: {`, ...lines.map((line) => `  ${line}`), '}'].join('\n');
}
