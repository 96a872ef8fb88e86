/**
 * Validation of input against the emitted JSON Schema subset, before any request: one problem
 * per line with its JSON path; unknown enum names get the closest valid names.
 */
import { credentialValueIsShown } from '@mgkit/cli-contract';
import type { JsonSchema, JsonType } from './definition.js';
import { closest } from './errors.js';

export type Defs = Readonly<Record<string, JsonSchema>>;

export function resolveSchema(schema: JsonSchema, defs: Defs): JsonSchema {
  let current = schema;
  for (let depth = 0; current.$ref && depth < 32; depth += 1) {
    const target = defs[current.$ref.replace(/^#\/\$defs\//, '')];
    if (!target) break;
    current = { ...target, ...Object.fromEntries(Object.entries(current).filter(([key]) => key !== '$ref')) };
  }
  return current;
}

function typeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}

function typeMatches(expected: JsonType, actual: JsonType): boolean {
  return expected === actual || (expected === 'number' && actual === 'integer');
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/**
 * Sets `key` as an own property. Plain assignment of `__proto__` (a wire name like any other
 * in a JSON body) would replace the object's prototype and drop the value.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The schema of a declared property: own properties only (`constructor` is not declared by `Object`). */
function declaredProperty(properties: Record<string, JsonSchema> | undefined, key: string): JsonSchema | undefined {
  return properties && Object.hasOwn(properties, key) ? properties[key] : undefined;
}

/** Problems found, each `path: message`; empty when valid. */
export function validate(value: unknown, schema: JsonSchema, defs: Defs, path = '', quoteValues = true): string[] {
  const resolved = resolveSchema(schema, defs);
  const where = path || '(root)';
  if (resolved.anyOf) {
    const results = resolved.anyOf.map((member) => validate(value, member, defs, path, quoteValues));
    if (results.some((problems) => problems.length === 0)) return [];
    return results.sort((a, b) => a.length - b.length)[0] ?? [];
  }
  if (resolved.type !== undefined) {
    const expected = Array.isArray(resolved.type) ? resolved.type : [resolved.type as JsonType];
    const actual = typeOf(value);
    if (!expected.some((type) => typeMatches(type, actual))) {
      return [`${where}: expected ${expected.join(' or ')}, got ${actual}${resolved['x-secret'] || !quoteValues ? '' : ` ${describe(value)}`}`];
    }
  }
  if (value === null) return [];
  // bytes travel as base64 (or base64url): anything else would be altered silently on the way
  if (typeof value === 'string' && (resolved.format === 'byte' || resolved.format === 'base64url') && !/^[A-Za-z0-9+/_-]*={0,2}$/.test(value)) {
    return [`${where}: expected base64-encoded bytes${resolved['x-secret'] || !quoteValues ? '' : `, got ${describe(value)}`}`];
  }
  if (resolved.enum && typeof value === 'string' && !resolved.enum.includes(value)) {
    const name = resolved.title ?? 'value';
    const exact = resolved.enum.find((member) => member.toLowerCase() === value.toLowerCase());
    const near = exact ? [exact] : closest(value, resolved.enum);
    const hint = near.length > 0 ? `; did you mean ${near.join(', ')}?` : `; valid names: ${resolved.enum.join(', ')}`;
    return [`${where}: ${quoteValues ? `'${value}' ` : ''}is not a ${name} name${hint}`];
  }
  const problems: string[] = [];
  if (Array.isArray(value) && resolved.items) {
    value.forEach((item, index) => problems.push(...validate(item, resolved.items as JsonSchema, defs, `${path}[${index}]`, quoteValues)));
  }
  if (typeOf(value) === 'object' && (resolved.properties || resolved.additionalProperties !== undefined)) {
    const record = value as Record<string, unknown>;
    const properties = resolved.properties ?? {};
    for (const required of resolved.required ?? []) {
      if (!(required in record)) problems.push(`${path ? `${path}.` : ''}${required}: required`);
    }
    for (const [key, item] of Object.entries(record)) {
      const child = path ? `${path}.${key}` : key;
      const declared = declaredProperty(properties, key);
      if (declared) {
        problems.push(...validate(item, declared, defs, child, quoteValues));
        continue;
      }
      const wrongCase = Object.keys(properties).find((name) => name.toLowerCase() === key.toLowerCase());
      if (wrongCase) {
        problems.push(`${child}: unknown property; did you mean ${wrongCase}? (names are case-sensitive)`);
        continue;
      }
      if (resolved.additionalProperties === false) {
        const near = closest(key, Object.keys(properties));
        problems.push(`${child}: unknown property${near.length ? `; did you mean ${near.join(', ')}?` : ''}`);
      } else if (typeof resolved.additionalProperties === 'object') {
        // an undeclared property may hold anything, a secret too: its value is never quoted
        problems.push(...validate(item, resolved.additionalProperties, defs, child, false));
      }
    }
  }
  return problems;
}

/** Paths of secret values in `value` (per `x-secret`), for redaction. */
export function redactSecrets(value: unknown, schema: JsonSchema | undefined, defs: Defs, mask = '***'): unknown {
  if (!schema) return value;
  const resolved = resolveSchema(schema, defs);
  if (resolved['x-secret'] && value !== null && value !== undefined) return mask;
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, resolved.items, defs, mask));
  if (value && typeof value === 'object') {
    if (resolved.anyOf) {
      const member = resolved.anyOf.find((candidate) => resolveSchema(candidate, defs).type === 'object');
      return redactSecrets(value, member, defs, mask);
    }
    // a credential's value is shown when its key says it is no secret (BaseAddress, UserName…)
    const shown = credentialValueIsShown(value as Record<string, unknown>);
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, shown && key === 'value' ? item : redactSecrets(item, declaredProperty(resolved.properties, key), defs, mask)]),
    );
  }
  return value;
}

