/**
 * Descriptions are read by js-yaml where it gives what `yaml` gives (src/sources/openapi/fast-parse.ts):
 * the same values, the written order of integer-like keys, the same positions for diagnostics;
 * and whatever it might read differently goes `yaml`'s way.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { parseFast } from '../src/sources/openapi/fast-parse.js';
import { NodeLocator } from '../src/sources/openapi/node-locator.js';
import { parseSourceText } from '../src/sources/openapi/parse-file.js';
import { corpusAvailable, corpusOpenApi, projectRoot, specsDir } from './helpers/paths.js';

/** What the `yaml` path gives: the values, and a locator over its document. */
function readWithYaml(text: string) {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  expect(document.errors).toEqual([]);
  return { value: document.toJS() as unknown, locator: new NodeLocator(document, lineCounter) };
}

function isStrictJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Every pointer of a value, with its object when it is a mapping. */
function* pointers(value: unknown, pointer = ''): Generator<[string, unknown]> {
  yield [pointer, value];
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) yield* pointers(child, `${pointer}/${Array.isArray(value) ? key : key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
}

/** The fast path agrees with `yaml` on values, key order and (a sample of) positions. */
function expectSameAsYaml(text: string, json = false): void {
  const fast = parseFast(text, json);
  expect(fast, 'takes the fast path').toBeDefined();
  const slow = readWithYaml(text);
  expect(JSON.stringify(fast?.value)).toBe(JSON.stringify(slow.value));
  const all = [...pointers(fast?.value)];
  const step = Math.max(1, Math.floor(all.length / 2000));
  for (let index = 0; index < all.length; index += 1) {
    const [pointer, object] = all[index] ?? [];
    if (pointer === undefined) continue;
    if (object !== null && typeof object === 'object' && !Array.isArray(object) && Object.keys(object).some((key) => /^\d+$/.test(key))) {
      expect(fast?.locator.keysInOrder(pointer, object), pointer).toEqual(slow.locator.keysInOrder(pointer));
    }
    if (index % step === 0) expect(fast?.locator.locate(pointer), pointer).toEqual(slow.locator.locate(pointer));
  }
}

const EDGE_CASES = `
openapi: 3.0.4
info: { title: "edge", version: '1.0' }
scalars:
  octal: 0o17
  hex: 0x1F
  underscored: 1_000
  binary: 0b101
  infinite: -.Inf
  exponent: 1e3
  signed: +12
  leadingZero: 012
  trailingDot: 1.
  tilde: ~
  upperNull: NULL
  upperTrue: TRUE
  yes11: yes
  date: 2023-01-01
  big: 12345678901234567890
keys:
  ~: null key
  0x10: hex key
  1.0: float key
  true: bool key
  '__proto__': { polluted: true }
  toString: 3
responses:
  '404': not found
  default: other
  '200': ok
  2XX: success
  '201': created
text:
  folded: >-
    one
    two
  literal: |+
    kept

  quoted: "tab\\tescape \\u00e9 \\x41"
  single: 'it''s'
  multiline: plain text
    on two lines
  empty:
list:
  -
  - - nested
  - { flow: [1, 2] }
`;

describe('descriptions read by js-yaml, as yaml reads them', () => {
  it('edge cases: core-schema scalars and keys, __proto__, integer-like keys in written order, block and quoted scalars, empty values', () => {
    expectSameAsYaml(EDGE_CASES);
    const fast = parseFast(EDGE_CASES, false);
    const value = fast?.value as Record<string, Record<string, unknown>>;
    expect(Object.hasOwn(value['keys'] ?? {}, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(value['keys'])).toBe(Object.prototype);
    expect(fast?.locator.keysInOrder('/responses', value['responses'] ?? {})).toEqual(['404', 'default', '200', '2XX', '201']);
    expect(Object.keys(value['responses'] ?? {})).toEqual(['200', '201', '404', 'default', '2XX']);
  });

  it('the project description and the JSON and YAML fixtures', () => {
    const fixtures = path.join(projectRoot, 'generator/test/fixtures');
    const files = [
      ...readdirSync(path.join(specsDir, 'openapi')).map((name) => path.join(specsDir, 'openapi', name)),
      ...readdirSync(fixtures, { recursive: true, encoding: 'utf8' })
        .filter((name) => /\.(?:ya?ml|json)$/.test(name))
        .map((name) => path.join(fixtures, name)),
    ];
    let fastOnes = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const json = file.endsWith('.json');
      // fixtures of bad input are the `yaml` path's to report
      if (json && !isStrictJson(text)) continue;
      if (!parseFast(text, json) || parseDocument(text, { uniqueKeys: false }).errors.length > 0) continue;
      expectSameAsYaml(text, json);
      fastOnes += 1;
    }
    expect(fastOnes).toBeGreaterThanOrEqual(10);
  });

  it.skipIf(!corpusAvailable())('the Applications beta module (3 MB)', () => {
    expectSameAsYaml(readFileSync(corpusOpenApi, 'utf8'));
  });

  it('whatever js-yaml might read differently, or not at all, goes the yaml way, with its diagnostics', () => {
    const base = 'openapi: 3.0.4\ninfo: { title: t, version: "1" }\npaths: {}\n';
    const slow = {
      tag: `${base}x: !!str 1\n`,
      anchor: `${base}a: &x 1\nb: *x\n`,
      directive: `%YAML 1.2\n---\n${base}`,
      flowEndAtLineStart: `${base}x: [1,\n]\n`,
      duplicateKey: `${base}paths: {}\n`,
      numberAndStringKey: `${base}m:\n  1: a\n  '1': b\n`,
      collectionKey: `${base}? [a]\n: b\n`,
      empty: '',
    };
    for (const [name, text] of Object.entries(slow)) expect(parseFast(text, false), name).toBeUndefined();
    const duplicate = parseSourceText(slow.duplicateKey, 'dup.yaml');
    expect(duplicate.parsed).toBeUndefined();
    expect(duplicate.diagnostics).toMatchObject([{ code: 'openapi/parse-error', file: 'dup.yaml', line: 4, message: expect.stringContaining("'paths' appears twice") }]);
  });

  it('a warning on a description read the fast way still names its line', () => {
    const text =
      'openapi: 3.0.4\ninfo:\n  title: t\n  version: "1"\npaths:\n  /a:\n    get:\n      operationId: same\n      responses: { "200": { description: ok } }\n  /b:\n    get:\n      operationId: same\n      responses: { "200": { description: ok } }\n';
    const parsed = parseSourceText(text, 'warn.yaml').parsed;
    expect(parsed?.locator.locate('/paths/~1b/get/operationId')).toEqual({ line: 12, column: 7 });
  });
});
