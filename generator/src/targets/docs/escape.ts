/**
 * Everything taken from the inputs goes through these before it reaches a page, so it renders
 * as text: never as markdown syntax, HTML, or a Vue interpolation (VitePress compiles each page
 * into a Vue template, where `{{ … }}` would be evaluated).
 */

/** ASCII punctuation that can start markdown syntax inside a line (`<` and `>` are handled apart). */
const INLINE_SYNTAX = /[\\`*_[\]|&~]/g;
/** Characters that start a block (heading, list, quote, thematic break) at the start of a line. */
const LINE_START_MARK = /^(\s*)([#+=-])/;
const LINE_START_ORDINAL = /^(\s*\d+)([.)])/;

/** Keep Vue from compiling `{{ … }}`: markdown escapes cannot do it, `v-pre` can. */
function guardVue(markdown: string): string {
  return markdown.includes('{{') || markdown.includes('}}') ? `<span v-pre>${markdown}</span>` : markdown;
}

/**
 * `<` and `>` become entities, not `\<`: VitePress copies a page's headings into a script
 * block of the page's Vue component, where a `</script>` that is still literal text there ends
 * the block and breaks the build.
 */
function escapeLine(line: string): string {
  return line.replace(INLINE_SYNTAX, '\\$&').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(LINE_START_MARK, '$1\\$2').replace(LINE_START_ORDINAL, '$1\\$2');
}

/** Inline text (one line): a table cell, a list item, a sentence inside a template. */
export function text(value: string | undefined): string {
  const oneLine = (value ?? '').replace(/\s*\r?\n\s*/g, ' ').trim();
  return guardVue(escapeLine(oneLine));
}

/** Prose that may span lines and paragraphs; line breaks inside a paragraph are kept. */
export function block(value: string | undefined): string {
  return (value ?? '')
    .trim()
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) =>
      guardVue(
        paragraph
          .split(/\r?\n/)
          .map((line) => escapeLine(line.trim()))
          .join('\n'),
      ),
    )
    .join('\n\n');
}

/** An inline code span whose content is shown verbatim. */
export function code(value: string): string {
  const longestRun = Math.max(0, ...[...value.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longestRun + 1);
  const padded = value.startsWith('`') || value.endsWith('`') ? ` ${value} ` : value;
  return guardVue(`${fence}${padded}${fence}`);
}

/** An inline code span inside a table cell: a `|` would end the cell, even inside code. */
export function cellCode(value: string): string {
  return code(value).replace(/\|/g, '\\|');
}

/** A table cell of text whose `backticked` spans are shown as code (the CLI's descriptions use them). */
export function cellTextWithCode(value: string | undefined): string {
  const oneLine = (value ?? '').replace(/\s*\r?\n\s*/g, ' ').trim();
  const parts = oneLine.split(/(`[^`]+`)/);
  return guardVue(parts.map((part, index) => (index % 2 === 1 ? cellCode(part.slice(1, -1)) : escapeLine(part))).join(''));
}

/** A fenced code block (VitePress renders fences with `v-pre`, so the content is safe). */
export function fence(language: string, content: string, title?: string): string {
  const longestRun = Math.max(2, ...[...content.matchAll(/^ {0,3}(`{3,})/gm)].map((match) => (match[1] ?? '').length));
  const marks = '`'.repeat(longestRun + 1);
  return `${marks}${language}${title ? ` [${title}]` : ''}\n${content.replace(/\s+$/, '')}\n${marks}`;
}

/**
 * A link whose label comes from the inputs. The target may too (an operation's `externalDocs`
 * URL, a help file's RELATED LINKS): only http(s) and relative targets are kept, and the
 * characters that could end the link or open markup are percent-encoded, so that a URL such as
 * `https://x) <img onerror=…>` stays one link.
 */
export function link(label: string, target: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) && !/^https?:/i.test(target)) return text(label);
  const safe = target.replace(/[\s<>()"'`\\[\]{}]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${text(label)}](${safe})`;
}

/** Text for a place VitePress renders as HTML (sidebar labels are `v-html`). */
export function html(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
