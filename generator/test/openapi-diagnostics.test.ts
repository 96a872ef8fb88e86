import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/diagnostics/index.js';
import { loadOpenApiDocument } from '../src/sources/openapi/index.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/openapi/${name}`, import.meta.url));

async function onlyError(file: string) {
  const { document, diagnostics } = await loadOpenApiDocument(file);
  expect(document).toBeUndefined();
  expect(diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toHaveLength(1);
  const [error] = diagnostics;
  expect(error?.severity).toBe('error');
  expect(error?.hint).toBeTruthy();
  expect(formatDiagnostic(error!)).not.toContain('\n');
  return error!;
}

describe('loadOpenApiDocument: malformed input', () => {
  it('reports broken YAML once, at the parser position', async () => {
    const file = fixture('malformed/broken.yaml');
    const error = await onlyError(file);
    expect(error).toMatchObject({ code: 'openapi/parse-error', file, line: 9, column: 1 });
    expect(error.message).toMatch(/^Invalid YAML: /);
  });

  it('reports broken JSON with JSON wording', async () => {
    const file = fixture('malformed/broken.json');
    const error = await onlyError(file);
    expect(error).toMatchObject({ code: 'openapi/parse-error', file, line: 5, column: 5 });
    expect(error.message).toMatch(/^Invalid JSON: Missing ,/);
  });

  it('reports a dangling $ref at the line of the $ref, naming the missing target', async () => {
    const file = fixture('malformed/dangling.yaml');
    const error = await onlyError(file);
    expect(error).toMatchObject({ code: 'openapi/dangling-ref', file, line: 15, column: 17 });
    expect(error.message).toContain("'#/components/schemas/Thing'");
    expect(error.message).toContain("there is no '/components/schemas/Thing'");
    expect(error.message).toContain("'/components/schemas' exists");
  });

  it('reports a $ref cycle once', async () => {
    const file = fixture('malformed/cycle.yaml');
    const error = await onlyError(file);
    expect(error).toMatchObject({ code: 'openapi/ref-cycle', file, line: 19 });
    expect(error.message).toContain('#/components/schemas/A → #/components/schemas/B → #/components/schemas/A');
  });

  it('reports a missing entry file', async () => {
    const file = fixture('malformed/does-not-exist.yaml');
    const error = await onlyError(file);
    expect(error).toMatchObject({ code: 'openapi/file-not-found', file });
  });

  it('reports a $ref to a missing file at the $ref', async () => {
    const file = fixture('malformed/missing-ref-file.yaml');
    const error = await onlyError(file);
    expect(error).toMatchObject({ code: 'openapi/file-not-found', file, line: 11, column: 11 });
    expect(error.message).toContain('nowhere.yaml');
  });

  it('rejects Swagger 2.0, documents without paths and non-OpenAPI YAML', async () => {
    expect(await onlyError(fixture('malformed/swagger.yaml'))).toMatchObject({ code: 'openapi/unsupported-version', line: 1, column: 1 });
    expect(await onlyError(fixture('malformed/no-paths.yaml'))).toMatchObject({ code: 'openapi/missing-paths', line: 1 });
    expect(await onlyError(fixture('malformed/not-openapi.yaml'))).toMatchObject({ code: 'openapi/not-openapi', line: 1 });
  });
});

describe('loadOpenApiDocument: odd but usable input', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'mgkit-openapi-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  async function loadText(name: string, text: string) {
    const file = join(directory, name);
    await writeFile(file, text);
    return { file, ...(await loadOpenApiDocument(file)) };
  }

  it('disambiguates duplicate operationIds in sorted order and synthesises missing ones', async () => {
    const file = fixture('duplicate-ids.yaml');
    const { document, diagnostics } = await loadOpenApiDocument(file);
    expect(document?.operations.map((operation) => [operation.key, operation.operationId])).toEqual([
      ['GET /a', 'things_get'],
      ['POST /a', 'things_get_3'],
      ['GET /b', 'things_get_4'],
      ['GET /c', 'things_get_2'],
      ['DELETE /d/{d-id}', 'delete_d_d-id'],
    ]);
    expect(diagnostics.map((diagnostic) => [diagnostic.severity, diagnostic.code, diagnostic.line])).toEqual([
      ['warning', 'openapi/duplicate-operation-id', 19],
      ['warning', 'openapi/duplicate-operation-id', 8],
      ['warning', 'openapi/missing-operation-id', 30],
    ]);
    expect(diagnostics[1]?.message).toContain(`already used by GET /a (${file}:14:7)`);
  });

  it('accepts a numeric openapi version with a warning', async () => {
    const { document, diagnostics } = await loadText('numeric.yaml', 'openapi: 3.1\ninfo: {title: T, version: "1"}\npaths: {}\n');
    expect(document?.openapiVersion).toBe('3.1');
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['openapi/version-not-string']);
  });

  it('takes a numeric info.version with a warning', async () => {
    const { document, diagnostics } = await loadText('info.yaml', "openapi: '3.0.3'\ninfo:\n  title: T\n  version: 2\npaths: {}\n");
    expect(document?.version).toBe('2');
    expect(diagnostics).toMatchObject([{ code: 'openapi/version-not-string', line: 4, column: 3 }]);
  });

  it('rejects OpenAPI versions other than 3.x', async () => {
    const { document, diagnostics } = await loadText('v4.yaml', "openapi: '4.0.0'\ninfo: {title: T, version: '1'}\npaths: {}\n");
    expect(document).toBeUndefined();
    expect(diagnostics).toMatchObject([{ code: 'openapi/unsupported-version', line: 1, column: 1 }]);
  });

  it('warns about missing info and skips unusable parameters', async () => {
    const { document, diagnostics } = await loadText(
      'odd.yaml',
      [
        "openapi: '3.0.3'",
        'paths:',
        '  /x/{id}:',
        '    get:',
        '      operationId: x',
        '      parameters:',
        '        - name: id',
        '          in: path',
        '        - in: query',
        '      responses: {}',
      ].join('\n'),
    );
    expect(document?.operations[0]?.parameters).toMatchObject([{ name: 'id', in: 'path', required: true }]);
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.line])).toEqual([
      ['openapi/missing-info', 1],
      ['openapi/optional-path-parameter', 7],
      ['openapi/invalid-parameter', 9],
    ]);
  });

  it('accepts YAML aliases but rejects a circular one', async () => {
    const head = "openapi: '3.0.3'\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n";
    const shared = await loadText('alias.yaml', `${head}    A: &shared {type: string}\n    B: *shared\n`);
    expect(shared.diagnostics).toEqual([]);
    expect(shared.document?.schemaNames).toEqual(['A', 'B']);
    expect(shared.document?.locate({ file: shared.file, pointer: '/components/schemas/B' })?.line).toBe(7);
    const circular = await loadText('circular.yaml', `${head}    A: &loop\n      items: *loop\n`);
    expect(circular.document).toBeUndefined();
    expect(circular.diagnostics).toMatchObject([{ code: 'openapi/parse-error', line: 7, column: 14 }]);
    expect(circular.diagnostics[0]?.message).toContain('*loop');
  });

  it('reports a remote $ref as unsupported', async () => {
    const { diagnostics } = await loadText('remote.yaml', "openapi: '3.0.3'\ninfo: {title: T, version: '1'}\npaths:\n  /x:\n    $ref: 'https://example.com/x.yaml#/paths/~1x'\n");
    expect(diagnostics).toMatchObject([{ code: 'openapi/unsupported-ref', line: 5, column: 5 }]);
  });
});
