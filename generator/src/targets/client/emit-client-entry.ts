/**
 * The client's entry module: the root builder (`GraphClient`), its options and
 * `createGraphClient(requestAdapter, options?)`, which registers the JSON (de)serializers on
 * that adapter only (no process-wide registries) and sets the base URL.
 */
import type { FunctionDeclarationStructure, StatementStructures, VariableStatementStructure } from 'ts-morph';
import { StructureKind, VariableDeclarationKind } from './ts-morph.js';
import type { ApiModel } from '../../model/index.js';
import { quote } from '../shared/client-surface/identifiers.js';
import { KIOTA_ABSTRACTIONS, type ImportCollector } from './imports.js';
import { jsDoc } from './jsdoc.js';
import { builderNames } from './emit-request-builder.js';
import type { BuilderNode } from '../shared/client-surface/navigation-tree.js';
import { serializationFormats } from './serialization-formats.js';

/** The client's error type and the adapter hook that throws it (`errors.ts`, copied from templates/client/). */
export const ERRORS_FILE = 'errors.ts';
const ERRORS_MODULE = './errors.js';
/** `ODataError` (a class) shadows the model interface of that name that `export *` brings. */
export const ERRORS_EXPORTS = [
  { moduleSpecifier: ERRORS_MODULE, namedExports: ['ODataError', 'isODataError'] },
  { moduleSpecifier: ERRORS_MODULE, isTypeOnly: true, namedExports: ['ODataErrorDetail'] },
];

/** The paging helpers (`paging.ts`, copied from templates/client/): model-independent, types only from Kiota. */
export const PAGING_FILE = 'paging.ts';
const PAGING_MODULE = './paging.js';
export const PAGING_EXPORTS = [
  { moduleSpecifier: PAGING_MODULE, namedExports: ['iterateItems', 'iteratePages', 'lastDeltaLink'] },
  { moduleSpecifier: PAGING_MODULE, isTypeOnly: true, namedExports: ['CollectionPage', 'PageableRequestBuilder', 'StopSignal'] },
];

export interface ClientNames {
  /** `GraphClient` */
  readonly client: string;
  /** `createGraphClient` */
  readonly factory: string;
  /** `GraphClientOptions` */
  readonly options: string;
  /** `GraphClientDefaultBaseUrl` */
  readonly defaultBaseUrl: string;
}

export function clientNames(client: string): ClientNames {
  return { client, factory: `create${client}`, options: `${client}Options`, defaultBaseUrl: `${client}DefaultBaseUrl` };
}

export function clientEntryStatements(root: BuilderNode, model: ApiModel, names: ClientNames, imports: ImportCollector): StatementStructures[] {
  imports.type(KIOTA_ABSTRACTIONS, 'RequestAdapter');
  imports.value(KIOTA_ABSTRACTIONS, 'apiClientProxifier');
  imports.value(REQUEST_BUILDER_MODULE, 'prepareAdapter');
  const navigation = root.children.length > 0 ? builderNames.navigationMetadata(root) : 'undefined';
  const requests = root.operations.length > 0 ? builderNames.requestsMetadata(root) : 'undefined';
  return [
    {
      kind: StructureKind.Interface,
      name: names.options,
      isExported: true,
      docs: [jsDoc([`Options of \`${names.factory}\`.`])],
      properties: [
        {
          name: 'baseUrl',
          hasQuestionToken: true,
          type: 'string',
          docs: [
            jsDoc([
              `Service root every request goes to, e.g. \`${model.baseUrl}\` or a national cloud's. Wins over the adapter's own \`baseUrl\`; without either the description's server (\`${names.defaultBaseUrl}\`) is used.`,
            ]),
          ],
        },
      ],
    },
    factoryFunction(model, names, [
      'prepareAdapter(requestAdapter, options.baseUrl);',
      `const pathParameters: Record<string, unknown> = { baseurl: requestAdapter.baseUrl };`,
      `return apiClientProxifier<${names.client}>(requestAdapter, pathParameters, ${navigation}, ${requests});`,
    ]),
  ];
}

/** The module of `requestBuilderAt`: small, importing no request builder, so that using it costs one path's builder only. */
export const REQUEST_BUILDER_FILE = 'requestBuilder.ts';
export const REQUEST_BUILDER_MODULE = './requestBuilder.js';
export const REQUEST_BUILDER_EXPORTS = (names: ClientNames) => [{ moduleSpecifier: REQUEST_BUILDER_MODULE, namedExports: [names.defaultBaseUrl, 'requestBuilderAt'] }];

