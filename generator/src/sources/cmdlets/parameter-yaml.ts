import type { Code } from 'mdast';
import { isMap, isScalar, parseDocument, type YAMLError, type YAMLMap } from 'yaml';
import { reportError, reportWarning, sourcePosition, type ParseContext } from './context.js';
import { positionInFence, startOf } from './markdown.js';
import type { LocateInYaml, ParameterFacts } from './parameter-facts.js';
import { legacyKey, readParameterFacts014, type LegacyEntries, type LegacyEntry } from './parameter-yaml-v014.js';
import { readParameterFacts2024 } from './parameter-yaml-v2024.js';
import { yamlMessage, yamlNodeOffset, yamlNodeText } from './yaml-values.js';

/** Reads one ```yaml fence under `### -Name`; undefined (with a diagnostic) when unreadable. */
export function readParameterYaml(fence: Code, parameterName: string, context: ParseContext): ParameterFacts | undefined {
  const locate: LocateInYaml = (offset) => sourcePosition(context, positionInFence(fence, offset));
  // most blocks are flat platyPS 0.14 lines YAML reads as written: read them as lines (a YAML
  // parse per parameter was a fifth of reading a module's help)
  const plain = plainLegacyEntries(fence.value);
  if (plain) return checkComplete(readParameterFacts014(plain, locate), fence, parameterName, context);
  const document = parseDocument(fence.value);
  const firstError = document.errors[0];
  if (firstError) return readUnquotedLegacyBlock(fence, parameterName, firstError, context, locate);
  if (!isMap(document.contents)) {
    reportError(context, {
      code: 'cmdlet/invalid-parameter-yaml',
      message: `The yaml block of parameter -${parameterName} is not a mapping of keys to values.`,
      hint: 'Write the block as `Key: value` lines (Type, Parameter Sets, Aliases, Required, ...).',
      at: startOf(fence),
    });
    return undefined;
  }
  const facts = document.contents.has('ParameterSets') ? readParameterFacts2024(document.contents, locate) : readParameterFacts014(legacyEntriesOfMap(document.contents), locate);
  return checkComplete(facts, fence, parameterName, context);
}

/**
 * platyPS 0.14 never quoted values, so `Default value: @{}` or `[System.Text.Encoding]::UTF8`
 * break strict YAML while the block is still the flat `Key: value` list platyPS reads line by line.
 * Such blocks are read the same way, with a warning; anything else is an error.
 */
function readUnquotedLegacyBlock(fence: Code, parameterName: string, error: YAMLError, context: ParseContext, locate: LocateInYaml): ParameterFacts | undefined {
  const at = positionInFence(fence, error.pos[0]);
  const entries = legacyEntriesOfLines(fence.value);
  if (!entries) {
    reportError(context, {
      code: 'cmdlet/invalid-parameter-yaml',
      message: `The yaml block of parameter -${parameterName} is not valid YAML: ${yamlMessage(error.message)}.`,
      hint: 'Fix the YAML at this line: one `Key: value` per line, lists indented under their key, quotes closed.',
      at,
    });
    return undefined;
  }
  reportWarning(context, {
    code: 'cmdlet/unquoted-parameter-yaml',
    message: `The yaml block of parameter -${parameterName} is not strict YAML (${yamlMessage(error.message)}); read as platyPS 0.14 'Key: value' lines.`,
    hint: "Quote the value, e.g. `Default value: '@{}'`.",
    at,
  });
  return checkComplete(readParameterFacts014(entries, locate), fence, parameterName, context);
}

export function legacyEntriesOfMap(block: YAMLMap): LegacyEntries {
  const entries = new Map<string, LegacyEntry>();
  for (const pair of block.items) {
    if (!isScalar(pair.key)) continue;
    const offset = yamlNodeOffset(pair.value) ?? yamlNodeOffset(pair.key) ?? 0;
    entries.set(legacyKey(String(pair.key.value)), { text: yamlNodeText(pair.value), offset });
  }
  return entries;
}

const LEGACY_KEYS = new Set(['type', 'parameter sets', 'aliases', 'accepted values', 'required', 'position', 'default value', 'accept pipeline input', 'accept wildcard characters', 'applicable']);
const LEGACY_LINE = /^([A-Za-z][A-Za-z ]*):(?:[ \t]+(.*))?$/;

/** The block as platyPS 0.14 reads it, or undefined when a line is not a known `Key: value`. */
function legacyEntriesOfLines(text: string): LegacyEntries | undefined {
  const entries = new Map<string, LegacyEntry>();
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const match = LEGACY_LINE.exec(line);
    const key = match?.[1] === undefined ? undefined : legacyKey(match[1]);
    if (line.trim() !== '') {
      if (!match || key === undefined || !LEGACY_KEYS.has(key)) return undefined;
      const value = match[2] ?? '';
      entries.set(key, { text: value.trim(), offset: lineStart + line.length - value.length });
    }
    lineStart += line.length + 1;
  }
  return entries;
}

/** A plain scalar YAML reads as the very text written: no quote, flow, anchor, tag, block, comment or nested key. */
const PLAIN_VALUE = /^(?![-?:](?:\s|$))(?!['"[\]{}&*!|>%@`#,])(?!.*(?::\s|:$|\s#))/;
/** What YAML reads as null: the text is then empty, as for `Aliases:`. */
const NULL_VALUE = /^(?:~|null|Null|NULL)$/;

/**
 * The block as flat `Key: value` lines when strict YAML would read exactly these entries (same
 * texts, same offsets): each line a known key, no key twice, each value a plain scalar. Else
 * undefined, and the block goes to the YAML parser.
 */
export function plainLegacyEntries(text: string): LegacyEntries | undefined {
  const entries = legacyEntriesOfLines(text);
  if (!entries) return undefined;
  const lines = text.split('\n').filter((line) => line.trim() !== '').length;
  if (entries.size !== lines) return undefined;
  const plain = new Map<string, LegacyEntry>();
  for (const [key, entry] of entries) {
    if (!PLAIN_VALUE.test(entry.text)) return undefined;
    plain.set(key, NULL_VALUE.test(entry.text) ? { text: '', offset: entry.offset } : entry);
  }
  return plain;
}

function checkComplete(facts: ParameterFacts, fence: Code, parameterName: string, context: ParseContext): ParameterFacts | undefined {
  const missing = [facts.type === undefined ? 'Type' : undefined, facts.memberships.length === 0 ? 'parameter sets' : undefined];
  const names = missing.filter((name) => name !== undefined);
  if (names.length === 0) return facts;
  reportError(context, {
    code: 'cmdlet/incomplete-parameter-yaml',
    message: `The yaml block of parameter -${parameterName} has no ${names.join(' and no ')}.`,
    hint: 'Give every parameter block its Type and its parameter sets (`Parameter Sets: (All)` when it is in all of them).',
    at: startOf(fence),
  });
  return undefined;
}
