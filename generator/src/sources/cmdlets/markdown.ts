import type { Code, Nodes, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const markdownParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();

/** CommonMark + YAML front matter; no GFM, as platyPS writes plain CommonMark. */
export function parseMarkdown(text: string): Root {
  return markdownParser.parse(text);
}

/** Text of inline content as a reader sees it: escapes resolved, links reduced to their text. */
export function inlineText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'html':
    case 'code':
    case 'yaml':
      return node.value;
    case 'break':
      return '\n';
    case 'image':
      return node.alt ?? '';
    case 'link': {
      const text = childrenText(node.children);
      return text === '' ? node.url : text;
    }
    default:
      return 'children' in node ? childrenText(node.children) : '';
  }
}

function childrenText(children: readonly Nodes[]): string {
  return children.map(inlineText).join('');
}

/** Plain text of block content, blocks separated by a blank line, list items by `- ` lines. */
export function blockText(nodes: readonly RootContent[]): string {
  return nodes
    .map(blockNodeText)
    .filter((text) => text !== '')
    .join('\n\n')
    .trim();
}

function blockNodeText(node: RootContent): string {
  switch (node.type) {
    case 'list':
      return node.children.map((item) => `- ${blockText(item.children)}`).join('\n');
    case 'blockquote':
      return blockText(node.children);
    case 'thematicBreak':
    case 'definition':
      return '';
    default:
      return inlineText(node).trim();
  }
}

/** The markdown source a node was parsed from, found by line and column. */
export function sourceOf(text: string, node: Nodes): string {
  const { start, end } = node.position ?? {};
  if (!start || !end) return '';
  return text.slice(offsetOf(text, start), offsetOf(text, end));
}

function offsetOf(text: string, point: LineColumn): number {
  let lineStart = 0;
  for (let line = 1; line < point.line; line++) lineStart = text.indexOf('\n', lineStart) + 1 || text.length;
  return lineStart + point.column - 1;
}

export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

export function startOf(node: Nodes): LineColumn {
  const start = node.position?.start;
  return { line: start?.line ?? 1, column: start?.column ?? 1 };
}

/** Offsets at which each line of a fence's value starts, computed once per fence. */
const fenceLineStarts = new WeakMap<Code, number[]>();

function lineStartsOf(fence: Code): number[] {
  let starts = fenceLineStarts.get(fence);
  if (!starts) {
    starts = [0];
    for (let index = fence.value.indexOf('\n'); index !== -1; index = fence.value.indexOf('\n', index + 1)) starts.push(index + 1);
    fenceLineStarts.set(fence, starts);
  }
  return starts;
}

/**
 * Where `offset` (an index into a fenced code block's value) is in the markdown file.
 * The value starts on the line after the opening fence, with the fence's indentation removed.
 * Line starts are found once per fence and searched, so a usage line with thousands of
 * parameters costs linear time, not quadratic.
 */
export function positionInFence(fence: Code, offset: number): LineColumn {
  const starts = lineStartsOf(fence);
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  const fenceStart = startOf(fence);
  return { line: fenceStart.line + 1 + low, column: fenceStart.column + (offset - (starts[low] as number)) };
}

/** Resolves CommonMark backslash escapes (`\<`, `\[`, `\]`, ...) in text taken from the source. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** platyPS placeholders such as `{{ Add code here }}` or `{{ Fill in the Description }}`. */
export function isPlaceholderText(text: string): boolean {
  return /^\{\{[^{}]*\}\}$/.test(text.trim());
}
