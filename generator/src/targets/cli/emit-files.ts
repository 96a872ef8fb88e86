/**
 * Renders the CLI's generated sources: a tiny command index (paths, cmdlet aliases, summaries,
 * lazy imports), the module's schema table, the client modules its commands call, and one module
 * per command (its definition and its operations' request builders, as data).
 */
import { operationsByKey, typesByName, type ApiModel, type OperationModel, type TypeModel } from '../../model/index.js';
import type { BuilderCall, RequestData } from '@mgkit/cli-contract';
import { bodyContent, bodyHandling, UNTYPED_SERIALIZER } from '../shared/client-surface/request-body.js';
import { generatedHeader } from '../shared/generated-file.js';
import type { PlacedCommand } from '../shared/command-data/command-paths.js';
import type { CommandData } from '../shared/command-data/definitions.js';
import { type ClientSurface, clientSurface } from '../shared/client-surface/index.js';
import { acceptedContentType, queryNameMapping, templateVariableName } from '../shared/uri-template.js';

export interface CliEmitOptions {
  readonly binName: string;
  readonly packageName: string;
  /** Package the commands call through: the generated Kiota client. */
  readonly clientPackage: string;
  /** The runtime folder relative to the unit's folder: `../runtime`, or `../../runtime` for one module of several. */
  readonly runtimeDir: string;
}

/**
 * A call is built from its builder's requests metadata as data (`BuilderCall`, `RequestData` in
 * @mgkit/cli-contract), beside the URI template the operation's definition holds (`urlTemplate`,
 * the same computation), without loading the builder, whose module imports every model its
 * operations reach: a body is written by its model's serializer, from the client's serializers
 * module (the response is printed as the wire had it, never parsed into models).
 */
function requestData(operation: OperationModel, types: ReadonlyMap<string, TypeModel>): RequestData {
  const accept = acceptedContentType(operation);
  const query = queryNameMapping(operation.queryParameters);
  const body = bodyHandling(operation, types);
  return {
    ...(accept !== undefined && { accept }),
    ...(Object.keys(query).length > 0 && { query }),
    ...(body !== undefined && { body: bodyContent(body) }),
  };
}

/**
 * The operation's request builder, addressed without the client's navigation: its subpath in the
 * client package, its requests metadata and the URI-template names of the path parameters of
 * every segment on the way (what `byApplicationId(id)` and the like would have set).
 */
function builderCall(surface: ClientSurface, operation: OperationModel, types: ReadonlyMap<string, TypeModel>): BuilderCall {
  const node = surface.nodeOf(operation);
  if (!node?.dir) throw new Error(`operation ${operation.key} has no request builder`);
  const parameters: Record<string, string> = {};
  for (const step of surface.pathOf(operation)) {
    if (step.member && step.member.kind !== 'property') for (const parameter of step.member.parameters) parameters[parameter.wireName] = templateVariableName(parameter.wireName);
  }
  return {
    builder: node.dir,
    metadata: `${node.builderName}RequestsMetadata`,
    method: operation.method.toLowerCase(),
    parameters,
    request: requestData(operation, types),
  };
}

/** Each operation's builder call by operation key, worked out once per unit (commands and client modules both read it). */
export class BuilderCalls {
  private readonly operations: ReadonlyMap<string, OperationModel>;
  private readonly surface: ClientSurface;
  private readonly types: ReadonlyMap<string, TypeModel>;
  private readonly calls = new Map<string, BuilderCall>();

  constructor(model: ApiModel) {
    this.operations = operationsByKey(model);
    this.surface = clientSurface(model);
    this.types = typesByName(model);
  }

  of(key: string): BuilderCall | undefined {
    let call = this.calls.get(key);
    const operation = this.operations.get(key);
    if (call === undefined && operation) {
      call = builderCall(this.surface, operation, this.types);
      this.calls.set(key, call);
    }
    return call;
  }
}

