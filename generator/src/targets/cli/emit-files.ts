/**
 * Renders the CLI's generated sources: a tiny command index (paths, cmdlet aliases, summaries,
 * lazy imports) and one module per command (its definition as data, plus `send` and
 * `toRequestInformation`, which walk the generated client's navigation).
 */
import type { ApiModel, OperationModel } from '../../model/index.js';
import { generatedHeader } from '../shared/generated-file.js';
import type { PlacedCommand } from '../shared/command-data/command-paths.js';
import type { CommandData } from '../shared/command-data/definitions.js';
import { type ClientSurface, clientSurface } from '../shared/client-surface/index.js';
import { upperFirst } from '../shared/client-surface/identifiers.js';

export interface CliEmitOptions {
  readonly binName: string;
  readonly packageName: string;
  /** Package the commands call through: the generated Kiota client. */
  readonly clientPackage: string;
}

/**
 * A JSON value as a TypeScript literal. A `"__proto__":` key in an object literal sets the
 * prototype instead of adding a property (a body property named so would vanish): computed.
 */
function literal(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/^(\s*)"__proto__":/gm, '$1["__proto__"]:');
}

/** `client.applications.byApplicationId(pathValue(call, "application-id")).synchronization.acquireAccessToken`, from the client's surface. */
function navigationExpression(surface: ClientSurface, operation: OperationModel): string {
  return surface.expression(operation, (parameter) => `pathValue(call, ${JSON.stringify(parameter.wireName)})`);
}

function operationEntry(surface: ClientSurface, operation: OperationModel): string {
  const method = operation.method.toLowerCase();
  const requestInfo = `to${upperFirst(method)}RequestInformation`;
  const hasBody = operation.requestBody !== undefined;
  const args = (fn: string): string =>
    hasBody ? `call.body as Parameters<typeof builder.${fn}>[0], call.config as Parameters<typeof builder.${fn}>[1]` : `call.config as Parameters<typeof builder.${fn}>[0]`;
  return [
    `  ${JSON.stringify(operation.key)}: {`,
    `    send: (client, call) => {`,
    `      const builder = ${navigationExpression(surface, operation)};`,
    `      return builder.${method}(${args(method)});`,
    `    },`,
    `    toRequestInformation: (client, call) => {`,
    `      const builder = ${navigationExpression(surface, operation)};`,
    `      return builder.${requestInfo}(${args(requestInfo)});`,
    `    },`,
    // the next page's link carries the query: only the headers and options go again
    ...(operation.pageable && operation.method === 'GET'
      ? [
          `    sendPage: (client, call, nextLink) => {`,
          `      const builder = ${navigationExpression(surface, operation)}.withUrl(nextLink);`,
          `      return builder.get({ headers: call.config.headers, options: call.config.options } as Parameters<typeof builder.get>[0]);`,
          `    },`,
        ]
      : []),
    `  },`,
  ].join('\n');
}

/**
 * The module's schema table: every type once, for all its commands (a command used to carry its
 * own copy, 86 of the 94 MB of one module's CLI). Parsed from a string literal: V8 parses JSON
 * faster than an object literal, and the type-checker does not infer its type.
 */
export function renderSchemaTable(defs: Readonly<Record<string, unknown>>): string {
  return `${generatedHeader()}
import type { CommandDefinition } from '../runtime/definition.js';

/** The body and response schemas every command refers to (\`#/$defs/Name\`). */
export const SCHEMAS: CommandDefinition['$defs'] = JSON.parse(${JSON.stringify(JSON.stringify(defs))});
`;
}

