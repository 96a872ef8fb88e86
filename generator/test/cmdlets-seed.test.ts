import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCmdletHelp, type CmdletHelp, type CmdletParameter } from '../src/sources/cmdlets/index.js';

const specsDir = fileURLToPath(new URL('../../specs/cmdlets/', import.meta.url));
const SWITCH = 'System.Management.Automation.SwitchParameter';
const EXPANDED_SETS = ['AcquireExpanded', 'AcquireViaIdentityExpanded'];
const IDENTITY_SETS = ['AcquireViaIdentity', 'AcquireViaIdentityExpanded'];

function parseSeed(name: string): { help: CmdletHelp; text: string } {
  const file = `${specsDir}${name}.md`;
  const text = readFileSync(file, 'utf8');
  const result = parseCmdletHelp(text, file);
  expect(result.diagnostics).toEqual([]);
  if (!result.help) throw new Error(`no help parsed from ${file}`);
  return { help: result.help, text };
}

function parameter(help: CmdletHelp, name: string): CmdletParameter {
  const found = help.parameters.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no parameter -${name} in ${help.name}`);
  return found;
}

interface ExpectedParameter {
  readonly type: string;
  readonly sets: readonly string[];
  readonly aliases?: readonly string[];
  readonly required?: boolean;
  readonly byValue?: boolean;
}

function expectParameter(help: CmdletHelp, name: string, expected: ExpectedParameter): void {
  const actual = parameter(help, name);
  expect(actual.type, `-${name} type`).toBe(expected.type);
  expect(actual.aliases, `-${name} aliases`).toEqual(expected.aliases ?? []);
  expect(
    actual.parameterSets.map((set) => set.setName),
    `-${name} sets`,
  ).toEqual(expected.sets);
  for (const membership of actual.parameterSets) {
    expect(membership, `-${name} in ${membership.setName}`).toMatchObject({
      required: expected.required ?? false,
      position: 'Named',
      valueFromPipeline: expected.byValue ?? false,
      valueFromPipelineByPropertyName: false,
    });
  }
  expect(actual.pipelineInput).toBe(expected.byValue ? 'True (ByValue)' : 'False');
  expect(actual.acceptsWildcards).toBe(false);
  expect(actual.defaultValue).toBeUndefined();
}

describe.each([
  {
    cmdlet: 'Get-MgApplicationSynchronizationAccessToken',
    keyParameter: 'ApplicationId',
    bodyType: 'IPaths1RpqowmApplicationsApplicationIdSynchronizationMicrosoftGraphAcquireaccesstokenPostRequestbodyContentApplicationJsonSchema',
    hasResponseHeadersVariable: true,
  },
  {
    cmdlet: 'Get-MgServicePrincipalSynchronizationAccessToken',
    keyParameter: 'ServicePrincipalId',
    bodyType: 'IPathsNrfoirServiceprincipalsServiceprincipalIdSynchronizationMicrosoftGraphAcquireaccesstokenPostRequestbodyContentApplicationJsonSchema',
    hasResponseHeadersVariable: false,
  },
])('seed $cmdlet (platyPS 0.14)', ({ cmdlet, keyParameter, bodyType, hasResponseHeadersVariable }) => {
  const { help, text } = parseSeed(cmdlet);

  it('reads the front matter, title and prose sections', () => {
    expect(help.dialect).toBe('platyps-0.14');
    expect(help.frontMatter['Module Name']).toBe('Microsoft.Graph.Applications');
    expect(help.name).toBe(cmdlet);
    expect(help.verb).toBe('Get');
    expect(help.noun).toBe(cmdlet.slice('Get-'.length));
    expect(help.synopsis).toMatch(/^Acquire an OAuth access token/);
    expect(help.description).toBe(help.synopsis);
    expect(help.onlineVersion).toBe(`https://learn.microsoft.com/powershell/module/microsoft.graph.applications/${cmdlet.toLowerCase()}`);
    expect(help.aliases).toEqual([]);
    expect(help.relatedLinks).toEqual([]);
    expect(help.position.line).toBe(8);
  });

  it('has four parameter sets, AcquireExpanded the default', () => {
    expect(help.syntax.map((block) => block.setName)).toEqual(['AcquireExpanded', 'Acquire', 'AcquireViaIdentity', 'AcquireViaIdentityExpanded']);
    expect(help.syntax.filter((block) => block.isDefault).map((block) => block.setName)).toEqual(['AcquireExpanded']);
    expect(help.supportsCommonParameters).toBe(true);
    for (const block of help.syntax) {
      expect(block.usage).toMatch(new RegExp(`^${cmdlet} -`));
      expect(block.usage).toMatch(/\[<CommonParameters>\]$/);
      expect(block.usage).not.toMatch(/\n/);
    }
  });

  it('reads each syntax line into required, optional and switch parameters', () => {
    const acquire = help.syntax.find((block) => block.setName === 'Acquire');
    const items = acquire?.parameters.map(({ source: _source, ...item }) => item);
    expect(items).toEqual([
      { name: keyParameter, typeName: 'String', required: true, positional: false },
      { name: 'BodyParameter', typeName: bodyType, required: true, positional: false },
      ...(hasResponseHeadersVariable ? [{ name: 'ResponseHeadersVariable', typeName: 'String', required: false, positional: false }] : []),
      { name: 'Headers', typeName: 'IDictionary', required: false, positional: false },
      { name: 'PassThru', required: false, positional: false },
      { name: 'Confirm', required: false, positional: false },
      { name: 'WhatIf', required: false, positional: false },
    ]);
    const expanded = help.syntax.find((block) => block.setName === 'AcquireViaIdentityExpanded');
    expect(expanded?.parameters.find((item) => item.name === 'Credentials')).toMatchObject({
      typeName: 'IMicrosoftGraphSynchronizationSecretKeyStringValuePair[]',
      required: false,
    });
  });

  it('points syntax items at their place in the usage fence', () => {
    const body = help.syntax.find((block) => block.setName === 'Acquire')?.parameters.find((item) => item.name === 'BodyParameter');
    const line = text.split('\n')[(body?.source?.line ?? 0) - 1] ?? '';
    expect(line.slice((body?.source?.column ?? 1) - 1)).toMatch(/^-BodyParameter </);
  });

  it('reads every parameter as the markdown states it', () => {
    const expectedNames = [
      'AdditionalProperties',
      ...(keyParameter === 'ApplicationId' ? ['ApplicationId'] : []),
      'BodyParameter',
      'Credentials',
      'Headers',
      'InputObject',
      'PassThru',
      ...(hasResponseHeadersVariable ? ['ResponseHeadersVariable'] : []),
      ...(keyParameter === 'ServicePrincipalId' ? ['ServicePrincipalId'] : []),
      'Confirm',
      'WhatIf',
    ];
    expect(help.parameters.map((p) => p.name)).toEqual(expectedNames);

    expectParameter(help, 'AdditionalProperties', { type: 'System.Collections.Hashtable', sets: EXPANDED_SETS });
    expectParameter(help, keyParameter, { type: 'System.String', sets: ['Acquire', 'AcquireExpanded'], required: true });
    expectParameter(help, 'BodyParameter', {
      type: `Microsoft.Graph.PowerShell.Models.${bodyType}`,
      sets: ['Acquire', 'AcquireViaIdentity'],
      required: true,
      byValue: true,
    });
    expectParameter(help, 'Credentials', {
      type: 'Microsoft.Graph.PowerShell.Models.IMicrosoftGraphSynchronizationSecretKeyStringValuePair[]',
      sets: EXPANDED_SETS,
    });
    expectParameter(help, 'Headers', { type: 'System.Collections.IDictionary', sets: ['(All)'], byValue: true });
    expectParameter(help, 'InputObject', {
      type: 'Microsoft.Graph.PowerShell.Models.IApplicationsIdentity',
      sets: IDENTITY_SETS,
      required: true,
      byValue: true,
    });
    expectParameter(help, 'PassThru', { type: SWITCH, sets: ['(All)'] });
    expectParameter(help, 'Confirm', { type: SWITCH, sets: ['(All)'], aliases: ['cf'] });
    expectParameter(help, 'WhatIf', { type: SWITCH, sets: ['(All)'], aliases: ['wi'] });
    if (hasResponseHeadersVariable) {
      expectParameter(help, 'ResponseHeadersVariable', { type: 'System.String', sets: ['(All)'], aliases: ['RHV'] });
    }
  });

  it('keeps parameter descriptions and where each parameter is documented', () => {
    const inputObject = parameter(help, 'InputObject');
    expect(inputObject.description).toBe('Identity Parameter\nTo construct, see NOTES section for INPUTOBJECT properties and create a hash table.');
    expect(text.split('\n')[inputObject.position.line - 1]).toBe('### -InputObject');
    expect(parameter(help, 'WhatIf').description).toBe('Shows what would happen if the cmdlet runs.\nThe cmdlet is not run.');
  });

  it('flags the placeholder examples', () => {
    expect(help.examples).toHaveLength(2);
    expect(help.examples.map((example) => example.title)).toEqual(['EXAMPLE 1', 'EXAMPLE 2']);
    for (const example of help.examples) {
      expect(example).toMatchObject({ code: '{{ Add code here }}', language: 'powershell', remarks: '', isPlaceholder: true });
    }
  });

  it('reads the complex parameter trees from NOTES', () => {
    expect(help.complexParameters.map((tree) => tree.name)).toEqual(['BODYPARAMETER', 'CREDENTIALS', 'INPUTOBJECT']);
    const body = help.complexParameters[0];
    expect(body).toMatchObject({ typeName: bodyType, description: '.' });
    expect(body?.properties).toEqual([
      {
        name: '(Any)',
        typeName: 'Object',
        required: false,
        description: 'This indicates any property can be added to this object.',
        properties: [],
      },
      {
        name: 'Credentials',
        typeName: 'IMicrosoftGraphSynchronizationSecretKeyStringValuePair[]',
        required: false,
        description: '',
        properties: [
          { name: 'Key', typeName: 'String', required: false, description: 'synchronizationSecret', properties: [] },
          { name: 'Value', typeName: 'String', required: false, description: 'The value of the secret.', properties: [] },
        ],
      },
    ]);
    const credentials = help.complexParameters[1];
    expect(credentials?.properties.map((property) => property.name)).toEqual(['Key', 'Value']);
    const inputObject = help.complexParameters[2];
    expect(inputObject?.description).toBe('Identity Parameter');
    expect(inputObject?.properties).toHaveLength(23);
    expect(inputObject?.properties[0]).toEqual({
      name: 'AppId',
      typeName: 'String',
      required: false,
      description: 'Alternate key of application',
      properties: [],
    });
    expect(inputObject?.properties.every((property) => property.typeName === 'String' && !property.required)).toBe(true);
    expect(inputObject?.properties.map((property) => property.name)).toContain(keyParameter);
  });

  it('reads inputs and outputs', () => {
    expect(help.inputs.map((input) => input.typeName)).toEqual([
      'Microsoft.Graph.PowerShell.Models.IApplicationsIdentity',
      `Microsoft.Graph.PowerShell.Models.${bodyType}`,
      'System.Collections.IDictionary',
    ]);
    expect(help.inputs.every((input) => input.description === '')).toBe(true);
    expect(help.outputs).toEqual([
      { typeName: 'System.Boolean', description: '' },
      // The service-principal twin also lists Hashtable under OUTPUTS.
      ...(cmdlet.includes('ServicePrincipal') ? [{ typeName: 'System.Collections.Hashtable', description: '' }] : []),
    ]);
  });
});
