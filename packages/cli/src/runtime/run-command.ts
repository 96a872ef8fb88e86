/**
 * Runs one generated command: parse, infer the parameter set, read and validate every input
 * (all records) before any request, then per call: what-if, confirm, send through the
 * generated client, print the result, write response headers.
 */
import { writeFileSync } from 'node:fs';
import { parseCommandLine } from './argv.js';
import type { CommandDefinition, CommandModule, IdentityKey, JsonSchema, OperationDefinition, OptionDefinition, PreparedCall } from './definition.js';
import { AuthError, CliError, ExitCode, UsageError } from './errors.js';
import { type GlobalSettings, resolveGlobals } from './globals.js';
import { commandHelp } from './help.js';
import { type ApiFailure, TimeoutError, createClient, createHeadersInspection, describeApiFailure } from './http.js';
import { readJsonArgument, readJsonRecords, readTextArgument } from './inputs.js';
import { printResult } from './output.js';
import { inferParameterSet } from './parameter-sets.js';
import { MASK, redactHeader, registerSecret, scrubText } from './redact.js';
import { fromClientModel, redactSecrets, resolveSchema, toClientModel, validate } from './validate.js';

export interface RunContext {
  readonly bin: string;
  readonly defaultBaseUrl: string;
}

type Values = ReadonlyMap<string, readonly (string | true)[]>;

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function stringValue(values: Values, option: OptionDefinition): string | undefined {
  const value = values.get(option.name)?.at(-1);
  return typeof value === 'string' ? value : undefined;
}

// ---------------------------------------------------------------- inputs

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
    if (equals <= 0) {
      throw new UsageError(`--${option.name}: expected Key=Value (or a JSON array), got '${raw.length > 30 ? `${raw.slice(0, 27)}...` : raw}'`);
    }
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
      return raw.split(',').map((item) => item.trim()).filter(Boolean);
    case 'integer':
    case 'number': {
      const number = Number(raw);
      if (!Number.isFinite(number) || (type === 'integer' && !Number.isInteger(number))) throw new UsageError(`--${option.name}: expected ${type === 'integer' ? 'an integer' : 'a number'}, got '${raw}'`);
      return number;
    }
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') throw new UsageError(`--${option.name}: expected true or false, got '${raw}'`);
      return raw === 'true';
    default:
      return raw;
  }
}

function parseHeaders(option: OptionDefinition, values: readonly (string | true)[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const raw of values) {
    if (typeof raw !== 'string') continue;
    const colon = raw.indexOf(':');
    const name = colon > 0 ? raw.slice(0, colon).trim() : '';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new UsageError(`--${option.name}: expected 'Name: value', got '${raw}'`);
    headers[name] = raw.slice(colon + 1).trim();
  }
  return headers;
}

