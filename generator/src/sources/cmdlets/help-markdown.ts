import type { Nodes, Root } from 'mdast';
import { parseMarkdown } from './markdown.js';
import type { ParsedSections } from './markdown-sections.js';
import { prepareSource, type FencedCodeBody } from './prepare-source.js';

export interface HelpMarkdown {
  readonly root: Root;
  /** NOTES → COMPLEX PARAMETER PROPERTIES lines, which are not in `root`. */
  readonly complexParameterLines: readonly string[];
}

/** Parses a help file (its LF text, or its lines) with remark, handing the bulky parts that need no markdown parsing around it. */
export function parseHelpMarkdown(source: string | readonly string[], sections?: ParsedSections): HelpMarkdown {
  const prepared = prepareSource(source, { emptyFencedCode: true });
  const root = sections ? sections.parse(prepared.markdownLines, prepared.sectionStarts) : parseMarkdown(prepared.markdownLines.join('\n'));
  mapToFileLines(root, prepared.originalLines);
  if (restoreFencedCode(root, prepared.fencedCode)) return { root, complexParameterLines: prepared.complexParameterLines };
  // remark saw no fence where the line scan did (e.g. inside an HTML block): let it parse the bodies.
  const unprepared = prepareSource(source, { emptyFencedCode: false });
  const unpreparedRoot = parseMarkdown(unprepared.markdownLines.join('\n'));
  mapToFileLines(unpreparedRoot, unprepared.originalLines);
  return { root: unpreparedRoot, complexParameterLines: unprepared.complexParameterLines };
}

/**
 * Gives every node the lines it has in the file rather than in the collapsed text remark read.
 * Offsets would point into that text, so they are dropped: readers locate by line and column.
 */
function mapToFileLines(node: Nodes, originalLines: readonly number[]): void {
  const position = node.position;
  if (position) {
    position.start = { line: originalLines[position.start.line - 1] ?? position.start.line, column: position.start.column };
    position.end = { line: originalLines[position.end.line - 1] ?? position.end.line, column: position.end.column };
  }
  if ('children' in node) for (const child of node.children) mapToFileLines(child, originalLines);
}

/** Puts the fence bodies back; false when a scanned fence is not a top-level `code` node ending where expected. */
function restoreFencedCode(root: Root, bodies: ReadonlyMap<number, FencedCodeBody>): boolean {
  let restored = 0;
  for (const node of root.children) {
    const body = node.type === 'code' ? bodies.get(node.position?.start.line ?? 0) : undefined;
    if (node.type !== 'code' || !body) continue;
    if (body.closingLine !== undefined && body.closingLine !== node.position?.end.line) return false;
    node.value = body.value;
    restored++;
  }
  return restored === bodies.size;
}
