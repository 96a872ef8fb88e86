export * from './types.js';
export { buildApiModel, type ModelInputs } from './build-model.js';
export { camelCase, kebabCase, pascalCase, segmentName } from './names.js';
export { namedTypesOf, typesByName } from './type-refs.js';
export { operationByKey, operationsByKey } from './lookups.js';
