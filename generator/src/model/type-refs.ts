import type { ApiModel, TypeModel, TypeRef } from './types.js';

/** Named types a type refers to, directly or through collections, maps and unions. */
export function namedTypesOf(type: TypeRef): string[] {
  switch (type.kind) {
    case 'named':
      return [type.name];
    case 'collection':
      return namedTypesOf(type.items);
    case 'map':
      return namedTypesOf(type.values);
    case 'union':
      return type.members.flatMap(namedTypesOf);
    default:
      return [];
  }
}

const typeTables = new WeakMap<ApiModel, ReadonlyMap<string, TypeModel>>();

/** The model's types by name, built once per model (the model is frozen) for every target that looks names up. */
export function typesByName(model: ApiModel): ReadonlyMap<string, TypeModel> {
  let types = typeTables.get(model);
  if (!types) typeTables.set(model, (types = new Map(model.types.map((type) => [type.name, type]))));
  return types;
}
