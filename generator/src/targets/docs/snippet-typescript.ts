/** The TypeScript tab: the call through the generated Kiota client, body in a typed `requestBody` first. */
import type { OperationModel } from '../../model/index.js';
import { BINARY_EXAMPLE_FILE, isBinaryExample, type ExampleValue, type OperationExample } from './example-value.js';
import { type ClientSurface, memberAccess } from '../shared/client-surface/index.js';
import { typeScriptStringValue } from '../shared/client-surface/values.js';

/** Longest call kept on one line; a longer one breaks before each method call, as prettier does. */
const LINE_WIDTH = 80;

/** The parts of a TypeScript example, so pages can arrange them (the client page wraps the call in try/catch). */
export interface TypeScriptCall {
  /** Type names imported from the package's `/models` entry. */
  readonly modelTypes: readonly string[];
  /** `const requestBody: X = {…};`, when the body is an object type. */
  readonly declarations: readonly string[];
  /** A binary body is read from a file (`node:fs/promises`). */
  readonly readsFile?: boolean;
  /** Values the body constructs from the Kiota runtime (`DateOnly`, `Duration`). */
  readonly runtimeValues: readonly string[];
  /** `await client.….post(requestBody);`, possibly over several lines. */
  readonly statement: string;
}

/**
 * The navigation parts of the call, from the client's surface (the names the client declares):
 * `client`, `applications`, `byApplicationId("…")`, `searchWithQ("…")`, …
 */
function navigationParts(surface: ClientSurface, operation: OperationModel, pathValue: (wireName: string) => string): string[] {
  return ['client', ...surface.pathOf(operation).flatMap((node) => (node.member ? [memberAccess(node.member, (parameter) => JSON.stringify(pathValue(parameter.wireName))).slice(1)] : []))];
}

/** `a.b.c(x).d.e(y)` on one line, or broken before each call group when longer than the line width. */
function chain(prefix: string, parts: readonly string[], suffix: string): string {
  const oneLine = `${prefix}${parts.join('.')}${suffix}`;
  if (oneLine.length <= LINE_WIDTH) return oneLine;
  const firstCall = parts.findIndex((part) => part.endsWith(')'));
  const head = parts.slice(0, Math.max(1, firstCall));
  const groups: string[][] = [];
  let current: string[] = [];
  for (const part of parts.slice(head.length)) {
    current.push(part);
    if (part.endsWith(')')) {
      groups.push(current);
      current = [];
    }
  }
  if (current.length) groups.push(current);
  return [`${prefix}${head.join('.')}`, ...groups.map((group) => `  .${group.join('.')}`)].join('\n') + suffix;
}

export function typeScriptCall(example: OperationExample, surface: ClientSurface): TypeScriptCall {
  const { operation } = example;
  const valueOf = (wireName: string) => example.pathValues.find((entry) => entry.parameter.wireName === wireName)?.value ?? '';
  const bodyType = example.body?.kind === 'object' ? example.body.typeName : undefined;
  const runtimeValues = new Set<string>();
  const binary = isBinaryExample(example.body);
  const declarations = binary
    ? [`const content = new Uint8Array(await readFile(${JSON.stringify(BINARY_EXAMPLE_FILE)})).buffer;`]
    : example.body && bodyType
      ? [`const requestBody: ${bodyType} = ${tsValue(example.body, 0, runtimeValues)};`]
      : [];
  const argument = !example.body ? '' : binary ? 'content' : bodyType ? 'requestBody' : tsValue(example.body, 0, runtimeValues);
  // required query parameters go in the request configuration, by the client's names
  const query = example.queryValues.map(({ parameter, value }) => `${tsKey(parameter.name)}: ${queryLiteral(parameter, value)}`);
  const configuration = query.length ? `{ queryParameters: { ${query.join(', ')} } }` : '';
  const callArguments = [argument, configuration].filter((part) => part !== '');
  const parts = [...navigationParts(surface, operation, valueOf), `${operation.method.toLowerCase()}(${callArguments.join(', ')})`];
  const statement = operation.success.type ? `${chain('const result = await ', parts, ';')}\nconsole.log(result);` : chain('await ', parts, ';');
  return { modelTypes: bodyType ? [bodyType] : [], declarations, runtimeValues: [...runtimeValues].sort(), statement, ...(binary && { readsFile: true }) };
}

