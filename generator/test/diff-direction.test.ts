import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument, type Document } from 'yaml';
import { compareModels } from '../src/diff/index.js';
import { buildApiModel, type ApiModel } from '../src/model/index.js';
import { loadOpenApiDocument } from '../src/sources/openapi/index.js';
import { SELECT_EVERYTHING, specsDir } from './helpers/paths.js';

const SCHEMAS = ['components', 'schemas'];
const PAIR = [...SCHEMAS, 'microsoft.graph.synchronizationSecretKeyStringValuePair'];
const MAIN_ERROR = [...SCHEMAS, 'microsoft.graph.ODataErrors.MainError'];

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'mgkit-diff-direction-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function modelOf(edit: (document: Document) => void = () => undefined): Promise<ApiModel> {
  const document = parseDocument(await readFile(path.join(specsDir, 'openapi/acquireAccessToken.yaml'), 'utf8'));
  edit(document);
  const file = path.join(scratch, `${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(file, document.toString());
  const { document: loaded } = await loadOpenApiDocument(file);
  return buildApiModel({ document: loaded!, cmdlets: [], unit: SELECT_EVERYTHING }).model!;
}

/**
 * The pair is only sent (in the request body); MainError only received (in ODataError). The
 * client makes every property optional and adds `| null` where allowed, so required-ness and
 * nullability break one direction each.
 */
describe('diff marks property changes by the direction the type travels', () => {
  it('now required: breaking for a sent type, not for a received one', async () => {
    const before = await modelOf();
    const after = await modelOf((document) => {
      document.setIn([...PAIR, 'required'], ['value']);
      document.setIn([...MAIN_ERROR, 'required'], ['code', 'message', 'target']);
    });
    const marks = Object.fromEntries(compareModels(before, after).changes.map((change) => [change.target, [change.detail, change.breaking]]));
    expect(marks['SynchronizationSecretKeyStringValuePair.value']).toEqual(['now required', true]);
    expect(marks['MainError.target']).toEqual(['now required', false]);
  });

  it('nullability: no longer nullable breaks senders, now nullable breaks readers', async () => {
    const before = await modelOf();
    const after = await modelOf((document) => {
      document.deleteIn([...PAIR, 'properties', 'value', 'nullable']);
      document.setIn([...MAIN_ERROR, 'properties', 'code', 'nullable'], true);
    });
    const marks = Object.fromEntries(compareModels(before, after).changes.map((change) => [change.target, [change.detail, change.breaking]]));
    expect(marks['SynchronizationSecretKeyStringValuePair.value']).toEqual(['no longer nullable', true]);
    expect(marks['MainError.code']).toEqual(['now nullable', true]);
    const back = Object.fromEntries(compareModels(after, before).changes.map((change) => [change.target, [change.detail, change.breaking]]));
    expect(back['SynchronizationSecretKeyStringValuePair.value']).toEqual(['now nullable', false]);
    expect(back['MainError.code']).toEqual(['no longer nullable', false]);
  });
});
