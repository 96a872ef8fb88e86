/**
 * A parameter set calls the operation that gives its parameters a role, not merely one whose keys
 * it fills. Two real cases of the 33-module corpus, each module's description with the one cmdlet's
 * help:
 * - `Add-MgSecurityCaseEdiscoveryCaseCustodianHold -InputObject … -Ids …` (set
 *   `ApplyViaIdentityExpanded`): an identity fills the item's keys, so it could call the item's
 *   `applyHold` as `Apply` does, but `-Ids` is the body of the collection's `applyHold`;
 * - `Get-MgCommunicationOnlineMeeting -ExternalId …` (set `GetExpanded`) is the expanded body of
 *   `POST …/onlineMeetings/microsoft.graph.createOrGet`, which its set `Get1` names by its body
 *   type; the list `GET /communications/onlineMeetings` has none of its parameters.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApiModel } from '../src/model/index.js';
import { readCmdletHelpFolder } from '../src/sources/cmdlets/index.js';
import { loadOpenApiDocument } from '../src/sources/openapi/index.js';
import { corpus33Modules } from './helpers/corpus33.js';
import { SELECT_EVERYTHING } from './helpers/paths.js';

const modules = corpus33Modules() ?? [];
const scratch: string[] = [];
afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The module's description joined with one of its cmdlets; that cmdlet's sets as set name → `METHOD /path`. */
async function bindOne(moduleName: string, cmdlet: string): Promise<Record<string, string | undefined>> {
  const module = modules.find((candidate) => candidate.name === moduleName)!;
  const help = await mkdtemp(path.join(os.tmpdir(), 'mgkit-fittest-'));
  scratch.push(help);
  await copyFile(path.join(module.cmdlets, `${cmdlet}.md`), path.join(help, `${cmdlet}.md`));
  const { document } = await loadOpenApiDocument(module.openapi);
  const { cmdlets } = await readCmdletHelpFolder(help);
  const { model } = buildApiModel({ document: document!, cmdlets, unit: SELECT_EVERYTHING });
  const command = model!.commands.find((candidate) => candidate.name === cmdlet)!;
  const byKey = new Map(model!.operations.map((operation) => [operation.key, `${operation.method.toUpperCase()} ${operation.path}`]));
  return Object.fromEntries(command.parameterSets.map((set) => [set.name, set.operationKey && byKey.get(set.operationKey)]));
}

describe.skipIf(modules.length === 0)('a set calls the operation that gives its parameters a role', () => {
  it('ApplyViaIdentityExpanded calls the collection action its body belongs to, Apply and ApplyViaIdentity the item action', async () => {
    const sets = await bindOne('Security', 'Add-MgSecurityCaseEdiscoveryCaseCustodianHold');
    const collection = 'POST /security/cases/ediscoveryCases/{ediscoveryCase-id}/custodians/microsoft.graph.security.applyHold';
    const item = 'POST /security/cases/ediscoveryCases/{ediscoveryCase-id}/custodians/{ediscoveryCustodian-id}/microsoft.graph.security.applyHold';
    expect(sets).toMatchObject({ ApplyExpanded: collection, ApplyViaIdentityExpanded: collection, Apply: item, ApplyViaIdentity: item });
  });

  it('GetExpanded calls createOrGet with its body, the other sets the item and the list', async () => {
    const sets = await bindOne('CloudCommunications', 'Get-MgCommunicationOnlineMeeting');
    expect(sets).toMatchObject({
      GetExpanded: 'POST /communications/onlineMeetings/microsoft.graph.createOrGet',
      Get1: 'POST /communications/onlineMeetings/microsoft.graph.createOrGet',
      Get: 'GET /communications/onlineMeetings/{onlineMeeting-id}',
      List: 'GET /communications/onlineMeetings',
    });
  });
});
