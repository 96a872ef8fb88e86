/**
 * The contract between `mgkit-gen` and the `mgkit` CLI runtime, declared once: the command
 * definitions the generator emits into `src/generated/` (plain data the runtime interprets:
 * parsing, parameter-set inference, validation, help, completion), the global options every
 * command takes, and the exit codes. The generator builds these shapes, the runtime reads them,
 * the docs render the options and exit codes from here.
 */

/** The subset of JSON Schema the runtime validates against, plus two annotations. */
export interface JsonSchema {
  readonly type?: JsonType | readonly JsonType[];
  readonly enum?: readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly format?: string;
  /** `#/$defs/Name` */
  readonly $ref?: string;
  readonly description?: string;
  /** A display name for messages: the model's type name (`SynchronizationSecret`). */
  readonly title?: string;
  /** The property's name in the Kiota client's models when it differs from the wire name. */
  readonly 'x-name'?: string;
  /** The value is a secret: redacted in what-if output, debug traces and errors. */
  readonly 'x-secret'?: boolean;
}

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/**
 * What an option does with its value. The generator's model binds each cmdlet parameter to one
 * of these roles (it narrows `Behaviour` to the switches it knows); the runtime acts on them.
 */
export type OptionRole<Behaviour extends string = string> =
  | { readonly kind: 'path-key'; readonly pathParameter: string }
  | { readonly kind: 'identity'; readonly keys: readonly IdentityKey[] }
  | { readonly kind: 'body' }
  /** `fromFile`: the value names a file whose bytes fill the property, base64-encoded (`-LogoInputFile`). */
  | { readonly kind: 'body-property'; readonly property: string; readonly fromFile?: boolean }
  | { readonly kind: 'additional-properties' }
  | { readonly kind: 'query'; readonly queryParameter: string }
  | { readonly kind: 'header'; readonly header: string }
  | { readonly kind: 'request-headers' }
  | { readonly kind: 'response-headers' }
  | { readonly kind: 'behaviour'; readonly behaviour: Behaviour };

export interface IdentityKey {
  /** Property of the identity object: `ApplicationId`. */
  readonly property: string;
  /** Path parameter it fills: `application-id`. */
  readonly pathParameter: string;
  /** An alternate key (`AppId`): no path of this operation is addressed by it. */
  readonly alternate: boolean;
  readonly description?: string;
}

/**
 * How the value is read: `string` as is; `switch` takes none; `json` a JSON value, `@file`
 * or `-` (stdin); `pairs` `Key=Value` (repeatable) or a JSON array; `headers` `Name: value`
 * (repeatable); `sink` a file name or `-` for stdout; `file` the bytes of a file, or of stdin
 * with `-` (a binary request body).
 */
export type OptionKind = 'string' | 'switch' | 'json' | 'pairs' | 'headers' | 'sink' | 'file';

export interface OptionSetBinding {
  readonly required: boolean;
  readonly pipeline: boolean;
}

export interface OptionDefinition {
  /** Long option name without dashes: `application-id`. */
  readonly name: string;
  /** The cmdlet parameter it stands for: `ApplicationId`. */
  readonly parameter: string;
  /** Further long names: `object-id`, `dry-run`. */
  readonly aliases: readonly string[];
  readonly kind: OptionKind;
  readonly role: OptionRole;
  /** Repeatable on the command line. */
  readonly multiple: boolean;
  /** Placeholder shown in usage lines: `<string>`, `<json|@file|->`. */
  readonly valueName: string;
  readonly description: string;
  /** The cmdlet parameter's .NET type, for help. */
  readonly dotnetType: string;
  /** The schema of the value (`json`, `pairs`). */
  readonly schema?: JsonSchema;
  /** For `pairs`: the item properties a `Key=Value` pair fills. */
  readonly pairs?: { readonly key: string; readonly value: string };
  /** For query options: the client's name of the parameter (`select` for `$select`) and its type. */
  readonly query?: { readonly name: string; readonly type: 'string' | 'array' | 'integer' | 'number' | 'boolean' };
  /** Parameter sets the option belongs to, with its flags there. */
  readonly sets: Readonly<Record<string, OptionSetBinding>>;
}

