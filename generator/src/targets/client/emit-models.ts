/**
 * The models: every type the selected operations reach, and nothing else.
 *
 * - `models/index.ts` declares their types and re-exports all their code, so
 *   `<package>/models` is the whole set.
 * - Their serializers are in `models/serializers/index.ts`.
 * - A module with much model code keeps it in chunks, `models/chunks/<type>.ts`
 *   (`model-chunks.ts`), which request builders import directly: a builder loads the code its
 *   operations reach. A small module keeps its code in the index, one file being cheaper to load
 *   than several.
 */
import type { StatementStructures } from 'ts-morph';
import type { ApiModel, ObjectTypeModel, TypeModel } from '../../model/index.js';
import type { HelpIndex } from './help-index.js';
import { ImportCollector, relativeModule } from './imports.js';
import { modelChunks } from './model-chunks.js';
import { enumObject, enumType } from './model-enum.js';
import type { ModelHierarchy } from './model-hierarchy.js';
import { objectDeserializer, objectFactory, objectInterface, objectSerializer, type ModelContext } from './model-object.js';
import { exportDeclarations, printEmitFile, printEmitFileOf, printStatement, type EmitStatement } from './source-files.js';
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
/** How the serializers import the models' types. */
const MODELS_FROM_SERIALIZERS = '../index.js';
const CHUNKS_DIR = 'models/chunks';
/**
 * Model code (bytes of TypeScript) from which a module's models are chunked. Applications v1.0
 * has 134 KB and is chunked; the single action's few kilobytes stay one file.
 */
const CHUNKED_FROM_BYTES = 64 * 1024;
/**
 * Chunks per module at most: the 33 v1.0 modules then add about 400 chunks, 1,200 files once
 * built, and stay under 10,000 files; the exact groups would be about 1,000 chunks.
 */
const MAX_CHUNKS = 16;

/** Stand-ins for "the module that declares this type / this value", resolved once files are known. */
const TYPES_MODULE = '\0model-types';
const VALUES_MODULE = '\0model-values';

