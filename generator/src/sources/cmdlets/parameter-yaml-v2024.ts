import { isMap, isSeq, type YAMLMap } from 'yaml';
import { meaningfulDefault, pipelineInputText, type LocateInYaml, type ParameterFacts } from './parameter-facts.js';
import type { ParameterSetMembership } from './types.js';
import { yamlNodeIsTrue, yamlNodeList, yamlNodeOffset, yamlNodeText } from './yaml-values.js';

/** Reads a `PlatyPS schema version: 2024-05-01` parameter block (`ParameterSets:` is a list of maps). */
export function readParameterFacts2024(block: YAMLMap, locate: LocateInYaml): ParameterFacts {
  const memberships = readMemberships(block.get('ParameterSets', true), locate);
  const type = yamlNodeText(block.get('Type', true));
  return {
    ...(type ? { type } : {}),
    aliases: yamlNodeList(block.get('Aliases', true)),
    memberships,
    ...optionalDefault(yamlNodeText(block.get('DefaultValue', true))),
    acceptsWildcards: yamlNodeIsTrue(block.get('SupportsWildcards', true)),
    pipelineInput: pipelineInputText(memberships),
    acceptedValues: yamlNodeList(block.get('AcceptedValues', true)),
  };
}

function readMemberships(node: unknown, locate: LocateInYaml): ParameterSetMembership[] {
  if (!isSeq(node)) return [];
  return node.items.filter(isMap).map((set) => readMembership(set, locate));
}

function readMembership(set: YAMLMap, locate: LocateInYaml): ParameterSetMembership {
  const name = set.get('Name', true);
  return {
    setName: yamlNodeText(name),
    required: yamlNodeIsTrue(set.get('IsRequired', true)),
    position: yamlNodeText(set.get('Position', true)) || 'Named',
    valueFromPipeline: yamlNodeIsTrue(set.get('ValueFromPipeline', true)),
    valueFromPipelineByPropertyName: yamlNodeIsTrue(set.get('ValueFromPipelineByPropertyName', true)),
    source: locate(yamlNodeOffset(name) ?? yamlNodeOffset(set) ?? 0),
  };
}

function optionalDefault(text: string): { defaultValue?: string } {
  const value = meaningfulDefault(text);
  return value === undefined ? {} : { defaultValue: value };
}
