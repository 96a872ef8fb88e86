/**
 * How a generated command reaches the generated client: one request builder at a time, through
 * the client package's `requestBuilderAt`, never through `createGraphClient`'s navigation (which
 * loads every builder of the module). A command carries data only: for each operation, the
 * builder's subpath, its requests metadata, the method and the path parameters; its module's
 * `client-modules.js` loads the client package and each builder on first use.
 *
 * Only a call with a body loads its builder: the builder's model serializer writes the body, as
 * Microsoft's SDK does. A call without one is built by Kiota's `apiClientProxifier` from the
 * builder's URI template, Accept header and query names, which the command holds as data (the
 * builder's module imports every model its operations reach: for a drive item, most of the
 * Files module). Every call answers the response body's bytes: the CLI prints what the wire
 * said, never the client's models.
 */
import type { PreparedCall } from './definition.js';

/** The connection a command sends through: the prepared request adapter and the base URL. */
export interface BuilderConnection {
  /** A Kiota `RequestAdapter` (from the HTTP stack), its `baseUrl` set to the one below. */
  readonly adapter: unknown;
  /** The service root, without a trailing slash. */
  readonly baseUrl: string;
}

/**
 * A call without a body, as its builder's requests metadata describes it (the generator's
 * RequestData), beside the URI template its operation's definition holds.
 */
export interface RequestData {
  /** The Accept header. */
  readonly accept?: string;
  /** Query parameters whose symbol name differs from their template name: `select` → `%24select`. */
  readonly query?: Readonly<Record<string, string>>;
}

/** How one operation is called, as the generator wrote it. */
export interface BuilderCall {
  /** The builder's subpath in the client package: `applications/item/synchronization/acquireAccessToken`. */
  readonly builder: string;
  /** The builder module's requests-metadata export: `AcquireAccessTokenRequestBuilderRequestsMetadata`. */
  readonly metadata: string;
  /** The Kiota method: `get`, `post`, … (`toGetRequestInformation` builds its request). */
  readonly method: string;
  /** Whether the method takes a body before its configuration. */
  readonly body: boolean;
  /** Path parameters: wire name (`application-id`) → URI-template name (`application%2Did`). */
  readonly parameters: Readonly<Record<string, string>>;
  /** For a call without a body: what Kiota builds its request from. */
  readonly request?: RequestData;
}

/** A unit's `client-modules.js`: its client package and the builders its commands send a body through, loaded lazily. */
export interface ClientModules {
  readonly client: () => Promise<unknown>;
  readonly builders: Readonly<Record<string, () => Promise<unknown>>>;
}

interface ClientPackage {
  requestBuilderAt(adapter: unknown, metadata: unknown, pathParameters: Record<string, unknown>, options: { baseUrl?: string }): Record<string, unknown>;
}

type Proxifier = (adapter: unknown, pathParameters: Record<string, unknown>, navigationMetadata: undefined, requestsMetadata: Record<string, unknown>) => Record<string, unknown>;

interface RequestAdapterLike {
  sendPrimitive(requestInformation: unknown, responseType: 'ArrayBuffer', errorMappings: undefined): Promise<ArrayBuffer | undefined>;
}

type BuilderMethod = (...args: unknown[]) => unknown;

export interface BuilderCalls {
  /** Sends the call; resolves to the response body's bytes (undefined for none). */
  send(connection: unknown, call: PreparedCall): Promise<ArrayBuffer | undefined>;
  /** Sends a GET of a next page's link with the call's headers; resolves to its bytes. */
  sendPage(connection: unknown, call: PreparedCall, nextLink: string): Promise<ArrayBuffer | undefined>;
  toRequestInformation(connection: unknown, call: PreparedCall): Promise<unknown>;
}

const requestInformationName = (method: string): string => `to${method.charAt(0).toUpperCase()}${method.slice(1)}RequestInformation`;

function invoke(target: Record<string, unknown>, name: string, args: unknown[]): unknown {
  const method = target[name] as BuilderMethod | undefined;
  if (typeof method !== 'function') throw new Error(`the client's builder has no ${name}`);
  return method.apply(target, args);
}

/** The operations of a command's definition: each one's URI template, as its builder's. */
interface OperationTemplates {
  readonly operations: Readonly<Record<string, { readonly urlTemplate: string }>>;
}

