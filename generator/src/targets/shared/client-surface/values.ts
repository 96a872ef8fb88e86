import type { TypeRef } from '../../../model/index.js';

/** The TypeScript type the client declares for a string of each OpenAPI format (Kiota's). */
export const STRING_FORMAT_TYPES: Readonly<Record<string, 'Date' | 'DateOnly' | 'TimeOnly' | 'Duration' | 'Guid' | 'ArrayBuffer'>> = {
  'date-time': 'Date',
  date: 'DateOnly',
  time: 'TimeOnly',
  duration: 'Duration',
  uuid: 'Guid',
  byte: 'ArrayBuffer',
  base64url: 'ArrayBuffer',
};

/** A type as the client declares it: `SynchronizationSecretKeyStringValuePair[]`, `Date`, `number`. */
export function typeScriptType(type: TypeRef): string {
  switch (type.kind) {
    case 'named':
      return type.name;
    case 'collection':
      return `${typeScriptType(type.items)}[]`;
    case 'map':
      return `Record<string, ${typeScriptType(type.values)}>`;
    case 'union':
      return type.members.map(typeScriptType).join(' | ');
    case 'primitive':
      if (type.primitive === 'string') return (type.format !== undefined && STRING_FORMAT_TYPES[type.format]) || 'string';
      if (type.primitive === 'integer' || type.primitive === 'number') return 'number';
      return type.primitive === 'boolean' ? 'boolean' : 'unknown';
  }
}

/**
 * How TypeScript code writes a string value of an OpenAPI format, as the client types it
 * (`format: date-time` is a `Date`, `date` a Kiota `DateOnly`, …). The client target declares
 * these types; examples (the docs' TypeScript tabs) must construct them, not pass strings.
 */
export interface TypeScriptValue {
  readonly code: string;
  /** A value the code needs from the Kiota runtime (`DateOnly`). */
  readonly runtimeImport?: string;
}

const KIOTA_PARSED: Readonly<Record<string, string>> = { date: 'DateOnly', time: 'TimeOnly', duration: 'Duration' };

export function typeScriptStringValue(value: string, format: string | undefined): TypeScriptValue {
  const literal = JSON.stringify(value);
  if (format === 'date-time') return { code: `new Date(${literal})` };
  if (format === 'byte' || format === 'base64url' || format === 'binary') return { code: `new TextEncoder().encode(${literal}).buffer` };
  const parsed = format === undefined ? undefined : KIOTA_PARSED[format];
  return parsed ? { code: `${parsed}.parse(${literal})`, runtimeImport: parsed } : { code: literal };
}
