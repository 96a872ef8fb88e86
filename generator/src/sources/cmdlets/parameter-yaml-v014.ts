import { meaningfulDefault, type LocateInYaml, type ParameterFacts } from './parameter-facts.js';
import type { ParameterSetMembership } from './types.js';
import { isTrueText, splitList } from './yaml-values.js';

/** A `Key: value` line of a platyPS 0.14 parameter block; `offset` is where the value starts. */
export interface LegacyEntry {
  readonly text: string;
  readonly offset: number;
}

/** Entries keyed by lower-cased key with single spaces: `parameter sets`, `accept pipeline input`. */
export type LegacyEntries = ReadonlyMap<string, LegacyEntry>;

export function legacyKey(key: string): string {
  return key.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Reads a platyPS 0.14 (`schema: 2.0.0`) parameter block: flat `Key: value` lines. */
export function readParameterFacts014(entries: LegacyEntries, locate: LocateInYaml): ParameterFacts {
  const text = (key: string): string => entries.get(key)?.text.trim() ?? '';
  const required = perSetValue(text('required') || 'False', 'False');
  const position = perSetValue(text('position') || 'Named', 'Named');
  const pipeline = pipelineFlags(text('accept pipeline input'));
  const memberships = setNamesWithOffsets(entries.get('parameter sets')).map(
    ({ name, offset }): ParameterSetMembership => ({
      setName: name,
      required: isTrueText(required(name)),
      position: position(name),
      ...pipeline,
      source: locate(offset),
    }),
  );
  const defaultValue = meaningfulDefault(text('default value'));
  return {
    ...(text('type') ? { type: text('type') } : {}),
    aliases: splitList(text('aliases')),
    memberships,
    ...(defaultValue === undefined ? {} : { defaultValue }),
    acceptsWildcards: isTrueText(text('accept wildcard characters')),
    pipelineInput: text('accept pipeline input') || 'False',
    acceptedValues: splitList(text('accepted values')),
  };
}

/** `Acquire, AcquireExpanded` → each name with its offset in the yaml text. */
function setNamesWithOffsets(entry: LegacyEntry | undefined): { name: string; offset: number }[] {
  if (!entry) return [];
  return [...entry.text.matchAll(/[^,\s][^,]*/g)].map((match) => ({
    name: match[0].trim(),
    offset: entry.offset + match.index,
  }));
}

const PER_SET_PART = /(\S+)\s*\(([^)]*)\)/g;
const PER_SET_VALUE = /^\s*\S+\s*\([^)]*\)(?:\s*,\s*\S+\s*\([^)]*\))*\s*$/;

/**
 * `True` applies to every set; `True (Acquire, AcquireExpanded), False (Other)` differs per set.
 * A set the per-set form does not name gets the value all parts agree on, else `fallback`.
 */
function perSetValue(text: string, fallback: string): (setName: string) => string {
  if (!PER_SET_VALUE.test(text)) return () => text;
  const bySet = new Map<string, string>();
  for (const [, value = '', sets = ''] of text.matchAll(PER_SET_PART)) {
    for (const set of splitList(sets)) bySet.set(set, value);
  }
  const values = new Set(bySet.values());
  const [only] = values;
  const otherwise = values.size === 1 && only !== undefined ? only : fallback;
  return (setName) => bySet.get(setName) ?? otherwise;
}

/** `True (ByPropertyName, ByValue)`, `True (ByValue)`, `False`; a bare `True` means by value. */
function pipelineFlags(text: string): Pick<ParameterSetMembership, 'valueFromPipeline' | 'valueFromPipelineByPropertyName'> {
  if (!/^true\b/i.test(text)) return { valueFromPipeline: false, valueFromPipelineByPropertyName: false };
  const kinds = /\(([^)]*)\)/.exec(text)?.[1];
  if (kinds === undefined) return { valueFromPipeline: true, valueFromPipelineByPropertyName: false };
  return { valueFromPipeline: /\bByValue\b/i.test(kinds), valueFromPipelineByPropertyName: /\bByPropertyName\b/i.test(kinds) };
}
