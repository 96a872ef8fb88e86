import { detachedFromSource } from './detach.js';
import { unescapeMarkdown } from './markdown.js';
import type { ComplexParameterTree, ComplexProperty } from './types.js';

interface PropertyDraft {
  name: string;
  typeName: string;
  required: boolean;
  description: string;
  properties: PropertyDraft[];
}

interface TreeDraft {
  name: string;
  typeName: string;
  description: string;
  properties: PropertyDraft[];
}

/** Trees read so far, the one being read, and its open properties by indentation. */
interface TreeReader {
  readonly trees: TreeDraft[];
  current?: TreeDraft;
  readonly open: { indent: number; property: PropertyDraft }[];
  afterBlankLine: boolean;
}

// `BODYPARAMETER <IPaths…>: .`, in backticks in newer 0.14 files.
const TREE_HEADER = /^`?([A-Za-z]\w*)\s*<(.+?)>`?\s*:(.*)$/;
// `[Key <String>]: desc` (optional) or `Key <String>: desc` (required), maybe in backticks.
const PROPERTY_LINE = /^`?(\[)?(\(Any\)|[^\s<>[\]`]+)\s*<(.+?)>(\])?`?\s*:(.*)$/;
const LIST_MARKER = /^[-*+]\s+/;

/**
 * NOTES → COMPLEX PARAMETER PROPERTIES. An unindented `NAME <Type>: description` line starts a
 * tree; its properties follow, nested by indentation, either as markdown list items of inline code
 * (`  - \`[Key <String>]\`: desc`, 0.14) or as plain indented lines (`  [Key <String>]: desc`, 2023
 * and 2024-05-01 files), sometimes with markdown escapes (`\<`, `\[`). Other indented lines continue
 * the description above them; unindented prose after a blank line ends the tree.
 */
export function readComplexParameters(lines: readonly string[], shared: SharedProperties = new SharedProperties()): ComplexParameterTree[] {
  return treeBlocks(lines).map((block) => shared.treeOf(block));
}

/**
 * The lines of each tree, its header first. Lines before the first header belong to no tree, and
 * a tree's reading depends on its own lines only, so each block reads alone (and equal blocks once).
 */
function treeBlocks(lines: readonly string[]): string[][] {
  const blocks: string[][] = [];
  for (const line of lines) {
    if (isTreeHeader(line)) blocks.push([line]);
    else blocks.at(-1)?.push(line);
  }
  return blocks;
}

function isTreeHeader(line: string): boolean {
  const stripped = line.trimStart();
  return stripped !== '' && treeHeader(stripped, line.length - stripped.length, LIST_MARKER.test(stripped)) !== null;
}

/** A line that starts a tree: unindented, no list item, `NAME <Type>: description` (readLine's test too). */
function treeHeader(stripped: string, indent: number, isListItem: boolean): RegExpExecArray | null {
  return indent === 0 && !isListItem ? TREE_HEADER.exec(unescapeMarkdown(stripped.replace(LIST_MARKER, '').trimEnd())) : null;
}

function readTree(block: readonly string[], shared: SharedProperties): ComplexParameterTree {
  const reader: TreeReader = { trees: [], open: [], afterBlankLine: true };
  for (const line of block) readLine(line, reader);
  const [tree] = reader.trees as [TreeDraft];
  return {
    ...detachedFromSource({ name: tree.name, typeName: tree.typeName, description: tree.description }),
    properties: tree.properties.map((property) => shared.of(property)),
  };
}

/**
 * One object per distinct tree and property subtree, across the help files read with it. A
 * module's help repeats the same type trees in the NOTES of hundreds of cmdlets (Files: 600,000
 * property lines), and held one object per line they were most of the memory a module's help
 * took. The trees are read-only, so equal subtrees can be one object, and a tree whose lines were
 * read before is not read again.
 */
