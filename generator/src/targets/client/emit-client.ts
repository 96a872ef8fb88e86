/**
 * ApiModel → the files of the Kiota TypeScript client: one module per request builder, the
 * models module and its serializers, the entry module (client + `createGraphClient`), an index
 * and its Node.js twin that loads the client on first use.
 */
import path from 'node:path';
import type { ApiModel } from '../../model/index.js';
import type { GeneratedFile } from '../shared/generated-file.js';
import { readFileSync } from 'node:fs';
import {
  clientEntryStatements,
  clientNames,
  ERRORS_EXPORTS,
  ERRORS_FILE,
  PAGING_EXPORTS,
  PAGING_FILE,
  REQUEST_BUILDER_EXPORTS,
  REQUEST_BUILDER_FILE,
  requestBuilderModuleStatements,
  type ClientNames,
} from './emit-client-entry.js';
import { generatedHeader } from '../shared/generated-file.js';
import { emitModelFiles, MODELS_FILE } from './emit-models.js';
import { builderFile, modelModuleFor, requestBuilderStatements, type BuilderContext } from './emit-request-builder.js';
import { HelpIndex } from './help-index.js';
import { compareOrdinal } from '../shared/client-surface/identifiers.js';
import { ImportCollector, relativeModule } from './imports.js';
import { ModelHierarchy } from './model-hierarchy.js';
import { CLIENT_NAME, clientSurface } from '../shared/client-surface/index.js';
import { NODE_INDEX_FILE, nodeIndexSource } from './emit-node-entry.js';
import { exportDeclarations, printEmitFile } from './source-files.js';

export interface ClientEmitOptions {
  /** Absolute folder the files go to. */
  readonly outDir: string;
}

const CLIENT_FILE = 'graphClient.ts';
/** The hand-written error module every generated client carries (a template: it does not depend on the model). */
const ERRORS_TEMPLATE = new URL('../../../templates/client/errors.ts', import.meta.url);
/** Paging helpers every generated client carries (a template too). */
const PAGING_TEMPLATE = new URL('../../../templates/client/paging.ts', import.meta.url);
const INDEX_FILE = 'index.ts';

/** Output-relative path → contents, sorted by path. */
export function emitClientSources(model: ApiModel): Map<string, string> {
  const hierarchy = new ModelHierarchy(model);
  const help = new HelpIndex(model);
  const context: BuilderContext = { model, types: hierarchy.types, help };
  const names = clientNames(CLIENT_NAME);
  const { root, nodes } = clientSurface(model);
  const sources = new Map<string, string>();

  const builders = nodes.map((node) => {
    const imports = new ImportCollector();
    const statements = requestBuilderStatements(node, context, imports);
    if (node === root) statements.push(...clientEntryStatements(root, model, names, imports));
    return { node, imports, statements, modelModule: modelModuleFor(node) };
  });
  const modelValues = (builder: (typeof builders)[number]) => [...builder.imports.entries()].filter(([module, , typeOnly]) => module === builder.modelModule && !typeOnly).map(([, name]) => name);
  const models = emitModelFiles(model, hierarchy, help, builders.map(modelValues));
  for (const [file, contents] of models.files) sources.set(file, contents);

  for (const { node, imports, statements, modelModule } of builders) {
    // a builder imports each model value from the file that has it (a chunk, in a large module)
    const located = new ImportCollector();
    located.addFrom(imports, (module, name, typeOnly) => (module === modelModule && !typeOnly ? relativeModule(node.dir, models.fileOf(name).replace(/\.ts$/, '.js')) : module));
    sources.set(builderFile(node, CLIENT_FILE), printEmitFile([...located.structures(), ...statements]));
  }

  const requestBuilderImports = new ImportCollector();
  const entryHelpers = requestBuilderModuleStatements(model, names, requestBuilderImports);
  sources.set(REQUEST_BUILDER_FILE, printEmitFile([...requestBuilderImports.structures(), ...entryHelpers]));
  sources.set(ERRORS_FILE, `${generatedHeader()}\n\n${readFileSync(ERRORS_TEMPLATE, 'utf8')}`);
  sources.set(PAGING_FILE, `${generatedHeader()}\n\n${readFileSync(PAGING_TEMPLATE, 'utf8')}`);
  sources.set(INDEX_FILE, indexSource(names));
  sources.set(NODE_INDEX_FILE, nodeIndexSource(model, names, moduleSpecifier(CLIENT_FILE), moduleSpecifier(MODELS_FILE)));
  return new Map([...sources.entries()].sort(([a], [b]) => compareOrdinal(a, b)));
}

/** `index.ts`: the entry module's exports and every model. */
function indexSource(names: ClientNames): string {
  return printEmitFile(
    exportDeclarations([
      { moduleSpecifier: moduleSpecifier(CLIENT_FILE), namedExports: [names.factory] },
      ...REQUEST_BUILDER_EXPORTS(names),
      { moduleSpecifier: moduleSpecifier(CLIENT_FILE), isTypeOnly: true, namedExports: [names.client, names.options] },
      { moduleSpecifier: moduleSpecifier(MODELS_FILE) },
      ...ERRORS_EXPORTS,
      ...PAGING_EXPORTS,
    ]),
  );
}

/** `./graphClient.js` for `graphClient.ts` (files at the output's top level). */
function moduleSpecifier(file: string): string {
  return `./${file.replace(/\.ts$/, '.js')}`;
}

/** The generated files for a model, at absolute paths under `outDir`. */
export function emitClient(model: ApiModel, options: ClientEmitOptions): GeneratedFile[] {
  return [...emitClientSources(model).entries()].map(([relative, contents]) => ({
    path: path.join(options.outDir, ...relative.split('/')),
    contents,
  }));
}
