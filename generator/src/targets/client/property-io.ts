/** The `ParseNode` read and `SerializationWriter` write of one model property, as code. */
import { KIOTA_ABSTRACTIONS, type ImportCollector } from './imports.js';
import { quote } from '../shared/client-surface/identifiers.js';
import { modelNames, tsTypeOf, type TypeShape } from './type-shapes.js';

/**
 * `n.getCollectionOfObjectValues<Foo>(createFooFromDiscriminatorValue)`; the models' types and
 * values it names are imported from `typesFrom` and `valuesFrom` where those are given.
 */
export function readExpression(shape: TypeShape, imports: ImportCollector, typesFrom?: string, valuesFrom?: string): string {
  const named = shape.kind === 'collection' ? shape.items : shape;
  if (named.kind === 'enum' || named.kind === 'object') {
    if (typesFrom !== undefined) imports.type(typesFrom, named.name);
    if (valuesFrom !== undefined) imports.value(valuesFrom, named.kind === 'enum' ? modelNames.enumObject(named.name) : modelNames.factory(named.name));
  }
  switch (shape.kind) {
    case 'scalar':
      return `n.${shape.reader}()`;
    case 'enum':
      return `n.getEnumValue<${shape.name}>(${modelNames.enumObject(shape.name)})`;
    case 'object':
      return `n.getObjectValue<${shape.name}>(${modelNames.factory(shape.name)})`;
    case 'untyped':
      imports.type(KIOTA_ABSTRACTIONS, 'UntypedNode');
      imports.value(KIOTA_ABSTRACTIONS, 'createUntypedNodeFromDiscriminatorValue');
      return `n.getObjectValue<UntypedNode>(createUntypedNodeFromDiscriminatorValue)`;
    case 'collection': {
      const items = shape.items;
      const itemType = tsTypeOf(items, imports, typesFrom);
      switch (items.kind) {
        case 'scalar':
          return `n.getCollectionOfPrimitiveValues<${itemType}>(${quote(items.primitiveName)})`;
        case 'enum':
          return `n.getCollectionOfEnumValues<${itemType}>(${modelNames.enumObject(items.name)})`;
        case 'object':
          return `n.getCollectionOfObjectValues<${itemType}>(${modelNames.factory(items.name)})`;
        case 'untyped':
          imports.type(KIOTA_ABSTRACTIONS, 'UntypedNode');
          imports.value(KIOTA_ABSTRACTIONS, 'createUntypedNodeFromDiscriminatorValue');
          return `n.getCollectionOfObjectValues<UntypedNode>(createUntypedNodeFromDiscriminatorValue)`;
      }
    }
  }
}

/** `writer.writeCollectionOfObjectValues<Foo>('foo', value.foo, serializeFoo);`, importing the serializer it calls from `valuesFrom` where given. */
export function writeStatement(shape: TypeShape, wireName: string, valueExpression: string, imports: ImportCollector, typesFrom: string | undefined, valuesFrom?: string): string {
  const key = quote(wireName);
  if (typesFrom !== undefined && (shape.kind === 'enum' || shape.kind === 'object')) imports.type(typesFrom, shape.name);
  const written = shape.kind === 'collection' ? shape.items : shape;
  if (valuesFrom !== undefined && written.kind === 'object') imports.value(valuesFrom, modelNames.serializer(written.name));
  switch (shape.kind) {
    case 'scalar':
      return `writer.${shape.writer}(${key}, ${valueExpression});`;
    case 'enum':
      return `writer.writeEnumValue<${shape.name}>(${key}, ${valueExpression});`;
    case 'object':
      return `writer.writeObjectValue<${shape.name}>(${key}, ${valueExpression}, ${modelNames.serializer(shape.name)});`;
    case 'untyped':
      imports.type(KIOTA_ABSTRACTIONS, 'UntypedNode');
      // The JSON writer writes untyped nodes itself: no serializer function needed.
      return `writer.writeObjectValue<UntypedNode>(${key}, ${valueExpression});`;
    case 'collection': {
      const items = shape.items;
      const itemType = tsTypeOf(items, imports, typesFrom);
      switch (items.kind) {
        case 'scalar':
          return `writer.writeCollectionOfPrimitiveValues<${itemType}>(${key}, ${valueExpression});`;
        case 'enum':
          return `writer.writeCollectionOfEnumValues<${itemType}>(${key}, ${valueExpression});`;
        case 'object':
          return `writer.writeCollectionOfObjectValues<${itemType}>(${key}, ${valueExpression}, ${modelNames.serializer(items.name)});`;
        case 'untyped':
          imports.type(KIOTA_ABSTRACTIONS, 'UntypedNode');
          return `writer.writeCollectionOfObjectValues<UntypedNode>(${key}, ${valueExpression});`;
      }
    }
  }
}
