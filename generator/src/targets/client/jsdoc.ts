/** JSDoc text for the emitted code: escaping, paragraphs, tags. */

/** Text safe inside a `/** … *\/` block: no comment terminator, LF only, trimmed lines. */
export function docText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/\*\//g, '*\\/')
      // code-block-writer reads `/*` inside a JSDoc as a comment opening and garbles what follows
      .replace(/\/\*/g, '/\\*')
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .trim()
  );
}

/** Whether help text says anything (platyPS uses `.` and empty strings as placeholders). */
export function isMeaningful(text: string | undefined): text is string {
  if (text === undefined) return false;
  const trimmed = text.trim();
  return trimmed !== '' && trimmed !== '.' && !/^\{\{.*\}\}$/.test(trimmed);
}

/** First line of platyPS help (drops "To construct, see NOTES…" follow-ups). */
export function firstHelpLine(text: string): string {
  return (text.split(/\r?\n/)[0] ?? '').trim();
}

export interface DocTag {
  readonly tag: string;
  readonly text?: string;
}

/**
 * One JSDoc block's text: description paragraphs (empty ones dropped, blank lines between), then
 * a line per tag (`@param name text`), as ts-morph prints a `{ description, tags }` structure. Given
 * the text, its printer writes it as it is; given the structure, it built the text with a writer
 * per block and per tag, a third of the time printing a documented model took.
 */
export function jsDoc(paragraphs: readonly (string | undefined)[], tags: readonly DocTag[] = []): string {
  const description = paragraphs
    .filter((paragraph): paragraph is string => paragraph !== undefined && paragraph.trim() !== '')
    .map(docText)
    .join('\n\n');
  const tagLines = tags.map((tag) => {
    const text = tag.text === undefined ? '' : docText(tag.text);
    return text === '' ? `@${tag.tag}` : `@${tag.tag} ${text}`;
  });
  return (description === '' ? tagLines : [description, ...tagLines]).join('\n');
}

/** `{@link url|text}` for `@see`. */
export function seeLink(url: string, text: string): DocTag {
  return { tag: 'see', text: `{@link ${url}|${text.replace(/[|}]/g, ' ').trim()}}` };
}