/** JSON as a string literal for `JSON.parse`: V8 parses JSON faster than an object literal, and the type-checker does not infer its type. */
function parsedJson(value: unknown): string {
  return `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;
}

/**
 * The module's schema table: every type once, for all its commands (a command used to carry its
 * own copy, 86 of the 94 MB of one module's CLI).
 */
export function renderSchemaTable(defs: Readonly<Record<string, unknown>>, options: CliEmitOptions): string {
  return `${generatedHeader()}
import type { CommandDefinition } from '${options.runtimeDir}/definition.js';

/** The body and response schemas every command refers to (\`#/$defs/Name\`). */
export const SCHEMAS: CommandDefinition['$defs'] = ${parsedJson(defs)};
`;
}

type SharedOption = Omit<CommandData['options'][number], 'sets'>;

/** Every option of a unit's commands once, in first-use order (commands refer to them by index). */
export class OptionTable {
  private readonly indexes = new Map<string, number>();
  readonly options: SharedOption[] = [];

  constructor(commands: readonly CommandData[]) {
    for (const data of commands) for (const { sets: _sets, ...shared } of data.options) this.indexOf(shared);
  }

  indexOf(option: SharedOption): number {
    const key = JSON.stringify(option);
    let index = this.indexes.get(key);
    if (index === undefined) {
      index = this.options.length;
      this.indexes.set(key, index);
      this.options.push(option);
    }
    return index;
  }
}

/** The module's option table: each option of its commands once, without its parameter sets. */
export function renderOptionTable(table: OptionTable, options: CliEmitOptions): string {
  return `${generatedHeader()}
import type { SharedOption } from '${options.runtimeDir}/command-definition.js';

/** Every option the module's commands take, once; each command lists the ones it takes, by index. */
export const OPTIONS: readonly SharedOption[] = ${parsedJson(table.options)};
`;
}

/**
 * A command: its definition as data and, per operation, the request builder it calls. It
 * imports no client code: `client-modules.js` loads the builder when the command runs.
 */
export function renderCommandModule(data: CommandData, options: CliEmitOptions, optionTable: OptionTable, builderCalls: BuilderCalls): string {
  // the command's own schemas (`$defs`, not enumerable) stay out of the spread: it refers into the module's table
  const stored = { ...data, options: data.options.map(({ sets, ...shared }) => [optionTable.indexOf(shared), sets]) };
  const calls = Object.keys(data.operations)
    .sort()
    .flatMap((key) => {
      const call = builderCalls.of(key);
      return call ? [`  ${JSON.stringify(key)}: ${JSON.stringify(call)},`] : [];
    });
  return `${generatedHeader()}
import { callsThroughBuilders } from '../${options.runtimeDir}/builder-calls.js';
import { commandDefinition } from '../${options.runtimeDir}/command-definition.js';
import * as clientModules from '../client-modules.js';
import { OPTIONS } from '../options.js';
import { SCHEMAS } from '../schemas.js';

/** The command: its options by their index in the module's table (see runtime/command-definition.ts). */
export const definition = commandDefinition(${parsedJson(stored)}, OPTIONS, SCHEMAS);

/** Each operation's request builder in ${options.clientPackage} (see runtime/builder-calls.ts). */
export const { send, sendPage, toRequestInformation } = callsThroughBuilders(clientModules, definition, {
${calls.join('\n')}
});
`;
}

/**
 * The client's model serializers, the only client module a command loads: a body's serializer
 * writes it, as Microsoft's SDK does (see RequestData). JavaScript with a declaration beside it:
 * the type-checker never reads the client from here (a module's client is tens of megabytes of
 * declarations), while a bundler follows the import (the CLI's build bundles it with the Kiota
 * runtime, see scripts/bundle-runtime.mjs).
 */
export function renderClientModules(commands: readonly CommandData[], options: CliEmitOptions, builderCalls: BuilderCalls): { js: string; dts: string } {
  const writesModels = commands.some((data) =>
    Object.keys(data.operations).some((key) => {
      const body = builderCalls.of(key)?.request.body;
      return body?.set === 'setContentFromParsable' && body.serializer !== UNTYPED_SERIALIZER;
    }),
  );
  const serializers = writesModels ? `() => import(${JSON.stringify(`${options.clientPackage}/models/serializers`)});` : 'async () => ({}); // no command writes a model';
  const js = `${generatedHeader()}
/** The client package's model serializers (\`serializeX\` by name), loaded when a command first writes a body. */
export const serializers = ${serializers}
`;
  const dts = `${generatedHeader()}
// The types of client-modules.js: its imports stay out of the type-checker's program.
export declare const serializers: () => Promise<Readonly<Record<string, unknown>>>;
`;
  return { js, dts };
}

function delegatedScopes(commands: readonly CommandData[]): string[] {
  const scopes = new Set<string>();
  for (const data of commands) for (const operation of Object.values(data.operations)) for (const scope of operation.permissions?.delegated ?? []) scopes.add(scope);
  return [...scopes].sort();
}

export function renderCommandIndex(model: ApiModel, commands: readonly { placed: PlacedCommand; data: CommandData }[], options: CliEmitOptions): string {
  // [path, cmdlet, summary] and the module file when it is not the path's words joined by '-'
  const rows = commands.map(({ placed, data }) => {
    const row: unknown[] = [data.path, data.cmdlet ?? '', data.synopsis.split('\n')[0] ?? ''];
    if (placed.file !== data.path.join('-')) row.push(placed.file);
    return row;
  });
  return `${generatedHeader()}
import { indexEntries } from '${options.runtimeDir}/command-index.js';
import type { CommandIndexEntry } from '${options.runtimeDir}/definition.js';

export const CLI_NAME = ${JSON.stringify(options.binName)};
export const PACKAGE_NAME = ${JSON.stringify(options.packageName)};
/** The description's server: the Global cloud's endpoint and API version. */
export const DEFAULT_BASE_URL = ${JSON.stringify(model.baseUrl)};

/** Delegated permissions the commands need (least privileged, from the permissions file): \`mgkit login\`'s default scopes for a user. */
export const DELEGATED_SCOPES: readonly string[] = ${JSON.stringify(delegatedScopes(commands.map(({ data }) => data)))};

/** Every command: its path, cmdlet, summary and lazily loaded module (rows of JSON: parsed faster than literals, which counts for thousands). */
export const COMMANDS: readonly CommandIndexEntry[] = indexEntries(${parsedJson(rows)}, (file) => import(\`./commands/\${file}.js\`));
`;
}

/**
 * The index of a CLI built from several units (one per Graph module): each module's index under
 * its folder, merged. Written by every unit of the group, from the config alone, so that
 * regenerating one module writes the same file.
 */
export function renderModulesIndex(modules: readonly string[]): string {
  const imports = modules.map((folder, index) => `import * as module${index} from ${JSON.stringify(`./${folder}/command-index.js`)};`);
  return `${generatedHeader()}
import type { CommandIndexEntry } from '../runtime/definition.js';
${imports.join('\n')}

/** The modules' folders, in the config's order (the CLI's build merges their indexes into one file). */
export const MODULE_FOLDERS: readonly string[] = ${JSON.stringify(modules)};
const MODULES = [${modules.map((_folder, index) => `module${index}`).join(', ')}];

export const CLI_NAME = module0.CLI_NAME;
export const PACKAGE_NAME = module0.PACKAGE_NAME;
export const DEFAULT_BASE_URL = module0.DEFAULT_BASE_URL;

/** Every module's delegated permissions: \`mgkit login\`'s default scopes for a user. */
export const DELEGATED_SCOPES: readonly string[] = [...new Set(MODULES.flatMap((module) => module.DELEGATED_SCOPES))].sort();

/** Every module's commands. */
export const COMMANDS: readonly CommandIndexEntry[] = MODULES.flatMap((module) => module.COMMANDS);
`;
}
