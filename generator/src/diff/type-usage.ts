/**
 * Which named types a model sends (request bodies) and which it receives (responses, errors),
 * transitively through properties, collections, maps, unions, base types and derived types: a
 * change to a type means different things for the two directions.
 */
import { namedTypesOf, typesByName, type ApiModel, type TypeModel, type TypeRef } from '../model/index.js';

export interface TypeUsage {
  readonly sent: ReadonlySet<string>;
  readonly received: ReadonlySet<string>;
}

export function typeUsage(model: ApiModel): TypeUsage {
  const types = typesByName(model);
  const derived = new Map<string, string[]>();
  for (const type of model.types) {
    if (type.kind === 'object' && type.baseType) derived.set(type.baseType, [...(derived.get(type.baseType) ?? []), type.name]);
  }
  const closure = (roots: readonly (TypeRef | undefined)[]): Set<string> => {
    const seen = new Set<string>();
    const queue = roots.flatMap((ref) => (ref ? namedTypesOf(ref) : []));
    for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
      if (seen.has(name)) continue;
      seen.add(name);
      const type: TypeModel | undefined = types.get(name);
      if (type?.kind === 'object') {
        for (const property of type.properties) queue.push(...namedTypesOf(property.type));
        if (type.baseType) queue.push(type.baseType);
      }
      queue.push(...(derived.get(name) ?? []));
    }
    return seen;
  };
  return {
    sent: closure(model.operations.map((operation) => operation.requestBody?.type)),
    received: closure(model.operations.flatMap((operation) => [operation.success.type, ...operation.errors.map((error) => error.type)])),
  };
}
