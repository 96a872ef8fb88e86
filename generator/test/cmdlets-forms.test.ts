import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCmdletHelp, readCmdletHelpFolder, type CmdletHelp } from '../src/sources/cmdlets/index.js';

const fixturesDir = fileURLToPath(new URL('./fixtures/cmdlets/', import.meta.url));

function parseFixture(name: string) {
  const file = path.join(fixturesDir, name);
  return parseCmdletHelp(readFileSync(file, 'utf8'), file);
}

function helpOf(result: ReturnType<typeof parseCmdletHelp>): CmdletHelp {
  if (!result.help) throw new Error('no help parsed');
  return result.help;
}

function parameterNamed(help: CmdletHelp, name: string) {
  return help.parameters.find((parameter) => parameter.name === name);
}

describe('platyPS forms beyond the seed files', () => {
  const widgetResult = parseFixture('Set-MgFixtureWidget.md');
  const widget = helpOf(widgetResult);

  it('reads positional syntax forms: [-Name] <T> and [[-Name] <T>]', () => {
    const acquire = widget.syntax.find((block) => block.setName === 'Acquire');
    expect(acquire?.parameters.map(({ source: _source, ...item }) => item)).toEqual([
      { name: 'WidgetId', typeName: 'String', required: true, positional: true },
      { name: 'BodyParameter', typeName: 'IFixtureWidgetBody', required: true, positional: false },
      { name: 'Label', typeName: 'String', required: false, positional: true },
      { name: 'Tags', typeName: 'String[]', required: false, positional: false },
      { name: 'Force', required: false, positional: false },
    ]);
    expect(acquire?.usage).toBe('Set-MgFixtureWidget [-WidgetId] <String> -BodyParameter <IFixtureWidgetBody> [[-Label] <String>] [-Tags <String[]>] [-Force] [<CommonParameters>]');
  });

  it('reads per-set Required and a ByPropertyName pipeline', () => {
    expect(parameterNamed(widget, 'WidgetId')).toMatchObject({
      aliases: ['Id', 'ObjectId'],
      acceptsWildcards: true,
      pipelineInput: 'True (ByPropertyName, ByValue)',
    });
    const sets = parameterNamed(widget, 'WidgetId')?.parameterSets.map(({ source: _source, ...set }) => set);
    expect(sets).toEqual([
      { setName: 'Acquire', required: true, position: '0', valueFromPipeline: true, valueFromPipelineByPropertyName: true },
      { setName: 'AcquireExpanded', required: true, position: '0', valueFromPipeline: true, valueFromPipelineByPropertyName: true },
      { setName: 'Other', required: false, position: '0', valueFromPipeline: true, valueFromPipelineByPropertyName: true },
    ]);
  });

  it('merges one yaml block per group of sets', () => {
    const tags = parameterNamed(widget, 'Tags');
    expect(tags?.parameterSets.map((set) => [set.setName, set.position, set.valueFromPipelineByPropertyName])).toEqual([
      ['Acquire', '2', false],
      ['AcquireExpanded', 'Named', true],
    ]);
    expect(tags?.pipelineInput).toBe('False; True (ByPropertyName)');
  });

  it('reads accepted values and defaults, and unquoted 0.14 values that are not strict YAML', () => {
    expect(parameterNamed(widget, 'Colour')).toMatchObject({ acceptedValues: ['Red', 'Green', 'Blue'], defaultValue: 'Red' });
    expect(parameterNamed(widget, 'Force')?.defaultValue).toBe('False');
    expect(parameterNamed(widget, 'Encoding')?.defaultValue).toBe('[System.Text.Encoding]::UTF8');
    expect(widgetResult.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'cmdlet/unquoted-parameter-yaml', line: 186, column: 38 })]);
  });

  it('keeps prose readable: escapes resolved, links reduced to their text, lists kept as lines', () => {
    expect(widget.synopsis).toBe('Sets a widget.\nSecond line of the synopsis.');
    expect(widget.description).toBe('Sets a widget from an <input> object.\nSee the widget docs.\n\n- first point\n- second point');
  });

  it('keeps each fence of an example, with the prose as remarks', () => {
    const [example] = widget.examples;
    expect(example).toMatchObject({
      title: 'Example 1: Set a widget',
      code: 'Set-MgFixtureWidget -WidgetId 42 -Force\n\nTrue',
      language: 'powershell',
      remarks: 'This example sets a widget.\n\nIt prints True.',
      isPlaceholder: false,
      codeBlocks: [
        { code: 'Set-MgFixtureWidget -WidgetId 42 -Force', language: 'powershell' },
        { code: 'True', language: 'output' },
      ],
    });
  });

  it('reads plain-line NOTES trees with markdown escapes, nesting by indentation', () => {
    const body = widget.complexParameters.find((tree) => tree.name === 'BODYPARAMETER');
    expect(body).toEqual({
      name: 'BODYPARAMETER',
      typeName: 'IFixtureWidgetBody',
      description: 'The body.',
      properties: [
        { name: 'Name', typeName: 'String', required: true, description: 'Required name.', properties: [] },
        {
          name: 'Parts',
          typeName: 'IFixturePart[]',
          required: false,
          description: 'The parts.',
          properties: [
            { name: 'Size', typeName: 'Int32?', required: false, description: 'Size of the part,\nwrapped onto a second line.', properties: [] },
            {
              name: 'Shape',
              typeName: 'IFixtureShape',
              required: false,
              description: 'shape',
              properties: [
                {
                  name: '(Any)',
                  typeName: 'Object',
                  required: false,
                  description: 'This indicates any property can be added to this object.',
                  properties: [],
                },
                { name: 'Sides', typeName: 'Int32?', required: false, description: '', properties: [] },
              ],
            },
          ],
        },
        { name: 'Owner', typeName: 'String', required: false, description: 'Who owns it.', properties: [] },
      ],
    });
    expect(widget.complexParameters.find((tree) => tree.name === 'INPUTOBJECT')?.properties.map((p) => p.name)).toEqual(['WidgetId', 'UserId']);
  });

  it('reads type notes, dropping the description placeholder', () => {
    expect(widget.inputs).toEqual([
      { typeName: 'Microsoft.Graph.PowerShell.Models.IFixtureIdentity', description: 'An identity.' },
      { typeName: 'System.String[]', description: '' },
    ]);
    expect(widget.outputs).toEqual([{ typeName: 'System.Boolean', description: '' }]);
  });

  it('reads related links with text, with empty text, and bare', () => {
    expect(widget.relatedLinks).toEqual([
      { text: 'Online Version:', url: 'https://example.test/set-mgfixturewidget' },
      { text: '', url: 'https://example.test/empty-text' },
      { text: '', url: 'https://example.test/bare' },
    ]);
  });

  it('reads an unnamed single syntax block as the default __AllParameterSets', () => {
    const single = helpOf(parseFixture('Get-MgFixtureSingleSet.md'));
    expect(single.syntax.map(({ setName, isDefault }) => ({ setName, isDefault }))).toEqual([{ setName: '__AllParameterSets', isDefault: true }]);
    expect(single.aliases).toEqual(['gfss']);
    expect(single.onlineVersion).toBeUndefined();
    expect(single.examples[0]).toMatchObject({ title: 'EXAMPLE 1', remarks: '{{ Add example description here }}', isPlaceholder: true });
    expect(single.complexParameters).toEqual([]);
  });

  it('reads a 2024-05-01 ALIASES list and unfenced example code', () => {
    const text = [
      '---',
      'PlatyPS schema version: 2024-05-01',
      'HelpUri: https://example.test/get-mgfixturething',
      '---',
      '',
      '# Get-MgFixtureThing',
      '',
      '## SYNOPSIS',
      '',
      'Gets a thing.',
      '',
      '## SYNTAX',
      '',
      '### __AllParameterSets',
      '',
      '```',
      'Get-MgFixtureThing [<CommonParameters>]',
      '```',
      '',
      '## ALIASES',
      '',
      'This cmdlet has the following aliases,',
      '  gft, fixturething',
      '',
      '## EXAMPLES',
      '',
      '### Example 1: Get it',
      '',
      'Get-MgFixtureThing',
      '',
      'Gets the thing.',
      '',
      '## PARAMETERS',
      '',
      '### CommonParameters',
      '',
      'This cmdlet supports the common parameters.',
      '',
    ].join('\n');
    const result = parseCmdletHelp(text, 'Get-MgFixtureThing.md');
    expect(result.diagnostics).toEqual([]);
    const help = helpOf(result);
    expect(help).toMatchObject({ dialect: 'platyps-2024-05-01', aliases: ['gft', 'fixturething'], onlineVersion: 'https://example.test/get-mgfixturething' });
    expect(help.examples).toEqual([expect.objectContaining({ title: 'Example 1: Get it', code: 'Get-MgFixtureThing', remarks: 'Gets the thing.', isPlaceholder: false })]);
    expect(help.parameters).toEqual([]);
    expect(help.supportsCommonParameters).toBe(true);
  });

  it('reads NOTES trees with list items at column 1 and wrapped descriptions', () => {
    const text = [
      '---',
      'schema: 2.0.0',
      '---',
      '# Get-MgFixtureNotes',
      '## SYNTAX',
      '```',
      'Get-MgFixtureNotes [<CommonParameters>]',
      '```',
      '## NOTES',
      'ALIASES',
      '',
      'COMPLEX PARAMETER PROPERTIES',
      '',
      'To create the parameters described below, construct a hash table.',
      'For information on hash tables, run Get-Help about_Hash_Tables.',
      '',
      '`FILTER <IFixtureFilter>`: A filter',
      'whose description wraps.',
      '- `[Field <String>]`: The field',
      '  - `Value <String>`: The value',
      '',
      'Closing remarks that are not part of any tree.',
      '  [Ignored <String>]: not a property of FILTER',
      '',
      '## RELATED LINKS',
      '',
    ].join('\n');
    const result = parseCmdletHelp(text, 'Get-MgFixtureNotes.md');
    expect(result.diagnostics).toEqual([]);
    expect(result.help?.complexParameters).toEqual([
      {
        name: 'FILTER',
        typeName: 'IFixtureFilter',
        description: 'A filter\nwhose description wraps.',
        properties: [
          {
            name: 'Field',
            typeName: 'String',
            required: false,
            description: 'The field',
            properties: [{ name: 'Value', typeName: 'String', required: true, description: 'The value', properties: [] }],
          },
        ],
      },
    ]);
  });

  it('reads CRLF files like LF files', () => {
    const file = path.join(fixturesDir, 'Set-MgFixtureWidget.md');
    const crlf = parseCmdletHelp(readFileSync(file, 'utf8').replace(/\n/g, '\r\n'), file);
    expect(crlf).toEqual(widgetResult);
  });
});

