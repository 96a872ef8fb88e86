import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics/index.js';
import { parseCmdletHelp } from '../src/sources/cmdlets/index.js';

const FILE = 'specs/cmdlets/Get-MgBroken.md';

const FRONT_MATTER = ['---', 'Module Name: Microsoft.Graph.Fixture', 'schema: 2.0.0', '---', ''];
const SYNTAX = [
  '## SYNTAX',
  '',
  '### Get (Default)',
  '```',
  'Get-MgBroken -Id <String> [-Top <Int32>] [<CommonParameters>]',
  '```',
  '',
  '### GetViaIdentity',
  '```',
  'Get-MgBroken -InputObject <IFixtureIdentity> [<CommonParameters>]',
  '```',
  '',
];

function parameterBlock(name: string, sets: string, required = 'False'): string[] {
  return [
    `### -${name}`,
    `The ${name}.`,
    '',
    '```yaml',
    'Type: System.String',
    `Parameter Sets: ${sets}`,
    'Aliases:',
    '',
    `Required: ${required}`,
    'Position: Named',
    'Default value: None',
    'Accept pipeline input: False',
    'Accept wildcard characters: False',
    '```',
    '',
  ];
}

const PARAMETERS = ['## PARAMETERS', '', ...parameterBlock('Id', 'Get', 'True'), ...parameterBlock('Top', 'Get'), ...parameterBlock('InputObject', 'GetViaIdentity', 'True')];

function helpFile(parts: { frontMatter?: string[]; title?: string[]; syntax?: string[]; parameters?: string[] }): string {
  return [
    ...(parts.frontMatter ?? FRONT_MATTER),
    ...(parts.title ?? ['# Get-MgBroken', '']),
    '## SYNOPSIS',
    'Gets a broken thing.',
    '',
    ...(parts.syntax ?? SYNTAX),
    '## DESCRIPTION',
    'Gets it.',
    '',
    ...(parts.parameters ?? PARAMETERS),
    '## RELATED LINKS',
    '',
  ].join('\n');
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

function errors(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 'error');
}

function expectWellFormed(diagnostic: Diagnostic | undefined): void {
  expect(diagnostic?.file).toBe(FILE);
  expect(diagnostic?.line).toBeGreaterThan(0);
  expect(diagnostic?.column).toBeGreaterThan(0);
  expect(diagnostic?.message.length).toBeGreaterThan(10);
  expect(diagnostic?.hint?.length).toBeGreaterThan(10);
}

