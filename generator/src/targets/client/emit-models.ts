/**
 * `models/index.ts`: every type the selected operations reach, and nothing else; their
 * serializers are in `models/serializers/index.ts`, which the index re-exports.
 */
import type { StatementStructures } from 'ts-morph';
import type { ApiModel, ObjectTypeModel } from '../../model/index.js';
import type { HelpIndex } from './help-index.js';
import { ImportCollector } from './imports.js';
import { enumObject, enumType } from './model-enum.js';
import type { ModelHierarchy } from './model-hierarchy.js';
import { objectDeserializer, objectFactory, objectInterface, objectSerializer, type ModelContext } from './model-object.js';
import { exportDeclarations, type EmitStatement } from './source-files.js';
import { modelNames } from './type-shapes.js';

/** Output-relative path of the models module. */
export const MODELS_FILE = 'models/index.ts';
/**
 * Output-relative path of the serializers. They are a module of their own because writing a
 * body needs no reader, factory or enum: the CLI loads only them for a call with a body (a
 * module's models are hundreds of kilobytes, its serializers about half). A folder with an
 * index, so that the package's `./*` export maps `<package>/models/serializers` to it.
 */
export const SERIALIZERS_FILE = 'models/serializers/index.ts';
/** How the serializers import the models' types. */
const MODELS_FROM_SERIALIZERS = '../index.js';

/** Names the models module declares (so they are never imported into it). */
function modelExports(model: ApiModel): string[] {
  return model.types.flatMap((type) => (type.kind === 'enum' ? [type.name, modelNames.enumObject(type.name)] : [type.name, modelNames.factory(type.name), modelNames.deserializer(type.name)]));
}

export function emitModels(model: ApiModel, hierarchy: ModelHierarchy, help: HelpIndex): EmitStatement[] {
  const imports = new ImportCollector(modelExports(model));
  const context: ModelContext = { model, hierarchy, help, imports, typesFrom: undefined };
  const statements = model.types.flatMap((type): StatementStructures[] =>
    type.kind === 'enum' ? [enumObject(type, model), enumType(type, model)] : [objectInterface(type, context), objectFactory(type, context), objectDeserializer(type, context)],
  );
  const serializers = hasSerializers(model) ? exportDeclarations([{ moduleSpecifier: './serializers/index.js' }]) : [];
  return [...imports.structures(), ...serializers, ...statements];
}

const objectTypes = (model: ApiModel): ObjectTypeModel[] => model.types.filter((type): type is ObjectTypeModel => type.kind === 'object');

/** Whether there is a serializers module: only object types have serializers. */
export const hasSerializers = (model: ApiModel): boolean => model.types.some((type) => type.kind === 'object');

/** `models/serializers/index.ts`: `serializeX` for every object type of the models module. */
export function emitSerializers(model: ApiModel, hierarchy: ModelHierarchy, help: HelpIndex): EmitStatement[] {
  const objects = objectTypes(model);
  const imports = new ImportCollector(objects.map((type) => modelNames.serializer(type.name)));
  const context: ModelContext = { model, hierarchy, help, imports, typesFrom: MODELS_FROM_SERIALIZERS };
  const statements = objects.map((type) => objectSerializer(type, context));
  return [...imports.structures(), ...statements];
}