/** `export function requestBuilderAt<T extends object>(…): T`: the same in both entries. */
export const REQUEST_BUILDER_AT_SIGNATURE: Pick<FunctionDeclarationStructure, 'name' | 'isExported' | 'typeParameters' | 'parameters' | 'returnType'> = {
  name: 'requestBuilderAt',
  isExported: true,
  typeParameters: [{ name: 'T', constraint: 'object' }],
  parameters: [
    { name: 'requestAdapter', type: 'RequestAdapter' },
    { name: 'requestsMetadata', type: 'RequestsMetadata' },
    { name: 'pathParameters', type: 'Record<string, unknown>', initializer: '{}' },
    { name: 'options', type: '{ readonly baseUrl?: string }', initializer: '{}' },
  ],
  returnType: 'T',
};

/**
 * `requestBuilder.ts`: the default base URL, `prepareAdapter` (serializers, OData errors, base
 * URL: what `createGraphClient` does to an adapter) and `requestBuilderAt`, one request builder
 * without the client's navigation. The navigation metadata reaches every builder of the
 * description; a builder's requests metadata only its own operations and the models they use.
 */
export function requestBuilderModuleStatements(model: ApiModel, names: ClientNames, imports: ImportCollector): StatementStructures[] {
  imports.type(KIOTA_ABSTRACTIONS, 'ParseNodeFactory', 'RequestAdapter', 'RequestsMetadata', 'SerializationWriterFactory', 'ParseNodeFactoryRegistry', 'SerializationWriterFactoryRegistry');
  imports.value(KIOTA_ABSTRACTIONS, 'apiClientProxifier');
  imports.value(ERRORS_MODULE, 'installODataErrors');
  const formats = serializationFormats(model);
  const formatList = formatNames(model);
  for (const format of formats) imports.value(format.module, format.writerFactory, ...(format.parseNodeFactory ? [format.parseNodeFactory] : []));
  return [
    defaultBaseUrlStatement(model, names),
    {
      kind: StructureKind.Function,
      ...REQUEST_BUILDER_AT_SIGNATURE,
      statements: [
        'prepareAdapter(requestAdapter, options.baseUrl);',
        'return apiClientProxifier<T>(requestAdapter, { baseurl: requestAdapter.baseUrl, ...pathParameters }, undefined, requestsMetadata);',
      ],
      docs: [
        jsDoc(
          [
            `One request builder, addressed by its requests metadata and path parameters, without \`${names.factory}\`'s navigation. A bundler then keeps that builder's operations and the models they reach, and nothing else of the client (the navigation reaches every builder); in Node.js it loads that builder's module only. The adapter is prepared as \`${names.factory}\` prepares it.`,
            [
              '```ts',
              "import { requestBuilderAt } from '<client package>';",
              "import { AcquireAccessTokenRequestBuilderRequestsMetadata, type AcquireAccessTokenRequestBuilder } from '<client package>/applications/item/synchronization/acquireAccessToken';",
              "const builder = requestBuilderAt<AcquireAccessTokenRequestBuilder>(adapter, AcquireAccessTokenRequestBuilderRequestsMetadata, { 'application%2Did': id });",
              '```',
            ].join('\n'),
          ],
          [
            { tag: 'param', text: 'requestAdapter The request adapter that sends the requests.' },
            { tag: 'param', text: "requestsMetadata The builder's `…RequestBuilderRequestsMetadata`." },
            { tag: 'param', text: "pathParameters Values of the path's parameters, by their URI-template names (`application%2Did`: see the builder's `…UriTemplate`)." },
            { tag: 'param', text: 'options Base URL override.' },
            { tag: 'returns', text: '{T}' },
          ],
        ),
      ],
    },
    {
      kind: StructureKind.Function,
      name: 'prepareAdapter',
      isExported: true,
      parameters: [
        { name: 'requestAdapter', type: 'RequestAdapter' },
        { name: 'baseUrl', type: 'string | undefined' },
      ],
      returnType: 'void',
      statements: [
        'registerSerialization(requestAdapter);',
        'installODataErrors(requestAdapter);',
        `if (baseUrl) requestAdapter.baseUrl = baseUrl.replace(/\\/+$/, '');`,
        `else if (!requestAdapter.baseUrl) requestAdapter.baseUrl = ${names.defaultBaseUrl};`,
      ],
      docs: [
        jsDoc(
          [
            `Registers the ${formatList} serialization factories on the adapter's own registries, nothing process-wide, makes its errors \`ODataError\`s, and sets its base URL: \`baseUrl\`, else the adapter's own, else the description's server.`,
          ],
          [
            { tag: 'param', text: 'requestAdapter The adapter to prepare.' },
            { tag: 'param', text: 'baseUrl Base URL override.' },
          ],
        ),
      ],
    },
    {
      kind: StructureKind.Function,
      name: 'registerSerialization',
      parameters: [{ name: 'requestAdapter', type: 'RequestAdapter' }],
      returnType: 'void',
      statements: [
        'const writers = requestAdapter.getSerializationWriterFactory();',
        'if (isSerializationWriterRegistry(writers)) {',
        ...formats.map((format) => `  writers.registerDefaultSerializer(${format.writerFactory});`),
        '}',
        'const parsers = requestAdapter.getParseNodeFactory();',
        'if (isParseNodeRegistry(parsers)) {',
        ...formats.flatMap((format) => (format.parseNodeFactory ? [`  parsers.registerDefaultDeserializer(${format.parseNodeFactory}, requestAdapter.getBackingStoreFactory());`] : [])),
        '}',
      ],
      docs: [
        jsDoc(
          [`Adds the ${formatList} serialization factories to the adapter's own registries (a no-op for adapters built with a single factory).`],
          [{ tag: 'param', text: 'requestAdapter The adapter to configure.' }],
        ),
      ],
    },
    {
      kind: StructureKind.Function,
      name: 'isSerializationWriterRegistry',
      parameters: [{ name: 'factory', type: 'SerializationWriterFactory' }],
      returnType: 'factory is SerializationWriterFactoryRegistry',
      statements: [`return 'registerDefaultSerializer' in factory && 'contentTypeAssociatedFactories' in factory;`],
      docs: [
        jsDoc(
          ['Whether a factory is a registry (checked by shape, so that adapters built with another copy of kiota-abstractions work too).'],
          [
            { tag: 'param', text: "factory The adapter's serialization writer factory." },
            { tag: 'returns', text: '{boolean}' },
          ],
        ),
      ],
    },
    {
      kind: StructureKind.Function,
      name: 'isParseNodeRegistry',
      parameters: [{ name: 'factory', type: 'ParseNodeFactory' }],
      returnType: 'factory is ParseNodeFactoryRegistry',
      statements: [`return 'registerDefaultDeserializer' in factory && 'contentTypeAssociatedFactories' in factory;`],
      docs: [
        jsDoc(
          ['Whether a factory is a registry (checked by shape, so that adapters built with another copy of kiota-abstractions work too).'],
          [
            { tag: 'param', text: "factory The adapter's parse node factory." },
            { tag: 'returns', text: '{boolean}' },
          ],
        ),
      ],
    },
  ];
}