/** The path value an identity record supplies, or a clear error when it lacks the key. */
function identityPath(option: OptionDefinition, keys: readonly IdentityKey[], record: unknown, label: string, operation: OperationDefinition): Record<string, string> {
  if (!isObject(record)) throw new UsageError(`--${option.name}: ${label} is not a JSON object`);
  const lookup = (property: string, pathParameter: string): unknown => {
    const spellings = new Set([property.toLowerCase(), pathParameter.toLowerCase(), pathParameter.replace(/-/g, '').toLowerCase()]);
    const entry = Object.entries(record).find(([key]) => spellings.has(key.toLowerCase()));
    return entry?.[1];
  };
  const path: Record<string, string> = {};
  for (const parameter of operation.pathParameters) {
    const primary = keys.find((key) => !key.alternate && key.pathParameter === parameter.name);
    const value = primary ? lookup(primary.property, primary.pathParameter) : undefined;
    if (typeof value === 'string' && value) {
      path[parameter.name] = value;
      continue;
    }
    const alternates = keys.filter((key) => key.alternate && key.pathParameter === parameter.name && lookup(key.property, '\u0000') !== undefined);
    const needed = primary?.property ?? parameter.name;
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

interface PlannedCall {
  readonly call: PreparedCall;
  /** The wire-shaped body (for what-if and redaction). */
  readonly wireBody?: Record<string, unknown>;
  readonly label: string;
}

interface Plan {
  readonly setName: string;
  readonly operation: OperationDefinition;
  readonly calls: readonly PlannedCall[];
  readonly headers: Record<string, string>;
  readonly responseHeadersSink?: string;
  readonly passThru: boolean;
  readonly whatIf: boolean;
  readonly confirm: boolean;
  readonly stdinUsed: boolean;
}

function plan(command: CommandDefinition, values: Values): Plan {
  const set = inferParameterSet(command, new Set(values.keys()));
  const operation = command.operations[set.operation];
  if (!operation) throw new CliError(`internal: parameter set ${set.name} has no operation`, ExitCode.usage);
  const inSet = command.options.filter((option) => option.sets[set.name] && values.has(option.name));
  const basePath: Record<string, string> = {};
  let identity: { option: OptionDefinition; keys: readonly IdentityKey[]; records: unknown[] } | undefined;
  let body: Record<string, unknown> | undefined;
  const additions: Record<string, unknown> = {};
  let headers: Record<string, string> = {};
  const queryParameters: Record<string, unknown> = {};
  let sink: string | undefined;
  const flags = new Set<string>();
  let stdinUsed = false;
  for (const option of inSet) {
    const list = values.get(option.name) ?? [];
    if (list.includes('-')) stdinUsed = true;
    const role = option.role;
    switch (role.kind) {
      case 'path-key': {
        const value = stringValue(values, option) ?? '';
        if (!value.trim()) throw new UsageError(`--${option.name}: the value is empty`);
        basePath[role.pathParameter] = value;
        break;
      }
      case 'identity': {
        const raw = stringValue(values, option) ?? '';
        const records = readJsonRecords(option.name, raw);
        if (records.length === 0) throw new UsageError(`--${option.name}: no records`);
        identity = { option, keys: role.keys, records };
        break;
      }
      case 'body': {
        const parsed = readJsonArgument(option.name, stringValue(values, option) ?? '');
        if (!isObject(parsed)) throw new UsageError(`--${option.name}: expected a JSON object`);
        body = { ...parsed };
        break;
      }
      case 'body-property': {
        let value: unknown;
        if (option.kind === 'pairs') value = readPairs(option, list);
        else if (option.kind === 'json') value = readJsonArgument(option.name, stringValue(values, option) ?? '');
        else value = stringValue(values, option);
        additions[role.property] = value;
        break;
      }
      case 'additional-properties': {
        const parsed = readJsonArgument(option.name, stringValue(values, option) ?? '');
        if (!isObject(parsed)) throw new UsageError(`--${option.name}: expected a JSON object`);
        Object.assign(additions, parsed);
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
        break;
      case 'query': {
        const raw = stringValue(values, option) ?? '';
        const shape = option.query ?? { name: role.queryParameter, type: 'string' as const };
        queryParameters[shape.name] = queryValue(option, raw, shape.type);
        break;
      }
    }
  }
  let wireBody: Record<string, unknown> | undefined;
  if (operation.body) {
    wireBody = { ...(body ?? {}), ...additions };
    // a credential value given on the command line must not show up in any output
    const secrets = collectSecrets(wireBody, operation.body.schema, command.$defs);
    secrets.forEach(registerSecret);
    const problems = validate(wireBody, operation.body.schema, command.$defs);
    if (problems.length > 0) throw new UsageError(`invalid request body: ${problems.join('; ')}`);
  }
  const clientBody = operation.body && wireBody ? toClientModel(wireBody, operation.body.schema, command.$defs) : undefined;
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
      ...(wireBody && { wireBody }),
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
    whatIf: flags.has('WhatIf'),
    confirm: flags.has('Confirm'),
    stdinUsed,
  };
}

function collectSecrets(value: unknown, schema: JsonSchema | undefined, defs: CommandDefinition['$defs']): string[] {
  if (!schema) return [];
  const resolved = resolveSchema(schema, defs);
  if (resolved['x-secret'] && typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((item) => collectSecrets(item, resolved.items, defs));
  if (isObject(value)) return Object.entries(value).flatMap(([key, item]) => collectSecrets(item, resolved.properties?.[key], defs));
  return [];
}

// ---------------------------------------------------------------- what-if, confirm

interface RequestInformationLike {
  readonly URL: string;
  readonly httpMethod?: string;
  readonly headers: Map<string, Set<string>>;
  readonly content?: ArrayBuffer;
}

function whatIfText(command: CommandDefinition, operation: OperationDefinition, planned: PlannedCall, info: RequestInformationLike, extraHeaders: Record<string, string>): string {
  const lines = [`What if: performing ${command.cmdlet ?? command.path.join(' ')} (${planned.label}); nothing is sent.`];
  lines.push(`${info.httpMethod ?? operation.method} ${info.URL}`);
  const headers = new Map<string, string>();
  for (const [name, set] of info.headers.entries()) headers.set(name, [...set].join(', '));
  for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value);
  headers.set('Authorization', 'Bearer ***');
  for (const [name, value] of [...headers.entries()].sort(([a], [b]) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1))) {
    lines.push(`${name}: ${redactHeader(name, value)}`);
  }
  if (info.content && info.content.byteLength > 0) {
    const text = new TextDecoder().decode(info.content);
    lines.push('', redactBodyText(text, operation, command));
  }
  return scrubText(lines.join('\n'));
}

function redactBodyText(text: string, operation: OperationDefinition, command: CommandDefinition): string {
  try {
    const parsed = JSON.parse(text) as unknown;
    return JSON.stringify(redactSecrets(parsed, operation.body?.schema, command.$defs, MASK), null, 2);
  } catch {
    return scrubText(text);
  }
}

async function askConfirmation(question: string): Promise<boolean> {
  const { createInterface } = await import('node:readline/promises');
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    prompt.close();
  }
}

// ---------------------------------------------------------------- failures

function failureLine(failure: ApiFailure): string {
  const parts = [`${failure.status ?? ''}${failure.code ? ` ${failure.code}` : ''}:`.replace(/^ /, ''), failure.message];
  if (failure.requestId) parts.push(`(request-id: ${failure.requestId})`);
  return parts.join(' ');
}

