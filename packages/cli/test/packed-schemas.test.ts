/** A module's schemas in a packed build: groups of types, each inflated on the first lookup of one of its types. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packedSchemas } from '../src/runtime/packed-schemas.js';
// @ts-expect-error: a build script, JavaScript without declarations
import { packSchemas } from '../scripts/pack-schemas.mjs';

/** 300 types of about 200 bytes, each referring to the next: several groups of 16 KB. */
function chainOfSchemas(): Record<string, unknown> {
  const schemas: Record<string, unknown> = {};
  for (let index = 0; index < 300; index += 1) {
    schemas[`type${String(index).padStart(3, '0')}`] = {
      type: 'object',
      description: 'x'.repeat(150),
      properties: { next: { $ref: `#/$defs/type${String(index + 1).padStart(3, '0')}` }, name: { type: 'string' } },
    };
  }
  return schemas;
}

function writePack(schemas: Record<string, unknown>): URL {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'mgkit-schemas-')), 'schemas.pack');
  writeFileSync(file, (packSchemas as (schemas: Record<string, unknown>) => Buffer)(schemas));
  return pathToFileURL(file);
}

describe('packed schemas', () => {
  it('give every type back as written, by name, with `in` and the list of names', () => {
    const schemas = chainOfSchemas();
    const packed = packedSchemas(writePack(schemas));
    for (const [name, schema] of Object.entries(schemas)) expect(packed[name]).toEqual(schema);
    expect('type007' in packed).toBe(true);
    expect('missing' in packed).toBe(false);
    expect(packed['missing']).toBeUndefined();
    expect(Object.keys(packed).sort()).toEqual(Object.keys(schemas).sort());
  });

  it('inflate only the group of a type looked up: a damaged other group is never read', () => {
    const file = writePack(chainOfSchemas());
    const bytes = readFileSync(file);
    const headerEnd = bytes.indexOf(0x0a);
    const header = JSON.parse(bytes.subarray(0, headerEnd).toString('utf8')) as { types: Record<string, number>; groups: [number, number][] };
    expect(header.groups.length).toBeGreaterThan(2);
    // the last group's bytes overwritten: its types can no longer be read, the others still can
    const [offset, length] = header.groups.at(-1) ?? [0, 0];
    bytes.fill(0xff, headerEnd + 1 + offset, headerEnd + 1 + offset + length);
    writeFileSync(file, bytes);
    const packed = packedSchemas(file);
    const inFirst = Object.keys(header.types).find((name) => header.types[name] === 0) ?? '';
    const inLast = Object.keys(header.types).find((name) => header.types[name] === header.groups.length - 1) ?? '';
    expect(packed[inFirst]).toMatchObject({ type: 'object' });
    expect(() => packed[inLast]).toThrow();
  });

  it('lay a type out beside those it refers to', () => {
    const file = writePack(chainOfSchemas());
    const bytes = readFileSync(file);
    const header = JSON.parse(bytes.subarray(0, bytes.indexOf(0x0a)).toString('utf8')) as { types: Record<string, number> };
    // type000 → type001 → …: depth first, the chain fills one group after another
    const groups = Object.keys(header.types)
      .sort()
      .map((name) => header.types[name] ?? -1);
    expect(groups).toEqual([...groups].sort((a, b) => a - b));
  });
});