/** `Json` or `Json, Text`: the formats `createGraphClient` registers, for its documentation. */
function formatNames(model: ApiModel): string {
  return serializationFormats(model)
    .map((format) => format.writerFactory.replace(/SerializationWriterFactory$/, ''))
    .join(', ');
}

/** `export const GraphClientDefaultBaseUrl = '…';` */
export function defaultBaseUrlStatement(model: ApiModel, names: ClientNames): VariableStatementStructure {
  return {
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name: names.defaultBaseUrl, initializer: quote(model.baseUrl) }],
    docs: [jsDoc([`The service root the description names: \`${model.baseUrl}\`.`])],
  };
}

/** `export function createGraphClient(requestAdapter, options = {})` with `statements` as its body. */
export function factoryFunction(model: ApiModel, names: ClientNames, statements: readonly string[], extraDocs: readonly string[] = []): FunctionDeclarationStructure {
  return {
    kind: StructureKind.Function,
    name: names.factory,
    isExported: true,
    parameters: [
      { name: 'requestAdapter', type: 'RequestAdapter' },
      { name: 'options', type: names.options, initializer: '{}' },
    ],
    returnType: names.client,
    statements: [...statements],
    docs: [
      jsDoc(
        [
          `Creates the ${model.title} client on a request adapter (for example \`FetchRequestAdapter\` from \`@microsoft/kiota-http-fetchlibrary\`).`,
          `Registers the ${formatNames(model)} serialization factories on that adapter's own registries, nothing process-wide, and sets the adapter's base URL: \`options.baseUrl\`, else the adapter's own, else the description's server.`,
          ...extraDocs,
        ],
        [
          { tag: 'param', text: 'requestAdapter The request adapter that sends the requests (authentication, HTTP, middleware).' },
          { tag: 'param', text: 'options Base URL override.' },
          { tag: 'returns', text: `{${names.client}}` },
        ],
      ),
    ],
  };
}
