import type { Yaml } from 'mdast';
import { isMap, isScalar, parseDocument } from 'yaml';
import { reportWarning, type ParseContext } from './context.js';
import { startOf } from './markdown.js';
import type { PlatyPsDialect } from './types.js';
import { splitList, yamlMessage, yamlNodeText } from './yaml-values.js';

export interface FrontMatter {
  readonly values: Readonly<Record<string, string>>;
  /** Dialect the front matter declares; undefined when absent or unknown. */
  readonly declaredDialect?: PlatyPsDialect;
  /** A module page (`Module Guid`, `document type: module`) rather than a cmdlet page. */
  readonly isModulePage: boolean;
  /** Aliases listed in front matter (`aliases:` in newer PowerShell-Docs files). */
  readonly aliases: readonly string[];
}

export function readFrontMatter(node: Yaml | undefined, context: ParseContext): FrontMatter {
  const values = node ? frontMatterValues(node, context) : {};
  return {
    values,
    declaredDialect: declaredDialect(values),
    isModulePage: values['Module Guid'] !== undefined || values['document type']?.toLowerCase() === 'module',
    aliases: splitList(values['aliases'] ?? ''),
  };
}

function frontMatterValues(node: Yaml, context: ParseContext): Record<string, string> {
  const simple = simpleFrontMatter(node.value);
  if (simple) return simple;
  const document = parseDocument(node.value, { uniqueKeys: false });
  const firstError = document.errors[0];
  if (firstError) {
    const at = startOf(node);
    const yamlLine = firstError.linePos?.[0].line ?? 1;
    reportWarning(context, {
      code: 'cmdlet/invalid-front-matter',
      message: `Front matter is not valid YAML: ${yamlMessage(firstError.message)}.`,
      hint: 'Write the front matter as `key: value` lines between the two `---` lines.',
      at: { line: at.line + yamlLine, column: firstError.linePos?.[0].col ?? 1 },
    });
  }
  const values: Record<string, string> = {};
  if (!isMap(document.contents)) return values;
  for (const pair of document.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key !== undefined) values[key] = yamlNodeText(pair.value);
  }
  return values;
}

// `Key: value` lines with plain one-line values, as platyPS writes them, are read here: the YAML
// parser took a millisecond per help file for five such lines. Anything else goes to the parser.
const SIMPLE_LINE = /^([A-Za-z][\w .-]*?)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/;
// what would make a value more than a plain scalar: an indicator first, a comment, a nested `key: `
const NOT_PLAIN = /^[-?:,[\]{}#&*!|>'"%@`]|: | #|:$/;
const NULL_VALUE = /^(?:~|null|Null|NULL)$/;

/** The values of front matter made of simple `Key: value` lines; undefined for anything else. */
export function simpleFrontMatter(yaml: string): Record<string, string> | undefined {
  const values: Record<string, string> = {};
  for (const line of yaml.split('\n')) {
    if (line.trim() === '') continue;
    const match = SIMPLE_LINE.exec(line);
    if (!match) return undefined;
    const [, key = '', value = ''] = match;
    if (NOT_PLAIN.test(value)) return undefined;
    values[key] = NULL_VALUE.test(value) ? '' : value;
  }
  return values;
}

function declaredDialect(values: Readonly<Record<string, string>>): PlatyPsDialect | undefined {
  if (values['PlatyPS schema version'] === '2024-05-01') return 'platyps-2024-05-01';
  if (values['schema'] === '2.0.0') return 'platyps-0.14';
  return undefined;
}
