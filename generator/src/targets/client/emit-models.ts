/** `models/index.ts`: every type the selected operations reach, and nothing else. */
import type { StatementStructures } from 'ts-morph';
import type { ApiModel } from '../../model/index.js';
import type { HelpIndex } from './help-index.js';
import { ImportCollector } from './imports.js';
import { enumObject, enumType } from './model-enum.js';
import type { ModelHierarchy } from './model-hierarchy.js';
import { objectDeserializer, objectFactory, objectInterface, objectSerializer, type ModelContext } from './model-object.js';
import type { EmitStatement } from './source-files.js';
import { modelNames } from './type-shapes.js';

/** Output-relative path of the models module. */
export const MODELS_FILE = 'models/index.ts';

/** Names the models module declares (so they are never imported into it). */
function modelExports(model: ApiModel): string[] {
  return model.types.flatMap((type) =>
    type.kind === 'enum' ? [type.name, modelNames.enumObject(type.name)] : [type.name, modelNames.factory(type.name), modelNames.deserializer(type.name), modelNames.serializer(type.name)],
  );
}

export function emitModels(model: ApiModel, hierarchy: ModelHierarchy, help: HelpIndex): EmitStatement[] {
  const imports = new ImportCollector(modelExports(model));
  const context: ModelContext = { model, hierarchy, help, imports };
  const statements = model.types.flatMap((type): StatementStructures[] =>
    type.kind === 'enum'
      ? [enumObject(type, model), enumType(type, model)]
      : [objectInterface(type, context), objectFactory(type, context), objectDeserializer(type, context), objectSerializer(type, context)],
  );
  return [...imports.structures(), ...statements];
}
