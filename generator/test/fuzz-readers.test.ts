/**
 * Fuzzing both readers with fast-check: mutated platyPS help and mutated OpenAPI descriptions
 * (bytes inserted, ranges deleted, lines duplicated or swapped) must give a result with
 * diagnostics, never a thrown error or a hang. `npm test` runs a short pass; `npm run fuzz`
 * runs 10,000 cases per reader (MGKIT_FUZZ_RUNS).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCmdletHelp } from '../src/sources/cmdlets/index.js';
import { loadOpenApiDocument } from '../src/sources/openapi/index.js';
import { specsDir } from './helpers/paths.js';

const RUNS = Number(process.env['MGKIT_FUZZ_RUNS'] ?? 200);

type Edit =
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'duplicate-line'; readonly at: number }
  | { readonly kind: 'swap-lines'; readonly at: number; readonly with: number };

const fragment = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(
    '\n',
    '```',
    '---',
    '## ',
    '$ref: ',
    '"#/components/schemas/x"',
    '{{ }}',
    '\u0000',
    '\u001b]0;x\u0007',
    ': [',
    '- ',
    '  ',
    '\t',
    '*/',
    '/*',
    '<script>',
    '\\',
    '&anchor',
    '*anchor',
    '!!binary',
  ),
);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fragment }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), with: fc.nat() }),
);

function mutate(text: string, edits: readonly Edit[]): string {
  let result = text;
  for (const change of edits) {
    const lines = result.split('\n');
    switch (change.kind) {
      case 'insert': {
        const at = change.at % (result.length + 1);
        result = result.slice(0, at) + change.text + result.slice(at);
        break;
      }
      case 'delete': {
        const at = change.at % (result.length + 1);
        result = result.slice(0, at) + result.slice(at + change.length);
        break;
      }
      case 'duplicate-line': {
        const at = change.at % lines.length;
        lines.splice(at, 0, lines[at] ?? '');
        result = lines.join('\n');
        break;
      }
      case 'swap-lines': {
        const a = change.at % lines.length;
        const b = change.with % lines.length;
        [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
        result = lines.join('\n');
        break;
      }
    }
  }
  return result;
}

let help = '';
let description = '';
let work = '';
beforeAll(async () => {
  help = await readFile(path.join(specsDir, 'cmdlets/Get-MgApplicationSynchronizationAccessToken.md'), 'utf8');
  description = await readFile(path.join(specsDir, 'openapi/acquireAccessToken.yaml'), 'utf8');
  work = await mkdtemp(path.join(os.tmpdir(), 'mgkit-fuzz-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe(`fuzz (${RUNS} cases per reader)`, () => {
  it('the platyPS reader returns diagnostics for any mutated help file, never throws', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        const result = parseCmdletHelp(mutate(help, edits), 'fuzz.md');
        expect(Array.isArray(result.diagnostics)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('the OpenAPI reader returns diagnostics for any mutated description, never throws', async () => {
    let index = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 8 }), async (edits) => {
        const file = path.join(work, `case-${index++ % 8}.yaml`);
        await writeFile(file, mutate(description, edits));
        const result = await loadOpenApiDocument(file);
        expect(Array.isArray(result.diagnostics)).toBe(true);
        // a document comes with no errors, and errors come with no document
        expect(result.document === undefined || result.diagnostics.every((diagnostic) => diagnostic.severity !== 'error')).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
