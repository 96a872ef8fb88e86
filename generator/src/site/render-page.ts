/**
 * One reference page, markdown → HTML, with markdown-it (CommonMark with GFM tables; the library
 * VitePress renders with, and 12× faster than remark here, which matters at 25,000 pages): front
 * matter skipped, headings given anchors, `::: code-group` blocks as labelled code blocks the page
 * script turns into tabs, and links to `.md` pages turned into links to their `.html`. Raw HTML in
 * the pages (`<wbr>`, `<br>`) is the generator's own: the docs target escapes everything it takes
 * from the inputs.
 */
import markdownItFactory, { type Token } from 'markdown-it';

const markdownIt = markdownItFactory({ html: true, linkify: false });
markdownIt.renderer.rules.fence = (tokens, index) => labelledCode(tokens[index] as Token);

export interface RenderedPage {
  /** Text of the first `#` heading (the page title). */
  readonly title: string;
  /** Text of the first paragraph after the title (what a search result shows). */
  readonly summary: string;
  /** Text of the `##`/`###` headings. */
  readonly headings: readonly string[];
  readonly html: string;
  /** Every link of the page, as written in the HTML. */
  readonly links: readonly string[];
}

export function renderPage(markdown: string): RenderedPage {
  const env = {};
  const tokens = markdownIt.parse(codeGroupsAsHtml(withoutFrontMatter(markdown)), env);
  const page = { title: '', summary: '', headings: [] as string[], links: [] as string[] };
  const ids = new Set<string>();
  tokens.forEach((token, index) => {
    const inline = tokens[index + 1];
    if (token.type === 'heading_open' && inline?.type === 'inline') {
      const text = inlineText(inline);
      token.attrSet('id', uniqueSlug(text, ids));
      if (token.tag === 'h1' && !page.title) page.title = text;
      else if ((token.tag === 'h2' || token.tag === 'h3') && page.headings.length < 40) page.headings.push(text);
    } else if (token.type === 'paragraph_open' && inline?.type === 'inline' && page.title && !page.summary) {
      page.summary = inlineText(inline).slice(0, 300);
    }
    for (const child of token.children ?? []) {
      const href = child.type === 'link_open' ? child.attrGet('href') : null;
      if (typeof href !== 'string') continue;
      child.attrSet('href', markdownLinkToHtml(href));
      page.links.push(markdownLinkToHtml(href));
    }
  });
  return { ...page, html: markdownIt.renderer.render(tokens, markdownIt.options, env) };
}

/** `../models/x.md#y` → `../models/x.html#y`; other links as they are. */
export function markdownLinkToHtml(href: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#')) return href;
  return href.replace(/\.md(?=$|#)/, '.html');
}

/** platyPS pages open with YAML front matter: metadata, not content. */
function withoutFrontMatter(markdown: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(markdown);
  // the front matter's lines become empty ones, so that line numbers stay those of the file
  return match ? `${'\n'.repeat(match[0].split('\n').length - 1)}${markdown.slice(match[0].length)}` : markdown;
}

/** VitePress `::: code-group` … `:::` → an HTML wrapper the page script turns into tabs. */
function codeGroupsAsHtml(markdown: string): string {
  return markdown.replace(/^::: code-group[ \t]*$/gm, '<div class="code-group">\n').replace(/^:::[ \t]*$/gm, '\n</div>');
}

/** ```` ```sh [CLI] ```` → a figure with the label as its caption. */
function labelledCode(token: Token): string {
  const [language = '', ...rest] = token.info.trim().split(/\s+/);
  const label = /^\[(.+)\]$/.exec(rest.join(' '))?.[1];
  const languageClass = language ? ` class="language-${escapeHtml(language)}"` : '';
  const caption = label ? `<figcaption>${escapeHtml(label)}</figcaption>` : '';
  return `<figure class="code">${caption}<pre><code${languageClass}>${escapeHtml(token.content)}</code></pre></figure>\n`;
}

function inlineText(inline: Token): string {
  return (inline.children ?? []).map((child) => (child.type === 'text' || child.type === 'code_inline' ? child.content : child.type === 'softbreak' ? ' ' : '')).join('');
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

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