export interface ParameterSetDefinition {
  readonly name: string;
  readonly isDefault: boolean;
  /** The operation this set calls (key into `CommandDefinition.operations`). */
  readonly operation: string;
  /** The usage line in CLI form. */
  readonly usage: string;
  /** The cmdlet's usage line, for reference. */
  readonly cmdletUsage: string;
}

export interface OperationDefinition {
  readonly key: string;
  readonly method: string;
  /** As in the description. */
  readonly path: string;
  /** As the client sends it (the action-prefix switch applied). */
  readonly requestPath: string;
  /** Kiota's URI template: `{+baseurl}/applications/{application%2Did}/…`. */
  readonly urlTemplate: string;
  readonly pathParameters: readonly { readonly name: string; readonly description?: string }[];
  readonly body?: { readonly contentType: string; readonly required: boolean; readonly schema: JsonSchema };
  readonly success: { readonly status: string; readonly schema?: JsonSchema; readonly contentType?: string };
  /** A collection answered a page at a time (`x-ms-pageable`): `--all` follows `@odata.nextLink`. */
  readonly pageable?: boolean;
  readonly summary?: string;
  readonly docsUrl?: string;
  /** Least-privileged permissions, per kind of sign-in (from the permissions file). */
  readonly permissions?: { readonly delegated?: readonly string[]; readonly application?: readonly string[] };
}

export interface ExampleDefinition {
  readonly title: string;
  readonly code: string;
  readonly remarks: string;
}

export interface CommandDefinition {
  /** `['applications', 'synchronization', 'acquire-access-token', 'post']` */
  readonly path: readonly string[];
  /** The cmdlet this command mirrors: `Get-MgApplicationSynchronizationAccessToken`. */
  readonly cmdlet?: string;
  readonly synopsis: string;
  readonly description: string;
  readonly sets: readonly ParameterSetDefinition[];
  readonly options: readonly OptionDefinition[];
  readonly operations: Readonly<Record<string, OperationDefinition>>;
  /** Named schemas the option and body schemas refer to (`#/$defs/Name`). */
  readonly $defs: Readonly<Record<string, JsonSchema>>;
  readonly examples: readonly ExampleDefinition[];
  readonly links: readonly { readonly text: string; readonly url: string }[];
}

/** One prepared call, as the runtime hands it to a command's `send`. */
export interface PreparedCall {
  readonly operation: string;
  /** Path parameter values by wire name. */
  readonly path: Readonly<Record<string, string>>;
  /** The request body in the client's model shape (camelCase names, `additionalData`). */
  readonly body?: unknown;
  /** Kiota request configuration: headers and options. */
  readonly config: RequestConfigurationLike;
}

export interface RequestConfigurationLike {
  headers?: Record<string, string | string[]>;
  options?: unknown[];
  queryParameters?: Record<string, unknown>;
}

/** What a generated command module exports. */
export interface CommandModule<Client = unknown, RequestInformation = unknown> {
  readonly definition: CommandDefinition;
  /** Sends the call through the Kiota runtime; resolves to the response body's bytes (an ArrayBuffer), or undefined for none. */
  readonly send: (client: Client, call: PreparedCall) => Promise<unknown>;
  /** Builds the request the call would send, without sending it (`--what-if`). */
  readonly toRequestInformation: (client: Client, call: PreparedCall) => Promise<RequestInformation>;
  /** Sends a pageable call again for the page at `nextLink` (its `@odata.nextLink`), with the call's headers; resolves to the page's bytes. */
  readonly sendPage?: (client: Client, call: PreparedCall, nextLink: string) => Promise<unknown>;
}

/** A request body as a request builder's requests metadata sends it. */
export interface BodyContent {
  /** `requestBodyContentType` */
  readonly contentType: string;
  /** `requestInformationContentSetMethod` */
  readonly set: 'setStreamContent' | 'setContentFromScalar' | 'setContentFromParsable';
  /** `requestBodySerializer`: a primitive name, a model's `serializeX`, or `serializeUntypedNode`; none for a stream. */
  readonly serializer?: string;
}

/**
 * What Kiota builds a command's request from, as its request builder's requests metadata holds it,
 * beside the URI template the operation's definition holds (`urlTemplate`).
 */
export interface RequestData {
  /** The Accept header. */
  readonly accept?: string;
  /** Query parameters whose symbol name differs from their template name: `select` → `%24select`. */
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: BodyContent;
}

