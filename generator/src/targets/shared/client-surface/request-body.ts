/**
 * How Kiota sends an operation's request body: the content type, the `RequestInformation` method
 * that sets the content and the serializer it is given. The client's requests metadata says it
 * (`requestBodyContentType`, `requestInformationContentSetMethod`, `requestBodySerializer`), and
 * a CLI command holds the same as data, so that both build the same request.
 */
import type { BodyContent } from '@mgkit/cli-contract';
import type { OperationModel, TypeModel } from '../../../model/index.js';
import { modelNames, shapeOf, type TypeShape } from './shapes.js';

/** JSON, and JSON-based media types such as `application/merge-patch+json`. */
export const JSON_CONTENT = /^application\/(.+\+)?json/i;

export type BodyHandling =
  /** `setContentFromParsable` with a model serializer (objects and collections of objects). */
  | { readonly kind: 'parsable'; readonly shape: TypeShape; readonly contentType: string }
  /** `setContentFromScalar` with a primitive name. */
  | { readonly kind: 'scalar'; readonly shape: TypeShape; readonly contentType: string; readonly primitiveName: string }
  /** `setStreamContent`: the body is raw bytes. */
  | { readonly kind: 'stream'; readonly contentType: string };

export function bodyHandling(operation: OperationModel, types: ReadonlyMap<string, TypeModel>): BodyHandling | undefined {
  const body = operation.requestBody;
  if (!body) return undefined;
  const shape = shapeOf(body.type, types);
  if (!JSON_CONTENT.test(body.contentType)) return { kind: 'stream', contentType: body.contentType };
  if (shape.kind === 'scalar') return { kind: 'scalar', shape, contentType: body.contentType, primitiveName: shape.primitiveName };
  if (shape.kind === 'collection' && shape.items.kind === 'scalar') {
    return { kind: 'scalar', shape, contentType: body.contentType, primitiveName: shape.items.primitiveName };
  }
  return { kind: 'parsable', shape, contentType: body.contentType };
}

/** Kiota's untyped JSON serializer: the JSON writer writes `UntypedNode`s itself and never calls it. */
export const UNTYPED_SERIALIZER = 'serializeUntypedNode';

/** The body's entries in a request's metadata. */
export function bodyContent(body: BodyHandling): BodyContent {
  const { contentType } = body;
  switch (body.kind) {
    case 'stream':
      return { contentType, set: 'setStreamContent' };
    case 'scalar':
      return { contentType, set: 'setContentFromScalar', serializer: body.primitiveName };
    case 'parsable': {
      const target = body.shape.kind === 'collection' ? body.shape.items : body.shape;
      return { contentType, set: 'setContentFromParsable', serializer: target.kind === 'object' ? modelNames.serializer(target.name) : UNTYPED_SERIALIZER };
    }
  }
}
