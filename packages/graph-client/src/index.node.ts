/**
 * `@mgkit/graph-client` in Node.js versions that can `require` ES modules (the `module-sync`
 * export condition): the same exports as `./index.ts`, but `createGraphClient` loads the client,
 * the Kiota runtime and the request builders on its first call, so that importing the package
 * costs the models only. Bundlers, test runners and older Node.js resolve `./index.ts`.
 * @module
 */
export * from './generated/index.node.js';
export { RedirectGuard, RedirectRefusedError, unsafeRedirectTarget, withRedirectGuard } from './redirect-guard.js';