/** How a command calls one operation: the request builder the call is equal to, and its request as data. */
export interface BuilderCall {
  /** The builder's subpath in the client package: `applications/item/synchronization/acquireAccessToken`. */
  readonly builder: string;
  /** The builder module's requests-metadata export: `AcquireAccessTokenRequestBuilderRequestsMetadata`. */
  readonly metadata: string;
  /** The Kiota method: `get`, `post`, … (`toGetRequestInformation` builds its request). */
  readonly method: string;
  /** Path parameters: wire name (`application-id`) → URI-template name (`application%2Did`). */
  readonly parameters: Readonly<Record<string, string>>;
  readonly request: RequestData;
}

export interface CommandIndexEntry {
  readonly path: readonly string[];
  /** Lower-case cmdlet names that run the same command. */
  readonly aliases: readonly string[];
  /** The cmdlet's name as written in its help, for display. */
  readonly cmdlet?: string;
  readonly summary: string;
  readonly load: () => Promise<CommandModule>;
  /** The path's word at `depth`, without splitting the whole path (help over thousands of commands reads only the first words). */
  readonly wordAt?: (depth: number) => string | undefined;
}

/** A global option: every command takes it; command options never use its names. */
export interface GlobalOptionSpec {
  readonly name: string;
  readonly short?: string;
  readonly type: 'string' | 'boolean';
  readonly valueName?: string;
  readonly description: string;
}

export const GLOBAL_OPTIONS: readonly GlobalOptionSpec[] = [
  { name: 'output', short: 'o', type: 'string', valueName: '<json|yaml|table|tsv|none>', description: 'Output format (default json).' },
  { name: 'query', type: 'string', valueName: '<jmespath>', description: 'JMESPath query applied to the result.' },
  { name: 'debug', type: 'boolean', description: 'HTTP trace on stderr (Authorization and secret values redacted).' },
  { name: 'base-url', type: 'string', valueName: '<url>', description: 'Service root, e.g. https://graph.microsoft.com/v1.0 (overrides --cloud).' },
  { name: 'cloud', type: 'string', valueName: '<Global|USGov|USGovDoD|China>', description: 'National cloud (default Global, or $MGKIT_CLOUD).' },
  { name: 'timeout', type: 'string', valueName: '<seconds>', description: 'Fail a call that takes longer, waits between retries included (default 100).' },
  { name: 'no-color', type: 'boolean', description: 'No colours (also when NO_COLOR is set).' },
  { name: 'yes', short: 'y', type: 'boolean', description: 'Answer yes to --confirm without a terminal.' },
  { name: 'help', short: 'h', type: 'boolean', description: 'Show help.' },
  { name: 'version', type: 'boolean', description: 'Show the version.' },
];

/** Long names the runtime reserves besides the global options (`--color` is `--no-color`'s positive form). */
export const RESERVED_OPTION_NAMES: readonly string[] = [...GLOBAL_OPTIONS.map((option) => option.name), 'color'];

/** `-o, --output <json|yaml|table|tsv|none>`: how help and the docs show a global option. */
export function globalOptionLabel(option: GlobalOptionSpec): string {
  return `${option.short ? `-${option.short}, ` : ''}--${option.name}${option.valueName ? ` ${option.valueName}` : ''}`;
}

export const ExitCode = {
  ok: 0,
  api: 1,
  usage: 2,
  notFound: 3,
  auth: 4,
  interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** What each exit code means, for help and the docs. */
export const EXIT_CODE_MEANINGS: readonly { readonly status: ExitCodeValue; readonly short: string; readonly meaning: string }[] = [
  { status: ExitCode.ok, short: 'ok', meaning: 'Success.' },
  { status: ExitCode.api, short: 'API error', meaning: 'API error: the OData code, message and request-id are printed on stderr.' },
  { status: ExitCode.usage, short: 'usage or validation error', meaning: 'Usage or validation error (unknown option, mixed parameter sets, a value the schema rejects).' },
  { status: ExitCode.notFound, short: 'not found', meaning: 'Not found (HTTP 404).' },
  { status: ExitCode.auth, short: 'authentication', meaning: 'Authentication or authorization error (not signed in, expired credentials, HTTP 401 or 403).' },
  { status: ExitCode.interrupted, short: 'interrupted', meaning: 'Interrupted (Ctrl+C).' },
];

export { CREDENTIAL_KEY_KINDS, credentialValueIsShown } from './credential-keys.js';
