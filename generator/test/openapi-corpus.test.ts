import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOpenApiDocument } from '../src/sources/openapi/index.js';
import type { Diagnostic } from '../src/diagnostics/index.js';
import type { OpenApiDocument } from '../src/sources/openapi/index.js';
import { walkRefsFrom } from './fixtures/openapi/helpers.js';

const corpusFile = fileURLToPath(new URL('../../../shared/corpus/graph-powershell-2023/openapi/Applications.beta.yml', import.meta.url));
const corpusPresent = existsSync(corpusFile);
if (!corpusPresent) console.log(`skipping the OpenAPI corpus tests: ${corpusFile} is absent`);

describe.skipIf(!corpusPresent)('loadOpenApiDocument: Applications.beta.yml corpus (747 KB)', () => {
  let document: OpenApiDocument;
  let diagnostics: Diagnostic[];

  beforeAll(async () => {
    const result = await loadOpenApiDocument(corpusFile);
    diagnostics = result.diagnostics;
    document = result.document!;
  });

  it('loads without errors', () => {
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(document).toBeDefined();
  });

  it('indexes 192 paths and 310 operations with unique ids', () => {
    expect(new Set(document.operations.map((operation) => operation.path)).size).toBe(192);
    expect(Object.keys(document.root.paths as object)).toHaveLength(192);
    expect(document.operations).toHaveLength(310);
    expect(new Set(document.operations.map((operation) => operation.operationId)).size).toBe(310);
    expect(document.schemaNames.length).toBeGreaterThan(0);
  });

  it('reports the two duplicated operationIds and disambiguates them', () => {
    const duplicates = diagnostics.filter((diagnostic) => diagnostic.code === 'openapi/duplicate-operation-id');
    expect(duplicates).toHaveLength(2);
    expect(diagnostics).toEqual(duplicates);
    for (const warning of duplicates) {
      expect(warning).toMatchObject({ severity: 'warning', file: corpusFile });
      expect(warning.message).toMatch(/Applications\.beta\.yml:\d+:7\)/);
    }
    expect(duplicates.map((warning) => warning.line)).toEqual([2741, 14067]);
    const renamed = document.operations.filter((operation) => operation.operationId !== operation.declaredOperationId);
    expect(renamed.map((operation) => [operation.operationId, operation.path])).toEqual([
      ['applications.synchronization.jobs_validateCredentials_2', '/applications/{application-id}/synchronization/jobs/{synchronizationJob-id}/microsoft.graph.validateCredentials'],
      ['servicePrincipals.synchronization.jobs_validateCredentials_2', '/servicePrincipals/{servicePrincipal-id}/synchronization/jobs/{synchronizationJob-id}/microsoft.graph.validateCredentials'],
    ]);
  });

  it('resolves every $ref', () => {
    const refs = walkRefsFrom(document, document.root, { file: document.file, pointer: '' });
    console.log(`walked and resolved ${refs.length} $ref objects`);
    expect(refs).toHaveLength(1231); // `grep -cE "^\s*(- )?\$ref:"` on the file
    expect(refs.every((ref) => ref.target.file === corpusFile)).toBe(true);
  });

  it('lifts x-ms-pageable and x-ms-docs-operation-type', () => {
    const list = document.operations.find((operation) => operation.key === 'GET /applications');
    expect(list?.pageable).toEqual({ nextLinkName: '@odata.nextLink', operationName: 'listMore' });
    expect(list?.operationType).toBe('operation');
    expect(list?.parameters.map((parameter) => parameter.name)).toContain('$top');
  });

  it('locates operations lazily and quickly', () => {
    const lines = document.operations.map((operation) => document.locate(operation.address)?.line);
    console.log(`located ${lines.length} operations`);
    expect(lines.every((line) => typeof line === 'number' && line > 0)).toBe(true);
    const list = document.operations.find((operation) => operation.key === 'GET /applications')!;
    expect(document.locate(list.address)?.line).toBe(10);
  });
});
