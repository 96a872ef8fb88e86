/**
 * The models: every type the selected operations reach, and nothing else.
 *
 * - `models/index.ts` declares their types and re-exports all their code, so
 *   `<package>/models` is the whole set.
 * - Their serializers are in `models/serializers/index.ts`.
 * - A module with much model code keeps it in chunks, `models/chunks/<type>.ts`, and its
 *   serializers in `models/serializers/chunks/<type>.ts` (`model-chunks.ts`); request builders
 *   import them directly, so a builder loads the code its operations reach. The indexes re-export
 *   their chunks and keep the code no builder reaches. A small module keeps one file of each, one
 *   file being cheaper to load than several.
 */
import type { StatementStructures } from 'ts-morph';
import type { ApiModel, TypeModel } from '../../model/index.js';
import type { HelpIndex } from './help-index.js';
import { ImportCollector, relativeModule } from './imports.js';
import { modelChunks } from './model-chunks.js';
import { enumObject, enumType } from './model-enum.js';
import type { ModelHierarchy } from './model-hierarchy.js';
import { objectDeserializer, objectFactory, objectInterface, objectSerializer, type ModelContext } from './model-object.js';
import { exportDeclarations, printEmitFileOf, printStatement } from './source-files.js';
import { modelNames } from './type-shapes.js';

/** Output-relative path of the models module. */
export const MODELS_FILE = 'models/index.ts';
/**
 * Output-relative path of the serializers. They are a module of their own because writing a
 * body needs no reader, factory or enum: the CLI loads only them for a call with a body (a
 * module's models are hundreds of kilobytes, its serializers about half). A folder with an
 * index, so that the package's `./*` export maps `<package>/models/serializers` to it.
 */
export const SERIALIZERS_FILE = 'models/serializers/index.ts';
const MODEL_CHUNKS_DIR = 'models/chunks';
const SERIALIZER_CHUNKS_DIR = 'models/serializers/chunks';
/**
 * Code (bytes of TypeScript) from which a module's models, or its serializers, are chunked.
 * Applications v1.0 has 134 KB of model code and is chunked; the single action's few kilobytes
 * stay one file.
 */
const CHUNKED_FROM_BYTES = 64 * 1024;
/**
 * Chunks of each kind per module at most: the 33 v1.0 modules then stay under 10,000 files once
 * built (three per chunk); the exact groups would be about 1,000 chunks of model code alone.
 */
const MAX_CHUNKS = 16;

/** Stand-ins for "the module that declares this type / this value", resolved once files are known. */
const TYPES_MODULE = '\0model-types';
const VALUES_MODULE = '\0model-values';

/** One type's code of one kind (factory and reader, enum object, or serializer), printed. */
interface TypeCode {
  readonly type: TypeModel;
  /** The names the code declares. */
  readonly names: readonly string[];
  readonly code: readonly string[];
  /** The code's imports, with models' types and values at `TYPES_MODULE` and `VALUES_MODULE`. */
  readonly imports: ImportCollector;
  readonly size: number;
}

export interface ModelFiles {
  /** Output-relative path → contents. */
  readonly files: ReadonlyMap<string, string>;
  /** The output-relative `.ts` file that exports a model value (factory, reader, enum object or serializer). */
  readonly fileOf: (valueName: string) => string;
}

/**
 * The models' files. `builderRoots` gives, per request builder, the model values it imports
 * (factories, enum objects, serializers): what the chunks are cut by.
 */
