/**
 * Everything a call needs from the Kiota runtime and the generated client, in one module.
 * The build bundles this file (with its dependencies) into a single file: loading the Kiota
 * stack as hundreds of small ESM files costs ~150 ms of start-up, one bundle ~10 ms.
 */
export { FetchRequestAdapter, HeadersInspectionOptions, KiotaClientFactory, MiddlewareFactory, RetryHandler, RetryHandlerOptions } from '@microsoft/kiota-http-fetchlibrary';
export { withRedirectGuard } from '@mgkit/graph-client';
export { apiClientProxifier, serializeUntypedNode } from '@microsoft/kiota-abstractions';
