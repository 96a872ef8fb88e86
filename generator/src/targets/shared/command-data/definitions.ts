/**
 * A command's full definition as data, from the model: options from the cmdlet's parameters
 * (kebab-case, with the help's aliases), per-set flags, roles, descriptions (the help's, or
 * the description's where the help says only `.`), examples, operations and body schemas.
 */
import type { ApiModel, CommandModel, CommandParameterModel, OperationModel, ParameterBindingModel, ParameterModel, ParameterRole, BehaviourSwitch, TypeModel, TypeRef } from '../../../model/index.js';
import { kebabCase, operationByKey, typesByName } from '../../../model/index.js';
import type { PermissionEntry } from '../../../model/index.js';
// Kiota's URI-template rules, shared with the client target: the CLI holds the same templates.
import { operationUriTemplate } from '../uri-template.js';
import { urlSegmentsOf } from '../client-surface/index.js';
import { type CommandDefinition, type OperationDefinition, type OptionDefinition, type OptionKind, type ParameterSetDefinition, RESERVED_OPTION_NAMES } from '@mgkit/cli-contract';
import { placeCommands, type PlacedCommand } from './command-paths.js';
import { type JsonSchema, SchemaBuilder } from './schema.js';
import { objectIdNote } from '../object-id-note.js';

// The shapes the CLI runtime reads: declared once, in @mgkit/cli-contract.
/** A command as data. Built by `buildCommandData`, its `$defs` is a getter that is not enumerated: spreads, JSON and clones leave it out. */
export type CommandData = CommandDefinition;
/** An option while its names are settled (addAliases renames and adds aliases); then an OptionDefinition. */
export type OptionData = Omit<OptionDefinition, 'name' | 'aliases'> & { name: string; aliases: string[] };
export type SetData = ParameterSetDefinition;
export type OperationData = OperationDefinition;
export type { OptionKind };

/** Long option names the runtime itself defines; command options never take them. */
export const GLOBAL_OPTION_NAMES: readonly string[] = RESERVED_OPTION_NAMES;

const VALUE_NAMES: Record<OptionKind, string> = {
  string: '<string>',
  switch: '',
  json: '<json|@file|->',
  pairs: '<Key=Value|json|@file|->',
  headers: "<'Name: value'>",
  sink: '<file|->',
  file: '<file|->',
};

/** The cmdlets' switches the CLI acts on, by their CLI names; the kind when the value is not a switch. */
const BEHAVIOUR_OPTIONS: Record<string, { name: string; aliases: string[]; kind?: OptionKind }> = {
  PassThru: { name: 'pass-thru', aliases: [] },
  WhatIf: { name: 'what-if', aliases: ['dry-run'] },
  Confirm: { name: 'confirm', aliases: [] },
  All: { name: 'all', aliases: [] },
  PageSize: { name: 'page-size', aliases: [], kind: 'string' },
  CountVariable: { name: 'count', aliases: [] },
  OutFile: { name: 'output-file', aliases: ['out-file'], kind: 'string' },
};

const BEHAVIOUR_DESCRIPTIONS: Record<string, string> = {
  All: 'Every page: follows @odata.nextLink and prints one item per line (NDJSON) as pages arrive; with -o json, yaml, table or tsv, all items at the end.',
  PageSize: 'Items per page ($top of the first request), for --all.',
  CountVariable: 'Asks for the total count ($count=true, with ConsistencyLevel: eventual); with --all it is printed on stderr as "count: N".',
  OutFile: 'Writes the binary response to this file (without it, to stdout when stdout is not a terminal).',
};

/** A request or response body that is bytes, not JSON: `application/octet-stream`, images, `format: binary`. */
export function isBinaryContent(contentType: string | undefined, type: TypeRef | undefined): boolean {
  if (type?.kind === 'primitive' && type.format === 'binary') return true;
  return contentType !== undefined && !/json|^text\/plain/i.test(contentType) && contentType !== '*/*' && type?.kind !== 'named';
}

