/**
 * The OpenAPI description as read from disk: the raw JSON tree of each file plus an index of
 * operations. `$ref`s stay in the tree (so cycles cost nothing); `resolveRef` follows them.
 */
export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

export const HTTP_METHODS: readonly HttpMethod[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** JSON values as parsed from YAML/JSON. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** Where a resolved node lives: the file and the JSON pointer inside it. */
export interface NodeAddress {
  readonly file: string;
  /** JSON pointer, e.g. `/components/schemas/microsoft.graph.synchronizationSecret`. */
  readonly pointer: string;
}

export interface ResolvedNode<T = JsonValue> {
  readonly value: T;
  readonly address: NodeAddress;
  /** Name of the component when the node is `components/<kind>/<name>` (last ref of a chain). */
  readonly componentName?: string;
}

export interface OpenApiParameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly description?: string;
  readonly required: boolean;
  /** Schema node, possibly a `{ $ref }` object; use `resolveRef`/`deref`. */
  readonly schema?: JsonObject;
  readonly style?: string;
  readonly explode?: boolean;
  /** `x-ms-docs-key-type`, e.g. `application`. */
  readonly keyType?: string;
  readonly address: NodeAddress;
}

export interface OpenApiMediaType {
  readonly contentType: string;
  readonly schema?: JsonObject;
  /** Where `schema` sits (`…/content/application~1json/schema`), to resolve refs from. */
  readonly schemaAddress: NodeAddress;
}

export interface OpenApiRequestBody {
  readonly description?: string;
  readonly required: boolean;
  readonly content: readonly OpenApiMediaType[];
  readonly address: NodeAddress;
}

export interface OpenApiResponse {
  /** `200`, `2XX`, `default` ... */
  readonly status: string;
  readonly description?: string;
  readonly content: readonly OpenApiMediaType[];
  /** Component name when the response was a `$ref` to `components/responses/<name>`. */
  readonly componentName?: string;
  readonly address: NodeAddress;
}

export interface OpenApiPageable {
  readonly nextLinkName?: string;
  readonly operationName?: string;
}

export interface OpenApiOperation {
  /** `POST /applications/{application-id}/synchronization/microsoft.graph.acquireAccessToken` */
  readonly key: string;
  readonly method: HttpMethod;
  readonly path: string;
  /** Unique within the document; disambiguated with a `_2`, `_3` suffix in path order when duplicated. */
  readonly operationId: string;
  /** The operationId as written (may be duplicated or absent). */
  readonly declaredOperationId?: string;
  readonly summary?: string;
  readonly description?: string;
  readonly externalDocs?: { readonly description?: string; readonly url: string };
  readonly tags: readonly string[];
  readonly deprecated: boolean;
  /** Path-item and operation parameters merged (operation wins), refs resolved. */
  readonly parameters: readonly OpenApiParameter[];
  readonly requestBody?: OpenApiRequestBody;
  /** In document order. */
  readonly responses: readonly OpenApiResponse[];
  /** `x-ms-docs-operation-type`: `action`, `function`, `operation`. */
  readonly operationType?: string;
  /** `x-ms-pageable`. */
  readonly pageable?: OpenApiPageable;
  /** The raw operation object, for extensions the reader does not lift. */
  readonly raw: JsonObject;
  readonly address: NodeAddress;
}

export interface OpenApiServer {
  readonly url: string;
  readonly description?: string;
}

export interface OpenApiDocument {
  /** Entry file as given (relative path when it was relative). */
  readonly file: string;
  readonly openapiVersion: string;
  readonly title: string;
  readonly version: string;
  readonly servers: readonly OpenApiServer[];
  /** Sorted by path, then by method order of HTTP_METHODS. */
  readonly operations: readonly OpenApiOperation[];
  /** Entry file's `components.schemas`, by name, in document order. */
  readonly schemaNames: readonly string[];
  /** Every file read (entry first), for hashing and provenance. */
  readonly files: readonly string[];
  /** Raw tree of the entry file. */
  readonly root: JsonObject;
  /**
   * Follow `node` if it is a `$ref` object (chains too) and return the target with its address.
   * `from` is the address of `node` (needed for relative-file refs). Non-ref nodes come back as is.
   * Never throws for refs the reader validated; all refs are validated at load.
   */
  resolve<T extends JsonValue = JsonValue>(node: JsonValue, from: NodeAddress): ResolvedNode<T>;
  /** Source location (1-based) of a node address, when known. */
  locate(address: NodeAddress): SourceLocation | undefined;
}
