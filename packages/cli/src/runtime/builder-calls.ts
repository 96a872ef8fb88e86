/**
 * How a generated command calls the generated client. A command carries each operation's request
 * as data: what its request builder's requests metadata says (URI template, Accept header, query
 * names, the body's content type and serializer), and Kiota's own `apiClientProxifier` builds the
 * request from it, the code path the client's `requestBuilderAt` takes, so the request on the
 * wire is the same. No builder module loads: one imports every model its operations reach (for a
 * drive item, most of the Files module). A body is written by its model's serializer, from the
 * client's serializers module (`client-modules.js`), as Microsoft's SDK writes it. Every call
 * answers the response body's bytes: the CLI prints what the wire said, never the client's models.
 */
import type { BodyContent, BuilderCall, PreparedCall, RequestData } from './definition.js';

/** The connection a command sends through: the prepared request adapter and the base URL. */
export interface BuilderConnection {
  /** A Kiota `RequestAdapter` (from the HTTP stack), its `baseUrl` set to the one below. */
  readonly adapter: unknown;
  /** The service root, without a trailing slash. */
  readonly baseUrl: string;
}

/** A unit's `client-modules.js`: the client package's model serializers, loaded lazily. */
export interface ClientModules {
  readonly serializers: () => Promise<unknown>;
}

type Proxifier = (adapter: unknown, pathParameters: Record<string, unknown>, navigationMetadata: undefined, requestsMetadata: Record<string, unknown>) => Record<string, unknown>;

interface KiotaForCalls {
  readonly apiClientProxifier: Proxifier;
  readonly serializeUntypedNode: unknown;
}

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

/** Kiota's requests metadata for the call, answering the response's bytes. */
function rawRequestsMetadata(method: string, uriTemplate: string, request: RequestData, serializer: unknown): Record<string, unknown> {
  const { body } = request;
  return {
    [method]: {
      uriTemplate,
      ...(request.accept !== undefined && { responseBodyContentType: request.accept }),
      ...(request.query !== undefined && { queryParametersMapper: request.query }),
      adapterMethodName: 'sendPrimitive',
      responseBodyFactory: 'ArrayBuffer',
      ...(body !== undefined && { requestBodyContentType: body.contentType, requestInformationContentSetMethod: body.set }),
      ...(serializer !== undefined && { requestBodySerializer: serializer }),
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
  /**
   * What Kiota's requests metadata takes as `requestBodySerializer`: a primitive name, or a
   * serializer function. A JSON body needs the JSON writer on the adapter.
   */
  const bodySerializer = async (kiota: KiotaForCalls, adapter: unknown, body: BodyContent | undefined): Promise<unknown> => {
    if (body === undefined || body.set === 'setStreamContent') return undefined;
    const { registerJsonWriter } = await import('./json-writer.js');
    registerJsonWriter(adapter as Parameters<typeof registerJsonWriter>[0]);
    if (body.serializer === undefined || body.set === 'setContentFromScalar') return body.serializer;
    if (body.serializer === 'serializeUntypedNode') return kiota.serializeUntypedNode;
    const serializers = (await (await clientModules()).serializers()) as Record<string, unknown>;
    const serializer = serializers[body.serializer];
    if (typeof serializer !== 'function') throw new Error(`the client's models have no ${body.serializer}`);
    return serializer;
  };
  /** A request builder over the command's data; `pathParameters` are empty for a next page's link. */
  const builderOver = async (connection: BuilderConnection, call: PreparedCall, spec: BuilderCall, pathParameters: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const uriTemplate = definition.operations[call.operation]?.urlTemplate;
    if (uriTemplate === undefined) throw new Error(`${call.operation} has no URI template in the command's definition`);
    const kiota = (await import('./http-stack.js')) as unknown as KiotaForCalls;
    const serializer = await bodySerializer(kiota, connection.adapter, spec.request.body);
    return kiota.apiClientProxifier(connection.adapter, { baseurl: connection.baseUrl, ...pathParameters }, undefined, rawRequestsMetadata(spec.method, uriTemplate, spec.request, serializer));
  };
  const requestInformation = async (connection: BuilderConnection, call: PreparedCall): Promise<unknown> => {
    const spec = specOf(call);
    const builder = await builderOver(connection, call, spec, pathParametersOf(spec, call));
    return invoke(builder, requestInformationName(spec.method), spec.request.body ? [call.body, call.config] : [call.config]);
  };
  return {
    async send(connection, call) {
      const information = await requestInformation(connection as BuilderConnection, call);
      // no error mappings: a failed call is described from its response (failures.ts)
      return ((connection as BuilderConnection).adapter as RequestAdapterLike).sendPrimitive(information, 'ArrayBuffer', undefined);
    },
    async sendPage(connection, call, nextLink) {
      const spec = specOf(call);
      if (spec.request.body) throw new Error(`${call.operation} sends a body: it has no next page`);
      const builder = await builderOver(connection as BuilderConnection, call, spec, {});
      // the next page's link carries the query: only the headers and options go again
      const page = invoke(builder, 'withUrl', [nextLink]) as Record<string, unknown>;
      return invoke(page, 'get', [{ headers: call.config.headers, options: call.config.options }]) as Promise<ArrayBuffer | undefined>;
    },
    toRequestInformation: (connection, call) => requestInformation(connection as BuilderConnection, call),
  };
}
