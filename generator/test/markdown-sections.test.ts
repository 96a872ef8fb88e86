/**
 * remark one section at a time (sources/cmdlets/markdown-sections.ts) must give the tree remark
 * gives the whole file, positions included, for every help file; sections equal across files are
 * parsed once; and a file whose sections something could tie together is parsed whole.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Nodes } from 'mdast';
import { parseHelpMarkdown } from '../src/sources/cmdlets/help-markdown.js';
import { ParsedSections } from '../src/sources/cmdlets/markdown-sections.js';
import { prepareSource } from '../src/sources/cmdlets/prepare-source.js';
import { sharedDir, specsDir } from './helpers/paths.js';

const corpusDir = path.join(sharedDir, 'corpus/graph-powershell-2023/cmdlets/Applications');
const fixtureDirs = [path.join(specsDir, 'cmdlets'), path.join(import.meta.dirname, 'fixtures/cmdlets'), path.join(import.meta.dirname, 'fixtures/platyps-2024-05-01')];
if (!existsSync(corpusDir)) console.log(`markdown sections: the corpus part is skipped, ${corpusDir} does not exist`);

const helpFiles = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.md'))
        .map((name) => path.join(dir, name))
    : [];

/** The tree without the offsets, which point into the collapsed text and are dropped anyway. */
function shape(node: Nodes): unknown {
  const { position, ...rest } = node as Nodes & { children?: Nodes[] };
  const at = position && { start: [position.start.line, position.start.column], end: [position.end.line, position.end.column] };
  return 'children' in rest ? { ...rest, at, children: (rest.children as Nodes[]).map(shape) } : { ...rest, at };
}

describe('help markdown read one section at a time', () => {
  it('gives the tree remark gives the whole file, for every help file (read twice with one cache)', () => {
    const files = [...fixtureDirs.flatMap(helpFiles), ...helpFiles(corpusDir)];
    expect(files.length).toBeGreaterThan(10);
    const sections = new ParsedSections();
    for (const round of [1, 2]) {
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        const whole = parseHelpMarkdown(text);
        const bySection = parseHelpMarkdown(text, sections);
        expect(shape(bySection.root), `${file} (round ${round})`).toEqual(shape(whole.root));
        expect(bySection.complexParameterLines).toEqual(whole.complexParameterLines);
      }
    }
  });

  it('parses a section that repeats across files once', () => {
    const help = readFileSync(path.join(specsDir, 'cmdlets/Get-MgApplicationSynchronizationAccessToken.md'), 'utf8');
    const sections = new ParsedSections();
    parseHelpMarkdown(help, sections);
    const once = sections.parsedCount;
    expect(once).toBeGreaterThan(5);
    // another cmdlet with the same parameters: only the sections naming it differ
    parseHelpMarkdown(help.replaceAll('Get-MgApplicationSynchronizationAccessToken', 'Get-MgFixtureTwin'), sections);
    const twinSections = sections.parsedCount - once;
    expect(twinSections).toBeGreaterThan(0);
    expect(twinSections).toBeLessThan(once / 2);
  });

  it.each([
    ['an HTML block', '<div>\n\n## SYNOPSIS\n\n</div>'],
    ['a link reference definition', '[graph]: https://graph.microsoft.com'],
    ['an indented fence', '  ```\n## SYNOPSIS\n  ```'],
    ['a `~~~` fence with a backtick in its info string', '~~~ps`x\n## SYNOPSIS\n~~~'],
  ])('parses a file with %s whole, as one section', (_, insert) => {
    const help = readFileSync(path.join(specsDir, 'cmdlets/Get-MgApplicationSynchronizationAccessToken.md'), 'utf8').replace('## DESCRIPTION\n', `## DESCRIPTION\n\n${insert}\n\n`);
    expect(prepareSource(help, { emptyFencedCode: true }).sectionStarts).toEqual([]);
    expect(prepareSource(readFileSync(path.join(specsDir, 'cmdlets/Get-MgApplicationSynchronizationAccessToken.md'), 'utf8'), { emptyFencedCode: true }).sectionStarts.length).toBeGreaterThan(5);
    const sections = new ParsedSections();
    expect(shape(parseHelpMarkdown(help, sections).root)).toEqual(shape(parseHelpMarkdown(help).root));
    expect(sections.parsedCount).toBe(0);
  });

  it.each([
    ['a link reference definition inside a list item', '- [graph]: https://graph.microsoft.com', '## NOTES\n', '## NOTES\n\nSee [graph].\n'],
    ['an inline HTML element', 'Text with <b>bold</b> in it.', '## NOTES\n', '## NOTES\n\nMore text.\n'],
  ])('parses a file with %s whole, found in the parsed sections', (_, insert, anchor, replacement) => {
    const help = readFileSync(path.join(specsDir, 'cmdlets/Get-MgApplicationSynchronizationAccessToken.md'), 'utf8')
      .replace('## DESCRIPTION\n', `## DESCRIPTION\n\n${insert}\n\n`)
      .replace(anchor, replacement);
    expect(prepareSource(help, { emptyFencedCode: true }).sectionStarts.length).toBeGreaterThan(5);
    expect(shape(parseHelpMarkdown(help, new ParsedSections()).root)).toEqual(shape(parseHelpMarkdown(help).root));
  });

  it('starts no section inside front matter (a `##` line there is a YAML comment)', () => {
    const help = readFileSync(path.join(specsDir, 'cmdlets/Get-MgApplicationSynchronizationAccessToken.md'), 'utf8').replace('schema: 2.0.0\n', 'schema: 2.0.0\n## a YAML comment\n');
    const prepared = prepareSource(help, { emptyFencedCode: true });
    const lines = prepared.markdownLines;
    expect(prepared.sectionStarts.map((index) => lines[index])).not.toContain('## a YAML comment');
    const bySection = parseHelpMarkdown(help, new ParsedSections()).root;
    expect(bySection.children[0]?.type).toBe('yaml');
    expect(shape(bySection)).toEqual(shape(parseHelpMarkdown(help).root));
  });
});
