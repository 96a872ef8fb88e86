/**
 * Cmdlet pages stay platyPS 0.14: reading an emitted page with our own reader gives back the
 * parameter sets, parameters and NOTES trees of the help it came from.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GenerationUnitConfig } from '../src/config/index.js';
import { buildApiModel } from '../src/model/index.js';
import { parseCmdletHelp, readCmdletHelpFolder, type CmdletHelp, type ComplexProperty } from '../src/sources/cmdlets/index.js';
import { loadOpenApiDocument } from '../src/sources/openapi/index.js';
import { NOTES_DEPTH, NOTES_LINE_BUDGET, renderCmdletPage } from '../src/targets/docs/cmdlet-page.js';
import { createDocsContext } from '../src/targets/docs/context.js';
import { bareDotLines, emitProjectDocs } from './docs-helpers.js';
import { corpusAvailable, corpusCmdlets, corpusOpenApi, SELECT_EVERYTHING } from './helpers/paths.js';

function parse(text: string, file: string): CmdletHelp {
  const { help, diagnostics } = parseCmdletHelp(text, file);
  expect(
    diagnostics.filter((d) => d.severity === 'error'),
    file,
  ).toEqual([]);
  if (!help) throw new Error(`${file} did not parse as cmdlet help`);
  return help;
}

function size(properties: readonly ComplexProperty[]): number {
  return properties.reduce((total, property) => total + 1 + size(property.properties), 0);
}

/** The tree as a page spells it: whole, or cut below NOTES_DEPTH when longer than NOTES_LINE_BUDGET lines. */
function tree(properties: readonly ComplexProperty[], cut = size(properties) > NOTES_LINE_BUDGET, depth = 1): unknown[] {
  return properties.map((property) => ({
    name: property.name,
    typeName: property.typeName,
    required: property.required,
    properties: cut && depth >= NOTES_DEPTH ? [] : tree(property.properties, cut, depth + 1),
  }));
}

/** What must survive the round trip; `(All)` is expanded so both spellings compare equal. */
function shape(help: CmdletHelp) {
  const allSets = help.syntax.map((block) => block.setName);
  return {
    name: help.name,
    sets: help.syntax.map((block) => ({
      name: block.setName,
      isDefault: block.isDefault,
      parameters: block.parameters.map((parameter) => ({ name: parameter.name, typeName: parameter.typeName, required: parameter.required })),
    })),
    parameters: help.parameters.map((parameter) => ({
      name: parameter.name,
      type: parameter.type,
      aliases: parameter.aliases,
      defaultValue: parameter.defaultValue,
      acceptsWildcards: parameter.acceptsWildcards,
      acceptedValues: parameter.acceptedValues,
      sets: parameter.parameterSets
        .flatMap((membership) =>
          (membership.setName === '(All)' ? allSets : [membership.setName]).map((setName) => ({
            setName,
            required: membership.required,
            position: membership.position,
            valueFromPipeline: membership.valueFromPipeline,
            valueFromPipelineByPropertyName: membership.valueFromPipelineByPropertyName,
          })),
        )
        .sort((a, b) => (a.setName < b.setName ? -1 : 1)),
    })),
    supportsCommonParameters: help.supportsCommonParameters,
    inputs: help.inputs.map((note) => note.typeName),
    outputs: help.outputs.map((note) => note.typeName),
    complexParameters: help.complexParameters.map((parameter) => ({
      name: parameter.name,
      typeName: parameter.typeName,
      properties: tree(parameter.properties),
    })),
  };
}

describe('cmdlet pages round-trip through the platyPS reader', () => {
  it('gives back the sets, parameters and NOTES of the project cmdlets', async () => {
    const docs = await emitProjectDocs();
    expect(docs.model.commands.length).toBeGreaterThan(0);
    for (const command of docs.model.commands) {
      const original = parse(readFileSync(command.source.file, 'utf8'), command.source.file);
      const emitted = parse(docs.page(`cmdlets/${command.name}.md`), `cmdlets/${command.name}.md`);
      expect(emitted.dialect).toBe('platyps-0.14');
      expect(emitted.frontMatter['schema']).toBe('2.0.0');
      expect(shape(emitted)).toEqual(shape(original));
      expect(emitted.examples.length).toBeGreaterThan(0);
      expect(emitted.examples.some((example) => example.isPlaceholder)).toBe(false);
      expect(emitted.parameters.every((parameter) => !/^\s*\.?\s*$/.test(parameter.description.split('\n')[0] ?? ''))).toBe(true);
    }
  });

  it.skipIf(!corpusAvailable())('does the same for the 257 cmdlets of the 2023 Applications module', async () => {
    const { document } = await loadOpenApiDocument(corpusOpenApi);
    const { cmdlets } = await readCmdletHelpFolder(corpusCmdlets);
    const unit: GenerationUnitConfig = {
      name: 'corpus',
      lockFile: '/tmp/mgkit-lock.json',
      openapi: corpusOpenApi,
      cmdlets: [corpusCmdlets],
      ...SELECT_EVERYTHING,
      outputs: {},
    };
    const { model } = buildApiModel({ document: document!, cmdlets, unit });
    // Cmdlet pages only: they need no CLI data, so this checks the docs target alone.
    const context = createDocsContext(model!, { clientPackage: '@mgkit/graph-client', binName: 'mgkit' });
    const pages = new Map(model!.commands.map((command) => [`cmdlets/${command.name}.md`, renderCmdletPage(context, command)]));
    console.log(`corpus: ${pages.size} cmdlet pages`);
    let roundTripped = 0;
    for (const help of cmdlets) {
      const page = pages.get(`cmdlets/${help.name}.md`);
      if (!page) continue;
      const emitted = parse(page, `cmdlets/${help.name}.md`);
      expect(shape(emitted), help.name).toEqual(shape(help));
      expect(page, help.name).not.toMatch(/\{\{ *Add .* here *\}\}/);
      expect(bareDotLines(page), help.name).toEqual([]);
      roundTripped += 1;
    }
    expect(roundTripped).toBe(model!.commands.length);
  });
});
