/**
 * One example value per operation, derived from the schema. Every tab of an operation page
 * (HTTP, TypeScript, CLI, PowerShell) and the generated cmdlet examples render this same value,
 * so they always say the same thing. Placeholders only: ids are made up, secrets are `<secret>`.
 */
import { CREDENTIAL_KEY_KINDS, credentialValueIsShown } from '@mgkit/cli-contract';
import { typesByName, type ApiModel, type EnumTypeModel, type ObjectTypeModel, type OperationModel, type ParameterModel, type TypeModel, type TypeRef } from '../../model/index.js';

export type ExampleValue =
  /** `format`: a string the client types as a Kiota date or time value (`Date`, `DateOnly`, `TimeOnly`, `Duration`). */
  | { readonly kind: 'string'; readonly value: string; readonly format?: 'date-time' | 'date' | 'time' | 'duration' | 'byte' | 'base64url' | 'binary' }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'enum'; readonly value: string; readonly typeName: string }
  | { readonly kind: 'array'; readonly items: readonly ExampleValue[] }
  | { readonly kind: 'object'; readonly typeName?: string; readonly properties: readonly ExampleProperty[] };

export interface ExampleProperty {
  /** On the wire: `credentials`. */
  readonly wireName: string;
  /** In code: `credentials`, `odataType`. */
  readonly name: string;
  readonly value: ExampleValue;
}

export interface OperationExample {
  readonly operation: OperationModel;
  /** A value for every path parameter, in path order. */
  readonly pathValues: readonly { readonly parameter: ParameterModel; readonly value: string }[];
  /** The request body, when the operation takes one. */
  readonly body?: ExampleValue;
  /** A value for every required query parameter (`calendarView`'s startDateTime and endDateTime). */
  readonly queryValues: readonly { readonly parameter: ParameterModel; readonly value: string }[];
}

/** Made-up object ids, one per path parameter position. */
const EXAMPLE_IDS = ['8a3e4f2c-61b5-4d7a-9c0e-2f6b1d4a7e93', '5d9c2b71-0e4a-4f38-b6d2-9a1c7e3f5b80', 'c47e1a96-3b2d-4e85-a0f9-6d2b8c5e1f74'];
export const SECRET_PLACEHOLDER = '<secret>';
/** Enum members that make a poor example (sentinels). */
const SENTINEL_MEMBERS = new Set(['none', 'unknown', 'unknownfuturevalue', 'notset']);
const MAX_DEPTH = 4;
/**
 * Properties one example shows at most. Graph's entities nest deeply (a drive item's body reached
 * 8,800 lines per tab); the reference shows a readable sample, as Graph's own docs do, and every
 * property stays listed in the body table and the model page.
 */
export const EXAMPLE_PROPERTY_BUDGET = 40;
/** Items an example collection shows: two, so repeatable options and arrays are visible. */
const COLLECTION_ITEMS = 2;

export function deriveOperationExample(model: ApiModel, operation: OperationModel): OperationExample {
  const types = typesByName(model);
  const pathValues = operation.pathParameters.map((parameter, index) => ({
    parameter,
    value: pathExample(parameter, index),
  }));
  const body = operation.requestBody ? exampleOf(operation.requestBody.type, exampleWalk(types, 'body')) : undefined;
  const queryValues = operation.queryParameters.filter((parameter) => parameter.required).map((parameter) => ({ parameter, value: queryExample(parameter) }));
  return { operation, pathValues, queryValues, ...(body && { body }) };
}

/** A key is an id; a function's parameter in the path (`getRecentNotebooks(includePersonalNotebooks=…)`) takes a value of its type. */
function pathExample(parameter: ApiModel['operations'][number]['pathParameters'][number], index: number): string {
  const type = parameter.type;
  if (type.kind === 'primitive') {
    if (type.primitive === 'boolean') return 'true';
    if (type.primitive === 'integer' || type.primitive === 'number') return '1';
    if (type.format === 'date-time') return '2024-01-01T00:00:00Z';
    if (type.format === 'date') return '2024-01-01';
  }
  return EXAMPLE_IDS[index % EXAMPLE_IDS.length] ?? 'id';
}

/** A required query parameter's value: by its type, a date-time by its name too (Graph types `startDateTime` as a plain string). */
function queryExample(parameter: ApiModel['operations'][number]['queryParameters'][number]): string {
  const type = parameter.type;
  if (type.kind === 'primitive' && type.primitive !== 'string') return pathExample(parameter, 0);
  if (type.kind === 'primitive' && type.format !== undefined) return pathExample(parameter, 0);
  return /DateTime$/i.test(parameter.wireName) ? '2024-01-01T00:00:00Z' : 'string';
}

interface Walk {
  readonly types: ReadonlyMap<string, TypeModel>;
  readonly depth: number;
  /** Position in the enclosing collection: picks a different enum member per item. */
  readonly index: number;
  /** Property name and description, for choosing a string placeholder. */
  readonly hint: string;
  readonly seen: ReadonlySet<string>;
  /** Properties the whole example may still add (shared by the walk, see EXAMPLE_PROPERTY_BUDGET). */
  readonly budget: { left: number };
}

/** The walk at the top of an example. */
export function exampleWalk(types: ReadonlyMap<string, TypeModel>, hint = ''): Walk {
  return { types, depth: 0, index: 0, hint, seen: new Set(), budget: { left: EXAMPLE_PROPERTY_BUDGET } };
}

