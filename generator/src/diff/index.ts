export * from './types.js';
export { compareModels } from './compare-models.js';
export { renderDiffJson, renderDiffMarkdown } from './render.js';
export { bumpFor, renderChangeset, type Bump } from './changeset.js';
