import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { appendPointer, loadOpenApiDocument } from '../src/sources/openapi/index.js';
import type { JsonObject, OpenApiDocument, OpenApiOperation } from '../src/sources/openapi/index.js';
import { withoutAddressFiles } from './fixtures/openapi/helpers.js';

const specFile = fileURLToPath(new URL('../../specs/openapi/acquireAccessToken.yaml', import.meta.url));
const applicationPath = '/applications/{application-id}/synchronization/microsoft.graph.acquireAccessToken';
const servicePrincipalPath = '/servicePrincipals/{servicePrincipal-id}/synchronization/microsoft.graph.acquireAccessToken';

async function loadOrFail(file: string): Promise<OpenApiDocument> {
  const { document, diagnostics } = await loadOpenApiDocument(file);
  expect(diagnostics).toEqual([]);
  if (!document) throw new Error(`no document for ${file}`);
  return document;
}

function operationAt(document: OpenApiDocument, path: string): OpenApiOperation {
  const operation = document.operations.find((candidate) => candidate.path === path);
  if (!operation) throw new Error(`no operation for ${path}`);
  return operation;
}

describe('loadOpenApiDocument: acquireAccessToken.yaml', () => {
  let document: OpenApiDocument;
  beforeAll(async () => {
    document = await loadOrFail(specFile);
  });

  it('reads the header and servers', () => {
    expect(document.openapiVersion).toBe('3.0.1');
    expect(document.title).toBe('Applications');
    expect(document.version).toBe('v1.0');
    expect(document.servers[0]?.url).toBe('https://graph.microsoft.com/v1.0/');
    expect(document.files).toEqual([specFile]);
    expect(document.schemaNames).toEqual([
      'microsoft.graph.synchronizationSecretKeyStringValuePair',
      'microsoft.graph.synchronizationSecret',
      'microsoft.graph.ODataErrors.ODataError',
      'microsoft.graph.ODataErrors.MainError',
      'microsoft.graph.ODataErrors.ErrorDetails',
      'microsoft.graph.ODataErrors.InnerError',
    ]);
  });

  it('indexes both POST operations with keys and paths exactly as written', () => {
    expect(document.operations.map((operation) => operation.key)).toEqual([`POST ${applicationPath}`, `POST ${servicePrincipalPath}`]);
    expect(document.operations.map((operation) => [operation.method, operation.path, operation.operationId])).toEqual([
      ['post', applicationPath, 'application.synchronization_acquireAccessToken'],
      ['post', servicePrincipalPath, 'servicePrincipal.synchronization_acquireAccessToken'],
    ]);
    for (const operation of document.operations) {
      expect(operation.operationType).toBe('action');
      expect(operation.declaredOperationId).toBe(operation.operationId);
      expect(operation.deprecated).toBe(false);
    }
  });

  it('reads the path parameter with its key type', () => {
    const operation = operationAt(document, applicationPath);
    expect(operation.parameters).toHaveLength(1);
    expect(operation.parameters[0]).toMatchObject({
      name: 'application-id',
      in: 'path',
      required: true,
      style: 'simple',
      keyType: 'application',
      schema: { type: 'string' },
      description: 'The unique identifier of application',
    });
    expect(operationAt(document, servicePrincipalPath).parameters[0]?.keyType).toBe('servicePrincipal');
  });

  it('resolves the request body down to the 45-member synchronizationSecret enum', () => {
    const operation = operationAt(document, applicationPath);
    const body = operation.requestBody;
    expect(body?.required).toBe(true);
    expect(body?.content.map((media) => media.contentType)).toEqual(['application/json']);
    const schema = body?.content[0]?.schema as { properties: { credentials: { items: JsonObject } } };
    const itemsAddress = {
      file: specFile,
      pointer: appendPointer(body!.address.pointer, 'content', 'application/json', 'schema', 'properties', 'credentials', 'items'),
    };
    const pair = document.resolve<JsonObject>(schema.properties.credentials.items, itemsAddress);
    expect(pair.componentName).toBe('microsoft.graph.synchronizationSecretKeyStringValuePair');
    expect(pair.address).toEqual({ file: specFile, pointer: '/components/schemas/microsoft.graph.synchronizationSecretKeyStringValuePair' });

    const properties = pair.value.properties as JsonObject;
    const key = document.resolve<JsonObject>(properties.key!, { file: specFile, pointer: appendPointer(pair.address.pointer, 'properties', 'key') });
    expect(key.componentName).toBe('microsoft.graph.synchronizationSecret');
    expect(key.value.type).toBe('string');
    expect(key.value.enum).toHaveLength(45);
    expect((key.value.enum as string[]).slice(0, 3)).toEqual(['None', 'UserName', 'Password']);
  });

  it('keeps responses in document order and resolves the shared error response', () => {
    const operation = operationAt(document, applicationPath);
    expect(operation.responses.map((response) => response.status)).toEqual(['2XX', 'default']);
    const [success, failure] = operation.responses;
    expect(success).toMatchObject({ status: '2XX', description: 'Success', content: [] });
    expect(success?.componentName).toBeUndefined();
    expect(failure?.componentName).toBe('error');
    expect(failure?.address.pointer).toBe('/components/responses/error');
    const errorSchema = failure!.content[0]!.schema!;
    const resolved = document.resolve(errorSchema, {
      file: specFile,
      pointer: appendPointer(failure!.address.pointer, 'content', 'application/json', 'schema'),
    });
    expect(resolved.componentName).toBe('microsoft.graph.ODataErrors.ODataError');
  });

  it('passes non-ref nodes through resolve unchanged', () => {
    const node = { type: 'string' };
    const from = { file: specFile, pointer: '/x' };
    expect(document.resolve(node, from)).toEqual({ value: node, address: from });
  });

  it('locates operations, parameters and components on the lines they are written', () => {
    const [first, second] = document.operations;
    expect(document.locate(first!.address)).toEqual({ file: specFile, line: 10, column: 5 });
    expect(document.locate(second!.address)?.line).toBe(49);
    expect(document.locate(first!.parameters[0]!.address)).toEqual({ file: specFile, line: 20, column: 11 });
    expect(document.locate({ file: specFile, pointer: '/components/schemas/microsoft.graph.synchronizationSecret' })?.line).toBe(101);
    expect(document.locate({ file: specFile, pointer: '' })).toEqual({ file: specFile, line: 1, column: 1 });
    expect(document.locate({ file: specFile, pointer: '/paths/nope' })).toBeUndefined();
  });
});

describe('loadOpenApiDocument: the same description as JSON', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'mgkit-openapi-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('loads identically', async () => {
    const jsonFile = join(directory, 'acquireAccessToken.json');
    await writeFile(jsonFile, JSON.stringify(parse(await readFile(specFile, 'utf8')), null, 2));
    const fromYaml = await loadOrFail(specFile);
    const fromJson = await loadOrFail(jsonFile);
    expect(fromJson.files).toEqual([jsonFile]);
    expect(withoutAddressFiles(fromJson.operations)).toEqual(withoutAddressFiles(fromYaml.operations));
    expect(fromJson.schemaNames).toEqual(fromYaml.schemaNames);
    expect(fromJson.locate(fromJson.operations[0]!.address)).toEqual({ file: jsonFile, line: 15, column: 7 });
  });

  it('sniffs JSON content in a file without a known extension', async () => {
    const file = join(directory, 'description');
    await writeFile(file, '{\n  "openapi": "3.0.3",\n  "paths": {\n    "/x": {}\n    "/y": {}\n  }\n}\n');
    const { diagnostics } = await loadOpenApiDocument(file);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.message).toMatch(/^Invalid JSON/);
  });
});
