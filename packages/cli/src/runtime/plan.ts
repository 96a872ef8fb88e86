/**
 * From parsed options to the calls a command will make: infer the parameter set, read every
 * input (inline, `@file`, `-`), check identity records and validate the body against the
 * schema — all before the first request. One planned call per `--input-object` record.
 */
import { credentialValueIsShown } from '@mgkit/cli-contract';
import type { CommandDefinition, IdentityKey, JsonSchema, OperationDefinition, OptionDefinition, PreparedCall } from './definition.js';
import { CliError, ExitCode, UsageError } from './errors.js';
import { readBytesArgument, readJsonArgument, readJsonRecords, readTextArgument } from './inputs.js';
import { inferParameterSet } from './parameter-sets.js';
import { isSensitiveHeader, maskUserHeader, registerSecret } from './redact.js';
import { resolveSchema, setOwn, toClientModel, validate } from './validate.js';

/** Canonical option name → values in command-line order (`true` for switches). */
export type OptionValues = ReadonlyMap<string, readonly (string | true)[]>;

export interface PlannedCall {
  readonly call: PreparedCall;
  /** `application-id=…`: how the call is named in reports and prompts. */
  readonly label: string;
}

export interface Plan {
  readonly setName: string;
  readonly operation: OperationDefinition;
  readonly calls: readonly PlannedCall[];
  readonly headers: Record<string, string>;
  readonly responseHeadersSink?: string;
  readonly passThru: boolean;
  /** `--all`: follow `@odata.nextLink` through every page. */
  readonly all: boolean;
  /** `--output-file`: where a binary response goes. */
  readonly outputFile?: string;
  readonly whatIf: boolean;
  readonly confirm: boolean;
  /** Some option read stdin (`-`), so a prompt cannot. */
  readonly stdinUsed: boolean;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function stringValue(values: OptionValues, option: OptionDefinition): string | undefined {
  const value = values.get(option.name)?.at(-1);
  return typeof value === 'string' ? value : undefined;
}

/** `Key=Value` pairs (value `@file` reads a file), JSON arrays/objects, `@file`, `-`. */
function readPairs(option: OptionDefinition, values: readonly (string | true)[]): unknown[] {
  const keyName = option.pairs?.key ?? 'key';
  const valueName = option.pairs?.value ?? 'value';
  const items: unknown[] = [];
  for (const raw of values) {
    if (typeof raw !== 'string') continue;
    const trimmed = raw.trim();
    if (trimmed.startsWith('[') || trimmed.startsWith('{') || raw === '-' || (raw.startsWith('@') && raw.length > 1)) {
      const parsed = readJsonArgument(option.name, raw);
      if (Array.isArray(parsed)) items.push(...parsed);
      else items.push(parsed);
      continue;
    }
    const equals = raw.indexOf('=');
    // the value is not echoed: it may be a secret given without its key
    if (equals <= 0) throw new UsageError(`--${option.name}: expected Key=Value (e.g. SecretToken=@token.txt), a JSON array, @file or -; the value has ${equals === 0 ? 'no key before =' : "no '='"}`);
    const key = raw.slice(0, equals);
    let value = raw.slice(equals + 1);
    if (value.startsWith('@') && value.length > 1) value = readTextArgument(option.name, value).text.replace(/\r?\n$/, '');
    items.push({ [keyName]: key, [valueName]: value });
  }
  return items;
}

function queryValue(option: OptionDefinition, raw: string, type: NonNullable<OptionDefinition['query']>['type']): unknown {
  switch (type) {
    case 'array':
      return raw
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
    case 'integer':
    case 'number': {
      const number = Number(raw);
      if (!Number.isFinite(number) || (type === 'integer' && !Number.isInteger(number)))
        throw new UsageError(`--${option.name}: expected ${type === 'integer' ? 'an integer' : 'a number'}, got '${raw}'`);
      return number;
    }
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') throw new UsageError(`--${option.name}: expected true or false, got '${raw}'`);
      return raw === 'true';
    default:
      return raw;
  }
}

const FRAMING_HEADERS = /^(content-length|host|transfer-encoding|connection|keep-alive|upgrade|te|trailer)$/i;

function parseHeaders(option: OptionDefinition, values: readonly (string | true)[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const raw of values) {
    if (typeof raw !== 'string') continue;
    const colon = raw.indexOf(':');
    const name = colon > 0 ? raw.slice(0, colon).trim() : '';
    // the value is not echoed: a header often carries a credential
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
      throw new UsageError(`--${option.name}: expected 'Name: value' (a header name, a colon, the value), e.g. --${option.name} 'ConsistencyLevel: eventual'`);
    const value = raw.slice(colon + 1).trim();
    if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(value))
      throw new UsageError(`--${option.name}: the value of ${name} holds a line break or another control character; one header per --${option.name}`);
    // framing headers are the HTTP stack's: a wrong Content-Length would split the request in two
    if (FRAMING_HEADERS.test(name)) throw new UsageError(`--${option.name}: ${name} is set by the HTTP stack from the request itself and cannot be given`);
    if (/[^\u0020-\u007e\t]/.test(value))
      throw new UsageError(`--${option.name}: the value of ${name} holds a character outside ASCII; HTTP header values must be ASCII (percent-encode or base64 it)`);
    headers[name] = value;
    maskUserHeader(name);
    // a token given as a header is a secret like MGKIT_ACCESS_TOKEN: scrubbed wherever it shows up
    if (isSensitiveHeader(name)) {
      registerSecret(value);
      registerSecret(value.replace(/^(Bearer|Basic)\s+/i, ''));
    }
  }
  return headers;
}