/** Kiota's requests metadata for a call without a body, answering the response's bytes. */
function rawRequestsMetadata(method: string, uriTemplate: string, request: RequestData): Record<string, unknown> {
  return {
    [method]: {
      uriTemplate,
      ...(request.accept !== undefined && { responseBodyContentType: request.accept }),
      ...(request.query !== undefined && { queryParametersMapper: request.query }),
      adapterMethodName: 'sendPrimitive',
      responseBodyFactory: 'ArrayBuffer',
    },
  };
}

/**
 * The command's `send`, `sendPage` and `toRequestInformation`. `modules` is the unit's
 * `client-modules.js`, or a function that loads it (a packed command loads it only for a body);
 * `definition` is the command's, whose operations hold their URI templates.
 */
export function callsThroughBuilders(modules: ClientModules | (() => Promise<ClientModules>), definition: OperationTemplates, operations: Readonly<Record<string, BuilderCall>>): BuilderCalls {
  const clientModules = async (): Promise<ClientModules> => (typeof modules === 'function' ? modules() : modules);
  const specOf = (call: PreparedCall): BuilderCall => {
    const spec = operations[call.operation];
    if (!spec) throw new Error(`unknown operation ${call.operation}`);
    return spec;
  };
  const pathParametersOf = (spec: BuilderCall, call: PreparedCall): Record<string, string> => {
    const pathParameters: Record<string, string> = {};
    for (const [wireName, templateName] of Object.entries(spec.parameters)) {
      const value = call.path[wireName];
      if (value === undefined) throw new Error(`missing path parameter ${wireName}`);
      pathParameters[templateName] = value;
    }
    return pathParameters;
  };
  /** The client's builder: its requests metadata from the builder module (a call with a body). */
  const clientBuilder = async (connection: BuilderConnection, spec: BuilderCall, call: PreparedCall): Promise<Record<string, unknown>> => {
    const { client: loadClient, builders } = await clientModules();
    const load = builders[spec.builder];
    if (!load) throw new Error(`no client module for ${spec.builder}`);
    const [client, builderModule] = (await Promise.all([loadClient(), load()])) as [ClientPackage, Record<string, unknown>];
    const metadata = builderModule[spec.metadata];
    if (metadata === undefined) throw new Error(`${spec.builder} has no ${spec.metadata}`);
    return client.requestBuilderAt(connection.adapter, metadata, pathParametersOf(spec, call), { baseUrl: connection.baseUrl });
  };
  /** A builder over the command's own request data (a call without a body): no client module loads. */
  const rawBuilder = async (connection: BuilderConnection, call: PreparedCall, spec: BuilderCall, request: RequestData, pathParameters: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const uriTemplate = definition.operations[call.operation]?.urlTemplate;
    if (uriTemplate === undefined) throw new Error(`${call.operation} has no URI template in the command's definition`);
    const { apiClientProxifier } = (await import('./http-stack.js')) as unknown as { apiClientProxifier: Proxifier };
    return apiClientProxifier(connection.adapter, { baseurl: connection.baseUrl, ...pathParameters }, undefined, rawRequestsMetadata(spec.method, uriTemplate, request));
  };
  const requestInformation = async (connection: BuilderConnection, call: PreparedCall): Promise<unknown> => {
    const spec = specOf(call);
    if (spec.request) return invoke(await rawBuilder(connection, call, spec, spec.request, pathParametersOf(spec, call)), requestInformationName(spec.method), [call.config]);
    const builder = await clientBuilder(connection, spec, call);
    return invoke(builder, requestInformationName(spec.method), spec.body ? [call.body, call.config] : [call.config]);
  };
  return {
    async send(connection, call) {
      const information = await requestInformation(connection as BuilderConnection, call);
      // no error mappings: a failed call is described from its response (failures.ts)
      return ((connection as BuilderConnection).adapter as RequestAdapterLike).sendPrimitive(information, 'ArrayBuffer', undefined);
    },
    async sendPage(connection, call, nextLink) {
      const spec = specOf(call);
      if (!spec.request) throw new Error(`${call.operation} is not a GET: it has no next page`);
      const builder = await rawBuilder(connection as BuilderConnection, call, spec, spec.request, {});
      // the next page's link carries the query: only the headers and options go again
      const page = invoke(builder, 'withUrl', [nextLink]) as Record<string, unknown>;
      return invoke(page, 'get', [{ headers: call.config.headers, options: call.config.options }]) as Promise<ArrayBuffer | undefined>;
    },
    toRequestInformation: (connection, call) => requestInformation(connection as BuilderConnection, call),
  };
}
