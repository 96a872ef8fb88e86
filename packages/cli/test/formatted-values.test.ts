/**
 * Formatted string properties between the command line and the Kiota models: the serializer
 * calls `toISOString()` on a date-time, `toString()` on a date, time or duration, and base64-
 * encodes an ArrayBuffer. A value typed on the command line reaches the wire exactly as typed,
 * bytes are not encoded twice, and a response prints as the wire had it.
 */
import { JsonSerializationWriter } from '@microsoft/kiota-serialization-json';
import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../src/runtime/definition.js';
import { responseValue } from '../src/runtime/response-body.js';
import { toClientModel, validate } from '../src/runtime/validate.js';

const schema: JsonSchema = {
  type: 'object',
  properties: {
    when: { type: 'string', format: 'date-time' },
    day: { type: 'string', format: 'date' },
    length: { type: 'string', format: 'duration' },
    logo: { type: 'string', format: 'base64url' },
    name: { type: 'string' },
  },
};

describe('formatted values between the CLI and the Kiota models', () => {
  it('reach the wire as typed: dates and durations untouched, bytes base64-encoded once', () => {
    const model = toClientModel({ when: '2024-05-01T10:00:00Z', day: '2024-05-01', length: 'PT1H30M', logo: 'iVBORw0KGgo=', name: 'x' }, schema, {}) as Record<string, never>;
    const writer = new JsonSerializationWriter();
    writer.writeObjectValue('', model, (w, value) => {
      w.writeDateValue('when', (value as Record<string, never>)['when']);
      w.writeDateOnlyValue('day', (value as Record<string, never>)['day']);
      w.writeDurationValue('length', (value as Record<string, never>)['length']);
      w.writeByteArrayValue('logo', (value as Record<string, never>)['logo']);
      w.writeStringValue('name', (value as Record<string, never>)['name']);
    });
    const wire = JSON.parse(new TextDecoder().decode(writer.getSerializedContent())) as Record<string, unknown>;
    expect(wire).toEqual({ when: '2024-05-01T10:00:00Z', day: '2024-05-01', length: 'PT1H30M', logo: 'iVBORw0KGgo=', name: 'x' });
  });

  it('print from a response as the wire had them: its JSON is never read into the models', () => {
    const wire = '{"when":"2024-05-01T10:00:00Z","day":"2024-05-01","length":"PT1H30M","logo":"iVBORw0KGgo=","name":"x","extra":{"n":1}}';
    const bytes = new TextEncoder().encode(wire).buffer;
    expect(JSON.stringify(responseValue(bytes, { $ref: '#/$defs/thing' }))).toBe(wire);
    expect(responseValue(bytes, undefined)).toBeUndefined();
    expect(responseValue(new ArrayBuffer(0), { $ref: '#/$defs/thing' })).toBeUndefined();
  });

  it('a text/plain answer: a number ($count) is a number, a string stays the text as sent', () => {
    const text = (value: string) => new TextEncoder().encode(value).buffer;
    expect(responseValue(text('3'), { type: 'integer' })).toBe(3);
    expect(responseValue(text('123'), { type: 'string' })).toBe('123');
    expect(responseValue(text('"quoted"'), { type: 'string' })).toBe('quoted');
    expect(responseValue(text('<html>not json</html>'), { $ref: '#/$defs/thing' })).toBe('<html>not json</html>');
  });

  it('bytes must be base64: anything else is a validation error, not silently altered', () => {
    expect(validate({ logo: 'iVBORw0KGgo=' }, schema, {})).toEqual([]);
    expect(validate({ logo: 'not base64!' }, schema, {})).toEqual(['logo: expected base64-encoded bytes, got "not base64!"']);
  });

  it('a collection of formatted strings stays strings (Kiota writes primitive collections value by value)', () => {
    const listSchema: JsonSchema = { type: 'object', properties: { days: { type: 'array', items: { type: 'string', format: 'date' } } } };
    expect(toClientModel({ days: ['2024-05-01', '2024-05-02'] }, listSchema, {})).toEqual({ days: ['2024-05-01', '2024-05-02'] });
  });
});
