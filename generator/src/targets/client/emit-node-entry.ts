/**
 * `index.node.ts`: the same exports as `index.ts`, for Node.js where it can `require` ES modules
 * (^20.19, >=22.12: the package maps this file with the `module-sync` export condition, which
 * only such Node.js versions set; bundlers, test runners and older Node.js resolve `module` or
 * `default`, the static `index.ts`). Its `createGraphClient` loads the client module — and with
 * it the Kiota runtime, OpenTelemetry and every request builder — on the first call, so that
 * importing the package costs the models only. The module instances are the ones `import`
 * gives: Node.js shares one module cache between both.
 */
import { ERRORS_EXPORTS, PAGING_EXPORTS, REQUEST_BUILDER_AT_SIGNATURE, REQUEST_BUILDER_MODULE } from './emit-client-entry.js';
import { StructureKind, VariableDeclarationKind } from './ts-morph.js';
import type { ApiModel } from '../../model/index.js';
import { defaultBaseUrlStatement, factoryFunction, type ClientNames } from './emit-client-entry.js';
import { quote } from '../shared/client-surface/identifiers.js';
import { KIOTA_ABSTRACTIONS } from './imports.js';
import { jsDoc } from './jsdoc.js';
import { exportDeclarations, printEmitFile } from './source-files.js';

export const NODE_INDEX_FILE = 'index.node.ts';

/**
 * Some runtimes claim `module-sync` yet cannot `require` ES modules — Jest's ESM mode before
 * Node.js 24.9 — and land here; the way out is the package's static entry.
 */
const REQUIRE_ESM_HINT =
  'This runtime chose the client package\'s Node.js entry (export condition "module-sync") but its require cannot load ES modules (Jest in ESM mode before Node.js 24.9, for one): map the package to the file its "default" export condition names (Jest: moduleNameMapper).';

/** The file's text; `clientModule` and `modelsModule` are `./graphClient.js` and `./models/index.js`. */
export function nodeIndexSource(model: ApiModel, names: ClientNames, clientModule: string, modelsModule: string): string {
  return printEmitFile([
    { moduleSpecifier: KIOTA_ABSTRACTIONS, isTypeOnly: true, namedImports: ['RequestAdapter', 'RequestsMetadata'] },
    { moduleSpecifier: 'node:module', namedImports: ['createRequire'] },
    { moduleSpecifier: clientModule, isTypeOnly: true, namedImports: [names.client, names.options] },
    ...exportDeclarations([{ moduleSpecifier: clientModule, isTypeOnly: true, namedExports: [names.client, names.options] }, { moduleSpecifier: modelsModule }, ...ERRORS_EXPORTS, ...PAGING_EXPORTS]),
    defaultBaseUrlStatement(model, names),
    {
      kind: StructureKind.TypeAlias,
      name: 'ClientModule',
      type: `typeof import(${quote(clientModule)})`,
      docs: [jsDoc([`The client module's exports, as a type: \`${clientModule}\` is imported for its types only.`])],
    },
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Let,
      declarations: [{ name: 'loadedClientModule', type: 'ClientModule | undefined' }],
      docs: [jsDoc(['The client module once the first call has loaded it.'])],
    },
    factoryFunction(
      model,
      names,
      ['loadedClientModule ??= requireModule<ClientModule>(' + quote(clientModule) + ');', `return loadedClientModule.${names.factory}(requestAdapter, options);`],
      ['In Node.js the client, the Kiota runtime and the request builders load on the first call, so that importing the package stays cheap.'],
    ),
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Let,
      declarations: [{ name: 'loadedRequestBuilderModule', type: `typeof import(${quote(REQUEST_BUILDER_MODULE)}) | undefined` }],
      docs: [jsDoc(['The `requestBuilderAt` module (and the Kiota runtime) once the first call has loaded it.'])],
    },
    {
      kind: StructureKind.Function,
      ...REQUEST_BUILDER_AT_SIGNATURE,
      statements: [
        `loadedRequestBuilderModule ??= requireModule<typeof import(${quote(REQUEST_BUILDER_MODULE)})>(${quote(REQUEST_BUILDER_MODULE)});`,
        'return loadedRequestBuilderModule.requestBuilderAt<T>(requestAdapter, requestsMetadata, pathParameters, options);',
      ],
      docs: [
        jsDoc(
          ["One request builder without the client's navigation (see `requestBuilderAt` in the static entry). In Node.js its module and the Kiota runtime load on the first call."],
          [
            { tag: 'param', text: 'requestAdapter The request adapter that sends the requests.' },
            { tag: 'param', text: "requestsMetadata The builder's `…RequestBuilderRequestsMetadata`." },
            { tag: 'param', text: "pathParameters Values of the path's parameters, by their URI-template names." },
            { tag: 'param', text: 'options Base URL override.' },
            { tag: 'returns', text: '{T}' },
          ],
        ),
      ],
    },
    {
      kind: StructureKind.Function,
      name: 'requireModule',
      typeParameters: [{ name: 'M' }],
      parameters: [{ name: 'specifier', type: 'string' }],
      returnType: 'M',
      statements: [
        'try {',
        '  return createRequire(import.meta.url)(specifier) as M;',
        '} catch (error) {',
        `  if ((error as { code?: unknown }).code !== 'ERR_REQUIRE_ESM') throw error;`,
        `  throw new Error(${quote(REQUIRE_ESM_HINT)}, { cause: error });`,
        '}',
      ],
      docs: [
        jsDoc(
          ["Loads one of the package's modules synchronously: `require` of an ES module, which the `module-sync` condition that selects this file promises."],
          [
            { tag: 'param', text: 'specifier The module, relative to this file.' },
            { tag: 'returns', text: '{M}' },
          ],
        ),
      ],
    },
  ]);
}