/** The imports of an example: the client factory, and the model types it names (plus `extraTypes`). */
export function typeScriptImports(call: TypeScriptCall, packageName: string, extraTypes: readonly string[] = [], extraValues: readonly string[] = []): string[] {
  const types = [...new Set([...call.modelTypes, ...extraTypes])].sort();
  return [
    ...(call.readsFile ? ['import { readFile } from "node:fs/promises";'] : []),
    ...(call.runtimeValues.length ? [`import { ${call.runtimeValues.join(', ')} } from "@microsoft/kiota-abstractions";`] : []),
    `import { ${['createGraphClient', ...extraValues].join(', ')} } from ${JSON.stringify(packageName)};`,
    ...(types.length ? [`import type { ${types.join(', ')} } from ${JSON.stringify(`${packageName}/models`)};`] : []),
  ];
}

export const ADAPTER_COMMENT = '// requestAdapter: a Kiota RequestAdapter with authentication (see the client guide).';

/** A whole example around `body` (the call, or the call in try/catch): imports, the client, the request body. */
export function typeScriptProgram(call: TypeScriptCall, packageName: string, body: readonly string[], extraTypes: readonly string[] = [], extraValues: readonly string[] = []): string {
  return [
    ...typeScriptImports(call, packageName, extraTypes, extraValues),
    '',
    ADAPTER_COMMENT,
    'const client = createGraphClient(requestAdapter);',
    '',
    ...call.declarations.flatMap((declaration) => [declaration, '']),
    ...body,
  ].join('\n');
}

/** The whole example: imports, the client, the body, the call. */
export function typeScriptCode(example: OperationExample, packageName: string, surface: ClientSurface): string {
  const call = typeScriptCall(example, surface);
  return typeScriptProgram(call, packageName, [call.statement]);
}

function tsValue(value: ExampleValue, indent: number, runtimeValues: Set<string>): string {
  const pad = '  '.repeat(indent + 1);
  const end = '  '.repeat(indent);
  switch (value.kind) {
    case 'array':
      return `[\n${value.items.map((item) => `${pad}${tsValue(item, indent + 1, runtimeValues)},\n`).join('')}${end}]`;
    case 'object':
      if (value.properties.length === 0) return '{}';
      if (value.properties.every((property) => property.value.kind !== 'object' && property.value.kind !== 'array')) {
        return `{ ${value.properties.map((property) => `${tsKey(property.name)}: ${tsValue(property.value, indent + 1, runtimeValues)}`).join(', ')} }`;
      }
      return `{\n${value.properties.map((property) => `${pad}${tsKey(property.name)}: ${tsValue(property.value, indent + 1, runtimeValues)},\n`).join('')}${end}}`;
    case 'string': {
      const written = typeScriptStringValue(value.value, value.format);
      if (written.runtimeImport) runtimeValues.add(written.runtimeImport);
      return written.code;
    }
    default:
      return JSON.stringify(value.value);
  }
}

function tsKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

/** A query value as the client's type takes it: a number or boolean unquoted, else a string. */
function queryLiteral(parameter: OperationExample['queryValues'][number]['parameter'], value: string): string {
  const type = parameter.type;
  if (type.kind === 'primitive' && (type.primitive === 'boolean' || type.primitive === 'integer' || type.primitive === 'number')) return value;
  // the client types a date-time query parameter as a Date
  if (type.kind === 'primitive' && type.format === 'date-time') return `new Date(${JSON.stringify(value)})`;
  return JSON.stringify(value);
}
