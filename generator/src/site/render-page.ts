/**
 * One reference page, markdown → HTML: CommonMark with GFM tables, front matter skipped,
 * `::: code-group` blocks as labelled code blocks, and links to `.md` pages turned into links
 * to their `.html`. Raw HTML in the pages (`<wbr>`, `<br>`) is the generator's own: the docs
 * target escapes everything it takes from the inputs.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Code, Root } from 'mdast';
import { toHast, type State } from 'mdast-util-to-hast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

export interface RenderedPage {
  /** Text of the first `#` heading (the page title). */
  readonly title: string;
  /** Text of the first paragraph (what a search result shows). */
  readonly summary: string;
  /** Text of the `##`/`###` headings. */
  readonly headings: readonly string[];
  readonly html: string;
  /** Every `href` of the page, as written in the HTML. */
  readonly links: readonly string[];
}

export function renderPage(markdown: string): RenderedPage {
  const tree = parser.parse(codeGroupsAsHtml(markdown)) as Root;
  const hast = toHast(tree, { allowDangerousHtml: true, handlers: { code: labelledCode } }) as HastRoot;
  const links: string[] = [];
  const texts = { title: '', summary: '', headings: [] as string[] };
  const ids = new Set<string>();
  visitElements(hast, (element) => {
    if (/^h[1-6]$/.test(element.tagName)) element.properties['id'] = uniqueSlug(textOf(element), ids);
    const href = element.properties['href'];
    if (element.tagName === 'a' && typeof href === 'string') {
      element.properties['href'] = markdownLinkToHtml(href);
      links.push(element.properties['href'] as string);
    }
    if (element.tagName === 'h1' && !texts.title) texts.title = textOf(element);
    else if ((element.tagName === 'h2' || element.tagName === 'h3') && texts.headings.length < 40) texts.headings.push(textOf(element));
    else if (element.tagName === 'p' && !texts.summary && texts.title) texts.summary = textOf(element).slice(0, 300);
  });
  return { ...texts, html: toHtml(hast, { allowDangerousHtml: true }), links };
}

/** `../models/x.md#y` → `../models/x.html#y`; other links as they are. */
export function markdownLinkToHtml(href: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#')) return href;
  return href.replace(/\.md(?=$|#)/, '.html');
}

/** VitePress `::: code-group` … `:::` → an HTML wrapper the page script turns into tabs. */
function codeGroupsAsHtml(markdown: string): string {
  return markdown.replace(/^::: code-group[ \t]*$/gm, '<div class="code-group">\n').replace(/^:::[ \t]*$/gm, '\n</div>');
}

/** ```` ```sh [CLI] ```` → a figure with the label as its caption. */
function labelledCode(state: State, node: Code): Element {
  const language = node.lang ? [`language-${node.lang}`] : [];
  const code: Element = { type: 'element', tagName: 'code', properties: { className: language }, children: [{ type: 'text', value: node.value }] };
  const pre: Element = { type: 'element', tagName: 'pre', properties: {}, children: [code] };
  const label = /^\[(.+)\]$/.exec(node.meta?.trim() ?? '')?.[1];
  const children: ElementContent[] = label ? [{ type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: label }] }, pre] : [pre];
  const figure: Element = { type: 'element', tagName: 'figure', properties: { className: ['code'] }, children };
  state.patch(node, figure);
  return figure;
}

/** A heading's anchor as VitePress and GitHub make it: lower case, words joined by `-`, made unique. */
function uniqueSlug(text: string, taken: Set<string>): string {
  const slug =
    text
      .toLowerCase()
      .trim()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s+/g, '-') || 'section';
  let unique = slug;
  for (let count = 1; taken.has(unique); count++) unique = `${slug}-${count}`;
  taken.add(unique);
  return unique;
}

function visitElements(node: HastRoot | HastContent, visit: (element: Element) => void): void {
  if (node.type === 'element') visit(node);
  if ('children' in node) for (const child of node.children) visitElements(child, visit);
}

function textOf(node: HastRoot | HastContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && node.tagName === 'wbr') return '';
  return 'children' in node ? node.children.map(textOf).join('') : '';
}
