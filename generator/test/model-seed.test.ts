import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/index.js';
import { buildApiModel, type ApiModel, type CommandModel, type ObjectTypeModel, type ParameterRole } from '../src/model/index.js';
import { readCmdletHelpFolder } from '../src/sources/cmdlets/index.js';
import { loadOpenApiDocument } from '../src/sources/openapi/index.js';
import { configFile, specsDir } from './helpers/paths.js';

let model: ApiModel;

beforeAll(async () => {
  const { config } = await loadConfig(configFile);
  const unit = config!.units[0]!;
  const { document } = await loadOpenApiDocument(unit.openapi);
  const { cmdlets } = await readCmdletHelpFolder(path.join(specsDir, 'cmdlets'));
  const built = buildApiModel({ document: document!, cmdlets, unit });
  expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  model = built.model!;
});

function command(name: string): CommandModel {
  const found = model.commands.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no command ${name}`);
  return found;
}

function roleOf(cmd: CommandModel, setName: string, parameter: string): ParameterRole | undefined {
  return cmd.parameterSets.find((set) => set.name === setName)?.parameters.find((p) => p.parameter === parameter)?.role;
}

describe('the seed and its twin joined to the v1.0 description', () => {
  it('selects both acquireAccessToken operations with stable keys and the description paths', () => {
    expect(model.operations.map((op) => [op.key, op.method, op.path])).toEqual([
      ['applications.synchronization.acquireAccessToken.post', 'POST', '/applications/{application-id}/synchronization/microsoft.graph.acquireAccessToken'],
      ['servicePrincipals.synchronization.acquireAccessToken.post', 'POST', '/servicePrincipals/{servicePrincipal-id}/synchronization/microsoft.graph.acquireAccessToken'],
    ]);
    const [application] = model.operations;
    expect(application!.kind).toBe('action');
    expect(application!.segments.map((s) => s.name)).toEqual(['applications', 'applicationId', 'synchronization', 'acquireAccessToken']);
    expect(application!.requestPath).toBe(application!.path);
    expect(application!.success.type).toBeUndefined();
    expect(application!.errors).toEqual([{ status: 'XXX', type: { kind: 'named', name: 'ODataError' } }]);
    expect(application!.pathParameters[0]).toMatchObject({ wireName: 'application-id', name: 'applicationId', keyType: 'application' });
    expect(model.baseUrl).toBe('https://graph.microsoft.com/v1.0');
  });

  it.each(['Get-MgApplicationSynchronizationAccessToken', 'Get-MgServicePrincipalSynchronizationAccessToken'])(
    '%s has four parameter sets, default AcquireExpanded, each bound to its operation',
    (name) => {
      const cmd = command(name);
      expect(cmd.parameterSets.map((set) => set.name).sort()).toEqual(['Acquire', 'AcquireExpanded', 'AcquireViaIdentity', 'AcquireViaIdentityExpanded']);
      expect(cmd.defaultParameterSet).toBe('AcquireExpanded');
      const expectedKey = name.includes('ServicePrincipal') ? 'servicePrincipals.synchronization.acquireAccessToken.post' : 'applications.synchronization.acquireAccessToken.post';
      for (const set of cmd.parameterSets) {
        expect(set.operationKey).toBe(expectedKey);
        expect(set.parameters.every((p) => p.role !== undefined)).toBe(true);
      }
    },
  );

  it('binds every parameter to its role', () => {
    const cmd = command('Get-MgApplicationSynchronizationAccessToken');
    expect(roleOf(cmd, 'AcquireExpanded', 'ApplicationId')).toEqual({ kind: 'path-key', pathParameter: 'application-id' });
    expect(roleOf(cmd, 'AcquireExpanded', 'Credentials')).toEqual({ kind: 'body-property', property: 'credentials' });
    expect(roleOf(cmd, 'AcquireExpanded', 'AdditionalProperties')).toEqual({ kind: 'additional-properties' });
    expect(roleOf(cmd, 'Acquire', 'BodyParameter')).toEqual({ kind: 'body' });
    expect(roleOf(cmd, 'Acquire', 'Headers')).toEqual({ kind: 'request-headers' });
    expect(roleOf(cmd, 'Acquire', 'ResponseHeadersVariable')).toEqual({ kind: 'response-headers' });
    expect(roleOf(cmd, 'Acquire', 'PassThru')).toEqual({ kind: 'behaviour', behaviour: 'PassThru' });
    expect(roleOf(cmd, 'Acquire', 'WhatIf')).toEqual({ kind: 'behaviour', behaviour: 'WhatIf' });
    expect(roleOf(cmd, 'Acquire', 'Confirm')).toEqual({ kind: 'behaviour', behaviour: 'Confirm' });
    const identity = roleOf(cmd, 'AcquireViaIdentity', 'InputObject');
    expect(identity).toEqual({
      kind: 'identity',
      keys: [
        { property: 'ApplicationId', pathParameter: 'application-id', alternate: false, description: 'The unique identifier of application' },
        { property: 'AppId', pathParameter: 'application-id', alternate: true, description: 'Alternate key of application' },
        { property: 'UniqueName', pathParameter: 'application-id', alternate: true, description: 'Alternate key of application' },
      ],
    });
  });

  it('records the join rule that bound each set', () => {
    const cmd = command('Get-MgApplicationSynchronizationAccessToken');
    expect(Object.fromEntries(cmd.parameterSets.map((set) => [set.name, set.boundBy]))).toEqual({
      AcquireExpanded: 'body-type-name',
      Acquire: 'body-type-name',
      AcquireViaIdentity: 'body-type-name',
      AcquireViaIdentityExpanded: 'body-type-name',
    });
  });

  it('types -Credentials as the body property whose items carry the 45-member SynchronizationSecret enum', () => {
    const operation = model.operations[0]!;
    expect(operation.requestBody).toMatchObject({ contentType: 'application/json', required: true });
    const bodyType = operation.requestBody!.type;
    expect(bodyType).toEqual({ kind: 'named', name: 'AcquireAccessTokenPostRequestBody' });
    const body = model.types.find((t) => t.name === 'AcquireAccessTokenPostRequestBody') as ObjectTypeModel;
    const credentials = body.properties.find((p) => p.wireName === 'credentials')!;
    expect(credentials.type).toEqual({ kind: 'collection', items: { kind: 'named', name: 'SynchronizationSecretKeyStringValuePair' } });
    const pair = model.types.find((t) => t.name === 'SynchronizationSecretKeyStringValuePair') as ObjectTypeModel;
    expect(pair.properties.map((p) => [p.wireName, p.nullable])).toEqual([
      ['key', false],
      ['value', true],
    ]);
    expect(pair.properties[0]!.type).toEqual({ kind: 'named', name: 'SynchronizationSecret' });
    const secret = model.types.find((t) => t.name === 'SynchronizationSecret');
    expect(secret?.kind).toBe('enum');
    expect(secret?.kind === 'enum' && secret.members.length).toBe(45);
    expect(secret?.kind === 'enum' && secret.members.slice(0, 3).map((m) => m.value)).toEqual(['None', 'UserName', 'Password']);
  });

  it('shares the identical inline request body of both paths and reaches only the needed types', () => {
    expect(model.types.map((t) => t.name)).toEqual([
      'AcquireAccessTokenPostRequestBody',
      'ErrorDetails',
      'InnerError',
      'MainError',
      'ODataError',
      'SynchronizationSecret',
      'SynchronizationSecretKeyStringValuePair',
    ]);
    const error = model.types.find((t) => t.name === 'ODataError') as ObjectTypeModel;
    expect(error.isError).toBe(true);
  });

  it('is frozen: targets cannot change it', () => {
    expect(Object.isFrozen(model)).toBe(true);
    expect(Object.isFrozen(model.operations[0]!.segments)).toBe(true);
    expect(() => {
      (model.commands as CommandModel[]).push(model.commands[0]!);
    }).toThrow();
  });

  it('drops the action prefix from the request path when the config says so, never from names', async () => {
    const { config } = await loadConfig(configFile);
    const unit = { ...config!.units[0]!, keepActionPrefixInUrl: false };
    const { document } = await loadOpenApiDocument(unit.openapi);
    const { cmdlets } = await readCmdletHelpFolder(path.join(specsDir, 'cmdlets'));
    const switched = buildApiModel({ document: document!, cmdlets, unit }).model!;
    expect(switched.operations[0]!.requestPath).toBe('/applications/{application-id}/synchronization/acquireAccessToken');
    expect(switched.operations[0]!.path).toBe('/applications/{application-id}/synchronization/microsoft.graph.acquireAccessToken');
    expect(switched.operations[0]!.key).toBe('applications.synchronization.acquireAccessToken.post');
  });
});
