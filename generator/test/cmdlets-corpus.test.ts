import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Code, Nodes } from 'mdast';
import { formatDiagnostic } from '../src/diagnostics/index.js';
import { parseHelpMarkdown } from '../src/sources/cmdlets/help-markdown.js';
import { parseMarkdown } from '../src/sources/cmdlets/markdown.js';
import { readCmdletHelpFolder, type CmdletHelpFolder } from '../src/sources/cmdlets/index.js';

const corpusDir = fileURLToPath(new URL('../../../shared/corpus/graph-powershell-2023/cmdlets/Applications', import.meta.url));
const corpusExists = existsSync(corpusDir);
if (!corpusExists) console.log(`cmdlet corpus tests skipped: ${corpusDir} does not exist`);

describe.skipIf(!corpusExists)('Graph PowerShell 2023 corpus: Applications module', () => {
  let folder: CmdletHelpFolder;
  const markdownFiles = corpusExists ? readdirSync(corpusDir).filter((name) => name.endsWith('.md')) : [];

  beforeAll(async () => {
    folder = await readCmdletHelpFolder(corpusDir);
    const errors = folder.diagnostics.filter((d) => d.severity === 'error');
    const warnings = folder.diagnostics.filter((d) => d.severity === 'warning');
    console.log(
      `corpus: ${markdownFiles.length} files, ${folder.cmdlets.length} cmdlets, ${folder.skippedModulePages.length} module page(s) skipped, ` + `${errors.length} errors, ${warnings.length} warnings`,
    );
    for (const diagnostic of folder.diagnostics.slice(0, 20)) console.log(formatDiagnostic(diagnostic));
  });

  it('parses all 257 files with no errors and no warnings', () => {
    expect(markdownFiles).toHaveLength(257);
    expect(folder.cmdlets.length + folder.skippedModulePages.length).toBe(257);
    expect(folder.skippedModulePages.map((file) => path.basename(file))).toEqual(['Microsoft.Graph.Applications.md']);
    expect(folder.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(folder.diagnostics).toEqual([]);
  });

  it('returns cmdlets in file-name order, each named after its file', () => {
    const files = folder.cmdlets.map((help) => path.basename(help.file));
    expect(files).toEqual([...files].sort());
    for (const help of folder.cmdlets) {
      expect(path.basename(help.file, '.md')).toBe(help.name);
      expect(help.dialect).toBe('platyps-0.14');
      expect(`${help.verb}-${help.noun}`).toBe(help.name);
    }
  });

  it('gives every cmdlet at least one syntax block and exactly one default set', () => {
    for (const help of folder.cmdlets) {
      expect(help.syntax.length, help.name).toBeGreaterThanOrEqual(1);
      expect(
        help.syntax.filter((block) => block.isDefault),
        help.name,
      ).toHaveLength(1);
      for (const block of help.syntax) expect(block.usage.startsWith(`${help.name} `) || block.usage === help.name, help.name).toBe(true);
    }
  });

  it('documents every syntax parameter under PARAMETERS, with a membership for that set', () => {
    let checked = 0;
    for (const help of folder.cmdlets) {
      for (const block of help.syntax) {
        for (const item of block.parameters) {
          const parameter = help.parameters.find((candidate) => candidate.name.toLowerCase() === item.name.toLowerCase());
          expect(parameter, `${help.name} ${block.setName} -${item.name}`).toBeDefined();
          const membership = parameter?.parameterSets.find((set) => set.setName === block.setName || set.setName === '(All)');
          expect(membership, `${help.name} -${item.name} in ${block.setName}`).toBeDefined();
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it('names only parameter sets that SYNTAX has, and lists each parameter in the syntax of its sets', () => {
    for (const help of folder.cmdlets) {
      const setNames = new Set(help.syntax.map((block) => block.setName));
      for (const parameter of help.parameters) {
        expect(parameter.type, `${help.name} -${parameter.name}`).not.toBe('');
        expect(parameter.parameterSets.length, `${help.name} -${parameter.name}`).toBeGreaterThan(0);
        for (const membership of parameter.parameterSets) {
          if (membership.setName === '(All)') continue;
          expect(setNames.has(membership.setName), `${help.name} -${parameter.name} ${membership.setName}`).toBe(true);
          const block = help.syntax.find((candidate) => candidate.setName === membership.setName);
          expect(
            block?.parameters.some((item) => item.name === parameter.name),
            `${help.name} -${parameter.name}`,
          ).toBe(true);
        }
      }
    }
  });

  it('has a NOTES tree for every parameter whose description points to one', () => {
    let references = 0;
    for (const help of folder.cmdlets) {
      for (const parameter of help.parameters) {
        const reference = /see NOTES section for (\w+) properties/.exec(parameter.description)?.[1];
        if (!reference) continue;
        references++;
        const tree = help.complexParameters.find((candidate) => candidate.name === reference);
        expect(tree, `${help.name} -${parameter.name} → ${reference}`).toBeDefined();
        expect(parameter.name.toUpperCase()).toBe(reference);
        expect(parameter.type.endsWith(tree?.typeName ?? '?'), `${help.name} -${parameter.name}`).toBe(true);
      }
    }
    expect(references).toBeGreaterThan(500);
  });

  it('reads deep NOTES trees by list nesting', () => {
    const newApplication = folder.cmdlets.find((help) => help.name === 'New-MgApplication');
    const body = newApplication?.complexParameters.find((tree) => tree.name === 'BODYPARAMETER');
    const api = body?.properties.find((property) => property.name === 'Api');
    expect(api?.typeName).toBe('IMicrosoftGraphApiApplication1');
    expect(api?.properties.map((property) => property.name)).toContain('Oauth2PermissionScopes');
    const scopes = api?.properties.find((property) => property.name === 'Oauth2PermissionScopes');
    expect(scopes?.properties.length).toBeGreaterThan(5);
  });

  it('gets the same fenced code from the fast path as from remark alone', () => {
    const codeOf = (node: Nodes): Pick<Code, 'lang' | 'value'>[] => (node.type === 'code' ? [{ lang: node.lang, value: node.value }] : 'children' in node ? node.children.flatMap(codeOf) : []);
    for (const name of markdownFiles.filter((_, index) => index % 8 === 0)) {
      const text = readFileSync(path.join(corpusDir, name), 'utf8');
      expect(codeOf(parseHelpMarkdown(text).root), name).toEqual(codeOf(parseMarkdown(text)));
    }
  });

  it('reads the fenced examples with their remarks', () => {
    const examples = folder.cmdlets.flatMap((help) => help.examples);
    expect(examples.length).toBeGreaterThan(100);
    expect(examples.filter((example) => example.isPlaceholder)).toEqual([]);
    const key = folder.cmdlets.find((help) => help.name === 'Add-MgApplicationKey')?.examples[0];
    expect(key?.title).toBe('Example 1: Using the Add-MgApplicationKey Cmdlet');
    expect(key?.language).toBe('powershell');
    expect(key?.code).toMatch(/^Import-Module Microsoft.Graph.Applications\n/);
    expect(key?.remarks).toMatch(/^This example shows how to use the Add-MgApplicationKey Cmdlet\./);
  });
});
