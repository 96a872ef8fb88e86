import type { Nodes, Root, RootContent } from 'mdast';
import { parseMarkdown } from './markdown.js';

/**
 * remark, one section at a time, each distinct section once. The help files of a module repeat
 * their parameter sections word for word (`### -DriveId`, `### -Headers`, ...; a fence body is
 * one empty line by now): of the 9 MB the 33 corpus modules give remark, 3 MB differ. A `##` or
 * `###` heading in column 1 outside fenced code closes every open block, so the sections parse
 * alone as they do in the file, given nothing ties them together (see `sectionStarts`).
 */
export class ParsedSections {
  readonly #byText = new Map<string, ParsedSection>();

  /** How many distinct sections remark has parsed. */
  get parsedCount(): number {
    return this.#byText.size;
  }

  /** The file's syntax tree, its nodes' positions in `lines`. */
  parse(lines: readonly string[], sectionStarts: readonly number[]): Root {
    if (sectionStarts.length === 0) return parseMarkdown(lines.join('\n'));
    const bounds = [0, ...sectionStarts.filter((start) => start > 0), lines.length];
    const sections = bounds.slice(0, -1).map((first, index) => ({ first, parsed: this.#sectionOf(lines.slice(first, bounds[index + 1]).join('\n')) }));
    // what the line scan cannot see: a definition or an HTML block reaches past its section
    if (sections.some(({ parsed }) => parsed.reachesOut)) return parseMarkdown(lines.join('\n'));
    const children = sections.flatMap(({ first, parsed }) => parsed.nodes.map((node) => shifted(node, first)));
    const last = lines.at(-1) ?? '';
    return { type: 'root', children, position: { start: { line: 1, column: 1 }, end: { line: lines.length, column: last.length + 1 } } };
  }

  #sectionOf(text: string): ParsedSection {
    let parsed = this.#byText.get(text);
    if (!parsed) {
      const nodes = parseMarkdown(text).children;
      parsed = { nodes, reachesOut: nodes.some(reachesOut) };
      this.#byText.set(text, parsed);
    }
    return parsed;
  }
}

interface ParsedSection {
  readonly nodes: readonly RootContent[];
  /** Holds a link reference definition (it applies to the whole file) or HTML (a block may run on past a heading). */
  readonly reachesOut: boolean;
}

function reachesOut(node: Nodes): boolean {
  return node.type === 'definition' || node.type === 'html' || ('children' in node && node.children.some(reachesOut));
}

/** A copy of `node` moved down by `lines` (readers change nodes, so the cached ones are never handed out). */
function shifted<T extends Nodes>(node: T, lines: number): T {
  const copy = { ...node };
  if (node.position) {
    const { start, end } = node.position;
    copy.position = { start: { line: start.line + lines, column: start.column }, end: { line: end.line + lines, column: end.column } };
  }
  if ('children' in node) (copy as { children: Nodes[] }).children = node.children.map((child) => shifted(child, lines));
  return copy;
}
