/**
 * The shape of the command definitions `mgkit-gen` emits into `src/generated/`. Plain data:
 * the runtime interprets it (parsing, parameter-set inference, validation, help, completion).
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

/** What an option does with its value; mirrors the model's parameter roles. */
export type OptionRole =
  | { readonly kind: 'path-key'; readonly pathParameter: string }
  | { readonly kind: 'identity'; readonly keys: readonly IdentityKey[] }
  | { readonly kind: 'body' }
  | { readonly kind: 'body-property'; readonly property: string }
  | { readonly kind: 'additional-properties' }
  | { readonly kind: 'query'; readonly queryParameter: string }
  | { readonly kind: 'header'; readonly header: string }
  | { readonly kind: 'request-headers' }
  | { readonly kind: 'response-headers' }
  | { readonly kind: 'behaviour'; readonly behaviour: string };

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
 * (repeatable); `sink` a file name or `-` for stdout.
 */
export type OptionKind = 'string' | 'switch' | 'json' | 'pairs' | 'headers' | 'sink';

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
  readonly success: { readonly status: string; readonly schema?: JsonSchema };
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
  /** Sends the call through the generated client; resolves to the response model (or undefined). */
  readonly send: (client: Client, call: PreparedCall) => Promise<unknown>;
  /** Builds the request the call would send, without sending it (`--what-if`). */
  readonly toRequestInformation: (client: Client, call: PreparedCall) => RequestInformation;
}

export interface CommandIndexEntry {
  readonly path: readonly string[];
  /** Lower-case cmdlet names that run the same command. */
  readonly aliases: readonly string[];
  /** The cmdlet's name as written in its help, for display. */
  readonly cmdlet?: string;
  readonly summary: string;
  readonly load: () => Promise<CommandModule>;
}
