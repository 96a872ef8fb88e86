import { isScalar, isSeq, type Node as YamlNode } from 'yaml';

/** A YAML value as the text written: `null` as empty, `True` as `True`, lists joined with `, `. */
export function yamlNodeText(node: unknown): string {
  if (!isYamlNode(node)) return '';
  if (isScalar(node)) {
    if (node.value === null || node.value === undefined) return '';
    return typeof node.value === 'string' ? node.value : (node.source ?? String(node.value));
  }
  if (isSeq(node)) return node.items.map(yamlNodeText).join(', ');
  return JSON.stringify(node.toJSON());
}

/** A YAML list as strings; a scalar is read as a comma-separated list (`Aliases: cf, wi`). */
export function yamlNodeList(node: unknown): string[] {
  if (isYamlNode(node) && isSeq(node)) return node.items.map(yamlNodeText).filter((item) => item !== '');
  return splitList(yamlNodeText(node));
}

export function yamlNodeIsTrue(node: unknown): boolean {
  return isTrueText(yamlNodeText(node));
}

export function isTrueText(text: string): boolean {
  return text.trim().toLowerCase() === 'true';
}

/** Start offset of a YAML node in the text it was parsed from. */
export function yamlNodeOffset(node: unknown): number | undefined {
  return isYamlNode(node) ? node.range?.[0] : undefined;
}

/** The first line of a `yaml` error message without its `at line …` suffix. */
export function yamlMessage(message: string): string {
  const firstLine = message.split('\n')[0] ?? message;
  return firstLine.replace(/ at line \d+, column \d+:?$/, '').replace(/[.:]$/, '');
}

export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function isYamlNode(value: unknown): value is YamlNode {
  return typeof value === 'object' && value !== null && 'range' in value;
}
