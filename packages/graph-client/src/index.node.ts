/**
 * `@mgkit/graph-client` in Node.js (the `node` export condition): the same exports as
 * `./index.ts`, but `createGraphClient` loads the client, the Kiota runtime and the request
 * builders on its first call, so that importing the package costs the models only. Bundlers
 * and browsers resolve `./index.ts` (the `module` and `default` conditions).
 * @module
 */
export * from './generated/index.node.js';
