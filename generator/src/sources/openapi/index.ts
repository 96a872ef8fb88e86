export { loadOpenApiDocument } from './load-openapi.js';
export type { LoadOpenApiResult } from './load-openapi.js';
export {
  appendPointer,
  escapePointerSegment,
  evaluatePointer,
  pointerFromSegments,
  segmentsFromPointer,
  unescapePointerSegment,
} from './json-pointer.js';
export { isJsonObject, isRefObject } from './json.js';
export { mappingRef } from './walk-refs.js';
export { componentNameOf, parseRef } from './refs.js';
export type { ParsedRef } from './refs.js';
export { HTTP_METHODS } from './types.js';
export type {
  HttpMethod,
  JsonObject,
  JsonValue,
  NodeAddress,
  OpenApiDocument,
  OpenApiMediaType,
  OpenApiOperation,
  OpenApiPageable,
  OpenApiParameter,
  OpenApiRequestBody,
  OpenApiResponse,
  OpenApiServer,
  ResolvedNode,
  SourceLocation,
} from './types.js';
