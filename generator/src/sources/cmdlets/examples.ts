import type { Code, RootContent } from 'mdast';
import { sourcePosition, type ParseContext } from './context.js';
import { blockText, isPlaceholderText, sourceOf, startOf } from './markdown.js';
import type { HelpSection, HelpSubsection } from './sections.js';
import type { CmdletExample, ExampleCodeBlock } from './types.js';

export function readExamples(section: HelpSection | undefined, context: ParseContext): CmdletExample[] {
  return (section?.subsections ?? []).map((subsection) => readExample(subsection, context));
}

function readExample(subsection: HelpSubsection, context: ParseContext): CmdletExample {
  const fences = subsection.body.filter((node): node is Code => node.type === 'code');
  const { code, language, remarks, codeBlocks } = fences.length > 0 ? fencedExample(subsection.body, fences) : unfencedExample(subsection.body, context);
  return {
    title: exampleTitle(subsection.title),
    code,
    ...(language ? { language } : {}),
    remarks,
    isPlaceholder: code.trim() === '' || isPlaceholderText(code) || isPlaceholderText(remarks),
    ...(codeBlocks ? { codeBlocks } : {}),
    position: sourcePosition(context, startOf(subsection.heading)),
  };
}

interface ExampleContent {
  readonly code: string;
  readonly language?: string;
  readonly remarks: string;
  readonly codeBlocks?: readonly ExampleCodeBlock[];
}

function fencedExample(body: readonly RootContent[], fences: readonly Code[]): ExampleContent {
  const codeBlocks = fences.map((fence): ExampleCodeBlock => (fence.lang ? { code: fence.value, language: fence.lang } : { code: fence.value }));
  return {
    code: codeBlocks.map((block) => block.code).join('\n\n'),
    language: fences[0]?.lang ?? undefined,
    remarks: blockText(body.filter((node) => node.type !== 'code')),
    codeBlocks,
  };
}

/** 2024-05-01 files may write the code as a plain paragraph (`{{ Add code here }}`): the first block is the code. */
function unfencedExample(body: readonly RootContent[], context: ParseContext): ExampleContent {
  const [first, ...rest] = body;
  return { code: first ? sourceOf(context.text, first).trim() : '', remarks: blockText(rest) };
}

/** `-------------------------- EXAMPLE 1 --------------------------` → `EXAMPLE 1`. */
function exampleTitle(heading: string): string {
  return heading.replace(/^[-\s]+|[-\s]+$/g, '');
}
