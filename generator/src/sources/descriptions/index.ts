export { readDescriptionsFile, parseDescriptions } from './read-descriptions.js';
export type * from './types.js';
