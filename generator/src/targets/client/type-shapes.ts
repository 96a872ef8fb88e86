/** The client's view of the shapes (shared/client-surface/shapes.ts): how each is written as a TypeScript type. */
import { KIOTA_ABSTRACTIONS, type ImportCollector } from './imports.js';
import type { TypeShape } from '../shared/client-surface/shapes.js';

export { modelNames, shapeOf, type ScalarShape, type TypeShape, type ValueShape } from '../shared/client-surface/shapes.js';

/**
 * The TypeScript type of a shape. `modelModule` is where model types come from (`undefined`
 * inside the models file itself); kiota types are imported from the abstractions.
 */
export function tsTypeOf(shape: TypeShape, imports: ImportCollector, modelModule: string | undefined): string {
  switch (shape.kind) {
    case 'scalar':
      if (shape.kiotaType) imports.type(KIOTA_ABSTRACTIONS, shape.kiotaType);
      return shape.tsType;
    case 'enum':
    case 'object':
      if (modelModule) imports.type(modelModule, shape.name);
      return shape.name;
    case 'untyped':
      imports.type(KIOTA_ABSTRACTIONS, 'UntypedNode');
      return 'UntypedNode';
    case 'collection':
      return `${tsTypeOf(shape.items, imports, modelModule)}[]`;
  }
}
