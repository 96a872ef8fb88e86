import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { buildApiModel } from '../src/model/index.js';
import { readCmdletHelpFolder } from '../src/sources/cmdlets/index.js';
import { loadOpenApiDocument } from '../src/sources/openapi/index.js';
import { specsDir, SELECT_EVERYTHING } from './helpers/paths.js';

const APPLICATION_PATH = '/applications/{application-id}/synchronization/microsoft.graph.acquireAccessToken';
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'mgkit-unbound-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function modelWithout(pathToDrop: string, bindings: Record<string, Record<string, string>> = {}) {
  const document = parseDocument(await readFile(path.join(specsDir, 'openapi/acquireAccessToken.yaml'), 'utf8'));
  document.deleteIn(['paths', pathToDrop]);
  const file = path.join(scratch, `${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(file, document.toString());
  const { document: loaded } = await loadOpenApiDocument(file);
  const { cmdlets } = await readCmdletHelpFolder(path.join(specsDir, 'cmdlets'));
  return buildApiModel({
    document: loaded!,
    cmdlets,
    unit: { ...SELECT_EVERYTHING, bindings },
  });
}

describe('a cmdlet whose operation is not in the description', () => {
  it('stays in the model unbound, explained by a warning with file and line', async () => {
    const { model, diagnostics } = await modelWithout(APPLICATION_PATH);
    const command = model!.commands.find((c) => c.name === 'Get-MgApplicationSynchronizationAccessToken')!;
    expect(command.parameterSets.every((set) => set.operationKey === undefined)).toBe(true);
    const warnings = diagnostics.filter((d) => d.code === 'bind/no-operation');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', file: expect.stringMatching(/Get-MgApplicationSynchronizationAccessToken\.md$/), line: 16 });
    expect(warnings[0]!.message).toMatch(/Acquire.*Get-MgApplicationSynchronizationAccessToken matches no operation/);
    expect(warnings[0]!.hint).toMatch(/bindings:/);
    // The twin is unaffected.
    const twin = model!.commands.find((c) => c.name === 'Get-MgServicePrincipalSynchronizationAccessToken')!;
    expect(twin.parameterSets.every((set) => set.operationKey === 'servicePrincipals.synchronization.acquireAccessToken.post')).toBe(true);
  });

  it('can be joined by hand through the config, which wins over every other rule', async () => {
    const { model } = await modelWithout('/nothing-to-drop', {
      'Get-MgApplicationSynchronizationAccessToken': { '*': `POST ${APPLICATION_PATH}` },
    });
    const command = model!.commands.find((c) => c.name === 'Get-MgApplicationSynchronizationAccessToken')!;
    expect(command.parameterSets.map((set) => [set.operationKey, set.boundBy])).toEqual(Array(4).fill(['applications.synchronization.acquireAccessToken.post', 'config']));
  });

  it('refuses a config binding whose path keys the set cannot fill, naming the key', async () => {
    const { model, diagnostics } = await modelWithout(APPLICATION_PATH, {
      'Get-MgApplicationSynchronizationAccessToken': { '*': 'POST /servicePrincipals/{servicePrincipal-id}/synchronization/microsoft.graph.acquireAccessToken' },
    });
    expect(model).toBeUndefined();
    const errors = diagnostics.filter((d) => d.severity === 'error');
    // the ViaIdentity sets can fill it: the identity object has a ServicePrincipalId
    expect(errors.map((d) => d.code)).toEqual(Array(2).fill('bind/inconsistent'));
    expect(errors.map((d) => /parameter set (\w+)/.exec(d.message)?.[1])).toEqual(['AcquireExpanded', 'Acquire']);
    expect(errors[0]).toMatchObject({ file: expect.stringMatching(/Get-MgApplicationSynchronizationAccessToken\.md$/), line: expect.any(Number) });
    expect(errors[0]!.message).toMatch(/cannot call POST \/servicePrincipals\/.*nothing in the set fills \{servicePrincipal-id\}/);
  });

  it('reports a config binding that names no operation as an error', async () => {
    const { model, diagnostics } = await modelWithout(APPLICATION_PATH, {
      'Get-MgApplicationSynchronizationAccessToken': { Acquire: 'POST /nowhere' },
    });
    expect(model).toBeUndefined();
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['config/unknown-binding-target']);
  });
});

describe('bindings naming a cmdlet the unit does not generate', () => {
  it('warn, naming the cmdlet, instead of doing nothing silently', async () => {
    const { model, diagnostics } = await modelWithout('/nothing-to-drop', { 'Get-MgApplicationSyncAccessToken': { '*': `POST ${APPLICATION_PATH}` } });
    expect(model).toBeDefined();
    const warnings = diagnostics.filter((d) => d.code === 'config/unused-binding');
    expect(warnings.map((d) => [d.severity, d.message])).toEqual([
      ['warning', "bindings name the cmdlet 'Get-MgApplicationSyncAccessToken', which this unit does not generate (not in its help folders, or not selected)"],
    ]);
    // a binding for a generated cmdlet, in another case, is used and not reported
    const used = await modelWithout('/nothing-to-drop', { 'get-mgapplicationsynchronizationaccesstoken': { '*': `POST ${APPLICATION_PATH}` } });
    expect(used.diagnostics.filter((d) => d.code === 'config/unused-binding')).toEqual([]);
  });
});

describe('an include cmdlet pattern that matches no help file', () => {
  it('warns with the pattern, as an unmatched path pattern does', async () => {
    const document = (await loadOpenApiDocument(path.join(specsDir, 'openapi/acquireAccessToken.yaml'))).document!;
    const { cmdlets } = await readCmdletHelpFolder(path.join(specsDir, 'cmdlets'));
    const { diagnostics } = buildApiModel({
      document,
      cmdlets,
      unit: { ...SELECT_EVERYTHING, include: { paths: ['/**'], cmdlets: ['Get-Mg*SynchronizationAccessToken', 'Get-MgApplicationSynchronizationAccesToken'] } },
    });
    expect(diagnostics.filter((d) => d.code === 'select/no-match').map((d) => d.message)).toEqual([
      `include cmdlet pattern 'Get-MgApplicationSynchronizationAccesToken' matches none of the ${cmdlets.length} cmdlet help file(s) read`,
    ]);
  });
});
