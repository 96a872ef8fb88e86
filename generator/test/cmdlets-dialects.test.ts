import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCmdletHelp, type CmdletHelp, type ComplexProperty } from '../src/sources/cmdlets/index.js';

const CMDLET = 'Get-MgServicePrincipalSynchronizationAccessToken';
const v014File = fileURLToPath(new URL(`../../specs/cmdlets/${CMDLET}.md`, import.meta.url));
const v2024File = fileURLToPath(new URL(`./fixtures/platyps-2024-05-01/${CMDLET}.md`, import.meta.url));

function parse(file: string): CmdletHelp {
  const result = parseCmdletHelp(readFileSync(file, 'utf8'), file);
  expect(result.diagnostics).toEqual([]);
  if (!result.help) throw new Error(`no help parsed from ${file}`);
  return result.help;
}

/** Parameter sets and the per-set facts of the named parameters, in a dialect-free, order-free shape. */
function normalise(help: CmdletHelp, parameterNames: readonly string[]) {
  return {
    sets: help.syntax.map((block) => block.setName).sort(),
    defaultSet: help.syntax.find((block) => block.isDefault)?.setName,
    supportsCommonParameters: help.supportsCommonParameters,
    parameters: Object.fromEntries(
      help.parameters
        .filter((parameter) => parameterNames.includes(parameter.name))
        .map((parameter) => [
          parameter.name,
          {
            type: parameter.type,
            aliases: [...parameter.aliases].sort(),
            pipelineInput: parameter.pipelineInput,
            sets: parameter.parameterSets
              .map((set) => ({
                setName: set.setName,
                required: set.required,
                position: set.position,
                valueFromPipeline: set.valueFromPipeline,
                valueFromPipelineByPropertyName: set.valueFromPipelineByPropertyName,
              }))
              .sort((a, b) => a.setName.localeCompare(b.setName)),
          },
        ]),
    ),
  };
}

function propertyNames(properties: readonly ComplexProperty[]): unknown[] {
  return properties.map((property) => [property.name, property.typeName, property.required, propertyNames(property.properties)]);
}

describe('platyPS 2024-05-01 and 0.14 files of the same cmdlet', () => {
  const v014 = parse(v014File);
  const v2024 = parse(v2024File);
  const v014Names = v014.parameters.map((parameter) => parameter.name);
  const shared = v2024.parameters.map((parameter) => parameter.name).filter((name) => v014Names.includes(name));

  it('detects each dialect from its front matter', () => {
    expect(v014.dialect).toBe('platyps-0.14');
    expect(v2024.dialect).toBe('platyps-2024-05-01');
    expect(v2024.frontMatter['PlatyPS schema version']).toBe('2024-05-01');
    expect(v2024.onlineVersion).toBe(v014.onlineVersion);
  });

  it('shares every 0.14 parameter; the 2024 file only adds runtime ones', () => {
    expect([...shared].sort()).toEqual([...v014Names].sort());
    expect(v2024.parameters.map((parameter) => parameter.name).filter((name) => !shared.includes(name))).toEqual([
      'Break',
      'HttpPipelineAppend',
      'HttpPipelinePrepend',
      'Proxy',
      'ProxyCredential',
      'ProxyUseDefaultCredentials',
      'ResponseHeadersVariable',
    ]);
  });

  it('yields the same parameter sets and per-set parameter facts', () => {
    expect(normalise(v2024, shared)).toEqual(normalise(v014, shared));
    expect(normalise(v2024, shared).defaultSet).toBe('AcquireExpanded');
  });

  it('writes syntax types in lower case but lists the same parameters per set', () => {
    const acquire2024 = v2024.syntax.find((block) => block.setName === 'Acquire');
    expect(acquire2024?.parameters[0]).toMatchObject({ name: 'ServicePrincipalId', typeName: 'string', required: true });
    for (const block of v014.syntax) {
      const other = v2024.syntax.find((candidate) => candidate.setName === block.setName);
      const sharedInOther = other?.parameters.filter((item) => shared.includes(item.name));
      expect(sharedInOther?.map((item) => [item.name, item.required]).sort()).toEqual(block.parameters.map((item) => [item.name, item.required]).sort());
    }
  });

  it('reads 2024 yaml lists and booleans', () => {
    const confirm = v2024.parameters.find((parameter) => parameter.name === 'Confirm');
    expect(confirm?.aliases).toEqual(['cf']);
    const breakSwitch = v2024.parameters.find((parameter) => parameter.name === 'Break');
    expect(breakSwitch).toMatchObject({ defaultValue: 'False', acceptsWildcards: false, acceptedValues: [] });
    const headers = v2024.parameters.find((parameter) => parameter.name === 'Headers');
    expect(headers?.pipelineInput).toBe('True (ByValue)');
  });

  it('reads unfenced placeholder examples, placeholder type notes, empty ALIASES and empty-text links', () => {
    expect(v2024.examples.map(({ title, code, remarks, isPlaceholder }) => ({ title, code, remarks, isPlaceholder }))).toEqual([
      { title: 'EXAMPLE 1', code: '{{ Add code here }}', remarks: '', isPlaceholder: true },
      { title: 'EXAMPLE 2', code: '{{ Add code here }}', remarks: '', isPlaceholder: true },
    ]);
    expect(v2024.aliases).toEqual([]);
    expect(v2024.inputs.map((input) => input.typeName)).toEqual(v014.inputs.map((input) => input.typeName));
    expect(v2024.inputs.every((input) => input.description === '')).toBe(true);
    expect(v2024.outputs).toEqual([{ typeName: 'System.Boolean', description: '' }]);
    expect(v2024.relatedLinks).toEqual([
      { text: '', url: 'https://learn.microsoft.com/powershell/module/microsoft.graph.applications/get-mgserviceprincipalsynchronizationaccesstoken' },
      { text: '', url: 'https://learn.microsoft.com/graph/api/synchronization-synchronization-acquireaccesstoken?view=graph-rest-1.0' },
    ]);
  });

  it('reads the plain-line NOTES trees like the 0.14 list trees', () => {
    const trees = (help: CmdletHelp) => help.complexParameters.map((tree) => [tree.name, tree.typeName, tree.description, propertyNames(tree.properties)]);
    const [body2024, credentials2024, input2024] = trees(v2024);
    const [body014, credentials014, input014] = trees(v014);
    expect(body2024).toEqual(body014);
    expect(credentials2024).toEqual(credentials014);
    // The 2024 identity type has one more key, `Name`.
    const inputProperties2024 = v2024.complexParameters[2]?.properties.map((property) => property.name) ?? [];
    expect(inputProperties2024).toHaveLength(24);
    expect(inputProperties2024.filter((name) => name !== 'Name')).toEqual(v014.complexParameters[2]?.properties.map((property) => property.name));
    expect(input2024?.[0]).toBe(input014?.[0]);
  });
});