export function emitModelFiles(model: ApiModel, hierarchy: ModelHierarchy, help: HelpIndex, builderRoots: readonly (readonly string[])[]): ModelFiles {
  const declarationImports = new ImportCollector();
  const declarationContext: ModelContext = { model, hierarchy, help, imports: declarationImports, typesFrom: undefined };
  const codeOf = (type: TypeModel, names: string[], statements: (context: ModelContext) => StatementStructures[]): TypeCode => {
    const imports = new ImportCollector();
    const code = statements({ model, hierarchy, help, imports, typesFrom: TYPES_MODULE, valuesFrom: VALUES_MODULE }).map(printStatement);
    return { type, names, code, imports, size: code.reduce((sum, text) => sum + text.length, 0) };
  };
  const modelCode = model.types.map((type) =>
    type.kind === 'enum'
      ? codeOf(type, [modelNames.enumObject(type.name)], () => [enumObject(type, model)])
      : codeOf(type, [modelNames.factory(type.name), modelNames.deserializer(type.name)], (context) => [objectFactory(type, context), objectDeserializer(type, context)]),
  );
  const serializerCode = model.types.flatMap((type) => (type.kind === 'object' ? [codeOf(type, [modelNames.serializer(type.name)], (context) => [objectSerializer(type, context)])] : []));

  const typeOfValue = new Map([...modelCode, ...serializerCode].flatMap((code) => code.names.map((name) => [name, code.type.name] as const)));
  const serializers = new Set(serializerCode.flatMap((code) => code.names));
  const rootsOf = (serializing: boolean) => builderRoots.map((names) => names.filter((name) => serializers.has(name) === serializing).flatMap((name) => typeOfValue.get(name) ?? []));
  const modelChunkOf = chunkFiles(modelCode, rootsOf(false), typeOfValue, MODEL_CHUNKS_DIR);
  const serializerChunkOf = chunkFiles(serializerCode, rootsOf(true), typeOfValue, SERIALIZER_CHUNKS_DIR);
  const fileOf = (valueName: string): string => {
    const type = typeOfValue.get(valueName) ?? '';
    return serializers.has(valueName) ? (serializerChunkOf.get(type) ?? SERIALIZERS_FILE) : (modelChunkOf.get(type) ?? MODELS_FILE);
  };

  const files = new Map<string, string>();
  for (const [codes, chunkOf] of [
    [modelCode, modelChunkOf],
    [serializerCode, serializerChunkOf],
  ] as const) {
    for (const file of new Set(chunkOf.values())) {
      files.set(
        file,
        codeFile(
          file,
          codes.filter((code) => chunkOf.get(code.type.name) === file),
          fileOf,
          [],
          [],
        ),
      );
    }
  }
  if (serializerCode.length > 0) {
    const own = serializerCode.filter((code) => !serializerChunkOf.has(code.type.name));
    files.set(SERIALIZERS_FILE, codeFile(SERIALIZERS_FILE, own, fileOf, reexports(SERIALIZERS_FILE, serializerChunkOf), []));
  }
  files.set(MODELS_FILE, modelsIndex(modelCode, declarationImports, declarationContext, modelChunkOf, fileOf, serializerCode.length > 0));
  // nothing chunked: builders import everything from the index, which loads no more than the serializers would
  const unchunked = modelChunkOf.size === 0 && serializerChunkOf.size === 0;
  return { files, fileOf: unchunked ? () => MODELS_FILE : fileOf };
}

/** The chunk file of each type whose code a builder reaches, or none when the code is small. */
function chunkFiles(codes: readonly TypeCode[], roots: readonly (readonly string[])[], typeOfValue: ReadonlyMap<string, string>, dir: string): Map<string, string> {
  const fileOfType = new Map<string, string>();
  if (codes.reduce((sum, code) => sum + code.size, 0) < CHUNKED_FROM_BYTES) return fileOfType;
  const byType = new Map(codes.map((code) => [code.type.name, code]));
  const chunks = modelChunks({
    types: codes.map((code) => code.type.name),
    sizeOf: (type) => byType.get(type)?.size ?? 0,
    referencesOf: (type) => referencedTypes(byType.get(type)?.imports, typeOfValue),
    roots,
    maxChunks: MAX_CHUNKS,
  });
  const taken = new Set<string>();
  for (const chunk of chunks) {
    const file = chunkFile(dir, chunk[0] as string, taken);
    for (const type of chunk) fileOfType.set(type, file);
  }
  return fileOfType;
}

/** The types whose code a type's code names. */
function referencedTypes(imports: ImportCollector | undefined, typeOfValue: ReadonlyMap<string, string>): string[] {
  if (!imports) return [];
  const types: string[] = [];
  for (const [moduleSpecifier, name] of imports.entries()) {
    const type = moduleSpecifier === VALUES_MODULE ? typeOfValue.get(name) : undefined;
    if (type !== undefined) types.push(type);
  }
  return types;
}