/** The example value of a type; `undefined` when it has none worth showing (a map, a cycle, too deep). */
export function exampleOf(type: TypeRef, walk: Walk): ExampleValue | undefined {
  if (walk.depth > MAX_DEPTH) return undefined;
  switch (type.kind) {
    case 'primitive':
      return primitiveExample(type.primitive, type.format, walk.hint);
    case 'collection': {
      const items = Array.from({ length: COLLECTION_ITEMS }, (_, index) => exampleOf(type.items, { ...walk, index, depth: walk.depth + 1 }));
      const present = items.filter((item): item is ExampleValue => item !== undefined);
      return present.length ? { kind: 'array', items: dedupeIdentical(present) } : undefined;
    }
    case 'union':
      return type.members[0] ? exampleOf(type.members[0], walk) : undefined;
    case 'map':
      return undefined;
    case 'named': {
      const named = walk.types.get(type.name);
      if (!named || walk.seen.has(named.name)) return undefined;
      return named.kind === 'enum' ? enumExample(named, walk.index) : objectExample(named.name, walk);
    }
  }
}

function objectExample(typeName: string, walk: Walk): ExampleValue | undefined {
  const properties: ExampleProperty[] = [];
  const seen = new Set([...walk.seen, typeName]);
  for (const type of inheritanceChain(typeName, walk.types)) {
    for (const property of type.properties) {
      if (walk.budget.left <= 0) break;
      if (property.readOnly || property.wireName.startsWith('@odata.')) continue;
      const hint = `${property.wireName} ${property.description ?? ''}`;
      const value = exampleOf(property.type, { ...walk, depth: walk.depth + 1, hint, seen });
      if (value) {
        properties.push({ wireName: property.wireName, name: property.name, value });
        walk.budget.left--;
      }
    }
  }
  showCredentialValue(properties);
  // an object cut off by the budget before its first property says nothing: leave it out
  if (properties.length === 0 && walk.budget.left <= 0) return undefined;
  return { kind: 'object', typeName, properties };
}

/**
 * A `{ key, value }` credential whose key is no secret (UserName, BaseAddress: see the CLI
 * contract's CREDENTIAL_KEY_KINDS) shows a sample value, not `<secret>`, as the CLI shows it.
 */
function showCredentialValue(properties: ExampleProperty[]): void {
  const key = properties.find((property) => property.wireName === 'key')?.value;
  const index = properties.findIndex((property) => property.wireName === 'value');
  const value = properties[index];
  if (key?.kind !== 'enum' || value?.value.kind !== 'string' || !credentialValueIsShown({ key: key.value })) return;
  properties[index] = { ...value, value: { kind: 'string', value: credentialSample(key.value) } };
}

function credentialSample(key: string): string {
  if ((CREDENTIAL_KEY_KINDS.endpoint as readonly string[]).includes(key)) return /domain/i.test(key) ? 'contoso.com' : /name$/i.test(key) ? 'contoso' : 'https://scim.contoso.com';
  if (key === 'UserName') return 'admin@contoso.com';
  return 'string';
}

/** The type and its bases, base first. */
function inheritanceChain(typeName: string, types: ReadonlyMap<string, TypeModel>): ObjectTypeModel[] {
  const chain: ObjectTypeModel[] = [];
  for (let name: string | undefined = typeName; name; ) {
    const type = types.get(name);
    if (!type || type.kind !== 'object' || chain.includes(type)) break;
    chain.unshift(type);
    name = type.baseType;
  }
  return chain;
}

function enumExample(type: EnumTypeModel, index: number): ExampleValue | undefined {
  const candidates = type.members.filter((member) => !SENTINEL_MEMBERS.has(member.value.toLowerCase()));
  const pool = candidates.length ? candidates : type.members;
  const member = pool[index % Math.max(1, pool.length)];
  return member ? { kind: 'enum', value: member.value, typeName: type.name } : undefined;
}

function primitiveExample(primitive: string, format: string | undefined, hint: string): ExampleValue {
  if (primitive === 'boolean') return { kind: 'boolean', value: true };
  if (primitive === 'integer' || primitive === 'number') return { kind: 'number', value: 1 };
  // dates and times first: a credential's endDateTime is a date, not a secret
  if (format === 'date-time') return { kind: 'string', value: '2024-01-01T00:00:00Z', format };
  if (format === 'date') return { kind: 'string', value: '2024-01-01', format };
  if (format === 'time') return { kind: 'string', value: '08:00:00', format };
  if (format === 'duration') return { kind: 'string', value: 'PT1H', format };
  const secret = /secret|password|token|credential/i.test(hint);
  // bytes are base64 on the wire: a secret's placeholder is too (`<secret>`, encoded), so that the example still runs
  if (format === 'byte' || format === 'base64url' || format === 'binary') return { kind: 'string', value: secret ? Buffer.from(SECRET_PLACEHOLDER).toString('base64') : 'string', format };
  if (secret) return { kind: 'string', value: SECRET_PLACEHOLDER };
  if (format === 'uuid') return { kind: 'string', value: EXAMPLE_IDS[0] ?? 'id' };
  return { kind: 'string', value: 'string' };
}

/** Identical items say nothing more than one (`details` of an error): keep one. */
function dedupeIdentical(items: readonly ExampleValue[]): ExampleValue[] {
  const first = items[0];
  return first && items.every((item) => JSON.stringify(item) === JSON.stringify(first)) ? [first] : [...items];
}

/** The plain JSON the value stands for, as sent on the wire. */
/** The file a binary body's example reads (`--in-file`, `-InFile`). */
export const BINARY_EXAMPLE_FILE = './content.bin';

/** A binary body (`format: binary`): the examples read it from a file rather than spell it. */
export function isBinaryExample(value: ExampleValue | undefined): boolean {
  return value?.kind === 'string' && value.format === 'binary';
}

export function toJson(value: ExampleValue): unknown {
  switch (value.kind) {
    case 'array':
      return value.items.map(toJson);
    case 'object':
      return Object.fromEntries(value.properties.map((property) => [property.wireName, toJson(property.value)]));
    default:
      return value.value;
  }
}
