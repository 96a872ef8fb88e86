import { isMap, isScalar, type Node as YamlNode } from 'yaml';
import type { Diagnostic } from '../../diagnostics/index.js';
import { offsetOf, readOverlayText, YamlOverlayReader } from '../yaml-overlay.js';
import type { DescriptionsFile, SchemaDescriptions, SourceLine } from './types.js';

export interface DescriptionsReadResult {
  readonly descriptions?: DescriptionsFile;
  readonly diagnostics: Diagnostic[];
}

/** Read and validate `descriptions.yaml`; every problem is one diagnostic with its line. */
export async function readDescriptionsFile(file: string): Promise<DescriptionsReadResult> {
  const read = await readOverlayText(file, 'descriptions');
  return 'text' in read ? parseDescriptions(read.text, file) : { diagnostics: [read.diagnostic] };
}

/** Parse the text of a descriptions file (`file` is used for positions and the result). */
export function parseDescriptions(text: string, file: string): DescriptionsReadResult {
  const reader = new DescriptionsReader(text, file);
  const descriptions = reader.read();
  return reader.diagnostics.length > 0 ? { diagnostics: reader.diagnostics } : { descriptions: descriptions as DescriptionsFile, diagnostics: [] };
}

class DescriptionsReader extends YamlOverlayReader {
  constructor(text: string, file: string) {
    super('descriptions', text, file);
  }

  read(): DescriptionsFile | undefined {
    const schemasNode = this.rootMap('schemas', 'component schema name → texts', 'add "schemas:" with one entry per schema, e.g. microsoft.graph.synchronizationSecret');
    if (!schemasNode) return undefined;
    const schemas = new Map<string, SchemaDescriptions>();
    for (const pair of schemasNode.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : '';
      const entry = this.#readSchema(name, pair.value as YamlNode | null, offsetOf(pair.key as YamlNode));
      if (entry) schemas.set(name, entry);
    }
    return { file: this.file, schemas };
  }

  #readSchema(name: string, node: YamlNode | null, keyOffset: number): SchemaDescriptions | undefined {
    if (!isMap(node)) {
      this.report('invalid-value', `schema ${name} must map description and/or members`, offsetOf(node) || keyOffset, 'see specs/descriptions.yaml for the shape');
      return undefined;
    }
    this.checkKeys(node, ['description', 'members'], `schema ${name}`);
    const description = node.get('description', true) as YamlNode | undefined;
    const members = new Map<string, { text: string; at: SourceLine }>();
    const membersNode = node.get('members', true) as YamlNode | undefined;
    if (membersNode !== undefined && !isMap(membersNode)) {
      this.report('invalid-value', `members of ${name} must map each enum value to its text`, offsetOf(membersNode), 'write "members:" then "  Value: text" lines');
    } else if (membersNode) {
      for (const pair of membersNode.items) {
        const value = isScalar(pair.key) ? String(pair.key.value) : '';
        const text = this.#text(pair.value as YamlNode | null, `${name}.members.${value}`, offsetOf(pair.key as YamlNode));
        if (text !== undefined) members.set(value, { text, at: this.position(offsetOf(pair.key as YamlNode)) });
      }
    }
    const text = description === undefined ? undefined : this.#text(description, `${name}.description`, offsetOf(description));
    return { at: this.position(keyOffset), ...(text !== undefined && { description: text }), members };
  }

  #text(node: YamlNode | null, where: string, fallbackOffset: number): string | undefined {
    if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') return node.value.trim();
    this.report('invalid-value', `${where} must be a non-empty text`, offsetOf(node) || fallbackOffset, 'write the text after the colon (quote it if it contains ": ")');
    return undefined;
  }
}