export function renderCommandModule(model: ApiModel, data: CommandData, options: CliEmitOptions): string {
  const { $defs: _ownSchemas, ...definition } = data;
  const surface = clientSurface(model);
  const operations = Object.keys(data.operations)
    .sort()
    .map((key) => model.operations.find((operation) => operation.key === key))
    .filter((operation): operation is OperationModel => operation !== undefined);
  return `${generatedHeader()}
import type { createGraphClient } from '${options.clientPackage}';
import type { CommandDefinition, PreparedCall } from '../../runtime/definition.js';
import { SCHEMAS } from '../schemas.js';

type GraphClient = ReturnType<typeof createGraphClient>;

interface OperationCalls {
  readonly send: (client: GraphClient, call: PreparedCall) => Promise<unknown>;
  readonly toRequestInformation: (client: GraphClient, call: PreparedCall) => unknown;
  readonly sendPage?: (client: GraphClient, call: PreparedCall, nextLink: string) => Promise<unknown>;
}

export const definition: CommandDefinition = { ...${literal(definition).replace(/\n/g, '\n  ')}, $defs: SCHEMAS };

function pathValue(call: PreparedCall, name: string): string {
  const value = call.path[name];
  if (value === undefined) throw new Error(\`missing path parameter \${name}\`);
  return value;
}

const operations: Readonly<Record<string, OperationCalls>> = {
${operations.map((operation) => operationEntry(surface, operation)).join('\n')}
};

function callsFor(call: PreparedCall): OperationCalls {
  const calls = operations[call.operation];
  if (!calls) throw new Error(\`unknown operation \${call.operation}\`);
  return calls;
}

/** Sends the call through the generated client. */
export function send(client: unknown, call: PreparedCall): Promise<unknown> {
  return callsFor(call).send(client as GraphClient, call);
}

/** The page at a pageable call's @odata.nextLink, through the generated client. */
export function sendPage(client: unknown, call: PreparedCall, nextLink: string): Promise<unknown> {
  const calls = callsFor(call);
  if (!calls.sendPage) throw new Error(\`\${call.operation} is not pageable\`);
  return calls.sendPage(client as GraphClient, call, nextLink);
}

/** The request the call would send (for --what-if), built by the generated client. */
export function toRequestInformation(client: unknown, call: PreparedCall): unknown {
  return callsFor(call).toRequestInformation(client as GraphClient, call);
}
`;
}

function delegatedScopes(commands: readonly CommandData[]): string[] {
  const scopes = new Set<string>();
  for (const data of commands) for (const operation of Object.values(data.operations)) for (const scope of operation.permissions?.delegated ?? []) scopes.add(scope);
  return [...scopes].sort();
}

export function renderCommandIndex(model: ApiModel, commands: readonly { placed: PlacedCommand; data: CommandData }[], options: CliEmitOptions): string {
  const entries = commands.map(({ placed, data }) =>
    [
      '  {',
      `    path: ${JSON.stringify(data.path)},`,
      `    aliases: ${JSON.stringify(data.cmdlet ? [data.cmdlet.toLowerCase()] : [])},`,
      ...(data.cmdlet ? [`    cmdlet: ${JSON.stringify(data.cmdlet)},`] : []),
      `    summary: ${JSON.stringify(data.synopsis.split('\n')[0] ?? '')},`,
      `    load: () => import('./commands/${placed.file}.js'),`,
      '  },',
    ].join('\n'),
  );
  return `${generatedHeader()}
import type { CommandIndexEntry } from '../runtime/definition.js';

export const CLI_NAME = ${JSON.stringify(options.binName)};
export const PACKAGE_NAME = ${JSON.stringify(options.packageName)};
/** The description's server: the Global cloud's endpoint and API version. */
export const DEFAULT_BASE_URL = ${JSON.stringify(model.baseUrl)};

/** Delegated permissions the commands need (least privileged, from the permissions file): \`mgkit login\`'s default scopes for a user. */
export const DELEGATED_SCOPES: readonly string[] = ${JSON.stringify(delegatedScopes(commands.map(({ data }) => data)))};

/** Every command: its path, cmdlet-name aliases (lower case), summary and lazy module. */
export const COMMANDS: readonly CommandIndexEntry[] = [
${entries.join('\n')}
];
`;
}