describe('malformed cmdlet help', () => {
  it('accepts the well-formed baseline without diagnostics', () => {
    const result = parseCmdletHelp(helpFile({}), FILE);
    expect(result.diagnostics).toEqual([]);
    expect(result.help?.parameters.map((p) => p.name)).toEqual(['Id', 'Top', 'InputObject']);
  });

  it('reports a missing SYNTAX section once, at the section where it was expected', () => {
    const text = helpFile({ syntax: [] });
    const result = parseCmdletHelp(text, FILE);
    expect(result.diagnostics).toHaveLength(1);
    const [error] = result.diagnostics;
    expect(error).toMatchObject({ severity: 'error', code: 'cmdlet/missing-syntax', line: lineOf(text, '## DESCRIPTION'), column: 1 });
    expect(error?.message).toContain('Get-MgBroken');
    expect(error?.message).toContain('## SYNTAX');
    expectWellFormed(error);
    expect(result.help?.syntax).toEqual([]);
  });

  it('reports a parameter set that no SYNTAX block has, naming it, at its place in the yaml', () => {
    const text = helpFile({
      parameters: ['## PARAMETERS', '', ...parameterBlock('Id', 'Get, Bogus', 'True'), ...parameterBlock('Top', 'Get'), ...parameterBlock('InputObject', 'GetViaIdentity')],
    });
    const result = parseCmdletHelp(text, FILE);
    expect(errors(result.diagnostics)).toHaveLength(1);
    const [error] = result.diagnostics;
    expect(error).toMatchObject({ severity: 'error', code: 'cmdlet/unknown-parameter-set', line: lineOf(text, 'Parameter Sets: Get, Bogus') });
    expect(error?.column).toBe('Parameter Sets: Get, '.length + 1);
    expect(error?.message).toContain("'Bogus'");
    expect(error?.message).toContain('-Id');
    expectWellFormed(error);
  });

  it('reports an unknown parameter set in a 2024-05-01 block at its Name line', () => {
    const text = helpFile({
      frontMatter: ['---', 'PlatyPS schema version: 2024-05-01', '---', ''],
      parameters: [
        '## PARAMETERS',
        '',
        ...parameterBlock('Id', 'Get', 'True'),
        ...parameterBlock('Top', 'Get'),
        '### -InputObject',
        '',
        '```yaml',
        'Type: Microsoft.Graph.PowerShell.Models.IFixtureIdentity',
        'Aliases: []',
        'ParameterSets:',
        '- Name: ViaIdentity',
        '  Position: Named',
        '  IsRequired: true',
        '  ValueFromPipeline: true',
        '  ValueFromPipelineByPropertyName: false',
        '```',
        '',
      ],
    });
    const result = parseCmdletHelp(text, FILE);
    expect(errors(result.diagnostics)).toEqual([expect.objectContaining({ code: 'cmdlet/unknown-parameter-set', line: lineOf(text, '- Name: ViaIdentity'), column: 9 })]);
    expect(result.diagnostics[0]?.message).toContain("'ViaIdentity'");
  });

  it('reports broken yaml at its line in the markdown file, not in the fence', () => {
    const broken = parameterBlock('Top', 'Get').map((line) => (line === 'Aliases:' ? '  Aliases: x' : line));
    const text = helpFile({ parameters: ['## PARAMETERS', '', ...parameterBlock('Id', 'Get', 'True'), ...broken, ...parameterBlock('InputObject', 'GetViaIdentity')] });
    const result = parseCmdletHelp(text, FILE);
    expect(result.diagnostics).toHaveLength(1);
    const [error] = result.diagnostics;
    expect(error).toMatchObject({ severity: 'error', code: 'cmdlet/invalid-parameter-yaml' });
    // yaml stops at `Parameter Sets: Get`, whose value the mis-indented `  Aliases: x` would continue.
    expect(error?.line).toBe(lineOf(text, '  Aliases: x') - 1);
    expect(text.split('\n')[(error?.line ?? 0) - 1]).toBe('Parameter Sets: Get');
    expect(error?.message).toContain('-Top');
    expectWellFormed(error);
    // The parameter is left out, but not reported a second time as undocumented.
    expect(result.help?.parameters.map((p) => p.name)).toEqual(['Id', 'InputObject']);
  });

  it('reports a syntax parameter without a PARAMETERS entry at the parameter in the usage line', () => {
    const text = helpFile({ parameters: ['## PARAMETERS', '', ...parameterBlock('Id', 'Get', 'True'), ...parameterBlock('InputObject', 'GetViaIdentity')] });
    const result = parseCmdletHelp(text, FILE);
    expect(result.diagnostics).toHaveLength(1);
    const [error] = result.diagnostics;
    const usageLine = lineOf(text, 'Get-MgBroken -Id');
    expect(error).toMatchObject({ code: 'cmdlet/undocumented-parameter', line: usageLine, column: 'Get-MgBroken -Id <String> '.length + 1 });
    expect(error?.message).toContain('-Top');
    expectWellFormed(error);
  });

  it('reports a missing title and returns no help', () => {
    const text = helpFile({ title: [] });
    const result = parseCmdletHelp(text, FILE);
    expect(result.help).toBeUndefined();
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'cmdlet/missing-title', line: lineOf(text, '## SYNOPSIS') })]);
    expectWellFormed(result.diagnostics[0]);
  });

  it('warns about missing front matter when the file still parses', () => {
    const result = parseCmdletHelp(helpFile({ frontMatter: [] }), FILE);
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'cmdlet/missing-front-matter', line: 1 })]);
    expect(result.help?.dialect).toBe('platyps-0.14');
    expect(result.help?.parameters).toHaveLength(3);
  });

  it('makes an unknown dialect an error when the file does not parse either', () => {
    const result = parseCmdletHelp(helpFile({ frontMatter: ['---', 'schema: 9.9.9', '---', ''], syntax: [] }), FILE);
    // Diagnostics come in file order: the front matter first.
    expect(result.diagnostics.map((d) => [d.severity, d.code])).toEqual([
      ['error', 'cmdlet/unknown-dialect'],
      ['error', 'cmdlet/missing-syntax'],
    ]);
    expect(result.diagnostics[0]?.message).toContain("'9.9.9'");
  });

  it('reports a parameter section without a yaml block', () => {
    const text = helpFile({
      parameters: ['## PARAMETERS', '', ...parameterBlock('Id', 'Get', 'True'), '### -Top', 'No yaml here.', '', ...parameterBlock('InputObject', 'GetViaIdentity')],
    });
    const result = parseCmdletHelp(text, FILE);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'cmdlet/missing-parameter-yaml', line: lineOf(text, '### -Top') })]);
  });

  it('reports a module page as not cmdlet help', () => {
    const result = parseCmdletHelp(['---', 'Module Name: M', 'Module Guid: 00000000-0000-0000-0000-000000000000', '---', '', '# M Module', ''].join('\n'), FILE);
    expect(result.isModulePage).toBe(true);
    expect(result.help).toBeUndefined();
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'cmdlet/module-page' })]);
  });

  it('keeps fenced code intact when a fence sits where remark does not see one', () => {
    const text = helpFile({}).replace('## DESCRIPTION\nGets it.', '## DESCRIPTION\n<div>\n```\n## NOT A HEADING\n```\n</div>');
    const result = parseCmdletHelp(text, FILE);
    expect(result.diagnostics).toEqual([]);
    expect(result.help?.description).toContain('## NOT A HEADING');
    expect(result.help?.parameters).toHaveLength(3);
  });
});