describe('readCmdletHelpFolder', () => {
  it('reads *.md in file-name order and leaves module pages out', async () => {
    const folder = await readCmdletHelpFolder(fixturesDir);
    expect(folder.cmdlets.map((help) => help.name)).toEqual(['Get-MgFixtureSingleSet', 'Set-MgFixtureWidget']);
    expect(folder.skippedModulePages.map((file) => path.basename(file))).toEqual(['Microsoft.Graph.Fixture.md']);
    expect(folder.diagnostics.map((d) => d.code)).toEqual(['cmdlet/unquoted-parameter-yaml']);
    expect(folder.cmdlets[0]?.file).toBe(path.join(fixturesDir, 'Get-MgFixtureSingleSet.md'));
  });

  it('reads only the files the filter includes', async () => {
    const folder = await readCmdletHelpFolder(fixturesDir, { include: (name) => name.startsWith('Set-') });
    expect(folder.cmdlets.map((help) => help.name)).toEqual(['Set-MgFixtureWidget']);
    expect(folder.skippedModulePages).toEqual([]);
  });

  it('shares equal NOTES subtrees across the folder’s files, and only equal ones', async () => {
    const { specsDir } = await import('./helpers/paths.js');
    const folder = await readCmdletHelpFolder(path.join(specsDir, 'cmdlets'));
    const [application, servicePrincipal] = folder.cmdlets.map((help) => help.complexParameters.find((tree) => tree.name === 'CREDENTIALS')?.properties ?? []);
    // the two cmdlets' CREDENTIALS trees are the same Key and Value lines: one object each
    expect(application?.length).toBeGreaterThan(0);
    expect(application?.map((property) => property.name)).toEqual(servicePrincipal?.map((property) => property.name));
    application?.forEach((property, index) => expect(property).toBe(servicePrincipal?.[index]));
    // the same names under different descriptions stay apart (read with their own sharing)
    const text = (description: string) =>
      readFileSync(path.join(specsDir, 'cmdlets/Get-MgApplicationSynchronizationAccessToken.md'), 'utf8').replace(
        /(`CREDENTIALS <[^>]+>`: [^\n]*\n {2}- `\[Key <String>\]`: )[^\n]*/,
        `$1${description}`,
      );
    const { SharedReading } = await import('../src/sources/cmdlets/shared-reading.js');
    const shared = new SharedReading();
    const first = parseCmdletHelp(text('one'), 'a.md', shared).help?.complexParameters.find((tree) => tree.name === 'CREDENTIALS')?.properties[0];
    const second = parseCmdletHelp(text('two'), 'b.md', shared).help?.complexParameters.find((tree) => tree.name === 'CREDENTIALS')?.properties[0];
    expect([first?.description, second?.description]).toEqual(['one', 'two']);
    expect(first).not.toBe(second);
  });

  it('reports a folder it cannot read as one error', async () => {
    const missing = path.join(fixturesDir, 'no-such-folder');
    const folder = await readCmdletHelpFolder(missing);
    expect(folder.cmdlets).toEqual([]);
    expect(folder.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'cmdlet/unreadable-folder', file: missing })]);
  });
});