function failureExitCode(status: number | undefined): number {
  if (status === 404) return ExitCode.notFound;
  if (status === 401 || status === 403) return ExitCode.auth;
  return ExitCode.api;
}

/** One stderr line and the exit code for whatever a call threw. */
export function reportFailure(error: unknown, prefix = ''): number {
  const write = (text: string): void => {
    process.stderr.write(`${scrubText(`error: ${prefix}${text}`)}\n`);
  };
  if (error instanceof CliError) {
    write(error.message);
    return error.exitCode;
  }
  if (error instanceof TimeoutError) {
    write(error.message);
    return ExitCode.api;
  }
  const failure = describeApiFailure(error);
  if (failure) {
    write(failureLine(failure));
    return failureExitCode(failure.status);
  }
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  if (cause?.code) {
    write(`cannot reach the service (${cause.code}${cause.message ? `: ${cause.message}` : ''})`);
    return ExitCode.api;
  }
  write(error instanceof Error ? error.message : String(error));
  return ExitCode.api;
}

// ---------------------------------------------------------------- run

function writeResponseHeaders(sink: string, headers: Record<string, string | string[]>): void {
  const text = `${JSON.stringify(headers, null, 2)}\n`;
  if (sink === '-') process.stdout.write(text);
  else {
    try {
      writeFileSync(sink, text);
    } catch (error) {
      throw new UsageError(`--response-headers ${sink}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }
}

async function tokenSource(globals: GlobalSettings): Promise<() => Promise<string>> {
  const { resolveAccessToken } = await import('./auth/token.js');
  let pending: Promise<string> | undefined;
  return () => (pending ??= resolveAccessToken({ cloud: globals.cloud }));
}

export async function runCommand(module: CommandModule, argv: readonly string[], context: RunContext): Promise<number> {
  const command = module.definition;
  const parsed = parseCommandLine(argv, command.options);
  if (parsed.globals['help'] === true) {
    const globals = resolveGlobals(parsed.globals, context.defaultBaseUrl);
    process.stdout.write(`${commandHelp(context.bin, command, globals.baseUrl, { color: globals.color })}\n`);
    return ExitCode.ok;
  }
  const globals = resolveGlobals(parsed.globals, context.defaultBaseUrl);
  const planned = plan(command, parsed.options);
  if (planned.confirm && !planned.whatIf && !globals.yes) {
    const interactive = process.stdin.isTTY === true && process.stderr.isTTY === true && !planned.stdinUsed;
    if (!interactive) throw new UsageError('--confirm needs a terminal to ask on; pass --yes to confirm without one');
  }
  const redactBody = (text: string): string => redactBodyText(text, planned.operation, command);
  if (planned.whatIf) {
    const client = await createClient({ baseUrl: globals.baseUrl, debug: false, redactBody });
    for (const entry of planned.calls) {
      const info = module.toRequestInformation(client, { ...entry.call, config: { ...entry.call.config, headers: { ...planned.headers } } }) as RequestInformationLike;
      process.stdout.write(`${whatIfText(command, planned.operation, entry, info, {})}\n`);
    }
    return ExitCode.ok;
  }
  const token = await tokenSource(globals);
  const client = await createClient({ baseUrl: globals.baseUrl, timeoutMs: globals.timeoutMs, debug: globals.debug, token, redactBody });
  let exitCode: number = ExitCode.ok;
  const many = planned.calls.length > 1;
  for (const [index, entry] of planned.calls.entries()) {
    const prefix = many ? `record ${index + 1}/${planned.calls.length} (${entry.label}): ` : '';
    if (planned.confirm && !globals.yes) {
      const yes = await askConfirmation(`Perform ${command.cmdlet ?? command.path.join(' ')} on ${entry.label}?`);
      if (!yes) {
        process.stderr.write(`${prefix}skipped\n`);
        continue;
      }
    }
    const inspection = planned.responseHeadersSink !== undefined ? await createHeadersInspection() : undefined;
    const call: PreparedCall = {
      ...entry.call,
      config: { ...entry.call.config, headers: { ...planned.headers }, ...(inspection && { options: [inspection.option] }) },
    };
    try {
      const result = await module.send(client, call);
      if (inspection && planned.responseHeadersSink !== undefined) writeResponseHeaders(planned.responseHeadersSink, inspection.responseHeaders());
      const output = planned.passThru ? true : fromClientModel(result, planned.operation.success.schema, command.$defs);
      await printResult(output, globals.output, globals.query, globals.color);
      if (many) process.stderr.write(`${prefix}ok\n`);
    } catch (error) {
      if (error instanceof AuthError || error instanceof UsageError) throw error;
      if (inspection && planned.responseHeadersSink !== undefined) {
        const headers = inspection.responseHeaders();
        if (Object.keys(headers).length > 0) writeResponseHeaders(planned.responseHeadersSink, headers);
      }
      const code = reportFailure(error, prefix);
      if (exitCode === ExitCode.ok) exitCode = code;
    }
  }
  return exitCode;
}
