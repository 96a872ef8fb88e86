/**
 * The help reader's fast paths give what the general path gives:
 * - a file decoded line by line (one-byte strings where it can) has the lines of its UTF-8 text;
 * - simple front matter read without the YAML parser has the parser's values;
 * - NOTES trees found again by their lines are the trees those lines give, even when another tree
 *   has the same header and the same length.
 */
import fc from 'fast-check';
import { isMap, isScalar, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { simpleFrontMatter } from '../src/sources/cmdlets/front-matter.js';
import { readComplexParameters, SharedProperties } from '../src/sources/cmdlets/notes.js';
import { yamlNodeText } from '../src/sources/cmdlets/yaml-values.js';
import { decodeUtf8Lines } from '../src/sources/text-encoding.js';

const linesOfText = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');

describe('decodeUtf8Lines', () => {
  it('gives the lines of the UTF-8 text, for any text (accents, emoji, CRLF, a byte order mark)', () => {
    const pieces = fc.constantFrom('a', 'Get-MgDrive', ' ', '\n', '\r\n', '\r', '’', '–', 'é', '\u00a0', '😀', 'ÿ', '\u0080', '\uFEFF', '\t');
    fc.assert(
      fc.property(fc.boolean(), fc.array(pieces, { maxLength: 60 }), (bom, parts) => {
        const text = (bom ? '\uFEFF' : '') + parts.join('');
        const decoded = decodeUtf8Lines(Buffer.from(text, 'utf8'), 'x.md', 'cmdlet');
        expect(decoded.lines).toEqual(linesOfText(text));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps lines of Latin-1 characters at one byte each, and decodes the others as UTF-8', () => {
    const text = 'plain line\nit’s – here\nlast é';
    const { lines } = decodeUtf8Lines(Buffer.from(text, 'utf8'), 'x.md', 'cmdlet');
    expect(lines).toEqual(['plain line', 'it’s – here', 'last é']);
  });

  it('reports a file that is not UTF-8, with its line, as decodeUtf8 does', () => {
    const bytes = Buffer.concat([Buffer.from('one\ntwo '), Buffer.from([0xe9]), Buffer.from(' three\n')]);
    const decoded = decodeUtf8Lines(bytes, 'Get-X.md', 'cmdlet');
    expect(decoded.lines).toBeUndefined();
    expect(decoded.diagnostic).toMatchObject({ code: 'cmdlet/encoding', file: 'Get-X.md', line: 2, column: 5 });
  });
});

/** What the YAML parser gives for front matter, as front-matter.ts reads it. */
function valuesFromParser(yaml: string): Record<string, string> {
  const document = parseDocument(yaml, { uniqueKeys: false });
  const values: Record<string, string> = {};
  if (!isMap(document.contents)) return values;
  for (const pair of document.contents.items) if (isScalar(pair.key)) values[String(pair.key.value)] = yamlNodeText(pair.value);
  return values;
}

describe('simple front matter', () => {
  it('reads platyPS front matter as the YAML parser does', () => {
    const yaml = 'external help file:\nModule Name: Microsoft.Graph.Files\nonline version: https://learn.microsoft.com/powershell/module/microsoft.graph.files/get-mgdrive\nschema: 2.0.0';
    expect(simpleFrontMatter(yaml)).toEqual(valuesFromParser(yaml));
    expect(simpleFrontMatter(yaml)).toMatchObject({ 'external help file': '', schema: '2.0.0' });
  });

  it('gives the parser’s values or leaves the text to the parser, for any lines', () => {
    const keys = fc.constantFrom('schema', 'Module Name', 'online version', 'aliases', 'a-b.c', 'x');
    const values = fc.constantFrom(
      '',
      '2.0.0',
      'true',
      '~',
      'null',
      'NULL',
      '12',
      'a: b',
      'x #c',
      "'quoted'",
      '"q"',
      '[a, b]',
      '- item',
      'https://x/y?z=1',
      'a:b',
      'ends:',
      '&anchor',
      '*ref',
      '|',
      '>',
      '!tag',
      '  spaced  ',
      'it’s',
    );
    const line = fc.oneof(
      fc.tuple(keys, values).map(([key, value]) => `${key}: ${value}`),
      fc.constantFrom('', '  indented: 1', '# comment', 'no colon', ':', 'key:value'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), (lines) => {
        const yaml = lines.join('\n');
        const simple = simpleFrontMatter(yaml);
        if (simple !== undefined) expect(simple).toEqual(valuesFromParser(yaml));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('NOTES trees shared between files', () => {
  it('reads a tree whose header and length match an earlier one but whose lines differ', () => {
    const shared = new SharedProperties();
    const first = readComplexParameters(['BODYPARAMETER <IBody>: .', '  [Name <String>]: first'], shared);
    const second = readComplexParameters(['BODYPARAMETER <IBody>: .', '  [Name <String>]: other'], shared);
    const again = readComplexParameters(['BODYPARAMETER <IBody>: .', '  [Name <String>]: first'], shared);
    expect(first[0]?.properties[0]?.description).toBe('first');
    expect(second[0]?.properties[0]?.description).toBe('other');
    expect(again[0]).toBe(first[0]);
  });
});