/**
 * Converts a wire-shaped value (`@odata.type`, `request-id`) into the Kiota client's model
 * shape: declared properties under their client names, the rest in `additionalData`.
 */
export function toClientModel(value: unknown, schema: JsonSchema | undefined, defs: Defs): unknown {
  if (schema && typeof value === 'string') return toClientScalar(value, resolveSchema(schema, defs).format);
  if (!schema || value === null || typeof value !== 'object') return value;
  const resolved = resolveSchema(schema, defs);
  if (Array.isArray(value)) {
    // a collection of formatted strings is written value by value as it is (Kiota's primitive
    // collections take strings): only objects in it take the model's shape
    return value.map((item) => (typeof item === 'string' ? item : toClientModel(item, resolved.items, defs)));
  }
  if (resolved.anyOf) {
    const member = resolved.anyOf.find((candidate) => resolveSchema(candidate, defs).type === 'object');
    return toClientModel(value, member, defs);
  }
  if (!resolved.properties) return value;
  const model: Record<string, unknown> = {};
  const additional: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const declared = declaredProperty(resolved.properties, key);
    if (declared) setOwn(model, declared['x-name'] ?? key, toClientModel(item, declared, defs));
    else setOwn(additional, key, item);
  }
  if (Object.keys(additional).length > 0) model['additionalData'] = additional;
  return model;
}

/**
 * A string of a formatted property as the Kiota model holds it: bytes (`byte`, `base64url`) as
 * an ArrayBuffer, which the serializer encodes; a date or duration as an object whose
 * `toISOString()`/`toString()` (what the serializer calls) give back the text exactly as typed.
 */
function toClientScalar(value: string, format: string | undefined): unknown {
  switch (format) {
    case 'byte':
    case 'base64url': {
      const bytes = Buffer.from(value, 'base64');
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    }
    case 'date-time':
      return { toISOString: () => value, toString: () => value, toJSON: () => value };
    case 'date':
    case 'time':
    case 'duration':
      return { toString: () => value, toJSON: () => value };
    default:
      return value;
  }
}
