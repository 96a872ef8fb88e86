/** One item of a syntax usage line, with its offset in the usage text. */
export interface UsageItem {
  readonly name: string;
  readonly typeName?: string;
  readonly required: boolean;
  readonly positional: boolean;
  readonly offset: number;
}

export interface ParsedUsage {
  readonly commandName: string;
  readonly parameters: readonly UsageItem[];
  readonly supportsCommonParameters: boolean;
  /** Text that is none of the known forms, with its offset. */
  readonly unrecognised: readonly { readonly text: string; readonly offset: number }[];
}

interface UsagePattern {
  readonly pattern: RegExp;
  readonly required: boolean;
  readonly positional: boolean;
}

// Sticky patterns, tried in order at each position: longer bracket forms before shorter ones.
const COMMON_PARAMETERS = /\[<CommonParameters>\]/y;
const USAGE_PATTERNS: readonly UsagePattern[] = [
  { pattern: /\[\[-(\w+)\]\s*<([^>]+)>\]/y, required: false, positional: true },
  { pattern: /\[-(\w+)\]\s*<([^>]+)>/y, required: true, positional: true },
  { pattern: /\[-(\w+)(?:\s+<([^>]+)>)?\]/y, required: false, positional: false },
  { pattern: /-(\w+)(?:\s+<([^>]+)>)?(?=\s|$)/y, required: true, positional: false },
];

/** Splits `Cmd -A <T> [-B <T>] [-C] [-D] <T> [<CommonParameters>]` into its parameters. */
export function parseUsage(usage: string): ParsedUsage {
  const commandMatch = /^\s*(\S+)/.exec(usage);
  const parameters: UsageItem[] = [];
  const unrecognised: { text: string; offset: number }[] = [];
  let supportsCommonParameters = false;
  let offset = commandMatch ? commandMatch[0].length : 0;

  while ((offset = skipWhitespace(usage, offset)) < usage.length) {
    COMMON_PARAMETERS.lastIndex = offset;
    if (COMMON_PARAMETERS.test(usage)) {
      supportsCommonParameters = true;
      offset = COMMON_PARAMETERS.lastIndex;
      continue;
    }
    const item = matchUsageItem(usage, offset);
    if (item) {
      parameters.push(item.item);
      offset = item.end;
      continue;
    }
    const end = nextWhitespace(usage, offset);
    unrecognised.push({ text: usage.slice(offset, end), offset });
    offset = end;
  }
  return { commandName: commandMatch?.[1] ?? '', parameters, supportsCommonParameters, unrecognised };
}

function matchUsageItem(usage: string, offset: number): { item: UsageItem; end: number } | undefined {
  for (const { pattern, required, positional } of USAGE_PATTERNS) {
    pattern.lastIndex = offset;
    const match = pattern.exec(usage);
    const name = match?.[1];
    if (!match || name === undefined) continue;
    const typeName = match[2]?.trim();
    const item: UsageItem = typeName ? { name, typeName, required, positional, offset } : { name, required, positional, offset };
    return { item, end: pattern.lastIndex };
  }
  return undefined;
}

function skipWhitespace(text: string, offset: number): number {
  while (offset < text.length && /\s/.test(text[offset] ?? '')) offset++;
  return offset;
}

function nextWhitespace(text: string, offset: number): number {
  while (offset < text.length && !/\s/.test(text[offset] ?? '')) offset++;
  return offset;
}
