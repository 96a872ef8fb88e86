/**
 * How a model `TypeRef` is represented in the Kiota TypeScript runtime: its TypeScript type, the
 * `ParseNode` getter that reads it and the `SerializationWriter` method that writes it. The client
 * emits from these; the CLI writes its calls' bodies with the same serializers.
 */
import type { TypeModel, TypeRef } from '../../../model/index.js';
import { STRING_FORMAT_TYPES } from './values.js';

/** A value Kiota reads and writes with one primitive method. */
export interface ScalarShape {
  readonly kind: 'scalar';
  /** TypeScript type: `string`, `number`, `Date`, `DateOnly`, … */
  readonly tsType: string;
  /** Imported from kiota-abstractions when the type is one of its classes. */
  readonly kiotaType?: 'DateOnly' | 'TimeOnly' | 'Duration' | 'Guid';
  /** `getStringValue` */
  readonly reader: string;
  /** `writeStringValue` */
  readonly writer: string;
  /** Name for `getCollectionOfPrimitiveValues` / `sendPrimitive`: `string`, `Date`, … */
  readonly primitiveName: 'string' | 'number' | 'boolean' | 'Date' | 'DateOnly' | 'TimeOnly' | 'Duration' | 'ArrayBuffer';
}

export type ValueShape =
  | ScalarShape
  | { readonly kind: 'enum'; readonly name: string }
  | { readonly kind: 'object'; readonly name: string }
  /** Anything the model cannot type precisely (free-form JSON, maps, unions): Kiota's `UntypedNode`. */
  | { readonly kind: 'untyped' };

export type TypeShape = ValueShape | { readonly kind: 'collection'; readonly items: ValueShape };

const STRING: ScalarShape = { kind: 'scalar', tsType: 'string', reader: 'getStringValue', writer: 'writeStringValue', primitiveName: 'string' };
const NUMBER: ScalarShape = { kind: 'scalar', tsType: 'number', reader: 'getNumberValue', writer: 'writeNumberValue', primitiveName: 'number' };
const BOOLEAN: ScalarShape = { kind: 'scalar', tsType: 'boolean', reader: 'getBooleanValue', writer: 'writeBooleanValue', primitiveName: 'boolean' };

/** How the client reads and writes each string format with a dedicated Kiota type (the type itself: shared/client-surface/values.ts). */
const FORMAT_IO: Readonly<Record<string, { reader: string; writer: string; kiota: boolean }>> = {
  'date-time': { reader: 'getDateValue', writer: 'writeDateValue', kiota: false },
  date: { reader: 'getDateOnlyValue', writer: 'writeDateOnlyValue', kiota: true },
  time: { reader: 'getTimeOnlyValue', writer: 'writeTimeOnlyValue', kiota: true },
  duration: { reader: 'getDurationValue', writer: 'writeDurationValue', kiota: true },
  uuid: { reader: 'getGuidValue', writer: 'writeGuidValue', kiota: true },
  byte: { reader: 'getByteArrayValue', writer: 'writeByteArrayValue', kiota: false },
  base64url: { reader: 'getByteArrayValue', writer: 'writeByteArrayValue', kiota: false },
};

/** OpenAPI string formats with a dedicated Kiota representation. */
const STRING_FORMATS: Readonly<Record<string, ScalarShape>> = Object.fromEntries(
  Object.entries(FORMAT_IO).map(([format, io]) => {
    const tsType = STRING_FORMAT_TYPES[format] ?? 'string';
    const kiotaType = io.kiota ? (tsType as 'DateOnly' | 'TimeOnly' | 'Duration' | 'Guid') : undefined;
    const primitiveName = tsType === 'Guid' ? 'string' : (tsType as ScalarShape['primitiveName']);
    return [format, { kind: 'scalar', tsType, ...(kiotaType && { kiotaType }), reader: io.reader, writer: io.writer, primitiveName } as ScalarShape];
  }),
);

function valueShape(ref: TypeRef, types: ReadonlyMap<string, TypeModel>): ValueShape {
  switch (ref.kind) {
    case 'primitive':
      if (ref.primitive === 'string') return (ref.format !== undefined && STRING_FORMATS[ref.format]) || STRING;
      if (ref.primitive === 'integer' || ref.primitive === 'number') return NUMBER;
      if (ref.primitive === 'boolean') return BOOLEAN;
      return { kind: 'untyped' };
    case 'named': {
      const type = types.get(ref.name);
      if (!type) return { kind: 'untyped' };
      return type.kind === 'enum' ? { kind: 'enum', name: type.name } : { kind: 'object', name: type.name };
    }
    default:
      return { kind: 'untyped' };
  }
}

/** Collections of collections have no Kiota reader: they stay untyped JSON (`UntypedNode`). */
export function shapeOf(ref: TypeRef, types: ReadonlyMap<string, TypeModel>): TypeShape {
  if (ref.kind === 'collection') {
    if (ref.items.kind === 'collection') return { kind: 'untyped' };
    const items = valueShape(ref.items, types);
    // Kiota reads no collections of byte arrays: keep them as untyped JSON.
    return items.kind === 'scalar' && items.primitiveName === 'ArrayBuffer' ? { kind: 'untyped' } : { kind: 'collection', items };
  }
  return valueShape(ref, types);
}

/** Names a model file exports for a type. */
export const modelNames = {
  enumObject: (name: string) => `${name}Object`,
  factory: (name: string) => `create${name}FromDiscriminatorValue`,
  deserializer: (name: string) => `deserializeInto${name}`,
  serializer: (name: string) => `serialize${name}`,
};