export class SharedProperties {
  /** Trees read so far, by their header line and length; each with its own copy of its lines, to compare. */
  readonly #treesBySignature = new Map<string, { lines: readonly string[]; tree: ComplexParameterTree }[]>();
  /** By name, type, requiredness and children; the descriptions are compared within (keys stay short). */
  readonly #byShape = new Map<string, ComplexProperty[]>();
  readonly #idOf = new Map<ComplexProperty, number>();

  treeOf(block: readonly string[]): ComplexParameterTree {
    // found without joining the block: most blocks were read before, and joining each one made a
    // module's 40 MB of tree lines into new strings to throw away
    let length = 0;
    for (const line of block) length += line.length;
    const signature = `${block.length}\u0000${length}\u0000${block[0]}`;
    const candidates = this.#treesBySignature.get(signature);
    const known = candidates?.find((candidate) => candidate.lines.every((line, index) => line === block[index]));
    if (known) return known.tree;
    const tree = readTree(block, this);
    // lines cut from one string of their own: the file's lines would keep the whole file alive
    const entry = { lines: block.join('\n').split('\n'), tree };
    if (candidates) candidates.push(entry);
    else this.#treesBySignature.set(signature, [entry]);
    return tree;
  }

  of(draft: PropertyDraft): ComplexProperty {
    const properties = draft.properties.map((child) => this.of(child));
    const shape = `${draft.name}\u0000${draft.typeName}\u0000${draft.required ? 1 : 0}\u0000${properties.map((child) => this.#idOf.get(child)).join(',')}`;
    const candidates = this.#byShape.get(shape);
    const found = candidates?.find((candidate) => candidate.description === draft.description);
    if (found) return found;
    const own = detachedFromSource({ name: draft.name, typeName: draft.typeName, description: draft.description });
    const property: ComplexProperty = { ...own, required: draft.required, properties };
    if (candidates) candidates.push(property);
    else this.#byShape.set(shape, [property]);
    this.#idOf.set(property, this.#idOf.size);
    return property;
  }
}

function readLine(line: string, reader: TreeReader): void {
  const stripped = line.trimStart();
  const afterBlankLine = reader.afterBlankLine;
  reader.afterBlankLine = stripped === '';
  if (stripped === '') return;
  const indent = line.length - stripped.length;
  const isListItem = LIST_MARKER.test(stripped);
  const content = unescapeMarkdown(stripped.replace(LIST_MARKER, '').trimEnd());
  const header = treeHeader(stripped, indent, isListItem);
  if (header) {
    startTree(header, reader);
  } else if (indent === 0 && !isListItem && afterBlankLine) {
    endTree(reader);
  } else {
    const property = reader.current && (indent > 0 || isListItem) ? parsePropertyLine(content) : undefined;
    if (reader.current && property) addProperty(reader.current, property, indent, reader);
    else continueDescription(content, reader);
  }
}

function startTree(header: RegExpExecArray, reader: TreeReader): void {
  const [, name = '', typeName = '', description = ''] = header;
  reader.current = { name, typeName, description: description.trim(), properties: [] };
  reader.trees.push(reader.current);
  reader.open.length = 0;
}

function endTree(reader: TreeReader): void {
  reader.current = undefined;
  reader.open.length = 0;
}

/** A line that is no property continues the description above it (a wrapped line). */
function continueDescription(content: string, reader: TreeReader): void {
  const target = reader.open.at(-1)?.property ?? reader.current;
  if (target) target.description = target.description ? `${target.description}\n${content}` : content;
}

function addProperty(tree: TreeDraft, property: PropertyDraft, indent: number, reader: TreeReader): void {
  while ((reader.open.at(-1)?.indent ?? -1) >= indent) reader.open.pop();
  (reader.open.at(-1)?.property.properties ?? tree.properties).push(property);
  reader.open.push({ indent, property });
}

function parsePropertyLine(content: string): PropertyDraft | undefined {
  const match = PROPERTY_LINE.exec(content);
  if (!match) return undefined;
  const [, open, name = '', typeName = '', close, description = ''] = match;
  return { name, typeName, required: !open && !close, description: description.trim(), properties: [] };
}
