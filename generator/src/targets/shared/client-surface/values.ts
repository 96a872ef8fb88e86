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
