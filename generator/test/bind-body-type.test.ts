/**
 * The AutoRest body-type join picks the longest path its type name spells, never the first
 * whose words it happens to contain: Get-MgGroupMemberGroup's body type
 * (`…GroupsGroupIdMicrosoftGraphCheckmembergroupsPostRequestbody…`) contains `groups` + `post`,
 * and a first hit bound it to POST /groups (create a group). Here a shorter path whose words the
 * seed cmdlet's body type also contains is put first in the description.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMap, parseDocument } from 'yaml';
import { buildApiModel } from '../src/model/index.js';
import { readCmdletHelpFolder } from '../src/sources/cmdlets/index.js';
import { loadOpenApiDocument } from '../src/sources/openapi/index.js';
import { SELECT_EVERYTHING, specsDir } from './helpers/paths.js';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'mgkit-bind-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** The specs description with `extraPaths` (path → POST operation with a body) put before the real ones. */
async function modelWith(extraPaths: readonly string[]) {
  const document = parseDocument(await readFile(path.join(specsDir, 'openapi/acquireAccessToken.yaml'), 'utf8'));
  const paths = document.get('paths');
  if (!isMap(paths)) throw new Error('no paths');
  const body = { content: { 'application/json': { schema: { type: 'object', properties: { credentials: { type: 'array', items: { type: 'string' } } } } } } };
  extraPaths.forEach((extra, index) => {
    const operation = document.createNode({ post: { operationId: `extra${index}`, requestBody: body, responses: { '204': { description: 'ok' } } } });
    paths.items.unshift(document.createPair(extra, operation));
  });
  const file = path.join(scratch, `${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(file, document.toString());
  const loaded = await loadOpenApiDocument(file);
  if (!loaded.document) throw new Error(JSON.stringify(loaded.diagnostics));
  const { cmdlets } = await readCmdletHelpFolder(path.join(specsDir, 'cmdlets'));
  return buildApiModel({ document: loaded.document, cmdlets, unit: SELECT_EVERYTHING });
}

describe('the body-type join', () => {
  it('binds to the longest matching path, not to a shorter one listed first', async () => {
    // sorts before the real path, and its words are inside the seed's body type name, as /groups is inside checkMemberGroups'
    const { model } = await modelWith(['/applicationIdSynchronization/microsoft.graph.acquireAccessToken']);
    const command = model!.commands.find((candidate) => candidate.name === 'Get-MgApplicationSynchronizationAccessToken')!;
    const expanded = command.parameterSets.find((set) => set.name === 'Acquire')!;
    expect(expanded.operationKey).toBe('applications.synchronization.acquireAccessToken.post');
    expect(expanded.boundBy).toBe('body-type-name');
  });
});
