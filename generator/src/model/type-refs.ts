import type { TypeRef } from './types.js';

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