/** One type's declaration (for the index) and code (factory and reader, or enum object), printed. */
interface TypeCode {
  readonly type: TypeModel;
  readonly declaration: StatementStructures;
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

/** Whether there is a serializers module: only object types have serializers. */
export const hasSerializers = (model: ApiModel): boolean => model.types.some((type) => type.kind === 'object');

const objectTypes = (model: ApiModel): ObjectTypeModel[] => model.types.filter((type): type is ObjectTypeModel => type.kind === 'object');

/** The names of a type's code. */
function valueNames(type: TypeModel): string[] {
  return type.kind === 'enum' ? [modelNames.enumObject(type.name)] : [modelNames.factory(type.name), modelNames.deserializer(type.name)];
}

/**
 * The models' files. `builderRoots` gives, per request builder, the model values it imports
 * (factories, enum objects, serializers): what the chunks are cut by.
 */
export function emitModelFiles(model: ApiModel, hierarchy: ModelHierarchy, help: HelpIndex, builderRoots: readonly (readonly string[])[]): ModelFiles {
  const declarationImports = new ImportCollector();
  const declarationContext: ModelContext = { model, hierarchy, help, imports: declarationImports, typesFrom: undefined };
  const codes: TypeCode[] = model.types.map((type) => {
    const imports = new ImportCollector();
    const context: ModelContext = { model, hierarchy, help, imports, typesFrom: TYPES_MODULE, valuesFrom: VALUES_MODULE };
    const statements = type.kind === 'enum' ? [enumObject(type, model)] : [objectFactory(type, context), objectDeserializer(type, context)];
    const code = statements.map(printStatement);
    const declaration = type.kind === 'enum' ? enumType(type, model) : objectInterface(type, declarationContext);
    return { type, declaration, code, imports, size: code.reduce((sum, text) => sum + text.length, 0) };
  });

  const files = new Map<string, string>();
  if (hasSerializers(model)) files.set(SERIALIZERS_FILE, printEmitFile(emitSerializers(model, hierarchy, help)));
  const serializers = new Set(objectTypes(model).map((type) => modelNames.serializer(type.name)));
  const chunked = codes.reduce((sum, code) => sum + code.size, 0) >= CHUNKED_FROM_BYTES;
  if (!chunked) {
    files.set(MODELS_FILE, oneModelsFile(codes, declarationImports, hasSerializers(model)));
    return { files, fileOf: () => MODELS_FILE };
  }

  const typeOfValue = new Map(model.types.flatMap((type) => valueNames(type).map((name) => [name, type.name] as const)));
  const codeOf = new Map(codes.map((code) => [code.type.name, code]));
  const chunks = modelChunks({
    types: model.types.map((type) => type.name),
    sizeOf: (type) => codeOf.get(type)?.size ?? 0,
    referencesOf: (type) => referencedTypes(codeOf.get(type)?.imports, typeOfValue),
    roots: builderRoots.map((names) => names.flatMap((name) => typeOfValue.get(name) ?? [])),
    maxChunks: MAX_CHUNKS,
  });
  const fileOfType = new Map<string, string>();
  const taken = new Set<string>();
  for (const chunk of chunks) {
    const file = chunkFile(chunk[0] as string, taken);
    for (const type of chunk) fileOfType.set(type, file);
  }
  const fileOf = (valueName: string): string => {
    if (serializers.has(valueName)) return SERIALIZERS_FILE;
    const type = typeOfValue.get(valueName);
    return (type !== undefined ? fileOfType.get(type) : undefined) ?? MODELS_FILE;
  };

  for (const chunk of chunks) {
    const file = fileOfType.get(chunk[0] as string) as string;
    const members = chunk.map((type) => codeOf.get(type) as TypeCode);
    files.set(file, chunkSource(file, members, fileOf));
  }
  files.set(MODELS_FILE, chunkedIndexSource(codes, declarationImports, fileOfType, fileOf, hasSerializers(model)));
  return { files, fileOf };
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
function chunkFile(firstType: string, taken: Set<string>): string {
  const base = `${firstType.charAt(0).toLowerCase()}${firstType.slice(1)}`;
  let name = base;
  for (let suffix = 2; taken.has(name.toLowerCase()); suffix += 1) name = `${base}${suffix}`;
  taken.add(name.toLowerCase());
  return `${CHUNKS_DIR}/${name}.ts`;
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

/** Every declaration and all the code in `models/index.ts`, as a small module has it. */
function oneModelsFile(codes: readonly TypeCode[], declarationImports: ImportCollector, withSerializers: boolean): string {
  const imports = new ImportCollector(codes.flatMap((code) => [code.type.name, ...valueNames(code.type)]));
  imports.addFrom(declarationImports);
  for (const code of codes) imports.addFrom(code.imports, (moduleSpecifier) => (moduleSpecifier === TYPES_MODULE || moduleSpecifier === VALUES_MODULE ? undefined : moduleSpecifier));
  const reexports = withSerializers ? exportDeclarations([{ moduleSpecifier: './serializers/index.js' }]).map(printStatement) : [];
  const printed = codes.flatMap((code) => (code.type.kind === 'enum' ? [...code.code, printStatement(code.declaration)] : [printStatement(code.declaration), ...code.code]));
  return printEmitFileOf(imports.structures(), [...reexports, ...printed]);
}

/** A chunk: its types' code, importing their types from the index and other code from its chunk. */
function chunkSource(file: string, members: readonly TypeCode[], fileOf: (valueName: string) => string): string {
  const imports = new ImportCollector(members.flatMap((member) => valueNames(member.type)));
  const resolve = resolver(file, fileOf);
  for (const member of members) imports.addFrom(member.imports, resolve);
  return printEmitFileOf(
    imports.structures(),
    members.flatMap((member) => member.code),
  );
}

/** `models/index.ts` of a chunked module: every declaration, the code no builder reaches, and every chunk re-exported. */
function chunkedIndexSource(
  codes: readonly TypeCode[],
  declarationImports: ImportCollector,
  fileOfType: ReadonlyMap<string, string>,
  fileOf: (valueName: string) => string,
  withSerializers: boolean,
): string {
  const imports = new ImportCollector(codes.flatMap((code) => [code.type.name, ...(fileOfType.has(code.type.name) ? [] : valueNames(code.type))]));
  imports.addFrom(declarationImports);
  const resolve = resolver(MODELS_FILE, fileOf);
  const printed: string[] = [];
  for (const code of codes) {
    const chunk = fileOfType.get(code.type.name);
    if (code.type.kind === 'enum' && chunk !== undefined) imports.type(moduleOf(MODELS_FILE, chunk), modelNames.enumObject(code.type.name));
    if (chunk === undefined) imports.addFrom(code.imports, resolve);
    const own = chunk === undefined ? code.code : [];
    printed.push(...(code.type.kind === 'enum' ? [...own, printStatement(code.declaration)] : [printStatement(code.declaration), ...own]));
  }
  const chunkModules = [...new Set(fileOfType.values())].sort().map((chunk) => ({ moduleSpecifier: moduleOf(MODELS_FILE, chunk) }));
  const reexports = exportDeclarations([...(withSerializers ? [{ moduleSpecifier: './serializers/index.js' }] : []), ...chunkModules]).map(printStatement);
  return printEmitFileOf(imports.structures(), [...reexports, ...printed]);
}

/** `models/serializers/index.ts`: `serializeX` for every object type of the models module. */
export function emitSerializers(model: ApiModel, hierarchy: ModelHierarchy, help: HelpIndex): EmitStatement[] {
  const objects = objectTypes(model);
  const imports = new ImportCollector(objects.map((type) => modelNames.serializer(type.name)));
  const context: ModelContext = { model, hierarchy, help, imports, typesFrom: MODELS_FROM_SERIALIZERS };
  const statements = objects.map((type) => objectSerializer(type, context));
  return [...imports.structures(), ...statements];
}
