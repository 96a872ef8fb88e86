/**
 * `index.node.ts`: the same exports as `index.ts`, for Node.js where it can `require` ES modules
 * (^20.19, >=22.12: the package maps this file with the `module-sync` export condition, which
 * only such Node.js versions set; bundlers, test runners and older Node.js resolve `module` or
 * `default`, the static `index.ts`). Its `createGraphClient` loads the client module — and with
 * it the Kiota runtime, OpenTelemetry and every request builder — on the first call, so that
 * importing the package costs the models only. The module instances are the ones `import`
 * gives: Node.js shares one module cache between both.
 */
import { StructureKind, VariableDeclarationKind, type Project } from 'ts-morph';
import type { ApiModel } from '../../model/index.js';
import { defaultBaseUrlStatement, factoryFunction, type ClientNames } from './emit-client-entry.js';
import { quote } from './identifiers.js';
import { KIOTA_ABSTRACTIONS } from './imports.js';
import { jsDoc } from './jsdoc.js';
import { createEmitFile, printEmitFile } from './source-files.js';

export const NODE_INDEX_FILE = 'index.node.ts';

/** The file's text; `clientModule` and `modelsModule` are `./graphClient.js` and `./models/index.js`. */
export function nodeIndexSource(project: Project, model: ApiModel, names: ClientNames, clientModule: string, modelsModule: string): string {
  const file = createEmitFile(project, NODE_INDEX_FILE);
  file.addImportDeclarations([
    { moduleSpecifier: KIOTA_ABSTRACTIONS, isTypeOnly: true, namedImports: ['RequestAdapter'] },
    { moduleSpecifier: 'node:module', namedImports: ['createRequire'] },
    { moduleSpecifier: clientModule, isTypeOnly: true, namedImports: [names.client, names.options] },
  ]);
  file.addExportDeclarations([
    { moduleSpecifier: clientModule, isTypeOnly: true, namedExports: [names.client, names.options] },
    { moduleSpecifier: modelsModule },
  ]);
  file.addStatements([
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
      ['loadedClientModule ??= loadClientModule();', `return loadedClientModule.${names.factory}(requestAdapter, options);`],
      ['In Node.js the client, the Kiota runtime and the request builders load on the first call, so that importing the package stays cheap.'],
    ),
    {
      kind: StructureKind.Function,
      name: 'loadClientModule',
      returnType: 'ClientModule',
      statements: [`return createRequire(import.meta.url)(${quote(clientModule)}) as ClientModule;`],
      docs: [
        jsDoc(
          ['Loads the client module synchronously: `require` of an ES module, which the `module-sync` condition that selects this file guarantees.'],
          [{ tag: 'returns', text: '{ClientModule}' }],
        ),
      ],
    },
  ]);
  return printEmitFile(file);
}