/** The path values an identity record supplies, or a clear error when it lacks the key. */
function identityPath(option: OptionDefinition, keys: readonly IdentityKey[], record: unknown, label: string, operation: OperationDefinition): Record<string, string> {
  if (!isObject(record)) throw new UsageError(`--${option.name}: ${label} is not a JSON object; pass e.g. {"${keys.find((key) => !key.alternate)?.property ?? 'Id'}": "<id>"}`);
  const lookup = (property: string, pathParameter: string): [string, unknown] | undefined => {
    const spellings = new Set([property.toLowerCase(), pathParameter.toLowerCase(), pathParameter.replace(/-/g, '').toLowerCase()]);
    return Object.entries(record).find(([key]) => spellings.has(key.toLowerCase()));
  };
  const path: Record<string, string> = {};
  for (const parameter of operation.pathParameters) {
    const primary = keys.find((key) => !key.alternate && key.pathParameter === parameter.name);
    const needed = primary?.property ?? parameter.name;
    const found = primary ? lookup(primary.property, primary.pathParameter) : undefined;
    if (found) {
      const [key, value] = found;
      if (typeof value === 'string' && value.trim()) {
        path[parameter.name] = value;
        continue;
      }
      const got = typeof value === 'string' ? 'an empty string' : value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
      throw new UsageError(`--${option.name}: ${key} in ${label} is ${got}; it must be the object's id as a string: {"${needed}": "<id>"}`);
    }
    const alternates = keys.filter((key) => key.alternate && key.pathParameter === parameter.name && lookup(key.property, '\u0000') !== undefined);
    if (alternates.length > 0) {
      const names = alternates.map((key) => key.property).join(', ');
      throw new UsageError(
        `--${option.name}: ${label} identifies the object by ${names} (an alternate key), but ${operation.method} ${operation.path} is addressed by ${needed} only and the description has no path by ${names}; look up the object's id and pass {"${needed}": "<id>"}`,
      );
    }
    throw new UsageError(`--${option.name}: ${label} has no ${needed} (needed for {${parameter.name}} in ${operation.method} ${operation.path}); pass {"${needed}": "<id>"}`);
  }
  return path;
}

