/**
 * The intermediate model every target reads. Built once by `buildApiModel`, deeply frozen,
 * never mutated by targets. Names used by the targets are derived here, once.
 */
import type { IdentityKey, OptionRole } from '@mgkit/cli-contract';
import type { Diagnostic } from '../diagnostics/index.js';
import type { OperationPermissions, PermissionEntry, PermissionLevels } from '../sources/permissions/index.js';

/** Permissions are part of the model: targets read them from their operation, not from the file. */
export type { OperationPermissions, PermissionEntry, PermissionLevels };

export interface SourceRef {
  readonly file: string;
  readonly line?: number;
}

// ---------------------------------------------------------------- types

export type PrimitiveName = 'string' | 'number' | 'integer' | 'boolean' | 'any';

export type TypeRef =
  | { readonly kind: 'primitive'; readonly primitive: PrimitiveName; readonly format?: string }
  /** A named `TypeModel` (object or enum) of `ApiModel.types`. */
  | { readonly kind: 'named'; readonly name: string }
  | { readonly kind: 'collection'; readonly items: TypeRef }
  /** An object with only additionalProperties: a string-keyed map. */
  | { readonly kind: 'map'; readonly values: TypeRef }
  | { readonly kind: 'union'; readonly members: readonly TypeRef[] };

export interface PropertyModel {
  /** Name on the wire, e.g. `credentials`, `@odata.type`. */
  readonly wireName: string;
  /** Identifier for code, camelCase, e.g. `credentials`, `odataType`. */
  readonly name: string;
  readonly description?: string;
  readonly type: TypeRef;
  readonly nullable: boolean;
  readonly required: boolean;
  readonly readOnly: boolean;
}

export interface DiscriminatorModel {
  /** `@odata.type` */
  readonly propertyName: string;
  /** Discriminator value (`#microsoft.graph.user`) → type name, sorted by value. */
  readonly mapping: readonly { readonly value: string; readonly typeName: string }[];
}

/** Where a named type came from. */
export type TypeOrigin =
  | { readonly kind: 'component'; readonly schemaName: string }
  | { readonly kind: 'inline'; readonly operationKey: string; readonly role: 'request-body' | 'response' }
  /** The schema of a parameter: the items of `$select`, `$expand` and `$orderby` are enums. */
  | { readonly kind: 'inline'; readonly operationKey: string; readonly role: 'parameter'; readonly parameterName: string };

export interface ObjectTypeModel {
  readonly kind: 'object';
  /** PascalCase, unique across the model, e.g. `SynchronizationSecretKeyStringValuePair`. */
  readonly name: string;
  readonly origin: TypeOrigin;
  readonly description?: string;
  /** Own properties only (inherited ones live on `base`), sorted as in the description. */
  readonly properties: readonly PropertyModel[];
  /** `false`, `true` (any value), or the value type. */
  readonly additionalProperties: boolean | TypeRef;
  /** Name of the base type (allOf with a $ref). */
  readonly baseType?: string;
  readonly discriminator?: DiscriminatorModel;
  /** This type's own `@odata.type` value, e.g. `#microsoft.graph.application`. */
  readonly odataType?: string;
  /** Used as an error response body. */
  readonly isError: boolean;
}

export interface EnumMemberModel {
  /** On the wire, e.g. `Oauth2AccessToken`. */
  readonly value: string;
  /** PascalCase identifier, e.g. `Oauth2AccessToken`. */
  readonly name: string;
  readonly description?: string;
}

export interface EnumTypeModel {
  readonly kind: 'enum';
  readonly name: string;
  readonly origin: TypeOrigin;
  readonly description?: string;
  readonly members: readonly EnumMemberModel[];
  readonly isFlags: boolean;
}

export type TypeModel = ObjectTypeModel | EnumTypeModel;

// ---------------------------------------------------------------- operations

export type HttpMethodName = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE';

export type OperationKind = 'action' | 'function' | 'operation';

export interface PathSegmentModel {
  /** As written in the description: `microsoft.graph.acquireAccessToken`, `{application-id}`. */
  readonly raw: string;
  /** Segment as sent when the action prefix is dropped (`acquireAccessToken`); equals raw otherwise. */
  readonly unprefixed: string;
  /** Clean name for code: `applications`, `acquireAccessToken`, `applicationId`. */
  readonly name: string;
  readonly kind: 'literal' | 'parameter' | 'action' | 'function';
  /** For `parameter` segments: the path parameter's wire name (`application-id`). */
  readonly parameter?: string;
}

export interface ParameterModel {
  /** As on the wire: `application-id`, `$select`, `ConsistencyLevel`. */
  readonly wireName: string;
  /** camelCase identifier: `applicationId`, `select`, `consistencyLevel`. */
  readonly name: string;
  readonly location: 'path' | 'query' | 'header';
  readonly description?: string;
  readonly required: boolean;
  readonly type: TypeRef;
  /** `x-ms-docs-key-type`: the entity this key identifies (`application`). */
  readonly keyType?: string;
  readonly explode: boolean;
}

export interface RequestBodyModel {
  readonly contentType: string;
  readonly type: TypeRef;
  readonly required: boolean;
  readonly description?: string;
}

export interface ResponseModel {
  /** `200`, `204`, `2XX`. */
  readonly status: string;
  readonly contentType?: string;
  /** Absent when there is no body. */
  readonly type?: TypeRef;
  readonly description?: string;
}

export interface ErrorResponseModel {
  /** `4XX`, `5XX`, `XXX` (for `default`), or a code. */
  readonly status: string;
  readonly type: TypeRef;
}

