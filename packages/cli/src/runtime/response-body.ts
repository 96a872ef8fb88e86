/**
 * A response body as the CLI prints it: the wire's JSON, parsed as it was sent. Never through
 * the client's models: Kiota reads `2024-05-01T10:00:00Z` into a Date (printed back as
 * `…00.000Z`), and deserializing needs every model the response type reaches.
 */
import type { JsonSchema } from './definition.js';

/** The value of a response body; undefined for none, or for an operation that declares no response. */
export function responseValue(bytes: ArrayBuffer | undefined, schema: JsonSchema | undefined): unknown {
  if (bytes === undefined || schema === undefined) return undefined;
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === '') return undefined;
  // a text/plain string is not JSON; a text/plain number ($count) is
  const type = schema.type;
  const isString = type === 'string' || (Array.isArray(type) && type.includes('string') && !type.includes('number') && !type.includes('integer'));
  if (isString && !text.trimStart().startsWith('"')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // what the service sent, as it sent it: a 2xx that is not JSON is still its answer
    return text;
  }
}
