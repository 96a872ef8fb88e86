import type { Code, Heading, RootContent } from 'mdast';
import { reportError, reportWarning, sourcePosition, type ParseContext } from './context.js';
import { positionInFence, startOf } from './markdown.js';
import type { HelpSection } from './sections.js';
import { parseUsage } from './syntax-usage.js';
import type { SyntaxBlock, SyntaxParameter } from './types.js';

/** The set name platyPS gives a cmdlet whose only syntax block has no `###` heading. */
export const ALL_PARAMETER_SETS = '__AllParameterSets';

export interface SyntaxSection {
  readonly blocks: readonly SyntaxBlock[];
  readonly supportsCommonParameters: boolean;
}

export function readSyntax(section: HelpSection, cmdletName: string, context: ParseContext): SyntaxSection {
  const candidates = [...unnamedBlocks(section.body), ...section.subsections.map((sub) => namedBlock(sub.title, sub.heading, sub.body))];
  const blocks: SyntaxBlock[] = [];
  let supportsCommonParameters = false;
  for (const candidate of candidates) {
    const fence = candidate.body.find((node): node is Code => node.type === 'code');
    if (!fence) {
      reportMissingUsage(candidate.setName, candidate.heading, context);
      continue;
    }
    const block = readSyntaxBlock(candidate.setName, candidate.isDefault, fence, cmdletName, context);
    supportsCommonParameters ||= block.supportsCommonParameters;
    blocks.push(block.block);
  }
  if (blocks.length === 0 && candidates.length === 0) reportEmptySyntax(section, context);
  checkSetNamesAreUnique(blocks, context);
  return { blocks: markSoleBlockDefault(blocks), supportsCommonParameters };
}

interface BlockCandidate {
  readonly setName: string;
  readonly isDefault: boolean;
  readonly heading?: Heading;
  readonly body: readonly RootContent[];
}

/** platyPS writes a single-set cmdlet's usage straight under `## SYNTAX`. */
function unnamedBlocks(body: readonly RootContent[]): BlockCandidate[] {
  return body.filter((node) => node.type === 'code').map((fence) => ({ setName: ALL_PARAMETER_SETS, isDefault: true, body: [fence] }));
}

function namedBlock(title: string, heading: Heading, body: readonly RootContent[]): BlockCandidate {
  const match = /^(.*?)\s*\(Default\)$/i.exec(title);
  return { setName: match?.[1] ?? title, isDefault: match !== null, heading, body };
}

function readSyntaxBlock(setName: string, isDefault: boolean, fence: Code, cmdletName: string, context: ParseContext): { block: SyntaxBlock; supportsCommonParameters: boolean } {
  const usage = parseUsage(fence.value);
  if (usage.commandName !== cmdletName) {
    reportWarning(context, {
      code: 'cmdlet/syntax-name-mismatch',
      message: `Syntax block '${setName}' starts with '${usage.commandName}', not the cmdlet name '${cmdletName}'.`,
      hint: `Start the usage line with '${cmdletName}'.`,
      at: positionInFence(fence, 0),
    });
  }
  for (const item of usage.unrecognised) {
    reportWarning(context, {
      code: 'cmdlet/unrecognised-syntax',
      message: `Syntax block '${setName}' has '${item.text}', which is not a parameter form this reader knows.`,
      hint: 'Write parameters as `-Name <Type>`, `[-Name <Type>]`, `[-Name] <Type>`, `[-Switch]` or `[<CommonParameters>]`.',
      at: positionInFence(fence, item.offset),
    });
  }
  const parameters = usage.parameters.map(({ offset, ...item }): SyntaxParameter => ({ ...item, source: sourcePosition(context, positionInFence(fence, offset)) }));
  const block: SyntaxBlock = {
    setName,
    isDefault,
    usage: fence.value.replace(/\s+/g, ' ').trim(),
    parameters,
    position: sourcePosition(context, startOf(fence)),
  };
  return { block, supportsCommonParameters: usage.supportsCommonParameters };
}

/** The only parameter set of a cmdlet is its default, whether or not the heading says so. */
function markSoleBlockDefault(blocks: SyntaxBlock[]): SyntaxBlock[] {
  const [only] = blocks;
  return blocks.length === 1 && only && !only.isDefault ? [{ ...only, isDefault: true }] : blocks;
}

function checkSetNamesAreUnique(blocks: readonly SyntaxBlock[], context: ParseContext): void {
  const seen = new Set<string>();
  for (const block of blocks) {
    if (seen.has(block.setName)) {
      reportError(context, {
        code: 'cmdlet/duplicate-parameter-set',
        message: `SYNTAX has more than one block for parameter set '${block.setName}'.`,
        hint: 'Give each `### SetName` block under ## SYNTAX a distinct name.',
        at: block.position,
      });
    }
    seen.add(block.setName);
  }
  const defaults = blocks.filter((block) => block.isDefault);
  const [, secondDefault] = defaults;
  if (secondDefault) {
    reportError(context, {
      code: 'cmdlet/multiple-default-parameter-sets',
      message: `SYNTAX marks more than one parameter set '(Default)': ${defaults.map((block) => block.setName).join(', ')}.`,
      hint: 'Keep `(Default)` on one `### SetName` heading only.',
      at: secondDefault.position,
    });
  }
}

function reportMissingUsage(setName: string, heading: Heading | undefined, context: ParseContext): void {
  reportError(context, {
    code: 'cmdlet/missing-syntax-usage',
    message: `Syntax block '${setName}' has no fenced usage line.`,
    hint: 'Put the usage in a ``` fence right under the `### SetName` heading.',
    at: heading ? startOf(heading) : { line: 1, column: 1 },
  });
}

function reportEmptySyntax(section: HelpSection, context: ParseContext): void {
  reportError(context, {
    code: 'cmdlet/empty-syntax',
    message: 'The ## SYNTAX section has no syntax block.',
    hint: 'Add a `### SetName` heading followed by a fenced usage line for each parameter set.',
    at: startOf(section.heading),
  });
}
