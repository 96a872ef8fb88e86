import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMap, isSeq, parseDocument } from 'yaml';
import { compareModels, renderDiffMarkdown, type ApiChange } from '../src/diff/index.js';
import { buildApiModel, type ApiModel } from '../src/model/index.js';
import { loadOpenApiDocument } from '../src/sources/openapi/index.js';
import { corpusAvailable, corpusOpenApi } from './helpers/paths.js';

const everything = {
  include: { paths: ['**'], cmdlets: [] },
  exclude: { paths: [], cmdlets: ['*'] },
  bindings: {},
  keepActionPrefixInUrl: true,
};

async function modelOf(file: string): Promise<ApiModel> {
  const { document, diagnostics } = await loadOpenApiDocument(file);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return buildApiModel({ document: document!, cmdlets: [], unit: everything }).model!;
}

const APPLICATION_PROPERTIES = ['components', 'schemas', 'microsoft.graph.application', 'allOf', 1, 'properties'];
const SECRET_ENUM = ['components', 'schemas', 'microsoft.graph.synchronizationSecret', 'enum'];

/** Seven edits of seven kinds, each of which the diff must find and mark correctly. */
function editDescription(text: string): string {
  const document = parseDocument(text);
  document.deleteIn(['paths', '/applications/{application-id}/owners/{directoryObject-id}/$ref', 'delete']);
  document.setIn(
    ['paths', '/applications/microsoft.graph.ping()'],
    document.createNode({
      get: {
        operationId: 'applications_ping',
        responses: { '204': { description: 'Success' } },
        'x-ms-docs-operation-type': 'function',
      },
    }),
  );
  const listParameters = document.getIn(['paths', '/applications', 'get', 'parameters']);
  if (!isSeq(listParameters)) throw new Error('fixture moved: GET /applications has no parameters');
  listParameters.add(document.createNode({ name: 'tenantHint', in: 'query', required: true, schema: { type: 'string' } }));
  document.deleteIn([...APPLICATION_PROPERTIES, 'notes']);
  document.setIn([...APPLICATION_PROPERTIES, 'signInAudience', 'type'], 'integer');
  const members = document.getIn(SECRET_ENUM);
  if (!isSeq(members)) throw new Error('fixture moved: synchronizationSecret has no enum');
  const index = members.items.findIndex((item) => String((item as { value?: unknown }).value ?? item) === 'ConnectionString');
  members.delete(index);
  members.add('NewSecretKind');
  if (!isMap(document.contents)) throw new Error('not a map');
  return document.toString({ lineWidth: 0 });
}

describe.skipIf(!corpusAvailable())('mgkit-gen diff on the whole Applications module', () => {
  let scratch: string;
  let changes: readonly ApiChange[];
  let markdown: string;

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'mgkit-diff-test-'));
    const edited = path.join(scratch, 'Applications.edited.yml');
    await writeFile(edited, editDescription(await readFile(corpusOpenApi, 'utf8')));
    const diff = compareModels(await modelOf(corpusOpenApi), await modelOf(edited));
    changes = diff.changes;
    markdown = renderDiffMarkdown(diff, 'corpus → edited');
    console.log(`diff of two 747 KB descriptions: ${diff.changes.length} changes, ${diff.breaking} breaking`);
  });

  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('finds exactly the seven edits, each with the right breaking mark', () => {
    const summary = changes.map((change) => [change.subject, change.kind, change.target, change.breaking]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['operation', 'removed', 'DELETE /applications/{application-id}/owners/{directoryObject-id}/$ref', true],
        ['operation', 'added', 'GET /applications/microsoft.graph.ping()', false],
        ['parameter', 'added', 'GET /applications query tenantHint', true],
        ['property', 'removed', 'Application.notes', true],
        ['property', 'changed', 'Application.signInAudience', true],
        ['enum-member', 'removed', 'SynchronizationSecret.ConnectionString', true],
        ['enum-member', 'added', 'SynchronizationSecret.NewSecretKind', false],
      ]),
    );
    expect(changes).toHaveLength(7);
    expect(changes.find((c) => c.target === 'Application.signInAudience')?.detail).toBe('type string → integer');
  });

  it('renders markdown with the breaking changes first', () => {
    expect(markdown).toMatch(/7 change\(s\), 5 breaking/);
    expect(markdown.indexOf('## Breaking')).toBeLessThan(markdown.indexOf('## Non-breaking'));
  });

  it('finds nothing between a description and itself', async () => {
    const model = await modelOf(corpusOpenApi);
    expect(compareModels(model, model).changes).toEqual([]);
  });
});
