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
  readonly #byText = new Map<string, readonly RootContent[]>();

  /** How many distinct sections remark has parsed. */
  get parsedCount(): number {
    return this.#byText.size;
  }

  /** The file's syntax tree, its nodes' positions in `markdown`'s lines. */
  parse(markdown: string, sectionStarts: readonly number[]): Root {
    if (sectionStarts.length === 0) return parseMarkdown(markdown);
    const lines = markdown.split('\n');
    const bounds = [0, ...sectionStarts.filter((start) => start > 0), lines.length];
    const children: RootContent[] = [];
    for (let index = 0; index + 1 < bounds.length; index++) {
      const first = bounds[index] as number;
      for (const node of this.#nodesOf(lines.slice(first, bounds[index + 1]).join('\n'))) children.push(shifted(node, first));
    }
    const last = lines.at(-1) ?? '';
    return { type: 'root', children, position: { start: { line: 1, column: 1 }, end: { line: lines.length, column: last.length + 1 } } };
  }

  #nodesOf(section: string): readonly RootContent[] {
    let nodes = this.#byText.get(section);
    if (!nodes) {
      nodes = parseMarkdown(section).children;
      this.#byText.set(section, nodes);
    }
    return nodes;
  }
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
