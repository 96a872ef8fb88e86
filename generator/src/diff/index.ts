export * from './types.js';
export { compareModels } from './compare-models.js';
export { renderDiffJson, renderDiffMarkdown } from './render.js';