export interface OperationModel {
  /** Stable key: `applications.synchronization.acquireAccessToken.post`. */
  readonly key: string;
  /** The permissions the unit's permissions file lists for it (absent without a file or an entry). */
  readonly permissions?: OperationPermissions;
  readonly operationId: string;
  readonly method: HttpMethodName;
  /** Exactly as in the description. */
  readonly path: string;
  /** The path the client calls: `path`, or with the action prefix dropped when the config says so. */
  readonly requestPath: string;
  readonly segments: readonly PathSegmentModel[];
  readonly pathParameters: readonly ParameterModel[];
  readonly queryParameters: readonly ParameterModel[];
  readonly headerParameters: readonly ParameterModel[];
  readonly requestBody?: RequestBodyModel;
  readonly success: ResponseModel;
  readonly errors: readonly ErrorResponseModel[];
  readonly kind: OperationKind;
  readonly summary?: string;
  readonly description?: string;
  readonly externalDocs?: { readonly description?: string; readonly url: string };
  readonly tags: readonly string[];
  readonly deprecated: boolean;
  readonly pageable?: { readonly nextLinkName?: string };
  readonly source: SourceRef;
}

// ---------------------------------------------------------------- commands (cmdlets)

/** A key of an identity object (`ApplicationId` → `application-id`): the CLI contract's shape. */
export type IdentityKeyModel = IdentityKey;

export type BehaviourSwitch =
  | 'PassThru'
  | 'WhatIf'
  | 'Confirm'
  | 'All'
  | 'PageSize'
  | 'CountVariable'
  | 'OutFile'
  | 'Break'
  | 'HttpPipelineAppend'
  | 'HttpPipelinePrepend'
  | 'Proxy'
  | 'ProxyCredential'
  | 'ProxyUseDefaultCredentials';

/** What a cmdlet parameter does in its bound operation: the CLI contract's roles, with the behaviour switches the model knows. */
export type ParameterRole = OptionRole<BehaviourSwitch>;

export interface ParameterBindingModel {
  readonly parameter: string;
  readonly required: boolean;
  /** `Named` or a position number. */
  readonly position: string;
  readonly valueFromPipeline: boolean;
  readonly valueFromPipelineByPropertyName: boolean;
  /** Absent when the parameter could not be bound (a diagnostic says why). */
  readonly role?: ParameterRole;
}

export type BindingRule = 'config' | 'body-type-name' | 'noun-and-keys' | 'synopsis-action';

export interface ParameterSetModel {
  readonly name: string;
  readonly isDefault: boolean;
  /** Usage line as written in SYNTAX. */
  readonly usage: string;
  /** The operation this set calls; absent when unbound (a diagnostic says why). */
  readonly operationKey?: string;
  readonly boundBy?: BindingRule;
  /** In SYNTAX order. */
  readonly parameters: readonly ParameterBindingModel[];
}

export interface ComplexPropertyModel {
  readonly name: string;
  readonly typeName: string;
  readonly required: boolean;
  readonly description: string;
  readonly properties: readonly ComplexPropertyModel[];
}

export interface CommandParameterModel {
  readonly name: string;
  readonly description: string;
  /** .NET type as in the help: `System.String`, `…Models.IApplicationsIdentity`, `…[]`. */
  readonly dotnetType: string;
  readonly isSwitch: boolean;
  readonly isArray: boolean;
  readonly aliases: readonly string[];
  readonly defaultValue?: string;
  readonly acceptsWildcards: boolean;
  readonly acceptedValues: readonly string[];
  /** Set names this parameter belongs to (expanded from `(All)`). */
  readonly parameterSets: readonly string[];
  /** From NOTES → COMPLEX PARAMETER PROPERTIES, when the parameter is a hash table. */
  readonly complexProperties?: readonly ComplexPropertyModel[];
}

export interface CommandExampleModel {
  readonly title: string;
  readonly code: string;
  readonly remarks: string;
  readonly isPlaceholder: boolean;
}

export interface CommandModel {
  /** `Get-MgApplicationSynchronizationAccessToken` */
  readonly name: string;
  readonly verb: string;
  readonly noun: string;
  readonly synopsis: string;
  readonly description: string;
  readonly onlineVersion?: string;
  readonly moduleName?: string;
  readonly parameterSets: readonly ParameterSetModel[];
  readonly defaultParameterSet: string;
  /** In PARAMETERS order. */
  readonly parameters: readonly CommandParameterModel[];
  readonly supportsCommonParameters: boolean;
  readonly examples: readonly CommandExampleModel[];
  readonly inputs: readonly { readonly typeName: string; readonly description: string }[];
  readonly outputs: readonly { readonly typeName: string; readonly description: string }[];
  readonly links: readonly { readonly text: string; readonly url: string }[];
  readonly source: SourceRef;
}

// ---------------------------------------------------------------- the model

export interface ModelOptions {
  /** Send `…/microsoft.graph.acquireAccessToken` (true, the description's path) or `…/acquireAccessToken`. */
  readonly keepActionPrefixInUrl: boolean;
}

export interface ApiModel {
  readonly title: string;
  readonly version: string;
  /** From the description's first server, without trailing slash: `https://graph.microsoft.com/v1.0`. */
  readonly baseUrl: string;
  readonly options: ModelOptions;
  /** Selected operations, sorted by key. */
  readonly operations: readonly OperationModel[];
  /** Types the selected operations reach, sorted by name. */
  readonly types: readonly TypeModel[];
  /** Selected commands, sorted by name. */
  readonly commands: readonly CommandModel[];
  /** Warnings found while building (errors stop the build). */
  readonly diagnostics: readonly Diagnostic[];
}
