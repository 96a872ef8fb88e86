import type { JsonObject, JsonValue } from './types.js';

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringField(object: JsonObject, key: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' ? value : undefined;
}

export function booleanField(object: JsonObject, key: string): boolean | undefined {
  const value = object[key];
  return typeof value === 'boolean' ? value : undefined;
}

export function objectField(object: JsonObject, key: string): JsonObject | undefined {
  const value = object[key];
  return isJsonObject(value) ? value : undefined;
}

/** `{ $ref: '...' }` — the only shape treated as a reference. */
export function isRefObject(value: JsonValue | undefined): value is JsonObject & { $ref: string } {
  return isJsonObject(value) && typeof value.$ref === 'string';
}

/** Own-property lookup, so keys like `constructor` or `__proto__` never reach the prototype. */
export function childOf(value: JsonValue, segment: string): JsonValue | undefined {
  if (Array.isArray(value)) {
    return /^(0|[1-9][0-9]*)$/.test(segment) ? value[Number(segment)] : undefined;
  }
  if (isJsonObject(value) && Object.hasOwn(value, segment)) return value[segment];
  return undefined;
}

export function describeJsonKind(value: JsonValue | undefined): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
}

/** Drops `undefined` members so optional fields are absent rather than present-but-undefined. */
export function withoutUndefined<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}