function collectSecrets(value: unknown, schema: JsonSchema | undefined, defs: CommandDefinition['$defs']): string[] {
  if (!schema) return [];
  const resolved = resolveSchema(schema, defs);
  if (resolved['x-secret'] && typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((item) => collectSecrets(item, resolved.items, defs));
  if (isObject(value)) {
    const shown = credentialValueIsShown(value);
    return Object.entries(value).flatMap(([key, item]) =>
      shown && key === 'value' ? [] : collectSecrets(item, resolved.properties && Object.hasOwn(resolved.properties, key) ? resolved.properties[key] : undefined, defs),
    );
  }
  return [];
}

/** The option reads its value from stdin (`--body -`; `--response-headers -` writes to stdout). */
export function readsStdin(option: OptionDefinition, values: readonly (string | true)[]): boolean {
  return (option.kind === 'json' || option.kind === 'pairs' || option.kind === 'file') && values.includes('-');
}

/** A file's bytes as a JSON body property holds them: base64url where the schema says so, else base64. */
function base64Of(bytes: Uint8Array, format: string | undefined): string {
  return Buffer.from(bytes).toString(format === 'base64url' ? 'base64url' : 'base64');
}

function pageSize(option: OptionDefinition, text: string): number {
  const size = Number(text);
  if (!Number.isInteger(size) || size < 1) throw new UsageError(`--${option.name}: '${text}' is not a whole number of items (1 or more)`);
  return size;
}

function outputFilePath(option: OptionDefinition, text: string): string {
  if (text.trim() === '' || text === '-') throw new UsageError(`--${option.name}: give a file name (without --${option.name} a binary response goes to stdout)`);
  return text;
}

export function planCalls(command: CommandDefinition, values: OptionValues): Plan {
  const set = inferParameterSet(command, new Set(values.keys()));
  const operation = command.operations[set.operation];
  if (!operation) throw new CliError(`internal: parameter set ${set.name} has no operation`, ExitCode.usage);
  const inSet = command.options.filter((option) => option.sets[set.name] && values.has(option.name));
  const basePath: Record<string, string> = {};
  let identity: { option: OptionDefinition; keys: readonly IdentityKey[]; records: unknown[] } | undefined;
  let body: Record<string, unknown> | undefined;
  let binaryBody: Uint8Array | undefined;
  let outputFile: string | undefined;
  const additions: Record<string, unknown> = {};
  /** Body property → the option that set it (`credentials` → `credentials`). */
  const propertyOptions = new Map<string, string>();
  let extraProperties: { option: string; values: Record<string, unknown> } | undefined;
  let headers: Record<string, string> = {};
  const queryParameters: Record<string, unknown> = {};
  let sink: string | undefined;
  const flags = new Set<string>();
  /** `--count` (a cmdlet's -CountVariable): directory objects count only with ConsistencyLevel: eventual, other resources ignore it, so it is always sent. */
  let cmdletCount = false;
  let stdinUsed = false;
  for (const option of inSet) {
    const list = values.get(option.name) ?? [];
    if (readsStdin(option, list)) stdinUsed = true;
    const role = option.role;
    switch (role.kind) {
      case 'path-key': {
        const value = stringValue(values, option) ?? '';
        if (!value.trim()) throw new UsageError(`--${option.name}: the value is empty`);
        basePath[role.pathParameter] = value;
        break;
      }
      case 'identity': {
        const records = readJsonRecords(option.name, stringValue(values, option) ?? '');
        if (records.length === 0) throw new UsageError(`--${option.name}: no records`);
        identity = { option, keys: role.keys, records };
        break;
      }
      case 'body': {
        if (option.kind === 'file') {
          binaryBody = readBytesArgument(option.name, stringValue(values, option) ?? '');
          break;
        }
        const parsed = readJsonArgument(option.name, stringValue(values, option) ?? '');
        if (!isObject(parsed)) throw new UsageError(`--${option.name}: expected a JSON object`);
        body = { ...parsed };
        break;
      }
      case 'body-property': {
        let value: unknown;
        if (option.kind === 'file') value = base64Of(readBytesArgument(option.name, stringValue(values, option) ?? ''), option.schema?.format);
        else if (option.kind === 'pairs') value = readPairs(option, list);
        else if (option.kind === 'json') value = readJsonArgument(option.name, stringValue(values, option) ?? '');
        else value = stringValue(values, option);
        setOwn(additions, role.property, value);
        propertyOptions.set(role.property, option.name);
        break;
      }
      case 'additional-properties': {
        const parsed = readJsonArgument(option.name, stringValue(values, option) ?? '');
        if (!isObject(parsed)) throw new UsageError(`--${option.name}: expected a JSON object`);
        extraProperties = { option: option.name, values: parsed };
        break;
      }
      case 'request-headers':
        headers = { ...headers, ...parseHeaders(option, list) };
        break;
      case 'header':
        headers[role.header] = stringValue(values, option) ?? '';
        break;
      case 'response-headers':
        sink = stringValue(values, option);
        break;
      case 'behaviour':
        flags.add(role.behaviour);
        if (role.behaviour === 'PageSize') {
          if (queryParameters['top'] !== undefined || values.has('top')) throw new UsageError(`--${option.name} and --top both set $top: give one`);
          queryParameters['top'] = pageSize(option, stringValue(values, option) ?? '');
        }
        if (role.behaviour === 'OutFile') outputFile = outputFilePath(option, stringValue(values, option) ?? '');
        if (role.behaviour === 'CountVariable') {
          queryParameters['count'] = true;
          cmdletCount = true;
        }
        break;
      case 'query': {
        const shape = option.query ?? { name: role.queryParameter, type: 'string' as const };
        queryParameters[shape.name] = option.kind === 'switch' ? true : queryValue(option, stringValue(values, option) ?? '', shape.type);
        break;
      }
    }
  }
  if (extraProperties) {
    // a property given both ways would silently lose one of them
    const { option: extraOption, values: extra } = extraProperties;
    const both = Object.keys(extra).find((key) => propertyOptions.has(key));
    if (both !== undefined) throw new UsageError(`--${extraOption} sets ${both}, which --${propertyOptions.get(both) ?? both} sets too; give it once`);
    for (const [key, value] of Object.entries(extra)) setOwn(additions, key, value);
  }
  // Directory objects answer $search and $count only as advanced queries: where the operation
  // declares the ConsistencyLevel header and none was given, it is set (PowerShell makes you add it)
  const advancedQuery = queryParameters['search'] !== undefined || queryParameters['count'] === true;
  const declaresConsistency = command.options.some((option) => option.role.kind === 'header' && option.role.header.toLowerCase() === 'consistencylevel');
  const consistencyGiven = Object.keys(headers).some((name) => name.toLowerCase() === 'consistencylevel');
  if (!consistencyGiven && (cmdletCount || (advancedQuery && declaresConsistency))) headers['ConsistencyLevel'] = 'eventual';
  let wireBody: Record<string, unknown> | undefined;
  if (operation.body && binaryBody === undefined) {
    wireBody = { ...body, ...additions };
    // a credential value given on the command line must not show up in any output
    collectSecrets(wireBody, operation.body.schema, command.$defs).forEach(registerSecret);
    const problems = validate(wireBody, operation.body.schema, command.$defs);
    if (problems.length > 0) throw new UsageError(`invalid request body: ${problems.join('; ')}`);
  }
  const clientBody = binaryBody ?? (operation.body && wireBody ? toClientModel(wireBody, operation.body.schema, command.$defs) : undefined);
  const records = identity ? identity.records : [undefined];
  const calls: PlannedCall[] = records.map((record, index) => {
    const label = records.length > 1 ? `record ${index + 1}` : 'the input object';
    const path = identity ? { ...basePath, ...identityPath(identity.option, identity.keys, record, label, operation) } : basePath;
    for (const parameter of operation.pathParameters) {
      if (!path[parameter.name]) throw new UsageError(`missing a value for {${parameter.name}}`);
    }
    return {
      label: Object.entries(path)
        .map(([name, value]) => `${name}=${value}`)
        .join(', '),
      call: { operation: operation.key, path, ...(clientBody !== undefined && { body: clientBody }), config: { queryParameters } },
    };
  });
  return {
    setName: set.name,
    operation,
    calls,
    headers,
    ...(sink !== undefined && { responseHeadersSink: sink }),
    passThru: flags.has('PassThru'),
    all: flags.has('All'),
    ...(outputFile !== undefined && { outputFile }),
    whatIf: flags.has('WhatIf'),
    confirm: flags.has('Confirm'),
    stdinUsed,
  };
}
