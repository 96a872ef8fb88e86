export * from './types.js';
export { buildApiModel, type ModelInputs } from './build-model.js';
export { camelCase, kebabCase, pascalCase, segmentName } from './names.js';
export { namedTypesOf } from './type-refs.js';
export { operationByKey, operationsByKey, typesByName } from './lookups.js';
