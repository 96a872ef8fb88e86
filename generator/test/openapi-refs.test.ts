import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { appendPointer, escapePointerSegment, evaluatePointer, loadOpenApiDocument, parseRef, segmentsFromPointer } from '../src/sources/openapi/index.js';
import type { JsonObject, OpenApiDocument } from '../src/sources/openapi/index.js';
import { walkRefsFrom } from './fixtures/openapi/helpers.js';

const splitDirectory = fileURLToPath(new URL('./fixtures/openapi/split/', import.meta.url));
const mainFile = join(splitDirectory, 'main.yaml');
const schemasFile = join(splitDirectory, 'schemas.yaml');

describe('JSON pointers and $ref strings', () => {
  it('escapes ~ and / and round-trips', () => {
    expect(escapePointerSegment('a/b~c')).toBe('a~1b~0c');
    expect(appendPointer('/paths', '/users/{id}', 'get')).toBe('/paths/~1users~1{id}/get');
    expect(segmentsFromPointer('/paths/~1users~1{id}/get')).toEqual(['paths', '/users/{id}', 'get']);
    // `~01` is `~` then `1`, not `/`
    expect(segmentsFromPointer('/~01')).toEqual(['~1']);
    expect(evaluatePointer({ 'a/b': [{ c: 1 }] }, '/a~1b/0/c')).toBe(1);
    expect(evaluatePointer({ a: [1] }, '/a/01')).toBeUndefined();
    expect(evaluatePointer({}, '/constructor')).toBeUndefined();
  });

  it('parses local, relative-file, percent-encoded, remote and invalid refs', () => {
    expect(parseRef('#/components/schemas/X')).toEqual({ kind: 'local-or-file', pointer: '/components/schemas/X' });
    expect(parseRef('other.yaml#/components/schemas/X')).toEqual({ kind: 'local-or-file', file: 'other.yaml', pointer: '/components/schemas/X' });
    expect(parseRef('my%20file.yaml')).toEqual({ kind: 'local-or-file', file: 'my file.yaml', pointer: '' });
    expect(parseRef('#/components/schemas/With%20Space')).toEqual({ kind: 'local-or-file', pointer: '/components/schemas/With Space' });
    expect(parseRef('#/paths/%7E1users')).toEqual({ kind: 'local-or-file', pointer: '/paths/~1users' });
    expect(parseRef('https://example.com/api.yaml#/x')).toEqual({ kind: 'remote', url: 'https://example.com/api.yaml' });
    expect(parseRef('#Thing').kind).toBe('invalid');
    expect(parseRef('#/a~2').kind).toBe('invalid');
    expect(parseRef('#/a%E0%A4%A').kind).toBe('invalid');
  });
});

describe('loadOpenApiDocument: a description split over two files', () => {
  let document: OpenApiDocument;
  beforeAll(async () => {
    const result = await loadOpenApiDocument(mainFile);
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['openapi/missing-operation-id']);
    document = result.document!;
  });

  it('loads every referenced file once, entry first', () => {
    expect(document.files).toEqual([mainFile, schemasFile]);
  });

  it('keeps relative entry paths relative in addresses', async () => {
    const relativeEntry = relative(process.cwd(), mainFile);
    const { document: relativeDocument } = await loadOpenApiDocument(relativeEntry);
    expect(relativeDocument?.files).toEqual([relativeEntry, relative(process.cwd(), schemasFile)]);
  });

  it('resolves path-item parameters from the other file and lets the operation override them', () => {
    const [people, treeGet, treePatch] = document.operations;
    expect(document.operations.map((operation) => operation.key)).toEqual(['GET /people', 'GET /trees/{tree-id}', 'PATCH /trees/{tree-id}']);
    expect(people?.operationId).toBe('get_people');
    expect(people?.declaredOperationId).toBeUndefined();
    expect(treeGet?.parameters).toEqual([expect.objectContaining({ name: 'tree-id', in: 'path', keyType: 'tree', address: { file: schemasFile, pointer: '/components/parameters/treeId' } })]);
    expect(treePatch?.parameters.map((parameter) => [parameter.name, parameter.in, parameter.description])).toEqual([
      ['tree-id', 'path', 'The tree to update'],
      ['If-Match', 'header', undefined],
    ]);
  });

  it('keeps integer-like and pattern statuses in the order written', () => {
    const people = document.operations[0]!;
    expect(people.responses.map((response) => response.status)).toEqual(['2XX', '400', 'default']);
    expect(people.responses[2]?.componentName).toBe('notFound');
    const treeGet = document.operations[1]!;
    expect(treeGet.responses.map((response) => [response.status, response.componentName])).toEqual([
      ['200', undefined],
      ['404', 'notFound'],
    ]);
  });

  it('follows a ref chain to its end and names the last component', () => {
    const body = document.operations[2]!.requestBody!;
    expect(body.address).toEqual({ file: mainFile, pointer: '/components/requestBodies/person' });
    const schemaAddress = { file: mainFile, pointer: appendPointer(body.address.pointer, 'content', 'application/json', 'schema') };
    const person = document.resolve<JsonObject>(body.content[0]!.schema!, schemaAddress);
    expect(person.componentName).toBe('Person');
    expect(person.address).toEqual({ file: mainFile, pointer: '/components/schemas/Person' });
  });

  it('resolves a recursive schema to itself without looping', () => {
    const treeGet = document.operations[1]!;
    const schemaRef = treeGet.responses[0]!.content[0]!.schema!;
    const from = { file: mainFile, pointer: appendPointer(treeGet.responses[0]!.address.pointer, 'content', 'application/json', 'schema') };
    const tree = document.resolve<JsonObject>(schemaRef, from);
    expect(tree.address).toEqual({ file: schemasFile, pointer: '/components/schemas/TreeNode' });
    const children = (tree.value.properties as { children: { items: JsonObject } }).children.items;
    const child = document.resolve(children, { file: schemasFile, pointer: appendPointer(tree.address.pointer, 'properties', 'children', 'items') });
    expect(child.address).toEqual(tree.address);
    expect(child.value).toBe(tree.value);
  });

  it('walks the two-file Person ↔ Company cycle and every escaped pointer without looping', () => {
    const refs = walkRefsFrom(document, document.root, { file: mainFile, pointer: '' });
    const resolvedTargets = refs.map((ref) => ref.target);
    expect(refs).toHaveLength(13); // 9 in main.yaml, 4 in schemas.yaml
    expect(new Set(refs.map((ref) => ref.at.file))).toEqual(new Set([mainFile, schemasFile]));
    expect(resolvedTargets).toContainEqual({ file: schemasFile, pointer: '/components/schemas/Company' });
    expect(resolvedTargets).toContainEqual({ file: mainFile, pointer: '/components/schemas/Person' });

    const company = document.resolve<JsonObject>({ $ref: './schemas.yaml#/components/schemas/Company' }, { file: mainFile, pointer: '/x' });
    const properties = company.value.properties as Record<string, JsonObject>;
    const at = (name: string) => ({ file: schemasFile, pointer: appendPointer(company.address.pointer, 'properties', name) });
    expect(document.resolve(properties.code!, at('code')).address.pointer).toBe('/components/schemas/Weird~1Name~0X');
    expect(document.resolve(properties.code!, at('code')).componentName).toBe('Weird/Name~X');
    expect(document.resolve(properties.size!, at('size')).value).toEqual({ type: 'integer' });
  });

  it('locates nodes in the referenced file', () => {
    expect(document.locate({ file: schemasFile, pointer: '/components/schemas/TreeNode' })).toEqual({ file: schemasFile, line: 12, column: 5 });
  });
});
