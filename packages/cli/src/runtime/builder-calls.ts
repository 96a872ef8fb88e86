/**
 * How a generated command reaches the generated client: one request builder at a time, through
 * the client package's `requestBuilderAt`, never through `createGraphClient`'s navigation (which
 * loads every builder of the module). A command carries data only: for each operation, the
 * builder's subpath, its requests metadata, the method and the path parameters; its module's
 * `client-modules.js` loads the client package and each builder on first use.
 */
import type { PreparedCall } from './definition.js';

/** The connection a command sends through: the prepared request adapter and the base URL. */
export interface BuilderConnection {
  /** A Kiota `RequestAdapter` (from the HTTP stack). */
  readonly adapter: unknown;
  readonly baseUrl: string;
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
}

/** A unit's `client-modules.js`: its client package and each builder module, loaded lazily. */
export interface ClientModules {
  readonly client: () => Promise<unknown>;
  readonly builders: Readonly<Record<string, () => Promise<unknown>>>;
}

interface ClientPackage {
  requestBuilderAt(adapter: unknown, metadata: unknown, pathParameters: Record<string, unknown>, options: { baseUrl?: string }): Record<string, unknown>;
}

type BuilderMethod = (...args: unknown[]) => unknown;

export interface BuilderCalls {
  send(connection: unknown, call: PreparedCall): Promise<unknown>;
  sendPage(connection: unknown, call: PreparedCall, nextLink: string): Promise<unknown>;
  toRequestInformation(connection: unknown, call: PreparedCall): Promise<unknown>;
}

/** The command's `send`, `sendPage` and `toRequestInformation` over its operations' builders. */
export function callsThroughBuilders(modules: ClientModules, operations: Readonly<Record<string, BuilderCall>>): BuilderCalls {
  const builderFor = async (connection: unknown, call: PreparedCall): Promise<{ builder: Record<string, unknown>; spec: BuilderCall }> => {
    const spec = operations[call.operation];
    if (!spec) throw new Error(`unknown operation ${call.operation}`);
    const load = modules.builders[spec.builder];
    if (!load) throw new Error(`no client module for ${spec.builder}`);
    const [client, builderModule] = (await Promise.all([modules.client(), load()])) as [ClientPackage, Record<string, unknown>];
    const metadata = builderModule[spec.metadata];
    if (metadata === undefined) throw new Error(`${spec.builder} has no ${spec.metadata}`);
    const pathParameters: Record<string, string> = {};
    for (const [wireName, templateName] of Object.entries(spec.parameters)) {
      const value = call.path[wireName];
      if (value === undefined) throw new Error(`missing path parameter ${wireName}`);
      pathParameters[templateName] = value;
    }
    const { adapter, baseUrl } = connection as BuilderConnection;
    return { builder: client.requestBuilderAt(adapter, metadata, pathParameters, { baseUrl }), spec };
  };
  const invoke = (target: Record<string, unknown>, name: string, args: unknown[]): unknown => {
    const method = target[name] as BuilderMethod | undefined;
    if (typeof method !== 'function') throw new Error(`the client's builder has no ${name}`);
    return method.apply(target, args);
  };
  const argumentsOf = (spec: BuilderCall, call: PreparedCall): unknown[] => (spec.body ? [call.body, call.config] : [call.config]);
  return {
    async send(connection, call) {
      const { builder, spec } = await builderFor(connection, call);
      return invoke(builder, spec.method, argumentsOf(spec, call));
    },
    async sendPage(connection, call, nextLink) {
      const { builder } = await builderFor(connection, call);
      // the next page's link carries the query: only the headers and options go again
      const page = invoke(builder, 'withUrl', [nextLink]) as Record<string, unknown>;
      return invoke(page, 'get', [{ headers: call.config.headers, options: call.config.options }]);
    },
    async toRequestInformation(connection, call) {
      const { builder, spec } = await builderFor(connection, call);
      return invoke(builder, `to${spec.method.charAt(0).toUpperCase()}${spec.method.slice(1)}RequestInformation`, argumentsOf(spec, call));
    },
  };
}