/** `models/chunks/driveItem.ts`, named after its first type; unique even on a file system that ignores case. */
function chunkFile(dir: string, firstType: string, taken: Set<string>): string {
  const base = `${firstType.charAt(0).toLowerCase()}${firstType.slice(1)}`;
  let name = base;
  for (let suffix = 2; taken.has(name.toLowerCase()); suffix += 1) name = `${base}${suffix}`;
  taken.add(name.toLowerCase());
  return `${dir}/${name}.ts`;
}

const moduleOf = (fromFile: string, toFile: string): string => relativeModule(fromFile.slice(0, fromFile.lastIndexOf('/')), toFile.replace(/\.ts$/, '.js'));

/** Where one file imports a model type or value from: `undefined` where it declares it. */
function resolver(file: string, fileOf: (valueName: string) => string) {
  return (moduleSpecifier: string, name: string): string | undefined => {
    if (moduleSpecifier === TYPES_MODULE) return file === MODELS_FILE ? undefined : moduleOf(file, MODELS_FILE);
    if (moduleSpecifier === VALUES_MODULE) {
      const target = fileOf(name);
      return target === file ? undefined : moduleOf(file, target);
    }
    return moduleSpecifier;
  };
}

/** `export * from './chunks/x.js'` for each of an index's chunks. */
function reexports(indexFile: string, chunkOf: ReadonlyMap<string, string>): string[] {
  const chunks = [...new Set(chunkOf.values())].sort();
  return exportDeclarations(chunks.map((chunk) => ({ moduleSpecifier: moduleOf(indexFile, chunk) }))).map(printStatement);
}

/**
 * A file of code: its imports (each model value from the file that has it), `before` (re-exports),
 * then each type's declaration (`declarations`, the models index only) and code, in the models' order.
 */
function codeFile(
  file: string,
  codes: readonly TypeCode[],
  fileOf: (valueName: string) => string,
  before: readonly string[],
  declarations: readonly { type: TypeModel; text: string }[],
  extraImports?: ImportCollector,
): string {
  const imports = new ImportCollector([...codes.flatMap((code) => code.names), ...declarations.map((declaration) => declaration.type.name)]);
  if (extraImports) imports.addFrom(extraImports);
  const resolve = resolver(file, fileOf);
  for (const code of codes) imports.addFrom(code.imports, resolve);
  const codeByType = new Map(codes.map((code) => [code.type.name, code.code]));
  const printed =
    declarations.length === 0
      ? codes.flatMap((code) => code.code)
      : declarations.flatMap(({ type, text }) => {
          const own = codeByType.get(type.name) ?? [];
          return type.kind === 'enum' ? [...own, text] : [text, ...own];
        });
  return printEmitFileOf(imports.structures(), [...before, ...printed]);
}

/** `models/index.ts`: every type's declaration, the code no chunk holds, the serializers and every chunk re-exported. */
function modelsIndex(
  modelCode: readonly TypeCode[],
  declarationImports: ImportCollector,
  declarationContext: ModelContext,
  chunkOf: ReadonlyMap<string, string>,
  fileOf: (valueName: string) => string,
  withSerializers: boolean,
): string {
  const declarations = modelCode.map(({ type }) => ({ type, text: printStatement(type.kind === 'enum' ? enumType(type, declarationContext.model) : objectInterface(type, declarationContext)) }));
  // an enum's type is `(typeof XObject)[keyof typeof XObject]`: its object is imported where a chunk has it
  for (const { type } of modelCode) {
    const chunk = chunkOf.get(type.name);
    if (type.kind === 'enum' && chunk !== undefined) declarationImports.type(moduleOf(MODELS_FILE, chunk), modelNames.enumObject(type.name));
  }
  const serializers = withSerializers ? exportDeclarations([{ moduleSpecifier: './serializers/index.js' }]).map(printStatement) : [];
  const own = modelCode.filter((code) => !chunkOf.has(code.type.name));
  return codeFile(MODELS_FILE, own, fileOf, [...serializers, ...reexports(MODELS_FILE, chunkOf)], declarations, declarationImports);
}
