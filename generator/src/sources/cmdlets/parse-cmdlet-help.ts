import type { Heading } from 'mdast';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { readAliases } from './aliases.js';
import { checkParameterSetsExist, checkSyntaxParametersDocumented } from './consistency.js';
import { createParseContext, reportError, sourcePosition, type ParseContext } from './context.js';
import { resolveDialect } from './dialect.js';
import { readExamples } from './examples.js';
import { readFrontMatter, type FrontMatter } from './front-matter.js';
import { parseHelpMarkdown } from './help-markdown.js';
import { blockText, startOf } from './markdown.js';
import { detachedFromSource } from './detach.js';
import { readComplexParameters } from './notes.js';
import type { SharedReading } from './shared-reading.js';
import { readParameters } from './parameters.js';
import { readRelatedLinks } from './related-links.js';
import { headingText, indexSections, outlineHelpDocument, sectionNodes, type HelpOutline, type HelpSection } from './sections.js';
import { readSyntax, type SyntaxSection } from './syntax.js';
import { readTypeNotes } from './type-notes.js';
import type { CmdletHelp, ComplexParameterTree } from './types.js';

export interface CmdletHelpParseResult {
  /** Absent when the file is not cmdlet help (a module page) or has no `# Name` title. */
  readonly help?: CmdletHelp;
  readonly diagnostics: Diagnostic[];
  /** True for a platyPS module page (`Module Guid` in front matter), which is not cmdlet help. */
  readonly isModulePage?: boolean;
}

type TitledOutline = HelpOutline & { readonly title: Heading };

/** Reads one platyPS cmdlet help file (its text, or its lines), either dialect, into a `CmdletHelp` plus diagnostics. */
export function parseCmdletHelp(source: string | readonly string[], file: string, shared?: SharedReading): CmdletHelpParseResult {
  const context = createParseContext(source, file);
  const markdown = parseHelpMarkdown(context.lines, shared?.sections);
  const outline = outlineHelpDocument(markdown.root);
  const frontMatter = readFrontMatter(outline.frontMatter, context);
  if (frontMatter.isModulePage) {
    reportModulePage(context);
    return { diagnostics: context.diagnostics, isModulePage: true };
  }
  if (!outline.title) {
    reportMissingTitle(outline, context);
    return { diagnostics: context.diagnostics };
  }
  const complexParameters = readComplexParameters(markdown.complexParameterLines, shared?.properties);
  const help = readHelp({ ...outline, title: outline.title }, frontMatter, [], context);
  // the NOTES trees are shared between files and own their strings already (notes.ts)
  return { help: { ...detachedFromSource(help), complexParameters }, diagnostics: detachedFromSource(inFileOrder(context.diagnostics)) };
}

function inFileOrder(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

function readHelp(outline: TitledOutline, frontMatter: FrontMatter, complexParameters: readonly ComplexParameterTree[], context: ParseContext): CmdletHelp {
  const name = headingText(outline.title);
  const sections = indexSections(outline.sections);
  const syntax = readSyntaxOrReport(sections, outline, name, context);
  const parameters = readParameters(sections.get('PARAMETERS'), context);
  checkSyntaxParametersDocumented(syntax.blocks, parameters.documentedNames, context);
  // Without syntax blocks every set would be unknown; the missing SYNTAX is the one error to report.
  if (syntax.blocks.length > 0) checkParameterSetsExist(parameters.parameters, syntax.blocks, context);
  const dialect = resolveDialect(frontMatter, outline.frontMatter, sections.has('ALIASES'), context);
  const onlineVersion = frontMatter.values['online version'] || frontMatter.values['HelpUri'];
  const [verb, noun] = splitCmdletName(name);
  return {
    file: context.file,
    dialect,
    frontMatter: frontMatter.values,
    name,
    verb,
    noun,
    synopsis: sectionText(sections.get('SYNOPSIS')),
    description: sectionText(sections.get('DESCRIPTION')),
    ...(onlineVersion ? { onlineVersion } : {}),
    aliases: readAliases(sections.get('ALIASES'), frontMatter.aliases),
    syntax: syntax.blocks,
    examples: readExamples(sections.get('EXAMPLES'), context),
    parameters: parameters.parameters,
    supportsCommonParameters: syntax.supportsCommonParameters || parameters.hasCommonParametersEntry,
    inputs: readTypeNotes(sections.get('INPUTS')),
    outputs: readTypeNotes(sections.get('OUTPUTS')),
    complexParameters,
    relatedLinks: readRelatedLinks(sections.get('RELATED LINKS')),
    position: sourcePosition(context, startOf(outline.title)),
  };
}

function readSyntaxOrReport(sections: ReadonlyMap<string, HelpSection>, outline: TitledOutline, name: string, context: ParseContext): SyntaxSection {
  const section = sections.get('SYNTAX');
  if (section) return readSyntax(section, name, context);
  const next = outline.sections.find((candidate) => candidate.name !== 'SYNOPSIS');
  reportError(context, {
    code: 'cmdlet/missing-syntax',
    message: `${name} has no '## SYNTAX' section, so its parameter sets are unknown.`,
    hint: "Add '## SYNTAX' after '## SYNOPSIS', with a '### SetName (Default)' heading and a fenced usage line per parameter set.",
    at: startOf(next ? next.heading : outline.title),
  });
  return { blocks: [], supportsCommonParameters: false };
}

/** `Get-MgApplication` → [`Get`, `MgApplication`]. */
function splitCmdletName(name: string): [string, string] {
  const dash = name.indexOf('-');
  return dash < 0 ? ['', name] : [name.slice(0, dash), name.slice(dash + 1)];
}

function sectionText(section: HelpSection | undefined): string {
  return section ? blockText(sectionNodes(section)) : '';
}

function reportModulePage(context: ParseContext): void {
  reportError(context, {
    code: 'cmdlet/module-page',
    message: 'This is a platyPS module page (front matter has a Module Guid), not cmdlet help.',
    hint: 'Leave module pages out of the cmdlet help inputs; the folder reader skips them.',
    at: { line: 1, column: 1 },
  });
}

function reportMissingTitle(outline: HelpOutline, context: ParseContext): void {
  const first = outline.sections[0];
  reportError(context, {
    code: 'cmdlet/missing-title',
    message: "The file has no '# Cmdlet-Name' title before its first section.",
    hint: "Put the cmdlet name as a level-1 heading, e.g. '# Get-MgApplication', right after the front matter.",
    at: first ? startOf(first.heading) : { line: 1, column: 1 },
  });
}