const NOTES_POINTER = /\n?To construct, see NOTES section for [A-Z0-9_]+ properties and create a hash table\.?/g;

/** The help's description without the NOTES pointer; empty when it says nothing (`.`). */
export function cleanHelpText(text: string): string {
  const cleaned = text.replace(NOTES_POINTER, '').trim();
  return cleaned === '.' ? '' : cleaned;
}

function sentence(text: string): string {
  const trimmed = text.trim().replace(/\s*\n\s*/g, ' ');
  if (!trimmed) return trimmed;
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

interface Context {
  readonly model: ApiModel;
  readonly schemas: SchemaBuilder;
  readonly types: ReadonlyMap<string, TypeModel>;
}

/** Object fields listed in a description, at most. */
const MAX_DESCRIBED_FIELDS = 6;

/**
 * A short, human description of a type, for help: "a list of SynchronizationSecretKeyStringValuePair
 * objects (key: …; value: …)". Fields are listed for the outermost object only.
 */
function describeType(context: Context, type: TypeRef, depth = 0): string {
  switch (type.kind) {
    case 'primitive':
      return type.primitive === 'any' ? 'any JSON value' : `a ${type.format ?? type.primitive}`;
    case 'collection':
      return `a list of ${describeType(context, type.items, depth).replace(/^an? /, '')}`;
    case 'map':
      return `an object of ${describeType(context, type.values, depth + 1).replace(/^an? /, '')}`;
    case 'union':
      return type.members.map((member) => describeType(context, member, depth + 1)).join(' or ');
    case 'named': {
      const named = context.types.get(type.name);
      if (named?.kind === 'enum') return `one of the ${named.members.length} ${type.name} names`;
      if (named?.kind === 'object' && depth === 0 && named.properties.length <= MAX_DESCRIBED_FIELDS) {
        const fields = named.properties
          .map((property) => {
            const inner = property.type.kind === 'named' ? context.types.get(property.type.name) : undefined;
            const what = inner?.kind === 'enum' ? `one of the ${inner.members.length} ${inner.name} names` : (property.description ?? describeType(context, property.type, depth + 1));
            return `${property.wireName}: ${what.replace(/\.$/, '')}`;
          })
          .join('; ');
        return fields ? `${type.name} objects (${fields})` : `${type.name} objects`;
      }
      return named?.kind === 'object' ? `${type.name} objects` : type.name;
    }
  }
}

function bodyType(context: Context, operation: OperationModel | undefined): TypeModel | undefined {
  const type = operation?.requestBody?.type;
  return type?.kind === 'named' ? context.types.get(type.name) : undefined;
}

/** The body's property by its wire name, its own or inherited (`id` comes from `entity`). */
function bodyPropertyType(context: Context, operation: OperationModel | undefined, property: string): TypeRef | undefined {
  const seen = new Set<string>();
  for (let type = bodyType(context, operation); type?.kind === 'object' && !seen.has(type.name); type = type.baseType ? context.types.get(type.baseType) : undefined) {
    seen.add(type.name);
    const found = type.properties.find((candidate) => candidate.wireName === property);
    if (found) return found.type;
  }
  return undefined;
}

/** `Key=Value` shorthand for a list of objects with a key and a value property. */
function pairShape(context: Context, type: TypeRef | undefined): { key: string; value: string } | undefined {
  if (type?.kind !== 'collection' || type.items.kind !== 'named') return undefined;
  const item = context.types.get(type.items.name);
  if (item?.kind !== 'object') return undefined;
  const names = item.properties.map((property) => property.wireName);
  if (names.includes('key') && names.includes('value')) return { key: 'key', value: 'value' };
  if (names.includes('name') && names.includes('value')) return { key: 'name', value: 'value' };
  return undefined;
}

function kindFor(role: ParameterRole, parameter: CommandParameterModel, propertyType: TypeRef | undefined, pairs: boolean, operation: OperationModel | undefined, isEnumType: boolean): OptionKind {
  switch (role.kind) {
    case 'behaviour':
      return BEHAVIOUR_OPTIONS[role.behaviour]?.kind ?? 'switch';
    case 'body':
      return operation?.requestBody && isBinaryContent(operation.requestBody.contentType, operation.requestBody.type) ? 'file' : 'json';
    case 'request-headers':
      return 'headers';
    case 'response-headers':
      return 'sink';
    case 'identity':
    case 'additional-properties':
      return 'json';
    case 'body-property':
      if (role.fromFile === true) return 'file';
      if (pairs) return 'pairs';
      if (propertyType?.kind === 'primitive' && propertyType.primitive === 'string') return 'string';
      // one member of an enum is a word on the command line (`--classification low`), as PowerShell takes it
      if (isEnumType) return 'string';
      return 'json';
    case 'path-key':
      // a function's boolean in the path (`-IncludePersonalNotebooks`) must say true or false: the path needs it either way
      return 'string';
    default:
      return parameter.isSwitch ? 'switch' : 'string';
  }
}

function optionName(role: ParameterRole, parameter: string): string {
  switch (role.kind) {
    case 'body':
      // `-BodyParameter` is the JSON body; others with the whole body (`-InFile`) keep their names
      return parameter === 'BodyParameter' ? 'body' : kebabCase(parameter);
    case 'request-headers':
      return 'header';
    case 'response-headers':
      return 'response-headers';
    case 'behaviour':
      return BEHAVIOUR_OPTIONS[role.behaviour]?.name ?? kebabCase(parameter);
    default:
      return kebabCase(parameter);
  }
}

function describeOption(context: Context, parameter: CommandParameterModel, role: ParameterRole, operation: OperationModel | undefined): string {
  const help = cleanHelpText(parameter.description);
  switch (role.kind) {
    case 'body': {
      const described = operation?.requestBody?.description;
      const type = operation?.requestBody?.type;
      const shape = type ? describeType(context, type) : 'a JSON object';
      return sentence(`${help || described || 'The request body'}: the whole request body as JSON, ${shape.replace(/ objects/, ' object')}`);
    }
    case 'body-property': {
      const type = bodyPropertyType(context, operation, role.property);
      const body = bodyType(context, operation);
      const fromSchema = body?.kind === 'object' ? body.properties.find((property) => property.wireName === role.property)?.description : undefined;
      const base = help || fromSchema || `The request body's \`${role.property}\``;
      return sentence(type ? `${base}: ${describeType(context, type)}` : base);
    }
    case 'identity': {
      const keys = role.keys.filter((key) => !key.alternate).map((key) => key.property);
      const base = help || 'Identity parameter';
      return sentence(`${base}: a JSON object with ${keys.join(' or ') || 'the key'} (NDJSON on stdin: one call per record)`);
    }
    case 'additional-properties':
      return sentence(`${help || 'Additional properties'}: a JSON object merged into the request body`);
    case 'request-headers':
      return sentence(`${help || 'Request headers'} Repeatable: --header 'Name: value'`);
    case 'response-headers':
      return sentence(`Writes the response headers as JSON to a file, or to stdout with -. ${help}`.trim());
    case 'behaviour':
      if (role.behaviour === 'WhatIf') return 'Prints the request (method, URL, headers, body; secrets redacted) and sends nothing.';
      if (role.behaviour === 'Confirm') return 'Asks for confirmation before sending (on a terminal; elsewhere pass --yes).';
      if (BEHAVIOUR_DESCRIPTIONS[role.behaviour] !== undefined) return BEHAVIOUR_DESCRIPTIONS[role.behaviour] as string;
      return sentence(help || role.behaviour);
    case 'path-key': {
      const declared = operation?.pathParameters.find((candidate) => candidate.wireName === role.pathParameter);
      return sentence(help || declared?.description || role.pathParameter);
    }
    default:
      return sentence(help || parameter.name);
  }
}

/** A set's usage line, options in the cmdlet's SYNTAX order (`order`: parameter names). */
function usageLine(path: readonly string[], setName: string, options: readonly OptionData[], order: readonly string[] = []): string {
  const rank = (option: OptionData): number => {
    const index = order.indexOf(option.parameter);
    return index < 0 ? order.length : index;
  };
  const words = options
    .filter((option) => option.sets[setName])
    .sort((a, b) => rank(a) - rank(b))
    .map((option) => {
      const flag = option.kind === 'switch' ? `--${option.name}` : `--${option.name} ${option.valueName}`;
      const repeated = option.multiple ? `${flag}...` : flag;
      return option.sets[setName]?.required ? repeated : `[${repeated}]`;
    });
  return [...path, ...words].join(' ');
}

function operationData(context: Context, operation: OperationModel): OperationData {
  const body = operation.requestBody;
  return {
    key: operation.key,
    method: operation.method,
    path: operation.path,
    requestPath: operation.requestPath,
    urlTemplate: operationUriTemplate(urlSegmentsOf(operation), operation.queryParameters),
    pathParameters: operation.pathParameters.map((parameter) => ({
      name: parameter.wireName,
      ...(parameter.description !== undefined && { description: parameter.description }),
    })),
    ...(body && { body: { contentType: body.contentType, required: body.required, schema: context.schemas.ref(body.type) } }),
    success: {
      status: operation.success.status,
      ...(operation.success.type && { schema: context.schemas.ref(operation.success.type) }),
      ...(isBinaryContent(operation.success.contentType, operation.success.type) && { contentType: operation.success.contentType ?? 'application/octet-stream' }),
    },
    ...(operation.pageable && operation.method === 'GET' && { pageable: true }),
    ...((operation.summary ?? operation.description) !== undefined && { summary: operation.summary ?? operation.description }),
    ...(operation.externalDocs && { docsUrl: operation.externalDocs.url }),
    ...permissionsOf(operation),
  };
}

function permissionsOf(operation: OperationModel): { permissions?: NonNullable<OperationData['permissions']> } {
  const entry = operation.permissions;
  if (!entry) return {};
  const least = (value: PermissionEntry): string[] | undefined => (value === 'not-supported' ? undefined : [...value.leastPrivileged]);
  const delegated = least(entry.delegatedWorkOrSchool);
  const application = least(entry.application);
  return { permissions: { ...(delegated && { delegated }), ...(application && { application }) } };
}

function roleSchema(context: Context, role: ParameterRole, operation: OperationModel | undefined): JsonSchema | undefined {
  switch (role.kind) {
    case 'body':
      return operation?.requestBody ? context.schemas.ref(operation.requestBody.type) : { type: 'object' };
    case 'body-property': {
      const type = bodyPropertyType(context, operation, role.property);
      return type ? context.schemas.ref(type) : undefined;
    }
    case 'additional-properties':
      return { type: 'object' };
    case 'identity':
      return { type: 'object' };
    default:
      return undefined;
  }
}

/** How a query option's value goes to the client: its parameter name there and its type. */
function queryShape(operation: OperationModel | undefined, wireName: string): OptionData['query'] {
  const parameter = operation?.queryParameters.find((candidate) => candidate.wireName === wireName);
  if (!parameter) return { name: wireName, type: 'string' };
  const type = parameter.type;
  const kind =
    type.kind === 'collection' ? 'array' : type.kind === 'primitive' && (type.primitive === 'integer' || type.primitive === 'number' || type.primitive === 'boolean') ? type.primitive : 'string';
  return { name: parameter.name, type: kind };
}

/** Example option values, derived from the schema (never a real secret). */
function exampleValue(context: Context, option: OptionData, index: number): string[] {
  switch (option.role.kind) {
    case 'path-key':
      return [`--${option.name}`, `00000000-0000-0000-0000-00000000000${index}`];
    case 'identity': {
      const key = option.role.keys.find((candidate) => !candidate.alternate)?.property ?? 'Id';
      return [`--${option.name}`, `'{"${key}":"00000000-0000-0000-0000-00000000000${index}"}'`];
    }
    case 'body':
      return [`--${option.name}`, option.kind === 'file' ? './content.bin' : '@body.json'];
    case 'body-property': {
      if (option.kind === 'pairs') {
        const items = option.schema?.items ? context.schemas.resolve(option.schema.items) : undefined;
        const keySchema = items?.properties?.[option.pairs?.key ?? 'key'];
        const names = (keySchema ? context.schemas.resolve(keySchema).enum : undefined) ?? ['Name'];
        const address = names.find((name) => /address|url|uri/i.test(name));
        const secret = names.find((name) => /secret|token|password/i.test(name));
        const picked = address || secret ? [address, secret].filter((name): name is string => name !== undefined) : names.slice(0, 2);
        return picked.flatMap((name) => [
          `--${option.name}`,
          /address|url|uri/i.test(name) ? `${name}=https://example.com/scim` : /secret|token|password/i.test(name) ? `${name}=@secret.txt` : `${name}=value`,
        ]);
      }
      return [`--${option.name}`, option.kind === 'string' ? 'value' : "'{}'"];
    }
    default:
      return [];
  }
}

function cliExamples(context: Context, path: readonly string[], sets: readonly SetData[], options: readonly OptionData[]): CommandData['examples'] {
  return sets.map((set, index) => {
    const words = options
      .filter((option) => option.sets[set.name] && (option.sets[set.name]?.required || option.role.kind === 'body-property'))
      .flatMap((option) => exampleValue(context, option, index + 1));
    return {
      title: `Parameter set ${set.name}${set.isDefault ? ' (default)' : ''}`,
      code: ['mgkit', ...path, ...words].join(' '),
      remarks: '',
    };
  });
}

function addAliases(options: OptionData[], placed: PlacedCommand): void {
  // two parameters that would share a name: the later one keeps its own (kebab-case) name
  const names = new Set<string>(GLOBAL_OPTION_NAMES);
  for (const option of options) {
    if (names.has(option.name)) option.name = kebabCase(option.parameter) === option.name ? `${option.name}-2` : kebabCase(option.parameter);
    names.add(option.name);
  }
  const claimed = new Set<string>([...GLOBAL_OPTION_NAMES, ...options.map((option) => option.name)]);
  for (const option of options) {
    option.aliases = option.aliases.filter((alias) => {
      if (!alias || alias === option.name || claimed.has(alias)) return false;
      claimed.add(alias);
      return true;
    });
  }
  // A command addressed by one key takes --object-id for it, as the Azure portal names it.
  const keys = options.filter((option) => option.role.kind === 'path-key');
  if (keys.length === 1 && keys[0] && !claimed.has('object-id') && placed.path[0] !== undefined) keys[0].aliases.push('object-id');
}

function behaviourOption(name: BehaviourSwitch, sets: readonly string[]): OptionData {
  const kind = BEHAVIOUR_OPTIONS[name]?.kind ?? 'switch';
  return {
    name: BEHAVIOUR_OPTIONS[name]?.name ?? kebabCase(name),
    parameter: name,
    aliases: [...(BEHAVIOUR_OPTIONS[name]?.aliases ?? [])],
    kind,
    role: { kind: 'behaviour', behaviour: name },
    multiple: false,
    valueName: VALUE_NAMES[kind],
    description: BEHAVIOUR_DESCRIPTIONS[name] ?? name,
    dotnetType: '',
    sets: Object.fromEntries(sets.map((set) => [set, { required: false, pipeline: false }])),
  };
}

/**
 * What the operation's kind needs and the cmdlet may lack (Get-MgApplicationDelta has no -All):
 * `--all` and `--page-size` on pageable sets, `--output-file` where the response is binary.
 */
function addKindOptions(options: OptionData[], sets: readonly { set: string; operation: OperationModel | undefined }[]): void {
  const wanted: [BehaviourSwitch, (operation: OperationModel) => boolean][] = [
    ['All', (operation) => operation.pageable !== undefined && operation.method === 'GET'],
    ['PageSize', (operation) => operation.pageable !== undefined && operation.method === 'GET'],
    ['OutFile', (operation) => isBinaryContent(operation.success.contentType, operation.success.type)],
  ];
  for (const [behaviour, applies] of wanted) {
    const name = BEHAVIOUR_OPTIONS[behaviour]?.name ?? behaviour;
    const missing = sets.filter(({ set, operation }) => operation && applies(operation) && !options.some((option) => option.name === name && option.sets[set]));
    if (missing.length === 0) continue;
    const existing = options.find((option) => option.name === name);
    const added = behaviourOption(
      behaviour,
      missing.map(({ set }) => set),
    );
    if (existing) options.splice(options.indexOf(existing), 1, { ...existing, sets: { ...existing.sets, ...added.sets } });
    else options.push(added);
  }
}

/** A key option whose item has alternate keys (`--input-object`'s `AppId`) says it wants the object ID. */
function noteObjectIds(options: OptionData[]): OptionData[] {
  const alternates = new Map<string, string[]>();
  for (const option of options) {
    if (option.role.kind !== 'identity') continue;
    for (const key of option.role.keys) if (key.alternate) alternates.set(key.pathParameter, [...(alternates.get(key.pathParameter) ?? []), key.property]);
  }
  return options.map((option) => {
    if (option.role.kind !== 'path-key') return option;
    const note = objectIdNote([...new Set(alternates.get(option.role.pathParameter) ?? [])].sort());
    return note === '' ? option : { ...option, description: `${option.description.replace(/\.$/, '')}${note}.` };
  });
}

function commandFromCmdlet(context: Context, placed: PlacedCommand, command: CommandModel): CommandData {
  const operations: Record<string, OperationData> = {};
  const bySet = new Map<string, { binding: ParameterBindingModel; operation: OperationModel | undefined }[]>();
  const sets = command.parameterSets.filter((set) => set.operationKey);
  for (const set of sets) {
    const operation = operationByKey(context.model, set.operationKey);
    if (operation && !operations[operation.key]) operations[operation.key] = operationData(context, operation);
    bySet.set(
      set.name,
      set.parameters.map((binding) => ({ binding, operation })),
    );
  }
  const options: OptionData[] = [];
  for (const parameter of command.parameters) {
    const bindings = sets.flatMap((set) =>
      (bySet.get(set.name) ?? []).filter((entry) => entry.binding.parameter === parameter.name && entry.binding.role).map((entry) => ({ set: set.name, ...entry })),
    );
    const first = bindings[0];
    const role = first?.binding.role;
    if (!first || !role) continue;
    if (role.kind === 'behaviour' && !BEHAVIOUR_OPTIONS[role.behaviour]) continue;
    const propertyType = role.kind === 'body-property' ? bodyPropertyType(context, first.operation, role.property) : undefined;
    const pairs = role.kind === 'body-property' ? pairShape(context, propertyType) : undefined;
    const isEnumType = propertyType?.kind === 'named' && context.types.get(propertyType.name)?.kind === 'enum';
    const kind = kindFor(role, parameter, propertyType, pairs !== undefined, first.operation, isEnumType);
    const name = optionName(role, parameter.name);
    const schema = roleSchema(context, role, first.operation);
    const query = role.kind === 'query' ? queryShape(first.operation, role.queryParameter) : undefined;
    const aliases = [
      kebabCase(parameter.name),
      ...(role.kind === 'behaviour' ? (BEHAVIOUR_OPTIONS[role.behaviour]?.aliases ?? []) : []),
      ...(role.kind === 'request-headers' ? ['headers'] : []),
      ...parameter.aliases.map((alias) => kebabCase(alias)),
    ];
    options.push({
      name,
      parameter: parameter.name,
      aliases,
      kind,
      role,
      multiple: kind === 'pairs' || kind === 'headers',
      valueName: VALUE_NAMES[kind],
      description: describeOption(context, parameter, role, first.operation),
      dotnetType: parameter.dotnetType,
      ...(schema && { schema }),
      ...(pairs && { pairs }),
      ...(query && { query }),
      // -OutFile is required by the cmdlet; the CLI writes to stdout without it, for pipes
      sets: Object.fromEntries(bindings.map((entry) => [entry.set, { required: entry.binding.required && name !== 'output-file', pipeline: entry.binding.valueFromPipeline }])),
    });
  }
  options.splice(0, options.length, ...noteObjectIds(options));
  addKindOptions(
    options,
    sets.flatMap((set) => (set.operationKey ? [{ set: set.name, operation: operationByKey(context.model, set.operationKey) }] : [])),
  );
  addAliases(options, placed);
  const setData: SetData[] = sets.map((set) => ({
    name: set.name,
    isDefault: set.isDefault,
    operation: set.operationKey ?? '',
    usage: usageLine(
      placed.path,
      set.name,
      options,
      set.parameters.map((binding) => binding.parameter),
    ),
    cmdletUsage: set.usage,
  }));
  const helpExamples = command.examples.filter((example) => !example.isPlaceholder).map((example) => ({ title: `${example.title} (PowerShell)`, code: example.code, remarks: example.remarks }));
  const primary = operationByKey(context.model, setData.find((set) => set.isDefault)?.operation);
  const description = cleanHelpText(command.description) || primary?.description || command.synopsis;
  return {
    path: [...placed.path],
    cmdlet: command.name,
    synopsis: cleanHelpText(command.synopsis) || primary?.summary || description,
    description,
    sets: setData,
    options,
    operations,
    $defs: {},
    examples: [...cliExamples(context, placed.path, setData, options), ...helpExamples],
    links: command.links.map((link) => ({ text: link.text, url: link.url })),
  };
}

/** A command for an operation no cmdlet is bound to: its path keys, body, headers, what-if. */
/** The PowerShell names of the OData query options, kept as aliases of the CLI's OData names. */
const QUERY_OPTION_ALIASES: Readonly<Record<string, readonly string[]>> = { select: ['property'], expand: ['expand-property'], orderby: ['sort'] };

/**
 * Without a cmdlet, the description's query and header parameters become options under their
 * OData names, as the retired Graph CLI had them: `--filter`, `--select`, `--top`, `--search`,
 * `--consistency-level`.
 */
function operationQueryAndHeaderOptions(operation: OperationModel, set: string): OptionData[] {
  // a boolean query option (`$count`) is a switch, as --count is on the cmdlets' commands
  const kindOf = (parameter: ParameterModel): OptionKind => (parameter.type.kind === 'primitive' && parameter.type.primitive === 'boolean' ? 'switch' : 'string');
  const option = (name: string, parameter: ParameterModel, role: ParameterRole): OptionData => ({
    name,
    parameter: parameter.wireName,
    aliases: [...(QUERY_OPTION_ALIASES[name] ?? [])],
    kind: kindOf(parameter),
    role,
    multiple: false,
    valueName: VALUE_NAMES[kindOf(parameter)],
    description: sentence(parameter.description ?? parameter.wireName),
    dotnetType: 'System.String',
    ...(role.kind === 'query' && { query: queryShape(operation, parameter.wireName) }),
    sets: { [set]: { required: parameter.required, pipeline: false } },
  });
  return [
    ...operation.queryParameters.map((parameter) => option(kebabCase(parameter.wireName.replace(/^\$/, '')), parameter, { kind: 'query', queryParameter: parameter.wireName })),
    ...operation.headerParameters.map((parameter) => option(kebabCase(parameter.wireName), parameter, { kind: 'header', header: parameter.wireName })),
  ];
}

function commandFromOperation(context: Context, placed: PlacedCommand, operation: OperationModel): CommandData {
  const set = 'Default';
  const options: OptionData[] = operation.pathParameters.map((parameter) => ({
    name: kebabCase(parameter.wireName),
    parameter: parameter.name,
    aliases: [],
    kind: 'string',
    role: { kind: 'path-key', pathParameter: parameter.wireName },
    multiple: false,
    valueName: VALUE_NAMES.string,
    description: sentence(parameter.description ?? parameter.wireName),
    dotnetType: 'System.String',
    sets: { [set]: { required: true, pipeline: false } },
  }));
  options.push(...operationQueryAndHeaderOptions(operation, set));
  if (operation.requestBody) {
    const kind: OptionKind = isBinaryContent(operation.requestBody.contentType, operation.requestBody.type) ? 'file' : 'json';
    options.push({
      name: 'body',
      parameter: 'BodyParameter',
      aliases: [],
      kind,
      role: { kind: 'body' },
      multiple: false,
      valueName: VALUE_NAMES[kind],
      description: sentence(`${(operation.requestBody.description ?? 'The request body').replace(/[.\s]+$/, '')}: ${describeType(context, operation.requestBody.type)}`),
      dotnetType: 'System.Object',
      schema: context.schemas.ref(operation.requestBody.type),
      sets: { [set]: { required: operation.requestBody.required, pipeline: true } },
    });
  }
  addKindOptions(options, [{ set, operation }]);
  const extras: [string, ParameterRole, OptionKind, string][] = [
    ['header', { kind: 'request-headers' }, 'headers', "Request headers. Repeatable: --header 'Name: value'."],
    ['response-headers', { kind: 'response-headers' }, 'sink', 'Writes the response headers as JSON to a file, or to stdout with -.'],
    ['what-if', { kind: 'behaviour', behaviour: 'WhatIf' }, 'switch', 'Prints the request (method, URL, headers, body; secrets redacted) and sends nothing.'],
  ];
  for (const [name, role, kind, description] of extras) {
    options.push({
      name,
      parameter: name,
      aliases: name === 'what-if' ? ['dry-run'] : [],
      kind,
      role,
      multiple: kind === 'headers',
      valueName: VALUE_NAMES[kind],
      description,
      dotnetType: '',
      sets: { [set]: { required: false, pipeline: false } },
    });
  }
  addAliases(options, placed);
  const sets: SetData[] = [{ name: set, isDefault: true, operation: operation.key, usage: usageLine(placed.path, set, options), cmdletUsage: '' }];
  const description = operation.description ?? operation.summary ?? `${operation.method} ${operation.path}`;
  return {
    path: [...placed.path],
    synopsis: operation.summary ?? description,
    description,
    sets,
    options,
    operations: { [operation.key]: operationData(context, operation) },
    $defs: {},
    examples: cliExamples(context, placed.path, sets, options),
    links: [],
  };
}

/** One schema table per model: every command refers into it, and each type is built once. */
const schemaBuilders = new WeakMap<ApiModel, SchemaBuilder>();

export function moduleSchemas(model: ApiModel): SchemaBuilder {
  let builder = schemaBuilders.get(model);
  if (!builder) schemaBuilders.set(model, (builder = new SchemaBuilder(typesByName(model))));
  return builder;
}

/** A command's definition; its `$defs` (on demand) hold only the types it reaches (see `moduleSchemas` for the module's table). */
export function buildCommandData(model: ApiModel, placed: PlacedCommand): CommandData {
  const context: Context = { model, schemas: moduleSchemas(model), types: typesByName(model) };
  const { $defs: _none, ...data } = placed.command ? commandFromCmdlet(context, placed, placed.command) : commandFromOperation(context, placed, placed.operation as OperationModel);
  // found when asked for, and not enumerated: the CLI and the docs refer into the module's table,
  // and the closure of each of a module's hundreds of commands was work no output used
  let closure: CommandData['$defs'] | undefined;
  return Object.defineProperty(data, '$defs', { get: () => (closure ??= context.schemas.closureOf(data)), enumerable: false }) as CommandData;
}

const commandLists = new WeakMap<ApiModel, readonly { placed: PlacedCommand; data: CommandData }[]>();

/** Every command of the model with its definition, built once for the CLI and the docs alike. */
export function commandsOf(model: ApiModel): readonly { placed: PlacedCommand; data: CommandData }[] {
  let commands = commandLists.get(model);
  if (!commands) {
    commands = placeCommands(model).map((placed) => ({ placed, data: buildCommandData(model, placed) }));
    commandLists.set(model, commands);
  }
  return commands;
}
